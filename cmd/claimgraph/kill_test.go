package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/postgres"
	"github.com/claimgraph/claimgraph/storetest"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for checks of a PostgreSQL store's tables
)

// articlesFromTreebank splits the UD English treebank into articles of a
// few sentences each: real text, thousands of documents.
func articlesFromTreebank(t *testing.T, path string, max int) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() && len(out) < max {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
		case strings.HasPrefix(line, "# text = "):
			cur = append(cur, strings.TrimPrefix(line, "# text = "))
			if len(cur) == 4 {
				flush()
			}
		}
	}
	flush()
	return out
}

// treebankInput writes n articles of the UD English treebank as JSON
// Lines and returns the file and the ids the documents must get.
func treebankInput(t *testing.T, dir string, n int) (string, []string) {
	t.Helper()
	texts := articlesFromTreebank(t, shareddata.Path(t, "data/ud-english-ewt/en_ewt-ud-train.conllu"), n)
	input := filepath.Join(dir, "articles.jsonl")
	var ids []string
	var b strings.Builder
	for i, x := range texts {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "text": x, "title": fmt.Sprintf("Article %d", i), "date": "2020-01-02"})
		b.Write(line)
		b.WriteByte('\n')
		ids = append(ids, claimgraph.DocumentID(x))
	}
	if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return input, ids
}

// buildBinary builds claimgraph into dir for tests that run real processes.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "claimgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// storeTargets returns the stores a process test runs on: a SQLite file,
// and a PostgreSQL database when CLAIMGRAPH_TEST_PG names a server.
func storeTargets() map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "store.db") },
		"postgres": func(t *testing.T) string { return storetest.PostgresURL(t) },
	}
}

// openSQL opens the store named by dsn with database/sql, for checks that
// read its tables directly.
func openSQL(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if postgres.IsURL(dsn) {
		driver = "pgx"
	}
	sdb, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sdb.Close() })
	return sdb
}

// checkStoredOnce checks that the store holds exactly the documents want,
// each once and with its regions.
func checkStoredOnce(t *testing.T, dsn string, want []string) {
	t.Helper()
	rows, err := openSQL(t, dsn).Query(`SELECT id, (SELECT COUNT(*) FROM regions r WHERE r.seq = d.seq) FROM documents d`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]bool{}
	for rows.Next() {
		var id string
		var regions int
		if err := rows.Scan(&id, &regions); err != nil {
			t.Fatal(err)
		}
		if got[id] {
			t.Errorf("document %s stored twice", id)
		}
		got[id] = true
		if regions == 0 {
			t.Errorf("document %s stored without its regions", id)
		}
	}
	distinct := map[string]bool{}
	for _, id := range want {
		distinct[id] = true
		if !got[id] {
			t.Errorf("document %s lost", id)
			break
		}
	}
	if len(got) != len(distinct) {
		t.Errorf("stored %d documents, want %d distinct", len(got), len(distinct))
	}
}

// TestKilledIngestResumes kills an ingest of thousands of documents with
// SIGKILL at random moments, many times, then lets it finish: every document
// is stored exactly once, each with its regions, on both stores.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it many times")
	}
	dir := t.TempDir()
	input, want := treebankInput(t, dir, 3000)
	bin := buildBinary(t, dir)
	for name, target := range storeTargets() {
		t.Run(name, func(t *testing.T) {
			db := target(t)
			rng := rand.New(rand.NewSource(1))
			kills := 0
			for i := 0; i < 12; i++ {
				cmd := exec.Command(bin, "ingest", "-q", "--db", db, input)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				select {
				case <-done:
					// Finished before the kill: nothing left to interrupt.
				case <-time.After(time.Duration(50+rng.Intn(700)) * time.Millisecond):
					cmd.Process.Signal(syscall.SIGKILL)
					<-done
					kills++
				}
			}
			out, err := exec.Command(bin, "ingest", "-q", "--json", "--db", db, input).Output()
			if err != nil {
				t.Fatalf("final ingest: %v", err)
			}
			var sum ingestSummary
			if err := json.Unmarshal(out, &sum); err != nil {
				t.Fatal(err)
			}
			if sum.Failed != 0 || sum.Ingested+sum.Unchanged != len(want) {
				t.Errorf("final run: %+v, want %d documents read", sum, len(want))
			}
			checkStoredOnce(t, db, want)
			t.Logf("%d documents, %d kills, final run ingested %d", len(want), kills, sum.Ingested)
		})
	}
}

// TestConcurrentIngestPostgres runs three ingest processes at once over
// overlapping thirds of a batch into one PostgreSQL database: every document
// is stored exactly once, and the entity layer they leave is the one a
// single process ingesting the whole batch computes.
func TestConcurrentIngestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs real processes")
	}
	dir := t.TempDir()
	input, want := treebankInput(t, dir, 600)
	lines := strings.SplitAfter(strings.TrimSuffix(mustRead(t, input), "\n"), "\n")
	// Three inputs, each two fifths of the batch, overlapping: every
	// document is read by one or two of the processes.
	parts := [][2]int{{0, 240}, {180, 420}, {360, 600}}
	var inputs []string
	for i, p := range parts[:3] {
		path := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", i))
		if err := os.WriteFile(path, []byte(strings.Join(lines[p[0]:p[1]], "")), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	bin := buildBinary(t, dir)
	shared := storetest.PostgresURL(t)
	single := storetest.PostgresURL(t)
	var cmds []*exec.Cmd
	for _, in := range inputs {
		cmd := exec.Command(bin, "ingest", "-q", "--db", shared, in)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
		t.Cleanup(func() {
			if stderr.Len() > 0 {
				t.Logf("%s: %s", in, stderr.String())
			}
		})
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("ingest %s: %v", inputs[i], err)
		}
	}
	if out, err := exec.Command(bin, "ingest", "-q", "--db", single, input).CombinedOutput(); err != nil {
		t.Fatalf("single ingest: %v %s", err, out)
	}
	checkStoredOnce(t, shared, want)
	// The whole entity layer is compared without its ids, from the tables
	// (the listing is capped, and ties at its end fall by id): ids are kept
	// across recomputations (an entity that grows keeps its id), so they
	// depend on the layers computed before, and the concurrent processes
	// computed several along the way. Names, types, counts and every alias
	// with its evidence must match.
	listing := func(db string) string {
		sdb := openSQL(t, db)
		var lines []string
		for _, q := range []string{
			`SELECT name || ' ' || type || ' ' || mentions || ' ' || docs FROM entities`,
			`SELECT e.name || ' <- ' || a.name || ' ' || a.source || ' ' || a.rule || ' ' || a.doc || ' ' || a.start
				FROM entity_aliases a JOIN entities e ON e.id = a.entity`,
			`SELECT e.name || ' @ ' || m.doc || ' ' || m.ord FROM mention_entities me
				JOIN entities e ON e.id = me.entity JOIN mentions m ON m.id = me.mention`,
		} {
			rows, err := sdb.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var l string
				if err := rows.Scan(&l); err != nil {
					t.Fatal(err)
				}
				lines = append(lines, l)
			}
			rows.Close()
		}
		sort.Strings(lines)
		return strings.Join(lines, "\n") + "\n"
	}
	got, wantEntities := listing(shared), listing(single)
	if got != wantEntities {
		t.Errorf("entities after 3 concurrent ingests differ from one ingest:\n%s", firstLineDiff(got, wantEntities))
		var gen, built string
		sdb := openSQL(t, shared)
		sdb.QueryRow(`SELECT value FROM state WHERE key = 'generation'`).Scan(&gen)
		sdb.QueryRow(`SELECT value FROM state WHERE key = 'entities_generation'`).Scan(&built)
		t.Logf("shared store: generation %s, entity layer built at %s", gen, built)
		// Say whether the analyses differ or only the layer above them.
		if a, b := dumpMentions(t, shared), dumpMentions(t, single); a != b {
			t.Errorf("the stored mentions differ too:\n%s", firstLineDiff(a, b))
		}
	}
	if n := strings.Count(wantEntities, " <- "); n < 50 {
		t.Errorf("single ingest found %d entity names; the comparison needs a real layer", n)
	}
	var orphans int
	if err := openSQL(t, shared).QueryRow(`SELECT COUNT(*) FROM mentions m WHERE m.ambiguous = 0
		AND NOT EXISTS (SELECT 1 FROM mention_entities me WHERE me.mention = m.id)`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	var singleOrphans int
	if err := openSQL(t, single).QueryRow(`SELECT COUNT(*) FROM mentions m WHERE m.ambiguous = 0
		AND NOT EXISTS (SELECT 1 FROM mention_entities me WHERE me.mention = m.id)`).Scan(&singleOrphans); err != nil {
		t.Fatal(err)
	}
	if orphans != singleOrphans {
		t.Errorf("%d unambiguous mentions without an entity after concurrent ingests, %d after one", orphans, singleOrphans)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstLineDiff returns the first line where a and b differ, from each.
func firstLineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(la), len(lb))
}

// dumpMentions lists every stored mention, sorted.
func dumpMentions(t *testing.T, db string) string {
	rows, err := openSQL(t, db).Query(`SELECT doc, ord, start, "end", text, type, name, kind, chain, ambiguous FROM mentions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var doc, text, typ, name, kind string
		var ord, s, e, chain, amb int
		if err := rows.Scan(&doc, &ord, &s, &e, &text, &typ, &name, &kind, &chain, &amb); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %04d %d-%d %s %q %q %s %d %d", doc, ord, s, e, typ, text, name, kind, chain, amb))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

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
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
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

// TestKilledIngestResumes kills an ingest of thousands of documents with
// SIGKILL at random moments, many times, then lets it finish: every document
// is stored exactly once, each with its regions.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it many times")
	}
	texts := articlesFromTreebank(t, shareddata.Path(t, "data/ud-english-ewt/en_ewt-ud-train.conllu"), 3000)
	dir := t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	want := map[string]bool{}
	var b strings.Builder
	for i, x := range texts {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "text": x, "title": fmt.Sprintf("Article %d", i), "date": "2020-01-02"})
		b.Write(line)
		b.WriteByte('\n')
		want[claimgraph.DocumentID(x)] = true
	}
	if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "claimgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "kill.db")
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
	if sum.Failed != 0 || sum.Ingested+sum.Unchanged != len(texts) {
		t.Errorf("final run: %+v, want %d documents read", sum, len(texts))
	}
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	rows, err := sdb.Query(`SELECT id, (SELECT COUNT(*) FROM regions r WHERE r.doc = d.id) FROM documents d`)
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
	if len(got) != len(want) {
		t.Errorf("stored %d documents, want %d distinct", len(got), len(want))
	}
	for id := range want {
		if !got[id] {
			t.Errorf("document %s lost", id)
			break
		}
	}
	t.Logf("%d documents, %d kills, final run ingested %d", len(want), kills, sum.Ingested)
}

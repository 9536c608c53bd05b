package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/pipeline"
)

// seededStore ingests the repository's small articles into a new store.
func seededStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cli.db")
	if _, e, err := run(t, "", "ingest", "-q", "--db", db, filepath.Join("..", "..", "testdata", "articles")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, e)
	}
	return db
}

func TestHelpOfHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "-h"}, {"help", "help"}, {"help", "--help"}, {"-h", "-h"}} {
		out, _, err := run(t, "", args...)
		if err != nil || !strings.Contains(out, "Commands:") {
			t.Errorf("%q: %v\n%s", args, err, out)
		}
	}
	if _, errOut, _ := run(t, "", "help", "ingest"); !strings.Contains(errOut, "claimgraph ingest") {
		t.Errorf("help ingest: %s", errOut)
	}
}

func TestVersion(t *testing.T) {
	db := seededStore(t)
	out, e, err := run(t, "", "version", "--db", db, "--json")
	if err != nil {
		t.Fatalf("%v %s", err, e)
	}
	var v versionInfo
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Analyzer != pipeline.Version || !strings.HasPrefix(v.Go, "go") || v.Schema == 0 || v.StoreSchema != v.Schema || v.Version == "" {
		t.Errorf("version %+v", v)
	}
	out, _, _ = run(t, "", "version")
	for _, want := range []string{"claimgraph ", "analyzer   " + pipeline.Version, "schema     "} {
		if !strings.Contains(out, want) {
			t.Errorf("version lacks %q:\n%s", want, out)
		}
	}
}

// Flags go before or after the arguments, in every subcommand.
func TestFlagsAnywhere(t *testing.T) {
	db := seededStore(t)
	docs, _, err := run(t, "", "docs", "--json", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var d struct{ ID string }
	json.Unmarshal([]byte(strings.SplitN(docs, "\n", 2)[0]), &d)
	before, _, err1 := run(t, "", "show", "--json", "--db", db, d.ID)
	after, _, err2 := run(t, "", "show", d.ID, "--json", "--db", db)
	if err1 != nil || err2 != nil || before != after || !strings.HasPrefix(after, "{") {
		t.Errorf("show DOC --json: %v %v\n%s", err1, err2, after)
	}
	mixed, _, err := run(t, "", "quotes", "--db", db, "--limit", "1", "--json")
	if err != nil || strings.Count(mixed, "\n") != 1 {
		t.Errorf("quotes with flags in any order: %v\n%s", err, mixed)
	}
	// "--" ends the flags: what follows is an argument even if it looks like one.
	if _, _, err := run(t, "", "show", "--db", db, "--", "--json"); err == nil || !strings.Contains(err.Error(), "--json") {
		t.Errorf("show -- --json: %v", err)
	}
}

// Every listing pages with --limit and --offset and says on stderr when
// more follow.
func TestListingsSayWhenCut(t *testing.T) {
	db := seededStore(t)
	for _, cmd := range []string{"docs", "quotes", "timeline", "entities"} {
		all, _, err := run(t, "", cmd, "--db", db, "--json")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(all), "\n")
		if len(lines) < 2 {
			t.Fatalf("%s: %d items, want at least 2 for the test", cmd, len(lines))
		}
		first, errOut, _ := run(t, "", cmd, "--db", db, "--json", "--limit", "1")
		if strings.TrimSpace(first) != lines[0] || !strings.Contains(errOut, "more follow: add --offset 1") {
			t.Errorf("%s --limit 1: %q, stderr %q", cmd, first, errOut)
		}
		second, _, _ := run(t, "", cmd, "--db", db, "--json", "--limit", "1", "--offset", "1")
		if strings.TrimSpace(second) != lines[1] {
			t.Errorf("%s --offset 1: %q, want %q", cmd, second, lines[1])
		}
		_, errOut, _ = run(t, "", cmd, "--db", db, "--json", "--limit", "5000")
		if errOut != "" {
			t.Errorf("%s whole: stderr %q", cmd, errOut)
		}
		if _, _, err := run(t, "", cmd, "--db", db, "--limit", "0"); err == nil {
			t.Errorf("%s --limit 0 accepted", cmd)
		}
	}
	if top, _, _ := run(t, "", "entities", "--db", db, "--json", "--top", "1"); strings.Count(top, "\n") != 1 {
		t.Errorf("entities --top 1: %q", top)
	}
}

// The progress display shows the share read, the rate and the time left
// when the input's size is known, and a summary line ends every run.
func TestIngestProgress(t *testing.T) {
	dir := t.TempDir()
	for i, text := range []string{"Port reopens\n\nThe port of Dunmore reopened on Monday.\n", "Mayor resigns\n\nThe mayor of Dunmore resigned on Tuesday.\n"} {
		writeFile(t, filepath.Join(dir, "in", string(rune('a'+i))+".txt"), text)
	}
	total, known := ingest.InputSize([]string{filepath.Join(dir, "in")})
	if !known || total == 0 {
		t.Fatalf("InputSize = %d %v", total, known)
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	store, err := m.openStore(context.Background(), filepath.Join(dir, "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sum, err := m.ingestRun(context.Background(), store, []string{filepath.Join(dir, "in")}, ingest.DefaultOptions(), true, &pipeline.Stats{}, pipeline.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	bar := errb.String()
	for _, want := range []string{"100 %", "2 docs", "docs/s", "ETA"} {
		if !strings.Contains(bar, want) {
			t.Errorf("progress lacks %q: %q", want, bar)
		}
	}
	if sum.Input != total || !strings.HasPrefix(sum.line(), "ingested 2, unchanged 0, failed 0 in ") {
		t.Errorf("summary %q, input %d of %d", sum.line(), sum.Input, total)
	}
}

// doc set-date --from dates documents in bulk by id or source, reporting
// each row it cannot apply and applying the others.
func TestSetDatesFromCSV(t *testing.T) {
	db := seededStore(t)
	docs, _, _ := run(t, "", "docs", "--db", db, "--json")
	var ids, sources []string
	for _, l := range strings.Split(strings.TrimSpace(docs), "\n") {
		var d struct{ ID, Source string }
		json.Unmarshal([]byte(l), &d)
		ids, sources = append(ids, d.ID), append(sources, d.Source)
	}
	csvPath := filepath.Join(t.TempDir(), "dates.csv")
	writeFile(t, csvPath, "id,date\n"+ids[0][:8]+",2020-02-03\n\""+sources[2]+"\",20200405\nnosuchdoc,2020-01-01\n"+ids[1]+",yesterday\n")
	out, errOut, err := run(t, "", "doc", "set-date", "--db", db, "--from", csvPath)
	if err == nil || !strings.Contains(out, "dated 2 document(s), failed 2") {
		t.Errorf("set-date --from: %v\n%s\n%s", err, out, errOut)
	}
	for _, want := range []string{"dates.csv:4: no document with id or source \"nosuchdoc\"", "dates.csv:5: \"yesterday\" is not an ISO 8601 date"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	after, _, _ := run(t, "", "docs", "--db", db, "--json")
	if !strings.Contains(after, `"date":"2020-02-03","date_source":"user"`) || !strings.Contains(after, `"date":"2020-04-05","date_source":"user"`) {
		t.Errorf("dates not set:\n%s", after)
	}
}

// People read TIMEX3 values with their human reading next to them; JSON
// keeps the value.
func TestTimelineReadsValues(t *testing.T) {
	db := seededStore(t)
	out, _, err := run(t, "", "timeline", "--db", db)
	if err != nil || !strings.Contains(out, "2023-11-13 (13 Nov 2023)") || !strings.Contains(out, "2024-03 (Mar 2024)") {
		t.Errorf("timeline: %v\n%s", err, out)
	}
	js, _, _ := run(t, "", "timeline", "--db", db, "--json")
	if strings.Contains(js, "Nov 2023") || !strings.Contains(js, `"2023-11-13"`) {
		t.Errorf("timeline --json carries the reading:\n%s", js)
	}
}

// reuse names both documents (title, outlet, date) and which came first.
func TestReuseNamesDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	body := "The dock workers of Northport ended their strike on Friday after the harbour authority agreed to raise wages by four percent, the union said in a statement that was read aloud to members at the gates."
	writeFile(t, filepath.Join(dir, "b.txt"), "Strike over at the docks\n\n"+body+" Talks had lasted a week.\n")
	writeFile(t, filepath.Join(dir, "a.txt"), "Dock strike ends\n\n"+body+"\n")
	run(t, "", "ingest", "-q", "--db", db, "--outlet", "Harbour News", "--date", "2024-05-04", filepath.Join(dir, "b.txt"))
	run(t, "", "ingest", "-q", "--db", db, "--date", "2024-05-03", filepath.Join(dir, "a.txt"))
	out, _, err := run(t, "", "reuse", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"Strike over at the docks" (Harbour News, 2024-05-04)`, `"Dock strike ends" (2024-05-03)  ← published first`} {
		if !strings.Contains(out, want) {
			t.Errorf("reuse lacks %q:\n%s", want, out)
		}
	}
}

// Help texts say what the commands do: eval -h shows every task's flags,
// tag -h names MISC, ingest -h the JSON Lines fields, show prints the
// analysis the README promises.
func TestHelpTextsMatch(t *testing.T) {
	_, evalHelp, _ := run(t, "", "eval", "-h")
	for _, want := range []string{"Flags of eval ner:", "-json", "Flags of eval timex:"} {
		if !strings.Contains(evalHelp, want) {
			t.Errorf("eval -h lacks %q", want)
		}
	}
	// ingest -h names the JSON Lines fields it reads.
	_, ingestHelp, _ := run(t, "", "ingest", "-h")
	for _, field := range []string{"text", "html", "title", "outlet", "author", "url", "date"} {
		if !strings.Contains(ingestHelp, `"`+field+`"`) {
			t.Errorf("ingest -h does not name the JSON Lines field %q", field)
		}
	}
	if _, tagHelp, _ := run(t, "", "tag", "-h"); !strings.Contains(tagHelp, "MISC") {
		t.Errorf("tag -h does not name MISC:\n%s", tagHelp)
	}
	db := seededStore(t)
	docs, _, _ := run(t, "", "docs", "--db", db, "--json")
	var d struct{ ID string }
	json.Unmarshal([]byte(strings.SplitN(docs, "\n", 2)[0]), &d)
	out, _, err := run(t, "", "show", d.ID, "--db", db)
	for _, want := range []string{"regions:", "analysis (" + pipeline.Version + ")", "names:", "text:"} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("show lacks %q: %v\n%s", want, err, out)
		}
	}
}

// bench reports the reuse detector's work: six reports quoting one
// statement inside text of their own are looked up, compared, and the
// last ones are paired with the statement's first three sources only.
func TestBenchReportsReuse(t *testing.T) {
	dir := t.TempDir()
	statement := "The harbour authority said on Friday that the northern pier would stay closed until engineers had inspected every pile, " +
		"and that ferries to the islands would leave from the southern terminal for at least three weeks while the repairs went on."
	var lines []string
	for i := range 6 {
		var own strings.Builder
		for j := range 5 {
			fmt.Fprintf(&own, "Reporter %d%d of outlet %d%d visited street %d%d and spoke with %d%d shop owners. ", i, j, i, j, i, j, i, j)
		}
		b, err := json.Marshal(map[string]string{"id": fmt.Sprint("r", i), "title": fmt.Sprint("Report ", i), "outlet": fmt.Sprint("Outlet ", i),
			"text": own.String() + "\n\n" + statement})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	in := filepath.Join(dir, "in.jsonl")
	writeFile(t, in, strings.Join(lines, "\n")+"\n")
	out, e, err := run(t, "", "bench", "--json", "--db", filepath.Join(dir, "b.db"), in)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, e)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Documents != 6 || r.Words == 0 || r.CPUSeconds <= 0 {
		t.Errorf("report %+v", r)
	}
	u := r.Reuse
	t.Logf("reuse counts %+v", u)
	if u.Lookups != 6 || u.Candidates == 0 || u.Verified == 0 || u.Redundant == 0 || u.TextsRead == 0 || u.TextsRead+u.Redundant > u.Verified {
		t.Errorf("reuse counts %+v", u)
	}
	pairs, _, err := run(t, "", "reuse", "--json", "--db", filepath.Join(dir, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(pairs, "\n"); n == 0 || int64(n) > u.TextsRead {
		t.Errorf("%d pairs stored, %d texts read:\n%s", n, u.TextsRead, pairs)
	}
}

package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// run runs the command line in-process and returns stdout, stderr and the error.
func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

// dumpDocuments returns every column of every document row, for comparing
// the store before and after an operation byte for byte.
func dumpDocuments(t *testing.T, db string) string {
	t.Helper()
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	rows, err := sdb.Query(`SELECT seq, id, source, format, url, outlet, title, author, date, date_source, lang, encoding, text, hex(raw), meta, bytes, ingested_at FROM documents ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, 17)
		ptrs := make([]any, 17)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%q\n", vals)
	}
	var regions int
	if err := sdb.QueryRow(`SELECT COUNT(*) FROM regions`).Scan(&regions); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "regions=%d\n", regions)
	return b.String()
}

func TestIngestSeeds(t *testing.T) {
	seeds := shareddata.Path(t, "seeds")
	db := filepath.Join(t.TempDir(), "seeds.db")
	out, stderr, err := run(t, "", "ingest", "--db", db, seeds)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(out, "ingested 5, unchanged 0, failed 0") {
		t.Errorf("first ingest summary = %q", out)
	}
	before := dumpDocuments(t, db)
	out, _, err = run(t, "", "ingest", "--db", db, "--json", seeds)
	if err != nil {
		t.Fatal(err)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary JSON: %v\n%s", err, out)
	}
	if sum.Ingested != 0 || sum.Unchanged != 5 || sum.Failed != 0 {
		t.Errorf("re-ingest summary = %+v, want 5 unchanged", sum)
	}
	if after := dumpDocuments(t, db); after != before {
		t.Errorf("re-ingest changed the document rows")
	}

	out, _, err = run(t, "", "docs", "--db", db, "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("docs --json printed %d lines, want 5", len(lines))
	}
	byName := map[string]string{}
	for _, l := range lines {
		var d map[string]any
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"id", "source", "title", "outlet", "date", "bytes"} {
			if _, ok := d[k]; !ok {
				t.Errorf("docs JSON lacks %q: %s", k, l)
			}
		}
		byName[filepath.Base(d["source"].(string))[:3]] = d["id"].(string)
	}

	regions := func(name string) (string, []map[string]any) {
		out, _, err := run(t, "", "show", "--db", db, "--json", byName[name])
		if err != nil {
			t.Fatalf("show %s: %v", name, err)
		}
		var d struct {
			Text    string           `json:"text"`
			Regions []map[string]any `json:"regions"`
		}
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		return d.Text, d.Regions
	}
	span := func(r map[string]any) (int, int) { return int(r["start"].(float64)), int(r["end"].(float64)) }

	text, rs := regions("002")
	var boiler, repeated bool
	for _, r := range rs {
		s, e := span(r)
		switch r["kind"] {
		case "boilerplate":
			boiler = strings.HasPrefix(text[s:e], "New Articles") && e == len(text)
		case "repeated":
			repeated = true
			first := text[:strings.IndexAny(text, ".;")]
			if !strings.Contains(text[s:e], first[:40]) {
				t.Errorf("002 repeated region %q does not hold the first sentence", text[s:e])
			}
		}
	}
	if !boiler {
		t.Errorf("002: sidebar from \"New Articles\" to the end is not boilerplate: %v", rs)
	}
	if !repeated {
		t.Errorf("002: no repeated region: %v", rs)
	}
	text, rs = regions("004")
	var foot bool
	for _, r := range rs {
		s, e := span(r)
		if r["kind"] == "footnote" && strings.HasPrefix(text[s:e], "* The author") {
			foot = true
		}
	}
	if !foot {
		t.Errorf("004: footnote not marked: %v", rs)
	}
}

func TestIngestBadInputGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a_good.txt", []byte("Officials met on Monday.\nThey agreed to meet again next week.\n"))
	write("b_empty.txt", nil)
	write("c_binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0, 0, 9})
	write("d_lines.jsonl", []byte("{\"text\": \"A second good article about the harbour.\", \"title\": \"Harbour\", \"date\": \"2020-05-01\"}\n{not json\n"))
	db := filepath.Join(t.TempDir(), "bad.db")
	out, stderr, err := run(t, "", "ingest", "--db", db, dir)
	if err == nil {
		t.Errorf("ingest with failures returned no error")
	}
	if !strings.HasPrefix(out, "ingested 2, unchanged 0, failed 3") {
		t.Errorf("summary = %q; stderr:\n%s", out, stderr)
	}
	errLines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(errLines) != 3 {
		t.Fatalf("stderr has %d lines, want one per failure:\n%s", len(errLines), stderr)
	}
	for i, want := range []string{"b_empty.txt", "c_binary.txt", "d_lines.jsonl:2"} {
		if !strings.Contains(errLines[i], want) {
			t.Errorf("error line %d = %q, want it to name %s", i, errLines[i], want)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	_, stderr, err := run(t, "", "frobnicate")
	if err == nil || !strings.Contains(stderr, "Commands:") {
		t.Errorf("unknown command: err=%v stderr=%q", err, stderr)
	}
	out, _, err := run(t, "", "help")
	if err != nil || !strings.Contains(out, "ingest") {
		t.Errorf("help: err=%v out=%q", err, out)
	}
}

func TestIngestSaysWhenTextIsNotUTF8(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "latin1.txt")
	// "Café Zürich opened." in Windows-1252.
	if err := os.WriteFile(src, []byte("Caf\xe9 Z\xfcrich opened on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "l.db")
	out, stderr, err := run(t, "", "ingest", "--db", db, src)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if !strings.HasPrefix(out, "ingested 1, unchanged 0, failed 0") || !strings.Contains(stderr, "latin1.txt: not valid UTF-8; decoded as windows-1252") {
		t.Errorf("out %q stderr %q", out, stderr)
	}
	js, _, _ := run(t, "", "docs", "--db", db, "--json")
	var d struct{ ID, Encoding string }
	json.Unmarshal([]byte(js), &d)
	sh, _, _ := run(t, "", "show", "--db", db, "--json", d.ID)
	var s struct{ Text string }
	json.Unmarshal([]byte(sh), &s)
	if d.Encoding != "windows-1252" || !strings.HasPrefix(s.Text, "Café Zürich") {
		t.Errorf("encoding %q text %q", d.Encoding, s.Text)
	}
}

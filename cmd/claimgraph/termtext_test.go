package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/golden"
)

// Control characters in titles, outlets, file names and text reach the
// terminal escaped; every listing and message keeps to its lines.
func TestControlCharactersEscaped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	rec := map[string]string{
		"title":  "\x1b[2J\x1b[31mRed\rTitle\nSecond line",
		"outlet": "Evil\x07Daily\u202e",
		"author": "Ann\u009bMiller",
		"date":   "2021-03-10",
		"text": "Port of Dunmore reopens\n\n\x1b]0;pwned\x07Judge Ann Miller said on Monday that the port of Dunmore had reopened.\n\n" +
			"\"The harbour is \x1b[5msafe\x1b[0m again,\" Miller told the Dunmore Council on Tuesday.\n",
	}
	line, _ := json.Marshal(rec)
	writeFile(t, filepath.Join(dir, "feed.jsonl"), string(line)+"\n")
	bad := filepath.Join(dir, "bad\x1b[31m\nname.jsonl")
	writeFile(t, bad, "{not json\n")
	_, errOut, _ := run(t, "", "ingest", "-q", "--db", db, filepath.Join(dir, "feed.jsonl"), bad)
	var got strings.Builder
	got.WriteString("== ingest stderr\n" + strings.ReplaceAll(errOut, dir, "DIR"))
	// The golden file holds what does not depend on the analysis (which
	// other work changes); every listing is checked for raw controls below.
	var analysed strings.Builder
	for _, args := range [][]string{{"docs"}, {"quotes"}, {"claims"}, {"timeline"}} {
		out, e, err := run(t, "", append(args, "--db", db)...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", args, err, e)
		}
		if args[0] == "docs" {
			got.WriteString("== docs\n" + strings.ReplaceAll(out, dir, "DIR"))
		} else {
			analysed.WriteString(out)
		}
	}
	docs, _, _ := run(t, "", "docs", "--json", "--db", db)
	var d struct{ ID string }
	json.Unmarshal([]byte(docs), &d)
	out, e, err := run(t, "", "show", d.ID, "--db", db)
	if err != nil {
		t.Fatalf("show: %v\n%s", err, e)
	}
	analysed.WriteString(out)
	if a, b := strings.Index(out, "\nanalysis ("), strings.Index(out, "\ntext:\n"); a >= 0 && b > a {
		out = out[:a] + out[b:]
	}
	got.WriteString("== show\n" + strings.ReplaceAll(out, dir, "DIR"))
	for i, r := range got.String() + analysed.String() {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u202e' {
			t.Errorf("control character %U at byte %d of the output", r, i)
		}
	}
	if !strings.Contains(analysed.String(), `x1b[5msafe`) {
		t.Errorf("the quoted text with an escape sequence is not in the listings:\n%s", analysed.String())
	}
	golden.Check(t, filepath.Join("testdata", "control.golden"), got.String())
	if _, err := os.Stat(filepath.Join("testdata", "control.golden")); err != nil {
		t.Fatal(err)
	}
}

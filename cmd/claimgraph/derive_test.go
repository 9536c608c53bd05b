package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteBoilerplateIsLearned ingests articles of one outlet that share a
// navigation line and a newsletter teaser: after the batch, those lines are
// boilerplate in every article, with the rule that marked them, and the
// articles' own text stays main.
func TestSiteBoilerplateIsLearned(t *testing.T) {
	bodies := []string{
		"The river rose two metres overnight and flooded the lower town.",
		"Farmers in the north said the harvest was the worst in a decade.",
		"A new ferry line will link the two islands from next spring.",
		"The museum reopened after a three-year renovation of its east wing.",
		"Teachers voted to accept the pay offer after months of talks.",
	}
	var b strings.Builder
	for i, body := range bodies {
		text := "Home | News | Sport | Weather\n\n" + body + "\n\nGet the Valley Herald newsletter in your inbox every morning\n"
		line, _ := json.Marshal(map[string]string{"text": text, "outlet": "Valley Herald", "title": fmt.Sprint("story ", i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	// Another outlet with the same navigation line in only one document:
	// nothing is learned there.
	line, _ := json.Marshal(map[string]string{"text": "Home | News | Sport | Weather\n\nThe mayor resigned on Friday.\n", "outlet": "Other Post"})
	b.Write(line)
	dir := t.TempDir()
	src := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(src, []byte(b.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "b.db")
	out, stderr, err := run(t, "", "ingest", "--db", db, "--json", src)
	if err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	var sum ingestSummary
	json.Unmarshal([]byte(out), &sum)
	if sum.Ingested != 6 || sum.Recleaned != 5 {
		t.Errorf("summary %+v, want 6 ingested and 5 re-cleaned", sum)
	}
	out, _, _ = run(t, "", "docs", "--db", db, "--json")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var d struct{ ID, Outlet string }
		json.Unmarshal([]byte(l), &d)
		sh, _, err := run(t, "", "show", "--db", db, "--json", d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Text    string
			Regions []struct {
				Kind       string
				Start, End int
				Why        string
			}
		}
		json.Unmarshal([]byte(sh), &s)
		var boiler []string
		for _, r := range s.Regions {
			if r.Kind == "boilerplate" {
				boiler = append(boiler, s.Text[r.Start:r.End])
				if !strings.Contains(r.Why, "Valley Herald") {
					t.Errorf("boilerplate region without its rule: %q", r.Why)
				}
			}
			if r.Kind == "main" && d.Outlet == "Valley Herald" && strings.Contains(s.Text[r.Start:r.End], "Home | News") {
				t.Errorf("%s: navigation left in main text", d.Outlet)
			}
		}
		want := 2 // the navigation line and the newsletter teaser
		if d.Outlet == "Other Post" {
			want = 0 // one document: nothing to learn from
		}
		if len(boiler) != want {
			t.Errorf("%s: boilerplate %q, want %d regions", d.Outlet, boiler, want)
		}
	}
}

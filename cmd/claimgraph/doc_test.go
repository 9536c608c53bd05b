package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSetDateResolvesRelativeTimes ingests an undated article, then sets its
// date: relative expressions get values, other stages are left as they were.
func TestSetDateResolvesRelativeTimes(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.txt")
	text := "Rebels seized the town last June, officials said on Monday.\nThe army retook it in 2013.\n"
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "d.db")
	if _, stderr, err := run(t, "", "ingest", "--db", db, src); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	show := func() (string, map[string]string, int) {
		out, _, err := run(t, "", "docs", "--db", db, "--json")
		if err != nil {
			t.Fatal(err)
		}
		var d struct{ ID string }
		json.Unmarshal([]byte(out), &d)
		out, _, err = run(t, "", "show", "--db", db, "--json", d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Date     string `json:"date"`
			Analysis struct {
				Times    []struct{ Text, Value string }
				Mentions []json.RawMessage
			}
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		vals := map[string]string{}
		for _, x := range s.Analysis.Times {
			vals[x.Text] = x.Value
		}
		return d.ID + "|" + s.Date, vals, len(s.Analysis.Mentions)
	}
	idDate, before, mentions := show()
	if before["last June"] != "" || before["2013"] != "2013" {
		t.Fatalf("before set-date: %v", before)
	}
	id := strings.Split(idDate, "|")[0]
	if _, stderr, err := run(t, "", "doc", "set-date", "--db", db, id[:8], "2015-02-15"); err != nil {
		t.Fatalf("set-date: %v %s", err, stderr)
	}
	idDate, after, mentions2 := show()
	if !strings.HasSuffix(idDate, "|2015-02-15") {
		t.Errorf("date after set-date: %s", idDate)
	}
	if after["last June"] != "2014-06" || after["2013"] != "2013" {
		t.Errorf("after set-date: %v, want last June = 2014-06", after)
	}
	if mentions2 != mentions {
		t.Errorf("set-date changed the mentions: %d → %d", mentions, mentions2)
	}
	if _, _, err := run(t, "", "doc", "set-date", "--db", db, id, "not-a-date"); err == nil {
		t.Errorf("set-date accepted a bad date")
	}
}

// TestSetDateUpdatesEntityTimeline: an entity's timeline is derived with the
// entity layer, so setting a date must bring it up to date: the time that
// the new date gives a value joins the timeline of the entity named beside
// it, on the entity's own listing as on the whole one.
func TestSetDateUpdatesEntityTimeline(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.txt")
	text := "Rebels loyal to Ahmed Karimi seized the town of Qasr last June, officials said.\nAhmed Karimi fled in 2013.\n"
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "d.db")
	if _, stderr, err := run(t, "", "ingest", "--db", db, src); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	timeline := func(args ...string) string {
		out, stderr, err := run(t, "", append([]string{"timeline", "--db", db, "--json"}, args...)...)
		if err != nil {
			t.Fatalf("timeline %v: %v %s", args, err, stderr)
		}
		return out
	}
	if out := timeline("--entity", "Ahmed Karimi"); strings.Contains(out, "2014-06") {
		t.Fatalf("undated document already has last June's value: %s", out)
	}
	out, _, err := run(t, "", "docs", "--db", db, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct{ ID string }
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, "", "doc", "set-date", "--db", db, d.ID, "2015-02-15"); err != nil {
		t.Fatalf("set-date: %v %s", err, stderr)
	}
	if out := timeline(); !strings.Contains(out, `"2014-06"`) {
		t.Errorf("whole timeline after set-date lacks last June (2014-06):\n%s", out)
	}
	if out := timeline("--entity", "Ahmed Karimi"); !strings.Contains(out, `"2014-06"`) {
		t.Errorf("the entity's timeline after set-date lacks last June (2014-06):\n%s", out)
	}
	if _, stderr, _ := run(t, "", "entities", "--db", db); strings.Contains(stderr, "note:") {
		t.Errorf("entity layer left stale by set-date: %s", stderr)
	}
}

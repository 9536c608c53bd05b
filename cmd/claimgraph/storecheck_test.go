package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --db path is a file name as given ("?", "#" and "%" included), and the
// commands that read a store refuse one that does not exist instead of
// creating an empty store under a mistyped name.
func TestStorePaths(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	writeFile(t, art, "Port reopens\n\nThe port of Dunmore reopened on Monday, officials said.\n")
	for _, name := range []string{"a?b.db", "c#d.db", "e%3f.db", "f%.db"} {
		db := filepath.Join(dir, name)
		if _, e, err := run(t, "", "ingest", "-q", "--db", db, art); err != nil {
			t.Fatalf("ingest --db %s: %v\n%s", name, err, e)
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("--db %s: %v", name, err)
		}
		if out, e, err := run(t, "", "docs", "--db", db); err != nil || !strings.Contains(out, "Port reopens") {
			t.Errorf("docs --db %s: %v %s\n%s", name, err, e, out)
		}
	}
	// Each store is its file, its WAL and shared-memory files and the lock
	// file that serializes entity recomputation; nothing else may appear
	// (a path cut at "?" or "#" would leave a file named "a" or "c").
	entries, _ := os.ReadDir(dir)
	if len(entries) > 1+4*4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files besides the stores: %q", names)
	}
	missing := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{{"docs"}, {"show", "abc"}, {"quotes"}, {"claims"}, {"timeline"}, {"reuse"}, {"serve", "--addr", "127.0.0.1:0"}, {"doc", "set-date", "abc", "2020-01-01"}} {
		_, _, err := run(t, "", append(args, "--db", missing)...)
		if err == nil || !strings.Contains(err.Error(), "does not exist") && !strings.Contains(err.Error(), "no such store") {
			t.Errorf("%s on a missing store: %v", args[0], err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%s created %s", args[0], missing)
		}
	}
}

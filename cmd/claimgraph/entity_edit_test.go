package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entityLayer dumps the entity layer (entities, aliases, mention links) of a
// store, to compare states exactly.
func entityLayer(t *testing.T, db string) string {
	t.Helper()
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, name, type, mentions, docs FROM entities ORDER BY id`,
		`SELECT entity, name, source, rule, doc, start, end, evidence FROM entity_aliases ORDER BY entity, name, source, rule, doc, start`,
		`SELECT mention, entity FROM mention_entities ORDER BY mention`,
	} {
		rows, err := sdb.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%v\n", vals)
		}
		rows.Close()
	}
	return b.String()
}

// sameEntity reports whether two names resolve to one entity in the store.
func sameEntity(t *testing.T, db, a, b string) bool {
	t.Helper()
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var n int
	err = sdb.QueryRow(`SELECT COUNT(*) FROM entity_aliases x JOIN entity_aliases y ON x.entity = y.entity
		WHERE x.name = ? COLLATE NOCASE AND y.name = ? COLLATE NOCASE AND x.source <> 'rejected' AND y.source <> 'rejected'`, a, b).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n > 0
}

func TestMergeSplitUndoAndReingest(t *testing.T) {
	db, docs := articleDir(t)
	write := func(name, text string) { writeFile(t, filepath.Join(docs, name), text) }
	write("a.txt", "The Northport Harbour Authority said on Tuesday that dredging would resume.\n\nMaria Lindqvist, the authority's director, said the work was on schedule. Tomas Berg, a fisherman, disagreed.\n")
	write("b.txt", "Fishermen led by Tomas Berg protested outside the offices of the Northport Harbour Authority.\n\nMaria Lindqvist declined to meet them, said Berg.\n")
	if _, stderr, err := run(t, "", "ingest", "--db", db, docs); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	s0 := entityLayer(t, db)
	if !strings.Contains(s0, "Maria Lindqvist") || !strings.Contains(s0, "Tomas Berg") {
		t.Fatalf("expected both people as entities:\n%s", s0)
	}
	if sameEntity(t, db, "Maria Lindqvist", "Tomas Berg") {
		t.Fatalf("two people merged before any decision")
	}

	if out, stderr, err := run(t, "", "entity", "merge", "--db", db, "Maria Lindqvist", "Tomas Berg"); err != nil {
		t.Fatalf("merge: %v %s %s", err, out, stderr)
	}
	if !sameEntity(t, db, "Maria Lindqvist", "Tomas Berg") {
		t.Fatalf("merge did not join the two names")
	}
	// A re-ingest with a new document keeps the curated merge.
	write("c.txt", "Maria Lindqvist will brief the council on the harbour next week.\n")
	if _, stderr, err := run(t, "", "ingest", "--db", db, docs); err != nil {
		t.Fatalf("re-ingest: %v %s", err, stderr)
	}
	if !sameEntity(t, db, "Maria Lindqvist", "Tomas Berg") {
		t.Errorf("the merge did not survive re-ingest")
	}
	s1 := entityLayer(t, db)

	// Export, split, and the state is the one before the merge (with the new document).
	exported := filepath.Join(filepath.Dir(db), "aliases.txt")
	if _, stderr, err := run(t, "", "aliases", "export", "--db", db, exported); err != nil {
		t.Fatalf("export: %v %s", err, stderr)
	}
	if b, _ := os.ReadFile(exported); !strings.Contains(string(b), "merge: Maria Lindqvist = Tomas Berg") {
		t.Errorf("aliases file = %q", b)
	}
	if _, stderr, err := run(t, "", "entity", "split", "--db", db, "Maria Lindqvist", "Tomas Berg"); err != nil {
		t.Fatalf("split: %v %s", err, stderr)
	}
	if sameEntity(t, db, "Maria Lindqvist", "Tomas Berg") {
		t.Errorf("split did not separate the names")
	}
	sSplit := entityLayer(t, db)
	out, _, err := run(t, "", "entity", "decisions", "--db", db)
	if err != nil || strings.Count(out, "\n") != 2 {
		t.Fatalf("decisions = %q, %v", out, err)
	}
	// Undo both decisions: the layer equals the split state (no decision at all).
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		seq := strings.Fields(line)[0]
		if _, stderr, err := run(t, "", "entity", "undo", "--db", db, seq); err != nil {
			t.Fatalf("undo %s: %v %s", seq, err, stderr)
		}
	}
	if got := entityLayer(t, db); got != sSplit {
		t.Errorf("after undoing every decision the entity layer differs from merge→split:\n%s\nvs\n%s", got, sSplit)
	}
	// Importing the exported file restores the merged state exactly.
	if _, stderr, err := run(t, "", "aliases", "import", "--db", db, exported); err != nil {
		t.Fatalf("import: %v %s", err, stderr)
	}
	if got := entityLayer(t, db); got != s1 {
		t.Errorf("import of the exported decisions did not restore the merged state")
	}
	// Bad decisions are refused with a clear error.
	if _, _, err := run(t, "", "entity", "type", "--db", db, "Maria Lindqvist", "PLANET"); err == nil {
		t.Errorf("type PLANET accepted")
	}
	bad := filepath.Join(filepath.Dir(db), "bad.txt")
	os.WriteFile(bad, []byte("merge: A = B\nfrobnicate: C\n"), 0o644)
	if _, _, err := run(t, "", "aliases", "import", "--db", db, bad); err == nil || !strings.Contains(err.Error(), "2") {
		t.Errorf("bad aliases file: err = %v, want one naming line 2", err)
	}
}

// articleDir makes a folder for the articles a test writes and names a
// store beside it.
func articleDir(t *testing.T) (db, docs string) {
	t.Helper()
	dir := t.TempDir()
	docs = filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "e.db"), docs
}

package main

import (
	"database/sql"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadersDoNotWaitForWriter holds a write transaction open on the store
// (as a long entity recomputation or ingest does) and runs docs, show,
// entities and a serve request: each answers at once from the last
// committed state instead of waiting for the lock and failing with
// "database is locked".
func TestReadersDoNotWaitForWriter(t *testing.T) {
	db := filepath.Join(t.TempDir(), "store.db")
	if _, stderr, err := run(t, "", "ingest", "-q", "--db", db, filepath.Join("..", "..", "testdata", "articles")); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	docs, _, err := run(t, "", "docs", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	id := strings.Fields(strings.Split(docs, "\n")[1])[0]

	w, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(100)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	tx, err := w.Begin() // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM entity_cooccurrence`); err != nil {
		t.Fatal(err)
	}
	base := serveInBackground(t, nil, "--db", db, "--addr", "127.0.0.1:0")
	for _, args := range [][]string{{"docs"}, {"show", id}, {"entities"}, {"claims"}} {
		start := time.Now()
		out, stderr, err := run(t, "", append([]string{args[0], "--db", db}, args[1:]...)...)
		if err != nil || out == "" && args[0] != "claims" {
			t.Errorf("%s while a writer holds the lock: %v %s", args[0], err, stderr)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s took %v while a writer held the lock", args[0], d)
		}
	}
	res, err := http.Get(base + "/api/entities")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET /api/entities while a writer holds the lock = %d", res.StatusCode)
	}
}

// TestReadOnlyStore serves and lists a store opened read-only (the file
// and its folder without write permission for the user, e.g. a store
// shipped on a read-only mount), and refuses a store that does not exist
// instead of creating an empty one.
func TestReadOnlyStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	if _, stderr, err := run(t, "", "ingest", "-q", "--db", db, filepath.Join("..", "..", "testdata", "articles")); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.Chmod(p, 0o444); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if out, stderr, err := run(t, "", "docs", "--db", db); err != nil || !strings.Contains(out, "ID") {
		t.Errorf("docs on a read-only store: %v %s %s", err, out, stderr)
	}
	base := serveInBackground(t, nil, "--db", db, "--addr", "127.0.0.1:0")
	res, err := http.Get(base + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET /api/documents on a read-only store = %d", res.StatusCode)
	}
	missing := filepath.Join(dir, "typo.db")
	if _, _, err := run(t, "", "docs", "--db", missing); err == nil || !strings.Contains(err.Error(), "no such store") {
		t.Errorf("docs on a missing store: %v; want no such store", err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a read command created the missing store")
	}
}

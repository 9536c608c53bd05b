package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/sqlite"
	"github.com/claimgraph/claimgraph/storetest"
)

// openTest opens a store in a real SQLite file in the test's temp dir.
func openTest(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) claimgraph.DocumentStore { return openTest(t) })
}

func TestReopenKeepsDataAndMigrationsOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "re.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutDocument(ctx, storetest.SampleDocument("kept across reopen"), nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	n, err := db.CountDocuments(ctx)
	if err != nil || n != 1 {
		t.Errorf("CountDocuments after reopen = %d, %v; want 1", n, err)
	}
	var mode string
	if err := db.SQL().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestStoreContract(t *testing.T) {
	storetest.RunStore(t, func(t *testing.T) claimgraph.Store { return openTest(t) })
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/reuse"
	"github.com/claimgraph/claimgraph/sqlite"
)

// dbFlag adds the --db flag every store command takes.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("CLAIMGRAPH_DB")
	if def == "" {
		def = "claimgraph.db"
	}
	return fs.String("db", def, "store: a SQLite file path, or a postgres:// URL ($CLAIMGRAPH_DB)")
}

// fullStore is what the commands need of a store: the root interface, and the
// reuse index, whose types live in package reuse.
type fullStore interface {
	claimgraph.Store
	ReuseIndex() reuse.Index
	Texts(ctx context.Context, doc string) (reuse.Text, error)
}

// openStore opens the store named by --db.
func (m *Main) openStore(ctx context.Context, dsn string) (fullStore, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "the PostgreSQL store is not built yet; use a SQLite file path")
	}
	return sqlite.Open(ctx, dsn)
}

// printJSON writes v as indented JSON on stdout.
func (m *Main) printJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printJSONLine writes v as one line of JSON on stdout (JSON Lines).
func (m *Main) printJSONLine(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// documentAndAnalysis returns a stored document (by id or unique prefix)
// with its analysis.
func documentAndAnalysis(ctx context.Context, store claimgraph.QueryStore, id string) (*claimgraph.Document, *claimgraph.Analysis, error) {
	d, err := store.Document(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	a, err := store.Analysis(ctx, d.ID)
	if err != nil {
		return nil, nil, err
	}
	return d, a, nil
}

package main

import (
	"context"
	"encoding/json"
	"flag"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/postgres"
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
	ShingleSets(ctx context.Context, docs []string) (map[string][]uint32, error)
	// Dialect names the engine: sqlite or postgres.
	Dialect() string
}

// openStore opens the store named by --db for reading and writing: a
// postgres:// URL names a PostgreSQL database, anything else a SQLite file.
func (m *Main) openStore(ctx context.Context, dsn string) (fullStore, error) {
	return openDSN(ctx, dsn, sqlite.Options{})
}

// openReader opens the store for a command that only reads: no migration,
// no write lock (it never waits for a writer, and a store the user may
// only read opens), and a store that does not exist is an error rather
// than a new empty one.
func (m *Main) openReader(ctx context.Context, dsn string) (fullStore, error) {
	return openDSN(ctx, dsn, sqlite.Options{ReadOnly: true})
}

func openDSN(ctx context.Context, dsn string, opts sqlite.Options) (fullStore, error) {
	if postgres.IsURL(dsn) {
		return postgres.OpenOptions(ctx, dsn, opts)
	}
	return sqlite.OpenOptions(ctx, dsn, opts)
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

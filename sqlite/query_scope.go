package sqlite

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/claimgraph/claimgraph"
)

// scopeDocs returns a condition on a document id column (docCol, e.g.
// "q.doc") keeping the documents of the scope, and its arguments; "" when
// the scope is empty. Dates compare as ISO prefixes: From "2015-11" keeps
// 2015-11-01 on, To "2015-11" keeps up to 2015-11-30 included.
func scopeDocs(docCol string, s claimgraph.DocScope) (string, []any) {
	if s.Empty() {
		return "", nil
	}
	cond := `SELECT id FROM documents WHERE 1 = 1`
	var args []any
	if s.Outlet != "" {
		cond += ` AND outlet = ?`
		args = append(args, s.Outlet)
	}
	// (date = '') = FALSE lets SQLite range-read documents_date_order
	// (migration 0026); PostgreSQL reads it as date <> ''.
	if s.From != "" {
		cond += ` AND (date = '') = FALSE AND date >= ?`
		args = append(args, s.From)
	}
	if s.To != "" {
		cond += ` AND (date = '') = FALSE AND date < ?`
		args = append(args, s.To+"\x7f")
	}
	return docCol + ` IN (` + cond + `)`, args
}

// outletCache holds the outlet list read at a generation of the store.
type outletCache struct {
	mu   sync.Mutex
	gen  int64
	list []claimgraph.OutletCount // nil: none read yet
}

// Outlets lists the outlets with their document counts, most first. Every
// page with a scope form shows it, and counting it walks every document
// (7 ms at 100k documents, a fifth of the server's CPU under load): it is
// kept as read at the store's generation, which every stored document
// raises in its own transaction (documents are never deleted nor moved to
// another outlet), and read again when the generation moved.
func (db *DB) Outlets(ctx context.Context) ([]claimgraph.OutletCount, error) {
	gen, err := db.stateInt(ctx, "generation")
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	db.outlets.mu.Lock()
	if db.outlets.list != nil && db.outlets.gen == gen {
		out := slices.Clone(db.outlets.list)
		db.outlets.mu.Unlock()
		return out, nil
	}
	db.outlets.mu.Unlock()
	rows, err := db.db.QueryContext(ctx, `SELECT outlet, COUNT(*) FROM documents WHERE outlet <> '' GROUP BY outlet ORDER BY COUNT(*) DESC, outlet`)
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	defer rows.Close()
	out := []claimgraph.OutletCount{}
	for rows.Next() {
		var o claimgraph.OutletCount
		if err := rows.Scan(&o.Outlet, &o.Docs); err != nil {
			return nil, fmt.Errorf("outlets: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	// Read after the generation: a document stored meanwhile may be
	// counted already, and the next call (at the new generation) reads
	// again.
	db.outlets.mu.Lock()
	db.outlets.gen, db.outlets.list = gen, slices.Clone(out)
	db.outlets.mu.Unlock()
	return out, nil
}

// DateRange returns the earliest and latest publication dates (day part).
func (db *DB) DateRange(ctx context.Context) (string, string, error) {
	var from, to string
	// The day of the first and last date is the first and last day (ISO
	// dates order as strings): the two ends of the dated documents in
	// documents_date_order (SQLite; PostgreSQL: documents_date), not a scan
	// of every document on each page showing the date filter.
	err := db.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT substr(date, 1, 10) FROM documents WHERE (date = '') = FALSE ORDER BY date LIMIT 1), ''),
		COALESCE((SELECT substr(date, 1, 10) FROM documents WHERE (date = '') = FALSE ORDER BY date DESC LIMIT 1), '')`).Scan(&from, &to)
	if err != nil {
		return "", "", fmt.Errorf("date range: %w", err)
	}
	return from, to, nil
}

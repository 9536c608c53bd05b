package sqlite

import (
	"context"
	"fmt"

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
	if s.From != "" {
		cond += ` AND date <> '' AND date >= ?`
		args = append(args, s.From)
	}
	if s.To != "" {
		cond += ` AND date <> '' AND date < ?`
		args = append(args, s.To+"\x7f")
	}
	return docCol + ` IN (` + cond + `)`, args
}

// Outlets lists the outlets with their document counts, most first.
func (db *DB) Outlets(ctx context.Context) ([]claimgraph.OutletCount, error) {
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
	return out, rows.Err()
}

// DateRange returns the earliest and latest publication dates (day part).
func (db *DB) DateRange(ctx context.Context) (string, string, error) {
	var from, to string
	// The day of the first and last date is the first and last day (ISO
	// dates order as strings): two probes of documents_date, not a scan of
	// every document on each page showing the date filter.
	err := db.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT substr(MIN(date), 1, 10) FROM documents WHERE date <> ''), ''),
		COALESCE((SELECT substr(MAX(date), 1, 10) FROM documents WHERE date <> ''), '')`).Scan(&from, &to)
	if err != nil {
		return "", "", fmt.Errorf("date range: %w", err)
	}
	return from, to, nil
}

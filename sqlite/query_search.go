package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph"
)

// maxSearchHits caps one page of search results.
const maxSearchHits = 1000

// Search finds documents containing every word of q (title or text), best
// first, with a snippet whose matches are marked [like this]. The query is
// taken as plain words: FTS5 operators and quotes in it are not syntax, so
// no user input makes the search fail.
func (db *DB) Search(ctx context.Context, q string, offset, limit int) ([]claimgraph.SearchHit, error) {
	match := ftsWords(q)
	if match == "" {
		return []claimgraph.SearchHit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, maxSearchHits)
	rows, err := db.db.QueryContext(ctx, `SELECT d.id, d.title, d.outlet, d.date,
			snippet(documents_fts, 1, '[', ']', '…', 16), bm25(documents_fts)
		FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
		WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts), d.seq`+limitClause(offset, limit), match)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	out := []claimgraph.SearchHit{}
	for rows.Next() {
		var h claimgraph.SearchHit
		var bm float64
		if err := rows.Scan(&h.Doc, &h.Title, &h.Outlet, &h.Date, &h.Snippet, &bm); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		h.Rank = -bm // bm25 is lower for better matches; Rank is higher
		out = append(out, h)
	}
	return out, rows.Err()
}

// ftsWords turns user input into an FTS5 query of quoted words joined by
// AND: each run of letters and digits becomes one "string", so characters
// FTS5 reads as syntax (quotes, *, ^, :, parentheses, NEAR, AND/OR/NOT)
// are never interpreted.
func ftsWords(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	for i, w := range words {
		words[i] = `"` + w + `"` // no quote can be inside: quotes split words
	}
	if len(words) > 64 {
		words = words[:64]
	}
	return strings.Join(words, " ")
}

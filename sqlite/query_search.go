package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph"
)

// maxSearchHits caps one page of search results; maxRanked caps the matches
// ranked for one search.
const (
	maxSearchHits = 1000
	maxRanked     = 2000
)

// Search finds documents containing every word of q (title or text), best
// first (by BM25 among the newest 2,000 matches: scoring costs a lookup per
// match, so a word found in every document would otherwise cost the whole store), with a snippet whose matches are marked [like this]. The query is
// taken as plain words: FTS5 operators and quotes in it are not syntax, so
// no user input makes the search fail.
func (db *DB) Search(ctx context.Context, q string, offset, limit int) ([]claimgraph.SearchHit, error) {
	if db.dialect.Search != nil {
		return db.dialect.Search(ctx, db.db.DB, q, offset, limit)
	}
	match := ftsWords(q)
	if match == "" {
		return []claimgraph.SearchHit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, maxSearchHits)
	// Rank first, then cut snippets for the page only: a snippet in the
	// ranking query would be made for every match before the sort.
	// Ranking is bounded: only the newest maxRanked matches are scored, so
	// a word found in every document costs the same on any store size.
	rows, err := db.db.QueryContext(ctx, `SELECT seq, r FROM (SELECT rowid AS seq, bm25(documents_fts) AS r FROM documents_fts
		WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY r, seq`+limitClause(offset, limit), match, maxRanked)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	var seqs []any
	rank := map[int64]float64{}
	for rows.Next() {
		var seq int64
		var bm float64
		if err := rows.Scan(&seq, &bm); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		seqs = append(seqs, seq)
		rank[seq] = -bm // bm25 is lower for better matches; Rank is higher
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	out := []claimgraph.SearchHit{}
	if len(seqs) == 0 {
		return out, nil
	}
	// One lookup per hit: FTS5 answers MATCH with rowid = ? directly. The
	// statement is prepared once for the page, on one connection (the
	// driver prepared it again for every hit: a third of a search's time).
	c, err := db.db.DB.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer c.Close()
	st, err := c.PrepareContext(ctx, `SELECT d.id, d.title, d.outlet, d.date, snippet(documents_fts, 1, '[', ']', '…', 16)
		FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
		WHERE documents_fts MATCH ? AND documents_fts.rowid = ?`)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer st.Close()
	for _, seq := range seqs {
		h := claimgraph.SearchHit{Rank: rank[seq.(int64)]}
		err := st.QueryRowContext(ctx, match, seq).Scan(&h.Doc, &h.Title, &h.Outlet, &h.Date, &h.Snippet)
		if err != nil {
			return nil, fmt.Errorf("search %q: snippet of %v: %w", q, seq, err)
		}
		out = append(out, h)
	}
	return out, nil
}

// ftsWords turns user input into an FTS5 query of quoted words joined by
// AND: each run of letters and digits becomes one "string", so characters
// FTS5 reads as syntax (quotes, *, ^, :, parentheses, NEAR, AND/OR/NOT)
// are never interpreted.
func ftsWords(q string) string {
	words := SearchWords(q)
	for i, w := range words {
		words[i] = `"` + w + `"` // no quote can be inside: quotes split words
	}
	return strings.Join(words, " ")
}

// SearchWords splits a search into the words every hit must hold (at most
// 64): the runs of letters and digits.
func SearchWords(q string) []string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	if len(words) > 64 {
		words = words[:64]
	}
	return words
}

// MaxSearchHits and MaxRanked bound a search page and the matches ranked
// (the newest), for every engine.
const (
	MaxSearchHits = maxSearchHits
	MaxRanked     = maxRanked
)

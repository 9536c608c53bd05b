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
	// The page's snippets in one pass: the matches between its first and
	// last rowid (at most the maxRanked just ranked), keeping the page's
	// own (+rowid: a filter, not a lookup per hit); snippet() runs for
	// those only. A query per hit re-read the terms' index segments for
	// each (a third of a search's time at 100k documents).
	lo, hi := seqs[0].(int64), seqs[0].(int64)
	for _, v := range seqs {
		lo, hi = min(lo, v.(int64)), max(hi, v.(int64))
	}
	in := placeholders(len(seqs))
	snippets := make(map[int64]string, len(seqs))
	rows, err = db.db.QueryContext(ctx, `SELECT rowid, snippet(documents_fts, 1, '[', ']', '…', 16) FROM documents_fts
		WHERE documents_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (`+in+`)`, append([]any{match, lo, hi}, seqs...)...)
	if err != nil {
		return nil, fmt.Errorf("search %q: snippets: %w", q, err)
	}
	for rows.Next() {
		var seq int64
		var snip string
		if err := rows.Scan(&seq, &snip); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search %q: snippets: %w", q, err)
		}
		snippets[seq] = snip
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: snippets: %w", q, err)
	}
	hits := make(map[int64]claimgraph.SearchHit, len(seqs))
	rows, err = db.db.QueryContext(ctx, `SELECT seq, id, title, outlet, date FROM documents WHERE seq IN (`+in+`)`, seqs...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	for rows.Next() {
		var seq int64
		var h claimgraph.SearchHit
		if err := rows.Scan(&seq, &h.Doc, &h.Title, &h.Outlet, &h.Date); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		hits[seq] = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	for _, v := range seqs {
		seq := v.(int64)
		h, ok := hits[seq]
		snip, has := snippets[seq]
		if !ok || !has {
			return nil, fmt.Errorf("search %q: document %d matched but was not read back", q, seq)
		}
		h.Rank, h.Snippet = rank[seq], snip
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

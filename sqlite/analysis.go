package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/claimgraph/claimgraph"
)

// Analysis returns the stored analysis of a document (by id or unique prefix).
func (db *DB) Analysis(ctx context.Context, id string) (*claimgraph.Analysis, error) {
	full, err := db.resolveDocID(ctx, id)
	if err != nil {
		return nil, err
	}
	a := &claimgraph.Analysis{}
	// A document stored without analysis has an empty one.
	err = db.db.QueryRowContext(ctx, `SELECT analyzer FROM analyses WHERE seq = (SELECT seq FROM documents WHERE id = ?)`, full).Scan(&a.Analyzer)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("analysis of %s: %w", full, err)
	}
	if a.Mentions, err = db.mentions(ctx, `WHERE m.doc = ? ORDER BY m.ord`, full); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT doc, name, alias, type, pattern, start, end, evidence FROM alias_assertions WHERE doc = ? ORDER BY ord`, full)
	if err != nil {
		return nil, fmt.Errorf("alias assertions of %s: %w", full, err)
	}
	for rows.Next() {
		var s claimgraph.AliasAssertion
		if err := rows.Scan(&s.Doc, &s.Name, &s.Alias, &s.Type, &s.Pattern, &s.Start, &s.End, &s.Evidence); err != nil {
			rows.Close()
			return nil, err
		}
		a.Aliases = append(a.Aliases, s)
	}
	rows.Close()
	if a.Quotes, err = db.quotes(ctx, `WHERE doc = ? ORDER BY ord`, full); err != nil {
		return nil, err
	}
	if a.Claims, err = db.claims(ctx, `WHERE doc = ? ORDER BY ord`, full); err != nil {
		return nil, err
	}
	if a.Times, err = db.times(ctx, `WHERE doc = ? ORDER BY ord`, full); err != nil {
		return nil, err
	}
	return a, nil
}

func (db *DB) mentions(ctx context.Context, where string, args ...any) ([]claimgraph.Mention, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT m.id, m.doc, m.start, m.end, m.text, m.type, m.kind, m.name, m.chain, m.ambiguous, m.confidence
		FROM mentions m `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	var out []claimgraph.Mention
	for rows.Next() {
		var m claimgraph.Mention
		if err := rows.Scan(&m.ID, &m.Doc, &m.Start, &m.End, &m.Text, &m.Type, &m.Kind, &m.Name, &m.Chain, &m.Ambiguous, &m.Confidence); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (db *DB) quotes(ctx context.Context, where string, args ...any) ([]claimgraph.Quote, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, speaker_mention, data FROM quotes `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var out []claimgraph.Quote
	for rows.Next() {
		var id int64
		var sm int
		var data string
		if err := rows.Scan(&id, &sm, &data); err != nil {
			return nil, err
		}
		var q claimgraph.Quote
		if err := json.Unmarshal([]byte(data), &q); err != nil {
			return nil, fmt.Errorf("quote %d: %w", id, err)
		}
		q.ID = id
		if q.Speaker != nil {
			q.Speaker.Mention = sm
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

func (db *DB) claims(ctx context.Context, where string, args ...any) ([]claimgraph.Claim, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, data FROM claims `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	defer rows.Close()
	var out []claimgraph.Claim
	for rows.Next() {
		var id int64
		var data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, err
		}
		var sc storedClaim
		if err := json.Unmarshal([]byte(data), &sc); err != nil {
			return nil, fmt.Errorf("claim %d: %w", id, err)
		}
		c := sc.Claim
		c.ID, c.Quote, c.Time = id, sc.QuoteOrd, sc.TimeOrd
		if c.Speaker != nil {
			c.Speaker.Mention = sc.SpeakerMention
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (db *DB) times(ctx context.Context, where string, args ...any) ([]claimgraph.TimeExpr, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, doc, start, end, text, type, value, relative, anchor, mod, rule FROM times `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("times: %w", err)
	}
	defer rows.Close()
	var out []claimgraph.TimeExpr
	for rows.Next() {
		var t claimgraph.TimeExpr
		if err := rows.Scan(&t.ID, &t.Doc, &t.Start, &t.End, &t.Text, &t.Type, &t.Value, &t.Relative, &t.Anchor, &t.Mod, &t.Rule); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// maxQuotes caps an unpaged quote listing.
const maxQuotes = 10000

// Quotes lists quotes by speaker entity, by an entity mentioned in their
// content, and by document, in publication order. A quote's speaker name is
// the canonical name of the entity its speaker mention resolves to, empty
// (unknown) when it resolves to none.
func (db *DB) Quotes(ctx context.Context, f claimgraph.QuoteFilter) ([]claimgraph.QuoteView, error) {
	var where []string
	var args []any
	if (f.Speaker == "") != (f.About == "") && f.Doc == "" && f.Docs.Empty() {
		// An entity's quotes, spoken or naming it: a range of the derived
		// index (see listedQuotes).
		ref, role := f.Speaker, quoteSpeaker
		if ref == "" {
			ref, role = f.About, quoteAbout
		}
		id, err := db.resolveEntity(ctx, ref)
		if err != nil {
			return nil, err
		}
		if out, ok, err := db.listedQuotes(ctx, id, role, f.Offset, f.Limit); err != nil || ok {
			return out, err
		}
	}
	if f.Speaker != "" {
		id, err := db.resolveEntity(ctx, f.Speaker)
		if err != nil {
			return nil, err
		}
		// Driven from the entity's mentions to the quotes they speak.
		where = append(where, `q.id IN (SELECT q2.id FROM mention_entities me2 JOIN mentions m2 ON m2.id = me2.mention
			JOIN quotes q2 ON q2.doc = m2.doc AND q2.speaker_mention = m2.ord WHERE me2.entity = ?)`)
		args = append(args, id)
	}
	if f.About != "" {
		id, err := db.resolveEntity(ctx, f.About)
		if err != nil {
			return nil, err
		}
		where = append(where, `q.id IN (SELECT q2.id FROM mention_entities me2 JOIN mentions m2 ON m2.id = me2.mention
			JOIN quotes q2 ON q2.doc = m2.doc AND q2.start <= m2.start AND q2.end >= m2.end WHERE me2.entity = ?)`)
		args = append(args, id)
	}
	if f.Doc != "" {
		id, err := db.resolveDocID(ctx, f.Doc)
		if err != nil {
			return nil, err
		}
		where = append(where, `q.doc = ?`)
		args = append(args, id)
	}
	if cond, a := scopeDocs("q.doc", f.Docs); cond != "" {
		where, args = append(where, cond), append(args, a...)
	}
	return db.queryQuotes(ctx, where, args, f.Offset, f.Limit)
}

// queryQuotes reads quotes (alias q) matching every condition in where,
// with their documents and speaker entities, in publication order.
func (db *DB) queryQuotes(ctx context.Context, where []string, args []any, offset, limit int) ([]claimgraph.QuoteView, error) {
	q := quoteSelect
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	} else {
		// The whole listing: walk the documents in publication order
		// (index documents_date_order) and stop at the page; the CROSS
		// JOIN keeps SQLite from sorting every quote of the store.
		q = quoteSelectByDate
	}
	if limit <= 0 || limit > maxQuotes {
		limit = maxQuotes
	}
	q += ` ORDER BY d.date = '', d.date, d.id, q.ord` + limitClause(offset, limit)
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	out := []claimgraph.QuoteView{}
	for rows.Next() {
		v, err := scanQuoteView(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// quoteSelect reads quotes (alias q) with their documents and speaker
// entities, as scanQuoteView scans them; a WHERE clause may follow.
const quoteSelect = `SELECT q.id, q.speaker_mention, q.data, d.title, d.outlet, d.date, COALESCE(me.entity, 0), COALESCE(e.name, ''), COALESCE(e.type, '')
		FROM quotes q JOIN documents d ON d.id = q.doc
		LEFT JOIN mentions m ON m.doc = q.doc AND m.ord = q.speaker_mention
		LEFT JOIN mention_entities me ON me.mention = m.id
		LEFT JOIN entities e ON e.id = me.entity`

// quoteSelectByDate is quoteSelect driven by the documents, for a listing
// of every quote in publication order.
const quoteSelectByDate = `SELECT q.id, q.speaker_mention, q.data, d.title, d.outlet, d.date, COALESCE(me.entity, 0), COALESCE(e.name, ''), COALESCE(e.type, '')
		FROM documents d CROSS JOIN quotes q
		LEFT JOIN mentions m ON m.doc = q.doc AND m.ord = q.speaker_mention
		LEFT JOIN mention_entities me ON me.mention = m.id
		LEFT JOIN entities e ON e.id = me.entity
		WHERE q.doc = d.id`

// scanQuoteView scans one row of quoteSelect.
func scanQuoteView(rows interface{ Scan(...any) error }) (claimgraph.QuoteView, error) {
	var v claimgraph.QuoteView
	var sm int
	var data, name, typ string
	var entity int64
	if err := rows.Scan(&v.ID, &sm, &data, &v.Title, &v.Outlet, &v.Date, &entity, &name, &typ); err != nil {
		return v, fmt.Errorf("quotes: %w", err)
	}
	id := v.ID
	if err := json.Unmarshal([]byte(data), &v.Quote); err != nil {
		return v, fmt.Errorf("quote %d: %w", id, err)
	}
	v.ID = id
	if v.Speaker != nil {
		v.Speaker.Mention, v.Speaker.Entity, v.Speaker.Name = sm, entity, name
		if typ != "" {
			v.Speaker.Type = typ
		}
	}
	return v, nil
}

// Roles of an entity in quote_entities.
const (
	quoteSpeaker = 0 // the quote's speaker mention resolves to it
	quoteAbout   = 1 // a mention of it lies inside the quote
)

// quoteEntitiesInsert fills quote_entities from the entity layer (the same
// statement as migration 0021 and PostgreSQL's 0010): the conditions of
// Quotes' Speaker and About filters, kept with each quote's place in
// publication order.
const quoteEntitiesInsert = `INSERT INTO quote_entities (entity, role, undated, date, doc, ord, quote)
	SELECT me.entity, 0, d.date = '', d.date, q.doc, q.ord, q.id
	FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.ord = q.speaker_mention
	JOIN mention_entities me ON me.mention = m.id JOIN documents d ON d.id = q.doc
	UNION
	SELECT me.entity, 1, d.date = '', d.date, q.doc, q.ord, q.id
	FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.start >= q.start AND m.start < q.end AND m.end <= q.end
	JOIN mention_entities me ON me.mention = m.id JOIN documents d ON d.id = q.doc`

// deriveQuoteEntities rewrites quote_entities with the entity layer.
func deriveQuoteEntities(ctx context.Context, tx *Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM quote_entities`); err != nil {
		return fmt.Errorf("quote entities: %w", err)
	}
	if _, err := tx.ExecContext(ctx, quoteEntitiesInsert); err != nil {
		return fmt.Errorf("quote entities: %w", err)
	}
	return nil
}

// listedQuotes answers an entity's quotes (role quoteSpeaker or
// quoteAbout) from quote_entities: a page of its index, then those quotes.
// As of the entity layer's last computation, like listedClaims; ok is
// false when db.liveListings is set and the quotes are found through the
// mentions as they are.
func (db *DB) listedQuotes(ctx context.Context, entity int64, role, offset, limit int) ([]claimgraph.QuoteView, bool, error) {
	if db.liveListings {
		return nil, false, nil
	}
	if limit <= 0 || limit > maxQuotes {
		limit = maxQuotes
	}
	rows, err := db.db.QueryContext(ctx, `SELECT quote FROM quote_entities WHERE entity = ? AND role = ?
		ORDER BY undated, date, doc, ord`+limitClause(offset, limit), entity, role)
	if err != nil {
		return nil, false, fmt.Errorf("quotes of entity %d: %w", entity, err)
	}
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("quotes of entity %d: %w", entity, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("quotes of entity %d: %w", entity, err)
	}
	if len(ids) == 0 {
		return []claimgraph.QuoteView{}, true, nil
	}
	out, err := db.queryQuotes(ctx, []string{`q.id IN (` + placeholders(len(ids)) + `)`}, ids, 0, 0)
	return out, err == nil, err
}

package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// The timeline, derived (migration 0024). Which evidence a dated time
// expression stands in depends on its document's analysis only: it is
// computed once per document into timeline_times, by the entity layer's
// build for the documents that lack it (a replaced analysis deletes its
// time expressions, and their rows with them). Which entries each entity
// is in depends on the entity layer: timeline_entities is one of its
// tables. A page of the timeline then reads its own entries, in order,
// and the evidence of those entries only.

// timelineDocsChunk is how many documents one transaction of the build
// computes the timeline of.
const timelineDocsChunk = 500

// timelineDerived reports whether the store's timeline was derived: a store
// migrated since its last recomputation computes it live until then.
func (db *DB) timelineDerived(ctx context.Context) (bool, error) {
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM timeline_times LIMIT 1)`).Scan(&n); err != nil {
		return false, fmt.Errorf("timeline: %w", err)
	}
	return n > 0, nil
}

// pendingTimelineDocs returns the documents holding a dated time expression
// whose evidence is not derived yet.
func pendingTimelineDocs(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT t.doc FROM times t
		WHERE t.type IN ('DATE', 'TIME') AND t.value <> ''
		AND NOT EXISTS (SELECT 1 FROM timeline_times tt WHERE tt.time = t.id) ORDER BY t.doc`)
	if err != nil {
		return nil, fmt.Errorf("timeline: pending documents: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("timeline: pending documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// deriveTimelineTimes computes the evidence of the dated time expressions
// of docs that have none yet (timeline_times), as the live timeline chooses
// it. Whether a sentence names an actor is read from the mentions' own
// names, not the entity layer, so the rows stay valid when the layer is
// recomputed. lockRows (PostgreSQL, where another process may replace a
// document's analysis meanwhile) locks the time expressions read until the
// transaction ends, so that none is deleted before its row is inserted
// (the foreign key would fail the layer's build); SQLite has one writer.
func deriveTimelineTimes(ctx context.Context, tx *Tx, docs []string, lockRows bool) error {
	if len(docs) == 0 {
		return nil
	}
	ids := make([]any, len(docs))
	byID := make(map[string]*timelineDoc, len(docs))
	for i, d := range docs {
		ids[i] = d
		byID[d] = &timelineDoc{}
	}
	in := `(` + placeholders(len(ids)) + `)`
	scan := func(what, q string, fn func(scan func(...any) error) error) error {
		rows, err := tx.QueryContext(ctx, q, ids...)
		if err != nil {
			return fmt.Errorf("timeline: %s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows.Scan); err != nil {
				return fmt.Errorf("timeline: %s: %w", what, err)
			}
		}
		return rows.Err()
	}
	// The time expressions first (locked on PostgreSQL): the document's
	// analysis read after them is the one they belong to.
	lock := ""
	if lockRows {
		lock = ` FOR KEY SHARE OF t`
	}
	type timeRow struct {
		t   claimgraph.TimeExpr
		ord int
	}
	var times []timeRow
	err := scan("times", `SELECT t.id, t.doc, t.ord, t.start, t.end FROM times t
		WHERE t.doc IN `+in+` AND t.type IN ('DATE', 'TIME') AND t.value <> ''
		AND NOT EXISTS (SELECT 1 FROM timeline_times tt WHERE tt.time = t.id) ORDER BY t.doc, t.ord`+lock, func(s func(...any) error) error {
		var r timeRow
		if err := s(&r.t.ID, &r.t.Doc, &r.ord, &r.t.Start, &r.t.End); err != nil {
			return err
		}
		times = append(times, r)
		return nil
	})
	if err != nil {
		return err
	}
	err = scan("documents", `SELECT id, text FROM documents WHERE id IN `+in, func(s func(...any) error) error {
		var id, text string
		if err := s(&id, &text); err != nil {
			return err
		}
		byID[id].text = text
		return nil
	})
	if err != nil {
		return err
	}
	err = scan("claims", `SELECT id, doc, data FROM claims WHERE doc IN `+in+` ORDER BY doc, ord`, func(s func(...any) error) error {
		var r claimRow
		var doc, data string
		if err := s(&r.ID, &doc, &data); err != nil {
			return err
		}
		var sc storedClaim
		if err := json.Unmarshal([]byte(data), &sc); err != nil {
			return fmt.Errorf("claim %d: %w", r.ID, err)
		}
		id := r.ID
		r.Claim, r.ID, r.Time = sc.Claim, id, sc.TimeOrd
		byID[doc].claims = append(byID[doc].claims, r)
		return nil
	})
	if err != nil {
		return err
	}
	err = scan("quotes", `SELECT id, doc, data FROM quotes WHERE doc IN `+in+` ORDER BY doc, ord`, func(s func(...any) error) error {
		var v claimgraph.QuoteView
		var id int64
		var doc, data string
		if err := s(&id, &doc, &data); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(data), &v.Quote); err != nil {
			return fmt.Errorf("quote %d: %w", id, err)
		}
		v.ID = id
		byID[doc].quotes = append(byID[doc].quotes, v)
		return nil
	})
	if err != nil {
		return err
	}
	err = scan("mentions", `SELECT doc, start, end, kind, name FROM mentions WHERE doc IN `+in+` AND kind <> '`+claimgraph.MentionPronoun+`' ORDER BY doc, ord`, func(s func(...any) error) error {
		var m claimgraph.Mention
		if err := s(&m.Doc, &m.Start, &m.End, &m.Kind, &m.Name); err != nil {
			return err
		}
		byID[m.Doc].mentions = append(byID[m.Doc].mentions, m)
		return nil
	})
	if err != nil {
		return err
	}
	var out [][]any
	for _, r := range times {
		d := byID[r.t.Doc]
		ev := timelineEvidence(d, r.t, r.ord)
		row := []any{r.t.ID, r.t.Doc, ev.kind, ev.start, ev.end, int64(0), int64(0)}
		switch ev.kind {
		case "claim":
			row[5] = d.claims[ev.claim].ID
		case "quote":
			row[6] = d.quotes[ev.quote].ID
		case "sentence":
			if !namesActor(d.mentions, ev.start, ev.end) {
				row[2] = "" // a date with no actor beside it is not an event
			}
		}
		out = append(out, row)
	}
	if err := insertRows(ctx, tx, "timeline_times", "time, doc, kind, ev_start, ev_end, claim, quote", out); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	return nil
}

// namesActor reports whether a mention other than a pronoun, with a name,
// lies inside [start, end).
func namesActor(ms []claimgraph.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start >= start && m.End <= end && m.Kind != claimgraph.MentionPronoun && m.Name != "" {
			return true
		}
	}
	return false
}

// deriveTimelineEntities fills timeline_entities with the entity layer
// being built: each entry with the entities named inside its evidence
// (pronouns aside, as the entries' names) and its speaker's.
func deriveTimelineEntities(ctx context.Context, tx *Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM timeline_entities`); err != nil {
		return fmt.Errorf("timeline entities: %w", err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO timeline_entities (entity, value, doc, start, time)
		SELECT me.entity, t.value, t.doc, t.start, t.id FROM timeline_times tt JOIN times t ON t.id = tt.time
		JOIN mentions m ON m.doc = tt.doc AND m.start >= tt.ev_start AND m.start < tt.ev_end AND m.end <= tt.ev_end
		JOIN mention_entities me ON me.mention = m.id
		WHERE tt.kind <> '' AND m.kind <> '`+claimgraph.MentionPronoun+`' AND t.type IN ('DATE', 'TIME') AND t.value <> ''
		UNION
		SELECT ce.speaker_entity, t.value, t.doc, t.start, t.id FROM timeline_times tt JOIN times t ON t.id = tt.time
		JOIN claim_entities ce ON ce.claim = tt.claim
		WHERE tt.kind = 'claim' AND ce.speaker_entity <> 0 AND t.type IN ('DATE', 'TIME') AND t.value <> ''
		UNION
		SELECT me.entity, t.value, t.doc, t.start, t.id FROM timeline_times tt JOIN times t ON t.id = tt.time
		JOIN quotes q ON q.id = tt.quote JOIN mentions m ON m.doc = q.doc AND m.ord = q.speaker_mention
		JOIN mention_entities me ON me.mention = m.id
		WHERE tt.kind = 'quote' AND t.type IN ('DATE', 'TIME') AND t.value <> ''`)
	if err != nil {
		return fmt.Errorf("timeline entities: %w", err)
	}
	return nil
}

// timelineRow is a time expression with its derived evidence.
type timelineRow struct {
	t              claimgraph.TimeExpr
	kind           string
	evStart, evEnd int
	claim, quote   int64
}

// derivedTimeline answers Timeline from the derived tables: the entries in
// order (of the whole store, or an entity's from timeline_entities), then
// the evidence of the page's entries only.
func (db *DB) derivedTimeline(ctx context.Context, q claimgraph.TimelineQuery, entity int64, want, limit int) ([]claimgraph.TimelineEntry, error) {
	from, order := `times t INDEXED BY times_value JOIN timeline_times tt ON tt.time = t.id`, `t.value, t.doc, t.start`
	// v is the value the order and the bounds go by: the time
	// expression's own, or the entity's key.
	v, keyset := "t.value", `(t.value, t.doc, t.start) > (?, ?, ?)`
	where := []string{`t.type IN ('DATE', 'TIME')`, `t.value <> ''`, `tt.kind <> ''`}
	var args []any
	if entity != 0 {
		// The entity's entries are a range of its key; a row whose time
		// expression got another value since (a document's date set
		// afterwards) is left out until the layer is recomputed, rather
		// than listed out of order.
		from = `timeline_entities te CROSS JOIN times t JOIN timeline_times tt ON tt.time = t.id`
		order, v, keyset = `te.value, te.doc, te.start`, "te.value", `(te.value, te.doc, te.start) > (?, ?, ?)`
		where = append(where, `te.entity = ?`, `t.id = te.time`, `t.value = te.value`)
		args = append(args, entity)
	}
	if q.From != "" {
		where, args = append(where, v+` >= ?`), append(args, q.From)
	}
	if q.To != "" {
		// Prefix bound: "2014" takes in "2014-06-01".
		where, args = append(where, v+` < ?`), append(args, q.To+"\x7f")
	}
	// The keyset condition first: its three arguments lead each batch's.
	where = append([]string{keyset}, where...)
	if cond, a := scopeDocs("t.doc", q.Docs); cond != "" {
		where, args = append(where, cond), append(args, a...)
	}
	query := `SELECT t.id, t.doc, t.ord, t.start, t.end, t.text, t.type, t.value, t.relative, t.anchor, t.mod, t.rule,
			tt.kind, tt.ev_start, tt.ev_end, tt.claim, tt.quote
		FROM ` + from + ` WHERE ` + strings.Join(where, " AND ") + ` ORDER BY ` + order + ` LIMIT ?`
	var rows []timelineRow
	after := []any{"", "", -1}
	for len(rows) < want {
		fetch := min(want-len(rows)+10, maxTimelineLimit)
		got, err := db.timelineRows(ctx, query, append(append(append([]any{}, after...), args...), fetch))
		if err != nil {
			return nil, err
		}
		for _, r := range got {
			// PRESENT_REF and the like are not points on a line.
			if claimgraph.DatePrecision(r.t.Value) != "" && len(rows) < want {
				rows = append(rows, r)
			}
		}
		if len(got) < fetch {
			break
		}
		last := got[len(got)-1].t
		after = []any{last.Value, last.Doc, last.Start}
	}
	return db.timelineRowEntries(ctx, page(rows, q.Offset, limit))
}

func (db *DB) timelineRows(ctx context.Context, query string, args []any) ([]timelineRow, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []timelineRow
	for rows.Next() {
		var r timelineRow
		var ord int
		t := &r.t
		if err := rows.Scan(&t.ID, &t.Doc, &ord, &t.Start, &t.End, &t.Text, &t.Type, &t.Value, &t.Relative, &t.Anchor, &t.Mod, &t.Rule,
			&r.kind, &r.evStart, &r.evEnd, &r.claim, &r.quote); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// timelineRowEntries builds the entries of a page of derived rows: their
// documents' titles (and text, for sentences), their claims and quotes by
// id, and the mentions inside each evidence span.
func (db *DB) timelineRowEntries(ctx context.Context, rows []timelineRow) ([]claimgraph.TimelineEntry, error) {
	out := []claimgraph.TimelineEntry{}
	if len(rows) == 0 {
		return out, nil
	}
	var docIDs, claimIDs, quoteIDs []any
	seen := map[any]bool{}
	add := func(ids *[]any, key, id any) {
		if !seen[key] {
			seen[key] = true
			*ids = append(*ids, id)
		}
	}
	for _, r := range rows {
		add(&docIDs, "d"+r.t.Doc, r.t.Doc)
		switch r.kind {
		case "claim":
			add(&claimIDs, [2]any{"c", r.claim}, r.claim)
		case "quote":
			add(&quoteIDs, [2]any{"q", r.quote}, r.quote)
		}
	}
	type docText struct{ title, text string }
	docs := map[string]docText{}
	drows, err := db.db.QueryContext(ctx, `SELECT id, title, text FROM documents WHERE id IN (`+placeholders(len(docIDs))+`)`, docIDs...)
	if err != nil {
		return nil, fmt.Errorf("timeline documents: %w", err)
	}
	for drows.Next() {
		var id string
		var d docText
		if err := drows.Scan(&id, &d.title, &d.text); err != nil {
			drows.Close()
			return nil, fmt.Errorf("timeline documents: %w", err)
		}
		docs[id] = d
	}
	drows.Close()
	if err := drows.Err(); err != nil {
		return nil, fmt.Errorf("timeline documents: %w", err)
	}
	claims := map[int64]claimRow{}
	if len(claimIDs) > 0 {
		cs, err := db.loadClaims(ctx, `WHERE c.id IN (`+placeholders(len(claimIDs))+`)`, claimIDs...)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			claims[c.ID] = c
		}
	}
	quotes := map[int64]claimgraph.QuoteView{}
	if len(quoteIDs) > 0 {
		qs, err := db.queryQuotes(ctx, []string{`q.id IN (` + placeholders(len(quoteIDs)) + `)`}, quoteIDs, 0, 0)
		if err != nil {
			return nil, err
		}
		for _, qv := range qs {
			quotes[qv.ID] = qv
		}
	}
	names, err := db.namedIn(ctx, docIDs)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		d, ok := docs[r.t.Doc]
		if !ok {
			continue
		}
		e := claimgraph.TimelineEntry{Value: r.t.Value, Precision: claimgraph.DatePrecision(r.t.Value), Time: r.t, Kind: r.kind}
		switch r.kind {
		case "claim":
			c, ok := claims[r.claim]
			if !ok {
				continue
			}
			spokenEntry(&e, r.t.Doc, d.title, c.Evidence, c.Speaker)
		case "quote":
			qv, ok := quotes[r.quote]
			if !ok {
				continue
			}
			spokenEntry(&e, r.t.Doc, d.title, qv.Content, qv.Speaker)
		default:
			s, en := max(0, min(r.evStart, len(d.text))), max(0, min(r.evEnd, len(d.text)))
			e.Evidence = claimgraph.Evidence{Doc: r.t.Doc, Title: d.title, Start: s, End: en, Text: d.text[s:min(max(s, en), len(d.text))]}
		}
		e.Entities = namesInSpan(names[r.t.Doc], e.Evidence.Start, e.Evidence.End)
		out = append(out, e)
	}
	return out, nil
}

// namedMention is a mention other than a pronoun, with the name it shows
// under: its entity's canonical name when resolved, its own otherwise.
type namedMention struct {
	start, end int
	name       string
}

// namedIn reads the mentions (pronouns aside) of the documents, in order,
// with the names they show under: one query for a page of entries (a
// query per entry cost a round trip each on PostgreSQL).
func (db *DB) namedIn(ctx context.Context, docs []any) (map[string][]namedMention, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT m.doc, m.start, m.end, m.name, COALESCE(me.entity, 0), COALESCE(e.name, '')
		FROM mentions m LEFT JOIN mention_entities me ON me.mention = m.id LEFT JOIN entities e ON e.id = me.entity
		WHERE m.doc IN (`+placeholders(len(docs))+`) AND m.kind <> '`+claimgraph.MentionPronoun+`'
		ORDER BY m.doc, m.ord`, docs...)
	if err != nil {
		return nil, fmt.Errorf("timeline names: %w", err)
	}
	defer rows.Close()
	out := map[string][]namedMention{}
	for rows.Next() {
		var doc, canonical string
		var m namedMention
		var entity int64
		if err := rows.Scan(&doc, &m.start, &m.end, &m.name, &entity, &canonical); err != nil {
			return nil, fmt.Errorf("timeline names: %w", err)
		}
		if entity != 0 {
			m.name = canonical
		}
		out[doc] = append(out[doc], m)
	}
	return out, rows.Err()
}

// namesInSpan returns the names of the mentions inside [start, end), each
// once, as entitiesIn does for the live timeline.
func namesInSpan(ms []namedMention, start, end int) []string {
	names := []string{}
	seen := map[string]bool{}
	for _, m := range ms {
		if m.start >= start && m.end <= end && m.name != "" && !seen[m.name] {
			seen[m.name] = true
			names = append(names, m.name)
		}
	}
	return names
}

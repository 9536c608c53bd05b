package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Timeline sizes.
const (
	defaultTimelineLimit = 1000
	maxTimelineLimit     = 10000
	timelineBatch        = 400
	// timelineEntityDocs: up to this many documents, an entity's timeline
	// is read from its documents' times; past it, from the times of the
	// store in order (one in a few is the entity's).
	timelineEntityDocs = 2000
)

// Timeline returns dated evidence in order of its TIMEX3 value: for each
// calendar date or time expression (durations, sets and undated references
// are left out), the claim whose evidence holds it, else the quote whose
// content holds it, else the sentence around it when that sentence names an
// actor. With q.Entity, only entries whose evidence names that entity (or
// whose speaker it is). From and To bound the value as prefixes, inclusive.
func (db *DB) Timeline(ctx context.Context, q claimgraph.TimelineQuery) ([]claimgraph.TimelineEntry, error) {
	var entity int64
	if q.Entity != "" {
		id, err := db.resolveEntity(ctx, q.Entity)
		if err != nil {
			return nil, err
		}
		entity = id
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultTimelineLimit
	}
	limit = min(limit, maxTimelineLimit)
	want := max(q.Offset, 0) + limit

	where := []string{`t.type IN ('DATE', 'TIME')`, `t.value <> ''`, `(t.value, t.doc, t.start) > (?, ?, ?)`}
	var args []any
	if q.From != "" {
		where = append(where, `t.value >= ?`)
		args = append(args, q.From)
	}
	if q.To != "" {
		// Prefix bound: "2014" takes in "2014-06-01".
		where = append(where, `t.value < ?`)
		args = append(args, q.To+"\x7f")
	}
	if !db.liveListings {
		derived, err := db.timelineDerived(ctx)
		if err != nil {
			return nil, err
		}
		if derived {
			return db.derivedTimeline(ctx, q, entity, want, limit)
		}
	}
	from := `times t`
	if entity != 0 {
		// An entity named in few documents: read the times of its
		// documents and sort them, rather than walk the times of the whole
		// store in order for the few that are its (at 100k documents, a
		// scan of every dated expression for an entity of three).
		var docs int
		if err := db.db.QueryRowContext(ctx, `SELECT docs FROM entities WHERE id = ?`, entity).Scan(&docs); err != nil {
			return nil, fmt.Errorf("timeline of %d: %w", entity, err)
		}
		if docs <= timelineEntityDocs {
			from = `entity_docs ed CROSS JOIN times t`
			where = append(where, `ed.entity = ? AND t.doc = ed.doc`)
		} else {
			// Walk the times in order, keeping the entity's: SQLite would
			// otherwise read all of them and sort (2.4 s for the top
			// entity at 100k documents).
			from = `times t INDEXED BY times_value`
			where = append(where, `t.doc IN (SELECT doc FROM entity_docs WHERE entity = ?)`)
		}
		args = append(args, entity)
	}
	if cond, a := scopeDocs("t.doc", q.Docs); cond != "" {
		where, args = append(where, cond), append(args, a...)
	}
	query := `SELECT t.id, t.doc, t.ord, t.start, t.end, t.text, t.type, t.value, t.relative, t.anchor, t.mod, t.rule
		FROM ` + from + ` WHERE ` + strings.Join(where, " AND ") + ` ORDER BY t.value, t.doc, t.start LIMIT ?`

	// Most times make one entry: read a little more than wanted per batch.
	// For an entity, most times of its documents are not beside it: one
	// query reads several batches' worth (sorted once), and the entries
	// are built a batch at a time until there are enough.
	batchSize := min(timelineBatch, want+want/4+10)
	fetch := batchSize
	if entity != 0 {
		fetch = min(max(4*want, timelineBatch), 4*timelineBatch)
	}
	args = append(args, fetch)
	out := []claimgraph.TimelineEntry{}
	after := []any{"", "", -1}
	for len(out) < want {
		times, ords, err := db.timelineTimes(ctx, query, append(append([]any{}, after...), args...))
		if err != nil {
			return nil, err
		}
		if len(times) == 0 {
			break
		}
		last := times[len(times)-1]
		after = []any{last.Value, last.Doc, last.Start}
		for i := 0; i < len(times) && len(out) < want; i += batchSize {
			j := min(i+batchSize, len(times))
			entries, err := db.timelineEntries(ctx, times[i:j], ords[i:j], entity)
			if err != nil {
				return nil, err
			}
			out = append(out, entries...)
		}
		if len(times) < fetch {
			break
		}
	}
	return page(out, q.Offset, limit), nil
}

func (db *DB) timelineTimes(ctx context.Context, query string, args []any) ([]claimgraph.TimeExpr, []int, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []claimgraph.TimeExpr
	var ords []int
	for rows.Next() {
		var t claimgraph.TimeExpr
		var ord int
		if err := rows.Scan(&t.ID, &t.Doc, &ord, &t.Start, &t.End, &t.Text, &t.Type, &t.Value, &t.Relative, &t.Anchor, &t.Mod, &t.Rule); err != nil {
			return nil, nil, fmt.Errorf("timeline: %w", err)
		}
		out = append(out, t)
		ords = append(ords, ord)
	}
	return out, ords, rows.Err()
}

// timelineDoc is what the entries of one document need.
type timelineDoc struct {
	title, text string
	claims      []claimRow
	quotes      []claimgraph.QuoteView
	mentions    []claimgraph.Mention
	names       map[int64]string
}

// timelineEntries builds the entries of a batch of times, reading the
// batch's documents with a few batched queries.
func (db *DB) timelineEntries(ctx context.Context, times []claimgraph.TimeExpr, ords []int, entity int64) ([]claimgraph.TimelineEntry, error) {
	docs, err := db.timelineDocs(ctx, times)
	if err != nil {
		return nil, err
	}
	var out []claimgraph.TimelineEntry
	for i, t := range times {
		if claimgraph.DatePrecision(t.Value) == "" {
			continue // PRESENT_REF and the like are not points on a line
		}
		d := docs[t.Doc]
		if d == nil {
			continue
		}
		e := claimgraph.TimelineEntry{Value: t.Value, Precision: claimgraph.DatePrecision(t.Value), Time: t}
		var speakerEntity int64
		switch ev := timelineEvidence(d, t, ords[i]); ev.kind {
		case "claim":
			c := d.claims[ev.claim]
			e.Kind = "claim"
			speakerEntity = spokenEntry(&e, t.Doc, d.title, c.Evidence, c.Speaker)
		case "quote":
			qv := d.quotes[ev.quote]
			e.Kind = "quote"
			speakerEntity = spokenEntry(&e, t.Doc, d.title, qv.Content, qv.Speaker)
		default:
			e.Kind = "sentence"
			e.Evidence = claimgraph.Evidence{Doc: t.Doc, Title: d.title, Start: ev.start, End: ev.end, Text: d.text[ev.start:ev.end]}
		}
		names, has := entitiesIn(d, e.Evidence.Start, e.Evidence.End, entity)
		if e.Kind == "sentence" && len(names) == 0 {
			continue // a date with no actor beside it is not an event
		}
		if entity != 0 && !has && speakerEntity != entity {
			continue
		}
		e.Entities = names
		out = append(out, e)
	}
	return out, nil
}

// timelineChoice is the evidence a time expression stands in: the index
// of a claim or quote of its document, or a sentence span.
type timelineChoice struct {
	kind         string // claim, quote or sentence
	claim, quote int    // indexes into the document's claims and quotes
	start, end   int    // the evidence's span
}

// timelineEvidence chooses a time expression's evidence: the claim whose
// time it is, else the last claim whose evidence holds it, else the first
// quote whose content holds it, else the sentence around it.
func timelineEvidence(d *timelineDoc, t claimgraph.TimeExpr, ord int) timelineChoice {
	ch := timelineChoice{claim: -1, quote: -1}
	for k, c := range d.claims {
		if c.Time == ord || (c.Evidence.Start <= t.Start && t.End <= c.Evidence.End && c.Evidence.End > c.Evidence.Start) {
			ch = timelineChoice{kind: "claim", claim: k, quote: -1, start: c.Evidence.Start, end: c.Evidence.End}
			if c.Time == ord {
				return ch
			}
		}
	}
	if ch.kind != "" {
		return ch
	}
	for k, qv := range d.quotes {
		if qv.Content.Start <= t.Start && t.End <= qv.Content.End {
			return timelineChoice{kind: "quote", claim: -1, quote: k, start: qv.Content.Start, end: qv.Content.End}
		}
	}
	s, e := sentenceAround(d.text, t.Start, t.End)
	return timelineChoice{kind: "sentence", claim: -1, quote: -1, start: s, end: e}
}

// entitiesIn returns the names of the actors mentioned in [start, end) (the
// entity's canonical name when resolved, the mention's name otherwise) and
// whether entity is among them.
func entitiesIn(d *timelineDoc, start, end int, entity int64) ([]string, bool) {
	names := []string{}
	seen := map[string]bool{}
	has := false
	for _, m := range d.mentions {
		if m.Start < start || m.End > end || m.Kind == claimgraph.MentionPronoun {
			continue
		}
		n := m.Name
		if m.Entity != 0 {
			n = d.names[m.Entity]
			has = has || m.Entity == entity
		}
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names, has
}

func (db *DB) timelineDocs(ctx context.Context, times []claimgraph.TimeExpr) (map[string]*timelineDoc, error) {
	docs := map[string]*timelineDoc{}
	var ids []any
	for _, t := range times {
		if docs[t.Doc] == nil {
			docs[t.Doc] = &timelineDoc{}
			ids = append(ids, t.Doc)
		}
	}
	in := `(` + placeholders(len(ids)) + `)`
	rows, err := db.db.QueryContext(ctx, `SELECT id, title, text FROM documents WHERE id IN `+in, ids...)
	if err != nil {
		return nil, fmt.Errorf("timeline documents: %w", err)
	}
	for rows.Next() {
		var id, title, text string
		if err := rows.Scan(&id, &title, &text); err != nil {
			rows.Close()
			return nil, fmt.Errorf("timeline documents: %w", err)
		}
		docs[id].title, docs[id].text = title, text
	}
	rows.Close()
	claims, err := db.loadClaims(ctx, `WHERE c.doc IN `+in+` ORDER BY c.doc, c.ord`, ids...)
	if err != nil {
		return nil, err
	}
	for _, c := range claims {
		docs[c.Doc].claims = append(docs[c.Doc].claims, c)
	}
	quotes, err := db.quotesIn(ctx, in, ids)
	if err != nil {
		return nil, err
	}
	for _, q := range quotes {
		docs[q.Doc].quotes = append(docs[q.Doc].quotes, q)
	}
	ms, err := db.queryMentions(ctx, `LEFT JOIN mention_entities me ON me.mention = m.id WHERE m.doc IN `+in+` ORDER BY m.doc, m.ord`, ids...)
	if err != nil {
		return nil, err
	}
	var eids []int64
	seen := map[int64]bool{}
	for _, m := range ms {
		docs[m.Doc].mentions = append(docs[m.Doc].mentions, m)
		if m.Entity != 0 && !seen[m.Entity] {
			seen[m.Entity] = true
			eids = append(eids, m.Entity)
		}
	}
	nodes, err := db.graphNodes(ctx, eids)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, n := range nodes {
		names[n.ID] = n.Name
	}
	for _, d := range docs {
		d.names = names
	}
	return docs, nil
}

// quotesIn reads the quotes of documents (in is "(?, ...)" over ids) with
// their resolved speakers.
func (db *DB) quotesIn(ctx context.Context, in string, ids []any) ([]claimgraph.QuoteView, error) {
	return db.queryQuotes(ctx, []string{`q.doc IN ` + in}, ids, 0, 0)
}

// spokenEntry sets a timeline entry's evidence to a claim's or quote's span
// and its speaker's name, and returns the speaker's entity (0: none).
func spokenEntry(e *claimgraph.TimelineEntry, doc, title string, span claimgraph.TextSpan, sp *claimgraph.Speaker) int64 {
	e.Evidence = claimgraph.Evidence{Doc: doc, Title: title, Start: span.Start, End: span.End, Text: span.Text}
	if sp == nil {
		return 0
	}
	e.Speaker = sp.Name
	return sp.Entity
}

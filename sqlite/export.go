package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph"
)

var _ claimgraph.ExportStore = (*DB)(nil)

// Export opens a selection for an export. The selected documents and
// entities are written to two temporary tables of one pinned connection,
// so every row query joins them instead of holding the selection in Go;
// the rows themselves stream from SQLite one at a time.
func (db *DB) Export(ctx context.Context, f claimgraph.ExportFilter) (claimgraph.ExportSelection, error) {
	if f.Depth == 0 {
		f.Depth = 1
	}
	if f.Depth < 1 || f.Depth > 2 {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "export depth %d: want 1 or 2", f.Depth)
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" && !validDatePrefix(d) {
			return nil, claimgraph.Errorf(claimgraph.EINVALID, "export date %q: want an ISO date or a prefix of one (2013, 2013-09, 2013-09-11)", d)
		}
	}
	var center int64
	if f.Entity != "" {
		id, err := db.resolveEntity(ctx, f.Entity)
		if err != nil {
			return nil, err
		}
		center = id
	}
	s := &selection{db: db, f: f}
	for _, c := range []**sql.Conn{&s.conn, &s.aux} {
		conn, err := db.db.Conn(ctx)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("export: %w", err)
		}
		*c = conn
		// An export reads the whole store once: through a bounded page
		// cache rather than memory-mapped, so the pages it passes do not
		// stay resident (a mapped store counts whole in the process's
		// memory). Close restores the settings read here.
		if err := conn.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&s.mmap); err != nil {
			s.Close()
			return nil, fmt.Errorf("export: %w", err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&s.cache); err != nil {
			s.Close()
			return nil, fmt.Errorf("export: %w", err)
		}
		if _, err := conn.ExecContext(ctx, `PRAGMA mmap_size = 0; PRAGMA cache_size = -16384`); err != nil {
			s.Close()
			return nil, fmt.Errorf("export: %w", err)
		}
	}
	if err := s.prepare(ctx, center); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// validDatePrefix reports whether s looks like an ISO date or a prefix of
// one: digits and dashes, starting with a four-digit year.
func validDatePrefix(s string) bool {
	if len(s) < 4 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && !(s[i] == '-' && (i == 4 || i == 7)) {
			return false
		}
	}
	return true
}

// selection is an open export on two pinned connections: conn holds the
// temporary tables x_docs (selected document ids) and x_ents (selected
// entity ids, filled only when the filter narrows the entities) and runs
// the walks; aux answers the lookups made while a walk is open (document
// texts, the reuse chains of claim clusters).
type selection struct {
	db        *DB
	conn, aux *sql.Conn
	f         claimgraph.ExportFilter
	// mmap and cache are the connections' settings before the export.
	mmap, cache int64
}

var _ claimgraph.ExportSelection = (*selection)(nil)

// Close drops the temporary tables, restores the connections' settings
// and returns them to the pool.
func (s *selection) Close() error {
	var err error
	ctx := context.Background()
	for _, c := range []**sql.Conn{&s.conn, &s.aux} {
		if *c == nil {
			continue
		}
		_, e := (*c).ExecContext(ctx, fmt.Sprintf(`DROP TABLE IF EXISTS temp.x_docs; DROP TABLE IF EXISTS temp.x_ents;
			PRAGMA mmap_size = %d; PRAGMA cache_size = %d`, s.mmap, s.cache))
		if cerr := (*c).Close(); e == nil {
			e = cerr
		}
		if err == nil {
			err = e
		}
		*c = nil
	}
	return err
}

func (s *selection) exec(ctx context.Context, what, q string, args ...any) error {
	if _, err := s.conn.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("export %s: %w", what, err)
	}
	return nil
}

// prepare fills x_ents (the neighbourhood of center, or the entities of a
// type) and x_docs (the documents passing the filter and, when entities are
// narrowed, naming one of them).
func (s *selection) prepare(ctx context.Context, center int64) error {
	if err := s.exec(ctx, "tables", `DROP TABLE IF EXISTS temp.x_docs; DROP TABLE IF EXISTS temp.x_ents;
		CREATE TEMP TABLE x_docs (id TEXT PRIMARY KEY) WITHOUT ROWID;
		CREATE TEMP TABLE x_ents (id INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	f := s.f
	switch {
	case center != 0:
		ids, err := s.neighbourhood(ctx, center)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.exec(ctx, "entities", `INSERT OR IGNORE INTO x_ents (id) VALUES (?)`, id); err != nil {
				return err
			}
		}
		if f.Type != "" {
			// The center stays: the filter asks for the entities of a type
			// around it.
			if err := s.exec(ctx, "entity type", `DELETE FROM x_ents WHERE id <> ? AND id NOT IN (SELECT id FROM entities WHERE type = ?)`, center, f.Type); err != nil {
				return err
			}
		}
	case f.Type != "":
		if err := s.exec(ctx, "entity type", `INSERT INTO x_ents (id) SELECT id FROM entities WHERE type = ?`, f.Type); err != nil {
			return err
		}
	}
	// Each condition names its parameter by number, so one value may be
	// used twice.
	var where []string
	var args []any
	param := func(v string) string {
		args = append(args, v)
		return fmt.Sprintf("?%d", len(args))
	}
	if f.Outlet != "" {
		where = append(where, `d.outlet = `+param(f.Outlet))
	}
	if f.From != "" {
		where = append(where, `(d.date = '') = FALSE AND d.date >= `+param(f.From))
	}
	if f.To != "" {
		p := param(f.To)
		where = append(where, `(d.date = '') = FALSE AND substr(d.date, 1, length(`+p+`)) <= `+p)
	}
	if f.Narrows() {
		where = append(where, `EXISTS (SELECT 1 FROM entity_docs ed JOIN x_ents x ON x.id = ed.entity WHERE ed.doc = d.id)`)
	}
	q := `INSERT INTO x_docs (id) SELECT d.id FROM documents d`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	return s.exec(ctx, "documents", q, args...)
}

// neighbourhood returns center and the entities linked to it by claim
// edges or co-mentions with at least MinSources, to Depth steps.
func (s *selection) neighbourhood(ctx context.Context, center int64) ([]int64, error) {
	in := map[int64]bool{center: true}
	out := []int64{center}
	frontier := []int64{center}
	for depth := 0; depth < s.f.Depth && len(frontier) > 0; depth++ {
		var next []int64
		for _, c := range frontier {
			rows, err := s.db.db.QueryContext(ctx, `SELECT object FROM claim_edges WHERE subject = ?1 AND sources >= ?2
				UNION SELECT subject FROM claim_edges WHERE object = ?1 AND sources >= ?2`, c, s.f.MinSources)
			if err != nil {
				return nil, fmt.Errorf("export neighbourhood of %d: %w", c, err)
			}
			var found []int64
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return nil, fmt.Errorf("export neighbourhood of %d: %w", c, err)
				}
				found = append(found, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, fmt.Errorf("export neighbourhood of %d: %w", c, err)
			}
			lists, err := partnersOf(ctx, s.db.db, []int64{c}, 0)
			if err != nil {
				return nil, fmt.Errorf("export neighbourhood of %d: %w", c, err)
			}
			for _, p := range lists[c] {
				if p.sources >= s.f.MinSources {
					found = append(found, p.entity)
				}
			}
			// In id order, as the union of the two kinds came.
			slices.Sort(found)
			for _, id := range found {
				if !in[id] {
					in[id] = true
					out = append(out, id)
					next = append(next, id)
				}
			}
		}
		frontier = next
	}
	return out, nil
}

// each runs q on the selection's connection and calls fn with each row
// scanned, stopping at the first error.
func each[T any](ctx context.Context, s *selection, what, q string, args []any, scan func(*sql.Rows) (T, error), fn func(*T) error) error {
	rows, err := s.conn.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("export %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return fmt.Errorf("export %s: %w", what, err)
		}
		if err := fn(&v); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export %s: %w", what, err)
	}
	return nil
}

// entityCond is the condition "column names a selected entity" when the
// filter narrows the entities, else "".
func (s *selection) entityCond(columns ...string) string {
	if !s.f.Narrows() {
		return ""
	}
	var or []string
	for _, c := range columns {
		or = append(or, c+` IN (SELECT id FROM x_ents)`)
	}
	return ` AND (` + strings.Join(or, " OR ") + `)`
}

// Documents streams the selected documents in ingest order.
func (s *selection) Documents(ctx context.Context, fn func(*claimgraph.Document) error) error {
	return each(ctx, s, "documents", `SELECT `+prefixColumns("d.", docColumns)+`, d.bytes FROM documents d
		JOIN x_docs x ON x.id = d.id ORDER BY d.seq`, nil,
		func(rows *sql.Rows) (claimgraph.Document, error) {
			var n int
			d, err := scanDocument(rows, &n)
			if err != nil {
				return claimgraph.Document{}, err
			}
			d.Bytes = n
			return *d, nil
		}, fn)
}

// prefixColumns qualifies a comma-separated column list with a table alias.
func prefixColumns(p, cols string) string {
	f := strings.Split(cols, ",")
	for i := range f {
		f[i] = p + strings.TrimSpace(f[i])
	}
	return strings.Join(f, ", ")
}

// Entities streams the entities named in the selected documents, with
// their aliases, by id. One query joins the aliases; the rows of one
// entity are consecutive and are folded into it.
func (s *selection) Entities(ctx context.Context, fn func(*claimgraph.ExportEntity) error) error {
	rows, err := s.conn.QueryContext(ctx, `SELECT e.id, e.name, e.type, c.mentions, c.docs, COALESCE(c.first, ''), COALESCE(c.last, ''),
			a.name, COALESCE(a.source, ''), COALESCE(a.rule, ''), COALESCE(a.doc, ''), COALESCE(a.start, 0), COALESCE(a.end, 0),
			COALESCE(a.evidence, ''), COALESCE(a.region, '')
		FROM (SELECT ed.entity, SUM(ed.mentions) AS mentions, COUNT(*) AS docs, MIN(NULLIF(d.date, '')) AS first, MAX(NULLIF(d.date, '')) AS last
			FROM entity_docs ed JOIN x_docs x ON x.id = ed.doc JOIN documents d ON d.id = ed.doc
			WHERE 1`+s.entityCond("ed.entity")+` GROUP BY ed.entity) c
		JOIN entities e ON e.id = c.entity
		LEFT JOIN entity_aliases a ON a.entity = e.id
		ORDER BY e.id, a.rowid`)
	if err != nil {
		return fmt.Errorf("export entities: %w", err)
	}
	defer rows.Close()
	var cur *claimgraph.ExportEntity
	for rows.Next() {
		var e claimgraph.ExportEntity
		var a claimgraph.Alias
		var alias sql.NullString
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Mentions, &e.Docs, &e.First, &e.Last,
			&alias, &a.Source, &a.Rule, &a.Doc, &a.Start, &a.End, &a.Evidence, &a.Region); err != nil {
			return fmt.Errorf("export entities: %w", err)
		}
		if cur != nil && cur.ID != e.ID {
			if err := fn(cur); err != nil {
				return err
			}
			cur = nil
		}
		if cur == nil {
			e.Aliases = []claimgraph.Alias{}
			cur = &e
		}
		if alias.Valid {
			a.Name = alias.String
			cur.Aliases = append(cur.Aliases, a)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export entities: %w", err)
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// Mentions streams the mentions of the selected documents by document and
// position.
func (s *selection) Mentions(ctx context.Context, fn func(*claimgraph.Mention) error) error {
	return each(ctx, s, "mentions", `SELECT `+mentionColumns+` FROM x_docs x JOIN mentions m ON m.doc = x.id
		LEFT JOIN mention_entities me ON me.mention = m.id WHERE 1`+s.entityCond("me.entity")+` ORDER BY m.doc, m.ord`, nil,
		func(rows *sql.Rows) (claimgraph.Mention, error) { return scanMention(rows) }, fn)
}

// Quotes streams the quotes of the selected documents by document and
// position: with narrowed entities, those whose speaker or content names
// a selected entity.
func (s *selection) Quotes(ctx context.Context, fn func(*claimgraph.QuoteView) error) error {
	cond := ""
	if s.f.Narrows() {
		cond = ` AND (me.entity IN (SELECT id FROM x_ents) OR EXISTS (SELECT 1 FROM mentions m2 JOIN mention_entities me2 ON me2.mention = m2.id
			JOIN x_ents x2 ON x2.id = me2.entity WHERE m2.doc = q.doc AND m2.start >= q.start AND m2.end <= q.end))`
	}
	return each(ctx, s, "quotes", quoteSelect+` JOIN x_docs x ON x.id = q.doc WHERE 1`+cond+` ORDER BY q.doc, q.ord`, nil,
		func(rows *sql.Rows) (claimgraph.QuoteView, error) { return scanQuoteView(rows) }, fn)
}

// Claims streams the claims of the selected documents by document and
// position: with narrowed entities, those whose subject, object or speaker
// is a selected entity.
func (s *selection) Claims(ctx context.Context, fn func(*claimgraph.ClaimView) error) error {
	return each(ctx, s, "claims", claimSelect+` JOIN x_docs x ON x.id = c.doc WHERE 1`+
		s.entityCond("ce.subject_entity", "ce.object_entity", "ce.speaker_entity")+` ORDER BY c.doc, c.ord`, nil,
		func(rows *sql.Rows) (claimgraph.ClaimView, error) {
			r, err := scanClaimRow(rows)
			return r.ClaimView, err
		}, fn)
}

// Times streams the time expressions of the selected documents.
func (s *selection) Times(ctx context.Context, fn func(*claimgraph.TimeExpr) error) error {
	return each(ctx, s, "times", `SELECT t.id, t.doc, t.start, t.end, t.text, t.type, t.value, t.relative, t.anchor, t.mod, t.rule
		FROM x_docs x JOIN times t ON t.doc = x.id ORDER BY t.doc, t.ord`, nil,
		func(rows *sql.Rows) (claimgraph.TimeExpr, error) {
			var t claimgraph.TimeExpr
			err := rows.Scan(&t.ID, &t.Doc, &t.Start, &t.End, &t.Text, &t.Type, &t.Value, &t.Relative, &t.Anchor, &t.Mod, &t.Rule)
			return t, err
		}, fn)
}

// Reuse streams the reuse pairs between two selected documents.
// The passages' texts are cut from the two documents' texts, read on the
// lookup connection; pairs come ordered by doc_a, so A's text is read once
// for all its pairs.
func (s *selection) Reuse(ctx context.Context, fn func(*claimgraph.ReusePair) error) error {
	var lastA, textA string
	return each(ctx, s, "reuse", `SELECT p.doc_a, p.doc_b, p.similarity, p.containment, p.passages
		FROM x_docs x JOIN reuse_pairs p ON p.doc_a = x.id JOIN x_docs y ON y.id = p.doc_b ORDER BY p.doc_a, p.doc_b`, nil,
		func(rows *sql.Rows) (claimgraph.ReusePair, error) {
			var p claimgraph.ReusePair
			var passages string
			if err := rows.Scan(&p.DocA, &p.DocB, &p.Similarity, &p.Containment, &passages); err != nil {
				return p, err
			}
			var err error
			if p.Passages, err = decodePassages(passages); err != nil {
				return p, fmt.Errorf("reuse pair %s/%s: %w", p.DocA, p.DocB, err)
			}
			if len(p.Passages) == 0 {
				return p, nil
			}
			if p.DocA != lastA {
				if textA, err = s.Text(ctx, p.DocA); err != nil {
					return p, err
				}
				lastA = p.DocA
			}
			textB, err := s.Text(ctx, p.DocB)
			if err != nil {
				return p, err
			}
			return p, passageTexts(&p, textA, textB)
		}, fn)
}

// Text returns a document's original text, read on the lookup connection
// so an exporter may ask while a walk is open.
func (s *selection) Text(ctx context.Context, doc string) (string, error) {
	var text string
	err := s.aux.QueryRowContext(ctx, `SELECT text FROM documents WHERE id = ?`, doc).Scan(&text)
	if err == sql.ErrNoRows {
		return "", claimgraph.Errorf(claimgraph.ENOTFOUND, "no document %q", doc)
	} else if err != nil {
		return "", fmt.Errorf("text of %s: %w", doc, err)
	}
	return text, nil
}

// Edges streams claim edges, then quote edges, then co-mention edges.
func (s *selection) Edges(ctx context.Context, fn func(*claimgraph.ExportEdge) error) error {
	if err := s.claimEdges(ctx, fn); err != nil {
		return err
	}
	if err := s.quoteEdges(ctx, fn); err != nil {
		return err
	}
	return s.coMentionEdges(ctx, fn)
}

// claimEdges reads the claims between two different selected entities
// ordered by the pair, and clusters the claims of each pair as the claims
// listing does (so an edge's sources equal its cluster's), one pair in
// memory at a time.
func (s *selection) claimEdges(ctx context.Context, fn func(*claimgraph.ExportEdge) error) error {
	rows, err := s.conn.QueryContext(ctx, claimSelect+` JOIN x_docs x ON x.id = c.doc
		WHERE ce.subject_entity <> 0 AND ce.object_entity <> 0 AND ce.subject_entity <> ce.object_entity`+
		s.bothCond("ce.subject_entity", "ce.object_entity")+`
		ORDER BY ce.subject_entity, ce.object_entity, c.id`)
	if err != nil {
		return fmt.Errorf("export claim edges: %w", err)
	}
	defer rows.Close()
	var pair []claimRow
	flush := func() error {
		if len(pair) == 0 {
			return nil
		}
		// The clusters' reuse lookups run on the other connection while
		// this walk holds the first.
		clusters, err := clusterClaims(ctx, s.aux, pair)
		pair = pair[:0]
		if err != nil {
			return fmt.Errorf("export claim edges: %w", err)
		}
		slices.SortFunc(clusters, func(a, b claimgraph.ClaimCluster) int { return strings.Compare(clusterLabel(a), clusterLabel(b)) })
		for _, cl := range clusters {
			if cl.Sources < s.f.MinSources {
				continue
			}
			if err := fn(claimEdge(cl)); err != nil {
				return err
			}
		}
		return nil
	}
	for rows.Next() {
		r, err := scanClaimRow(rows)
		if err != nil {
			return fmt.Errorf("export claim edges: %w", err)
		}
		if len(pair) > 0 && (pair[0].SubjectEntity != r.SubjectEntity || pair[0].ObjectEntity != r.ObjectEntity) {
			if err := flush(); err != nil {
				return err
			}
		}
		pair = append(pair, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export claim edges: %w", err)
	}
	return flush()
}

// bothCond is the condition "both columns name selected entities" when the
// filter narrows the entities, else "".
func (s *selection) bothCond(a, b string) string {
	if !s.f.Narrows() {
		return ""
	}
	return ` AND ` + a + ` IN (SELECT id FROM x_ents) AND ` + b + ` IN (SELECT id FROM x_ents)`
}

// claimEdge turns a claim cluster into an edge.
func claimEdge(cl claimgraph.ClaimCluster) *claimgraph.ExportEdge {
	e := &claimgraph.ExportEdge{Source: cl.SubjectEntity, Target: cl.ObjectEntity, Kind: claimgraph.EdgeClaim,
		Label: clusterLabel(cl), Directed: true, Weight: len(cl.Claims), Sources: cl.Sources, SourceNames: cl.SourceNames}
	docs := map[string]bool{}
	facts := map[string]bool{}
	hedges := map[string]bool{}
	cues := map[string]bool{}
	for _, c := range cl.Claims {
		if c.Cue != nil && c.Cue.Text != "" {
			cues[strings.ToLower(c.Cue.Text)] = true
		}
		e.Items = append(e.Items, c.ID)
		if !docs[c.Doc] {
			docs[c.Doc] = true
			e.Docs = append(e.Docs, c.Doc)
		}
		facts[claimgraph.ClaimFactuality(&c.Claim)] = true
		for _, h := range c.Hedges {
			hedges[h] = true
		}
		e.First, e.Last = dateSpan(e.First, e.Last, c.Date)
	}
	slices.Sort(e.Items)
	e.Factuality = sortedKeys(facts)
	e.Hedges = sortedKeys(hedges)
	e.Cues = sortedKeys(cues)
	return e
}

// dateSpan widens [first, last] to include date ("" is no date).
func dateSpan(first, last, date string) (string, string) {
	if date == "" {
		return first, last
	}
	if first == "" || date < first {
		first = date
	}
	if last == "" || date > last {
		last = date
	}
	return first, last
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// docSource is the SQL of a document's independent voice for counting:
// its outlet, or the document itself when it has none (as entity_docs).
const docSource = `CASE WHEN d.outlet <> '' THEN 'outlet:' || d.outlet ELSE 'document:' || d.id END`

// quoteEdges links each speaker entity to every other entity named inside
// its quotes, aggregated in SQLite.
func (s *selection) quoteEdges(ctx context.Context, fn func(*claimgraph.ExportEdge) error) error {
	return s.aggregateEdges(ctx, "quote edges", `SELECT se.entity, me.entity, COUNT(DISTINCT q.id), COUNT(DISTINCT `+docSource+`),
			group_concat(DISTINCT q.doc), group_concat(DISTINCT q.id), MIN(NULLIF(d.date, '')), MAX(NULLIF(d.date, '')),
			group_concat(DISTINCT lower(json_extract(q.data, '$.cue.text'))),
			group_concat(DISTINCT json_extract(q.data, '$.factuality'))
		FROM quotes q JOIN x_docs x ON x.id = q.doc JOIN documents d ON d.id = q.doc
		JOIN mentions sm ON sm.doc = q.doc AND sm.ord = q.speaker_mention
		JOIN mention_entities se ON se.mention = sm.id
		JOIN mentions m ON m.doc = q.doc AND m.start >= q.start AND m.end <= q.end
		JOIN mention_entities me ON me.mention = m.id
		WHERE me.entity <> se.entity`+s.bothCond("se.entity", "me.entity")+`
		GROUP BY se.entity, me.entity HAVING COUNT(DISTINCT `+docSource+`) >= ?
		ORDER BY se.entity, me.entity`, claimgraph.EdgeQuote, "quoted about", true, fn)
}

// coMentionEdges links every two selected entities named in one selected
// document, once per unordered pair, aggregated in SQLite as the entity
// layer's co-occurrence is.
func (s *selection) coMentionEdges(ctx context.Context, fn func(*claimgraph.ExportEdge) error) error {
	return s.aggregateEdges(ctx, "co-mention edges", `SELECT a.entity, b.entity, COUNT(*), COUNT(DISTINCT a.source),
			group_concat(a.doc), '', MIN(NULLIF(d.date, '')), MAX(NULLIF(d.date, '')), '', ''
		FROM x_docs x JOIN entity_docs a ON a.doc = x.id JOIN entity_docs b ON b.doc = a.doc AND b.entity > a.entity
		JOIN documents d ON d.id = a.doc
		WHERE 1`+s.bothCond("a.entity", "b.entity")+`
		GROUP BY a.entity, b.entity HAVING COUNT(DISTINCT a.source) >= ?
		ORDER BY a.entity, b.entity`, claimgraph.EdgeCoMention, "co-mentioned", false, fn)
}

// aggregateEdges reads edges of one kind from a query returning source,
// target, weight, sources, comma-separated documents and items, the first
// and last dates, and comma-separated cues and factualities.
func (s *selection) aggregateEdges(ctx context.Context, what, q, kind, label string, directed bool, fn func(*claimgraph.ExportEdge) error) error {
	return each(ctx, s, what, q, []any{s.f.MinSources},
		func(rows *sql.Rows) (claimgraph.ExportEdge, error) {
			e := claimgraph.ExportEdge{Kind: kind, Label: label, Directed: directed}
			var docs, items string
			var first, last, cues, facts sql.NullString
			if err := rows.Scan(&e.Source, &e.Target, &e.Weight, &e.Sources, &docs, &items, &first, &last, &cues, &facts); err != nil {
				return e, err
			}
			if facts.String != "" {
				e.Factuality = strings.Split(facts.String, ",")
				slices.Sort(e.Factuality)
			}
			if cues.String != "" {
				// A cue with a comma in it splits here; cues are short verb
				// phrases, and the quote rows keep each exactly.
				e.Cues = strings.Split(cues.String, ",")
				slices.Sort(e.Cues)
			}
			e.Docs = strings.Split(docs, ",")
			slices.Sort(e.Docs)
			e.Docs = slices.Compact(e.Docs)
			for _, it := range strings.Split(items, ",") {
				var id int64
				if _, err := fmt.Sscan(it, &id); err == nil {
					e.Items = append(e.Items, id)
				}
			}
			slices.Sort(e.Items)
			e.First, e.Last = first.String, last.String
			return e, nil
		}, fn)
}

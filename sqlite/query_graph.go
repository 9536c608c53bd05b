package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Graph defaults and caps.
const (
	defaultGraphNodes = 50
	maxGraphNodes     = 500
	maxEdgeDocs       = 50
	maxEdgeSentences  = 100
)

// Graph returns the neighbourhood of an entity: entities linked to it by
// claims (one edge per claim cluster, sized by its independent sources) or
// by shared documents (sized by the distinct outlets among them), to depth 1
// or 2, keeping the strongest neighbours when there are more than MaxNodes,
// with every edge among the nodes kept. It reads the claim_edges and
// entity_cooccurrence tables written with the entity layer.
func (db *DB) Graph(ctx context.Context, q claimgraph.GraphQuery) (*claimgraph.Graph, error) {
	if q.Depth == 0 {
		q.Depth = 1
	}
	if q.Depth < 1 || q.Depth > 2 {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "graph depth %d: want 1 or 2", q.Depth)
	}
	if err := checkScope(q.Docs); err != nil {
		return nil, err
	}
	if q.MaxNodes <= 0 {
		q.MaxNodes = defaultGraphNodes
	}
	q.MaxNodes = min(q.MaxNodes, maxGraphNodes)
	kinds := map[string]bool{}
	for _, k := range q.EdgeKinds {
		if k != "claim" && k != "cooccur" {
			return nil, claimgraph.Errorf(claimgraph.EINVALID, "unknown edge kind %q (want claim or cooccur)", k)
		}
		kinds[k] = true
	}
	if len(kinds) == 0 {
		kinds["claim"], kinds["cooccur"] = true, true
	}
	var exists int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM entities WHERE id = ?`, q.Entity).Scan(&exists); err != nil {
		return nil, fmt.Errorf("graph of %d: %w", q.Entity, err)
	}
	if exists == 0 {
		return nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "no entity %d", q.Entity)
	}

	in := map[int64]bool{q.Entity: true}
	order := []int64{q.Entity}
	frontier := []int64{q.Entity}
	dropped := 0
	for depth := 1; depth <= q.Depth && len(frontier) > 0; depth++ {
		var next []int64
		for _, center := range frontier {
			ns, err := db.neighboursIn(ctx, center, kinds, q.MinSources, q.MaxNodes+1, q.Docs)
			if err != nil {
				return nil, err
			}
			for _, n := range ns {
				if in[n.id] {
					continue
				}
				if len(in) >= q.MaxNodes {
					dropped++
					continue
				}
				in[n.id] = true
				order = append(order, n.id)
				next = append(next, n.id)
			}
			if dropped > 0 && len(in) >= q.MaxNodes {
				break // full: the other centers would only add to the count
			}
		}
		frontier = next
	}
	out := &claimgraph.Graph{Truncated: dropped > 0}
	var err error
	if out.Nodes, err = db.graphNodes(ctx, order); err != nil {
		return nil, err
	}
	if out.Edges, err = db.edgesIn(ctx, order, kinds, q.MinSources, q.Docs); err != nil {
		return nil, err
	}
	if out.Truncated {
		out.Message = fmt.Sprintf("showing %d entities, the strongest links first; more are linked (at least %d not shown): raise the node limit (at most %d) or the minimum sources",
			len(out.Nodes), dropped, maxGraphNodes)
	}
	return out, nil
}

// neighbour is an entity linked to another, with its strongest link.
type neighbour struct {
	id            int64
	sources, docs int
}

// neighbours returns the entities linked to center by the edge kinds, with
// at least minSources, strongest first, at most limit.
func (db *DB) neighbours(ctx context.Context, center int64, kinds map[string]bool, minSources, limit int) ([]neighbour, error) {
	best := linked{}
	read := func(what, q string) error {
		rows, err := db.db.QueryContext(ctx, q, center, minSources, limit)
		if err != nil {
			return fmt.Errorf("%s of %d: %w", what, center, err)
		}
		defer rows.Close()
		for rows.Next() {
			var n neighbour
			if err := rows.Scan(&n.id, &n.sources, &n.docs); err != nil {
				return fmt.Errorf("%s of %d: %w", what, center, err)
			}
			best.add(n)
		}
		return rows.Err()
	}
	if kinds["claim"] {
		if err := read("claim neighbours", `SELECT other, MAX(sources) AS s, MAX(docs) AS n FROM (
				SELECT object AS other, sources, docs FROM claim_edges WHERE subject = ?1 AND object <> ?1 AND sources >= ?2
				UNION ALL SELECT subject, sources, docs FROM claim_edges WHERE object = ?1 AND subject <> ?1 AND sources >= ?2)
			GROUP BY other ORDER BY s DESC, n DESC, other LIMIT ?3`); err != nil {
			return nil, err
		}
	}
	if kinds["cooccur"] {
		// The strongest limit partners by sources (the list is in order of
		// documents): kept in a bounded set while the list is walked.
		top := strongestSet{limit: limit}
		err := eachPartnerList(ctx, db.db, []int64{center}, func(_ int64, blob []byte) error {
			return eachPartner(blob, func(p coPartner) bool {
				if p.sources >= minSources {
					top.add(neighbour{p.entity, p.sources, p.docs})
				}
				return true
			})
		})
		if err != nil {
			return nil, fmt.Errorf("co-occurring entities of %d: %w", center, err)
		}
		best.addStrongest(top.ns, limit)
	}
	return strongest(best, limit), nil
}

// strongestSet keeps the strongest limit neighbours added to it (in
// sortNeighbours' order), in no particular order.
type strongestSet struct {
	limit int
	ns    []neighbour
	weak  int // index of the weakest in ns, once full
}

func (s *strongestSet) add(n neighbour) {
	if s.limit <= 0 {
		return
	}
	if len(s.ns) < s.limit {
		s.ns = append(s.ns, n)
		if len(s.ns) == s.limit {
			s.findWeakest()
		}
		return
	}
	if neighbourOrder(n, s.ns[s.weak]) < 0 {
		s.ns[s.weak] = n
		s.findWeakest()
	}
}

func (s *strongestSet) findWeakest() {
	s.weak = 0
	for i := range s.ns {
		if neighbourOrder(s.ns[i], s.ns[s.weak]) > 0 {
			s.weak = i
		}
	}
}

// linked holds the entities linked to one, each with its strongest link.
type linked map[int64]neighbour

// add records a link to n.id, keeping the strongest sources and documents.
func (l linked) add(n neighbour) {
	b := l[n.id]
	l[n.id] = neighbour{n.id, max(b.sources, n.sources), max(b.docs, n.docs)}
}

// addStrongest adds the strongest limit of ns, as a LIMIT on the query of
// one kind of link would.
func (l linked) addStrongest(ns []neighbour, limit int) {
	sortNeighbours(ns)
	for _, n := range ns[:min(len(ns), limit)] {
		l.add(n)
	}
}

// strongest returns the neighbours by their strongest link, most sources
// first, at most limit.
func strongest(best map[int64]neighbour, limit int) []neighbour {
	out := make([]neighbour, 0, len(best))
	for _, n := range best {
		out = append(out, n)
	}
	sortNeighbours(out)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// sortNeighbours orders neighbours strongest first: sources, then
// documents, then id.
func sortNeighbours(ns []neighbour) { slices.SortFunc(ns, neighbourOrder) }

// neighbourOrder compares two neighbours, the stronger first.
func neighbourOrder(a, b neighbour) int {
	if a.sources != b.sources {
		return b.sources - a.sources
	}
	if a.docs != b.docs {
		return b.docs - a.docs
	}
	return cmp.Compare(a.id, b.id)
}

// graphEdges returns the edges among the nodes, strongest first.
func (db *DB) graphEdges(ctx context.Context, nodes []int64, kinds map[string]bool, minSources int) ([]claimgraph.GraphEdge, error) {
	args := make([]any, 0, 2*len(nodes)+1)
	for _, id := range nodes {
		args = append(args, id)
	}
	args = append(args, args...)
	args = append(args, minSources)
	in := `(` + placeholders(len(nodes)) + `)`
	out := []claimgraph.GraphEdge{}
	read := func(kind, q string) error {
		rows, err := db.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("graph %s edges: %w", kind, err)
		}
		defer rows.Close()
		for rows.Next() {
			e := claimgraph.GraphEdge{Kind: kind}
			if err := rows.Scan(&e.Source, &e.Target, &e.Label, &e.Sources, &e.Docs); err != nil {
				return fmt.Errorf("graph %s edges: %w", kind, err)
			}
			out = append(out, e)
		}
		return rows.Err()
	}
	if kinds["claim"] {
		if err := read("claim", `SELECT subject, object, label, sources, docs FROM claim_edges
			WHERE subject IN `+in+` AND object IN `+in+` AND sources >= ?`); err != nil {
			return nil, err
		}
	}
	if kinds["cooccur"] {
		// Stored both ways; one undirected edge per pair, from the smaller id.
		in := make(map[int64]bool, len(nodes))
		for _, id := range nodes {
			in[id] = true
		}
		err := eachPartnerList(ctx, db.db, nodes, func(a int64, blob []byte) error {
			return eachPartner(blob, func(p coPartner) bool {
				if a < p.entity && in[p.entity] && p.sources >= minSources {
					out = append(out, claimgraph.GraphEdge{Kind: "cooccur", Source: a, Target: p.entity, Sources: p.sources, Docs: p.docs})
				}
				return true
			})
		})
		if err != nil {
			return nil, fmt.Errorf("graph cooccur edges: %w", err)
		}
	}
	sortGraphEdges(out)
	return out, nil
}

// sortGraphEdges orders edges strongest first, then by their ends.
func sortGraphEdges(out []claimgraph.GraphEdge) {
	slices.SortFunc(out, func(a, b claimgraph.GraphEdge) int {
		if a.Sources != b.Sources {
			return b.Sources - a.Sources
		}
		if a.Docs != b.Docs {
			return b.Docs - a.Docs
		}
		if a.Source != b.Source {
			return int(a.Source - b.Source)
		}
		if a.Target != b.Target {
			return int(a.Target - b.Target)
		}
		return strings.Compare(a.Kind+a.Label, b.Kind+b.Label)
	})
}

// EntityNodes returns the entities of ids (those that exist, in order)
// with their names, types and mention counts only.
func (db *DB) EntityNodes(ctx context.Context, ids []int64) ([]claimgraph.GraphNode, error) {
	return db.graphNodes(ctx, ids)
}

// graphNodes reads the entities in order.
func (db *DB) graphNodes(ctx context.Context, ids []int64) ([]claimgraph.GraphNode, error) {
	out := make([]claimgraph.GraphNode, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, name, type, mentions FROM entities WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("graph nodes: %w", err)
	}
	defer rows.Close()
	byID := map[int64]claimgraph.GraphNode{}
	for rows.Next() {
		var n claimgraph.GraphNode
		if err := rows.Scan(&n.ID, &n.Name, &n.Type, &n.Mentions); err != nil {
			return nil, fmt.Errorf("graph nodes: %w", err)
		}
		byID[n.ID] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("graph nodes: %w", err)
	}
	for _, id := range ids {
		if n, ok := byID[id]; ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// Edge returns the evidence between two entities: the claims linking them
// either way, and sentences of documents naming both (cut from the text
// around a mention of each, with their offsets).
func (db *DB) Edge(ctx context.Context, a, b int64) (*claimgraph.EdgeEvidence, error) {
	for _, id := range []int64{a, b} {
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM entities WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, fmt.Errorf("edge %d-%d: %w", a, b, err)
		} else if n == 0 {
			return nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "no entity %d", id)
		}
	}
	rows, err := db.loadClaims(ctx, `WHERE c.id IN (SELECT claim FROM claim_entities WHERE subject_entity = ?1 AND object_entity = ?2 AND subject_entity <> 0
		UNION SELECT claim FROM claim_entities WHERE subject_entity = ?2 AND object_entity = ?1 AND subject_entity <> 0) ORDER BY d.date = '', d.date, c.doc, c.ord`, a, b)
	if err != nil {
		return nil, err
	}
	ev := &claimgraph.EdgeEvidence{Claims: []claimgraph.ClaimView{}}
	for _, r := range rows {
		ev.Claims = append(ev.Claims, r.ClaimView)
	}
	if ev.Sentences, ev.Documents, err = db.sharedSentences(ctx, a, b); err != nil {
		return nil, err
	}
	return ev, nil
}

// sharedSentences returns sentences naming both entities, from up to
// maxEdgeDocs documents that mention both, and those documents in date
// order. Which documents when there are more is by document id (the order
// of entity_docs): stable and cheap, but not the earliest by date; ordering
// every shared document by date first would read all of them.
//
// The unary + keeps the planner off the index of mention_entities by
// entity: driven from it, SQLite walked every mention of both entities
// (tens of thousands for the most named ones, 130-240 ms at 100k
// documents) instead of the mentions of the 50 shared documents (a few ms).
func (db *DB) sharedSentences(ctx context.Context, a, b int64) ([]claimgraph.Evidence, []claimgraph.EntityDoc, error) {
	type span struct {
		start, end int
		entity     int64
	}
	type docSpans struct {
		claimgraph.EntityDoc
		text  string
		spans []span
	}
	// The documents (with their text) first, then the two entities'
	// mentions in them: one query joining both carried each document's
	// text on every mention's row through the sort (380 KB for the two most
	// named entities at 100k documents).
	rows, err := db.db.QueryContext(ctx, `SELECT d.id, d.title, d.outlet, d.date, d.text FROM
		(SELECT x.doc FROM entity_docs x JOIN entity_docs y ON y.doc = x.doc AND y.entity = ?2 WHERE x.entity = ?1 LIMIT ?3) s
		JOIN documents d ON d.id = s.doc
		ORDER BY d.date = '', d.date, d.id`, a, b, maxEdgeDocs)
	if err != nil {
		return nil, nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
	}
	var all []*docSpans
	byID := map[string]*docSpans{}
	var ids []any
	for rows.Next() {
		d := &docSpans{}
		if err := rows.Scan(&d.Doc, &d.Title, &d.Outlet, &d.Date, &d.text); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
		}
		all = append(all, d)
		byID[d.Doc] = d
		ids = append(ids, d.Doc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
	}
	if len(ids) > 0 {
		rows, err = db.db.QueryContext(ctx, `SELECT m.doc, m.start, m.end, me.entity FROM mentions m
			JOIN mention_entities me ON me.mention = m.id AND +me.entity IN (?, ?)
			WHERE m.doc IN (`+placeholders(len(ids))+`) ORDER BY m.doc, m.start`, append([]any{a, b}, ids...)...)
		if err != nil {
			return nil, nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
		}
		for rows.Next() {
			var doc string
			var s span
			if err := rows.Scan(&doc, &s.start, &s.end, &s.entity); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
			}
			d := byID[doc]
			d.spans = append(d.spans, s)
			d.Mentions++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
		}
	}
	var docs []*docSpans
	for _, d := range all {
		if len(d.spans) > 0 { // as the join did: a document with a mention of either
			docs = append(docs, d)
		}
	}
	shared := make([]claimgraph.EntityDoc, len(docs))
	for i, d := range docs {
		shared[i] = d.EntityDoc
	}
	out := []claimgraph.Evidence{}
	for _, d := range docs {
		seen := map[int]bool{}
		for _, s := range d.spans {
			if s.entity != a {
				continue
			}
			st, en := sentenceAround(d.text, s.start, s.end)
			if seen[st] {
				continue
			}
			for _, o := range d.spans {
				if o.entity == b && o.start >= st && o.end <= en {
					seen[st] = true
					out = append(out, claimgraph.Evidence{Doc: d.Doc, Title: d.Title, Start: st, End: en, Text: d.text[st:en]})
					break
				}
			}
			if len(out) >= maxEdgeSentences {
				return out, shared, nil
			}
		}
	}
	return out, shared, nil
}

package sqlite

import (
	"context"
	"fmt"
	"slices"
	"sort"
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
// claims (one edge per relation, sized by independent sources) or by shared
// documents (sized by distinct outlets), to depth 1 or 2, keeping the
// strongest neighbours when there are more than MaxNodes.
func (db *DB) Graph(ctx context.Context, q claimgraph.GraphQuery) (*claimgraph.Graph, error) {
	if q.Depth == 0 {
		q.Depth = 1
	}
	if q.Depth < 1 || q.Depth > 2 {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "graph depth %d: want 1 or 2", q.Depth)
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

	g := graphBuilder{db: db, q: q, kinds: kinds, in: map[int64]bool{q.Entity: true}, edges: map[string]claimgraph.GraphEdge{}}
	order := []int64{q.Entity}
	frontier := []int64{q.Entity}
	for depth := 1; depth <= q.Depth && len(frontier) > 0; depth++ {
		var next []int64
		for _, center := range frontier {
			added, err := g.expand(ctx, center)
			if err != nil {
				return nil, err
			}
			next = append(next, added...)
			order = append(order, added...)
		}
		frontier = next
	}
	out := &claimgraph.Graph{Nodes: []claimgraph.GraphNode{}, Edges: []claimgraph.GraphEdge{}, Truncated: g.dropped > 0}
	nodes, err := db.graphNodes(ctx, order)
	if err != nil {
		return nil, err
	}
	out.Nodes = nodes
	for _, e := range g.edges {
		if g.in[e.Source] && g.in[e.Target] {
			out.Edges = append(out.Edges, e)
		}
	}
	slices.SortFunc(out.Edges, func(a, b claimgraph.GraphEdge) int {
		if a.Sources != b.Sources {
			return b.Sources - a.Sources
		}
		if a.Docs != b.Docs {
			return b.Docs - a.Docs
		}
		return strings.Compare(edgeKey(a), edgeKey(b))
	})
	if out.Truncated {
		out.Message = fmt.Sprintf("showing the %d strongest of at least %d linked entities; raise the node limit (at most %d) or the minimum sources to see others",
			len(out.Nodes), len(out.Nodes)+g.dropped, maxGraphNodes)
	}
	return out, nil
}

type graphBuilder struct {
	db      *DB
	q       claimgraph.GraphQuery
	kinds   map[string]bool
	in      map[int64]bool
	edges   map[string]claimgraph.GraphEdge
	dropped int
}

func edgeKey(e claimgraph.GraphEdge) string {
	return fmt.Sprintf("%s|%d|%d|%s", e.Kind, e.Source, e.Target, e.Label)
}

// expand adds the edges of center and returns the neighbours newly admitted
// as nodes, strongest first, while the node cap allows.
func (g *graphBuilder) expand(ctx context.Context, center int64) ([]int64, error) {
	var found []claimgraph.GraphEdge
	if g.kinds["claim"] {
		es, err := g.db.claimEdges(ctx, center, g.q.MinSources)
		if err != nil {
			return nil, err
		}
		found = append(found, es...)
	}
	if g.kinds["cooccur"] {
		es, err := g.db.cooccurEdges(ctx, center, g.q.MinSources, g.q.MaxNodes+1)
		if err != nil {
			return nil, err
		}
		found = append(found, es...)
	}
	// Rank neighbours by their strongest edge to center.
	strength := map[int64][2]int{}
	for _, e := range found {
		g.edges[edgeKey(e)] = e
		other := e.Target
		if other == center {
			other = e.Source
		}
		s := strength[other]
		strength[other] = [2]int{max(s[0], e.Sources), max(s[1], e.Docs)}
	}
	var others []int64
	for id := range strength {
		if !g.in[id] {
			others = append(others, id)
		}
	}
	sort.Slice(others, func(i, j int) bool {
		a, b := strength[others[i]], strength[others[j]]
		if a != b {
			return a[0] > b[0] || (a[0] == b[0] && a[1] > b[1])
		}
		return others[i] < others[j]
	})
	var added []int64
	for _, id := range others {
		if len(g.in) >= g.q.MaxNodes {
			g.dropped++
			continue
		}
		g.in[id] = true
		added = append(added, id)
	}
	return added, nil
}

// claimEdges returns one edge per claim cluster between center and another
// entity, with the cluster's independent sources.
func (db *DB) claimEdges(ctx context.Context, center int64, minSources int) ([]claimgraph.GraphEdge, error) {
	rows, err := db.loadClaims(ctx, `WHERE c.id IN (SELECT claim FROM claim_entities WHERE subject_entity = ?1 AND object_entity <> 0
		UNION SELECT claim FROM claim_entities WHERE object_entity = ?1 AND subject_entity <> 0)`, center)
	if err != nil {
		return nil, err
	}
	clusters, err := db.clusterClaims(ctx, rows)
	if err != nil {
		return nil, err
	}
	var out []claimgraph.GraphEdge
	for _, c := range clusters {
		if c.SubjectEntity == c.ObjectEntity || c.Sources < minSources {
			continue
		}
		label := c.Relation
		if strings.HasSuffix(c.Key, "|not") {
			label = "not " + label
		}
		out = append(out, claimgraph.GraphEdge{Source: c.SubjectEntity, Target: c.ObjectEntity, Kind: "claim", Label: label, Sources: c.Sources, Docs: c.Docs})
	}
	return out, nil
}

// cooccurEdges returns the entities sharing documents with center, by
// number of distinct outlets among the shared documents.
func (db *DB) cooccurEdges(ctx context.Context, center int64, minSources, limit int) ([]claimgraph.GraphEdge, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT b.entity, COUNT(*) AS n, COUNT(DISTINCT a.source) AS s
		FROM entity_docs a JOIN entity_docs b ON b.doc = a.doc
		WHERE a.entity = ?1 AND b.entity <> ?1 GROUP BY b.entity HAVING s >= ?2 ORDER BY s DESC, n DESC, b.entity LIMIT ?3`,
		center, minSources, limit)
	if err != nil {
		return nil, fmt.Errorf("co-occurrence of %d: %w", center, err)
	}
	defer rows.Close()
	var out []claimgraph.GraphEdge
	for rows.Next() {
		e := claimgraph.GraphEdge{Kind: "cooccur"}
		var other int64
		if err := rows.Scan(&other, &e.Docs, &e.Sources); err != nil {
			return nil, fmt.Errorf("co-occurrence of %d: %w", center, err)
		}
		// One undirected edge per pair: the smaller id is the source.
		e.Source, e.Target = min(center, other), max(center, other)
		out = append(out, e)
	}
	return out, rows.Err()
}

// graphNodes reads the entities in order.
func (db *DB) graphNodes(ctx context.Context, ids []int64) ([]claimgraph.GraphNode, error) {
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
	out := make([]claimgraph.GraphNode, 0, len(ids))
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
	rows, err := db.loadClaims(ctx, `WHERE c.id IN (SELECT claim FROM claim_entities WHERE subject_entity = ?1 AND object_entity = ?2
		UNION SELECT claim FROM claim_entities WHERE subject_entity = ?2 AND object_entity = ?1) ORDER BY d.date = '', d.date, c.doc, c.ord`, a, b)
	if err != nil {
		return nil, err
	}
	ev := &claimgraph.EdgeEvidence{Claims: []claimgraph.ClaimView{}}
	for _, r := range rows {
		ev.Claims = append(ev.Claims, r.ClaimView)
	}
	if ev.Sentences, err = db.sharedSentences(ctx, a, b); err != nil {
		return nil, err
	}
	return ev, nil
}

// sharedSentences returns sentences naming both entities, from the first
// documents (by date) that mention both.
func (db *DB) sharedSentences(ctx context.Context, a, b int64) ([]claimgraph.Evidence, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT d.id, d.title, d.text, m.start, m.end, me.entity FROM
		(SELECT x.doc FROM entity_docs x JOIN entity_docs y ON y.doc = x.doc AND y.entity = ?2 WHERE x.entity = ?1 LIMIT ?3) s
		JOIN documents d ON d.id = s.doc
		JOIN mentions m ON m.doc = s.doc JOIN mention_entities me ON me.mention = m.id AND me.entity IN (?1, ?2)
		ORDER BY d.date = '', d.date, d.id, m.start`, a, b, maxEdgeDocs)
	if err != nil {
		return nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
	}
	defer rows.Close()
	type span struct {
		start, end int
		entity     int64
	}
	type docSpans struct {
		id, title, text string
		spans           []span
	}
	var docs []*docSpans
	for rows.Next() {
		var id, title, text string
		var s span
		if err := rows.Scan(&id, &title, &text, &s.start, &s.end, &s.entity); err != nil {
			return nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
		}
		if len(docs) == 0 || docs[len(docs)-1].id != id {
			docs = append(docs, &docSpans{id: id, title: title, text: text})
		}
		d := docs[len(docs)-1]
		d.spans = append(d.spans, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sentences naming %d and %d: %w", a, b, err)
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
					out = append(out, claimgraph.Evidence{Doc: d.id, Title: d.title, Start: st, End: en, Text: d.text[st:en]})
					break
				}
			}
			if len(out) >= maxEdgeSentences {
				return out, nil
			}
		}
	}
	return out, nil
}

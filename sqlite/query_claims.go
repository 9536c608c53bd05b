package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/reuse"
)

// minChainContainment is the containment from which two documents are one
// source for corroboration: at least half of the smaller one is copied.
const minChainContainment = reuse.CopyContainment

// chainThreshold is minChainContainment as SQL: the condition of the partial
// indexes reuse_chain_a and reuse_chain_b (migration 0004), which the
// queries name, so that a mismatch fails every claim query instead of
// silently scanning.
var chainThreshold = strconv.FormatFloat(minChainContainment, 'g', -1, 64)

// maxClaimRows caps the claims one Claims call reads, so an unfiltered call
// on a large store stays bounded; clusters past it are not counted.
const maxClaimRows = 200000

// claimRow is a stored claim with its document and its resolved entities.
type claimRow struct {
	claimgraph.ClaimView
	subjectName, objectName string
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (db *DB) loadClaims(ctx context.Context, where string, args ...any) ([]claimRow, error) {
	return loadClaims(ctx, db.db, where, args...)
}

// loadClaims reads claims matching where (over claims c) with their
// documents and the entity layer's subject, object and speaker entities, at
// most maxClaimRows.
func loadClaims(ctx context.Context, db querier, where string, args ...any) ([]claimRow, error) {
	return loadClaimRows(ctx, db, claimSelect+where+` LIMIT `+strconv.Itoa(maxClaimRows), args...)
}

// loadClaimRows runs a claimSelect query and scans its rows.
func loadClaimRows(ctx context.Context, db querier, q string, args ...any) ([]claimRow, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	defer rows.Close()
	var out []claimRow
	for rows.Next() {
		r, err := scanClaimRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// claimSelect reads claims (alias c) with their documents and entities, as
// scanClaimRow scans them; a WHERE (and ORDER BY) clause follows.
const claimSelect = `SELECT c.id, c.data, d.title, d.outlet, d.author, d.date,
			COALESCE(ce.subject_entity, 0), COALESCE(ce.object_entity, 0), COALESCE(ce.speaker_entity, 0),
			COALESCE(es.name, ''), COALESCE(eo.name, ''), COALESCE(ep.name, ''), COALESCE(ep.type, '')
		FROM claims c JOIN documents d ON d.id = c.doc
		LEFT JOIN claim_entities ce ON ce.claim = c.id
		LEFT JOIN entities es ON es.id = ce.subject_entity
		LEFT JOIN entities eo ON eo.id = ce.object_entity
		LEFT JOIN entities ep ON ep.id = ce.speaker_entity `

// scanClaimRow scans one row of claimSelect.
func scanClaimRow(rows interface{ Scan(...any) error }) (claimRow, error) {
	var r claimRow
	var data, speakerName, speakerType string
	var speakerEntity int64
	if err := rows.Scan(&r.ID, &data, &r.Title, &r.Outlet, &r.Author, &r.Date, &r.SubjectEntity, &r.ObjectEntity, &speakerEntity,
		&r.subjectName, &r.objectName, &speakerName, &speakerType); err != nil {
		return r, fmt.Errorf("claims: %w", err)
	}
	var sc storedClaim
	if err := json.Unmarshal([]byte(data), &sc); err != nil {
		return r, fmt.Errorf("claim %d: %w", r.ID, err)
	}
	id, se, oe := r.ID, r.SubjectEntity, r.ObjectEntity
	r.Claim = sc.Claim
	r.ID, r.SubjectEntity, r.ObjectEntity, r.Quote, r.Time = id, se, oe, sc.QuoteOrd, sc.TimeOrd
	if r.Speaker != nil {
		// The speaker's name is the resolved entity's canonical name, or
		// empty: an unresolved speaker is unknown, not its surface text.
		r.Speaker.Mention = sc.SpeakerMention
		r.Speaker.Entity, r.Speaker.Name = speakerEntity, speakerName
		if speakerType != "" {
			r.Speaker.Type = speakerType
		}
	}
	if r.Hedges == nil {
		r.Hedges = []string{}
	}
	r.Source = claimSource(&r.ClaimView)
	return r, nil
}

// claimSource names the voice a claim rests on.
func claimSource(c *claimgraph.ClaimView) string {
	switch {
	case c.Speaker != nil && c.Speaker.Name != "":
		return c.Speaker.Name
	case c.Speaker != nil:
		return "speaker:" + c.Speaker.Text
	case c.Outlet != "":
		return "outlet:" + c.Outlet
	}
	return "document:" + c.Doc
}

// sourceKey identifies an independent source: a resolved speaker across all
// documents, an unresolved speaker within its document, an outlet, or a
// document without one.
func sourceKey(c *claimgraph.ClaimView) string {
	switch {
	case c.Speaker != nil && c.Speaker.Entity != 0:
		return "entity:" + strconv.FormatInt(c.Speaker.Entity, 10)
	case c.Speaker != nil:
		return "speaker:" + c.Doc + ":" + strings.ToLower(c.Speaker.Text)
	case c.Outlet != "":
		return "outlet:" + c.Outlet
	}
	return "document:" + c.Doc
}

// Claims groups claims into clusters of one subject, relation and object
// (and polarity: a denial does not corroborate), with their independent
// sources, most corroborated first.
func (db *DB) Claims(ctx context.Context, f claimgraph.ClaimFilter) ([]claimgraph.ClaimCluster, error) {
	var where []string
	var args []any
	var about int64
	if f.About != "" {
		id, err := db.resolveEntity(ctx, f.About)
		if err != nil {
			return nil, err
		}
		about = id
		// "<> 0" lets SQLite use the partial indexes: it cannot know that
		// the bound id is not 0, and without them it scans every claim.
		where = append(where, `c.id IN (SELECT claim FROM claim_entities WHERE subject_entity = ? AND subject_entity <> 0
			UNION SELECT claim FROM claim_entities WHERE object_entity = ? AND object_entity <> 0)`)
		args = append(args, id, id)
	}
	if f.Doc != "" {
		id, err := db.resolveDocID(ctx, f.Doc)
		if err != nil {
			return nil, err
		}
		where = append(where, `c.doc = ?`)
		args = append(args, id)
	}
	if cond, a := scopeDocs("c.doc", f.Docs); cond != "" {
		where, args = append(where, cond), append(args, a...)
	}
	if f.Doc == "" && f.Docs.Empty() {
		// The whole listing, or an entity's part of it: a page of the
		// derived listing (see listedClaims).
		if out, ok, err := db.listedClaims(ctx, about, f.Offset, f.Limit, f.MaxClaims); err != nil || ok {
			return out, err
		}
	}
	w := ""
	if len(where) > 0 {
		w = "WHERE " + strings.Join(where, " AND ")
	}
	rows, err := db.loadClaims(ctx, w, args...)
	if err != nil {
		return nil, err
	}
	clusters, err := db.clusterClaims(ctx, rows)
	if err != nil {
		return nil, err
	}
	clusters = page(clusters, f.Offset, f.Limit)
	if f.MaxClaims > 0 {
		for i := range clusters {
			if len(clusters[i].Claims) > f.MaxClaims {
				clusters[i].Claims = clusters[i].Claims[:f.MaxClaims]
			}
		}
	}
	return clusters, nil
}

func (db *DB) clusterClaims(ctx context.Context, rows []claimRow) ([]claimgraph.ClaimCluster, error) {
	return clusterClaims(ctx, db.db, rows)
}

// clusterClaims groups claim rows by key and counts their sources.
func clusterClaims(ctx context.Context, db querier, rows []claimRow) ([]claimgraph.ClaimCluster, error) {
	docs := map[string]bool{}
	for _, r := range rows {
		docs[r.Doc] = true
	}
	rc, err := reuseClusters(ctx, db, docs)
	if err != nil {
		return nil, err
	}
	inCluster := map[string]string{}
	chainPos := map[string]int{}
	for _, c := range rc {
		for i, d := range c.Docs {
			inCluster[d], chainPos[d] = c.ID, i
		}
	}
	byKey := map[string]*claimgraph.ClaimCluster{}
	var order []string
	for _, r := range rows {
		k := claimKey(&r)
		cl := byKey[k]
		if cl == nil {
			cl = &claimgraph.ClaimCluster{Key: k, Subject: r.subjectName, SubjectEntity: r.SubjectEntity,
				Relation: claimgraph.RelationKey(r.RelationLemma), Object: r.objectName, ObjectEntity: r.ObjectEntity}
			if cl.Subject == "" {
				cl.Subject = r.Subject.Text
			}
			if cl.Object == "" {
				cl.Object = r.Object.Text
			}
			if cl.Relation == "" {
				cl.Relation = normText(r.Relation.Text)
			}
			cl.Stance = claimStance(&r.ClaimView)
			switch cl.Stance {
			case claimgraph.FactAsserted:
			case claimgraph.FactNegated:
				// A denial is its own cluster, and says so.
				cl.Relation = "not " + cl.Relation
			default:
				cl.Relation = cl.Stance + ": " + cl.Relation
			}
			byKey[k] = cl
			order = append(order, k)
		}
		cl.Claims = append(cl.Claims, r.ClaimView)
	}
	for _, k := range order {
		cl := byKey[k]
		countSources(cl, inCluster, chainPos)
		cl.ClaimCount = len(cl.Claims)
		if cl.Stance != claimgraph.FactAsserted && cl.Stance != claimgraph.FactNegated {
			cl.Sources = 0 // a question, a proposal, a condition or a possibility supports nothing
		}
	}
	// An asserted cluster and its negated twin contradict each other; only
	// clusters loaded together are seen (a filtered query sees the twins of
	// its own claims).
	out := make([]claimgraph.ClaimCluster, 0, len(order))
	for _, k := range order {
		cl := byKey[k]
		cl.ContradictedBy = []string{}
		base, isNot := strings.CutSuffix(k, "|not")
		switch {
		case cl.Stance == claimgraph.FactAsserted:
			if o := byKey[k+"|not"]; o != nil {
				cl.ContradictedBy = o.SourceNames
			}
		case cl.Stance == claimgraph.FactNegated && isNot:
			if o := byKey[base]; o != nil {
				cl.ContradictedBy = o.SourceNames
			}
		}
		out = append(out, *cl)
	}
	slices.SortStableFunc(out, func(a, b claimgraph.ClaimCluster) int {
		if a.Sources != b.Sources {
			return b.Sources - a.Sources
		}
		if a.Docs != b.Docs {
			return b.Docs - a.Docs
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out, nil
}

// countSources fills Sources, SourceNames, Docs and Chain of a cluster and
// orders its claims by date. Sources are the connected components of the
// claims' source keys, where the claims of documents in one reuse cluster
// are joined: copies of one article count once whoever they quote.
func countSources(cl *claimgraph.ClaimCluster, inCluster map[string]string, chainPos map[string]int) {
	sortClusterClaims(cl.Claims)
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(parent[x])
		parent[x] = r
		return r
	}
	union := func(a, b string) { parent[find(a)] = find(b) }
	docs := map[string]bool{}
	copies := map[string][]string{} // reuse cluster → its documents holding this claim
	for i := range cl.Claims {
		c := &cl.Claims[i]
		k := sourceKey(c)
		find(k)
		if rc, ok := inCluster[c.Doc]; ok {
			union(k, "reuse:"+rc)
			if !docs[c.Doc] {
				copies[rc] = append(copies[rc], c.Doc)
			}
		}
		docs[c.Doc] = true
	}
	seen := map[string]bool{}
	cl.SourceNames = []string{}
	for i := range cl.Claims {
		r := find(sourceKey(&cl.Claims[i]))
		if !seen[r] {
			seen[r] = true
			cl.SourceNames = append(cl.SourceNames, cl.Claims[i].Source)
		}
	}
	cl.Sources, cl.Docs = len(seen), len(docs)
	var chain []string
	for _, ds := range copies {
		if len(ds) > 1 {
			chain = append(chain, ds...)
		}
	}
	slices.SortFunc(chain, func(a, b string) int {
		if inCluster[a] != inCluster[b] {
			return strings.Compare(inCluster[a], inCluster[b])
		}
		return chainPos[a] - chainPos[b]
	})
	cl.Chain = chain
}

// sortClusterClaims orders a cluster's claims by date (undated last), then
// document and id.
func sortClusterClaims(cs []claimgraph.ClaimView) {
	slices.SortStableFunc(cs, func(a, b claimgraph.ClaimView) int {
		if c := compareDates(a.Date, b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Doc, b.Doc); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
}

// claimKey is the cluster key of a claim: subject entity or normalized
// subject text, relation lemma, object entity or normalized object text,
// and its stance: "not" for a negated or denied claim, the factuality of a
// question, proposal, condition or possibility.
func claimKey(r *claimRow) string {
	side := func(e int64, t string) string {
		if e != 0 {
			return "e" + strconv.FormatInt(e, 10)
		}
		return "t:" + normText(t)
	}
	rel := r.RelationLemma
	if rel == "" {
		rel = normText(r.Relation.Text)
	}
	rel = claimgraph.RelationKey(rel)
	k := side(r.SubjectEntity, r.Subject.Text) + "|" + rel + "|" + side(r.ObjectEntity, r.Object.Text)
	switch st := claimStance(&r.ClaimView); st {
	case claimgraph.FactAsserted:
	case claimgraph.FactNegated:
		k += "|not"
	default:
		k += "|" + st
	}
	return k
}

// claimStance is the stance of a stored claim (see claimgraph.Stance).
func claimStance(c *claimgraph.ClaimView) string { return claimgraph.Stance(c.Factuality, c.Negated) }

// normText lowercases, folds white space and drops a leading article, so
// "The  Group" and "the group" key alike.
func normText(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 1 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// compareDates orders ISO dates, undated last.
func compareDates(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(a, b)
}

// reuseClusters returns the reuse clusters (containment ≥ 0.5) reachable
// from docs, following pairs in rounds of indexed lookups rather than
// reading every pair of the store.
func reuseClusters(ctx context.Context, db querier, docs map[string]bool) ([]reuse.Cluster, error) {
	var pairs []claimgraph.ReusePair
	seenPair := map[[2]string]bool{}
	visited := map[string]bool{}
	frontier := make([]string, 0, len(docs))
	for d := range docs {
		frontier = append(frontier, d)
	}
	for round := 0; len(frontier) > 0 && round < 8; round++ {
		var next []string
		for len(frontier) > 0 {
			n := min(len(frontier), 400)
			batch := frontier[:n]
			frontier = frontier[n:]
			args := make([]any, 0, 2*n)
			for _, d := range batch {
				visited[d] = true
				args = append(args, d)
			}
			args = append(args, args...)
			ph := placeholders(n)
			// The threshold is written into the statement, not bound, so
			// that SQLite reads the partial indexes of chain pairs
			// (migration 0004) instead of every pair of each document.
			rows, err := db.QueryContext(ctx, `SELECT doc_a, doc_b, containment FROM reuse_pairs INDEXED BY reuse_chain_a
				WHERE doc_a IN (`+ph+`) AND doc_a <> doc_b AND containment >= `+chainThreshold+`
				UNION SELECT doc_a, doc_b, containment FROM reuse_pairs INDEXED BY reuse_chain_b
				WHERE doc_b IN (`+ph+`) AND doc_a <> doc_b AND containment >= `+chainThreshold, args...)
			if err != nil {
				return nil, fmt.Errorf("reuse clusters: %w", err)
			}
			for rows.Next() {
				var p claimgraph.ReusePair
				if err := rows.Scan(&p.DocA, &p.DocB, &p.Containment); err != nil {
					rows.Close()
					return nil, fmt.Errorf("reuse clusters: %w", err)
				}
				k := [2]string{p.DocA, p.DocB}
				if seenPair[k] {
					continue
				}
				seenPair[k] = true
				pairs = append(pairs, p)
				for _, d := range k {
					if !visited[d] {
						visited[d] = true
						next = append(next, d)
					}
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, fmt.Errorf("reuse clusters: %w", err)
			}
		}
		frontier = next
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	dates, err := docDates(ctx, db, visited)
	if err != nil {
		return nil, err
	}
	return reuse.Clusters(pairs, dates, minChainContainment), nil
}

// docDates returns the publication dates of the documents, in batches.
func docDates(ctx context.Context, db querier, docs map[string]bool) (map[string]string, error) {
	out := map[string]string{}
	ids := make([]any, 0, len(docs))
	for d := range docs {
		ids = append(ids, d)
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		rows, err := db.QueryContext(ctx, `SELECT id, date FROM documents WHERE id IN (`+placeholders(n)+`)`, ids[:n]...)
		if err != nil {
			return nil, fmt.Errorf("document dates: %w", err)
		}
		for rows.Next() {
			var id, date string
			if err := rows.Scan(&id, &date); err != nil {
				rows.Close()
				return nil, fmt.Errorf("document dates: %w", err)
			}
			out[id] = date
		}
		rows.Close()
		ids = ids[n:]
	}
	return out, nil
}

// page returns the page [offset, offset+limit) of s (limit 0: the rest).
func page[T any](s []T, offset, limit int) []T {
	if offset > len(s) {
		offset = len(s)
	}
	s = s[max(offset, 0):]
	if limit > 0 && limit < len(s) {
		s = s[:limit]
	}
	return orEmpty(s)
}

// clusterLabel is a cluster's relation as a graph edge label: "not ..."
// for a negated one. clusterClaims already writes the "not" into the
// relation; adding it again labelled denials "not not ..." in claim_edges.
func clusterLabel(c claimgraph.ClaimCluster) string {
	if strings.HasSuffix(c.Key, "|not") && !strings.HasPrefix(c.Relation, "not ") {
		return "not " + c.Relation
	}
	return c.Relation
}

// deriveListings derives the read side's listings with the entity layer:
// the quotes of each entity (quote_entities, deriveQuoteEntities), and,
// clustering every claim of the store once,
//
//   - claim_edges: one edge per cluster between two entities, with its
//     independent sources, so that the graph reads edges instead of
//     re-clustering claims on each request;
//   - claim_clusters and claim_cluster_claims: the claim listing in its
//     order and the cluster of each claim, so that a page of the listing
//     (whole, or about one entity) costs its own size, not the store's.
func deriveListings(ctx context.Context, tx *Tx) error {
	if err := deriveQuoteEntities(ctx, tx); err != nil {
		return err
	}
	if err := deriveTimelineEntities(ctx, tx); err != nil {
		return err
	}
	rows, err := loadClaimRows(ctx, tx, claimSelect+`ORDER BY c.id`)
	if err != nil {
		return fmt.Errorf("claim clusters: %w", err)
	}
	clusters, err := clusterClaims(ctx, tx, rows)
	if err != nil {
		return fmt.Errorf("claim clusters: %w", err)
	}
	rows = nil
	st, err := tx.PrepareContext(ctx, `INSERT INTO claim_edges (subject, object, label, sources, docs) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (subject, object, label) DO UPDATE SET sources = excluded.sources, docs = excluded.docs`)
	if err != nil {
		return fmt.Errorf("claim edges: %w", err)
	}
	defer st.Close()
	for _, c := range clusters {
		if c.SubjectEntity == 0 || c.ObjectEntity == 0 || c.SubjectEntity == c.ObjectEntity {
			continue
		}
		if _, err := st.ExecContext(ctx, c.SubjectEntity, c.ObjectEntity, clusterLabel(c), c.Sources, c.Docs); err != nil {
			return fmt.Errorf("claim edge %s: %w", c.Key, err)
		}
	}
	for _, table := range []string{"claim_cluster_claims", "claim_clusters"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return fmt.Errorf("claim clusters: clear %s: %w", table, err)
		}
	}
	const chunk = 2000 // rows held for one batch of inserts
	var heads, members [][]any
	flush := func() error {
		if err := insertRows(ctx, tx, "claim_clusters", "pos, cluster_key, subject_entity, object_entity, data", heads); err != nil {
			return fmt.Errorf("claim clusters: %w", err)
		}
		if err := insertRows(ctx, tx, "claim_cluster_claims", "claim, pos, ord", members); err != nil {
			return fmt.Errorf("claim clusters: members: %w", err)
		}
		heads, members = heads[:0], members[:0]
		return nil
	}
	for pos, c := range clusters {
		for ord, cv := range c.Claims { // in the cluster's order: by date
			members = append(members, []any{cv.ID, pos, ord})
		}
		c.Claims = nil
		data, err := json.Marshal(c)
		if err != nil {
			return fmt.Errorf("claim cluster %s: %w", c.Key, err)
		}
		heads = append(heads, []any{pos, c.Key, c.SubjectEntity, c.ObjectEntity, string(data)})
		if len(heads) >= chunk || len(members) >= chunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// listedClaims answers a claim listing, whole (about 0) or about one
// entity, from the derived listing: the page's clusters and then their
// claims (the first maxClaims of each, when positive). ok is false when
// nothing was derived (a store migrated since its last recomputation, or
// one without claims) or db.liveListings is set: the claims are then
// clustered as they are.
//
// Like every view of the entity layer, the listing is as of the layer's
// last computation: while documents added since wait for it (during a long
// ingest, say), their claims are not in it yet, as their mentions are in no
// entity yet.
//
// An entity's clusters are those of the whole listing with it as subject
// or object, in the same order: a cluster's key holds both of its
// entities, so all its claims, and its denied (or asserted) twin, are
// about the entity too.
func (db *DB) listedClaims(ctx context.Context, about int64, offset, limit, maxClaims int) ([]claimgraph.ClaimCluster, bool, error) {
	if db.liveListings {
		return nil, false, nil
	}
	offset = max(offset, 0)
	var q string
	var args []any
	switch {
	case about != 0 && limit > 0:
		q = `SELECT pos, data FROM claim_clusters WHERE subject_entity = ?1 AND subject_entity <> 0
			UNION SELECT pos, data FROM claim_clusters WHERE object_entity = ?1 AND object_entity <> 0
			ORDER BY pos LIMIT ?2 OFFSET ?3`
		args = []any{about, limit, offset}
	case about != 0:
		q = `SELECT pos, data FROM claim_clusters WHERE subject_entity = ?1 AND subject_entity <> 0
			UNION SELECT pos, data FROM claim_clusters WHERE object_entity = ?1 AND object_entity <> 0
			ORDER BY pos LIMIT -1 OFFSET ?2`
		args = []any{about, offset}
	case limit > 0:
		// Positions are the listing's order: a page is a range of them,
		// however deep, with no OFFSET scan.
		q = `SELECT pos, data FROM claim_clusters WHERE pos >= ? AND pos < ? ORDER BY pos`
		args = []any{offset, offset + limit}
	default:
		q = `SELECT pos, data FROM claim_clusters WHERE pos >= ? ORDER BY pos`
		args = []any{offset}
	}
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, false, fmt.Errorf("claim listing: %w", err)
	}
	var out []claimgraph.ClaimCluster
	at := map[int64]int{} // position → index in out
	for rows.Next() {
		var pos int64
		var data string
		if err := rows.Scan(&pos, &data); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("claim listing: %w", err)
		}
		var c claimgraph.ClaimCluster
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("claim listing: cluster %d: %w", pos, err)
		}
		at[pos] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("claim listing: %w", err)
	}
	if len(out) == 0 && offset == 0 {
		// Nothing derived: a store without claims (clustering them live
		// costs nothing), or one whose listing was never derived.
		return nil, false, nil
	}
	for start := 0; start < len(out); start += 500 {
		var ps []any
		for pos, i := range at {
			if i >= start && i < start+500 {
				ps = append(ps, pos)
			}
		}
		in := `(` + placeholders(len(ps)) + `)`
		if maxClaims > 0 {
			in += ` AND ord < ` + strconv.Itoa(maxClaims)
		}
		member := map[int64]int64{} // claim → position
		mr, err := db.db.QueryContext(ctx, `SELECT claim, pos FROM claim_cluster_claims WHERE pos IN `+in, ps...)
		if err != nil {
			return nil, false, fmt.Errorf("claim listing: %w", err)
		}
		for mr.Next() {
			var claim, pos int64
			if err := mr.Scan(&claim, &pos); err != nil {
				mr.Close()
				return nil, false, fmt.Errorf("claim listing: %w", err)
			}
			member[claim] = pos
		}
		mr.Close()
		if err := mr.Err(); err != nil {
			return nil, false, fmt.Errorf("claim listing: %w", err)
		}
		claims, err := loadClaimRows(ctx, db.db, claimSelect+`WHERE c.id IN (SELECT claim FROM claim_cluster_claims WHERE pos IN `+in+`)`, ps...)
		if err != nil {
			return nil, false, err
		}
		for _, r := range claims {
			c := &out[at[member[r.ID]]]
			c.Claims = append(c.Claims, r.ClaimView)
		}
	}
	for i := range out {
		out[i].Claims = orEmpty(out[i].Claims)
		sortClusterClaims(out[i].Claims)
	}
	return orEmpty(out), true, nil
}

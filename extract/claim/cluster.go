package claim

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Ref is one stored claim with the keys corroboration needs, as the caller
// resolved them (entity ids after cross-document resolution, or names).
type Ref struct {
	Doc     string
	Claim   claimgraph.Claim
	Subject string // key of the subject entity (see EntityKey)
	Object  string // key of the object entity
	Speaker string // key of the speaker (see SpeakerKey); "" for the document's own voice
	Outlet  string // the document's outlet; "" when unknown
}

// Group is a cluster of claims with the same subject, relation and object,
// and the independent sources behind it.
type Group struct {
	Subject  string   `json:"subject"`
	Relation string   `json:"relation"` // RelationKey of the claims' relation lemmas
	Object   string   `json:"object"`
	Claims   []int    `json:"claims"` // indexes into the refs given to Cluster
	Docs     []string `json:"docs"`
	Sources  []Source `json:"sources"`
	// Independent is the number of distinct sources: a speaker counts once
	// however many articles repeat them; an outlet's own voice counts once;
	// documents in one text-reuse cluster count as one voice. It is 0 for a
	// group of questions, proposals, conditions or possibilities: they
	// support nothing.
	Independent int `json:"independent"`
	// Stance is how the group's statements present the claim: "asserted"
	// (asserted or reported), "negated" (negated or denied), or the
	// factuality they share (question, proposed, conditional, possible).
	Stance string `json:"stance"`
	// ContradictedBy are the independent sources of the opposite group
	// (the negated one for an asserted group, and the other way round).
	ContradictedBy []Source `json:"contradicted_by,omitempty"`
}

// Stance is the stance of a claim (see claimgraph.Stance).
func Stance(c claimgraph.Claim) string { return claimgraph.Stance(c.Factuality, c.Negated) }

// Source is one independent source of a group.
type Source struct {
	Kind string   `json:"kind"` // "speaker" or "voice" (documents speaking for themselves)
	Keys []string `json:"keys"` // the speaker, or the outlets and reuse clusters merged into this voice
	Docs []string `json:"docs"`
}

// EntityKey returns the key of a claim argument: its resolved entity id
// when there is one, else its lower-cased text.
func EntityKey(entity int64, text string) string {
	if entity != 0 {
		return fmt.Sprintf("entity:%d", entity)
	}
	return "name:" + normName(text)
}

// SpeakerKey returns the key of a claim's speaker: "" for the document's
// own voice (nil), the entity or resolved name when known, and for an
// unresolved speaker its text within its document only (an unresolved "he"
// in two articles is not known to be one person).
func SpeakerKey(doc string, s *claimgraph.Speaker) string {
	switch {
	case s == nil:
		return ""
	case s.Entity != 0:
		return fmt.Sprintf("entity:%d", s.Entity)
	case s.Name != "":
		return "name:" + normName(s.Name)
	}
	return "unresolved:" + doc + ":" + normName(s.Text)
}

func normName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, p := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// RelationKey normalizes a relation lemma for clustering; see
// claimgraph.RelationKey, which the store's claim clusters use too.
func RelationKey(lemma string) string { return claimgraph.RelationKey(lemma) }

// Cluster groups claims by subject, relation key and object and counts the
// independent sources of each group. reuseCluster maps a document to its
// text-reuse cluster (documents that copy one text share one); nil treats
// every document as its own. Claims are grouped by stance as well: negated
// and denied claims apart from asserted and reported ones (each group lists
// the other's sources as ContradictedBy), and questions, proposals,
// conditions and possibilities in groups of their own that count no
// independent source. Groups come back with the most independent sources
// first.
func Cluster(refs []Ref, reuseCluster func(doc string) string) []Group {
	if reuseCluster == nil {
		reuseCluster = func(doc string) string { return doc }
	}
	type gkey struct{ s, r, o string }
	index := map[gkey]int{}
	var groups []Group
	for i, r := range refs {
		base := RelationKey(r.Claim.RelationLemma)
		st := Stance(r.Claim)
		rel := base
		switch st {
		case claimgraph.FactAsserted:
		case claimgraph.FactNegated:
			rel = "not " + base
		default:
			rel = st + ": " + base
		}
		k := gkey{r.Subject, rel, r.Object}
		gi, ok := index[k]
		if !ok {
			gi = len(groups)
			index[k] = gi
			groups = append(groups, Group{Subject: r.Subject, Relation: rel, Object: r.Object, Stance: st})
		}
		groups[gi].Claims = append(groups[gi].Claims, i)
	}
	for gi := range groups {
		countSources(&groups[gi], refs, reuseCluster)
		if st := groups[gi].Stance; st != claimgraph.FactAsserted && st != claimgraph.FactNegated {
			groups[gi].Independent = 0
		}
	}
	// An asserted group and its negated twin contradict each other.
	for gi := range groups {
		g := &groups[gi]
		var twin string
		switch g.Stance {
		case claimgraph.FactAsserted:
			twin = "not " + g.Relation
		case claimgraph.FactNegated:
			twin = strings.TrimPrefix(g.Relation, "not ")
		default:
			continue
		}
		if oi, ok := index[gkey{g.Subject, twin, g.Object}]; ok {
			g.ContradictedBy = groups[oi].Sources
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Independent > groups[j].Independent })
	return groups
}

// countSources joins the sources of a group: each speaker is a node; each
// own-voice claim joins its outlet and its document's reuse cluster into
// one voice.
func countSources(g *Group, refs []Ref, reuseCluster func(string) string) {
	parent := map[string]string{}
	var find func(string) string
	find = func(a string) string {
		p, ok := parent[a]
		if !ok {
			parent[a] = a
			return a
		}
		if p == a {
			return a
		}
		r := find(p)
		parent[a] = r
		return r
	}
	union := func(a, b string) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[ra] = rb
		}
	}
	nodeDocs := map[string]map[string]bool{}
	addDoc := func(node, doc string) {
		if nodeDocs[node] == nil {
			nodeDocs[node] = map[string]bool{}
		}
		nodeDocs[node][doc] = true
	}
	docs := map[string]bool{}
	for _, ci := range g.Claims {
		r := refs[ci]
		docs[r.Doc] = true
		if r.Speaker != "" {
			n := "speaker:" + r.Speaker
			find(n)
			addDoc(n, r.Doc)
			continue
		}
		n := "reuse:" + reuseCluster(r.Doc)
		find(n)
		addDoc(n, r.Doc)
		if r.Outlet != "" {
			o := "outlet:" + strings.ToLower(r.Outlet)
			union(n, o)
			addDoc(o, r.Doc)
		}
	}
	comps := map[string]*Source{}
	var roots []string
	for n := range parent {
		root := find(n)
		s, ok := comps[root]
		if !ok {
			kind := "voice"
			if strings.HasPrefix(n, "speaker:") {
				kind = "speaker"
			}
			s = &Source{Kind: kind}
			comps[root] = s
			roots = append(roots, root)
		}
		s.Keys = append(s.Keys, n)
		for d := range nodeDocs[n] {
			s.Docs = append(s.Docs, d)
		}
	}
	sort.Strings(roots)
	for _, root := range roots {
		s := comps[root]
		sort.Strings(s.Keys)
		s.Docs = dedupSorted(s.Docs)
		g.Sources = append(g.Sources, *s)
	}
	g.Independent = len(g.Sources)
	for d := range docs {
		g.Docs = append(g.Docs, d)
	}
	sort.Strings(g.Docs)
}

func dedupSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

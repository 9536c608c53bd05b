package reuse

import (
	"slices"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

// Cluster is a group of documents linked by reuse: for corroboration they
// count as one source. Docs is the chain in publication order: dated
// documents first, oldest first, then undated ones by id.
type Cluster struct {
	ID    string   `json:"id"` // the first document of the chain
	Docs  []string `json:"docs"`
	Links []Link   `json:"links"`
}

// Link says which earlier document of the chain a document most likely
// copied: the earlier one it shares the highest containment with. Dated is
// true when both documents have a publication date, so the direction comes
// from the dates; otherwise it only follows the chain order.
type Link struct {
	Source      string  `json:"source"`
	Copy        string  `json:"copy"`
	Containment float64 `json:"containment"`
	Dated       bool    `json:"dated"`
}

// Clusters groups documents into reuse clusters: the connected components
// (union-find) of the pairs between distinct documents whose containment is
// at least minContainment. dates maps a document to its publication date
// (ISO 8601 date or date-time; missing or unparsable means unknown).
// Documents in no such pair are in no cluster. Clusters are ordered by ID.
func Clusters(pairs []claimgraph.ReusePair, dates map[string]string, minContainment float64) []Cluster {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok {
			parent[x] = x
			return x
		}
		if p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	best := map[[2]string]float64{}
	for _, p := range pairs {
		if p.DocA == p.DocB || p.Containment < minContainment {
			continue
		}
		ra, rb := find(p.DocA), find(p.DocB)
		if ra != rb {
			parent[ra] = rb
		}
		k := [2]string{min(p.DocA, p.DocB), max(p.DocA, p.DocB)}
		best[k] = max(best[k], p.Containment)
	}
	groups := map[string][]string{}
	for d := range parent {
		r := find(d)
		groups[r] = append(groups[r], d)
	}
	type dated struct {
		t  time.Time
		ok bool
	}
	when := map[string]dated{}
	for d := range parent {
		t, ok := parseDate(dates[d])
		when[d] = dated{t, ok}
	}
	var out []Cluster
	for _, docs := range groups {
		slices.SortFunc(docs, func(x, y string) int {
			wx, wy := when[x], when[y]
			switch {
			case wx.ok && !wy.ok:
				return -1
			case !wx.ok && wy.ok:
				return 1
			case wx.ok && wy.ok && !wx.t.Equal(wy.t):
				return wx.t.Compare(wy.t)
			}
			return strings.Compare(x, y)
		})
		c := Cluster{ID: docs[0], Docs: docs}
		for i, d := range docs[1:] {
			var l Link
			for _, e := range docs[:i+1] {
				k := [2]string{min(d, e), max(d, e)}
				if v, ok := best[k]; ok && v > l.Containment {
					l = Link{Source: e, Copy: d, Containment: v, Dated: when[d].ok && when[e].ok}
				}
			}
			if l.Source != "" {
				c.Links = append(c.Links, l)
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y Cluster) int { return strings.Compare(x.ID, y.ID) })
	return out
}

// Independent counts the independent sources among docs: documents of one
// cluster count once, documents in no cluster count each.
func Independent(docs []string, clusters []Cluster) int {
	of := map[string]string{}
	for _, c := range clusters {
		for _, d := range c.Docs {
			of[d] = c.ID
		}
	}
	seen := map[string]bool{}
	for _, d := range docs {
		k := d
		if id, ok := of[d]; ok {
			k = "cluster:" + id
		}
		seen[k] = true
	}
	return len(seen)
}

func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

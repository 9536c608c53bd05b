package claim

import (
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/internal/seedgold"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

type seedResult struct {
	claims   []claimgraph.Claim
	mentions []claimgraph.Mention
	cut      int
}

// runSeeds runs the pipeline (analysis, aliases, mentions, quotes, claims)
// over every seed article, with the sidebar of one cut as boilerplate.
func runSeeds(t *testing.T) (*seedGold, map[string]seedResult) {
	t.Helper()
	g, seeds := seedgold.Load(t)
	docs := map[string]seedResult{}
	for _, d := range seeds {
		id, text, cut := d.Key, d.Text, d.Cut
		ranges := [][2]int{{0, cut}}
		a := nlp.Default().AnalyzeRanges(text, ranges)
		// The order the pipeline should use: argument mentions first, so
		// quotes and claims index one mention list.
		ms := ArgumentMentions(text, a, resolve.Mentions(id, text, a, alias.Find(id, text, a, ranges)))
		qs := quote.Extract(id, text, a, ms, ranges)
		docs[id] = seedResult{Extract(id, text, a, ms, qs, nil), ms, cut}
	}
	return g, docs
}

// goldEntity maps a claim argument to the gold entity it names, through the
// mention at its span (whose Name carries its chain's name); "" when none.
func goldEntity(entityOf map[string]string, r seedResult, s claimgraph.TextSpan) string {
	for _, m := range r.mentions {
		if m.Start == s.Start && m.End == s.End {
			if id := entityOf[norm(m.Name)]; id != "" {
				return id
			}
		}
	}
	if id := entityOf[norm(s.Text)]; id != "" {
		return id
	}
	// A name the NER ran long ("ISIL Takfiri"): a word of it that is a name.
	for _, w := range strings.Fields(s.Text) {
		if id := entityOf[norm(w)]; id != "" && strings.ToUpper(w) == w {
			return id
		}
	}
	return ""
}

type seedGold = seedgold.Gold

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// TestSeeds checks the claims an analyst recorded from the seed articles:
// subject and object entities and the voice (speaker or the article itself).
func TestSeeds(t *testing.T) {
	g, docs := runSeeds(t)
	entityOf := map[string]string{} // normalized name -> gold entity id
	for _, e := range g.Entities {
		for _, n := range e.Names {
			entityOf[norm(n)] = e.ID
		}
	}
	total := 0
	for id, r := range docs {
		total += len(r.claims)
		for _, c := range r.claims {
			if c.Evidence.End > r.cut {
				t.Errorf("%s: claim from the boilerplate: %q", id, c.Evidence.Text)
			}
		}
	}
	entity := func(r seedResult, s claimgraph.TextSpan) string { return goldEntity(entityOf, r, s) }
	found := 0
	for _, gc := range g.Claims {
		r := docs[gc.Doc]
		voice := strings.Fields(gc.AttributedTo)[0]
		var near []string
		ok := false
		for _, c := range r.claims {
			if entity(r, c.Subject) != gc.Subject || entity(r, c.Object) != gc.Object {
				continue
			}
			got := "the"
			if c.Speaker != nil {
				got = entityOf[norm(c.Speaker.Name)]
			}
			near = append(near, c.RelationLemma+" by "+got)
			if got == voice {
				ok = true
				break
			}
		}
		if ok {
			found++
			continue
		}
		t.Logf("%s: claim %s %q %s (%s) not found; same arguments: %v", gc.Doc, gc.Subject, gc.Relation, gc.Object, gc.AttributedTo, near)
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("gold claims %d: found %d with the right attribution; %d claims extracted from %d documents", len(g.Claims), found, total, len(ids))
	if found < 9 {
		t.Errorf("found %d of %d gold claims with the right attribution, want at least 9", found, len(g.Claims))
	}
}

// TestSeedsCorroboration clusters the claims of all seed articles, with
// arguments and speakers resolved through the gold alias groups (standing in
// for cross-document resolution), and checks the corroboration the analyst
// recorded: the MKO–ISIL link rests on two independent sources, one named
// defector and one article's own voice.
func TestSeedsCorroboration(t *testing.T) {
	g, docs := runSeeds(t)
	entityOf := map[string]string{}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			entityOf[norm(n)] = e.ID
		}
	}
	var refs []Ref
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := docs[id]
		for _, c := range r.claims {
			subj, obj := goldEntity(entityOf, r, c.Subject), goldEntity(entityOf, r, c.Object)
			if subj == "" || obj == "" {
				continue
			}
			spk := ""
			if c.Speaker != nil {
				spk = SpeakerKey(id, c.Speaker)
				if e := entityOf[norm(c.Speaker.Name)]; e != "" {
					spk = "gold:" + e
				}
			}
			refs = append(refs, Ref{Doc: id, Claim: c, Subject: subj, Object: obj, Speaker: spk, Outlet: "outlet-" + id})
		}
	}
	var got *Group
	groups := Cluster(refs, nil)
	for i := range groups {
		if groups[i].Subject == "mko" && groups[i].Object == "isil" && groups[i].Relation == "tied to" {
			got = &groups[i]
		}
	}
	if got == nil {
		t.Fatalf("no cluster mko tied-to isil among %d groups", len(groups))
	}
	t.Logf("mko tied to isil: docs %v, sources %+v", got.Docs, got.Sources)
	if got.Independent != 2 || strings.Join(got.Docs, ",") != "000,003" {
		t.Errorf("mko tied to isil: %d independent sources in %v, want 2 in 000 and 003", got.Independent, got.Docs)
	}
}

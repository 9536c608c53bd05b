package claim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

type seedGold struct {
	Documents map[string]string `json:"documents"`
	Claims    []struct {
		Doc          string `json:"doc"`
		Subject      string `json:"subject"`
		Object       string `json:"object"`
		Relation     string `json:"relation"`
		AttributedTo string `json:"attributed_to"`
	} `json:"claims"`
	Entities []struct {
		ID    string   `json:"id"`
		Names []string `json:"names"`
	} `json:"entities"`
	Boilerplate []struct {
		Doc        string `json:"doc"`
		StartsWith string `json:"starts_with"`
	} `json:"boilerplate"`
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// TestSeeds checks the claims an analyst recorded from the seed articles:
// subject and object entities and the voice (speaker or the article itself).
func TestSeeds(t *testing.T) {
	gp := shareddata.Path(t, "gold/seeds.json")
	dir := shareddata.Path(t, "seeds")
	data, err := os.ReadFile(gp)
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("parse %s: %v", gp, err)
	}
	entityOf := map[string]string{} // normalized name -> gold entity id
	for _, e := range g.Entities {
		for _, n := range e.Names {
			entityOf[norm(n)] = e.ID
		}
	}
	type result struct {
		claims   []claimgraph.Claim
		mentions []claimgraph.Mention
	}
	docs := map[string]result{}
	total := 0
	for id, f := range g.Documents {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		cut := len(text)
		for _, bp := range g.Boilerplate {
			if i := strings.Index(text, "\n"+bp.StartsWith); bp.Doc == id && i >= 0 {
				cut = i + 1
			}
		}
		ranges := [][2]int{{0, cut}}
		a := nlp.Default().AnalyzeRanges(text, ranges)
		ms := resolve.Mentions(id, text, a, alias.Find(id, text, a, ranges))
		qs := quote.Extract(id, text, a, ms, ranges)
		ms = ArgumentMentions(text, a, ms)
		cs := Extract(id, text, a, ms, qs, nil)
		docs[id] = result{cs, ms}
		total += len(cs)
		for _, c := range cs {
			if c.Evidence.End > cut {
				t.Errorf("%s: claim from the boilerplate: %q", id, c.Evidence.Text)
			}
		}
	}
	// entity returns the gold entity a claim argument names, through the
	// mention at its span (whose Name carries its chain's name).
	entity := func(r result, s claimgraph.TextSpan) string {
		for _, m := range r.mentions {
			if m.Start == s.Start && m.End == s.End {
				if id := entityOf[norm(m.Name)]; id != "" {
					return id
				}
			}
		}
		return entityOf[norm(s.Text)]
	}
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

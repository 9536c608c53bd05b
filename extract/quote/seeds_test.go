package quote

import (
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/extract/claim"
	"github.com/claimgraph/claimgraph/internal/seedgold"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

type seedGold = seedgold.Gold

// seedDoc is one seed article run through the pipeline stages before quotes.
type seedDoc struct {
	id, text string
	ranges   [][2]int
	cut      int // where boilerplate starts (len(text) when none)
	a        *nlp.Analysis
	mentions []claimgraph.Mention
	quotes   []claimgraph.Quote
}

func loadSeeds(t testing.TB) (*seedGold, map[string]*seedDoc) {
	t.Helper()
	g, seeds := seedgold.Load(t)
	docs := map[string]*seedDoc{}
	for _, sd := range seeds {
		id := sd.Key
		// The cleaner marks a site's sidebar as boilerplate; the gold names
		// where it starts.
		d := &seedDoc{id: id, text: sd.Text, cut: sd.Cut}
		d.ranges = [][2]int{{0, d.cut}}
		d.a = nlp.Default().AnalyzeRanges(d.text, d.ranges)
		d.mentions = claim.ArgumentMentions(d.text, d.a, resolve.Mentions(id, d.text, d.a, alias.Find(id, d.text, d.a, d.ranges)))
		d.quotes = Extract(id, d.text, d.a, d.mentions, d.ranges)
		docs[id] = d
	}
	return g, docs
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// TestSeeds checks the quotes an analyst recorded from the seed articles:
// each found with its kind, speaker entity and cue verb; scare quotes and
// the sidebar yield none.
func TestSeeds(t *testing.T) {
	g, docs := loadSeeds(t)
	names := map[string][]string{}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			names[e.ID] = append(names[e.ID], norm(n))
		}
	}
	found, kindOK, speakerOK, cueOK, viaOK, vias := 0, 0, 0, 0, 0, 0
	for _, gq := range g.Quotes {
		d := docs[gq.Doc]
		var q *claimgraph.Quote
		for i := range d.quotes {
			if strings.Contains(norm(d.quotes[i].Content.Text), norm(gq.TextPrefix)) {
				q = &d.quotes[i]
				break
			}
		}
		if q == nil {
			t.Errorf("%s: quote %q not found", gq.Doc, gq.TextPrefix)
			continue
		}
		found++
		var problems []string
		if q.Kind == gq.Kind || contains(gq.KindAlso, q.Kind) {
			kindOK++
		} else {
			problems = append(problems, "kind "+q.Kind+", want "+gq.Kind)
		}
		if q.Speaker != nil && contains(names[gq.Speaker], norm(q.Speaker.Name)) {
			speakerOK++
		} else if q.Speaker == nil {
			problems = append(problems, "no speaker, want "+gq.Speaker)
		} else {
			problems = append(problems, "speaker "+q.Speaker.Text+" -> "+q.Speaker.Name+", want "+gq.Speaker)
		}
		if cueHas(q.Cue.Text, gq.Verb) {
			cueOK++
		} else {
			problems = append(problems, "cue "+q.Cue.Text+", want "+gq.Verb)
		}
		if gq.Via != "" {
			vias++
			if strings.Contains(norm(q.Via), norm(gq.Via)) {
				viaOK++
			} else {
				problems = append(problems, "via "+q.Via+", want "+gq.Via)
			}
		}
		if len(problems) > 0 {
			t.Errorf("%s: quote %q: %s", gq.Doc, gq.TextPrefix, strings.Join(problems, "; "))
		}
	}
	t.Logf("gold quotes %d: found %d, kind %d, speaker %d, cue %d, via %d/%d", len(g.Quotes), found, kindOK, speakerOK, cueOK, viaOK, vias)
	for _, nq := range g.NotQuotes {
		for _, q := range docs[nq.Doc].quotes {
			if norm(q.Content.Text) == norm(nq.Text) {
				t.Errorf("%s: %q is a scare quote, extracted as a %s quote", nq.Doc, nq.Text, q.Kind)
			}
		}
	}
	predicted := 0
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		d := docs[id]
		predicted += len(d.quotes)
		for _, q := range d.quotes {
			if testing.Verbose() {
				sp := "<unknown>"
				if q.Speaker != nil {
					sp = q.Speaker.Text
				}
				t.Logf("%s: %s %s (%s): %q", id, q.Attribution, q.Factuality, sp, q.Content.Text)
			}
			if q.Content.End > d.cut || q.Speaker != nil && q.Speaker.End > d.cut {
				t.Errorf("%s: quote %q reaches into the boilerplate", id, q.Content.Text)
			}
		}
	}
	t.Logf("predicted quotes %d (precision against the exhaustive gold list: %d/%d)", predicted, found, predicted)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// cueHas reports whether every word of the gold verb occurs in the cue.
func cueHas(cue, verb string) bool {
	words := strings.Fields(norm(cue))
	for _, v := range strings.Fields(norm(verb)) {
		if !contains(words, v) {
			return false
		}
	}
	return true
}

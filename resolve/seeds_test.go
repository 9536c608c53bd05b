package resolve

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/internal/seedgold"
	"github.com/claimgraph/claimgraph/nlp"
)

type seedGold = seedgold.Gold

// seedRun runs the whole entity layer over the seed articles with the
// project's NER: alias assertions, mentions, resolution.
func seedRun(t *testing.T) (*seedGold, []claimgraph.Mention, []claimgraph.AliasAssertion, *Result, string) {
	g, docs := seedgold.Load(t)
	pipe := nlp.Default()
	var ms []claimgraph.Mention
	var as []claimgraph.AliasAssertion
	var analysed strings.Builder
	for _, d := range docs {
		id, text := d.Key, d.Text
		// The cleaner marks boilerplate; this test cuts it where the gold says it starts.
		ranges := [][2]int{{0, d.Cut}}
		analysed.WriteString(text[:d.Cut])
		a := pipe.AnalyzeRanges(text, ranges)
		da := alias.Find(id, text, a, ranges)
		ms = append(ms, Mentions(id, text, a, da)...)
		as = append(as, da...)
	}
	return g, ms, as, Resolve(ms, as, nil), analysed.String()
}

func entitiesOf(r *Result, name string) map[int64]bool {
	out := map[int64]bool{}
	for _, e := range r.Lookup(name) {
		out[e.ID] = true
	}
	return out
}

func overlap(a, b map[int64]bool) bool {
	for id := range a {
		if b[id] {
			return true
		}
	}
	return false
}

func TestSeedsEntities(t *testing.T) {
	g, _, as, r, analysed := seedRun(t)
	type named struct{ group, name string }
	// Names the analysed text does not contain (the sidebar's) cannot be found.
	var names []named
	for _, e := range g.Entities {
		for _, n := range e.Names {
			if !strings.Contains(strings.ToLower(analysed), strings.ToLower(n)) {
				t.Logf("name %q is not in the analysed text: left out", n)
				continue
			}
			names = append(names, named{e.ID, n})
		}
	}
	var tp, fp, fn int
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			a, b := names[i], names[j]
			pred := overlap(entitiesOf(r, a.name), entitiesOf(r, b.name))
			gold := a.group == b.group
			switch {
			case pred && gold:
				tp++
			case pred:
				fp++
				t.Logf("merged across groups: %q (%s) and %q (%s)", a.name, a.group, b.name, b.group)
			case gold:
				fn++
				t.Logf("not merged: %q and %q (%s); entities %v / %v", a.name, b.name, a.group, entitiesOf(r, a.name), entitiesOf(r, b.name))
			}
		}
	}
	p, rec := ratio(tp, tp+fp), ratio(tp, tp+fn)
	f1 := 2 * p * rec / max(p+rec, 1e-9)
	t.Logf("seed alias groups: pairwise P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, rec, f1, tp, fp, fn)
	if f1 < 0.95 {
		t.Errorf("pairwise F1 %.3f < 0.95", f1)
	}
	for _, no := range g.NotOne {
		for i := range no.Names {
			for j := i + 1; j < len(no.Names); j++ {
				if overlap(entitiesOf(r, no.Names[i]), entitiesOf(r, no.Names[j])) {
					t.Errorf("%q and %q merged", no.Names[i], no.Names[j])
				}
			}
		}
	}
	// Every asserted alias is stored with its document and evidence.
	for _, e := range g.Entities {
		for _, ga := range e.Asserted {
			want := normSpace(ga.Evidence)
			found := false
			for _, a := range as {
				ev := normSpace(a.Evidence)
				if a.Doc == ga.Doc && (strings.Contains(ev, want) || strings.Contains(want, ev)) {
					for _, ent := range r.Lookup(a.Alias) {
						for _, al := range ent.Aliases {
							found = found || al.Source == claimgraph.AliasAsserted && al.Doc == ga.Doc && al.Evidence == a.Evidence
						}
					}
				}
			}
			if !found {
				t.Errorf("asserted alias %q of document %s not stored with its evidence", ga.Evidence, ga.Doc)
			}
		}
	}
}

func normSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

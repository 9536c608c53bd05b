package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/seedgold"
	"github.com/claimgraph/claimgraph/sqlite"
)

func fold(s string) string {
	s = norm.NFKC.String(strings.ToLower(s))
	r := strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// TestSeedsEndToEnd ingests the five seed articles through the whole
// pipeline and scores what the store then holds against the analyst's gold
// (../shared/gold/seeds.json): alias groups, names kept apart, asserted
// aliases, quotes with speaker and cue, claims with attribution, and time
// expressions. Scores are logged for the closing notes; floors are asserted.
func TestSeedsEndToEnd(t *testing.T) {
	gold, seedDocs := seedgold.Load(t)
	seeds := filepath.Dir(seedDocs[0].Path)
	db := filepath.Join(t.TempDir(), "seeds.db")
	if _, stderr, err := run(t, "", "ingest", "--db", db, seeds); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	docs, err := store.Documents(ctx, claimgraph.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	docID := map[string]string{} // "000" -> stored id
	for _, sd := range seedDocs {
		for _, d := range docs {
			if filepath.Base(d.Source) == sd.File {
				docID[sd.Key] = d.ID
			}
		}
	}
	analyses := map[string]*claimgraph.Analysis{}
	for key, id := range docID {
		if analyses[key], err = store.Analysis(ctx, id); err != nil {
			t.Fatal(err)
		}
	}

	// Entities: which entity each name belongs to.
	ents, err := store.Entities(ctx, claimgraph.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	entityOf := map[string]int64{}
	nameOf := map[int64]string{}
	for _, e := range ents {
		nameOf[e.ID] = e.Name
		entityOf[fold(e.Name)] = e.ID
		for _, a := range e.Aliases {
			if _, ok := entityOf[fold(a.Name)]; !ok {
				entityOf[fold(a.Name)] = e.ID
			}
		}
	}
	goldEntity := map[string]string{} // folded name -> gold id
	type named = struct{ name, group string }
	var listed []named
	for _, g := range gold.Entities {
		for _, n := range g.Names {
			listed = append(listed, named{fold(n), g.ID})
			goldEntity[fold(n)] = g.ID
		}
	}
	// Names that occur in no document's main text (only in a sidebar the
	// cleaner marks as boilerplate) are scored both with and without.
	var mainText []string
	for _, id := range docID {
		d, err := store.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range d.MainRanges() {
			mainText = append(mainText, fold(d.Text[r.Start:r.End]))
		}
	}
	inMain := func(name string) bool {
		for _, x := range mainText {
			if strings.Contains(x, name) {
				return true
			}
		}
		return false
	}
	pf, rf, ff := pairwise(listed, entityOf, func(string) bool { return true })
	pm, rm, fm := pairwise(listed, entityOf, inMain)
	t.Logf("alias groups over names in main text: pairwise P %.3f R %.3f F1 %.3f", pm, rm, fm)
	if pm < 0.95 || fm < 0.95 {
		t.Errorf("alias groups over names in main text: P %.3f F1 %.3f, want >= 0.95", pm, fm)
	}
	p, r, f1 := pf, rf, ff
	for _, g := range gold.Entities {
		var parts []string
		for _, n := range g.Names {
			parts = append(parts, n+"="+nameOf[entityOf[fold(n)]])
		}
		if len(g.Names) > 1 {
			t.Logf("group %s: %s", g.ID, strings.Join(parts, "; "))
		}
	}
	t.Logf("alias groups: pairwise P %.3f R %.3f F1 %.3f over %d listed names", p, r, f1, len(listed))
	// Two of the listed spellings occur only in 002's sidebar, reached
	// through the alias assertions found there (no sidebar mention is kept).
	if p < 0.95 || f1 < 0.95 {
		t.Errorf("alias-group pairwise P %.3f F1 %.3f below 0.95", p, f1)
	}
	for _, n := range gold.NotOne {
		a, oka := entityOf[fold(n.Names[0])]
		b, okb := entityOf[fold(n.Names[1])]
		if oka && okb && a == b {
			t.Errorf("%q and %q merged into one entity", n.Names[0], n.Names[1])
		}
	}

	// Asserted aliases: stored with their document and evidence.
	var asserted, assertedFound int
	for _, g := range gold.Entities {
		for _, x := range g.Asserted {
			asserted++
			a := analyses[x.Doc]
			for _, s := range a.Aliases {
				if strings.Contains(fold(x.Evidence), fold(s.Evidence)) || strings.Contains(fold(s.Evidence), fold(x.Evidence)) {
					assertedFound++
					break
				}
			}
		}
	}
	t.Logf("asserted aliases: %d of %d stored with their evidence", assertedFound, asserted)
	if assertedFound < asserted-1 {
		t.Errorf("asserted aliases: only %d of %d", assertedFound, asserted)
	}

	// Quotes: kind, speaker entity and cue verb.
	quotes, err := store.Quotes(ctx, claimgraph.QuoteFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var qFound, qRight int
	for _, g := range gold.Quotes {
		var best *claimgraph.QuoteView
		for i, q := range quotes {
			if q.Doc == docID[g.Doc] && strings.HasPrefix(fold(q.Content.Text), fold(g.TextPrefix)[:min(len(fold(g.TextPrefix)), 40)]) {
				best = &quotes[i]
				break
			}
		}
		if best == nil {
			t.Logf("quote not found: %s %q", g.Doc, g.TextPrefix)
			continue
		}
		qFound++
		kindOK := best.Kind == g.Kind
		for _, k := range g.KindAlso {
			kindOK = kindOK || best.Kind == k
		}
		speakerOK := best.Speaker != nil && goldEntity[fold(best.Speaker.Name)] == g.Speaker
		cueOK := strings.Contains(fold(best.Cue.Text), fold(g.Verb))
		if kindOK && speakerOK && cueOK {
			qRight++
		} else {
			sp := "<unknown>"
			if best.Speaker != nil {
				sp = best.Speaker.Name
			}
			t.Logf("quote %s %q: kind %s (want %s) speaker %q (want %s) cue %q (want %s)", g.Doc, g.TextPrefix, best.Kind, g.Kind, sp, g.Speaker, best.Cue.Text, g.Verb)
		}
	}
	t.Logf("quotes: %d of %d found, %d with the right kind, speaker and cue", qFound, len(gold.Quotes), qRight)
	if qFound < len(gold.Quotes)-2 || qRight < len(gold.Quotes)-3 {
		t.Errorf("quotes: only %d of %d found, %d right", qFound, len(gold.Quotes), qRight)
	}
	for _, nq := range gold.NotQuotes {
		for _, q := range quotes {
			if q.Doc == docID[nq.Doc] && fold(strings.Trim(q.Content.Text, "\"“”")) == fold(nq.Text) {
				t.Errorf("scare quotes %q taken as a quote", nq.Text)
			}
		}
	}

	// Claims: subject and object entities, with the right voice.
	var cFound int
	for _, g := range gold.Claims {
		found := false
		for _, c := range analyses[g.Doc].Claims {
			s := goldEntity[fold(nameOf[entityOf[fold(c.Subject.Text)]])]
			o := goldEntity[fold(nameOf[entityOf[fold(c.Object.Text)]])]
			if s == "" {
				s = goldEntity[fold(c.Subject.Text)]
			}
			if o == "" {
				o = goldEntity[fold(c.Object.Text)]
			}
			if s != g.Subject || o != g.Object {
				continue
			}
			own := strings.HasPrefix(g.AttributedTo, "the article")
			if own && c.Speaker == nil {
				found = true
			} else if !own && c.Speaker != nil && goldEntity[fold(nameOf[entityOf[fold(c.Speaker.Text)]])] == g.AttributedTo {
				found = true
			} else if !own && c.Speaker != nil && goldEntity[fold(c.Speaker.Name)] == g.AttributedTo {
				found = true
			}
		}
		if found {
			cFound++
		} else {
			t.Logf("claim not found: %s %s —%s→ %s (%s)", g.Doc, g.Subject, "", g.Object, g.AttributedTo)
		}
	}
	t.Logf("claims: %d of %d found with subject, object and attribution", cFound, len(gold.Claims))
	if cFound < len(gold.Claims)/2 {
		t.Errorf("claims: only %d of %d", cFound, len(gold.Claims))
	}

	// Time expressions: span text and value.
	var tFound, tValue, tValued int
	for _, g := range gold.Timex {
		var hit *claimgraph.TimeExpr
		for i, x := range analyses[g.Doc].Times {
			if fold(x.Text) == fold(g.Text) || strings.HasSuffix(fold(x.Text), " "+fold(g.Text)) {
				hit = &analyses[g.Doc].Times[i]
				break
			}
		}
		if hit == nil {
			t.Logf("time expression not found: %s %q", g.Doc, g.Text)
			continue
		}
		tFound++
		if g.Value != nil {
			tValued++
			if hit.Value == *g.Value {
				tValue++
			} else {
				t.Logf("time %q value %q, want %q", g.Text, hit.Value, *g.Value)
			}
		}
	}
	t.Logf("time expressions: %d of %d found; %d of %d gold values right", tFound, len(gold.Timex), tValue, tValued)
	if tFound < len(gold.Timex)-2 {
		t.Errorf("time expressions: only %d of %d found", tFound, len(gold.Timex))
	}
}

// pairwise scores name pairs (same gold group vs same predicted entity)
// over the listed names that keep says to keep.
func pairwise(listed []struct{ name, group string }, entityOf map[string]int64, keep func(string) bool) (p, r, f float64) {
	var tp, predSame, goldSame int
	for i := range listed {
		if !keep(listed[i].name) {
			continue
		}
		for j := i + 1; j < len(listed); j++ {
			if !keep(listed[j].name) {
				continue
			}
			a, b := listed[i], listed[j]
			ea, oka := entityOf[a.name]
			eb, okb := entityOf[b.name]
			same := oka && okb && ea == eb
			if same {
				predSame++
			}
			if a.group == b.group {
				goldSame++
				if same {
					tp++
				}
			}
		}
	}
	p, r = ratio(tp, predSame), ratio(tp, goldSame)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

package resolve

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
)

// corpus is a few small documents written for these tests, with the spans a
// NER model would tag.
var corpus = []struct {
	id, text string
	ents     []string
}{
	{"a", `Nuri al-Hakimi met members of the Fedayin-e Khalq Organization (FKO) in Iran. The FKO denied it. Leila Tabari spoke for Iraq.`,
		[]string{"PER:Nuri al-Hakimi", "ORG:Fedayin-e Khalq Organization", "LOC:Iran", "LOC:Iraq", "PER:Leila Tabari"}},
	{"b", `Nouri al-Hakimi's office said the Fadayin Khalq Organization had no base. Reza Tabari, its founder, disagreed. Estekhdamat agents watched Hassan Ali Farahani.`,
		[]string{"PER:Nouri al-Hakimi", "ORG:Fadayin Khalq Organization", "PER:Reza Tabari", "ORG:Estekhdamat", "PER:Hassan Ali Farahani"}},
	{"c", `The Istekhdamat trained the FKO, also known as the Fedayin and the NRC. Tabari was not there. Mohammad Ali Karimi met Farahani in Iraq.`,
		[]string{"ORG:Istekhdamat", "PER:Tabari", "PER:Mohammad Ali Karimi", "PER:Farahani", "LOC:Iraq"}},
	{"d", `Mohammed Karimi left Iran. Hakimi stayed.`,
		[]string{"PER:Mohammed Karimi", "LOC:Iran", "PER:Hakimi"}},
}

func corpusMentions(t testing.TB) ([]claimgraph.Mention, []claimgraph.AliasAssertion) {
	var ms []claimgraph.Mention
	var as []claimgraph.AliasAssertion
	for _, d := range corpus {
		a := analysis(t, d.text, d.ents...)
		da := alias.Find(d.id, d.text, a, nil)
		dm := Mentions(d.id, d.text, a, da)
		checkMentionSpans(t, d.text, dm)
		ms = append(ms, dm...)
		as = append(as, da...)
	}
	return ms, as
}

// entityOfName returns the entity IDs of the mentions named (or written) s.
func entityOfName(ms []claimgraph.Mention, r *Result, s string) map[int64]bool {
	out := map[int64]bool{}
	for i, m := range ms {
		if m.Name == s || m.Text == s {
			out[r.Mention[i]] = true
		}
	}
	return out
}

func same(t *testing.T, ms []claimgraph.Mention, r *Result, a, b string, want bool) {
	t.Helper()
	ea, eb := entityOfName(ms, r, a), entityOfName(ms, r, b)
	if len(ea) == 0 || len(eb) == 0 {
		t.Fatalf("no mention of %q (%d) or %q (%d)", a, len(ea), b, len(eb))
	}
	got := false
	for id := range ea {
		if id != 0 && eb[id] {
			got = true
		}
	}
	if got != want {
		t.Errorf("%q and %q one entity: %v, want %v (%v vs %v)", a, b, got, want, ea, eb)
	}
}

func TestResolveRules(t *testing.T) {
	ms, as := corpusMentions(t)
	r := Resolve(ms, as, nil)
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Nuri al-Hakimi", "Nouri al-Hakimi", true},           // transliteration
		{"Hakimi", "Nuri al-Hakimi", true},                    // surname of one person
		{"Estekhdamat", "Istekhdamat", true},                  // e/i
		{"Fedayin-e Khalq Organization", "FKO", true},         // acronym
		{"Fadayin Khalq Organization", "FKO", true},           // transliteration + ezafe
		{"Fedayin", "FKO", true},                              // asserted alias
		{"NRC", "FKO", true},                                  // asserted alias (a named, undoable rule)
		{"Iran", "Iraq", false},                               // one letter apart
		{"Leila Tabari", "Reza Tabari", false},                // family name shared
		{"Hassan Ali Farahani", "Mohammad Ali Karimi", false}, // given name shared
		{"Farahani", "Hassan Ali Farahani", true},
		{"Mohammed Karimi", "Mohammad Ali Karimi", false}, // not a suffix: no guess
	} {
		same(t, ms, r, c.a, c.b, c.want)
	}
	// The bare "Tabari" of document c fits two people: not guessed.
	same(t, ms, r, "Tabari", "Leila Tabari", false)
	same(t, ms, r, "Tabari", "Reza Tabari", false)
	// A bare surname of two people in one document is flagged with both.
	text := `Leila Tabari met Reza Tabari. Tabari left.`
	a := analysis(t, text, "PER:Leila Tabari", "PER:Reza Tabari", "PER:Tabari")
	more := append(append([]claimgraph.Mention(nil), ms...), Mentions("x", text, a, nil)...)
	rx := Resolve(more, as, nil)
	if len(rx.Ambiguous) != 1 || more[rx.Ambiguous[0].Mention].Text != "Tabari" || len(rx.Ambiguous[0].Candidates) != 2 {
		t.Errorf("ambiguous mentions: %+v", rx.Ambiguous)
	} else {
		for _, id := range rx.Ambiguous[0].Candidates {
			if e := rx.Entity(id); e == nil || e.Type != claimgraph.TypePER {
				t.Errorf("candidate %d is not a person: %+v", id, e)
			}
		}
		if rx.Mention[rx.Ambiguous[0].Mention] != 0 {
			t.Error("an ambiguous mention was resolved")
		}
	}
	// Asserted aliases keep their document and evidence.
	var found bool
	for _, e := range r.Lookup("NRC") {
		for _, al := range e.Aliases {
			if al.Source == claimgraph.AliasAsserted && al.Name == "NRC" && al.Doc == "c" && strings.Contains(al.Evidence, "also known as") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("asserted alias NRC lacks its evidence: %+v", r.Lookup("NRC"))
	}
	// Every link names its rule.
	for _, l := range r.Links {
		if l.Rule == "" || l.A == "" || l.B == "" {
			t.Errorf("link without rule or names: %+v", l)
		}
	}
}

func TestResolveSameName(t *testing.T) {
	m := func(doc, name, typ string) claimgraph.Mention {
		return claimgraph.Mention{Doc: doc, Name: name, Text: name, Type: typ, Kind: claimgraph.MentionName}
	}
	var ms []claimgraph.Mention
	for i := 0; i < 6; i++ {
		ms = append(ms, m(fmt.Sprint("d", i), "Kestrel", claimgraph.TypeORG), m(fmt.Sprint("d", i), "Ostland", claimgraph.TypeLOC))
	}
	ms = append(ms, m("x", "Kestrel", claimgraph.TypeLOC), // a NER slip: follows the majority
		m("y", "Ostland", claimgraph.TypePER), m("y", "Ostland", claimgraph.TypePER)) // a person called so: 6 < 4×2
	r := Resolve(ms, nil, nil)
	if r.Mention[12] != r.Mention[0] {
		t.Error("a name's rare second type did not follow its majority")
	}
	if r.Mention[13] == r.Mention[1] {
		t.Error("a person merged into a place of the same name on a thin majority")
	}
}

func TestResolveStableIDs(t *testing.T) {
	ms, as := corpusMentions(t)
	r1 := Resolve(ms, as, nil)
	shuffled := append([]claimgraph.Mention(nil), ms...)
	perm := rand.New(rand.NewPCG(1, 2)).Perm(len(ms))
	for i, j := range perm {
		shuffled[i] = ms[j]
	}
	r2 := Resolve(shuffled, as, nil)
	if !reflect.DeepEqual(r1.Entities, r2.Entities) {
		t.Fatalf("entities depend on mention order:\n%+v\n%+v", r1.Entities, r2.Entities)
	}
	for i, j := range perm {
		if r2.Mention[i] != r1.Mention[j] {
			t.Fatalf("mention %d resolved differently after shuffling", j)
		}
	}
}

func TestDecisionsMergeSplitRestores(t *testing.T) {
	ms, as := corpusMentions(t)
	base := Resolve(ms, as, nil)
	same(t, ms, base, "Leila Tabari", "Hassan Ali Farahani", false)

	merge := Decision{Op: OpMerge, Names: []string{"Leila Tabari", "Hassan Ali Farahani"}}
	merged := Resolve(ms, as, []Decision{merge})
	same(t, ms, merged, "Leila Tabari", "Hassan Ali Farahani", true)
	same(t, ms, merged, "Farahani", "Leila Tabari", true)
	if len(merged.Entities) != len(base.Entities)-1 {
		t.Errorf("merge: %d entities, want %d", len(merged.Entities), len(base.Entities)-1)
	}

	split := Decision{Op: OpSplit, Names: []string{"Hassan Ali Farahani", "Leila Tabari"}}
	restored := Resolve(ms, as, []Decision{merge, split})
	if !reflect.DeepEqual(base, restored) {
		t.Fatalf("merge then split does not restore the previous result:\n%+v\n%+v", base.Entities, restored.Entities)
	}
}

func TestDecisionSplitUndoesRule(t *testing.T) {
	ms, as := corpusMentions(t)
	ds := []Decision{{Op: OpSplit, Names: []string{"NRC", "FKO"}}, {Op: OpSplit, Names: []string{"Nuri al-Hakimi", "Nouri al-Hakimi"}}}
	r := Resolve(ms, as, ds)
	same(t, ms, r, "NRC", "FKO", false)
	same(t, ms, r, "Fedayin", "FKO", true) // other assertions still apply
	same(t, ms, r, "Nuri al-Hakimi", "Nouri al-Hakimi", false)
}

func TestDecisionsSurviveNewMentions(t *testing.T) {
	ms, as := corpusMentions(t)
	ds := []Decision{
		{Op: OpMerge, Names: []string{"Leila Tabari", "Mohammed Karimi"}},
		{Op: OpRename, Names: []string{"FKO"}, To: "Fedayin-e Khalq"},
		{Op: OpType, Names: []string{"Estekhdamat"}, To: claimgraph.TypeLOC},
		{Op: OpMerge, Names: []string{"Shadow Unit", "Nordhilfe"}},
	}
	r1 := Resolve(ms, as, ds)
	if want := []string{"nordhilfe", "shadow unit"}; !reflect.DeepEqual(r1.Unmatched, want) {
		t.Errorf("unmatched = %q, want %q", r1.Unmatched, want)
	}
	text := `Leila Tabari returned. The Shadow Unit, also called Nordhilfe, paid her.`
	a := analysis(t, text, "PER:Leila Tabari", "ORG:Shadow Unit", "ORG:Nordhilfe")
	more := append(append([]claimgraph.Mention(nil), ms...), Mentions("e", text, a, nil)...)
	r2 := Resolve(more, as, ds)
	for _, r := range []*Result{r1, r2} {
		same(t, more[:len(ms)], r, "Leila Tabari", "Mohammed Karimi", true)
		es := r.Lookup("FKO")
		if len(es) != 1 || es[0].Name != "Fedayin-e Khalq" {
			t.Errorf("rename lost: %+v", es)
		}
		if es := r.Lookup("Istekhdamat"); len(es) != 1 || es[0].Type != claimgraph.TypeLOC {
			t.Errorf("retype lost: %+v", es)
		}
	}
	same(t, more, r2, "Shadow Unit", "Nordhilfe", true)
	if len(r2.Unmatched) != 0 {
		t.Errorf("unmatched after the names arrived: %q", r2.Unmatched)
	}
}

// TestHedgedNameKept checks that a hedge before a name stays in the
// mention's span and among the entity's aliases, while the name, its keys
// and the canonical name go without it.
func TestHedgedNameKept(t *testing.T) {
	text := `The so-called Northern Front took the town. Later the Northern Front left.`
	a := analysis(t, text, "ORG:Northern Front")
	ms := Mentions("h", text, a, nil)
	if len(ms) != 2 || ms[0].Text != "so-called Northern Front" || ms[0].Name != "Northern Front" || text[ms[0].Start:ms[0].End] != ms[0].Text {
		t.Fatalf("mentions: %+v", ms)
	}
	r := Resolve(ms, nil, nil)
	es := r.Lookup("Northern Front")
	if len(es) != 1 || es[0].Name != "Northern Front" {
		t.Fatalf("entities: %+v", es)
	}
	var hedged bool
	for _, al := range es[0].Aliases {
		hedged = hedged || al.Name == "so-called Northern Front"
	}
	if !hedged {
		t.Errorf("aliases lack the hedged form: %+v", es[0].Aliases)
	}
	if got := r.Lookup("so-called Northern Front"); len(got) != 1 || got[0].ID != es[0].ID {
		t.Errorf("Lookup of the hedged form: %+v", got)
	}
}

// TestGenericWordsDoNotJoin: organizations sharing only words that name a
// kind of body are not joined by a rule; a specific short name still is.
func TestGenericWordsDoNotJoin(t *testing.T) {
	docs := []struct {
		id, text string
		ents     []string
	}{
		{"g1", `The Party of Regions won the vote. The Popular Front of Lyra marched. Kestrel Shipping Lines cut jobs.`,
			[]string{"ORG:Party of Regions", "ORG:Popular Front of Lyra", "ORG:Kestrel Shipping Lines"}},
		{"g2", `The Party met on Sunday. The Popular Front said nothing. Kestrel said it would appeal.`,
			[]string{"ORG:Party", "ORG:Popular Front", "ORG:Kestrel"}},
	}
	var ms []claimgraph.Mention
	for _, d := range docs {
		ms = append(ms, Mentions(d.id, d.text, analysis(t, d.text, d.ents...), nil)...)
	}
	r := Resolve(ms, nil, nil)
	same(t, ms, r, "Party", "Party of Regions", false)
	same(t, ms, r, "Popular Front", "Popular Front of Lyra", false)
	same(t, ms, r, "Kestrel", "Kestrel Shipping Lines", true)
	// Each rule link keeps a mention of both names, with document and span.
	for _, l := range r.Links {
		if l.Rule == RuleShort {
			if len(l.Mentions) != 2 || l.Mentions[0].Doc == "" || l.Mentions[1].Doc == "" || l.Mentions[0].End <= l.Mentions[0].Start {
				t.Errorf("rule link without its mentions: %+v", l)
			}
		}
	}
}

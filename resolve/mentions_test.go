package resolve

import (
	"testing"

	"github.com/claimgraph/claimgraph"
)

const chainText = `Ghorban Ali Tavakoli said the talks in Basra went well. Tavakoli was quoted by a local paper as saying so. "It was fine," the defected member of the group stated. Iraqi Prime Minister Nouri al-Hakimi disagreed, and Hakimi's office said so. Leila Tabari and Reza Tabari both spoke. Tabari said nothing more. Faisal Haddad was absent; Faisal had left. The Western Trade Council (WTC) objected; the WTC has 40 members.`

func TestMentionsChains(t *testing.T) {
	a := analysis(t, chainText,
		"PER:Ghorban Ali Tavakoli", "PER:Tavakoli", "LOC:Basra", "PER:Prime Minister Nouri al-Hakimi", "PER:Hakimi",
		"PER:Leila Tabari", "PER:Reza Tabari", "PER:Tabari", "PER:Faisal Haddad", "PER:Faisal", "ORG:Western Trade Council")
	ms := Mentions("d1", chainText, a, nil)
	checkMentionSpans(t, chainText, ms)

	chainOf := func(text string) int {
		t.Helper()
		got := find(ms, text)
		if len(got) == 0 {
			t.Fatalf("no mention %q in %+v", text, ms)
		}
		return got[0].Chain
	}
	for _, c := range []struct{ text, name string }{
		// The title is cut from the span as from the name.
		{"Nouri al-Hakimi", "Nouri al-Hakimi"},
		{"Hakimi", "Nouri al-Hakimi"},
		{"Tavakoli", "Ghorban Ali Tavakoli"},
		{"Faisal", "Faisal Haddad"},
		{"WTC", "WTC"},
	} {
		got := find(ms, c.text)
		if len(got) == 0 || got[0].Name != c.name {
			t.Errorf("mention %q: got %+v, want name %q", c.text, got, c.name)
		}
	}
	if chainOf("Hakimi") != chainOf("Nouri al-Hakimi") {
		t.Error("possessive surname not chained to the full name")
	}
	if chainOf("WTC") != chainOf("Western Trade Council") {
		t.Error("acronym not chained to the name it spells")
	}
	if chainOf("Faisal") == chainOf("Tavakoli") {
		t.Error("two people in one chain")
	}
	if w := find(ms, "WTC"); len(w) != 2 || w[0].Kind != claimgraph.MentionAcronym || w[0].Type != claimgraph.TypeORG {
		t.Errorf("acronyms NER missed: %+v", w)
	}
	bare := find(ms, "Tabari")
	if len(bare) != 1 || !bare[0].Ambiguous || bare[0].Name != "Tabari" {
		t.Errorf("bare surname of two people: %+v, want ambiguous and unguessed", bare)
	}
	if chainOf("Leila Tabari") == chainOf("Reza Tabari") {
		t.Error("two people sharing a family name chained")
	}
	desc := find(ms, "the defected member of the group")
	if len(desc) != 1 || desc[0].Kind != claimgraph.MentionDescription || desc[0].Chain != chainOf("Tavakoli") {
		t.Errorf("description: %+v, want linked to Tavakoli's chain %d", desc, chainOf("Tavakoli"))
	}
}

func TestMentionsDescriptions(t *testing.T) {
	text := `Said Ali Jafari, a senior member of the council, resigned. Jafari met Omar Nasser later. Nasser said so. The senior member left first.`
	a := analysis(t, text, "PER:Said Ali Jafari", "PER:Jafari", "PER:Omar Nasser", "PER:Nasser")
	ms := Mentions("d", text, a, nil)
	checkMentionSpans(t, text, ms)
	app := find(ms, "a senior member of the council")
	if len(app) != 1 || app[0].Name != "Said Ali Jafari" {
		t.Errorf("apposition: %+v", app)
	}
	if d := find(ms, "The senior member"); len(d) != 0 {
		t.Errorf("description with two subjects in scope was linked: %+v", d)
	}
	// One subject among several people: "X revealed ... Y's regime".
	text = `Said Ali Jafari met the press. Jafari revealed that Omar Nasser's men had left. The senior member then went home.`
	a = analysis(t, text, "PER:Said Ali Jafari", "PER:Jafari", "PER:Omar Nasser")
	ms = Mentions("d", text, a, nil)
	if d := find(ms, "The senior member"); len(d) != 1 || d[0].Name != "Said Ali Jafari" {
		t.Errorf("description after one subject: %+v", d)
	}
}

func TestMentionsAssertedNames(t *testing.T) {
	text := `The Northern Relief Union (also known as Nordhilfe) opened an office.`
	a := analysis(t, text, "ORG:Northern Relief Union")
	as := []claimgraph.AliasAssertion{{Doc: "d", Name: "Northern Relief Union", Alias: "Nordhilfe", Pattern: "also-known-as", Start: 4, End: 51, Evidence: text[4:51]}}
	ms := Mentions("d", text, a, as)
	checkMentionSpans(t, text, ms)
	n := find(ms, "Nordhilfe")
	if len(n) != 1 || n[0].Type != claimgraph.TypeORG {
		t.Fatalf("asserted name NER missed: %+v", ms)
	}
	if n[0].Chain == find(ms, "Northern Relief Union")[0].Chain {
		t.Error("an assertion joined a chain: it must only join by an undoable rule in Resolve")
	}
}

func TestMentionsWithoutAnalysis(t *testing.T) {
	text := "The NRU and the IMF met."
	ms := Mentions("d", text, nil, nil)
	checkMentionSpans(t, text, ms)
	if len(ms) != 2 {
		t.Fatalf("acronym fallback without NER: %+v", ms)
	}
}

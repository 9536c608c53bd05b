package nlp

import (
	"reflect"
	"slices"
	"testing"
)

// With the agreeing recognizer, a name is kept where the second finds a
// name of its type over some of its words, after the same rules: the
// pair's names are the first recognizer's, fewer (the document's rules, which run
// after, may still add names: none here).
func TestAgreementKeepsSharedNames(t *testing.T) {
	p := Default()
	if len(p.agree) == 0 {
		t.Skip("no agreeing recognizer embedded")
	}
	text := "Agents of Kazakhstan's Dzhardemov (former secret service) watched the border.\n" +
		"Prime Minister Nouri al-Maliki met reporters in Baghdad on Monday."
	first := firstRecognizer().Analyze(text).Entities
	pair := p.Analyze(text).Entities
	for _, e := range pair {
		if !slices.Contains(first, e) {
			t.Errorf("the pair found %s %q, which the first recognizer alone does not", e.Type, e.Text)
		}
	}
	has := func(ents []Entity, name string) bool {
		return slices.ContainsFunc(ents, func(e Entity) bool { return e.Text == name })
	}
	// The agreeing recognizer misses Dzhardemov; both find Baghdad.
	if !has(first, "Dzhardemov") || has(pair, "Dzhardemov") {
		t.Errorf("Dzhardemov: first %v, pair %v; want found by the first alone", first, pair)
	}
	if !has(pair, "Baghdad") {
		t.Errorf("Baghdad not found by the pair: %v", pair)
	}
	// The first recognizer's words are kept where the second reads fewer
	// of them ("Holt" alone).
	if q := p.Analyze("Lena Holt: \"We will rebuild the bridge.\"").Entities; len(q) != 1 || q[0].Text != "Lena Holt" {
		t.Errorf("Lena Holt: the pair found %v", q)
	}
	// A recognizer agrees with itself.
	self := firstRecognizer().WithAgreement(p.ner).Analyze(text).Entities
	if !reflect.DeepEqual(self, first) {
		t.Errorf("agreeing with itself: %v, want %v", self, first)
	}
}

// With two more recognizers a name needs one of them (more than half of
// three): the first recognizer voting again keeps all its names, and two
// copies of the second keep what the second alone keeps.
func TestAgreementMajority(t *testing.T) {
	p := Default()
	if len(p.agree) == 0 {
		t.Skip("no agreeing recognizer embedded")
	}
	text := "Agents of Kazakhstan's Dzhardemov (former secret service) watched the border.\n" +
		"Prime Minister Nouri al-Maliki met reporters in Baghdad on Monday.\n" +
		"Lena Holt: \"We will rebuild the bridge.\""
	first := firstRecognizer()
	second := p.agree[0]
	want := first.Analyze(text).Entities
	if got := first.WithAgreement(second, first.ner).Analyze(text).Entities; !reflect.DeepEqual(got, want) {
		t.Errorf("the second and the first itself voting: %v, want the first's %v", got, want)
	}
	want = first.WithAgreement(second).Analyze(text).Entities
	if got := first.WithAgreement(second, second).Analyze(text).Entities; !reflect.DeepEqual(got, want) {
		t.Errorf("the second voting twice: %v, want the pair's %v", got, want)
	}
	if got := first.WithAgreement(nil, second, nil).Analyze(text).Entities; !reflect.DeepEqual(got, want) {
		t.Errorf("nil recognizers voting: %v, want the pair's %v", got, want)
	}
}

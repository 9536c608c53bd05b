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
	if p.agree == nil {
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

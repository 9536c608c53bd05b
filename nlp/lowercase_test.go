package nlp

import (
	"slices"
	"testing"
)

// A word the dictionary lists in lower case, written so, is no name
// ("devil", "earth", "turkey" the bird); web text's lower-case names that
// are no dictionary words stay ("peru").
func TestLowerCaseCommonWordsAreNoNames(t *testing.T) {
	tests := []struct {
		text string
		want []string // entity texts, in order
	}{
		{"The evil one is the devil himself, he has said.", nil},
		{"We sat there between earth and the open sky.", nil},
		{"Dinner was roasted turkey and mashed potatoes.", nil},
		{"She moved from peru to Canada last year.", []string{"peru", "Canada"}},
		{"They flew to Kingston on Monday.", []string{"Kingston"}},
	}
	p := Default()
	for _, tt := range tests {
		var got []string
		for _, e := range p.Analyze(tt.text).Entities {
			got = append(got, e.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: entities %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A ruler's or pope's number is part of their name.
func TestRegnalNumbersInNames(t *testing.T) {
	a := Default().Analyze("King Charles III met Pope John Paul II in London. Louis XIV built Versailles.")
	got := map[string]bool{}
	for _, e := range a.Entities {
		got[e.Type+" "+e.Text] = true
	}
	for _, want := range []string{"PER Charles III", "PER John Paul II", "PER Louis XIV", "LOC London"} {
		if !got[want] {
			t.Errorf("%s not found; entities %v", want, a.Entities)
		}
	}
}

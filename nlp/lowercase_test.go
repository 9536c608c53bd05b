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

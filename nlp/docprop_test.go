package nlp

import (
	"strings"
	"testing"
)

func TestAcronym(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Housing Authority of New Orleans", "HANO"},
		{"Greater New Orleans Fair Housing Action Center", "GNOFHAC"},
		{"the Coalition Provisional Authority", "CPA"},
		{"Department of Housing and Urban Development", "DHUD"},
		{"Mujahedin-e Khalq Organization", "MKO"},
		{"Mujahedin - e Khalq Organization", "MKO"}, // a treebank's split
		{"Maria Lopez", ""},              // two letters are too few to trust
		{"Bank of america Holdings", ""}, // a word without a capital
		{"Ægir Energy Systems", ""},      // initials beyond A-Z are not spelt
	}
	for _, tt := range tests {
		if got := acronym(strings.Fields(tt.name)); got != tt.want {
			t.Errorf("acronym(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A name's acronym found elsewhere in the document becomes an entity of
// the name's type; an acronym that spells no found name does not.
func TestPropagateAcronym(t *testing.T) {
	text := "The Housing Authority of New Orleans ( HANO ) closed the site. " +
		"Residents said HANO never replied. The ABC office stayed shut."
	a := &Analysis{Text: text}
	a.Tokens = Tokenize(text)
	a.Sentences = SplitSentences(text, a.Tokens)
	first := -1
	for i, tk := range a.Tokens {
		if tk.Text == "Housing" {
			first = i
		}
	}
	if first < 0 || a.Tokens[first+4].Text != "Orleans" {
		t.Fatalf("tokens %v", a.Tokens)
	}
	a.Entities = []Entity{{
		First: first, Limit: first + 5, Start: a.Tokens[first].Start, End: a.Tokens[first+4].End,
		Text: "Housing Authority of New Orleans", Type: "ORG", Confidence: 0.9,
	}}
	propagate(a)
	var got []string
	for _, e := range a.Entities {
		if text[e.Start:e.End] != e.Text || e.Limit-e.First < 1 {
			t.Errorf("entity %+v does not match the text", e)
		}
		got = append(got, e.Text+"/"+e.Type)
	}
	want := "Housing Authority of New Orleans/ORG HANO/ORG HANO/ORG"
	if strings.Join(got, " ") != want {
		t.Errorf("entities %v, want %s", got, want)
	}
	for _, e := range a.Entities[1:] {
		if e.Confidence >= 0.9 {
			t.Errorf("added %q with confidence %.2f, want below the model's own", e.Text, e.Confidence)
		}
	}
}

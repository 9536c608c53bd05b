package nlp

import (
	"strings"
	"testing"
)

// Each word's evidence comes from the document's other sentences and
// other occurrences, never from the word itself: a sentence's first word,
// a line of capitals and punctuation say nothing.
func TestDocCaseElsewhere(t *testing.T) {
	doc := []string{
		"Holga makes cheap cameras .",
		"I bought a Holga and a canon lens from Canon .",
		"THE HOLGA CAMERA COMPANY SELLS WELL",
		"the march ended in March .",
		"Smith said so .",
	}
	d := docCase{}
	var sents [][]string
	for _, s := range doc {
		w := strings.Fields(s)
		sents = append(sents, w)
		d.add(w)
	}
	tests := []struct {
		sent, word int
		want       uint8
	}{
		{0, 0, caseCapElsewhere},   // "Holga" first: mid-sentence in the second
		{1, 3, 0},                  // "Holga" mid-sentence: the first's is a sentence start
		{1, 6, caseCapElsewhere},   // "canon": "Canon" after "from"
		{1, 9, caseLowerElsewhere}, // "Canon": "canon" before it
		{2, 1, caseCapElsewhere},   // "HOLGA" in capitals: "Holga" in the text
		{2, 3, 0},                  // "COMPANY": nowhere else
		{3, 1, caseCapElsewhere},   // "march": "March" at the end
		{3, 4, caseLowerElsewhere}, // "March": "march" before it
		{3, 0, 0},                  // "the": itself only; "THE" in capitals is no evidence
		{4, 0, 0},                  // "Smith": only here
		{4, 2, 0},                  // "so"
		{1, 10, 0},                 // "."
	}
	for _, tt := range tests {
		got := d.elsewhere(sents[tt.sent], nil)[tt.word]
		if got != tt.want {
			t.Errorf("%q in %q: %b, want %b", sents[tt.sent][tt.word], doc[tt.sent], got, tt.want)
		}
	}
}

func TestCapitalsLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"BILLIONAIRE DONALD TRUMP TAKES OVER", true},
		{"Billionaire Donald Trump Takes Over the Plaza", true},
		{"Donald Trump took over the Plaza hotel on Monday", false},
		{"Leeds 2 Chelsea 1", false}, // too few long words to say
	}
	for _, tt := range tests {
		if got := capitalsLine(strings.Fields(tt.line)); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.line, got, tt.want)
		}
	}
}

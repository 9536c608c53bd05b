package sqlite

import (
	"strings"
	"testing"
)

func TestSentenceAround(t *testing.T) {
	tests := []struct {
		text, at, want string
	}{
		{"First one. Gen. Smith met Mr. Jones in Paris. Last one.", "Paris", "Gen. Smith met Mr. Jones in Paris."},
		{"He said: \"We met in June.\" Then he left.", "June", "He said: \"We met in June.\""},
		{"No punctuation at all around the word here", "word", "No punctuation at all around the word here"},
		{"Line one\nThe date was 2014 and so on\nLine three.", "2014", "The date was 2014 and so on"},
		{"Is it true? Yes, said J. Doe on Monday! More.", "Monday", "Yes, said J. Doe on Monday!"},
		{"Version 2.5 shipped in May. Next.", "May", "Version 2.5 shipped in May."},
		{"Café owners met in Zürich. Après.", "Zürich", "Café owners met in Zürich."},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.at)
		s, e := sentenceAround(tt.text, i, i+len(tt.at))
		if got := tt.text[s:e]; got != tt.want {
			t.Errorf("sentenceAround(%q, %q) = %q, want %q", tt.text, tt.at, got, tt.want)
		}
	}
	long := strings.Repeat("word ", 400) + "target " + strings.Repeat("word ", 400)
	i := strings.Index(long, "target")
	s, e := sentenceAround(long, i, i+6)
	if e-s > 2*maxSentenceBytes+6 || s > i || e < i+6 {
		t.Errorf("unpunctuated text gave [%d, %d) around %d", s, e, i)
	}
}

func TestFTSWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MKO ties", `"MKO" "ties"`},
		{`"unbalanced (NEAR* OR`, `"unbalanced" "NEAR" "OR"`},
		{"col:value ^start", `"col" "value" "start"`},
		{"  ", ""},
		{"al-Maliki's", `"al" "Maliki" "s"`},
		{"Zürich 2014", `"Zürich" "2014"`},
	}
	for _, tt := range tests {
		if got := ftsWords(tt.in); got != tt.want {
			t.Errorf("ftsWords(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

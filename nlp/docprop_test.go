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

// defineTestAnalysis tokenizes text and gives it the entities ents (each
// "words/TYPE", found at its first occurrence) as the model might.
func defineTestAnalysis(t *testing.T, text string, ents ...string) *Analysis {
	t.Helper()
	a := &Analysis{Text: text}
	a.Tokens = Tokenize(text)
	a.Sentences = SplitSentences(text, a.Tokens)
	for _, spec := range ents {
		name, typ, _ := strings.Cut(spec, "/")
		words := strings.Fields(name)
		found := false
		for i := 0; i+len(words) <= len(a.Tokens) && !found; i++ {
			ok := true
			for k, w := range words {
				ok = ok && a.Tokens[i+k].Text == w
			}
			if ok {
				l := i + len(words)
				a.Entities = append(a.Entities, Entity{Start: a.Tokens[i].Start, End: a.Tokens[l-1].End,
					First: i, Limit: l, Type: typ, Text: text[a.Tokens[i].Start:a.Tokens[l-1].End], Confidence: 0.9})
				found = true
			}
		}
		if !found {
			t.Fatalf("%q not in %q", name, text)
		}
	}
	return a
}

// A name defined with its acronym in parentheses is one entity, and so is
// the acronym wherever it stands, typed by the definition.
func TestPropagateDefinedAcronym(t *testing.T) {
	tests := []struct {
		name, text string
		model      []string // what the model found
		want       string
	}{{
		name:  "the model split the name and typed the acronym a person",
		text:  "The Islamic State of Iraq and Syria (ISIS) took Mosul. Then the ISIS fighters left.",
		model: []string{"Iraq/LOC", "Syria/LOC", "Mosul/LOC", "ISIS/PER"},
		want:  "Islamic State of Iraq and Syria/ORG ISIS/ORG Mosul/LOC ISIS/ORG",
	}, {
		name:  "the model's type for the whole name stands",
		text:  "The United Arab Emirates (UAE) said so. Then the UAE did not.",
		model: []string{"United Arab Emirates/LOC"},
		want:  "United Arab Emirates/LOC UAE/LOC UAE/LOC",
	}, {
		name:  "the head word's type: Center, not Johnson",
		text:  "He trained at the Johnson Space Center (JSC) in Houston.",
		model: []string{"Johnson/PER", "Space Center/LOC", "Houston/LOC"},
		want:  "Johnson Space Center/LOC JSC/LOC Houston/LOC",
	}, {
		name:  "capitalized words that are no name stay out",
		text:  "The Chief Executive Officer (CEO) of Acme Corp resigned.",
		model: []string{"Acme Corp/ORG"},
		want:  "Acme Corp/ORG",
	}, {
		name:  "an acronym in quotes, of two letters for a name of two words",
		text:  "Under the deal with Northwind Bank (\"NB\"), NB may sell the notes.",
		model: []string{"Northwind Bank/ORG"},
		want:  "Northwind Bank/ORG NB/ORG NB/ORG",
	}, {
		name:  "an acronym in square brackets",
		text:  "A leader of the Coalition for Safer Streets Today [CSST] spoke. CSST wants lights.",
		model: []string{"Safer Streets/LOC", "CSST/ORG"},
		want:  "Coalition for Safer Streets Today/ORG CSST/ORG CSST/ORG",
	}, {
		name:  "two letters need two capitalized words that are a name",
		text:  "The Prime Minister (PM) met the press at Fairview House (FH).",
		model: []string{},
		want:  "",
	}, {
		name:  "a quote on one side only is no definition",
		text:  "It went to Northwind Bank (\"NB) and so on.",
		model: []string{"Northwind Bank/ORG"},
		want:  "Northwind Bank/ORG",
	}, {
		name:  "letters that do not spell the acronym",
		text:  "The Islamic State of Iraq (ISIS) rose.",
		model: []string{"Iraq/LOC"},
		want:  "Iraq/LOC",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := defineTestAnalysis(t, tt.text, tt.model...)
			propagate(a)
			var got []string
			for _, e := range a.Entities {
				if tt.text[e.Start:e.End] != e.Text {
					t.Errorf("entity %+v does not match the text", e)
				}
				got = append(got, e.Text+"/"+e.Type)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("entities %v, want %s", got, tt.want)
			}
		})
	}
}

// A repeat of a found name right after a sentence's capitalized first word
// is found when that word is a function word, not when it may be part of
// a longer name.
func TestPropagateAfterSentenceStart(t *testing.T) {
	text := "Officials of the MKO spoke. The MKO left. Later MKO returned. Camp MKO opened."
	a := defineTestAnalysis(t, text, "MKO/ORG")
	for i := range a.Tokens {
		switch a.Tokens[i].Text {
		case "The":
			a.Tokens[i].POS = "DET"
		case "Later":
			a.Tokens[i].POS = "ADV"
		case "Camp":
			a.Tokens[i].POS = "PROPN"
		}
	}
	propagate(a)
	n := 0
	for _, e := range a.Entities {
		if e.Text != "MKO" || e.Type != "ORG" {
			t.Errorf("unexpected entity %+v", e)
		}
		if a.Tokens[e.First-1].Text == "Camp" {
			t.Errorf("MKO after Camp taken alone: %+v", e)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d MKO entities, want 3 (after of, The, Later): %+v", n, a.Entities)
	}
}

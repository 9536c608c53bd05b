package nlp

import (
	"strings"
	"testing"
)

func TestLineGenre(t *testing.T) {
	tests := []struct {
		line string
		want Genre
	}{
		{"The club said on Tuesday it had signed the striker .", GenreProse},
		{"He scored 2 goals in 12 games for the club in 1995 .", GenreProse},
		{"Hartlepool 3 Barnet 1", GenreTable},
		{"Hartlepool 3 Barnet 1 ( halftime 2-0 )", GenreTable},
		{"Torquay 6 4 1 1 12 5 13", GenreTable},
		{"Abel Kowalski c Okafor b Lindqvist 45", GenreTable},
		{"Dmitri Vasko not out 12", GenreTable},
		{"3. Lena Ortiz ( Chile ) Team Vela 14 seconds", GenreTable},
		{"Northam 210 and 144 ( K. Abara 5-31 ) , Eastfield 302 .", GenreTable},
		{"OSLO 2001-03-04", GenreDateline},
		{"NORTHAM 69 65 .515 5 1/2", GenreTable},
		{"PORT LOUIS , Mauritius 2001-03-04", GenreDateline},
		{"BILLIONAIRE MAYOR TAKES ON RIVAL IN HARBOUR VOTE", GenreHeadline},
		{"Billionaire Mayor Takes On Rival In Harbour Vote", GenreHeadline},
		{"FOOTBALL - NORTHAM SACK MANAGER AFTER DEFEAT .", GenreHeadline},
		{"", GenreProse},
		{". . .", GenreProse},
		// an e-mail's header and signature lines: stamps, not results
		{"07/30/2001 05:17 PM", GenreProse},
		{"Dana Orlov 974-6721", GenreProse},
		{"Dana Orlov Client Services Phone : ( 713 ) 345-9945 Fax : ( 713 ) 646-8420", GenreHeadline},
		{"Work : 832.676.3177 Fax : 832.676.1329", GenreProse},
		{"Call In # : 888-422-7132", GenreProse},
		// race times and decimals stay a table's numbers
		{"1. Ana Kessler ( Chile ) 3:31.65", GenreTable},
		{"Northam 1234.567 12.5", GenreTable},
	}
	for _, tt := range tests {
		if got := LineGenre(strings.Fields(tt.line)); got != tt.want {
			t.Errorf("LineGenre(%q) = %s, want %s", tt.line, got, tt.want)
		}
	}
}

func TestPhoneNumber(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"345-9945", true}, {"713-654-0365", true}, {"832.676.3177", true}, {"1.888.509.3736", true},
		{"2-1", false}, {"10-12", false}, {"1996-97", false}, {"1234.5678", false}, {"1,820,000", false},
		{"3-1663", false}, {"12345678", false}, {"555--1234", false}, {"-5551234", false},
	} {
		if got := phoneNumber(tt.w); got != tt.want {
			t.Errorf("phoneNumber(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestDocumentGenre(t *testing.T) {
	lines := func(s ...string) [][]string {
		var out [][]string
		for _, l := range s {
			out = append(out, strings.Fields(l))
		}
		return out
	}
	tests := []struct {
		name string
		doc  [][]string
		want DocGenre
	}{
		{"article", lines("MINISTER RESIGNS OVER PORT DEAL .", "OSLO 2001-03-04", "The minister resigned on Tuesday after 12 days of protests ."), DocProse},
		{"one vote count", lines("The court ruled 5-4 on Monday .", "The ruling stands ."), DocProse},
		{"results", lines("FOOTBALL - RESULTS .", "Hartlepool 3 Barnet 1", "Torquay 2 Exeter 2"), DocResults},
		{"report with scores", lines("Northam beat Eastfield 2-1 on Saturday .", "Eastfield had won 3-0 a week before ."), DocResults},
		{"one table line and a score", lines("Northam won 2-1 .", "Torquay 6 4 1 1 12 5 13"), DocResults},
		{"e-mail thread", lines("Dana Orlov 06/01/2000 06:00:56 AM", "Please call Luis about the Tulsa contract .",
			"Luis Ferro - Director 416-865-3703", "11/10/2000 01:04 PM", "Call In # : 888-422-7132"), DocProse},
	}
	for _, tt := range tests {
		if got := DocumentGenre(tt.doc); got != tt.want {
			t.Errorf("%s: DocumentGenre = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestIsScore(t *testing.T) {
	for w, want := range map[string]bool{"2-1": true, "10-12": true, "0-0": true, "1996-97": false, "2-": false, "-2": false, "2-1-0": false, "a-1": false, "123-4": false} {
		if got := isScore(w); got != want {
			t.Errorf("isScore(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestReadCoNLL2003(t *testing.T) {
	const in = `-DOCSTART- -X- O O

FOOTBALL NN I-NP O
- : O O
NORTHAM NNP I-NP I-ORG
WIN VB I-VP O

Hartlepool NNP I-NP I-ORG
3 CD I-NP O
Barnet NNP I-NP I-ORG
1 CD I-NP O

Torquay NNP I-NP I-ORG
2 CD I-NP O
Exeter NNP I-NP I-ORG
2 CD I-NP O

-DOCSTART- -X- O O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
Karl NNP I-NP B-PER
Lind NNP I-NP I-PER
of IN I-PP O
Anglo-Nordic NNP I-NP I-ORG
Shipping NNP I-NP I-ORG
said VBD I-VP O
German JJ I-NP I-MISC
ships NNS I-NP O
. . O O
`
	got, err := parseCoNLL2003(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("%d sentences, want 4", len(got))
	}
	last := got[3]
	wantForms := "Anna Berg Karl Lind of Anglo - Nordic Shipping said German ships ."
	wantLabels := "B-PER I-PER B-PER I-PER O B-ORG I-ORG I-ORG I-ORG O O O O"
	if f, l := strings.Join(last.Forms, " "), strings.Join(last.Labels, " "); f != wantForms || l != wantLabels {
		t.Errorf("got\n%s\n%s\nwant\n%s\n%s", f, l, wantForms, wantLabels)
	}
	if got[0].Doc != 1 || got[3].Doc != 2 {
		t.Errorf("documents %d, %d; want 1, 2", got[0].Doc, got[3].Doc)
	}
	if got[0].DocGenre != DocResults || got[3].DocGenre != DocProse {
		t.Errorf("document genres %s, %s; want results, prose", got[0].DocGenre, got[3].DocGenre)
	}
	if _, err := parseCoNLL2003(strings.NewReader("Anna NNP I-NP X-PER\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad label: err %v, want one naming line 1", err)
	}
}

func FuzzReadCoNLL2003(f *testing.F) {
	f.Add("-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nBerg NNP I-NP B-PER\n")
	f.Add("Anglo-Nordic NNP I-NP I-ORG\n\n\nx O\n")
	f.Add("a\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := parseCoNLL2003(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error does not name the line: %v", err)
			}
			return
		}
		for _, s := range sents {
			if len(s.Forms) != len(s.Labels) || len(s.Forms) == 0 {
				t.Fatalf("%d forms, %d labels", len(s.Forms), len(s.Labels))
			}
			for i, l := range s.Labels {
				if l != "O" && (i == 0 || s.Labels[i-1] == "O") && l[0] == 'I' {
					t.Fatalf("label %d %q opens a name (want B-): %q", i, l, s.Labels)
				}
			}
		}
	})
}

// firstRecognizer is the embedded pipeline without the agreeing
// recognizer: the rules after the model, tested on their own.
func firstRecognizer() *Pipeline {
	p := Default()
	return NewPipeline(p.pos, p.ner)
}

// A descriptor a headline or a sentence's start writes in capitals stays
// outside the name it precedes; mid-sentence a capitalized word before a
// given name is left to the model.
func TestHeadlineDescriptorsOutsideNames(t *testing.T) {
	text := "Billionaire Donald Trump Takes On Rival Hillary Clinton In Ohio\n" +
		"BILLIONAIRE DONALD TRUMP TAKES ON RIVAL HILLARY CLINTON\n" +
		"Rival Hillary Clinton said on Monday she would not debate him.\n" +
		"Pres. Barack Obama spoke later."
	a := Default().Analyze(text)
	got := map[string]int{}
	for _, e := range a.Entities {
		if e.Type == "PER" {
			got[strings.ToLower(e.Text)]++
		}
	}
	for name, n := range map[string]int{"donald trump": 2, "hillary clinton": 3, "barack obama": 1} {
		if got[name] != n {
			t.Errorf("person %q found %d times, want %d; persons %v", name, got[name], n, got)
		}
	}
	for name := range got {
		for _, d := range []string{"billionaire", "rival", "pres."} {
			if strings.HasPrefix(name, d+" ") {
				t.Errorf("person %q begins with the descriptor %q", name, d)
			}
		}
	}
}

func TestCurrencyCodesAreNoPlaces(t *testing.T) {
	// Tokenize splits "US$40" into "US", "$", "40"; the model alone takes
	// the first "US" for a place.
	a := Default().Analyze("The deal is worth US$40 million. It paid AU$55 million for the Sydney stake, and US$3 more.")
	if len(a.Entities) == 0 {
		t.Fatal("no entities: the test needs Sydney found")
	}
	for _, e := range a.Entities {
		if e.Text == "US" || e.Text == "AU" || strings.HasSuffix(e.Text, "$") {
			t.Errorf("currency code %q found as %s", e.Text, e.Type)
		}
	}
}

// A dateline names where a story was filed: a place, whatever the same
// name is in the story ("NEW YORK" the city, "New York" the club).
func TestDatelinePlaces(t *testing.T) {
	doc := [][]string{
		strings.Fields("BASEBALL - NEW YORK BEAT BOSTON ."),
		strings.Fields("NEW YORK 2001-08-30"),
		strings.Fields("New York beat Boston 5-2 on Thursday ."),
		strings.Fields("NEW YORK 74 59 .556 -"),
		strings.Fields("BOSTON 69 65 .515 5"),
	}
	ents := Default().AnalyzeDocument(doc)
	for _, e := range ents[1] {
		if e.Type != "LOC" {
			t.Errorf("dateline name %q is %s, want LOC", strings.Join(doc[1][e.First:e.Limit], " "), e.Type)
		}
	}
	if len(ents[1]) != 1 {
		t.Errorf("dateline: %d names, want 1 (%v)", len(ents[1]), ents[1])
	}
}

func TestHyphenModifier(t *testing.T) {
	for w, want := range map[string]bool{
		"York-based": true, "Ohio-born": true, "UN-sponsored": true, "France-registered": true,
		"Guinea-Bissau": false, "al-Aqsa": false, "Mojahedin-e": false, "Anglo-French": false,
		"well-known": false, "based": false, "-based": false, "Chi-wai": false, "UN-led": false, "Wai-ching": false,
	} {
		if got := hyphenModifier(w); got != want {
			t.Errorf("hyphenModifier(%q) = %v, want %v", w, got, want)
		}
	}
}

// An organization word before "of", "on" or "for" heads one name with the
// capitalized words after it; a company's legal suffix, a day or "and"
// ends it.
func TestOrganizationsWithOf(t *testing.T) {
	a := Default().Analyze("He chairs the Council on Foreign Relations and spoke to the Union of Concerned Scientists.\n" +
		"The Security Council on Tuesday asked Dow Chemical Co of the United States to pay.\n" +
		"The Bank of England and Barclays declined to comment.")
	got := map[string]string{}
	for _, e := range a.Entities {
		got[e.Text] = e.Type
	}
	for name, typ := range map[string]string{
		"Council on Foreign Relations": "ORG", "Union of Concerned Scientists": "ORG", "Security Council": "ORG",
		"United States": "LOC", "Bank of England": "ORG", "Barclays": "ORG",
	} {
		if got[name] != typ {
			t.Errorf("%q: got %q, want %s; entities %v", name, got[name], typ, got)
		}
	}
}

// On a results page a club named after its town is an organization in
// every line, headline, report and table alike (the document's votes are
// pooled across capitalizations); the dateline's town is a place.
func TestResultsPageClubs(t *testing.T) {
	doc := [][]string{
		strings.Fields("SOCCER - LEEDS HOLD CHELSEA AT STAMFORD BRIDGE ."),
		strings.Fields("LONDON 2001-08-30"),
		strings.Fields("Leeds held Chelsea to a 1-1 draw on Saturday ."),
		strings.Fields("Chelsea 1 Leeds 1"),
		strings.Fields("Everton 2 Southampton 0"),
		strings.Fields("Leeds 5 3 1 1 8 4 10"),
		strings.Fields("Everton 5 3 0 2 7 5 9"),
	}
	if g := DocumentGenre(doc); g != DocResults {
		t.Fatalf("document genre %s, want results", g)
	}
	types := map[string]map[string]bool{}
	for i, es := range Default().AnalyzeDocument(doc) {
		for _, e := range es {
			name := strings.ToLower(strings.Join(doc[i][e.First:e.Limit], " "))
			if i == 1 {
				name += " (dateline)"
			}
			if types[name] == nil {
				types[name] = map[string]bool{}
			}
			types[name][e.Type] = true
		}
	}
	for name, want := range map[string]string{"leeds": "ORG", "chelsea": "ORG", "everton": "ORG", "southampton": "ORG", "london (dateline)": "LOC"} {
		if len(types[name]) != 1 || !types[name][want] {
			t.Errorf("%s: types %v, want %s only; all %v", name, types[name], want, types)
		}
	}
}

// A name that ends in a word only organizations end in is one, whatever
// the model read ("Raven Brigade" was typed PER).
func TestOrganizationEndings(t *testing.T) {
	a := Default().Analyze("The Ridgeline Militia, also known as the Raven Brigade, seized the pass.\n" +
		"Villagers said the Raven Brigade had left the valley before dawn.")
	n := 0
	for _, e := range a.Entities {
		if e.Text == "Raven Brigade" || e.Text == "Ridgeline Militia" {
			n += boolInt(e.Text == "Raven Brigade")
			if e.Type != "ORG" {
				t.Errorf("%q typed %s, want ORG", e.Text, e.Type)
			}
		}
	}
	// "Ridgeline Militia" at the sentence's start is missed by the model.
	if n != 2 {
		t.Errorf("%d of the 2 Raven Brigade mentions found; entities %v", n, a.Entities)
	}
}

package eval

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

func TestSameName(t *testing.T) {
	text := "Maria Lind spoke. Lind said so."
	src := [][2]int{{18, 22}} // "Lind"
	tests := []struct {
		name string
		want bool
	}{
		{"Maria Lind", true},
		{"lind", true},
		{"Lindqvist", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := sameName(tt.name, text, src); got != tt.want {
			t.Errorf("sameName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestHalfOverlap(t *testing.T) {
	tests := []struct {
		a0, a1, b0, b1 int
		want           bool
	}{
		{0, 10, 0, 10, true},
		{0, 10, 5, 10, true},  // overlap 5 of longer 10
		{0, 10, 6, 20, false}, // overlap 4 of longer 14
		{0, 10, 10, 20, false},
		{0, 4, 1, 3, true},
	}
	for _, tt := range tests {
		if got := halfOverlap(tt.a0, tt.a1, tt.b0, tt.b1); got != tt.want {
			t.Errorf("halfOverlap(%d,%d,%d,%d) = %v, want %v", tt.a0, tt.a1, tt.b0, tt.b1, got, tt.want)
		}
	}
}

// TestScoreQuotes scores hand-written predictions against the harbor
// fixture: one right quote with the right speaker and cue, one matched with a
// wrong speaker and cue, one spurious; two gold contents are missed.
func TestScoreQuotes(t *testing.T) {
	d, err := ReadBratFile("testdata/brat/harbor.ann")
	if err != nil {
		t.Fatal(err)
	}
	span := func(s, e int) claimgraph.TextSpan { return claimgraph.TextSpan{Text: d.Text[s:e], Start: s, End: e} }
	byText := func(prefix string) BratSpan {
		for _, s := range d.Ann.Spans {
			if strings.HasPrefix(s.Text, prefix) {
				return s
			}
		}
		t.Fatalf("no span starting %q", prefix)
		return BratSpan{}
	}
	content, source, cue := byText("We searched"), byText("harbor master"), byText("told")
	denied := byText("its tankers")
	pred := []claimgraph.Quote{
		{Content: span(content.Start, content.End-1), Cue: span(cue.Start, cue.End),
			Speaker: &claimgraph.Speaker{Start: source.Start + 14, End: source.End}},
		{Content: span(denied.Start, denied.End), Cue: span(0, 4),
			Speaker: &claimgraph.Speaker{Start: 0, End: 4}},
		{Content: span(0, 20)},
	}
	sc := ScoreQuotes([]BratDoc{d}, func(name, text string) []claimgraph.Quote { return pred })
	if sc.Gold != 4 || sc.Predicted != 3 || sc.Matched != 2 {
		t.Fatalf("gold/predicted/matched = %d/%d/%d, want 4/3/2", sc.Gold, sc.Predicted, sc.Matched)
	}
	if sc.SpeakerScored != 2 || sc.SpeakerCorrect != 1 || sc.CueScored != 2 || sc.CueCorrect != 1 {
		t.Errorf("speaker %d/%d cue %d/%d, want 1/2 and 1/2", sc.SpeakerCorrect, sc.SpeakerScored, sc.CueCorrect, sc.CueScored)
	}
	if sc.Precision != 2.0/3 || sc.Recall != 0.5 {
		t.Errorf("P/R = %v/%v, want 2/3 and 1/2", sc.Precision, sc.Recall)
	}
	classes := map[string]int{}
	for _, e := range sc.Errors {
		classes[e.Class]++
	}
	if classes["spurious"] != 1 || classes["missed"] != 2 || classes["speaker"] != 1 || classes["cue"] != 1 {
		t.Errorf("error classes = %v", classes)
	}
}

// TestScoreQuotesParagraphs: one predicted quote continued over two
// paragraphs matches both content spans of its attribution.
func TestScoreQuotesParagraphs(t *testing.T) {
	text := "\"First part.\n\n\"Second part,\" she said."
	ann, err := ParseBratAnn(strings.NewReader("T1\tContent 1 12\tFirst part.\nT2\tContent 15 27\tSecond part,\nT3\tSource 29 32\tshe\nT4\tCue 33 37\tsaid\nE1\tCue:T4 Source:T3 Content:T1 Content2:T2\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := BratDoc{Name: "p", Text: text, Ann: ann}
	if err := ann.toBytes(text); err != nil {
		t.Fatal(err)
	}
	pred := []claimgraph.Quote{{
		Content: claimgraph.TextSpan{Text: text[1:27], Start: 1, End: 27},
		Speaker: &claimgraph.Speaker{Start: 29, End: 32}, Cue: claimgraph.TextSpan{Start: 33, End: 37},
	}}
	sc := ScoreQuotes([]BratDoc{d}, func(string, string) []claimgraph.Quote { return pred })
	if sc.Matched != 2 || sc.Precision != 1 || sc.Recall != 1 {
		t.Errorf("matched %d, P %v, R %v; want 2, 1, 1", sc.Matched, sc.Precision, sc.Recall)
	}
}

// TestScoreQuotesFragmentsAndAntecedent: a prediction covering one fragment
// of a discontinuous gold content matches it; a speaker that is the
// antecedent of a gold relative-pronoun source is right; breakdowns count
// by form and cue class.
func TestScoreQuotesFragmentsAndAntecedent(t *testing.T) {
	text := `"We will build the bridge," she said, "and we will pay for it." The mayor, who believes the plan is sound, spoke later.`
	ann := "T1\tContent 0 27;38 63\t" + `"We will build the bridge," "and we will pay for it."` + "\n" +
		"T2\tSource 28 31\tshe\nT3\tCue 32 36\tsaid\n" +
		"E1\tCue:T3 Source:T2 Content:T1\n" +
		"T4\tSource 75 78\twho\nT5\tCue 79 87\tbelieves\nT6\tContent 88 105\tthe plan is sound\n" +
		"E2\tCue:T5 Source:T4 Content:T6\n"
	a, err := ParseBratAnn(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.toBytes(text); err != nil {
		t.Fatal(err)
	}
	d := BratDoc{Name: "bridge", Text: text, Ann: a}
	span := func(s, e int) claimgraph.TextSpan { return claimgraph.TextSpan{Text: text[s:e], Start: s, End: e} }
	pred := []claimgraph.Quote{
		// Only the first fragment: under half of the whole, half of the fragment.
		{Kind: claimgraph.QuoteDirect, Content: span(1, 25), Speaker: &claimgraph.Speaker{Start: 28, End: 31, Text: "she"}, Cue: span(32, 36), CueLemma: "say"},
		{Kind: claimgraph.QuoteIndirect, Content: span(88, 105), Speaker: &claimgraph.Speaker{Start: 64, End: 73, Text: "The mayor"}, Cue: span(79, 87), CueLemma: "believe"},
	}
	sc := ScoreQuotes([]BratDoc{d}, func(string, string) []claimgraph.Quote { return pred })
	if sc.Matched != 2 || sc.Precision != 1 || sc.SpeakerCorrect != 2 {
		t.Fatalf("matched %d, precision %.2f, speakers %d/%d; errors %+v", sc.Matched, sc.Precision, sc.SpeakerCorrect, sc.SpeakerScored, sc.Errors)
	}
	if b := sc.ByForm[claimgraph.QuoteDirect]; b == nil || b.Gold != 1 || b.Matched != 1 {
		t.Errorf("by_form direct: %+v", b)
	}
	if b := sc.ByCue["other"]; b == nil || b.Gold != 1 || b.Correct != 1 {
		t.Errorf("by_cue other: %+v", b)
	}
	// A speaker in another sentence is not the antecedent.
	pred[1].Speaker = &claimgraph.Speaker{Start: 1, End: 3, Text: "We"}
	if sc := ScoreQuotes([]BratDoc{d}, func(string, string) []claimgraph.Quote { return pred }); sc.SpeakerCorrect != 1 {
		t.Errorf("speaker across a sentence end accepted: %d correct", sc.SpeakerCorrect)
	}
}

func TestCueClass(t *testing.T) {
	for cue, want := range map[string]string{"said": "speech", "according to": "speech", "has also said": "speech", "―": "speech",
		"believes": "other", "called for": "other", "shows": "other", "accused": "other"} {
		if got := CueClass(cue); got != want {
			t.Errorf("CueClass(%q) = %s, want %s", cue, got, want)
		}
	}
}

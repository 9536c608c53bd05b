package timex

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/golden"
)

const dct = "2015-02-15" // a Sunday

// want is one expected expression: its text, type, value with the DCT above,
// value without a DCT, and mod.
type want struct {
	text, typ, val, valNoDCT, mod string
}

// TestFamilies covers every expression family of the issue with sentences of
// our own, once with a creation time and once without.
func TestFamilies(t *testing.T) {
	tests := []struct {
		family, in string
		want       []want
	}{
		{"absolute date", "The treaty was signed on September 11, 2013 in Geneva.", []want{{"September 11, 2013", "DATE", "2013-09-11", "2013-09-11", ""}}},
		{"absolute date, day first", "Talks began on 3 March 2012.", []want{{"3 March 2012", "DATE", "2012-03-03", "2012-03-03", ""}}},
		{"month and year", "Prices fell sharply in December 2011.", []want{{"December 2011", "DATE", "2011-12", "2011-12", ""}}},
		{"year", "The company was founded in 1965 by two brothers.", []want{{"1965", "DATE", "1965", "1965", ""}}},
		{"decade", "Inflation soared in the 1970s.", []want{{"the 1970s", "DATE", "197", "197", ""}}},
		{"decade without article", "Officers were killed in 1970s.", []want{{"1970s", "DATE", "197", "197", ""}}},
		{"century", "The bridge dates from the 19th century.", []want{{"the 19th century", "DATE", "18", "18", ""}}},
		{"mid year", "Output peaked in mid-2014.", []want{{"mid-2014", "DATE", "2014", "2014", "MID"}}},
		{"early year", "The plant closes in early 2016.", []want{{"early 2016", "DATE", "2016", "2016", "START"}}},
		{"iso date", "The filing is dated 2013-09-11.", []want{{"2013-09-11", "DATE", "2013-09-11", "2013-09-11", ""}}},
		{"slashed date", "The memo of 7/8/07 was leaked.", []want{{"7/8/07", "DATE", "2007-07-08", "2007-07-08", ""}}},
		{"quarter", "Sales rose in the first quarter of 2014.", []want{{"the first quarter of 2014", "DATE", "2014-Q1", "2014-Q1", ""}}},
		{"season of year", "The dam burst in the summer of 2010.", []want{{"the summer of 2010", "DATE", "2010-SU", "2010-SU", ""}}},
		{"range, short end", "He was mayor 1980-88 and later senator.", []want{{"1980-88", "DATE", "1980/1988", "1980/1988", ""}}},
		{"range in parentheses", "She fought in the war (1980-1988) as a nurse.", []want{{"1980-1988", "DATE", "1980/1988", "1980/1988", ""}}},
		{"range in words", "He lived abroad from 2011 to 2013.", []want{
			{"from 2011 to 2013", "DURATION", "P2Y", "P2Y", ""}, {"2011", "DATE", "2011", "2011", ""}, {"2013", "DATE", "2013", "2013", ""}}},
		{"last month name", "The rebels seized the town last June.", []want{{"last June", "DATE", "2014-06", "", ""}}},
		{"last season", "The river flooded last summer.", []want{{"last summer", "DATE", "2014-SU", "", ""}}},
		{"ago", "The office opened two months ago.", []want{{"two months ago", "DATE", "2014-12", "", ""}}},
		{"weekday, past", "The minister resigned on Wednesday.", []want{{"Wednesday", "DATE", "2015-02-11", "", ""}}},
		{"weekday, future", "The minister will resign on Wednesday.", []want{{"Wednesday", "DATE", "2015-02-18", "", ""}}},
		{"earlier this month", "The council had earlier this month voted against it.", []want{{"earlier this month", "DATE", "2015-02", "", ""}}},
		{"this year", "Exports will grow this year.", []want{{"this year", "DATE", "2015", "", ""}}},
		{"yesterday", "The talks collapsed yesterday.", []want{{"yesterday", "DATE", "2015-02-14", "", ""}}},
		{"next week", "The talks will resume next week.", []want{{"next week", "DATE", "2015-W08", "", ""}}},
		{"following year", "The dam was finished in 2009. The following year it failed.", []want{
			{"2009", "DATE", "2009", "2009", ""}, {"The following year", "DATE", "2010", "2010", ""}}},
		{"month by tense, past", "The election was held in June.", []want{{"June", "DATE", "2014-06", "", ""}}},
		{"month by tense, future", "The election will be held in June.", []want{{"June", "DATE", "2015-06", "", ""}}},
		{"hyphenated days", "They set a 40-day deadline.", []want{{"40-day", "DURATION", "P40D", "P40D", ""}}},
		{"hyphenated years", "The 5-year plan failed.", []want{{"5-year", "DURATION", "P5Y", "P5Y", ""}}},
		{"more than four decades", "The feud lasted more than four decades.", []want{{"more than four decades", "DURATION", "P40Y", "P40Y", "MORE_THAN"}}},
		{"three years", "He spent three years in prison.", []want{{"three years", "DURATION", "P3Y", "P3Y", ""}}},
		{"half years", "It took two and a half years.", []want{{"two and a half years", "DURATION", "P2.5Y", "P2.5Y", ""}}},
		{"vague duration", "The case dragged on for several years.", []want{{"several years", "DURATION", "PXY", "PXY", ""}}},
		{"every year", "The festival is held every year.", []want{{"every year", "SET", "P1Y", "P1Y", ""}}},
		{"annually", "The report is published annually.", []want{{"annually", "SET", "P1Y", "P1Y", ""}}},
		{"every weekday", "The market opens every Monday.", []want{{"every Monday", "SET", "XXXX-WXX-1", "XXXX-WXX-1", ""}}},
		{"rate", "The plant makes 15 a year.", []want{{"a year", "SET", "P1Y", "P1Y", ""}}},
		{"clock time", "The polls close at 3 p.m. sharp.", []want{{"3 p.m.", "TIME", "2015-02-15T15:00", "", ""}}},
		{"clock time in UTC", "The craft landed at 08:30 UTC.", []want{{"08:30 UTC", "TIME", "2015-02-15T08:30Z", "", ""}}},
		{"weekday morning", "The blast hit on Friday morning.", []want{{"Friday morning", "TIME", "2015-02-13TMO", "", ""}}},
		{"present", "The firm is now bankrupt.", []want{{"now", "DATE", "PRESENT_REF", "PRESENT_REF", ""}}},
		{"recently", "The mayor recently left.", []want{{"recently", "DATE", "PAST_REF", "PAST_REF", ""}}},
		{"fuzzy", "Many fled in the early years after the revolution.", []want{{"the early years", "DATE", "XXXX", "XXXX", "START"}}},
		{"fiscal year", "Profit rose in fiscal 2008.", []want{{"fiscal 2008", "DATE", "FY2008", "FY2008", ""}}},
		{"holiday", "Shops were busy before Christmas.", []want{{"Christmas", "DATE", "2014-12-25", "", ""}}},
		{"holiday with year", "They met on New Year's Eve 1999.", []want{{"New Year's Eve 1999", "DATE", "1999-12-31", "1999-12-31", ""}}},
		{"abbreviated month", "The index fell on Oct. 19, 1987, and again on Nov. 2.", []want{
			{"Oct. 19, 1987", "DATE", "1987-10-19", "1987-10-19", ""}, {"Nov. 2", "DATE", "2014-11-02", "", ""}}},
		{"over the past decade", "Sales doubled over the past decade.", []want{{"the past decade", "DURATION", "P10Y", "P10Y", ""}}},
		{"clock with seconds", "Posted at 3/9/2005 11:16:00 PM by a reader.", []want{
			{"3/9/2005", "DATE", "2005-03-09", "2005-03-09", ""}, {"11:16:00 PM", "TIME", "2005-03-09T23:16:00", "2005-03-09T23:16:00", ""}}},
		{"not a date: last day", "It was his last day at the last minute.", nil},
		{"not a duration: fraction", "About one-quarter of them left.", nil},
		{"not a year: count", "About 2000 people marched.", nil},
		{"not a year: product", "It still runs Windows 2000 today.", []want{{"today", "DATE", "2015-02-15", "", ""}}},
		{"not a month: modal", "May I ask a question?", nil},
		{"not a duration: ordinal", "He won a second term.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.family, func(t *testing.T) {
			for _, withDCT := range []bool{true, false} {
				d := ""
				if withDCT {
					d = dct
				}
				got := Recognize(tt.in, nil, d)
				if len(got) != len(tt.want) {
					t.Errorf("dct %q: got %d expressions %v, want %d", d, len(got), texts(got), len(tt.want))
					continue
				}
				for i, w := range tt.want {
					g := got[i]
					val := w.val
					if !withDCT {
						val = w.valNoDCT
					}
					if g.Text != w.text || g.Type != w.typ || g.Value != val || g.Mod != w.mod {
						t.Errorf("dct %q: got %q %s %q mod %q, want %q %s %q mod %q", d, g.Text, g.Type, g.Value, g.Mod, w.text, w.typ, val, w.mod)
					}
					if tt.in[g.Start:g.End] != g.Text {
						t.Errorf("span %d-%d is %q, Text %q", g.Start, g.End, tt.in[g.Start:g.End], g.Text)
					}
					if !withDCT && g.Relative && g.Anchor != "" {
						t.Errorf("anchor %q without a DCT", g.Anchor)
					}
				}
			}
		})
	}
}

func texts(xs []claimgraph.TimeExpr) []string {
	var out []string
	for _, x := range xs {
		out = append(out, fmt.Sprintf("%s=%s", x.Text, x.Value))
	}
	return out
}

// TestDirection checks that one expression resolves differently around the
// creation time, in both directions.
func TestDirection(t *testing.T) {
	tests := []struct {
		in, dct, text, want string
	}{
		{"They left last June.", "2015-08-01", "last June", "2015-06"},
		{"They left last June.", "2015-06-20", "last June", "2014-06"},
		{"They leave next June.", "2015-08-01", "next June", "2016-06"},
		{"They left last summer.", "2015-10-01", "last summer", "2015-SU"},
		{"They left last winter.", "2015-12-10", "last winter", "2015-WI"},
		{"It opened on Monday.", "2015-02-16", "Monday", "2015-02-16"},
		{"It opened last Monday.", "2015-02-16", "last Monday", "2015-02-09"},
		{"It will open next Monday.", "2015-02-16", "next Monday", "2015-02-23"},
		{"It happened three days ago.", "2015-03-01", "three days ago", "2015-02-26"},
		{"It ended last year.", "2015", "last year", "2014"},
		{"It ended last month.", "2015", "last month", ""},
		{"It ended in the last quarter.", "2007-01-10", "the last quarter", "2006-Q4"},
		{"It rallied at the beginning of the year.", "2008-04-05", "the beginning of the year", "2008"},
		{"The show opened on October 12.", "2005-10-04", "October 12", "2004-10-12"},
		{"The show is to be held on October 12.", "2005-10-04", "October 12", "2005-10-12"},
		{"It was set to land on Monday.", "2007-03-19", "Monday", "2007-03-19"},
		{"It flew on Tuesday at 18:00 UTC.", "2009-12-16", "18:00 UTC", "2009-12-15T18:00Z"},
		{"The rally was held on Tuesday 10th April.", "2015-02-15", "Tuesday 10th April", "2012-04-10"},
		{"The rally is on Friday, April 10.", "2015-02-15", "Friday, April 10", "2015-04-10"},
		{"The rally was held on Monday, April 10.", "2015-02-15", "Monday, April 10", "2014-04-10"}, // no past Monday 10 April within six years: the weekday is ignored
		{"Rally: Monday, April 10.", "2015-02-15", "Monday, April 10", "2017-04-10"},
		{"The dam broke in the spring.", "2015-02-15", "the spring", "2014-SP"},
		{"The dam will be finished by summer.", "2015-02-15", "summer", "2015-SU"},
		{"Talks collapsed late Friday.", "2015-02-15", "late Friday", "2015-02-13"},
		{"We met this past weekend.", "2015-02-18", "this past weekend", "2015-W07-WE"},
		{"Officials said the rebels\nwill seize the town in June.", "2015-02-15", "June", "2015-06"},
		{"Officials say the rebels seized\nthe town in June.", "2015-02-15", "June", "2014-06"},
		{"It ended last night.", "2015-02-15T10:00:00Z", "last night", "2015-02-14TNI"},
	}
	for _, tt := range tests {
		got, ok := find(Recognize(tt.in, nil, tt.dct), tt.text)
		if !ok {
			t.Errorf("%q: %q not found", tt.in, tt.text)
			continue
		}
		if got.Value != tt.want {
			t.Errorf("%q with DCT %s: %q = %q, want %q", tt.in, tt.dct, tt.text, got.Value, tt.want)
		}
	}
}

func find(xs []claimgraph.TimeExpr, text string) (claimgraph.TimeExpr, bool) {
	for _, x := range xs {
		if x.Text == text {
			return x, true
		}
	}
	return claimgraph.TimeExpr{}, false
}

// TestReanchor checks that stored undated expressions resolve when a DCT is
// set later, to the value recognition with that DCT gives, and that
// absolute expressions are left alone.
func TestReanchor(t *testing.T) {
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	undated := Recognize(text, nil, "")
	dated := Recognize(text, nil, dct)
	if len(undated) != len(dated) {
		t.Fatalf("%d expressions without a DCT, %d with one", len(undated), len(dated))
	}
	relatives := 0
	for i, x := range undated {
		y := Reanchor(text, x, dct)
		if y.Value != dated[i].Value || y.Start != x.Start || y.End != x.End || y.Type != x.Type {
			t.Errorf("Reanchor(%q) = %q, recognition with the DCT gives %q", x.Text, y.Value, dated[i].Value)
		}
		if x.Relative {
			relatives++
			// and back: a different DCT moves it, clearing it is possible
			if z := Reanchor(text, y, ""); z.Value != "" && z.Rule != "anaphoric" {
				t.Errorf("Reanchor(%q, no DCT) kept value %q", x.Text, z.Value)
			}
		}
	}
	if relatives == 0 {
		t.Fatal("the article has no relative expressions to reanchor")
	}
	// An expression outside the text is returned as it was.
	bad := claimgraph.TimeExpr{Start: len(text) + 5, End: len(text) + 9, Relative: true, Value: "x"}
	if got := Reanchor(text, bad, dct); got != bad {
		t.Errorf("Reanchor of an out-of-range span changed it: %+v", got)
	}
}

// TestReanchorAll checks that a whole document's expressions, recognized in
// main-text ranges without a DCT, get the values recognition with the DCT
// gives, and that a stored expression the rules do not find is still handled.
func TestReanchorAll(t *testing.T) {
	text := "Home | Archive 2009 | Contact\nThe dam was finished in 2011. The following year it failed, and last June it was rebuilt.\nFooter"
	main := [][2]int{{strings.Index(text, "The dam"), strings.Index(text, "\nFooter")}}
	undated := Recognize(text, main, "")
	dated := Recognize(text, main, dct)
	foreign := claimgraph.TimeExpr{Start: strings.Index(text, "Footer"), End: len(text), Relative: true, Value: "old", Anchor: "1999-01-01"}
	got := ReanchorAll(text, main, append(undated, foreign), dct)
	if len(got) != len(undated)+1 {
		t.Fatalf("got %d expressions, want %d", len(got), len(undated)+1)
	}
	for i := range undated {
		if got[i].Value != dated[i].Value || got[i].Start != undated[i].Start {
			t.Errorf("%q: got %q, want %q", undated[i].Text, got[i].Value, dated[i].Value)
		}
	}
	if v, _ := find(got, "The following year"); v.Value != "2012" {
		t.Errorf("the following year = %q, want 2012 (after 2011 in the main text, not 2009 in the menu)", v.Value)
	}
	if v, _ := find(got, "last June"); v.Value != "2014-06" {
		t.Errorf("last June = %q, want 2014-06", v.Value)
	}
	if f := got[len(got)-1]; f.Value != "" || f.Anchor != "" {
		t.Errorf("an expression the rules do not find keeps an old value: %+v", f)
	}
}

// TestRanges checks that only the given ranges are read and that offsets stay
// those of the whole text.
func TestRanges(t *testing.T) {
	text := "Menu: Home 2001 | News\nThe plant closed in 1999. It reopened in 2004.\nFooter 2020"
	start := strings.Index(text, "The plant")
	end := strings.Index(text, "\nFooter")
	got := Recognize(text, [][2]int{{start, end}, {end, end}, {-5, 0}, {len(text), len(text) + 10}}, dct)
	if len(got) != 2 || got[0].Text != "1999" || got[1].Text != "2004" {
		t.Fatalf("got %v, want 1999 and 2004", texts(got))
	}
	for _, x := range got {
		if text[x.Start:x.End] != x.Text {
			t.Errorf("span %d-%d is %q, want %q", x.Start, x.End, text[x.Start:x.End], x.Text)
		}
	}
}

func TestParseDCT(t *testing.T) {
	tests := []struct {
		in   string
		want ref
	}{
		{"2015-02-15", ref{2015, 2, 15, gDay}},
		{"2015-02-15T10:00:00Z", ref{2015, 2, 15, gDay}},
		{"2015-02", ref{2015, 2, 0, gMonth}},
		{"2015", ref{2015, 0, 0, gYear}},
		{"2015-13-01", ref{2015, 0, 0, gYear}},
		{"2015-02-30", ref{2015, 2, 0, gMonth}},
		{"", ref{}},
		{"yesterday", ref{}},
	}
	for _, tt := range tests {
		if got := parseDCT(tt.in); got != tt.want {
			t.Errorf("parseDCT(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestLexicalTense(t *testing.T) {
	tests := []struct {
		in   string
		want Tense
	}{
		{"The rebels seized the town in June.", TensePast},
		{"The rebels will seize the town in June.", TenseFuture},
		{"The rebels are seizing the town in June.", TensePresent},
		{"The vote is to be held in June.", TenseFuture},
		{"In June.", TenseUnknown},
		{"Mohammed in June.", TenseUnknown},
	}
	for _, tt := range tests {
		k := strings.Index(tt.in, "June")
		if got := LexicalTense(tt.in, [2]int{0, len(tt.in)}, [2]int{k, k + 4}); got != tt.want {
			t.Errorf("LexicalTense(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestTenseOption checks that a TenseFunc given in Options is used.
func TestTenseOption(t *testing.T) {
	future := New(Options{Tense: func(string, [2]int, [2]int) Tense { return TenseFuture }})
	got := future.Recognize("It happened in June.", nil, dct)
	if len(got) != 1 || got[0].Value != "2015-06" {
		t.Errorf("with a future TenseFunc got %v, want June 2015", texts(got))
	}
}

// TestGolden runs the recognizer on a constructed article with and without a
// DCT and compares with golden files (go test -update rewrites them).
func TestGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dct, golden string }{{dct, "article.golden.json"}, {"", "article.nodct.golden.json"}} {
		got := Recognize(string(b), nil, c.dct)
		out, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, '\n')
		path := filepath.Join("testdata", c.golden)
		golden.Check(t, path, string(out))
	}
}

func FuzzRecognize(f *testing.F) {
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b), dct)
	f.Add("from 2011 to 2013, 1980-88 (1980-1988) last June at 3 p.m.", "")
	f.Add("mid-\u00e9 2014-\u2013 12/31/99 5:5 p.m. the 19th-century 'ninety", "2015-02")
	f.Fuzz(func(t *testing.T, text, d string) {
		xs := Recognize(text, nil, d)
		last := -1
		for _, x := range xs {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("bad span %d-%d in %d bytes", x.Start, x.End, len(text))
			}
			if text[x.Start:x.End] != x.Text {
				t.Fatalf("Text %q is not text[%d:%d]", x.Text, x.Start, x.End)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[x.Start]) || (x.End < len(text) && !utf8.RuneStart(text[x.End]))) {
				t.Fatalf("span %d-%d splits a character", x.Start, x.End)
			}
			if x.Start < last && x.Rule != "year" {
				t.Fatalf("expressions out of order at %d", x.Start)
			}
			last = x.Start
			if y := Reanchor(text, x, d); y.Start != x.Start || y.End != x.End || (!x.Relative && y != x) {
				t.Fatalf("Reanchor moved or changed %+v to %+v", x, y)
			}
		}
	})
}

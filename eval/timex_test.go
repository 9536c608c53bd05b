package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

func TestReadTimeML(t *testing.T) {
	d, err := ReadTimeMLFile("testdata/timex/harbor.tml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "harbor" || d.DCT != "2015-02-15" {
		t.Errorf("name %q, DCT %q", d.Name, d.DCT)
	}
	want := []struct{ text, typ, value string }{
		{"on Wednesday", "DATE", "2015-02-11"},
		{"three months", "DURATION", "P3M"},
		{"1872", "DATE", "1872"},
		{"last June", "DATE", "2014-06"},
		{"daily", "SET", "P1D"},
	}
	if len(d.Gold) != len(want) {
		t.Fatalf("got %d gold expressions, want %d (the empty TIMEX3 is not in the text)", len(d.Gold), len(want))
	}
	for i, w := range want {
		g := d.Gold[i]
		if g.Text != w.text || g.Type != w.typ || g.Value != w.value || d.Text[g.Start:g.End] != w.text {
			t.Errorf("gold %d: %+v, want %+v", i, g, w)
		}
	}
	if !strings.Contains(d.Text, "repairs & dredging") || strings.Contains(d.Text, "<EVENT") || strings.Contains(d.Text, "Harbor reopens") {
		t.Errorf("text is not the plain text of <TEXT>: %q", d.Text)
	}
}

func TestReadTimeMLErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "no XML element"},
		{"no text", "<TimeML><DCT></DCT></TimeML>", "no <TEXT>"},
		{"nested", `<TimeML><TEXT><TIMEX3 type="DATE">a <TIMEX3>b</TIMEX3></TIMEX3></TEXT></TimeML>`, "TIMEX3 inside TIMEX3"},
		{"unclosed", `<TimeML><TEXT><TIMEX3 type="DATE">a`, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTimeML(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := ReadTimeMLFile("testdata/timex/absent.tml"); err == nil || !strings.Contains(err.Error(), "absent.tml") {
		t.Errorf("missing file: %v", err)
	}
}

func TestReadCATTimex(t *testing.T) {
	d, err := ReadCATTimex("testdata/timex/small_cat.xml", 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT != "2009-03-03" || len(d.Gold) != 2 || d.Gold[0].Text != "March 3 , 2009" || d.Gold[1].Text != "yesterday" || d.Scope != nil {
		t.Errorf("got DCT %q, gold %+v, scope %v", d.DCT, d.Gold, d.Scope)
	}
	scoped, err := ReadCATTimex("testdata/timex/small_cat.xml", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(scoped.Gold) != 1 || scoped.Text[scoped.Scope[0][0]:scoped.Scope[0][1]] != "Harbor reopens\nMarch 3 , 2009" {
		t.Errorf("scope 2: gold %+v, scope %q", scoped.Gold, scoped.Text[scoped.Scope[0][0]:scoped.Scope[0][1]])
	}
}

func TestReadTimexPath(t *testing.T) {
	docs, err := ReadTimexPath("testdata/timex", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("got %d documents, want 3 (two TimeML, one CAT; notes.txt skipped)", len(docs))
	}
	one, err := ReadTimexPath("testdata/timex/quiet.tml", 0)
	if err != nil || len(one) != 1 || one[0].DCT != "2009-06-01" {
		t.Errorf("single file: %v %+v", err, one)
	}
	if _, err := ReadTimexPath("testdata/timex/absent", 0); err == nil {
		t.Error("a missing path gives no error")
	}
}

// fixedRecognizer returns the expressions listed for each text, so the scorer
// is tested apart from any recognizer.
func fixedRecognizer(byText map[string][]claimgraph.TimeExpr) func(text, dct string) []claimgraph.TimeExpr {
	return func(text, dct string) []claimgraph.TimeExpr { return byText[text] }
}

func TestScoreTimex(t *testing.T) {
	text := "It opened on Wednesday after three months of work in 1872 and again last June."
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	ex := func(s, typ, val string) claimgraph.TimeExpr {
		a, b := at(s)
		return claimgraph.TimeExpr{Start: a, End: b, Text: s, Type: typ, Value: val}
	}
	doc := TimexDoc{Name: "d", Text: text, DCT: "2015-02-15", Gold: []claimgraph.TimeExpr{
		ex("on Wednesday", "DATE", "2015-02-11"),
		ex("three months", "DURATION", "P3M"),
		ex("1872", "DATE", "1872"),
		ex("last June", "DATE", "2014-06"),
	}}
	pred := []claimgraph.TimeExpr{
		ex("Wednesday", "DATE", "2015-02-11"), // relaxed match, value right
		ex("three months", "DATE", "P3M"),     // strict match, type wrong
		ex("1872", "DATE", "1873"),            // strict match, value wrong
		ex("work", "DATE", "XXXX"),            // spurious
	}
	s := ScoreTimex([]TimexDoc{doc}, fixedRecognizer(map[string][]claimgraph.TimeExpr{text: pred}))
	if s.Gold != 4 || s.Predicted != 4 {
		t.Fatalf("gold %d predicted %d", s.Gold, s.Predicted)
	}
	if s.Strict.Correct != 2 || s.Relaxed.Correct != 3 || s.Value.Correct != 2 {
		t.Errorf("correct: strict %d relaxed %d value %d, want 2 3 2", s.Strict.Correct, s.Relaxed.Correct, s.Value.Correct)
	}
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(s.Relaxed.Precision, 0.75) || !near(s.Relaxed.Recall, 0.75) || !near(s.F1, 0.75) || !near(s.Precision, s.Relaxed.Precision) {
		t.Errorf("relaxed %+v top %v %v %v", s.Relaxed, s.Precision, s.Recall, s.F1)
	}
	if !near(s.TypeAccuracy, 2.0/3) || !near(s.ValueAccuracy, 2.0/3) || !near(s.ValueF1, 0.5) {
		t.Errorf("type acc %v value acc %v value F1 %v", s.TypeAccuracy, s.ValueAccuracy, s.ValueF1)
	}
	kinds := map[string]int{}
	for _, e := range s.Errors {
		kinds[e.Kind]++
	}
	if kinds["missed"] != 1 || kinds["spurious"] != 1 || kinds["type"] != 1 || kinds["value"] != 1 {
		t.Errorf("errors by kind %v", kinds)
	}

	// Out of scope, a prediction is neither right nor wrong.
	doc.Scope = [][2]int{{0, strings.Index(text, " in 1872")}}
	doc.Gold = doc.Gold[:2]
	s = ScoreTimex([]TimexDoc{doc}, fixedRecognizer(map[string][]claimgraph.TimeExpr{text: pred}))
	if s.Predicted != 3 || s.Gold != 2 {
		t.Errorf("scoped: gold %d predicted %d, want 2 and 3", s.Gold, s.Predicted)
	}
}

// TestWriteTimeMLRoundTrip writes expressions as TimeML and reads them back.
func TestWriteTimeMLRoundTrip(t *testing.T) {
	text := "Fares <rose> & fell on Wednesday\r\nand \x01again last June, from 2011 to 2013 \u00e9t\u00e9."
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	ex := func(s, typ, val string, rel bool) claimgraph.TimeExpr {
		a, b := at(s)
		return claimgraph.TimeExpr{Start: a, End: b, Text: s, Type: typ, Value: val, Relative: rel, Anchor: "2015-02-15"}
	}
	exprs := []claimgraph.TimeExpr{
		ex("last June", "DATE", "2014-06", true),
		ex("Wednesday", "DATE", "2015-02-11", true),
		ex("from 2011 to 2013", "DURATION", "P2Y", false),
		ex("2011", "DATE", "2011", false), // nested: left out
	}
	exprs[2].Mod = "APPROX"
	var buf bytes.Buffer
	if err := WriteTimeML(&buf, "doc<1>", "2015-02-15", text, exprs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `anchorTimeID="t0"`) {
		t.Error("relative expressions carry no anchorTimeID")
	}
	d, err := ReadTimeML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "doc<1>" || d.DCT != "2015-02-15" {
		t.Errorf("name %q DCT %q", d.Name, d.DCT)
	}
	if len(d.Text) != len(text) || strings.Replace(text, "\x01", " ", 1) != d.Text {
		t.Errorf("text changed:\n got %q\nwant %q", d.Text, text)
	}
	if len(d.Gold) != 3 {
		t.Fatalf("read back %d expressions, want 3: %+v", len(d.Gold), d.Gold)
	}
	for i, w := range []claimgraph.TimeExpr{exprs[1], exprs[0], exprs[2]} {
		g := d.Gold[i]
		if g.Start != w.Start || g.End != w.End || g.Type != w.Type || g.Value != w.Value || g.Mod != w.Mod {
			t.Errorf("expression %d: got %+v, want %+v", i, g, w)
		}
	}
}

func TestWriteTimeMLErrors(t *testing.T) {
	text := "caf\u00e9 today"
	for _, x := range []claimgraph.TimeExpr{{Start: 0, End: 99}, {Start: 4, End: 6}, {Start: 3, End: 3}} {
		if err := WriteTimeML(&bytes.Buffer{}, "d", "", text, []claimgraph.TimeExpr{x}); err == nil {
			t.Errorf("span %d-%d accepted", x.Start, x.End)
		}
	}
}

func TestSplitsRune(t *testing.T) {
	text := "a\u00e9b\x94c"
	for off, want := range map[int]bool{0: false, 1: false, 2: true, 3: false, 4: false, 5: false, 6: false} {
		if got := splitsRune(text, off); got != want {
			t.Errorf("splitsRune(%q, %d) = %v, want %v", text, off, got, want)
		}
	}
}

func FuzzReadTimeML(f *testing.F) {
	for _, p := range []string{"testdata/timex/harbor.tml", "testdata/timex/quiet.tml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`<TimeML><TEXT>a<TIMEX3 type="DATE" value="1">b</TIMEX3></TEXT></TimeML>`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadTimeML(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, g := range d.Gold {
			if g.Start < 0 || g.End > len(d.Text) || g.Start > g.End || d.Text[g.Start:g.End] != g.Text {
				t.Fatalf("bad gold span %+v in %d bytes", g, len(d.Text))
			}
		}
		// What we read, we can write and read again with the same spans.
		var buf bytes.Buffer
		if err := WriteTimeML(&buf, d.Name, d.DCT, d.Text, d.Gold); err != nil {
			return // spans that split a character cannot be written
		}
		d2, err := ReadTimeML(&buf)
		if err != nil {
			t.Fatalf("reading our own TimeML: %v\n%s", err, buf.String())
		}
		if len(d2.Text) != len(d.Text) {
			t.Fatalf("text length %d became %d", len(d.Text), len(d2.Text))
		}
	})
}

func TestReadTimexPathWalkError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.tml"), []byte("<TimeML><TEXT><TIMEX3>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadTimexPath(dir, 0); err == nil || !strings.Contains(err.Error(), "bad.tml") {
		t.Errorf("got %v, want an error naming bad.tml", err)
	}
}

func TestReadGUMTimex(t *testing.T) {
	d, err := ReadGUMTimex("testdata/timex_gum/harbor.conllu")
	if err != nil {
		t.Fatal(err)
	}
	wantText := "On Tuesday, March 1, the harbor reopened.\nIt didn't flood for years.\n"
	if d.Text != wantText {
		t.Errorf("text:\n got %q\nwant %q", d.Text, wantText)
	}
	if d.DCT != "2016-03-04" || !d.ExtentOnly {
		t.Errorf("DCT %q, extent only %v", d.DCT, d.ExtentOnly)
	}
	// "March 1" nests in "Tuesday, March 1" and is dropped; the place is not a time.
	if len(d.Gold) != 2 || d.Gold[0].Text != "Tuesday, March 1" || d.Gold[1].Text != "years" {
		t.Errorf("gold %+v", d.Gold)
	}
	docs, err := ReadTimexPath("testdata/timex_gum", 0)
	if err != nil || len(docs) != 1 {
		t.Fatalf("ReadTimexPath: %v, %d docs", err, len(docs))
	}
	// Extent-only documents count for extents, not for type and value.
	s := ScoreTimex(docs, fixedRecognizer(map[string][]claimgraph.TimeExpr{d.Text: {{Start: 3, End: 10, Type: "DATE", Value: "2016-03-01"}}}))
	if s.Relaxed.Correct != 1 || s.ValuedDocs != 0 || s.Value.Correct != 0 || s.TypeAccuracy != 0 {
		t.Errorf("score %+v", s)
	}
	for _, bad := range []string{"1\tOnly\tthree\tcolumns\n", "", "x\ta\tb\tc\td\te\tf\tg\th\ti\n"} {
		if _, err := readGUMTimex(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestGUMEntityEvents(t *testing.T) {
	got := gumEntityEvents("Entity=(1-event-new-x(2-time-new-y-coref)|SpaceAfter=No")
	if len(got) != 2 || got[0].id != "1" || !got[0].open || got[0].close || got[1].typ != "time" || !got[1].close {
		t.Errorf("got %+v", got)
	}
	got = gumEntityEvents("Entity=2)1)")
	if len(got) != 2 || got[0].id != "2" || !got[1].close || got[1].open {
		t.Errorf("got %+v", got)
	}
}

func FuzzReadGUMTimex(f *testing.F) {
	b, err := os.ReadFile("testdata/timex_gum/harbor.conllu")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Fuzz(func(t *testing.T, in string) {
		d, err := readGUMTimex(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, g := range d.Gold {
			if g.Start < 0 || g.End > len(d.Text) || g.Start > g.End || d.Text[g.Start:g.End] != g.Text {
				t.Fatalf("bad gold span %+v", g)
			}
		}
	})
}

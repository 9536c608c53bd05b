package catxml

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func TestParseSmall(t *testing.T) {
	d, err := ParseFile("testdata/small.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "42" || d.Name != "42_Small_test" || d.Lang != "en" || d.URL != "http://example.org/small" {
		t.Errorf("document attributes: %+v", d.Attrs)
	}
	if len(d.Tokens) != 16 {
		t.Fatalf("tokens: got %d, want 16", len(d.Tokens))
	}
	if tk := d.Tokens[14]; tk.Text != "AT&T" || tk.ID != "15" || tk.Sentence != 2 || tk.Number != 14 {
		t.Errorf("token 14: %+v", tk)
	}
	text, spans := d.Text()
	want := "Harbor opens\nMarch 3 , 2009\nThe Kestrel Company said yesterday it will open AT&T ."
	if text != want {
		t.Errorf("text:\n got %q\nwant %q", text, want)
	}
	for i, sp := range spans {
		if got := text[sp[0]:sp[1]]; got != d.Tokens[i].Text {
			t.Errorf("span %d: got %q, want %q", i, got, d.Tokens[i].Text)
		}
	}
	if len(d.Markables) != 5 {
		t.Fatalf("markables: got %d, want 5", len(d.Markables))
	}
	ct, ok := d.CreationTime()
	if !ok || ct.ID != "3" || d.DCT() != "2009-03-03" {
		t.Errorf("creation time: %+v %v", ct, ok)
	}
	s, e, ok := d.Span(ct, spans)
	if !ok || text[s:e] != "March 3 , 2009" {
		t.Errorf("creation time span: %d %d %v", s, e, ok)
	}
	inst, ok := d.Markable("5")
	if !ok || inst.Tag != "ENTITY" || len(inst.Tokens) != 0 || inst.Attrs["ent_type"] != "ORG" {
		t.Errorf("instance: %+v", inst)
	}
	if _, _, ok := d.Span(inst, spans); ok {
		t.Error("an instance without anchors has no span")
	}
	if got := len(d.ByTag("TIMEX3")); got != 2 {
		t.Errorf("TIMEX3 markables: got %d, want 2", got)
	}
	if len(d.Relations) != 2 {
		t.Fatalf("relations: got %d, want 2", len(d.Relations))
	}
	r := d.Relations[0]
	if r.Tag != "REFERS_TO" || r.ID != "10" || strings.Join(r.Sources, ",") != "1,2" || strings.Join(r.Targets, ",") != "5" {
		t.Errorf("REFERS_TO: %+v", r)
	}
	if tl := d.Relations[1]; tl.Attrs["reltype"] != "BEFORE" {
		t.Errorf("TLINK: %+v", tl)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"not xml", "hello", "no <Document>"},
		{"bad syntax", "<Document><token>", "syntax error"},
		{"empty", "", "no <Document>"},
		{"wrong root", `<Doc></Doc>`, "want <Document>"},
		{"unclosed", `<Document><token t_id="1" sentence="0" number="0">a</token>`, "unexpected EOF"},
		{"no t_id", `<Document><token sentence="0" number="0">a</token></Document>`, "without t_id"},
		{"bad sentence", `<Document><token t_id="1" sentence="x" number="0">a</token></Document>`, `sentence "x"`},
		{"missing number", `<Document><token t_id="1" sentence="0">a</token></Document>`, "missing number"},
		{"duplicate token", `<Document><token t_id="1" sentence="0" number="0">a</token><token t_id="1" sentence="0" number="1">b</token></Document>`, "duplicate token"},
		{"unknown anchor", `<Document><token t_id="1" sentence="0" number="0">a</token><Markables><TIMEX3 m_id="1"><token_anchor t_id="9"/></TIMEX3></Markables></Document>`, "unknown token"},
		{"anchor without id", `<Document><Markables><TIMEX3 m_id="1"><token_anchor/></TIMEX3></Markables></Document>`, "without t_id"},
		{"duplicate markable", `<Document><Markables><EVENT m_id="1"/><EVENT m_id="1"/></Markables></Document>`, "duplicate markable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseFileNames(t *testing.T) {
	_, err := ParseFile("testdata/absent.xml")
	if err == nil || !strings.Contains(err.Error(), "absent.xml") {
		t.Errorf("missing file: got %v", err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.xml")
	if err := os.WriteFile(p, []byte("<Document><token"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseFile(p); err == nil || !strings.Contains(err.Error(), "bad.xml") {
		t.Errorf("malformed file: got %v", err)
	}
}

// TestMeantime parses every MEANTIME file of the shared dev data and checks
// the invariants the evaluators rely on.
func TestMeantime(t *testing.T) {
	root := shareddata.Path(t, "data/meantime-dev/intra_cross-doc_annotation")
	files, err := filepath.Glob(filepath.Join(root, "*", "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files under %s: %v", root, err)
	}
	var timex, mentions, refers, noDCT int
	for _, f := range files {
		d, err := ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d.DCT() == "" {
			noDCT++
		}
		text, spans := d.Text()
		for _, m := range d.Markables {
			if s, e, ok := d.Span(m, spans); ok && (s >= e || e > len(text)) {
				t.Errorf("%s: %s %s has span %d-%d", f, m.Tag, m.ID, s, e)
			}
		}
		timex += len(d.ByTag("TIMEX3"))
		mentions += len(d.ByTag("ENTITY_MENTION"))
		for _, r := range d.Relations {
			if r.Tag == "REFERS_TO" {
				refers++
			}
		}
	}
	// Two MEANTIME files mark their dateline TIMEX3 with functionInDocument
	// NONE; the rest must have a creation time.
	if noDCT > len(files)/10 {
		t.Errorf("%d of %d files have no creation time", noDCT, len(files))
	}
	if timex == 0 || mentions == 0 || refers == 0 {
		t.Errorf("timex %d, mentions %d, refers_to %d: want all > 0", timex, mentions, refers)
	}
}

func FuzzParse(f *testing.F) {
	b, err := os.ReadFile("testdata/small.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`<Document><token t_id="1" sentence="0" number="0">a</token></Document>`)
	f.Add(`<Document><Markables><X m_id="1"><token_anchor t_id="1"/></X></Markables></Document>`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		text, spans := d.Text()
		if len(spans) != len(d.Tokens) {
			t.Fatalf("%d spans for %d tokens", len(spans), len(d.Tokens))
		}
		for i, sp := range spans {
			if sp[0] > sp[1] || sp[1] > len(text) || (i > 0 && sp[0] < spans[i-1][1]) {
				t.Fatalf("bad span %d: %v", i, sp)
			}
		}
		for _, m := range d.Markables {
			if s, e, ok := d.Span(m, spans); ok && (s > e || e > len(text)) {
				t.Fatalf("markable %s span %d-%d", m.ID, s, e)
			}
		}
	})
}

package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// The writers are tested end to end against a real store, with real
// readers, in cmd/claimgraph (TestExportReaders, TestExportGolden). Here a
// selection held in memory lets the fuzzer put any text into every field
// the writers escape, which a store built per input would make too slow.

// rows is an ExportSelection over slices.
type rows struct {
	docs     []claimgraph.Document
	texts    map[string]string
	entities []claimgraph.ExportEntity
	mentions []claimgraph.Mention
	quotes   []claimgraph.QuoteView
	claims   []claimgraph.ClaimView
	times    []claimgraph.TimeExpr
	reuse    []claimgraph.ReusePair
	edges    []claimgraph.ExportEdge
}

func walk[T any](s []T, fn func(*T) error) error {
	for i := range s {
		if err := fn(&s[i]); err != nil {
			return err
		}
	}
	return nil
}

func (r *rows) Documents(_ context.Context, fn func(*claimgraph.Document) error) error {
	return walk(r.docs, fn)
}
func (r *rows) Entities(_ context.Context, fn func(*claimgraph.ExportEntity) error) error {
	return walk(r.entities, fn)
}
func (r *rows) Mentions(_ context.Context, fn func(*claimgraph.Mention) error) error {
	return walk(r.mentions, fn)
}
func (r *rows) Quotes(_ context.Context, fn func(*claimgraph.QuoteView) error) error {
	return walk(r.quotes, fn)
}
func (r *rows) Claims(_ context.Context, fn func(*claimgraph.ClaimView) error) error {
	return walk(r.claims, fn)
}
func (r *rows) Times(_ context.Context, fn func(*claimgraph.TimeExpr) error) error {
	return walk(r.times, fn)
}
func (r *rows) Reuse(_ context.Context, fn func(*claimgraph.ReusePair) error) error {
	return walk(r.reuse, fn)
}
func (r *rows) Edges(_ context.Context, fn func(*claimgraph.ExportEdge) error) error {
	return walk(r.edges, fn)
}
func (r *rows) Text(_ context.Context, doc string) (string, error) {
	t, ok := r.texts[doc]
	if !ok {
		return "", claimgraph.Errorf(claimgraph.ENOTFOUND, "no document %q", doc)
	}
	return t, nil
}
func (r *rows) Close() error { return nil }

// oneOfEach returns a selection with one row of each kind whose free-text
// fields hold s, and whose spans cover the whole of text.
func oneOfEach(s, text string) *rows {
	span := claimgraph.TextSpan{Text: text, Start: 0, End: len(text)}
	sp := &claimgraph.Speaker{Name: s, Text: text, End: len(text), Entity: 1}
	return &rows{
		docs:  []claimgraph.Document{{ID: "d1", Title: s, Outlet: s, Author: s, Source: s, Date: "2013-09-11", Bytes: len(text)}},
		texts: map[string]string{"d1": text},
		entities: []claimgraph.ExportEntity{{Entity: claimgraph.Entity{ID: 1, Name: s, Type: "PER", Mentions: 1, Docs: 1,
			Aliases: []claimgraph.Alias{{Name: s + "x", Source: claimgraph.AliasAsserted, Rule: s, Doc: "d1", End: len(text), Evidence: text}}}},
			{Entity: claimgraph.Entity{ID: 2, Name: "Other", Type: "ORG", Mentions: 1, Docs: 1}}},
		mentions: []claimgraph.Mention{{ID: 1, Doc: "d1", End: len(text), Text: text, Type: "PER", Kind: "name", Name: s, Entity: 1}},
		quotes:   []claimgraph.QuoteView{{Quote: claimgraph.Quote{ID: 1, Doc: "d1", Kind: "direct", Content: span, Speaker: sp, Cue: span, CueLemma: s}}},
		claims: []claimgraph.ClaimView{{Claim: claimgraph.Claim{ID: 1, Doc: "d1", Subject: span, SubjectEntity: 1, Relation: span, RelationLemma: s,
			Object: span, ObjectEntity: 2, Evidence: span, Speaker: sp, Cue: &span, Hedges: []string{s}}, Source: s}},
		times: []claimgraph.TimeExpr{{ID: 1, Doc: "d1", End: len(text), Text: text, Type: "DATE", Value: s}},
		reuse: []claimgraph.ReusePair{{DocA: "d1", DocB: "d1", Passages: []claimgraph.Passage{{AEnd: len(text), BEnd: len(text)}}}},
		edges: []claimgraph.ExportEdge{{Source: 1, Target: 2, Kind: claimgraph.EdgeClaim, Label: s, Directed: true, Weight: 1, Sources: 1,
			SourceNames: []string{s}, Docs: []string{"d1"}, Factuality: []string{claimgraph.FactHedged}, Hedges: []string{s}, Cues: []string{s}, Items: []int64{1}}},
	}
}

// xmlSafe is s as XML can hold it: characters outside XML's range become
// U+FFFD, as the writers write them.
func xmlSafe(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	var out string
	if err := xml.Unmarshal([]byte("<a>"+b.String()+"</a>"), &out); err != nil {
		return ""
	}
	return out
}

// FuzzWriters: whatever text the fields hold, every format stays well
// formed for its reader and keeps the text: GraphML and GEXF parse as XML
// with the name intact, every CSV file parses with the cell intact, JSON
// Lines and FtM are one JSON value a line, JSON-LD is one JSON document.
func FuzzWriters(f *testing.F) {
	for _, s := range []string{"Nouri al-Maliki", "=HYPERLINK(\"x\")", "a,b\"c\r\nd", "<b>&amp;</b>", "\x00\x1f\ufffe", "é\u2028", "-12", "@x"} {
		f.Add(s, "He said \"it\" — “quoted”.")
	}
	f.Fuzz(func(t *testing.T, s, text string) {
		if !utf8.ValidString(s) || !utf8.ValidString(text) {
			return // the store holds UTF-8 text only
		}
		ctx := context.Background()
		for _, format := range Formats {
			var buf bytes.Buffer
			if _, err := Write(ctx, oneOfEach(s, text), format, &buf, Options{}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.Bytes()
			switch format {
			case GraphML, GEXF:
				checkXML(t, format, out, s)
			case CSV:
				checkZip(t, out, s)
			case JSONL, FtM:
				for i, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
					if !json.Valid(line) {
						t.Fatalf("%s line %d is not JSON: %s", format, i+1, line)
					}
				}
			case JSONLD:
				var v map[string]any
				if err := json.Unmarshal(out, &v); err != nil {
					t.Fatalf("jsonld: %v", err)
				}
				// An alias annotates its evidence span; an empty one has none.
				want := 5
				if text != "" {
					want++
				}
				if g, _ := v["@graph"].([]any); len(g) != want {
					t.Fatalf("jsonld: %d nodes, want %d: document, two entities, alias with evidence, quote, claim", len(g), want)
				}
			}
		}
	})
}

func checkXML(t *testing.T, format string, out []byte, name string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	found := false
	want := xmlSafe(name)
	var inName bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", format, err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if (a.Name.Local == "key" && a.Value == "n_name") || (a.Name.Local == "label" && tok.Name.Local == "node") {
					inName = a.Name.Local == "key"
					found = found || (a.Name.Local == "label" && a.Value == want)
				}
			}
		case xml.CharData:
			if inName {
				found = found || string(tok) == want
				inName = false
			}
		}
	}
	if !found && want != "" {
		t.Fatalf("%s: the name %q is not read back", format, want)
	}
}

func checkZip(t *testing.T, out []byte, s string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("csv zip: %v", err)
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(rc).ReadAll()
		rc.Close()
		if err != nil {
			t.Fatalf("%s does not parse: %v", zf.Name, err)
		}
		if len(recs) < 2 {
			t.Fatalf("%s: %d records, want a header and a row", zf.Name, len(recs))
		}
		if zf.Name == "entities.csv" && recs[1][1] != defuse(normalizeCSV(s)) {
			t.Fatalf("entities.csv name %q, want %q", recs[1][1], defuse(s))
		}
	}
}

// normalizeCSV is what encoding/csv reads back of a written cell: a quoted
// field's \r\n becomes \n, and so does a lone \r (see loneCR).
func normalizeCSV(s string) string {
	return strings.ReplaceAll(loneCR(s), "\r\n", "\n")
}

func TestDefuse(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"plain", "plain"}, {"=1+2", "'=1+2"}, {"+44 20", "'+44 20"}, {"-12", "-12"}, {"-x", "'-x"},
		{"@SUM(A1)", "'@SUM(A1)"}, {"a=b", "a=b"}, {"1e5", "1e5"},
	} {
		if got := defuse(tt.in); got != tt.want {
			t.Errorf("defuse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	for _, tt := range []struct{ in, day, ftm string }{
		{"2013-09-11", "2013-09-11", "2013-09-11"}, {"2013-09-11T15:04:05Z", "2013-09-11", "2013-09-11"},
		{"2013-09", "", "2013-09"}, {"2013", "", "2013"}, {"", "", ""}, {"Sept 2013", "", ""}, {"2013-9-1", "", ""},
	} {
		if got := isoDay(tt.in); got != tt.day {
			t.Errorf("isoDay(%q) = %q, want %q", tt.in, got, tt.day)
		}
		if got := ftmDate(tt.in); got != tt.ftm {
			t.Errorf("ftmDate(%q) = %q, want %q", tt.in, got, tt.ftm)
		}
	}
}

func TestCheckFormat(t *testing.T) {
	for _, f := range Formats {
		if err := CheckFormat(f); err != nil {
			t.Errorf("CheckFormat(%q) = %v", f, err)
		}
	}
	if err := CheckFormat("xlsx"); claimgraph.ErrorCode(err) != claimgraph.EINVALID || !strings.Contains(err.Error(), "graphml") {
		t.Errorf("CheckFormat(xlsx) = %v, want an invalid error naming the formats", err)
	}
}

func TestClaimFactuality(t *testing.T) {
	for _, tt := range []struct {
		c    claimgraph.Claim
		want string
	}{
		{claimgraph.Claim{}, claimgraph.FactAsserted},
		{claimgraph.Claim{Negated: true, Hedges: []string{"reportedly"}}, claimgraph.FactNegated},
		{claimgraph.Claim{Hedges: []string{"allegedly"}, Modality: "may"}, claimgraph.FactHedged},
		{claimgraph.Claim{Modality: "could"}, claimgraph.FactPossible},
	} {
		if got := claimgraph.ClaimFactuality(&tt.c); got != tt.want {
			t.Errorf("ClaimFactuality(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

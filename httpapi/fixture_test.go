package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/sqlite"
)

// The fixture: three articles written for these tests, with an analysis
// built by hand, stored in a real SQLite store, and an entity layer on top.

const (
	text1 = `The Mojahedin-e Khalq Organization (MKO), also known as MEK, was accused by Nouri al-Maliki of plotting attacks. "We will never give up," Maryam Rajavi said on 11 September 2013.
Related: Ten things you did not know about cats`
	text2 = `Nouri al-Maliki said the MKO was a terrorist group. Rajavi denied it in June 2014.`
	text3 = `A third article about the weather in Baghdad, with no actors of interest.`
)

type fixture struct {
	store            *sqlite.DB
	srv              *httptest.Server
	doc1, doc2, doc3 string
	mko, maliki      int64
	rajavi, baghdad  int64
}

// span returns the byte span of the n-th occurrence (from 0) of sub in text.
func span(t *testing.T, text, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times", sub, n+1)
		}
		if i == n {
			return off + j, off + j + len(sub)
		}
		off += j + len(sub)
	}
}

func mention(t *testing.T, doc, text, sub string, n int, typ, name string) claimgraph.Mention {
	s, e := span(t, text, sub, n)
	kind := claimgraph.MentionName
	if sub == strings.ToUpper(sub) {
		kind = claimgraph.MentionAcronym
	}
	return claimgraph.Mention{Doc: doc, Start: s, End: e, Text: sub, Type: typ, Kind: kind, Name: name, Confidence: 0.9}
}

func textSpan(t *testing.T, text, sub string) claimgraph.TextSpan {
	s, e := span(t, text, sub, 0)
	return claimgraph.TextSpan{Text: sub, Start: s, End: e}
}

func document(text, title, outlet, date string, regions []claimgraph.Region) *claimgraph.Document {
	if regions == nil {
		regions = []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text), Why: "default"}}
	}
	return &claimgraph.Document{ID: claimgraph.DocumentID(text), Source: "test", Format: "txt", Outlet: outlet, Title: title,
		Date: date, DateSource: "flag", Encoding: "utf-8", Text: text, Regions: regions,
		IngestedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

// newFixture fills a store and serves it with opts.
func newFixture(t *testing.T, opts httpapi.Options) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &fixture{store: db}

	side := strings.Index(text1, "Related:")
	d1 := document(text1, "MKO accused of plotting", "Example Times", "2013-09-12", []claimgraph.Region{
		{Kind: claimgraph.RegionMain, Start: 0, End: side, Why: "main"},
		{Kind: claimgraph.RegionBoilerplate, Start: side, End: len(text1), Why: "sidebar: teaser run"},
	})
	f.doc1 = d1.ID
	q1 := textSpan(t, text1, "We will never give up,")
	rs, re := span(t, text1, "Maryam Rajavi", 0)
	a1 := &claimgraph.Analysis{
		Mentions: []claimgraph.Mention{
			mention(t, d1.ID, text1, "Mojahedin-e Khalq Organization", 0, "ORG", "Mojahedin-e Khalq Organization"),
			mention(t, d1.ID, text1, "MKO", 0, "ORG", "MKO"),
			mention(t, d1.ID, text1, "MEK", 0, "ORG", "MEK"),
			mention(t, d1.ID, text1, "Nouri al-Maliki", 0, "PER", "Nouri al-Maliki"),
			mention(t, d1.ID, text1, "Maryam Rajavi", 0, "PER", "Maryam Rajavi"),
		},
		Aliases: []claimgraph.AliasAssertion{{Doc: d1.ID, Name: "MKO", Alias: "MEK", Type: "ORG", Pattern: "also-known-as",
			Start: textSpan(t, text1, "(MKO), also known as MEK").Start, End: textSpan(t, text1, "(MKO), also known as MEK").End, Evidence: "(MKO), also known as MEK"}},
		Quotes: []claimgraph.Quote{{Doc: d1.ID, Kind: claimgraph.QuoteDirect, Content: q1,
			Speaker: &claimgraph.Speaker{Name: "Maryam Rajavi", Text: "Maryam Rajavi", Start: rs, End: re, Mention: 4, Type: "PER", Confidence: 0.9},
			Cue:     textSpan(t, text1, "said"), CueLemma: "say"}},
		Claims: []claimgraph.Claim{{Doc: d1.ID, Subject: textSpan(t, text1, "Nouri al-Maliki"), Relation: textSpan(t, text1, "accused"),
			RelationLemma: "accuse", Object: textSpan(t, text1, "Mojahedin-e Khalq Organization"),
			Evidence: textSpan(t, text1, "The Mojahedin-e Khalq Organization (MKO), also known as MEK, was accused by Nouri al-Maliki of plotting attacks."),
			Quote:    -1, Time: -1, Hedges: []string{}, Confidence: 0.8}},
		Times: []claimgraph.TimeExpr{{Doc: d1.ID, Start: textSpan(t, text1, "11 September 2013").Start, End: textSpan(t, text1, "11 September 2013").End,
			Text: "11 September 2013", Type: claimgraph.TimexDate, Value: "2013-09-11", Rule: "test"}},
		Analyzer: "test",
	}
	d2 := document(text2, "Maliki on the MKO", "Other Daily", "2014-06-20", nil)
	f.doc2 = d2.ID
	a2 := &claimgraph.Analysis{
		Mentions: []claimgraph.Mention{
			mention(t, d2.ID, text2, "Nouri al-Maliki", 0, "PER", "Nouri al-Maliki"),
			mention(t, d2.ID, text2, "MKO", 0, "ORG", "MKO"),
			mention(t, d2.ID, text2, "Rajavi", 0, "PER", "Rajavi"),
		},
		Claims: []claimgraph.Claim{{Doc: d2.ID, Subject: textSpan(t, text2, "the MKO"), Relation: textSpan(t, text2, "was"),
			RelationLemma: "be", Object: textSpan(t, text2, "a terrorist group"),
			Evidence: textSpan(t, text2, "Nouri al-Maliki said the MKO was a terrorist group."), Quote: -1, Time: -1, Hedges: []string{},
			Speaker:    &claimgraph.Speaker{Name: "Nouri al-Maliki", Text: "Nouri al-Maliki", Mention: 0, Type: "PER", Confidence: 0.9},
			Confidence: 0.7}},
		Times: []claimgraph.TimeExpr{{Doc: d2.ID, Start: textSpan(t, text2, "June 2014").Start, End: textSpan(t, text2, "June 2014").End,
			Text: "June 2014", Type: claimgraph.TimexDate, Value: "2014-06", Rule: "test"}},
		Analyzer: "test",
	}
	d3 := document(text3, "Weather", "Other Daily", "2014-06-21", nil)
	f.doc3 = d3.ID
	a3 := &claimgraph.Analysis{Mentions: []claimgraph.Mention{mention(t, d3.ID, text3, "Baghdad", 0, "LOC", "Baghdad")}, Analyzer: "test"}
	for _, p := range []struct {
		d *claimgraph.Document
		a *claimgraph.Analysis
	}{{d1, a1}, {d2, a2}, {d3, a3}} {
		if _, err := db.PutDocument(ctx, p.d, p.a); err != nil {
			t.Fatalf("put %s: %v", p.d.Title, err)
		}
	}

	f.mko, f.maliki, f.rajavi, f.baghdad = 101, 102, 103, 104
	me := map[int64]int64{}
	byName := map[string]int64{"Mojahedin-e Khalq Organization": f.mko, "MKO": f.mko, "MEK": f.mko,
		"Nouri al-Maliki": f.maliki, "Maryam Rajavi": f.rajavi, "Rajavi": f.rajavi, "Baghdad": f.baghdad}
	for _, id := range []string{d1.ID, d2.ID, d3.ID} {
		a, err := db.Analysis(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			me[m.ID] = byName[m.Name]
		}
	}
	asserted := claimgraph.Alias{Name: "MEK", Source: claimgraph.AliasAsserted, Rule: "also-known-as", Doc: d1.ID,
		Start: a1.Aliases[0].Start, End: a1.Aliases[0].End, Evidence: a1.Aliases[0].Evidence}
	entities := []claimgraph.Entity{
		{ID: f.mko, Name: "Mojahedin-e Khalq Organization", Type: "ORG", Aliases: []claimgraph.Alias{
			{Name: "MKO", Source: claimgraph.AliasMention}, {Name: "MEK", Source: claimgraph.AliasMention}, asserted}},
		{ID: f.maliki, Name: "Nouri al-Maliki", Type: "PER", Aliases: []claimgraph.Alias{{Name: "Nouri al-Maliki", Source: claimgraph.AliasMention}}},
		{ID: f.rajavi, Name: "Maryam Rajavi", Type: "PER", Aliases: []claimgraph.Alias{{Name: "Rajavi", Source: claimgraph.AliasMention}}},
		{ID: f.baghdad, Name: "Baghdad", Type: "LOC"},
	}
	// One name with seven pieces of evidence, more than an entity page shows.
	for k := range 7 {
		entities[3].Aliases = append(entities[3].Aliases, claimgraph.Alias{Name: "Bagdad", Source: claimgraph.AliasRule, Rule: fmt.Sprintf("rule-%d", k)})
	}
	if err := db.ReplaceEntities(ctx, entities, me); err != nil {
		t.Fatalf("replace entities: %v", err)
	}
	f.srv = httptest.NewServer(httpapi.New(db, opts))
	t.Cleanup(f.srv.Close)
	return f
}

// get fetches a path and returns the response with its body read.
func (f *fixture) get(t *testing.T, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, f.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// getJSON fetches a path, checks the status, and decodes the body into v.
func (f *fixture) getJSON(t *testing.T, path string, status int, v any) {
	t.Helper()
	res, body := f.get(t, path)
	if res.StatusCode != status {
		t.Fatalf("GET %s = %d, want %d\n%s", path, res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s Content-Type = %q", path, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// apiError is the JSON error body.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// page is a JSON listing.
type page[T any] struct {
	Items  []T  `json:"items"`
	Offset int  `json:"offset"`
	Limit  int  `json:"limit"`
	Next   *int `json:"next"`
}

// Package storetest is the contract every claimgraph store passes: one suite,
// run by each store's tests against a real database.
package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
)

// Opener returns a fresh, empty store for one test.
type Opener func(t *testing.T) claimgraph.DocumentStore

// Run runs the contract suite against stores made by open.
func Run(t *testing.T, open Opener) {
	t.Run("PutAndGet", func(t *testing.T) { testPutAndGet(t, open(t)) })
	t.Run("PutTwiceIsNoop", func(t *testing.T) { testPutTwice(t, open(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, open(t)) })
	t.Run("ListInIngestOrder", func(t *testing.T) { testList(t, open(t)) })
	t.Run("AnalysisRoundTrip", func(t *testing.T) { testAnalysis(t, open(t)) })
}

// SampleDocument returns a document written for these tests.
func SampleDocument(text string) *claimgraph.Document {
	return &claimgraph.Document{
		ID: claimgraph.DocumentID(text), Source: "testdata/x.txt", Format: "txt", Outlet: "Example Times",
		Title: "A headline", Author: "Jane Roe", Date: "2015-02-15", DateSource: "flag", Encoding: "utf-8",
		Text:       text,
		Regions:    []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text), Why: "default"}},
		Meta:       map[string]string{"k": "v"},
		IngestedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}
}

func testPutAndGet(t *testing.T, s claimgraph.DocumentStore) {
	ctx := context.Background()
	d := SampleDocument("The minister said on Monday that talks would resume.")
	created, err := s.PutDocument(ctx, d, nil)
	if err != nil || !created {
		t.Fatalf("PutDocument = %v, %v; want true, nil", created, err)
	}
	got, err := s.Document(ctx, d.ID[:6])
	if err != nil {
		t.Fatalf("Document by prefix: %v", err)
	}
	want := *d
	want.Bytes = len(d.Text)
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("Document =\n%+v\nwant\n%+v", got, &want)
	}
	if ok, err := s.HasDocument(ctx, d.ID); err != nil || !ok {
		t.Errorf("HasDocument = %v, %v", ok, err)
	}
}

func testPutTwice(t *testing.T, s claimgraph.DocumentStore) {
	ctx := context.Background()
	d := SampleDocument("Same text twice.")
	if _, err := s.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	d2 := SampleDocument("Same text twice.")
	d2.Title = "another title"
	created, err := s.PutDocument(ctx, d2, nil)
	if err != nil || created {
		t.Fatalf("second PutDocument = %v, %v; want false, nil", created, err)
	}
	got, err := s.Document(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "A headline" {
		t.Errorf("second put changed the stored title to %q", got.Title)
	}
}

func testNotFound(t *testing.T, s claimgraph.DocumentStore) {
	ctx := context.Background()
	_, err := s.Document(ctx, "0123456789abcdef")
	if code := claimgraph.ErrorCode(err); code != claimgraph.ENOTFOUND {
		t.Errorf("Document(missing) error code = %q (%v), want %q", code, err, claimgraph.ENOTFOUND)
	}
	_, err = s.Analysis(ctx, "0123456789abcdef")
	if code := claimgraph.ErrorCode(err); code != claimgraph.ENOTFOUND {
		t.Errorf("Analysis(missing) error code = %q, want %q", code, claimgraph.ENOTFOUND)
	}
}

func testList(t *testing.T, s claimgraph.DocumentStore) {
	ctx := context.Background()
	texts := []string{"zeta article", "alpha article", "mid article"}
	for _, x := range texts {
		if _, err := s.PutDocument(ctx, SampleDocument(x), nil); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := s.Documents(ctx, claimgraph.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("Documents = %d, want 3", len(docs))
	}
	for i, d := range docs {
		if d.ID != claimgraph.DocumentID(texts[i]) || d.Bytes != len(texts[i]) || d.Text != "" {
			t.Errorf("doc %d = %s (%d bytes, text %q), want %s in ingest order without text", i, d.ID, d.Bytes, d.Text, claimgraph.DocumentID(texts[i]))
		}
	}
	page, err := s.Documents(ctx, claimgraph.DocumentFilter{Offset: 1, Limit: 1})
	if err != nil || len(page) != 1 || page[0].ID != docs[1].ID {
		t.Errorf("page = %v, %v; want the second document", page, err)
	}
	// Offsets without a limit, and past the end.
	rest, err := s.Documents(ctx, claimgraph.DocumentFilter{Offset: 2})
	if err != nil || len(rest) != 1 || rest[0].ID != docs[2].ID {
		t.Errorf("from offset 2 = %v, %v; want the third document", rest, err)
	}
	past, err := s.Documents(ctx, claimgraph.DocumentFilter{Offset: 3, Limit: 5})
	if err != nil || len(past) != 0 {
		t.Errorf("past the end = %v, %v; want none", past, err)
	}
}

func testAnalysis(t *testing.T, s claimgraph.DocumentStore) {
	ctx := context.Background()
	text := `Jane Roe, a former official, said the Acme Corp (ACME) had "no plans" last June.`
	d := SampleDocument(text)
	a := &claimgraph.Analysis{
		Analyzer: "test-1",
		Mentions: []claimgraph.Mention{
			{Doc: d.ID, Start: 0, End: 8, Text: "Jane Roe", Type: "PER", Kind: "name", Name: "Jane Roe", Chain: 0, Confidence: 0.9},
			{Doc: d.ID, Start: 37, End: 46, Text: "Acme Corp", Type: "ORG", Kind: "name", Name: "Acme Corp", Chain: 1, Confidence: 0.8},
		},
		Aliases: []claimgraph.AliasAssertion{{Doc: d.ID, Name: "Acme Corp", Alias: "ACME", Type: "ORG", Pattern: "parenthesis", Start: 37, End: 53, Evidence: "Acme Corp (ACME)"}},
		Quotes: []claimgraph.Quote{{Doc: d.ID, Kind: "indirect",
			Content: claimgraph.TextSpan{Text: `the Acme Corp (ACME) had "no plans" last June`, Start: 33, End: 79},
			Speaker: &claimgraph.Speaker{Name: "Jane Roe", Text: "Jane Roe", Start: 0, End: 8, Mention: 0, Type: "PER", Confidence: 1},
			Cue:     claimgraph.TextSpan{Text: "said", Start: 28, End: 32}, CueLemma: "say"}},
		Claims: []claimgraph.Claim{{Doc: d.ID, Subject: claimgraph.TextSpan{Text: "Acme Corp", Start: 37, End: 46},
			Relation: claimgraph.TextSpan{Text: "had", Start: 54, End: 57}, RelationLemma: "have", Object: claimgraph.TextSpan{Text: "no plans", Start: 59, End: 67},
			Evidence: claimgraph.TextSpan{Text: text, Start: 0, End: len(text)}, Quote: 0, Time: 0, Hedges: []string{}, Negated: true,
			Speaker: &claimgraph.Speaker{Name: "Jane Roe", Text: "Jane Roe", Start: 0, End: 8, Mention: 0, Type: "PER", Confidence: 1}}},
		Times: []claimgraph.TimeExpr{{Doc: d.ID, Start: 69, End: 78, Text: "last June", Type: "DATE", Value: "2014-06", Relative: true, Anchor: "2015-02-15", Rule: "last-month"}},
	}
	if _, err := s.PutDocument(ctx, d, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Analysis(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Stores assign ids; compare without them.
	for i := range got.Mentions {
		if got.Mentions[i].ID == 0 {
			t.Errorf("mention %d has no id", i)
		}
		got.Mentions[i].ID = 0
	}
	for i := range got.Quotes {
		got.Quotes[i].ID = 0
	}
	for i := range got.Claims {
		got.Claims[i].ID = 0
	}
	for i := range got.Times {
		got.Times[i].ID = 0
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Analysis round trip:\n got %+v\nwant %+v", got, a)
	}
}

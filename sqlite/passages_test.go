package sqlite

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/storetest"
)

// Reuse pairs keep their passages' spans, not their text: the listing cuts
// the text out of the stored documents, so what it shows is the documents'
// own bytes even where a stored pair says otherwise.
func TestPassagesStoredAsSpans(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a := storetest.SampleDocument("The mayor said the bridge will close on Monday. Nothing else happened.")
	b := storetest.SampleDocument("Earlier today: the mayor said the bridge will close on Monday, officials confirmed.")
	if _, err := db.PutDocument(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	span := "the bridge will close on Monday"
	as, bs := strings.Index(a.Text, span), strings.Index(b.Text, span)
	pair := claimgraph.ReusePair{DocA: a.ID, DocB: b.ID, Similarity: 0.4, Containment: 0.6, Passages: []claimgraph.Passage{{
		AStart: as, AEnd: as + len(span), BStart: bs, BEnd: bs + len(span), AText: span, BText: span, Score: 1,
	}}}
	if _, err := db.PutDocument(ctx, b, &claimgraph.Analysis{Reuse: []claimgraph.ReusePair{pair}}); err != nil {
		t.Fatal(err)
	}
	var raw string
	if err := db.db.QueryRowContext(ctx, `SELECT passages FROM reuse_pairs`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(raw, "a_text") || strings.Contains(raw, span) {
		t.Errorf("stored passages carry text: %s", raw)
	}
	list := func() ([]claimgraph.ReusePair, error) { return db.Reuse(ctx, claimgraph.ReuseFilter{Doc: b.ID}) }
	got, err := list()
	if err != nil || len(got) != 1 || len(got[0].Passages) != 1 {
		t.Fatalf("Reuse = %+v, %v", got, err)
	}
	if p := got[0].Passages[0]; p.AText != span || p.BText != span || p.Score != 1 || p.AStart != as || p.BEnd != bs+len(span) {
		t.Errorf("listed passage = %+v", p)
	}

	// A pair stored with its texts (before spans alone) lists the documents' bytes.
	if _, err := db.db.ExecContext(ctx, `UPDATE reuse_pairs SET passages = ?`,
		`[{"a_start":`+strconv.Itoa(as)+`,"a_end":`+strconv.Itoa(as+len(span))+`,"b_start":`+strconv.Itoa(bs)+`,"b_end":`+strconv.Itoa(bs+len(span))+`,"a_text":"stale","b_text":"stale","score":1}]`); err != nil {
		t.Fatal(err)
	}
	if got, err := list(); err != nil || got[0].Passages[0].AText != span || got[0].Passages[0].BText != span {
		t.Errorf("legacy pair listed as %+v, %v", got, err)
	}

	// A span past the end of a text is reported, naming the pair.
	if _, err := db.db.ExecContext(ctx, `UPDATE reuse_pairs SET passages = '[{"a_start":0,"a_end":9999,"b_start":0,"b_end":1,"score":1}]'`); err != nil {
		t.Fatal(err)
	}
	if _, err := list(); err == nil || !strings.Contains(err.Error(), "outside the texts") || !strings.Contains(err.Error(), a.ID) {
		t.Errorf("span outside the text: err = %v", err)
	}
}

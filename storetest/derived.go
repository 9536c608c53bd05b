package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph"
)

// StoreOpener returns a fresh, empty store for one test.
type StoreOpener func(t *testing.T) claimgraph.Store

// RunStore runs the contract of the derived layers' pending work: the
// generation that keeps a recomputation from marking fresh a layer that
// missed a write, the outlets marked for boilerplate learning, and the
// decisions that make the layer stale.
func RunStore(t *testing.T, open StoreOpener) {
	t.Run("GenerationCatchesOverlappingWrite", func(t *testing.T) { testGeneration(t, open(t)) })
	t.Run("PendingOutlets", func(t *testing.T) { testPendingOutlets(t, open(t)) })
	t.Run("DecisionsMakeStale", func(t *testing.T) { testDecisionsStale(t, open(t)) })
	t.Run("EntityRedirects", func(t *testing.T) { testRedirects(t, open(t)) })
	t.Run("OutletsFollowWrites", func(t *testing.T) { testOutletsFollowWrites(t, open(t)) })
}

// testOutletsFollowWrites checks that the outlet list (which a store may
// keep between calls) counts every document stored since it was last read.
func testOutletsFollowWrites(t *testing.T, s claimgraph.Store) {
	ctx := context.Background()
	want := func(w ...claimgraph.OutletCount) {
		t.Helper()
		got, err := s.Outlets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("Outlets = %v; want %v", got, w)
		}
	}
	want()
	if _, err := s.PutDocument(ctx, SampleDocument("An article of the Example Times."), nil); err != nil {
		t.Fatal(err)
	}
	want(claimgraph.OutletCount{Outlet: "Example Times", Docs: 1})
	want(claimgraph.OutletCount{Outlet: "Example Times", Docs: 1})
	for _, text := range []string{"Another outlet's article.", "Another outlet's second article."} {
		d := SampleDocument(text)
		d.Outlet = "Other Post"
		if _, err := s.PutDocument(ctx, d, nil); err != nil {
			t.Fatal(err)
		}
	}
	want(claimgraph.OutletCount{Outlet: "Other Post", Docs: 2}, claimgraph.OutletCount{Outlet: "Example Times", Docs: 1})
}

func testRedirects(t *testing.T, s claimgraph.Store) {
	ctx := context.Background()
	LoadCorpus(t, s)
	if err := s.RedirectEntities(ctx, map[int64]int64{999: EntAcme}); err != nil {
		t.Fatal(err)
	}
	if e, err := s.Entity(ctx, "999"); err != nil || e.ID != EntAcme {
		t.Fatalf("Entity(absorbed id) = %+v, %v; want Acme Corp", e, err)
	}
	// Acme is absorbed in turn: the older redirect follows it.
	if err := s.RedirectEntities(ctx, map[int64]int64{EntAcme: EntBlue}); err != nil {
		t.Fatal(err)
	}
	if e, err := s.Entity(ctx, "999"); err != nil || e.ID != EntBlue {
		t.Errorf("Entity(id absorbed twice) = %v, %v; want Blue Party", e.ID, err)
	}
	// A live id is never redirected.
	if e, err := s.Entity(ctx, "2"); err != nil || e.ID != EntAcme {
		t.Errorf("Entity(live id) = %v, %v; want Acme Corp itself", e.ID, err)
	}
	if _, err := s.Entity(ctx, "12345"); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("Entity(unknown id) = %v; want not found", err)
	}
}

func stale(t *testing.T, s claimgraph.Store) bool {
	t.Helper()
	st, err := s.EntitiesStale(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func testGeneration(t *testing.T, s claimgraph.Store) {
	ctx := context.Background()
	if stale(t, s) {
		t.Error("empty store is stale")
	}
	if _, err := s.PutDocument(ctx, SampleDocument("First article."), &claimgraph.Analysis{}); err != nil {
		t.Fatal(err)
	}
	if !stale(t, s) {
		t.Error("not stale after a document was stored")
	}
	// A recomputation reads the generation, then its inputs; a document
	// stored meanwhile is not in the layer it writes.
	g, _, err := s.EntityGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutDocument(ctx, SampleDocument("Second article, stored during the recomputation."), &claimgraph.Analysis{}); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceEntities(ctx, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkEntitiesBuilt(ctx, g); err != nil {
		t.Fatal(err)
	}
	if !stale(t, s) {
		t.Error("a layer built before the second document is marked fresh: its mentions would stay without entities")
	}
	g2, _, _ := s.EntityGeneration(ctx)
	if err := s.MarkEntitiesBuilt(ctx, g2); err != nil {
		t.Fatal(err)
	}
	if stale(t, s) {
		t.Error("stale after a layer built at the current generation")
	}
	// A document already stored changes nothing.
	if _, err := s.PutDocument(ctx, SampleDocument("First article."), &claimgraph.Analysis{}); err != nil {
		t.Fatal(err)
	}
	if stale(t, s) {
		t.Error("an unchanged document made the layer stale")
	}
	unlock, err := s.LockEntities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
}

func testPendingOutlets(t *testing.T, s claimgraph.Store) {
	ctx := context.Background()
	d := SampleDocument("An article of the Example Times.")
	if _, err := s.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	p, err := s.PendingOutlets(ctx)
	if err != nil || len(p) != 1 || p["Example Times"] == 0 {
		t.Fatalf("PendingOutlets = %v, %v; want the document's outlet", p, err)
	}
	v := p["Example Times"]
	// Another document of the outlet arrives while it is being learned:
	// clearing at the old version leaves the mark.
	if _, err := s.PutDocument(ctx, SampleDocument("A later article of the Example Times."), nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DoneOutlet(ctx, "Example Times", v); err != nil {
		t.Fatal(err)
	}
	p, _ = s.PendingOutlets(ctx)
	if len(p) != 1 || p["Example Times"] == v {
		t.Fatalf("after a late document PendingOutlets = %v; want the outlet at a newer version than %d", p, v)
	}
	if err := s.DoneOutlet(ctx, "Example Times", p["Example Times"]); err != nil {
		t.Fatal(err)
	}
	if p, _ = s.PendingOutlets(ctx); len(p) != 0 {
		t.Errorf("PendingOutlets after learning = %v; want none", p)
	}
}

func testDecisionsStale(t *testing.T, s claimgraph.Store) {
	ctx := context.Background()
	g, _, _ := s.EntityGeneration(ctx)
	if err := s.MarkEntitiesBuilt(ctx, g); err != nil {
		t.Fatal(err)
	}
	seq, err := s.AddDecision(ctx, "merge: MKO = MEK")
	if err != nil {
		t.Fatal(err)
	}
	if !stale(t, s) {
		t.Error("a new decision left the layer fresh: a recomputation killed before it ends would never be redone")
	}
	g, _, _ = s.EntityGeneration(ctx)
	s.MarkEntitiesBuilt(ctx, g)
	if err := s.RemoveDecision(ctx, seq); err != nil {
		t.Fatal(err)
	}
	if !stale(t, s) {
		t.Error("undoing a decision left the layer fresh")
	}
	g, _, _ = s.EntityGeneration(ctx)
	s.MarkEntitiesBuilt(ctx, g)
	if err := s.ReplaceDecisions(ctx, []string{"split: NCR | MKO"}); err != nil {
		t.Fatal(err)
	}
	if !stale(t, s) {
		t.Error("an alias import left the layer fresh")
	}
}

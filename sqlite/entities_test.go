package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/storetest"
)

func TestReplaceEntities(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if stale, err := db.EntitiesStale(ctx); err != nil || stale {
		t.Errorf("empty store stale = %v, %v; want false", stale, err)
	}
	c := storetest.LoadCorpus(t, db)
	if cur, _, err := db.EntityGeneration(ctx); err != nil {
		t.Fatal(err)
	} else if err := db.MarkEntitiesBuilt(ctx, cur); err != nil {
		t.Fatal(err)
	}
	if stale, err := db.EntitiesStale(ctx); err != nil || stale {
		t.Errorf("after ReplaceEntities and MarkEntitiesBuilt stale = %v, %v; want false", stale, err)
	}
	before, err := db.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 19 {
		t.Fatalf("AllMentions = %d, want the corpus's 19", len(before))
	}
	for i := 1; i < len(before); i++ {
		if before[i-1].Doc > before[i].Doc {
			t.Fatalf("AllMentions not ordered by document: %s before %s", before[i-1].Doc, before[i].Doc)
		}
	}

	asserted, err := db.AllAliasAssertions(ctx)
	if err != nil || len(asserted) != 1 || asserted[0].Doc != c.A.ID || c.A.Text[asserted[0].Start:asserted[0].End] != asserted[0].Evidence {
		t.Errorf("AllAliasAssertions = %+v, %v; want the assertion of A with its span", asserted, err)
	}

	// Merge Mary and John Doe into one entity; the mentions stay as they are.
	merged := []claimgraph.Entity{{ID: 10, Name: "The Does", Type: "PER", Aliases: []claimgraph.Alias{{Name: "Mary Doe", Source: claimgraph.AliasUser}}}}
	me := map[int64]int64{}
	for _, m := range before {
		if m.Entity == storetest.EntMary || m.Entity == storetest.EntJohn {
			me[m.ID] = 10
		}
	}
	if err := db.ReplaceEntities(ctx, merged, me); err != nil {
		t.Fatal(err)
	}
	after, err := db.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range after {
		want := before[i]
		want.Entity = me[want.ID]
		if after[i] != want {
			t.Errorf("mention %d changed: %+v, want %+v", i, after[i], want)
		}
	}
	d, err := db.Entity(ctx, "the does")
	if err != nil {
		t.Fatal(err)
	}
	if d.Entity.Mentions != 2 || d.Docs != 1 || len(d.Documents) != 1 || d.Documents[0].Doc != c.D.ID {
		t.Errorf("merged entity = %+v, want 2 mentions in D", d.Entity)
	}
	if _, err := db.Entity(ctx, "Acme Corp"); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("replaced-away entity still found: %v", err)
	}
	// Claims lost their entities with the layer: none is about Acme now.
	if cs, err := db.Claims(ctx, claimgraph.ClaimFilter{}); err != nil || len(cs) != 2 || cs[0].SubjectEntity != 0 {
		t.Errorf("claims after replacement = %+v, %v; want 2 clusters without entities", cs, err)
	}

	// A new document makes the layer stale.
	if _, err := db.PutDocument(ctx, storetest.SampleDocument("A later article."), &claimgraph.Analysis{}); err != nil {
		t.Fatal(err)
	}
	if stale, err := db.EntitiesStale(ctx); err != nil || !stale {
		t.Errorf("after a new document stale = %v, %v; want true", stale, err)
	}
}

func TestReplaceEntitiesRejects(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	storetest.LoadCorpus(t, db)
	ms, err := db.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		entities []claimgraph.Entity
		me       map[int64]int64
		code     string
	}{
		{"zero id", []claimgraph.Entity{{ID: 0, Name: "x"}}, nil, claimgraph.EINVALID},
		{"duplicate id", []claimgraph.Entity{{ID: 1, Name: "x"}, {ID: 1, Name: "y"}}, nil, claimgraph.EINVALID},
		{"unknown entity", []claimgraph.Entity{{ID: 1, Name: "x"}}, map[int64]int64{ms[0].ID: 2}, claimgraph.EINVALID},
		{"unknown mention", []claimgraph.Entity{{ID: 1, Name: "x"}}, map[int64]int64{999999: 1}, claimgraph.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.ReplaceEntities(ctx, tt.entities, tt.me)
			if claimgraph.ErrorCode(err) != tt.code {
				t.Errorf("error = %v, want code %q", err, tt.code)
			}
			// A rejected replacement leaves the layer as it was.
			if es, err := db.Entities(ctx, claimgraph.EntityFilter{}); err != nil || len(es) != 6 {
				t.Errorf("entities after rejected replacement = %d, %v; want the corpus's 6", len(es), err)
			}
		})
	}
}

func TestDecisions(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	db.Now = func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }
	var seqs []int64
	for _, l := range []string{"merge MKO = MEK", "split Maryam Rajavi / Massoud Rajavi", "rename MEK = People's Mojahedin"} {
		seq, err := db.AddDecision(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, seq)
	}
	if _, err := db.AddDecision(ctx, "two\nlines"); claimgraph.ErrorCode(err) != claimgraph.EINVALID {
		t.Errorf("two-line decision: %v, want EINVALID", err)
	}
	if err := db.RemoveDecision(ctx, seqs[1]); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveDecision(ctx, seqs[1]); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("removing twice: %v, want ENOTFOUND", err)
	}
	ds, err := db.Decisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0].Line != "merge MKO = MEK" || ds[1].Seq != seqs[2] || !ds[0].CreatedAt.Equal(db.Now()) {
		t.Errorf("decisions = %+v", ds)
	}
	if err := db.ReplaceDecisions(ctx, []string{"# curated", "", "merge A = B", "type A = ORG"}); err != nil {
		t.Fatal(err)
	}
	ds, err = db.Decisions(ctx)
	if err != nil || len(ds) != 2 || ds[0].Line != "merge A = B" || ds[1].Line != "type A = ORG" {
		t.Errorf("after import: %+v, %v", ds, err)
	}
}

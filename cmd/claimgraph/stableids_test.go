package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/resolve"
	"github.com/claimgraph/claimgraph/sqlite"
)

func TestKeepEntityIDs(t *testing.T) {
	m := func(old int64) claimgraph.Mention { return claimgraph.Mention{Entity: old} }
	tests := []struct {
		name          string
		mentions      []claimgraph.Mention
		fresh         []int64 // res.Mention
		entities      []int64 // res.Entities ids
		wantMention   []int64
		wantRedirects map[int64]int64
	}{
		{"an entity that grows keeps its id",
			[]claimgraph.Mention{m(7), m(7), m(0)}, []int64{3, 3, 3}, []int64{3},
			[]int64{7, 7, 7}, map[int64]int64{}},
		{"a merge keeps the larger's id and redirects the other",
			[]claimgraph.Mention{m(7), m(7), m(9)}, []int64{3, 3, 3}, []int64{3},
			[]int64{7, 7, 7}, map[int64]int64{9: 7}},
		{"a split keeps the id on the larger part; the new part keeps the resolver's",
			[]claimgraph.Mention{m(7), m(7), m(7)}, []int64{3, 3, 5}, []int64{3, 5},
			[]int64{7, 7, 5}, map[int64]int64{}},
		{"a resolver id that a kept id holds is moved",
			[]claimgraph.Mention{m(5), m(0)}, []int64{3, 5}, []int64{3, 5},
			nil, map[int64]int64{}},
		{"no stored layer: ids as resolved",
			[]claimgraph.Mention{m(0), m(0)}, []int64{3, 4}, []int64{3, 4},
			[]int64{3, 4}, map[int64]int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &resolve.Result{Mention: append([]int64(nil), tt.fresh...)}
			for _, id := range tt.entities {
				res.Entities = append(res.Entities, claimgraph.Entity{ID: id})
			}
			red := keepEntityIDs(tt.mentions, res)
			if tt.wantMention != nil && !reflect.DeepEqual(res.Mention, tt.wantMention) {
				t.Errorf("mentions = %v, want %v", res.Mention, tt.wantMention)
			}
			if !reflect.DeepEqual(red, tt.wantRedirects) {
				t.Errorf("redirects = %v, want %v", red, tt.wantRedirects)
			}
			ids := map[int64]bool{}
			for _, e := range res.Entities {
				if e.ID <= 0 || ids[e.ID] {
					t.Errorf("entity id %d not positive and unique in %v", e.ID, res.Entities)
				}
				ids[e.ID] = true
			}
			for _, e := range res.Mention {
				if e != 0 && !ids[e] {
					t.Errorf("mention resolves to %d, not an entity", e)
				}
			}
		})
	}
}

// TestEntityIDsSurviveIngest ingests articles, then as many again: every
// entity id of the first layer still leads to an entity (its own, or the
// one that absorbed it), and the entities that only grew kept their ids.
func TestEntityIDsSurviveIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 600 articles")
	}
	dir := t.TempDir()
	input, _ := treebankInput(t, dir, 600)
	lines := strings.SplitAfter(strings.TrimSuffix(mustRead(t, input), "\n"), "\n")
	first, second := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "second.jsonl")
	os.WriteFile(first, []byte(strings.Join(lines[:300], "")), 0o644)
	os.WriteFile(second, []byte(strings.Join(lines[300:], "")), 0o644)
	db := filepath.Join(dir, "store.db")
	if _, stderr, err := run(t, "", "ingest", "-q", "--db", db, first); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	before, err := store.Entities(ctx, claimgraph.EntityFilter{Limit: 200})
	if err != nil || len(before) < 50 {
		t.Fatalf("entities after the first half: %d, %v", len(before), err)
	}
	if _, stderr, err := run(t, "", "ingest", "-q", "--db", db, second); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	kept, redirected := 0, 0
	for _, e := range before {
		d, err := store.Entity(ctx, strconv.FormatInt(e.ID, 10))
		if err != nil {
			t.Errorf("entity %d (%s) of the first layer: %v", e.ID, e.Name, err)
			continue
		}
		if d.ID == e.ID {
			kept++
		} else {
			redirected++
		}
	}
	t.Logf("of the top %d entities: %d kept their id, %d redirected", len(before), kept, redirected)
}

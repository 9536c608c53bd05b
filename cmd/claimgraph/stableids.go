package main

import (
	"sort"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/resolve"
)

// keepEntityIDs renumbers a fresh resolution so that entity ids survive
// recomputation: the resolver derives an id from an entity's smallest name
// key, which changes when an entity grows by a name that sorts first. Each
// stored entity's id goes to the new entity that holds most of its mentions
// (largest flows first, each id and each new entity used once); a new
// entity no stored id went to keeps the resolver's id (made unique). It
// returns the redirects: stored ids whose mentions went to an entity that
// kept another id, mapped to that entity's id.
//
// mentions carry the stored layer's entity (0 when none); res.Mention[i]
// is the new entity of mentions[i]. res is rewritten in place.
func keepEntityIDs(mentions []claimgraph.Mention, res *resolve.Result) map[int64]int64 {
	type flow struct{ old, new int64 }
	flows := map[flow]int{}
	oldSize := map[int64]int{}
	for i, m := range mentions {
		if m.Entity != 0 {
			oldSize[m.Entity]++
		}
		if m.Entity != 0 && res.Mention[i] != 0 {
			flows[flow{m.Entity, res.Mention[i]}]++
		}
	}
	ranked := make([]flow, 0, len(flows))
	for f := range flows {
		ranked = append(ranked, f)
	}
	sort.Slice(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if flows[a] != flows[b] {
			return flows[a] > flows[b]
		}
		if a.old != b.old {
			return a.old < b.old
		}
		return a.new < b.new
	})
	assign := map[int64]int64{} // resolver id → kept id
	taken := map[int64]bool{}
	for _, f := range ranked {
		if _, done := assign[f.new]; done || taken[f.old] {
			continue
		}
		assign[f.new] = f.old
		taken[f.old] = true
	}
	// Entities no stored id went to keep the resolver's id unless a kept
	// id already holds it.
	for _, e := range res.Entities {
		if _, done := assign[e.ID]; done {
			continue
		}
		id := e.ID
		for taken[id] || id <= 0 {
			id = int64(uint64(id)*0x9E3779B97F4A7C15>>1) | 1 // another positive id, the same on every run
		}
		assign[e.ID] = id
		taken[id] = true
	}
	for i := range res.Entities {
		res.Entities[i].ID = assign[res.Entities[i].ID]
	}
	sort.Slice(res.Entities, func(i, j int) bool { return res.Entities[i].ID < res.Entities[j].ID })
	for i, e := range res.Mention {
		if e != 0 {
			res.Mention[i] = assign[e]
		}
	}
	// A stored id that no entity kept redirects to the entity that took
	// most of its mentions.
	redirects := map[int64]int64{}
	best := map[int64]flow{}
	for _, f := range ranked { // largest flows first
		if _, seen := best[f.old]; !seen {
			best[f.old] = f
		}
	}
	for old, f := range best {
		if !taken[old] {
			redirects[old] = assign[f.new]
		}
	}
	return redirects
}

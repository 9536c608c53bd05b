package sqlite

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

// bruteCoOccurrence is the definition coOccurrence implements, spelled out:
// for every document its MaxPairEntities most mentioned entities, every
// ordered pair of them, and per pair the documents and distinct sources.
func bruteCoOccurrence(rows []entityDocRow) map[int64][]coPartner {
	byDoc := map[string][]entityDocRow{}
	for _, r := range rows {
		byDoc[r.doc] = append(byDoc[r.doc], r)
	}
	type pair struct{ a, b int64 }
	docs := map[pair]int{}
	sources := map[pair]map[string]bool{}
	for _, rs := range byDoc {
		sort.Slice(rs, func(i, j int) bool {
			if rs[i].mentions != rs[j].mentions {
				return rs[i].mentions > rs[j].mentions
			}
			return rs[i].entity < rs[j].entity
		})
		if len(rs) > MaxPairEntities {
			rs = rs[:MaxPairEntities]
		}
		for _, x := range rs {
			for _, y := range rs {
				if x.entity == y.entity {
					continue
				}
				p := pair{x.entity, y.entity}
				docs[p]++
				if sources[p] == nil {
					sources[p] = map[string]bool{}
				}
				sources[p][x.source] = true
			}
		}
	}
	out := map[int64][]coPartner{}
	for p, n := range docs {
		out[p.a] = append(out[p.a], coPartner{p.b, n, len(sources[p])})
	}
	for _, ps := range out {
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].docs != ps[j].docs {
				return ps[i].docs > ps[j].docs
			}
			return ps[i].entity < ps[j].entity
		})
	}
	return out
}

func TestCoOccurrence(t *testing.T) {
	for _, tc := range []struct {
		name                         string
		docs, entities, perDoc, outs int
	}{
		{"empty", 0, 0, 0, 0},
		{"one document", 1, 5, 5, 1},
		{"few outlets", 200, 80, 12, 3},
		{"documents without outlet", 100, 50, 8, 0},
		{"more entities than the cap", 30, 400, 150, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(tc.docs*1000 + tc.entities)))
			var rows []entityDocRow
			for d := 0; d < tc.docs; d++ {
				doc := fmt.Sprintf("doc%03d", d)
				source := "document:" + doc
				if tc.outs > 0 {
					source = fmt.Sprintf("outlet:o%d", rng.Intn(tc.outs))
				}
				seen := map[int64]bool{}
				for k := 0; k < tc.perDoc; k++ {
					e := int64(rng.Intn(tc.entities) + 1)
					if seen[e] {
						continue
					}
					seen[e] = true
					rows = append(rows, entityDocRow{entity: e, doc: doc, mentions: 1 + rng.Intn(4), source: source})
				}
			}
			rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
			got := map[int64][]coPartner{}
			last := int64(0)
			err := coOccurrence(rows, func(e int64, ps []coPartner) error {
				if e <= last {
					t.Errorf("entity %d after %d: not in ascending order", e, last)
				}
				last = e
				// The list round-trips through its encoding.
				dec, err := decodePartners(encodePartners(ps), 0)
				if err != nil {
					return err
				}
				got[e] = dec
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := bruteCoOccurrence(rows)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("co-occurrence differs from its definition: got %d lists, want %d", len(got), len(want))
				for e, ps := range want {
					if !reflect.DeepEqual(got[e], ps) {
						t.Errorf("entity %d: got %v, want %v", e, got[e], ps)
						break
					}
				}
			}
		})
	}
}

func TestDecodePartnersLimit(t *testing.T) {
	// Entity ids are hashes that use all 63 bits of an int64.
	ps := []coPartner{{7, 3, 2}, {300, 2, 2}, {1 << 40, 1, 1}, {math.MaxInt64, 1, 1}, {6134845803337420415, 1, 1}}
	b := encodePartners(ps)
	for limit, want := range map[int][]coPartner{0: ps, 1: ps[:1], 2: ps[:2], 5: ps} {
		got, err := decodePartners(b, limit)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("limit %d: got %v, %v; want %v", limit, got, err, want)
		}
	}
	for _, bad := range [][]byte{{2}, {partnersVersion, 0x80}, {partnersVersion, 1, 1}} {
		if _, err := decodePartners(bad, 0); err == nil {
			t.Errorf("decodePartners(%v): no error", bad)
		}
	}
}

func FuzzDecodePartners(f *testing.F) {
	f.Add(encodePartners([]coPartner{{1, 2, 1}, {99999, 1, 1}}))
	f.Add([]byte{partnersVersion, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := decodePartners(b, 0)
		if err != nil {
			return
		}
		// What decodes encodes back to the same bytes when it was written
		// minimally (varints have one shortest form).
		if again, err := decodePartners(encodePartners(ps), 0); err != nil || !reflect.DeepEqual(again, ps) {
			t.Fatalf("re-encoding %v: %v, %v", ps, again, err)
		}
	})
}

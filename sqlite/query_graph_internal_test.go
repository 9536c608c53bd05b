package sqlite

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestStrongestSet checks the bounded set against sorting everything and
// keeping the first limit, ties included.
func TestStrongestSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tt := range []struct{ n, limit, spread int }{{0, 5, 3}, {3, 5, 3}, {5, 5, 3}, {200, 7, 3}, {2000, 51, 20}, {50, 1, 2}, {10, 0, 2}} {
		var all []neighbour
		for i := range tt.n {
			d := rng.IntN(tt.spread) + 1
			all = append(all, neighbour{int64(rng.IntN(tt.n) + i*tt.n), rng.IntN(d) + 1, d})
		}
		s := strongestSet{limit: tt.limit}
		for _, n := range all {
			s.add(n)
		}
		got := slices.Clone(s.ns)
		sortNeighbours(got)
		want := slices.Clone(all)
		sortNeighbours(want)
		want = want[:min(len(want), tt.limit)]
		if !slices.Equal(got, want) {
			t.Errorf("n=%d limit=%d: kept %v; want %v", tt.n, tt.limit, got, want)
		}
	}
}

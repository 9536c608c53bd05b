package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/reuse"
)

// openTemp opens a new store in the test's temporary directory, closed
// when the test ends.
func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestSketchCacheKeepsTheLatest(t *testing.T) {
	var c sketchCache
	sig := func(seq int64) reuse.Signature {
		return reuse.Signature{Mins: []uint32{uint32(seq)}, Shingles: int(seq)}
	}
	n := int64(sketchCacheSize + 10)
	for seq := int64(1); seq <= n; seq++ {
		c.put(seq, fmt.Sprint("d", seq), sig(seq))
	}
	c.put(n, "other", sig(0)) // a seq already held keeps its entry
	hits := map[int64]string{}
	missing := c.get([]int64{1, 10, 11, n - 1, n}, func(seq int64, doc string, s reuse.Signature) {
		if s.Shingles != int(seq) {
			t.Errorf("seq %d: signature of %d", seq, s.Shingles)
		}
		hits[seq] = doc
	})
	if fmt.Sprint(missing) != "[1 10]" {
		t.Errorf("missing %v, want the ten oldest evicted: [1 10]", missing)
	}
	if len(hits) != 3 || hits[11] != "d11" || hits[n] != fmt.Sprint("d", n) {
		t.Errorf("hits %v", hits)
	}
	if len(c.m) != sketchCacheSize {
		t.Errorf("%d entries, want %d", len(c.m), sketchCacheSize)
	}
}

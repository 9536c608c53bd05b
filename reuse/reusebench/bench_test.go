package reusebench

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func loadShared(tb testing.TB) []Doc {
	tb.Helper()
	docs, err := Load(shareddata.Path(tb, "data"))
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// TestFloors runs the pair and alignment benchmark (no timing) and checks
// the floors.
func TestFloors(t *testing.T) {
	cfg := DefaultConfig(loadShared(t))
	cfg.Sizes = nil
	cfg.Logf = t.Logf
	rep, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("overall P %.3f R %.3f; share50 P %.3f R %.3f (gold %d); excerpt30 R %.3f (gold %d); alignment P %.3f R %.3f; false pairs %v",
		rep.Precision, rep.Recall, rep.Share50.Precision, rep.Share50.Recall, rep.Share50.Gold, rep.Excerpt30.Recall, rep.Excerpt30.Gold, rep.Alignment.Precision, rep.Alignment.Recall, rep.FalsePairs)
	if rep.Share50.Precision < 0.95 || rep.Share50.Recall < 0.95 {
		t.Errorf("copies sharing half their text: P %.3f R %.3f, floor 0.95", rep.Share50.Precision, rep.Share50.Recall)
	}
	if rep.Excerpt30.Recall < 0.95 {
		t.Errorf("excerpts: R %.3f, floor 0.95", rep.Excerpt30.Recall)
	}
}

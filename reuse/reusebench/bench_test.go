package reusebench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/claimgraph/claimgraph/reuse"

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
	t.Logf("boilerplate lines: P %.3f R %.3f (gold %d)", rep.Boilerplate.Precision, rep.Boilerplate.Recall, rep.Boilerplate.Gold)
	if rep.Boilerplate.Precision < 0.95 || rep.Boilerplate.Recall < 0.9 {
		t.Errorf("boilerplate lines: P %.3f R %.3f", rep.Boilerplate.Precision, rep.Boilerplate.Recall)
	}
	if rep.Excerpt30.Recall < 0.95 {
		t.Errorf("excerpts: R %.3f, floor 0.95", rep.Excerpt30.Recall)
	}
}

// BenchmarkAdd times adding one synthetic article (recombined real
// sentences, a third of them edited copies of indexed ones) to corpora of
// several sizes. Each added document stays in the index, so run with a
// fixed count (go test -run X -bench Add -benchtime 500x) to keep the
// corpus at its size. Building the 100k corpus takes a minute or two.
func BenchmarkAdd(b *testing.B) {
	docs := loadShared(b)
	pl := newPool(docs)
	for _, size := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("docs=%d", size), func(b *testing.B) {
			ctx := context.Background()
			texts := map[string]reuse.Text{}
			src := func(_ context.Context, doc string) (reuse.Text, error) {
				if t, ok := texts[doc]; ok {
					return t, nil
				}
				var k int
				if _, err := fmt.Sscanf(doc, "s%d", &k); err != nil {
					return reuse.Text{}, fmt.Errorf("no text for %s", doc)
				}
				return reuse.Text{Doc: doc, Text: synthText(pl, 1, k, true)}, nil
			}
			idx := reuse.NewMemIndex()
			det := reuse.NewDetector(reuse.DefaultOptions(), idx, src)
			for k := range size {
				if _, err := det.Add(ctx, reuse.Text{Doc: fmt.Sprintf("s%d", k), Text: synthText(pl, 1, k, true)}); err != nil {
					b.Fatal(err)
				}
			}
			r := rand.New(rand.NewPCG(1, 2))
			next := size
			var probe []reuse.Text
			for i := range b.N {
				if i%3 == 0 {
					cp, _ := edit("delete-words", pageOf(synth(pl, 1, r.IntN(size), true)), r, pl)
					id := fmt.Sprintf("c%d", i)
					texts[id] = reuse.Text{Doc: id, Text: cp.render().text}
					probe = append(probe, texts[id])
					continue
				}
				d := synth(pl, 1, next, true)
				next++
				probe = append(probe, reuse.Text{Doc: d.ID, Text: pageOf(d).render().text})
			}
			b.ResetTimer()
			for _, t := range probe {
				if _, err := det.Add(ctx, t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAlignReal aligns real documents with edited copies of themselves.
func BenchmarkAlignReal(b *testing.B) {
	docs := originals(loadShared(b), 80)
	pl := newPool(docs)
	r := rand.New(rand.NewPCG(1, 3))
	type pair struct{ a, b string }
	var pairs []pair
	var bytes int64
	for i := 0; i < len(docs) && len(pairs) < 100; i += 7 {
		op := pageOf(docs[i])
		cp, _ := edit("mixed", op, r, pl)
		p := pair{op.render().text, cp.render().text}
		bytes += int64(len(p.a) + len(p.b))
		pairs = append(pairs, p)
	}
	b.SetBytes(bytes / int64(len(pairs)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		reuse.Align(p.a, p.b, nil, nil, reuse.DefaultAlignOptions())
	}
}

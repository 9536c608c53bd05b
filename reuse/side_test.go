package reuse

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A detector that compares candidates on their stored shingle sets finds
// the same pairs as one that reads every candidate's text, and reads the
// text of the pairs it reports only; a candidate without a stored set is
// read and compared on its text.
func TestDetectorStoredSets(t *testing.T) {
	a := readFixture(t, "flood_a.txt")
	paras := strings.Split(a, "\n\n")
	docs := []Text{
		{Doc: "a", Text: a},
		{Doc: "excerpt", Text: paras[1]},
		{Doc: "copy", Text: "By A. Writer\n\n" + a},
		{Doc: "late", Text: paras[0] + "\n\n" + paras[1]},
		// Shares one paragraph's opening with the others: they are its
		// candidates (the signatures overlap), below the thresholds.
		{Doc: "partial", Text: strings.Join(strings.Fields(paras[1])[:12], " ") + " and then a long run of other words about markets, prices, harvests, weather, trains and ships that no other document here uses at all."},
	}
	run := func(withSets bool, missing string) ([][]string, *Detector) {
		texts := memTexts{}
		sets := map[string][]uint32{}
		d := NewDetector(DefaultOptions(), NewMemIndex(), texts.source)
		if withSets {
			d.UseSets(func(ctx context.Context, ids []string) (map[string][]uint32, error) {
				out := map[string][]uint32{}
				for _, id := range ids {
					if s, ok := sets[id]; ok {
						out[id] = s
					}
				}
				return out, nil
			})
		}
		var got [][]string
		for _, tx := range docs {
			texts[tx.Doc] = tx
			sk, pairs, err := d.Find(context.Background(), tx)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.index.Add(context.Background(), tx.Doc, sk.Sig, sk.Bands); err != nil {
				t.Fatal(err)
			}
			if tx.Doc != missing {
				set, err := DecodeSet32(sk.Shingles())
				if err != nil {
					t.Fatal(err)
				}
				sets[tx.Doc] = set
			}
			for _, p := range pairs {
				got = append(got, []string{p.DocA, p.DocB, fmt.Sprintf("%.4f %.4f %+v", p.Similarity, p.Containment, p.Passages)})
			}
		}
		return got, d
	}
	want, plain := run(false, "")
	if len(want) < 4 {
		t.Fatalf("fixture formed %d pairs, want at least 4: %v", len(want), want)
	}
	if plain.Stats().TextsRead.Load() != plain.Stats().Verified.Load() {
		t.Errorf("without sets: %d texts read for %d verified", plain.Stats().TextsRead.Load(), plain.Stats().Verified.Load())
	}
	got, d := run(true, "")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("with stored sets:\n got %v\nwant %v", got, want)
	}
	if n := d.Stats().TextsRead.Load(); n != int64(len(want)) {
		t.Errorf("with stored sets: %d texts read for %d pairs (%d verified)", n, len(want), d.Stats().Verified.Load())
	}
	if d.Stats().Verified.Load() <= int64(len(want)) {
		t.Errorf("no candidate failed verification (%d verified, %d pairs): the test shows nothing", d.Stats().Verified.Load(), len(want))
	}
	got, d = run(true, "excerpt")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("with a set missing:\n got %v\nwant %v", got, want)
	}
	if n := d.Stats().TextsRead.Load(); n <= int64(len(want)) {
		t.Errorf("with excerpt's set missing: %d texts read, want more than the %d pairs", n, len(want))
	}
}

func TestSet32(t *testing.T) {
	set := []uint64{1, 2, 0x1_0000_0000, 0x1_0000_0005, 0xffff_ffff_0000_0000}
	got := Set32(set)
	if want := []uint32{0, 1, 0xffff_ffff}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Set32 = %v, want %v", got, want)
	}
	back, err := DecodeSet32(EncodeSet32(got))
	if err != nil || !reflect.DeepEqual(back, got) {
		t.Fatalf("round trip: %v, %v", back, err)
	}
	for _, bad := range [][]byte{{1, 2, 3}, EncodeSet32([]uint32{5, 5}), EncodeSet32([]uint32{7, 3})} {
		if _, err := DecodeSet32(bad); err == nil {
			t.Errorf("DecodeSet32(%v) did not fail", bad)
		}
	}
}

func FuzzDecodeSet32(f *testing.F) {
	f.Add(EncodeSet32([]uint32{1, 9, 300}))
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		set, err := DecodeSet32(b)
		if err != nil {
			return
		}
		if !bytes.Equal(EncodeSet32(set), b) {
			t.Fatalf("re-encoding %v changed it", b)
		}
		if s := compareSets(set, set); len(set) > 0 && s.Containment != 1 {
			t.Fatalf("a set is not contained in itself: %+v", s)
		}
	})
}

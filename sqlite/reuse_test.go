package sqlite_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/reuse"
	"github.com/claimgraph/claimgraph/sqlite"
	"github.com/claimgraph/claimgraph/storetest"
)

const (
	reuseOriginal = "The regional council voted on Tuesday to close the northern bridge for repairs after engineers found cracks in two of its supports. " +
		"Traffic will be diverted through the harbour tunnel for at least six weeks, the council said in a statement. " +
		"Local shop owners warned that the closure would cut their trade during the busiest month of the year."
	reuseUnrelated = "A football club from the coast signed a young striker from abroad on a three-year contract worth an undisclosed sum, " +
		"its manager told supporters at a meeting in the town hall on Friday evening, promising more signings before the season."
)

// ingestWithReuse stores a text the way ingest does: find pairs against the
// store's index, then commit the document with its sketch and pairs.
func ingestWithReuse(t *testing.T, db *sqlite.DB, det *reuse.Detector, d *claimgraph.Document) []claimgraph.ReusePair {
	t.Helper()
	ctx := context.Background()
	sk, pairs, err := det.Find(ctx, reuse.MainText(d))
	if err != nil {
		t.Fatal(err)
	}
	sig, err := sk.Sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutDocument(ctx, d, &claimgraph.Analysis{MinHash: sig, Bands: sk.Bands, Reuse: pairs}); err != nil {
		t.Fatal(err)
	}
	return pairs
}

func TestReuseIndexFindsStoredCopies(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	det := reuse.NewDetector(reuse.DefaultOptions(), db.ReuseIndex(), db.Texts)
	orig := storetest.SampleDocument(reuseOriginal)
	if pairs := ingestWithReuse(t, db, det, orig); len(pairs) != 0 {
		t.Errorf("first document formed pairs: %+v", pairs)
	}
	other := storetest.SampleDocument(reuseUnrelated)
	if pairs := ingestWithReuse(t, db, det, other); len(pairs) != 0 {
		t.Errorf("unrelated document formed pairs: %+v", pairs)
	}
	// A copy with a new lead and a changed word.
	copyText := "Breaking news from our correspondent. " + strings.Replace(reuseOriginal, "six weeks", "eight weeks", 1)
	cp := storetest.SampleDocument(copyText)
	pairs := ingestWithReuse(t, db, det, cp)
	if len(pairs) != 1 || pairs[0].DocA != orig.ID || pairs[0].DocB != cp.ID || pairs[0].Containment < 0.8 {
		t.Fatalf("copy pairs = %+v, want one with the original", pairs)
	}

	// The pair is stored and listed with its passages.
	got, err := db.Reuse(ctx, claimgraph.ReuseFilter{Doc: cp.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("Reuse(copy) = %+v, %v", got, err)
	}
	if len(got[0].Passages) == 0 {
		t.Fatal("stored pair has no passages")
	}
	for _, p := range got[0].Passages {
		if orig.Text[p.AStart:p.AEnd] != p.AText || copyText[p.BStart:p.BEnd] != p.BText {
			t.Errorf("passage spans do not match: %+v", p)
		}
	}

	// Candidates come back from the tables, signatures intact.
	sk := det.Sketch(reuse.MainText(cp))
	cands, err := db.ReuseIndex().Candidates(ctx, sk.Bands)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range cands {
		if c.Doc == orig.ID {
			found = true
			want := det.Sketch(reuse.MainText(orig)).Sig
			if c.Sig.Shingles != want.Shingles || len(c.Sig.Mins) != len(want.Mins) || c.Sig.Mins[0] != want.Mins[0] {
				t.Errorf("stored signature differs from the computed one")
			}
		}
		if c.Doc == other.ID {
			t.Errorf("unrelated document is a candidate")
		}
	}
	if !found {
		t.Errorf("original not among candidates %v", cands)
	}
	if cands, err := db.ReuseIndex().Candidates(ctx, nil); err != nil || len(cands) != 0 {
		t.Errorf("Candidates(nil) = %v, %v", cands, err)
	}
}

func TestReuseIndexAdd(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	d := storetest.SampleDocument(reuseOriginal)
	if _, err := db.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	det := reuse.NewDetector(reuse.DefaultOptions(), db.ReuseIndex(), db.Texts)
	sk := det.Sketch(reuse.MainText(d))
	idx := db.ReuseIndex()
	for i := 0; i < 2; i++ { // adding twice is not an error
		if err := idx.Add(ctx, d.ID, sk.Sig, sk.Bands); err != nil {
			t.Fatalf("Add #%d: %v", i+1, err)
		}
	}
	cands, err := idx.Candidates(ctx, sk.Bands[:1])
	if err != nil || len(cands) != 1 || cands[0].Doc != d.ID {
		t.Errorf("Candidates = %+v, %v", cands, err)
	}
	if err := idx.Add(ctx, "ffffffffffffffff", sk.Sig, sk.Bands); err == nil {
		t.Errorf("Add of a document not stored succeeded")
	}
}

func TestTexts(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	text := "Main paragraph here. Sidebar: most read. More main text."
	d := storetest.SampleDocument(text)
	d.Regions = []claimgraph.Region{
		{Kind: claimgraph.RegionMain, Start: 0, End: 21},
		{Kind: claimgraph.RegionBoilerplate, Start: 21, End: 41},
		{Kind: claimgraph.RegionMain, Start: 41, End: len(text)},
	}
	if _, err := db.PutDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	got, err := db.Texts(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Doc != d.ID || got.Text != text || len(got.Ranges) != 2 || got.Ranges[1] != [2]int{41, len(text)} {
		t.Errorf("Texts = %+v", got)
	}
	if _, err := db.Texts(ctx, "ffffffffffffffff"); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("Texts(missing) = %v, want ENOTFOUND", err)
	}
}

// TestBatchFindsCopiesInsideIt commits an original and its copy in one
// batch: the copy finds the original before the batch commits (its band
// keys are held by the batch until then), both are stored with their
// sketches, and a document that fails inside the batch leaves nothing.
func TestBatchFindsCopiesInsideIt(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	b, det := batchDetector(t, db)
	put := func(d *claimgraph.Document) []claimgraph.ReusePair { return putFound(t, b, det, d) }
	orig := storetest.SampleDocument(reuseOriginal)
	put(orig)
	cp := storetest.SampleDocument("Breaking news from our correspondent. " + reuseOriginal)
	if pairs := put(cp); len(pairs) != 1 || pairs[0].DocA != orig.ID {
		t.Fatalf("copy in the same batch: pairs %+v, want one with the original", pairs)
	}
	// A document whose analysis cannot be stored (a reuse pair naming
	// other documents) fails alone.
	bad := storetest.SampleDocument(reuseUnrelated)
	if _, err := b.PutDocument(ctx, bad, &claimgraph.Analysis{Reuse: []claimgraph.ReusePair{{DocA: "x", DocB: "y"}}}); err == nil {
		t.Fatal("a bad analysis was stored")
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if ok, _ := db.HasDocument(ctx, bad.ID); ok {
		t.Error("the failed document is stored")
	}
	for _, d := range []*claimgraph.Document{orig, cp} {
		if ok, _ := db.HasDocument(ctx, d.ID); !ok {
			t.Errorf("document %s of the batch lost", d.ID)
		}
	}
	// After the commit the band keys are in the table.
	cands, err := db.ReuseIndex().Candidates(ctx, det.Sketch(reuse.MainText(cp)).Bands)
	if err != nil || len(cands) != 2 {
		t.Errorf("candidates after commit = %d, %v; want the original and the copy", len(cands), err)
	}
	// The batch indexes its documents for search at commit: the stored
	// ones are found, the failed one is not, and the index is sound.
	if hits, err := db.Search(ctx, "correspondent", 0, 10); err != nil || len(hits) != 1 || hits[0].Doc != cp.ID {
		t.Errorf("search for a word of the copy = %+v, %v; want the copy", hits, err)
	}
	if hits, err := db.Search(ctx, "striker", 0, 10); err != nil || len(hits) != 0 {
		t.Errorf("search for a word of the failed document = %+v, %v; want nothing", hits, err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("search index after the batch: %v", err)
	}
}

// A story stored many times: a new copy's band keys are shared by every
// stored copy, and the store returns a bounded number of candidates, those
// sharing the most keys, so the cost of a document does not grow with the
// copies before it.
func TestReuseCandidatesBounded(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	det := reuse.NewDetector(reuse.DefaultOptions(), db.ReuseIndex(), db.Texts)
	query := det.Sketch(reuse.MainText(storetest.SampleDocument(reuseOriginal))).Bands
	put := func(i int, bands []uint64) string {
		t.Helper()
		d := storetest.SampleDocument(reuseOriginal + " Edition " + strconv.Itoa(i) + ".")
		sig, err := det.Sketch(reuse.MainText(d)).Sig.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.PutDocument(ctx, d, &claimgraph.Analysis{MinHash: sig, Bands: bands}); err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	// Weak candidates share one band key with the query; the close copy,
	// stored among the first, shares them all.
	const weak = 300
	var closest string
	for i := 0; i < weak; i++ {
		if i == 3 {
			closest = put(-1, query)
		}
		put(i, []uint64{query[0], uint64(1000 + i)})
	}
	cands, err := db.ReuseIndex().Candidates(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) == 0 || len(cands) >= weak {
		t.Fatalf("%d candidates of %d documents sharing a key: want a bound below", len(cands), weak+1)
	}
	found := false
	for _, c := range cands {
		found = found || c.Doc == closest
	}
	if !found {
		t.Errorf("the document sharing every band key is not among the %d candidates", len(cands))
	}
}

// The shingle set a document is stored with is what ShingleSets returns,
// in the batch that stores it and after its commit; a document stored
// without one (an older store) is left out, so its text is read instead.
// A detector using the stored sets finds the pairs one reading texts finds.
func TestShingleSets(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	b, det := batchDetector(t, db)
	det.UseSets(b.ShingleSets)
	put := func(d *claimgraph.Document, withSet bool) ([]claimgraph.ReusePair, []byte) {
		t.Helper()
		sk, pairs, err := det.Find(ctx, reuse.MainText(d))
		if err != nil {
			t.Fatal(err)
		}
		sig, _ := sk.Sig.MarshalBinary()
		a := &claimgraph.Analysis{MinHash: sig, Bands: sk.Bands, Reuse: pairs}
		if withSet {
			a.Shingles = sk.Shingles()
		}
		if _, err := b.PutDocument(ctx, d, a); err != nil {
			t.Fatal(err)
		}
		return pairs, sk.Shingles()
	}
	orig := storetest.SampleDocument(reuseOriginal)
	_, origSet := put(orig, true)
	old := storetest.SampleDocument(reuseUnrelated)
	put(old, false)
	got, err := b.ShingleSets(ctx, []string{orig.ID, old.ID, "ffff"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := reuse.DecodeSet32(origSet)
	if len(got) != 1 || len(want) == 0 || !slices.Equal(got[orig.ID], want) {
		t.Fatalf("ShingleSets in the batch = %v, want only %s's %d hashes", got, orig.ID, len(want))
	}
	cp := storetest.SampleDocument("Breaking news from our correspondent. " + reuseOriginal)
	if pairs, _ := put(cp, true); len(pairs) != 1 || pairs[0].DocA != orig.ID || len(pairs[0].Passages) == 0 {
		t.Fatalf("copy compared on the stored set: pairs %+v, want one with the original and its passages", pairs)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err = db.ShingleSets(ctx, []string{orig.ID, old.ID, cp.ID})
	if err != nil || len(got) != 2 || !slices.Equal(got[orig.ID], want) {
		t.Fatalf("ShingleSets after commit = %d sets, %v", len(got), err)
	}
	// A later batch reads the sets of the stored candidates its index
	// returned by their seq: the same sets.
	b2, _ := batchDetector(t, db)
	defer b2.Rollback()
	sk := det.Sketch(reuse.MainText(storetest.SampleDocument("Second copy. " + reuseOriginal)))
	if _, err := b2.ReuseIndex().Candidates(ctx, sk.Bands); err != nil {
		t.Fatal(err)
	}
	again, err := b2.ShingleSets(ctx, []string{orig.ID, cp.ID, old.ID})
	if err != nil || len(again) != 2 || !slices.Equal(again[orig.ID], want) || !slices.Equal(again[cp.ID], got[cp.ID]) {
		t.Fatalf("ShingleSets of stored candidates in a later batch = %d sets, %v", len(again), err)
	}
}

// A batch's band keys go to lsh_recent, and move to lsh_keys in one pass
// when lsh_recent holds enough of them; a copy finds its original wherever
// the original's keys are, and no key is lost or doubled by a merge.
func TestBandKeysMerge(t *testing.T) {
	defer sqlite.SetLSHRecentRows(100)()
	ctx := context.Background()
	db := openTest(t)
	count := func(table string) int {
		t.Helper()
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	commit := func(texts ...string) []*claimgraph.Document {
		t.Helper()
		b, det := batchDetector(t, db)
		var docs []*claimgraph.Document
		for _, text := range texts {
			d := storetest.SampleDocument(text)
			putFound(t, b, det, d)
			docs = append(docs, d)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		return docs
	}
	orig := commit(reuseOriginal)[0]
	if k, r := count("lsh_keys"), count("lsh_recent"); k != 0 || r != 64 {
		t.Fatalf("after one document: lsh_keys %d rows, lsh_recent %d; want 0 and 64", k, r)
	}
	det := reuse.NewDetector(reuse.DefaultOptions(), db.ReuseIndex(), db.Texts)
	find := func(text string) []claimgraph.ReusePair {
		t.Helper()
		_, pairs, err := det.Find(ctx, reuse.MainText(storetest.SampleDocument(text)))
		if err != nil {
			t.Fatal(err)
		}
		return pairs
	}
	copyText := "Breaking news from our correspondent. " + reuseOriginal
	if pairs := find(copyText); len(pairs) != 1 || pairs[0].DocA != orig.ID {
		t.Fatalf("copy before the merge: pairs %+v, want the original (its keys in lsh_recent)", pairs)
	}
	commit(reuseUnrelated) // 128 keys: merged
	if k, r := count("lsh_keys"), count("lsh_recent"); k != 128 || r != 0 {
		t.Fatalf("after the merge: lsh_keys %d rows, lsh_recent %d; want 128 and 0", k, r)
	}
	if pairs := find(copyText); len(pairs) != 1 || pairs[0].DocA != orig.ID {
		t.Fatalf("copy after the merge: pairs %+v, want the original (its keys in lsh_keys)", pairs)
	}
	commit("A third story about a city library that opened a new reading room for children on Saturday with a concert.")
	if k, r := count("lsh_keys"), count("lsh_recent"); k+r != 192 || r == 0 {
		t.Fatalf("after a third document: lsh_keys %d rows, lsh_recent %d; want 192 in all, some recent", k, r)
	}
}

// Merges of lsh_recent wait until it holds a number of keys that grows as
// the square root of lsh_keys' size, so that neither the merges (each a pass
// over lsh_keys) nor the pages of lsh_recent a batch dirties grow with the
// square of the store.
func TestBandKeysMergeGrowsWithTheStore(t *testing.T) {
	defer sqlite.SetLSHRecentRows(1)()
	defer sqlite.SetLSHMergeFactor(16)()
	if a, b := sqlite.LSHMergeAt(64), sqlite.LSHMergeAt(1024); a != 128 || b != 512 {
		t.Fatalf("merge thresholds at 64 and 1024 keys = %d, %d; want 16·√keys: 128, 512", a, b)
	}
	ctx := context.Background()
	db := openTest(t)
	count := func(q string) int {
		t.Helper()
		var n int
		if err := db.SQL().QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	total := 0
	var merges []int // lsh_keys' size after each merge
	for i := 0; i < 12; i++ {
		b, det := batchDetector(t, db)
		putFound(t, b, det, storetest.SampleDocument(fmt.Sprintf("Story %d: %s", i, strings.Repeat(fmt.Sprintf("word%d%d ", i, i), 10)+reuseUnrelated[i*7:])))
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		keys, recent := count(`SELECT COUNT(*) FROM lsh_keys`), count(`SELECT COUNT(*) FROM lsh_recent`)
		if keys+recent <= total {
			t.Fatalf("document %d added no band keys (%d + %d)", i, keys, recent)
		}
		total = keys + recent
		// Not merged: lsh_recent is below the threshold of lsh_keys' size.
		if recent != 0 && recent >= sqlite.LSHMergeAt(keys) {
			t.Errorf("document %d: lsh_recent %d rows not merged into lsh_keys' %d (threshold %d)", i, recent, keys, sqlite.LSHMergeAt(keys))
		}
		if recent == 0 {
			merges = append(merges, keys)
		}
		if stored := count(`SELECT CAST(value AS INTEGER) FROM state WHERE key = 'lsh_keys_rows'`); stored != keys {
			t.Errorf("document %d: lsh_keys_rows %d, lsh_keys holds %d", i, stored, keys)
		}
	}
	// The gaps between merges widen as lsh_keys grows.
	if len(merges) < 3 {
		t.Fatalf("lsh_keys' size after each merge %v: want at least 3 merges", merges)
	}
	first, last := merges[1]-merges[0], merges[len(merges)-1]-merges[len(merges)-2]
	if last <= first {
		t.Errorf("lsh_keys' size after each merge %v: the keys merged at once did not grow", merges)
	}
}

// batchDetector begins a batch on db and returns it with a reuse detector
// that looks up the batch's index and texts.
func batchDetector(t *testing.T, db *sqlite.DB) (*sqlite.Batch, *reuse.Detector) {
	t.Helper()
	cb, err := db.BeginBatch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b := cb.(*sqlite.Batch)
	return b, reuse.NewDetector(reuse.DefaultOptions(), b.ReuseIndex(), b.Texts)
}

// putFound finds d's reuse with det and puts d in b with its sketch and
// pairs, returning the pairs.
func putFound(t *testing.T, b *sqlite.Batch, det *reuse.Detector, d *claimgraph.Document) []claimgraph.ReusePair {
	t.Helper()
	ctx := context.Background()
	sk, pairs, err := det.Find(ctx, reuse.MainText(d))
	if err != nil {
		t.Fatal(err)
	}
	sig, _ := sk.Sig.MarshalBinary()
	if _, err := b.PutDocument(ctx, d, &claimgraph.Analysis{MinHash: sig, Bands: sk.Bands, Reuse: pairs}); err != nil {
		t.Fatal(err)
	}
	return pairs
}

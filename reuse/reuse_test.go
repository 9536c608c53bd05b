package reuse

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

func TestShingles(t *testing.T) {
	text := "Hello, World!  It's 1980-88 — “Ünïcode” test"
	tests := []struct {
		n    int
		want []string
	}{
		{1, []string{"Hello", "World", "It", "s", "1980", "88", "Ünïcode", "test"}},
		{3, []string{"Hello, World!  It", "World!  It's", "It's 1980", "s 1980-88", "1980-88 — “Ünïcode", "88 — “Ünïcode” test"}},
		{20, []string{text[:len(text)]}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			var got []string
			for _, s := range Shingles(text, nil, tt.n) {
				got = append(got, text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// Case and punctuation do not change the hashes.
	a := ShingleSet("The Cat, sat.", nil, 2)
	b := ShingleSet("the cat sat", nil, 2)
	if Compare(a, b).Resemblance != 1 {
		t.Errorf("case or punctuation changed the shingle set: %v %v", a, b)
	}
	// No shingle spans two ranges.
	two := "alpha beta gamma|delta epsilon zeta"
	for _, s := range Shingles(two, [][2]int{{0, 16}, {17, len(two)}}, 2) {
		if s.Start < 16 && s.End > 17 {
			t.Errorf("shingle %q spans two ranges", two[s.Start:s.End])
		}
	}
	if got := Shingles(two, [][2]int{{-5, 1000}}, 6); len(got) != 1 {
		t.Errorf("clamped range: got %d shingles, want 1", len(got))
	}
}

func FuzzShingles(f *testing.F) {
	f.Add("the cat sat on the mat", 2, 0, 10)
	f.Add("ÄÖÜ\xff\xfe abc", 1, 3, 2)
	f.Fuzz(func(t *testing.T, text string, n, lo, hi int) {
		for _, s := range Shingles(text, [][2]int{{lo, hi}}, n%8) {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad shingle span %d-%d of %d bytes", s.Start, s.End, len(text))
			}
		}
		set := ShingleSet(text, nil, 3)
		if c := Compare(set, set); len(set) > 0 && (c.Resemblance != 1 || c.Containment != 1) {
			t.Fatalf("a set does not fully resemble itself: %+v", c)
		}
	})
}

func randomSet(r *rand.Rand, n int) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		s[i] = r.Uint64()
	}
	return s
}

func TestSignatureEstimates(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	signer := NewSigner(128)
	tests := []struct {
		shared, onlyA, onlyB int
	}{
		{500, 0, 0},
		{300, 200, 200},
		{150, 350, 0}, // b is a 30% excerpt of a
		{20, 480, 480},
		{0, 500, 500},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt), func(t *testing.T) {
			common := randomSet(r, tt.shared)
			a := append(append([]uint64{}, common...), randomSet(r, tt.onlyA)...)
			b := append(append([]uint64{}, common...), randomSet(r, tt.onlyB)...)
			sa, sb := signer.Sign(a), signer.Sign(b)
			j := float64(tt.shared) / float64(tt.shared+tt.onlyA+tt.onlyB)
			c := float64(tt.shared) / float64(min(len(a), len(b)))
			if got := sa.Resemblance(sb); math.Abs(got-j) > 0.15 {
				t.Errorf("resemblance %.3f, want about %.3f", got, j)
			}
			if got := sa.Containment(sb); math.Abs(got-c) > 0.2 {
				t.Errorf("containment %.3f, want about %.3f", got, c)
			}
		})
	}
}

func TestSignatureBlob(t *testing.T) {
	sig := NewSigner(16).Sign([]uint64{1, 2, 3, 99})
	blob, err := sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Signature
	if err := got.UnmarshalBinary(blob); err != nil {
		t.Fatal(err)
	}
	if got.Shingles != 4 || fmt.Sprint(got.Mins) != fmt.Sprint(sig.Mins) {
		t.Fatalf("round trip: got %+v, want %+v", got, sig)
	}
	if err := got.UnmarshalBinary([]byte{4, 1, 2}); err == nil {
		t.Fatal("a truncated blob decoded without error")
	}
	if len(sig.Bands(2)) != 8 || len(sig.Bands(3)) != 6 || (Signature{}).Bands(2) != nil {
		t.Fatal("wrong number of band keys")
	}
}

func FuzzSignatureBlob(f *testing.F) {
	b, _ := NewSigner(4).Sign([]uint64{7}).MarshalBinary()
	f.Add(b)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Signature
		if err := s.UnmarshalBinary(data); err != nil {
			return
		}
		again, _ := s.MarshalBinary()
		var s2 Signature
		if err := s2.UnmarshalBinary(again); err != nil || s2.Shingles != s.Shingles || len(s2.Mins) != len(s.Mins) {
			t.Fatalf("re-encoding changed the signature: %v", err)
		}
	})
}

// memTexts is a TextSource over a map, as the benchmark and tests use.
type memTexts map[string]Text

func (m memTexts) source(ctx context.Context, doc string) (Text, error) {
	t, ok := m[doc]
	if !ok {
		return Text{}, claimgraph.Errorf(claimgraph.ENOTFOUND, "no text for %s", doc)
	}
	return t, nil
}

// adder returns a function that stores a text under an id and adds it to
// the detector, returning the pairs it forms.
func adder(t *testing.T, d *Detector, texts memTexts) func(id, text string) []claimgraph.ReusePair {
	return func(id, text string) []claimgraph.ReusePair {
		t.Helper()
		texts[id] = Text{Doc: id, Text: text}
		pairs, err := d.Add(context.Background(), texts[id])
		if err != nil {
			t.Fatal(err)
		}
		return pairs
	}
}

func TestDetector(t *testing.T) {
	ctx := context.Background()
	a := readFixture(t, "flood_a.txt")
	texts := memTexts{}
	d := NewDetector(DefaultOptions(), NewMemIndex(), texts.source)
	add := adder(t, d, texts)
	if got := add("a", a); len(got) != 0 {
		t.Fatalf("first document has pairs: %+v", got)
	}
	if got := add("other", "Prices of bread and milk rose again in March as the drought in the south cut the wheat harvest by a third, the statistics office said on Friday, and farmers asked the government for help with the cost of feed."); len(got) != 0 {
		t.Fatalf("unrelated document paired: %+v", got)
	}
	// An excerpt: the second paragraph alone.
	paras := strings.Split(a, "\n\n")
	got := add("excerpt", paras[1])
	if len(got) != 1 || got[0].DocA != "a" || got[0].DocB != "excerpt" || got[0].Containment < 0.99 {
		t.Fatalf("excerpt: got %+v", got)
	}
	if len(got[0].Passages) != 1 || got[0].Passages[0].BStart != 0 {
		t.Fatalf("excerpt passages: %+v", got[0].Passages)
	}
	// A copy with a new lead and a byline finds both the original and the excerpt.
	got = add("copy", "By A. Writer\n\nA new first paragraph written by the copying outlet about the weather.\n\n"+a)
	if len(got) != 2 || got[0].Containment < 0.99 {
		t.Fatalf("copy: got %+v", got)
	}
	// Restricting the copy to text outside the article hides the reuse.
	texts["copy2"] = Text{Doc: "copy2", Text: texts["copy"].Text, Ranges: [][2]int{{0, 20}}}
	if _, pairs, err := d.Find(ctx, texts["copy2"]); err != nil || len(pairs) != 0 {
		t.Fatalf("ranges ignored: %v %+v", err, pairs)
	}
	// A missing candidate text is an error, not a silent miss.
	delete(texts, "a")
	if _, _, err := d.Find(ctx, Text{Doc: "x", Text: a}); err == nil {
		t.Fatal("missing candidate text did not fail")
	}
}

// A story syndicated many times: each new copy is compared with at most
// MaxVerify earlier ones, the closest first, so the cost of a document does
// not grow with the number of copies stored; a verbatim copy still pairs
// with a verbatim earlier one before any excerpt.
func TestDetectorVerifiesClosestCandidates(t *testing.T) {
	a := readFixture(t, "flood_a.txt")
	paras := strings.Split(a, "\n\n")
	texts := memTexts{}
	opts := DefaultOptions()
	opts.MaxVerify = 4
	d := NewDetector(opts, NewMemIndex(), texts.source)
	add := adder(t, d, texts)
	// Excerpts first (each half the story or less), then whole copies.
	for i := 0; i < 6; i++ {
		add(fmt.Sprintf("excerpt%d", i), paras[1]+"\n\nEditor's line number "+strconv.Itoa(i)+" for this outlet's readers today.")
	}
	add("whole0", a)
	before := d.Stats().Verified.Load()
	got := add("whole1", "Outlet 1 reports.\n\n"+a)
	if v := d.Stats().Verified.Load() - before; v != 4 {
		t.Errorf("whole1 verified %d candidates, want MaxVerify = 4", v)
	}
	if d.Stats().Skipped.Load() == 0 {
		t.Error("no candidate counted as skipped")
	}
	if len(got) == 0 || got[0].DocA != "whole0" || got[0].Containment < 0.95 {
		t.Fatalf("whole1: the verbatim earlier copy is not its first pair: %+v", got)
	}
	if len(got) > 4 {
		t.Fatalf("whole1: %d pairs from 4 verified candidates", len(got))
	}
}

func TestBoilerplate(t *testing.T) {
	nav := "Home | World | Sport\n"
	most := "Most viewed\n"
	var docs []*claimgraph.Document
	for i := range 6 {
		text := nav + fmt.Sprintf("Story %d: the council met on day %d and decided to fix road number %d.\n", i, i, i*7) + most + fmt.Sprintf("Teaser %d\n", i%2)
		d := &claimgraph.Document{ID: fmt.Sprintf("d%d", i), Outlet: "example.org", Text: text}
		if i == 5 {
			// The navigation line of this page is already boilerplate.
			d.Regions = []claimgraph.Region{{Kind: claimgraph.RegionBoilerplate, Start: 0, End: len(nav)}, {Kind: claimgraph.RegionMain, Start: len(nav), End: len(text)}}
		}
		docs = append(docs, d)
	}
	docs = append(docs, &claimgraph.Document{ID: "other", Outlet: "elsewhere.net", Text: nav + most})
	got := Boilerplate(docs, DefaultBoilerplateOptions())
	count := map[string]int{}
	for _, m := range got {
		text := docs[0].Text
		for _, d := range docs {
			if d.ID == m.Doc {
				text = d.Text
			}
		}
		count[text[m.Region.Start:m.Region.End]]++
		if m.Region.Kind != claimgraph.RegionBoilerplate || !strings.Contains(m.Region.Why, "example.org") {
			t.Errorf("bad marking %+v", m)
		}
	}
	want := map[string]int{"Home | World | Sport": 5, "Most viewed": 6, "Teaser 0": 3, "Teaser 1": 3}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", count, want)
	}
	strict := DefaultBoilerplateOptions()
	strict.MinDocs = 4
	for _, m := range Boilerplate(docs, strict) {
		if strings.HasPrefix(docs[0].Text[m.Region.Start:], "Teaser") {
			t.Errorf("teaser in 3 documents marked with MinDocs 4: %+v", m)
		}
	}
}

func TestClusters(t *testing.T) {
	pairs := []claimgraph.ReusePair{
		{DocA: "wire", DocB: "copy1", Containment: 0.9},
		{DocA: "copy1", DocB: "copy2", Containment: 0.8},
		{DocA: "x", DocB: "y", Containment: 0.1}, // below the threshold
		{DocA: "z", DocB: "z", Containment: 1},   // a repeat inside one document
		{DocA: "p", DocB: "q", Containment: 0.5},
	}
	dates := map[string]string{"wire": "2024-03-01", "copy1": "2024-03-02T10:00:00Z", "copy2": "2024-02-28"}
	got := Clusters(pairs, dates, 0.3)
	if len(got) != 2 {
		t.Fatalf("got %d clusters, want 2: %+v", len(got), got)
	}
	c := got[0]
	if c.ID != "copy2" || strings.Join(c.Docs, ",") != "copy2,wire,copy1" {
		t.Errorf("chain order by date: got %+v", c)
	}
	// copy2 is dated first, so the chain says wire took nothing from copy2
	// (no pair) and copy1 copied wire (0.9 beats 0.8 with copy2).
	if len(c.Links) != 1 || c.Links[0].Source != "wire" || c.Links[0].Copy != "copy1" || !c.Links[0].Dated {
		t.Errorf("links: %+v", c.Links)
	}
	if u := got[1]; strings.Join(u.Docs, ",") != "p,q" || u.Links[0].Dated {
		t.Errorf("undated cluster: %+v", u)
	}
	if n := Independent([]string{"wire", "copy1", "copy2", "p", "lone"}, got); n != 3 {
		t.Errorf("independent sources: got %d, want 3", n)
	}
}

func TestMemIndex(t *testing.T) {
	ctx := context.Background()
	x := NewMemIndex()
	s := NewSigner(4)
	a, b := s.Sign([]uint64{1, 2, 3}), s.Sign([]uint64{1, 2, 3, 4})
	if err := x.Add(ctx, "a", a, []uint64{10, 11}); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(ctx, "b", b, []uint64{11, 12}); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(ctx, "a", b, []uint64{99}); err != nil || x.Len() != 2 {
		t.Fatalf("re-adding a document: %v, %d documents", err, x.Len())
	}
	if err := x.Add(ctx, "c", NewSigner(3).Sign([]uint64{1}), nil); err == nil {
		t.Fatal("a signature of another length was accepted")
	}
	tests := []struct {
		keys []uint64
		want string
	}{
		{[]uint64{10}, "a"},
		{[]uint64{11}, "b,a"},
		{[]uint64{12, 10}, "b,a"},
		{[]uint64{99}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		got, err := x.Candidates(ctx, tt.keys)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range got {
			ids = append(ids, c.Doc)
			want := a
			if c.Doc == "b" {
				want = b
			}
			if fmt.Sprint(c.Sig) != fmt.Sprint(want) {
				t.Errorf("signature of %s: got %v, want %v", c.Doc, c.Sig, want)
			}
		}
		if strings.Join(ids, ",") != tt.want {
			t.Errorf("keys %v: got %v, want %s", tt.keys, ids, tt.want)
		}
	}
}

// filler returns n sentences of words no other call with another tag
// shares, so that a document's own text dilutes what it shares.
func filler(tag string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "The %s%d committee heard %s%d witnesses about %s%d roads and %s%d bridges. ", tag, i, tag, i+1, tag, i+2, tag, i+3)
	}
	return b.String()
}

func TestDetectorAttributesPassagesToEarliestSources(t *testing.T) {
	passage := readFixture(t, "flood_a.txt")
	// Every pair sharing text is a candidate and passes the estimate: the
	// test is about which verified pairs are kept, not about LSH recall.
	opts := DefaultOptions()
	opts.Rows, opts.MinEstimate = 1, 0.01
	texts := memTexts{}
	d := NewDetector(opts, NewMemIndex(), texts.source)
	add := adder(t, d, texts)
	docA := func(pairs []claimgraph.ReusePair) []string {
		var out []string
		for _, p := range pairs {
			out = append(out, p.DocA)
		}
		slices.Sort(out)
		return out
	}
	// Six outlets quote the passage inside longer reports of their own:
	// each pair shares a passage and is no copy.
	for i := range 6 {
		id := fmt.Sprintf("quote%d", i)
		got := add(id, filler(id, 18)+"\n\n"+passage)
		want := []string{"quote0", "quote1", "quote2"}[:min(i, 3)]
		if g := docA(got); !slices.Equal(g, want) {
			t.Fatalf("%s paired with %v, want its earliest sources %v", id, g, want)
		}
		for _, p := range got {
			if p.Containment >= CopyContainment {
				t.Fatalf("%s: containment %.2f with %s; the test needs shared passages, not copies", id, p.Containment, p.DocA)
			}
		}
	}
	if d.Stats().Redundant.Load() == 0 {
		t.Error("no candidate counted as redundant")
	}
	// A later report sharing the passage and, with quote4 only, two of its
	// sentences: quote4 is paired for what it alone has.
	got := add("both", passage+"\n\n"+filler("quote4", 2)+"\n\n"+filler("both", 40))
	if g := docA(got); !slices.Equal(g, []string{"quote0", "quote1", "quote2", "quote4"}) {
		t.Errorf("both paired with %v, want the passage's three sources and quote4", g)
	}
	// A copy of quote5 is paired with it whatever its passages' sources.
	got = add("copy5", "Reprinted.\n\n"+texts["quote5"].Text)
	if g := docA(got); !slices.Contains(g, "quote5") {
		t.Errorf("copy5 paired with %v, not with quote5 it copies", g)
	}
	// With a source kept for every copy, each earlier quote is paired.
	opts.SourcesPerPassage = 100
	texts2 := memTexts{}
	add2 := adder(t, NewDetector(opts, NewMemIndex(), texts2.source), texts2)
	for i := range 6 {
		id := fmt.Sprintf("quote%d", i)
		if got := add2(id, texts[id].Text); len(got) != i {
			t.Errorf("SourcesPerPassage 100: %s has %d pairs, want %d", id, len(got), i)
		}
	}
}

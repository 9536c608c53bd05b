package reuse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func readSeed(t *testing.T, prefix string) string {
	t.Helper()
	dir := shareddata.Path(t, "seeds")
	m, err := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if err != nil || len(m) != 1 {
		t.Skipf("seed %s not found in %s", prefix, dir)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return string(b)
}

// TestSeedRepeat: the article that repeats its opening sentence inside its
// second paragraph (with one word changed) must show that repeat, with the
// first occurrence as A and the later one as B, and nothing else.
func TestSeedRepeat(t *testing.T) {
	text := readSeed(t, "002")
	ps := Repeats(text, nil)
	if len(ps) != 1 {
		t.Fatalf("got %d repeats, want 1: %+v", len(ps), ps)
	}
	p := ps[0]
	firstLine := text[:strings.IndexByte(text, '\n')]
	if p.AStart != 0 || p.AEnd > len(firstLine) || p.BStart <= len(firstLine) {
		t.Errorf("repeat at A %d-%d, B %d-%d; want A inside the first line (0-%d) and B after it", p.AStart, p.AEnd, p.BStart, p.BEnd, len(firstLine))
	}
	if p.AEnd-p.AStart < len(firstLine)*3/4 {
		t.Errorf("repeat covers %d of the first line's %d bytes", p.AEnd-p.AStart, len(firstLine))
	}
	t.Logf("repeat score %.2f\nA %d-%d %q\nB %d-%d %q", p.Score, p.AStart, p.AEnd, p.AText, p.BStart, p.BEnd, p.BText)
}

// TestSeedParaphrase reports what alignment finds between the two articles
// that carry one background passage in other words. Paraphrase shares only
// short runs of words; the test logs them (go test -v -run SeedParaphrase)
// and checks that the longest shared run is found with both spans.
func TestSeedParaphrase(t *testing.T) {
	a, b := readSeed(t, "000"), readSeed(t, "001")
	d := NewDetector(DefaultOptions(), NewMemIndex(), nil)
	pair, ok := d.Pair(Text{Doc: "000", Text: a}, Text{Doc: "001", Text: b})
	t.Logf("resemblance %.3f containment %.3f reported as a pair: %v", pair.Similarity, pair.Containment, ok)
	ps := Align(a, b, nil, nil, DefaultAlignOptions())
	for _, p := range ps {
		t.Logf("default: A %d-%d %q | B %d-%d %q (score %.2f)", p.AStart, p.AEnd, p.AText, p.BStart, p.BEnd, p.BText, p.Score)
	}
	if len(ps) == 0 {
		t.Fatal("no passage found between 000 and 001 at the default settings")
	}
	loose := DefaultAlignOptions()
	loose.MinWords = 5
	for _, p := range Align(a, b, nil, nil, loose) {
		t.Logf("5 words: A %d-%d %q | B %d-%d %q (score %.2f)", p.AStart, p.AEnd, p.AText, p.BStart, p.BEnd, p.BText, p.Score)
	}
}

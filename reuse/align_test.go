package reuse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/golden"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "align", name))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return string(b)
}

// checkPassage verifies that a passage's texts are the bytes its offsets name.
func checkPassage(t *testing.T, a, b string, p claimgraph.Passage) {
	t.Helper()
	if p.AStart < 0 || p.AEnd > len(a) || p.AStart >= p.AEnd || p.BStart < 0 || p.BEnd > len(b) || p.BStart >= p.BEnd {
		t.Fatalf("passage offsets out of range: %+v", p)
	}
	if a[p.AStart:p.AEnd] != p.AText || b[p.BStart:p.BEnd] != p.BText {
		t.Fatalf("passage text does not match its offsets: %+v", p)
	}
	if p.Score <= 0 || p.Score > 1 {
		t.Fatalf("score %v out of (0,1]", p.Score)
	}
}

func TestAlignEdits(t *testing.T) {
	base := "the harbour master said on monday that two cargo ships had collided in thick fog near the northern pier and that nobody was hurt in the accident"
	tests := []struct {
		name     string
		b        string
		wantMin  int // least number of passages
		wantWord string
	}{
		{"identical", base, 1, "collided"},
		{"changed word", strings.Replace(base, "thick", "dense", 1), 1, "pier"},
		{"inserted words", strings.Replace(base, "two cargo", "two large foreign cargo", 1), 1, "fog"},
		{"deleted words", strings.Replace(base, "in thick fog ", "", 1), 1, "northern"},
		{"prefix and suffix", "local news today. " + base + ". more later.", 1, "monday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Align(base, tt.b, nil, nil, DefaultAlignOptions())
			if len(ps) < tt.wantMin {
				t.Fatalf("got %d passages, want at least %d", len(ps), tt.wantMin)
			}
			covered := false
			for _, p := range ps {
				checkPassage(t, base, tt.b, p)
				if strings.Contains(p.BText, tt.wantWord) && strings.Contains(p.AText, tt.wantWord) {
					covered = true
				}
			}
			if !covered {
				t.Errorf("no passage covers %q on both sides: %+v", tt.wantWord, ps)
			}
			// One passage should span almost the whole shared sentence.
			if l := ps[0].AEnd - ps[0].AStart; l < len(base)*3/4 {
				t.Errorf("first passage spans %d bytes of %d: %q", l, len(base), ps[0].AText)
			}
		})
	}
}

func TestAlignUnrelated(t *testing.T) {
	a := "the harbour master said on monday that two cargo ships had collided in thick fog near the northern pier"
	b := "prices of bread and milk rose again in march as the drought in the south cut the wheat harvest by a third"
	if ps := Align(a, b, nil, nil, DefaultAlignOptions()); len(ps) != 0 {
		t.Fatalf("unrelated texts aligned: %+v", ps)
	}
}

func TestAlignRanges(t *testing.T) {
	shared := "the harbour master said on monday that two cargo ships had collided in thick fog"
	a := shared
	b := "sidebar: " + shared + "\nreal text about something else entirely and nothing more"
	// Restricting b to the part after the newline hides the shared text.
	nl := strings.IndexByte(b, '\n')
	if ps := Align(a, b, nil, [][2]int{{nl, len(b)}}, DefaultAlignOptions()); len(ps) != 0 {
		t.Fatalf("text outside the ranges aligned: %+v", ps)
	}
	if ps := Align(a, b, nil, [][2]int{{0, nl}}, DefaultAlignOptions()); len(ps) != 1 {
		t.Fatalf("got %d passages inside the range, want 1", len(ps))
	}
}

func TestRepeats(t *testing.T) {
	text := readFixture(t, "repeat.txt")
	ps := Repeats(text, nil)
	if len(ps) != 1 {
		t.Fatalf("got %d repeats, want 1: %+v", len(ps), ps)
	}
	p := ps[0]
	checkPassage(t, text, text, p)
	if p.AEnd > p.BStart {
		t.Errorf("A side %d-%d is not before B side %d-%d", p.AStart, p.AEnd, p.BStart, p.BEnd)
	}
	if !strings.HasPrefix(p.AText, "The committee approved") || !strings.Contains(p.BText, "emergency ward") {
		t.Errorf("repeat spans the wrong text: A %q B %q", p.AText, p.BText)
	}
	if got := Repeats(readFixture(t, "flood_a.txt"), nil); len(got) != 0 {
		t.Errorf("repeats found in a text without any: %+v", got)
	}
	// Restricting to the first line leaves nothing repeated.
	nl := strings.IndexByte(text, '\n')
	if got := Repeats(text, [][2]int{{0, nl}}); len(got) != 0 {
		t.Errorf("repeats found inside one line: %+v", got)
	}
}

func TestRepeatsIgnoresRuns(t *testing.T) {
	text := strings.Repeat("go ", 40) + "stop"
	for _, p := range Repeats(text, nil) {
		if p.AEnd > p.BStart {
			t.Fatalf("overlapping repeat %+v", p)
		}
	}
}

// TestAlignGolden aligns two rewritten versions of one story and compares
// the passages with a golden file (go test -run Golden -update rewrites it).
func TestAlignGolden(t *testing.T) {
	a, b := readFixture(t, "flood_a.txt"), readFixture(t, "flood_b.txt")
	ps := Align(a, b, nil, nil, DefaultAlignOptions())
	for _, p := range ps {
		checkPassage(t, a, b, p)
	}
	got, err := json.MarshalIndent(ps, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	goldenPath := filepath.Join("testdata", "align", "flood.golden.json")
	golden.Check(t, goldenPath, string(got)+"\n")
	// The first two paragraphs stay adjacent in b and merge into one
	// passage across the deleted name; the last paragraph moved to the top.
	if len(ps) != 2 || !strings.Contains(ps[1].AText, "Dimova") || !strings.HasPrefix(ps[0].BText, "Forecasters") {
		t.Errorf("got %d passages, want the moved paragraph and the two merged ones", len(ps))
	}
}

func FuzzAlign(f *testing.F) {
	f.Add("the cat sat on the mat and looked at the dog", "a cat sat on the mat and looked at a dog", 3)
	f.Add("één twee drie vier vijf zes", "één twee drie vier vijf zes zeven", 2)
	f.Add("", "x", 0)
	f.Fuzz(func(t *testing.T, a, b string, seed int) {
		o := DefaultAlignOptions()
		o.Seed = seed%5 + 1
		o.MinWords = 1
		for _, p := range Align(a, b, nil, nil, o) {
			checkPassage(t, a, b, p)
		}
		for _, p := range RepeatsWith(a+" "+b, nil, o) {
			text := a + " " + b
			checkPassage(t, text, text, p)
			if p.AEnd > p.BStart {
				t.Fatalf("repeat sides overlap: %+v", p)
			}
		}
	})
}

func TestRepeatPair(t *testing.T) {
	text := readFixture(t, "repeat.txt")
	p, ok := RepeatPair("d1", text, nil)
	if !ok || p.DocA != "d1" || p.DocB != "d1" || len(p.Passages) != 1 {
		t.Fatalf("got %+v, %v", p, ok)
	}
	// About a third of the words are the second occurrence.
	if p.Containment < 0.25 || p.Containment > 0.5 || p.Similarity < 0.8 {
		t.Errorf("containment %.2f similarity %.2f", p.Containment, p.Similarity)
	}
	if _, ok := RepeatPair("d2", readFixture(t, "flood_a.txt"), nil); ok {
		t.Error("a text without repeats gave a pair")
	}
}

// TestRepeatsChangedLastWord: a repeated sentence whose last word changed is
// marked whole, up to and including the changed word, but no further.
func TestRepeatsChangedLastWord(t *testing.T) {
	text := "the old bridge over the canal was closed for repairs after the storm damaged it badly.\n" +
		"Traffic was slow all week. Officials said the old bridge over the canal was closed for repairs after the storm damaged it seriously, and more."
	ps := Repeats(text, nil)
	if len(ps) != 1 {
		t.Fatalf("got %d repeats: %+v", len(ps), ps)
	}
	if !strings.HasSuffix(ps[0].AText, "badly") || !strings.HasSuffix(ps[0].BText, "seriously") {
		t.Errorf("changed last word not included: A %q B %q", ps[0].AText, ps[0].BText)
	}
}

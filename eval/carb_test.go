package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func TestCaRBMatch(t *testing.T) {
	g := OIEExtraction{Relation: "was born in", Args: []string{"the poet", "a small town", "in 1901"}}
	tests := []struct {
		name string
		gold OIEExtraction
		pred OIEExtraction
		p, r float64
	}{
		{"exact", g, OIEExtraction{Relation: "was born in", Args: []string{"the poet", "a small town", "in 1901"}}, 1, 1},
		{"no relation word", g, OIEExtraction{Relation: "lived", Args: []string{"the poet", "a small town"}}, 0, 0},
		{"arg2 missing", g, OIEExtraction{Relation: "was born in", Args: []string{"the poet"}}, 0, 0},
		// Gold is made binary: arg2 is "a small town in 1901" (5 words), 10 in all.
		{"arg2 one word", g, OIEExtraction{Relation: "born", Args: []string{"the poet", "1901"}}, 1, 4.0 / 10},
		{"partial", g, OIEExtraction{Relation: "born", Args: []string{"the poet", "small town"}}, 1, 5.0 / 10},
		// Each predicted word is used once: "the the" against "the poet".
		{"repeated words", g, OIEExtraction{Relation: "was born in", Args: []string{"the the", "a small town"}}, 7.0 / 8, 7.0 / 10},
		{"be matches a form of be", OIEExtraction{Relation: "is", Args: []string{"Paris", "a city"}}, OIEExtraction{Relation: "be", Args: []string{"Paris", "a city"}}, 1, 1},
		// A speech relation is also tried with the content first.
		{"speech swapped", OIEExtraction{Relation: "said", Args: []string{"he", "it rained"}}, OIEExtraction{Relation: "said", Args: []string{"it rained", "he"}}, 1, 1},
		{"other swapped", OIEExtraction{Relation: "saw", Args: []string{"he", "it"}}, OIEExtraction{Relation: "saw", Args: []string{"it", "he"}}, 1.0 / 3, 1.0 / 3},
	}
	for _, tc := range tests {
		p, r := carbMatch(tc.gold, tc.pred)
		if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 {
			t.Errorf("%s: got (%.3f, %.3f), want (%.3f, %.3f)", tc.name, p, r, tc.p, tc.r)
		}
	}
}

func TestScoreCaRBToy(t *testing.T) {
	gold, err := ReadCaRBGold(strings.NewReader("A saw B .\tsaw\tA\tB\nC met D .\tmet\tC\tD\n"))
	if err != nil {
		t.Fatal(err)
	}
	// One right extraction at high confidence, one wrong at low confidence.
	sys, err := ReadOIESystem(strings.NewReader("A saw B .\t0.9\tsaw\tA\tB\nC met D .\t0.2\tgreeted\tC\tD\n"))
	if err != nil {
		t.Fatal(err)
	}
	sc := ScoreCaRB(gold, sys)
	// Threshold 0.9: P 1, R 0.5 (F1 0.667); threshold 0.2: P 0.5, R 0.5.
	if math.Abs(sc.F1-2.0/3) > 1e-9 || sc.P != 1 || sc.R != 0.5 || sc.Threshold != 0.9 {
		t.Errorf("got %+v", sc)
	}
	// Curve (0.5,0.5) -> (0.5,1) -> (0,1): area 0.5.
	if math.Abs(sc.AUC-0.5) > 1e-9 {
		t.Errorf("AUC %.3f, want 0.5", sc.AUC)
	}
}

func TestReadOIESystemErrors(t *testing.T) {
	for _, in := range []string{"only\tthree\tfields\n", "s\tnot-a-number\trel\targ\n", "0.5\t\tSimpleArgument(x)\tRelation(y,List())\tz\ts\n"} {
		if _, err := ReadOIESystem(strings.NewReader(in)); err == nil || !strings.HasPrefix(err.Error(), "line 1:") {
			t.Errorf("%q: got %v, want an error naming line 1", in, err)
		}
	}
}

// TestCaRBReproducesOpenIE5 checks the port against CaRB's own scorer on
// OpenIE-5's dev output: AUC 0.240, best F1 0.458 (P 0.526, R 0.406).
func TestCaRBReproducesOpenIE5(t *testing.T) {
	dir := shareddata.Path(t, "data/carb-dev")
	gf, err := os.Open(filepath.Join(dir, "gold", "dev.tsv"))
	if err != nil {
		t.Skipf("CaRB dev gold absent: %v", err)
	}
	defer gf.Close()
	sf, err := os.Open(filepath.Join(dir, "openie5_dev_output.txt"))
	if err != nil {
		t.Skipf("OpenIE-5 output absent: %v", err)
	}
	defer sf.Close()
	gold, err := ReadCaRBGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	sys, err := ReadOIESystem(sf)
	if err != nil {
		t.Fatal(err)
	}
	sc := ScoreCaRB(gold, sys)
	t.Logf("AUC %.4f F1 %.4f P %.4f R %.4f (gold %d, predicted %d)", sc.AUC, sc.F1, sc.P, sc.R, sc.Gold, sc.Predicted)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"AUC", sc.AUC, 0.240}, {"F1", sc.F1, 0.458}, {"P", sc.P, 0.526}, {"R", sc.R, 0.406}} {
		if math.Abs(c.got-c.want) > 0.005 {
			t.Errorf("%s %.4f, CaRB gives %.3f", c.name, c.got, c.want)
		}
	}
}

func FuzzReadCaRBGold(f *testing.F) {
	f.Add("A saw B .\tsaw\tA\tB\n")
	f.Add("x\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		set, err := ReadCaRBGold(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error does not name the line: %v", err)
			}
			return
		}
		ScoreCaRB(set, set)
	})
}

func FuzzReadOIESystem(f *testing.F) {
	f.Add("A saw B .\t0.9\tsaw\tA\tB\n")
	f.Add("0.95\t\tSimpleArgument(A,List([0, 1)))\tRelation(saw,List([2, 5)))\tSimpleArgument(B,List([6, 7)))\tA saw B .\n")
	f.Add("0.7\tContext(X said,List([0, 6)))\tSimpleArgument(A,List([0, 1)))\tRelation(saw,List([2, 5)))\tSimpleArgument(B,List([6, 7))); TemporalArgument(today,List([8,13)))\tA saw B today .\n")
	f.Fuzz(func(t *testing.T, in string) {
		set, err := ReadOIESystem(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error does not name the line: %v", err)
			}
			return
		}
		sc := ScoreCaRB(set, set)
		if sc.AUC < 0 || sc.AUC > 1.0000001 || math.IsNaN(sc.F1) {
			t.Fatalf("score out of range: %+v", sc)
		}
	})
}

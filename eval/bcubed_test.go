package eval

import (
	"math"
	"testing"
)

func TestBCubed(t *testing.T) {
	c := func(pairs ...string) []Clustered {
		var out []Clustered
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, Clustered{pairs[i], pairs[i+1]})
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		items []Clustered
		p, r  float64
	}{
		{"perfect", c("a", "1", "a", "1", "b", "2"), 1, 1},
		{"all merged", c("a", "1", "a", "1", "b", "1", "b", "1"), 0.5, 1},
		{"all split", c("a", "1", "a", "2", "a", "3"), 1, 1.0 / 3},
		// Bagga & Baldwin: gold {1,2,3}{4,5}; predicted {1,2}{3,4,5}.
		{"mixed", c("g1", "p1", "g1", "p1", "g1", "p2", "g2", "p2", "g2", "p2"), (1 + 1 + 1.0/3 + 2.0/3 + 2.0/3) / 5, (2.0/3 + 2.0/3 + 1.0/3 + 1 + 1) / 5},
		{"empty", nil, 0, 0},
	} {
		got := BCubed(tc.items)
		if math.Abs(got.Precision-tc.p) > 1e-9 || math.Abs(got.Recall-tc.r) > 1e-9 {
			t.Errorf("%s: P %.4f R %.4f, want P %.4f R %.4f", tc.name, got.Precision, got.Recall, tc.p, tc.r)
		}
		if want := Harmonic(tc.p, tc.r); math.Abs(got.F1-want) > 1e-9 || got.Items != len(tc.items) {
			t.Errorf("%s: F1 %.4f items %d, want %.4f %d", tc.name, got.F1, got.Items, want, len(tc.items))
		}
	}
}

func BenchmarkBCubed(b *testing.B) {
	items := make([]Clustered, 100000)
	for i := range items {
		items[i] = Clustered{Gold: string(rune('a' + i%97)), Pred: string(rune('a' + i%89))}
	}
	for b.Loop() {
		BCubed(items)
	}
}

func TestRatioAndHarmonic(t *testing.T) {
	for _, tt := range []struct {
		a, b int
		want float64
	}{{1, 2, 0.5}, {3, 0, 0}, {0, 5, 0}} {
		if got := Ratio(tt.a, tt.b); got != tt.want {
			t.Errorf("Ratio(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := Harmonic(0.5, 1); math.Abs(got-2.0/3) > 1e-12 {
		t.Errorf("Harmonic(0.5, 1) = %v", got)
	}
	if got := Harmonic(0, 0); got != 0 {
		t.Errorf("Harmonic(0, 0) = %v", got)
	}
}

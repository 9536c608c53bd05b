package nlp

import (
	"math"
	"math/rand"
	"testing"
)

// outputInputs returns random inputs for outputSum: h hidden units, with
// exact zeros, negative zeros and sums that cancel to zero among them, so
// the ReLU's edge is exercised.
func outputInputs(rng *rand.Rand, h int) (bias [8]float32, w []float32, v [6][]float32) {
	for l := range bias {
		bias[l] = rng.Float32()*2 - 1
	}
	w = make([]float32, h*8)
	for i := range w {
		w[i] = float32(rng.NormFloat64())
	}
	for k := range v {
		v[k] = make([]float32, h)
		for j := range v[k] {
			switch rng.Intn(8) {
			case 0:
				v[k][j] = 0
			case 1:
				v[k][j] = float32(math.Copysign(0, -1))
			default:
				v[k][j] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.Intn(7)-3)))
			}
		}
	}
	// Some units sum to exactly zero or to -0.
	for j := 0; j < h; j += 5 {
		x := v[0][j]
		v[1][j] = -x
		for k := 2; k < 6; k++ {
			v[k][j] = 0
		}
		if j%10 == 0 {
			for k := range v {
				v[k][j] = float32(math.Copysign(0, -1))
			}
		}
	}
	return bias, w, v
}

func TestOutputAsmMatchesGo(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	ran := false
	for _, h := range []int{8, 16, 128, 256, 12, 1} {
		for trial := 0; trial < 50; trial++ {
			bias, w, v := outputInputs(rng, h)
			var want, got [8]float32
			outputGo(&want, &bias, w, v[0], v[1], v[2], v[3], v[4], v[5])
			if !outputAsm(&got, &bias, w, v[0], v[1], v[2], v[3], v[4], v[5]) {
				if h%8 == 0 && hasOutputAsm() {
					t.Fatalf("h=%d: the assembly did not run", h)
				}
				continue
			}
			ran = true
			for l := range want {
				if math.Float32bits(got[l]) != math.Float32bits(want[l]) {
					t.Fatalf("h=%d trial %d label %d: assembly %v (%08x), Go %v (%08x)", h, trial, l, got[l], math.Float32bits(got[l]), want[l], math.Float32bits(want[l]))
				}
			}
		}
	}
	if !ran {
		t.Skip("no assembly for outputSum on this machine: outputGo is all there is")
	}
}

// TestOutputGoIsTheLayer checks outputGo against the layer written out
// plainly, in float64: the four sums only change the rounding.
func TestOutputGoIsTheLayer(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	bias, w, v := outputInputs(rng, 128)
	var got [8]float32
	outputSum(&got, &bias, w, v[0], v[1], v[2], v[3], v[4], v[5])
	for l := 0; l < 8; l++ {
		want, mag := float64(bias[l]), math.Abs(float64(bias[l]))
		for j := 0; j < 128; j++ {
			x := 0.0
			for k := range v {
				x += float64(v[k][j])
			}
			x = max(x, 0)
			want += x * float64(w[j*8+l])
			mag += math.Abs(x * float64(w[j*8+l]))
		}
		if d := math.Abs(float64(got[l]) - want); d > 1e-5*mag+1e-6 {
			t.Errorf("label %d: %v, want %v (|Σ| %v)", l, got[l], want, mag)
		}
	}
}

func BenchmarkCtxOutput(b *testing.B) {
	rng := rand.New(rand.NewSource(9))
	bias, w, v := outputInputs(rng, ctxHidden)
	var o [8]float32
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			outputGo(&o, &bias, w, v[0], v[1], v[2], v[3], v[4], v[5])
		}
	})
	b.Run("sum", func(b *testing.B) {
		for b.Loop() {
			outputSum(&o, &bias, w, v[0], v[1], v[2], v[3], v[4], v[5])
		}
	})
}

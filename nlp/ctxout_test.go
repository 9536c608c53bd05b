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

// firstBitDiff returns the first index where got and want differ in any
// bit (a -0 for a +0 too), or -1.
func firstBitDiff(got, want []float32) int {
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			return i
		}
	}
	return -1
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
				if h%8 == 0 && hasKernelAsm() {
					t.Fatalf("h=%d: the assembly did not run", h)
				}
				continue
			}
			ran = true
			if l := firstBitDiff(got[:], want[:]); l >= 0 {
				t.Fatalf("h=%d trial %d label %d: assembly %v (%08x), Go %v (%08x)", h, trial, l, got[l], math.Float32bits(got[l]), want[l], math.Float32bits(want[l]))
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

func TestAxpyScaleAsmMatchesGo(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	ran := false
	for _, n := range []int{8, 128, 256, 13, 1} {
		for trial := 0; trial < 50; trial++ {
			src := make([]float32, n)
			want := make([]float32, n)
			for j := range src {
				src[j] = float32(rng.NormFloat64())
				want[j] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.Intn(5)-2)))
			}
			got := append([]float32(nil), want...)
			a := float32(rng.NormFloat64())
			axpyScaleGo(want, a, src)
			if !axpyScaleAsm(got, a, src) {
				if n%8 == 0 && hasKernelAsm() {
					t.Fatalf("n=%d: the assembly did not run", n)
				}
				continue
			}
			ran = true
			if j := firstBitDiff(got, want); j >= 0 {
				t.Fatalf("n=%d trial %d: [%d] assembly %v, Go %v", n, trial, j, got[j], want[j])
			}
		}
	}
	if !ran {
		t.Skip("no assembly for axpyScale on this machine: axpyScaleGo is all there is")
	}
}

// TestContribIsTheLayer checks a word's contributions against the first
// layer written out plainly (w1 as trained, in float64).
func TestContribIsTheLayer(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	n := &ctxNet{zdim: 8, hidden: 16, nl: len(nerLabels)}
	in, w := n.in(), n.zdim+ciWord
	n.w1 = make([]float32, ctxPositions*n.hidden*in)
	for i := range n.w1 {
		n.w1[i] = float32(rng.NormFloat64())
	}
	n.b1, n.w2, n.b2 = make([]float32, n.hidden), make([]float32, n.nl*n.hidden), make([]float32, n.nl)
	n.prepare()
	x := make([]float32, in)
	for k := 0; k < n.zdim; k++ {
		x[k] = float32(rng.NormFloat64())
	}
	x[n.zdim+ciUpper], x[n.zdim+ciGaz+2] = 1, 1
	u := make([]float32, ctxPositions*n.hidden)
	for i := range u {
		u[i] = 99 // contrib must not add to what was there
	}
	n.contrib(x, u)
	for p := 0; p < ctxPositions; p++ {
		for j := 0; j < n.hidden; j++ {
			want, mag := 0.0, 0.0
			for k := 0; k < w; k++ {
				v := float64(x[k]) * float64(n.w1[(p*n.hidden+j)*in+k])
				want += v
				mag += math.Abs(v)
			}
			if d := math.Abs(float64(u[p*n.hidden+j]) - want); d > 1e-5*mag {
				t.Fatalf("position %d unit %d: %v, want %v", p, j, u[p*n.hidden+j], want)
			}
		}
	}
}

package nlp

import "math"

// The context net's two hot loops are written for AVX: the output layer
// (outputSum) and a word's contributions to the hidden layer (axpyScale).
//
// The context net's output layer was a quarter of Analyze's instructions
// before it was vectorized (cachegrind; the command is in
// nlp/models/README.md): for every word it guesses, 128 hidden units, each
// the sum of six vectors, through a ReLU and into 8 label sums. outputSum
// is that layer; on amd64 with AVX it runs as assembly (ctxout_amd64.s)
// eight units at a time. The two give the same bits: both add the six
// vectors left to right, and both keep four sums per label (hidden unit j
// goes to sum j%4, in order of j), added as (s0+s1)+(s2+s3) and then to
// the bias. Neither fuses a multiply and an add, so no build flag can make
// them differ.

// outputSum fills out (8 labels) with the output layer's scores for the
// hidden layer relu(a+b+c+d+e+f), len(a) hidden units, weights w laid out
// by unit ([unit][8]), biases bias (8).
func outputSum(out *[8]float32, bias *[8]float32, w, a, b, c, d, e, f []float32) {
	if outputAsm(out, bias, w, a, b, c, d, e, f) {
		return
	}
	outputGo(out, bias, w, a, b, c, d, e, f)
}

// outputGo is outputSum in Go, the reference the assembly is tested
// against.
func outputGo(out *[8]float32, bias *[8]float32, w, a, b, c, d, e, f []float32) {
	H := len(a)
	b, c, d, e, f = b[:H], c[:H], d[:H], e[:H], f[:H]
	w = w[:H*8]
	var acc [4][8]float32
	for j := range a {
		v := a[j] + b[j] + c[j] + d[j] + e[j] + f[j]
		bits := math.Float32bits(v)
		v = math.Float32frombits(bits &^ uint32(int32(bits)>>31)) // relu; -0 too becomes +0
		r := w[j*8 : j*8+8 : j*8+8]
		s := &acc[j&3]
		// float32(...) rounds the product: the compiler may not fuse it
		// with the add (as the assembly does not).
		s[0] += float32(v * r[0])
		s[1] += float32(v * r[1])
		s[2] += float32(v * r[2])
		s[3] += float32(v * r[3])
		s[4] += float32(v * r[4])
		s[5] += float32(v * r[5])
		s[6] += float32(v * r[6])
		s[7] += float32(v * r[7])
	}
	for l := range out {
		out[l] = bias[l] + ((acc[0][l] + acc[1][l]) + (acc[2][l] + acc[3][l]))
	}
}

// axpyScale adds a·src to dst (len(dst) values). A word the net has not
// seen costs one such row of hidden units per input it has set, at each
// of the five positions (see ctxNet.contrib); on amd64 with AVX it runs as
// assembly, eight units at a time, with the same bits as axpyScaleGo.
func axpyScale(dst []float32, a float32, src []float32) {
	if axpyScaleAsm(dst, a, src) {
		return
	}
	axpyScaleGo(dst, a, src)
}

// axpyScaleGo is axpyScale in Go, the reference the assembly is tested
// against.
func axpyScaleGo(dst []float32, a float32, src []float32) {
	src = src[:len(dst)]
	for j := range dst {
		dst[j] += float32(a * src[j]) // rounded: not fused (see outputGo)
	}
}

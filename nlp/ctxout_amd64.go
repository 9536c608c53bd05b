package nlp

import "golang.org/x/sys/cpu"

// hasAVX reports whether outputAVX may run (the processor and the
// operating system support AVX).
var hasAVX = cpu.X86.HasAVX

// outputAVX is outputGo for len(a) a multiple of 8 (see ctxout_amd64.s).
//
//go:noescape
func outputAVX(out, bias, w, a, b, c, d, e, f *float32, n int)

// outputAsm runs outputAVX when it can, and reports whether it did.
func outputAsm(out *[8]float32, bias *[8]float32, w, a, b, c, d, e, f []float32) bool {
	H := len(a)
	if !hasAVX || H == 0 || H%8 != 0 || len(b) < H || len(c) < H || len(d) < H || len(e) < H || len(f) < H || len(w) < H*8 {
		return false
	}
	outputAVX(&out[0], &bias[0], &w[0], &a[0], &b[0], &c[0], &d[0], &e[0], &f[0], H)
	return true
}

// hasKernelAsm reports whether outputSum and axpyScale run as assembly
// here (for the tests).
func hasKernelAsm() bool { return hasAVX }

// axpyScaleAVX is axpyScaleGo for n a multiple of 8 (see ctxout_amd64.s).
//
//go:noescape
func axpyScaleAVX(dst, src *float32, a float32, n int)

// axpyScaleAsm runs axpyScaleAVX when it can, and reports whether it did.
func axpyScaleAsm(dst []float32, a float32, src []float32) bool {
	n := len(dst)
	if !hasAVX || n == 0 || n%8 != 0 || len(src) < n {
		return false
	}
	axpyScaleAVX(&dst[0], &src[0], a, n)
	return true
}

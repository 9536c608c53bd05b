//go:build !amd64

package nlp

// outputAsm has no assembly on this architecture: outputGo runs.
func outputAsm(out *[8]float32, bias *[8]float32, w, a, b, c, d, e, f []float32) bool {
	return false
}

// hasKernelAsm: no assembly on this architecture (for the tests).
func hasKernelAsm() bool { return false }

// axpyScaleAsm has no assembly on this architecture: axpyScaleGo runs.
func axpyScaleAsm(dst []float32, a float32, src []float32) bool { return false }

//go:build !unix

package nlp

func processCPU() float64 { return -1 }

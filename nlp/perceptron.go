package nlp

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
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
//
// In memory the bucket -> row index is a rank directory rather than an
// array of 2^bits row numbers: for each 64 buckets, a bit per bucket that
// has a row and the number of rows before them. A row's number is its
// bucket's rank among the kept buckets (rows are kept in bucket order), so
// a lookup reads one 16-byte entry of a directory 64 times smaller than the
// array it replaces (256 KiB instead of 4 MiB for 2^20 buckets), which stays
// in the processor's caches; only the row itself may miss.
type linearModel struct {
	labels []string
	bits   uint
	dir    []rankEntry // bucket>>6 -> kept buckets among those 64
	w      []float32   // rows × len(labels), rows in bucket order
}

type rankEntry struct {
	bits uint64 // bit b%64 set when bucket b has a row
	base uint32 // rows of the buckets before this entry's
}

// newLinearModel returns an empty model over 2^bits buckets; add rows with
// appendRow in increasing bucket order.
func newLinearModel(labels []string, bits uint) *linearModel {
	return &linearModel{labels: labels, bits: bits, dir: make([]rankEntry, max(1<<bits>>6, 1))}
}

// appendRow gives bucket b the weights row; b must exceed every bucket
// appended before.
func (m *linearModel) appendRow(b int, row []float32) {
	m.dir[b>>6].bits |= 1 << (uint(b) & 63)
	m.w = append(m.w, row...)
}

// finish sets each entry's count of the rows before it from the bits;
// call it once every bucket's bit is set.
func (m *linearModel) finish() {
	var n uint32
	for i := range m.dir {
		m.dir[i].base = n
		n += uint32(bits.OnesCount64(m.dir[i].bits))
	}
}

// row returns the row number of bucket b, or -1 when it has none.
func (m *linearModel) row(b uint64) int {
	e := &m.dir[b>>6]
	bit := b & 63
	if e.bits>>bit&1 == 0 {
		return -1
	}
	return int(e.base) + bits.OnesCount64(e.bits&(1<<bit-1))
}

// scoreChunk is how many features scores resolves to rows before it adds
// them up.
const scoreChunk = 64

// scores adds the weights of feats into out (len(labels)), which it zeroes first.
//
// Scoring is bound by memory: most rows are not in the processor's caches.
// So scores first resolves a chunk of features to rows and reads each row's
// first and last weight, loads that do not depend on one another and so are
// in flight together, and only then adds the rows, now in the cache.
// The weights are multiples of 1/1024 far from float32's precision limit,
// so sums are exact in any order.
func (m *linearModel) scores(feats []fhash, out []float32) {
	n := len(m.labels)
	out = out[:n]
	for i := range out {
		out[i] = 0
	}
	mask := uint64(1)<<m.bits - 1
	w := m.w
	var offs [scoreChunk]int32
	var touch float32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), scoreChunk)]
		feats = feats[len(chunk):]
		k := 0
		for _, f := range chunk {
			r := m.row(uint64(f) & mask)
			if r < 0 {
				continue
			}
			o := r * n
			touch += w[o] + w[o+n-1]
			offs[k] = int32(o)
			k++
		}
		switch n {
		case 7:
			addRows7(out, w, offs[:k])
		case 17:
			addRows17(out, w, offs[:k])
		default:
			for _, o := range offs[:k] {
				for j, v := range w[o : int(o)+n] {
					out[j] += v
				}
			}
		}
	}
	// touch is a sum of weights, finite: this adds zero, and keeps the
	// loads that brought the rows in.
	out[0] += touch * 0
}

// addRows7 adds 7-label rows (the recognizer's) keeping the sums in registers.
func addRows7(out, w []float32, offs []int32) {
	s := (*[7]float32)(out)
	a0, a1, a2, a3, a4, a5, a6 := s[0], s[1], s[2], s[3], s[4], s[5], s[6]
	for _, o := range offs {
		r := (*[7]float32)(w[o:])
		a0 += r[0]
		a1 += r[1]
		a2 += r[2]
		a3 += r[3]
		a4 += r[4]
		a5 += r[5]
		a6 += r[6]
	}
	s[0], s[1], s[2], s[3], s[4], s[5], s[6] = a0, a1, a2, a3, a4, a5, a6
}

// addRows17 adds 17-label rows (the tagger's).
func addRows17(out, w []float32, offs []int32) {
	s := (*[17]float32)(out)
	for _, o := range offs {
		r := (*[17]float32)(w[o:])
		for j := range s {
			s[j] += r[j]
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
	m := newLinearModel(labels, bits)
	row := make([]float32, nl)
	for b := 0; b < 1<<bits; b++ {
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
			m.appendRow(b, row)
		}
	}
	m.finish()
	return m
}

// average returns the averaged model, keeping only buckets with weight.
func (t *trainer) average() *linearModel {
	m := newLinearModel(t.labels, t.bits)
	row := make([]float32, t.n)
	for b := 0; b < 1<<t.bits; b++ {
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
			m.appendRow(b, row)
		}
	}
	m.finish()
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
	for b := 0; b < 1<<m.bits; b++ {
		r := m.row(uint64(b))
		if r < 0 {
			continue
		}
		writeU32(w, uint32(b))
		for _, v := range m.w[r*len(m.labels) : (r+1)*len(m.labels)] {
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
	m.dir = make([]rankEntry, max(1<<bits>>6, 1))
	w := make([]float32, int(rows)*int(n))
	// The file lists rows in bucket order as writeTo writes them; rows out of
	// order are sorted in memory.
	bucket := make([]uint32, rows)
	sorted := true
	for i := 0; i < int(rows); i++ {
		b, err := readU32(r)
		if err != nil || b >= 1<<bits {
			return nil, fmt.Errorf("read row %d: bad bucket %d: %v", i, b, err)
		}
		if m.dir[b>>6].bits>>(b&63)&1 != 0 {
			return nil, fmt.Errorf("read row %d: bucket %d twice", i, b)
		}
		m.dir[b>>6].bits |= 1 << (b & 63)
		bucket[i] = b
		sorted = sorted && (i == 0 || b > bucket[i-1])
		for j := 0; j < int(n); j++ {
			v, err := readU32(r)
			if err != nil {
				return nil, fmt.Errorf("read row %d: %w", i, err)
			}
			w[i*int(n)+j] = float32(int32(v)) / 1024
		}
	}
	m.finish()
	if sorted {
		m.w = w
		return m, nil
	}
	m.w = make([]float32, len(w))
	for i, b := range bucket {
		at := m.row(uint64(b))
		copy(m.w[at*int(n):(at+1)*int(n)], w[i*int(n):(i+1)*int(n)])
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

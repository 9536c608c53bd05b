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
// Its in-memory layout is built for scoring and differs from the file's
// (see writeTo):
//
//   - The bucket -> row index is a rank directory rather than an array of
//     2^bits row numbers: for each 64 buckets, a bit per bucket that has a
//     row and the number of rows before them. A row's number is its bucket's
//     rank among the kept buckets (rows are kept in bucket order), so a
//     lookup reads one 16-byte entry of a directory 64 times smaller than
//     the array it replaces (256 KiB instead of 4 MiB for 2^20 buckets).
//   - Weights are multiples of 1/1024 (see average). A row holds them as
//     integer counts of 1/1024 plus laneBias, two labels to a uint64 (32-bit
//     lanes), so adding a row of the tagger's 17 labels is 9 additions of
//     uint64, not 17 of float32: the lanes never carry into one another
//     (see scoreChunk). The few rows with a count too large for that are
//     kept exactly in wide. The sums are the same as float32 sums of the
//     weights in any order, which are exact while below 2^24/1024 in size
//     (today's sums stay under a few thousand).
type linearModel struct {
	labels []string
	bits   uint
	dir    []rankEntry // bucket>>6 -> kept buckets among those 64
	lanes  int         // uint64 words per row: (len(labels)+1)/2
	// p holds the rows, in bucket order; label j of row r is the 32-bit
	// lane j%2 (low first) of p[r*lanes+j/2]. A row of zero words is in wide.
	p    []uint64
	wide map[int32][]int32 // offset in p of a row of zeros -> its counts
}

type rankEntry struct {
	bits uint64 // bit b%64 set when bucket b has a row
	base uint32 // rows of the buckets before this entry's
}

// laneBias is added to every count in a lane, so a lane holds a positive
// number below 2*laneBias; counts of laneBias or more in size go to wide.
const laneBias = 1 << 25

// scoreChunk is how many features scores resolves to rows before it adds
// them up. At most scoreChunk lanes below 2^26 are added before the sums
// are taken out, so a 32-bit lane never overflows.
const scoreChunk = 64

// newLinearModel returns an empty model over 2^bits buckets; add rows with
// appendRow in increasing bucket order, then call finish.
func newLinearModel(labels []string, bits uint) *linearModel {
	return &linearModel{labels: labels, bits: bits, dir: make([]rankEntry, max(1<<bits>>6, 1)), lanes: (len(labels) + 1) / 2}
}

// appendRow gives bucket b a row of weights given as counts of 1/1024; b
// must exceed every bucket appended before.
func (m *linearModel) appendRow(b int, counts []int32) {
	m.dir[b>>6].bits |= 1 << (uint(b) & 63)
	m.putRow(m.rows(), counts)
}

// putRow stores counts as row r, growing p to it.
func (m *linearModel) putRow(r int, counts []int32) {
	o := r * m.lanes
	if len(m.p) < o+m.lanes {
		m.p = append(m.p, make([]uint64, o+m.lanes-len(m.p))...)
	}
	row := m.p[o : o+m.lanes]
	for j := range row {
		row[j] = laneBias | laneBias<<32 // the lane after an odd last label too
	}
	for j, v := range counts {
		if v <= -laneBias || v >= laneBias {
			if m.wide == nil {
				m.wide = map[int32][]int32{}
			}
			m.wide[int32(o)] = append([]int32(nil), counts...)
			clear(row)
			return
		}
		row[j/2] = row[j/2]&^(0xffffffff<<(32*(j%2))) | uint64(uint32(v+laneBias))<<(32*(j%2))
	}
}

// rowCounts appends row r's counts to dst.
func (m *linearModel) rowCounts(dst []int32, r int) []int32 {
	o := r * m.lanes
	if m.p[o] == 0 {
		return append(dst, m.wide[int32(o)]...)
	}
	for j := range m.labels {
		dst = append(dst, int32(uint32(m.p[o+j/2]>>(32*(j%2))))-laneBias)
	}
	return dst
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

// rows returns how many rows the model has.
func (m *linearModel) rows() int { return len(m.p) / m.lanes }

// row returns the row number of bucket b, or -1 when it has none.
func (m *linearModel) row(b uint64) int {
	e := &m.dir[b>>6]
	bit := b & 63
	if e.bits>>bit&1 == 0 {
		return -1
	}
	return int(e.base) + bits.OnesCount64(e.bits&(1<<bit-1))
}

// scores sets out (len(labels)) to the summed weights of feats.
func (m *linearModel) scores(feats []fhash, out []float32) {
	if len(feats) <= scoreChunk {
		var ok bool
		switch len(m.labels) {
		case 7: // the recognizer's
			ok = m.scores4(feats, (*[7]float32)(out))
		case 17: // the tagger's
			ok = m.scores9(feats, (*[17]float32)(out))
		}
		if ok {
			return
		}
	}
	m.scoresAny(feats, out)
}

// scores4 is scores for 7 labels (4 words a row) and at most scoreChunk
// features; it returns false, leaving out to scoresAny, when a feature has
// a wide row. It adds each row as it finds it.
func (m *linearModel) scores4(feats []fhash, out *[7]float32) bool {
	return m.scores4From(rowSum4{}, feats, out)
}

// rowSum4 is a sum of rows of a 7-label model kept for later: its lanes
// and how many rows it holds (each adds laneBias).
type rowSum4 struct {
	a [4]uint64
	k uint32
}

// sum4 returns the sum of feats' rows, and false when one is wide (see
// scores4). At most scoreChunk features.
func (m *linearModel) sum4(feats []fhash) (rowSum4, bool) {
	var s rowSum4
	mask := uint64(1)<<m.bits - 1
	for _, f := range feats {
		r := m.row(uint64(f) & mask)
		if r < 0 {
			continue
		}
		w := (*[4]uint64)(m.p[r*4:])
		if w[0] == 0 {
			return s, false
		}
		for j := range s.a {
			s.a[j] += w[j]
		}
		s.k++
	}
	return s, true
}

// scores4From is scores4 with the rows of base added: the same sums, in
// whole 1/1024ths, whatever the order. base and feats hold at most
// scoreChunk rows together.
func (m *linearModel) scores4From(base rowSum4, feats []fhash, out *[7]float32) bool {
	mask := uint64(1)<<m.bits - 1
	p := m.p
	a0, a1, a2, a3 := base.a[0], base.a[1], base.a[2], base.a[3]
	k := base.k
	for _, f := range feats {
		r := m.row(uint64(f) & mask)
		if r < 0 {
			continue
		}
		w := (*[4]uint64)(p[r*4:])
		if w[0] == 0 {
			return false
		}
		a0 += w[0]
		a1 += w[1]
		a2 += w[2]
		a3 += w[3]
		k++
	}
	bias := k * laneBias
	out[0] = lane(a0, bias)
	out[1] = lane(a0>>32, bias)
	out[2] = lane(a1, bias)
	out[3] = lane(a1>>32, bias)
	out[4] = lane(a2, bias)
	out[5] = lane(a2>>32, bias)
	out[6] = lane(a3, bias)
	return true
}

// scores9 is scores for 17 labels (9 words a row) and at most scoreChunk
// features; it
// returns false, leaving out to scoresAny, when a feature has a wide row.
//
// A tagger row spans two cache lines, and most rows are not in the
// processor's caches when they are needed. So scores9 first resolves the
// features to rows, reading each row's first and last word: loads that do
// not depend on one another and so are in flight together. Then it adds
// the rows up, now in the cache. (Measured: 17% faster than adding each
// row as it is found, which is faster for the recognizer's one-line rows.)
func (m *linearModel) scores9(feats []fhash, out *[17]float32) bool {
	mask := uint64(1)<<m.bits - 1
	p := m.p
	var offs [scoreChunk]uint32
	k := 0
	for _, f := range feats {
		r := m.row(uint64(f) & mask)
		if r < 0 {
			continue
		}
		w := (*[9]uint64)(p[r*9:])
		if w[0] == 0 || w[8] == 0 {
			return false
		}
		offs[k] = uint32(r * 9)
		k++
	}
	var a0, a1, a2, a3, a4, a5, a6, a7, a8 uint64
	for _, o := range offs[:k] {
		w := (*[9]uint64)(p[o:])
		a0 += w[0]
		a1 += w[1]
		a2 += w[2]
		a3 += w[3]
		a4 += w[4]
		a5 += w[5]
		a6 += w[6]
		a7 += w[7]
		a8 += w[8]
	}
	bias := uint32(k) * laneBias
	for j, x := range [...]uint64{a0, a1, a2, a3, a4, a5, a6, a7} {
		out[2*j] = lane(x, bias)
		out[2*j+1] = lane(x>>32, bias)
	}
	out[16] = lane(a8, bias)
	return true
}

// lane returns the weight sum in the low 32-bit lane of x, which holds
// the sum of some counts plus bias (below 2^32, the counts' sum below 2^31
// in size).
func lane(x uint64, bias uint32) float32 {
	return float32(int32(uint32(x)-bias)) / 1024
}

// scoresAny is scores for any number of labels and features.
func (m *linearModel) scoresAny(feats []fhash, out []float32) {
	n, lanes := len(m.labels), m.lanes
	sum := make([]int64, n) // in 1/1024ths
	acc := make([]uint64, lanes)
	mask := uint64(1)<<m.bits - 1
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), scoreChunk)]
		feats = feats[len(chunk):]
		clear(acc)
		k := uint32(0)
		for _, f := range chunk {
			r := m.row(uint64(f) & mask)
			if r < 0 {
				continue
			}
			o := r * lanes
			if m.p[o] == 0 {
				for j, v := range m.wide[int32(o)] {
					sum[j] += int64(v)
				}
				continue
			}
			for j, v := range m.p[o : o+lanes] {
				acc[j] += v
			}
			k++
		}
		bias := k * laneBias
		for j := range sum {
			sum[j] += int64(int32(uint32(acc[j/2]>>(32*(j%2))) - bias))
		}
	}
	for j, v := range sum {
		out[j] = float32(v) / 1024
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
	row := make([]int32, nl)
	for b := 0; b < 1<<bits; b++ {
		keep := false
		for j := 0; j < nl; j++ {
			// Round to a coarse grid: the model stays small and identical
			// across runs, and the scores barely move.
			v := int32(math.Round(sum[b*nl+j] / float64(n) * 1024))
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
	return averageOf(t.labels, t.bits, t.addAverage(nil), 1)
}

// writeTo writes the model: labels, bits, then each kept bucket with its row.
func (m *linearModel) writeTo(w *bufio.Writer) error {
	writeU32(w, uint32(len(m.labels)))
	for _, l := range m.labels {
		writeString(w, l)
	}
	writeU32(w, uint32(m.bits))
	writeU32(w, uint32(m.rows()))
	var counts []int32
	for b := 0; b < 1<<m.bits; b++ {
		r := m.row(uint64(b))
		if r < 0 {
			continue
		}
		writeU32(w, uint32(b))
		// weights are multiples of 1/1024: they are stored as int32 counts
		counts = m.rowCounts(counts[:0], r)
		for _, v := range counts {
			writeU32(w, uint32(v))
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
	counts := make([]int32, int(rows)*int(n))
	bucket := make([]uint32, rows)
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
		for j := 0; j < int(n); j++ {
			v, err := readU32(r)
			if err != nil {
				return nil, fmt.Errorf("read row %d: %w", i, err)
			}
			counts[i*int(n)+j] = int32(v)
		}
	}
	m.finish()
	// Rows go in bucket order, the order writeTo writes them in.
	m.lanes = (int(n) + 1) / 2
	m.p = make([]uint64, int(rows)*m.lanes)
	for i, b := range bucket {
		m.putRow(m.row(uint64(b)), counts[i*int(n):(i+1)*int(n)])
	}
	return m, nil
}

func writeU32(w *bufio.Writer, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	w.Write(b[:])
}

// readU32 reads a little-endian uint32. (Byte by byte from the
// bufio.Reader: io.ReadFull would make the 4-byte buffer escape, an
// allocation for each of the millions of numbers in a model.)
func readU32(r *bufio.Reader) (uint32, error) {
	var v uint32
	for k := 0; k < 4; k++ {
		c, err := r.ReadByte()
		if err != nil {
			if k > 0 && err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return 0, err
		}
		v |= uint32(c) << (8 * k)
	}
	return v, nil
}

func writeString(w *bufio.Writer, s string) {
	writeU32(w, uint32(len(s)))
	w.WriteString(s)
}

func readString(r *bufio.Reader) (string, error) {
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

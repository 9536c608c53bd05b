package reuse

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Signature is the MinHash sketch of one document's shingle set: for each of
// K hash functions the smallest value over the set, plus the size of the set
// (needed to turn an estimated resemblance into an estimated containment).
type Signature struct {
	Mins     []uint32
	Shingles int
}

// hashParams are the K (multiplier, addend) pairs of the multiply-shift hash
// family h_i(x) = (a_i*x + b_i) >> 32 over the 64-bit shingle hashes. They
// are derived from a fixed seed, so signatures are comparable across runs
// and machines; changing them invalidates stored signatures.
func hashParams(k int) (a, b []uint64) {
	a, b = make([]uint64, k), make([]uint64, k)
	s := uint64(0x5eed_c1a1_6a4f_0007)
	for i := range k {
		s += 0x9e3779b97f4a7c15
		a[i] = mix64(s) | 1
		s += 0x9e3779b97f4a7c15
		b[i] = mix64(s)
	}
	return a, b
}

// Signer computes signatures with K hash functions.
type Signer struct {
	a, b []uint64
}

// NewSigner returns a signer with k hash functions.
func NewSigner(k int) *Signer {
	a, b := hashParams(k)
	return &Signer{a: a, b: b}
}

// Sign returns the signature of a shingle set (distinct hashes). The
// signature of an empty set has all minima at the maximum value and zero
// shingles; it matches nothing.
func (s *Signer) Sign(set []uint64) Signature {
	mins := make([]uint32, len(s.a))
	for i := range mins {
		mins[i] = math.MaxUint32
	}
	as, bs := s.a, s.b[:len(s.a)]
	mins = mins[:len(as)]
	for _, x := range set {
		for i, a := range as {
			if v := uint32((a*x + bs[i]) >> 32); v < mins[i] {
				mins[i] = v
			}
		}
	}
	return Signature{Mins: mins, Shingles: len(set)}
}

// Bands returns one key per LSH band of rows consecutive minima (the last
// band takes what is left). Each key mixes the band's number with its
// values, so equal values in different bands never collide. Two documents
// are candidates when they share a key. An empty signature has no keys.
func (sig Signature) Bands(rows int) []uint64 {
	if sig.Shingles == 0 || rows < 1 {
		return nil
	}
	keys := make([]uint64, 0, (len(sig.Mins)+rows-1)/rows)
	for band, i := 0, 0; i < len(sig.Mins); band, i = band+1, i+rows {
		h := mix64(uint64(band) + 0x51ed_270b_27a1_3c55)
		for _, v := range sig.Mins[i:min(i+rows, len(sig.Mins))] {
			h = mix64(h ^ uint64(v))
		}
		keys = append(keys, h)
	}
	return keys
}

// Resemblance estimates the Jaccard resemblance of the two sets from the
// share of equal minima.
func (sig Signature) Resemblance(o Signature) float64 {
	if sig.Shingles == 0 || o.Shingles == 0 || len(sig.Mins) != len(o.Mins) {
		return 0
	}
	eq := 0
	for i, v := range sig.Mins {
		if v == o.Mins[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(sig.Mins))
}

// Containment estimates the share of the smaller set found in the larger from
// the estimated resemblance J and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).
func (sig Signature) Containment(o Signature) float64 {
	j := sig.Resemblance(o)
	if j == 0 {
		return 0
	}
	inter := j * float64(sig.Shingles+o.Shingles) / (1 + j)
	return math.Min(1, inter/float64(min(sig.Shingles, o.Shingles)))
}

// MarshalBinary encodes the signature as a blob for a store: the shingle
// count as a uvarint, then the minima as little-endian uint32s.
func (sig Signature) MarshalBinary() ([]byte, error) {
	buf := binary.AppendUvarint(make([]byte, 0, 4*len(sig.Mins)+4), uint64(sig.Shingles))
	for _, v := range sig.Mins {
		buf = binary.LittleEndian.AppendUint32(buf, v)
	}
	return buf, nil
}

// UnmarshalBinary decodes a blob written by MarshalBinary.
func (sig *Signature) UnmarshalBinary(data []byte) error {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > math.MaxInt32 {
		return fmt.Errorf("decode signature: bad shingle count")
	}
	data = data[k:]
	if len(data)%4 != 0 {
		return fmt.Errorf("decode signature: %d bytes of minima is not a multiple of 4", len(data))
	}
	sig.Shingles = int(n)
	sig.Mins = make([]uint32, len(data)/4)
	for i := range sig.Mins {
		sig.Mins[i] = binary.LittleEndian.Uint32(data[4*i:])
	}
	return nil
}

package reuse

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// side is one text of a comparison, tokenized once: its words (every range
// in order), its shingle set, and its alignment seeds when asked. A new
// document is compared with up to MaxVerify candidates; before, each
// comparison tokenized it twice more (once for its shingles, once to align).
type side struct {
	t     Text
	words []word
	set   []uint64 // shingle hashes, sorted, distinct: the signature's input
	set32 []uint32 // their high 32 bits, sorted, distinct: what is compared
	seeds *seeds
}

// newSide tokenizes t and computes its set of n-word shingles, as
// ShingleSet returns (an n-gram never spans two ranges; a range of fewer than n
// words but at least one gives one shorter shingle).
func newSide(t Text, n int) *side {
	if n < 1 {
		n = 1
	}
	ranges := t.Ranges
	if ranges == nil {
		ranges = [][2]int{{0, len(t.Text)}}
	}
	s := &side{t: t, words: make([]word, 0, len(t.Text)/6)}
	for _, r := range ranges {
		lo := len(s.words)
		s.words = tokenizeRange(t.Text, min(max(r[0], 0), len(t.Text)), min(max(r[1], 0), len(t.Text)), s.words)
		ws := s.words[lo:]
		switch {
		case len(ws) == 0:
		case len(ws) < n:
			s.set = append(s.set, gramHash(ws))
		default:
			if s.set == nil {
				s.set = make([]uint64, 0, len(ws))
			}
			for i := 0; i+n <= len(ws); i++ {
				s.set = append(s.set, gramHash(ws[i:i+n]))
			}
		}
	}
	slices.Sort(s.set)
	s.set = slices.Compact(s.set)
	s.set32 = Set32(s.set)
	return s
}

// Set32 returns the high 32 bits of each hash of a sorted shingle set,
// sorted and distinct. Pairs are verified on these sets, which a store keeps
// for every document at 4 bytes a shingle (EncodeSet32): two distinct
// shingles of a pair of 300-shingle documents agree on them with a
// probability of about 1 in 20,000 (one shingle counted shared too many).
func Set32(set []uint64) []uint32 {
	out := make([]uint32, 0, len(set))
	for _, h := range set {
		v := uint32(h >> 32)
		// The high bits of a sorted set are sorted: equal ones are adjacent.
		if n := len(out); n == 0 || out[n-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// EncodeSet32 writes a set from Set32 as 4 bytes a value, little-endian.
func EncodeSet32(set []uint32) []byte {
	out := make([]byte, 4*len(set))
	for i, v := range set {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// DecodeSet32 reads a set written by EncodeSet32; it fails on a length that
// is not a multiple of 4 or values out of order.
func DecodeSet32(b []byte) ([]uint32, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("shingle set of %d bytes, not a multiple of 4", len(b))
	}
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
		if i > 0 && out[i] <= out[i-1] {
			return nil, fmt.Errorf("shingle set not sorted at value %d", i)
		}
	}
	return out, nil
}

// seedsFor returns the side's alignment seeds of n words, computed once.
func (s *side) seedsFor(n int) *seeds {
	if s.seeds == nil {
		s.seeds = seedsOf(s.words, n)
	}
	return s.seeds
}

package reuse

// Shingle is one word n-gram of a text: its hash and the byte span from the
// start of its first word to the end of its last.
type Shingle struct {
	Hash       uint64
	Start, End int
}

// Shingles returns the word n-grams of text inside ranges (nil: the whole
// text), in order of position. An n-gram never spans two ranges, because
// text between main-text ranges (a sidebar, a byline) would otherwise glue
// unrelated words together. A range with fewer than n words but at least one
// gives one shorter shingle, so that short documents still have a
// signature.
func Shingles(text string, ranges [][2]int, n int) []Shingle {
	if n < 1 {
		n = 1
	}
	if ranges == nil {
		ranges = [][2]int{{0, len(text)}}
	}
	var out []Shingle
	var ws []word
	for _, r := range ranges {
		ws = tokenizeRange(text, min(max(r[0], 0), len(text)), min(max(r[1], 0), len(text)), ws[:0])
		out = appendShingles(out, ws, n)
	}
	return out
}

func appendShingles(out []Shingle, ws []word, n int) []Shingle {
	if len(ws) == 0 {
		return out
	}
	if len(ws) < n {
		return append(out, Shingle{Hash: gramHash(ws), Start: ws[0].start, End: ws[len(ws)-1].end})
	}
	for i := 0; i+n <= len(ws); i++ {
		out = append(out, Shingle{Hash: gramHash(ws[i : i+n]), Start: ws[i].start, End: ws[i+n-1].end})
	}
	return out
}

// gramHash combines word hashes in order (so "a b" and "b a" differ) and
// finishes with a mixer so that nearby grams spread over all 64 bits.
func gramHash(ws []word) uint64 {
	h := uint64(len(ws))
	for _, w := range ws {
		h = (h ^ w.h) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return mix64(h)
}

// mix64 is the SplitMix64 finalizer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// ShingleSet returns the distinct shingle hashes of text inside ranges,
// sorted: the set that resemblance and containment are measured on.
func ShingleSet(text string, ranges [][2]int, n int) []uint64 {
	return newSide(Text{Text: text, Ranges: ranges}, n).set
}

// Overlap returns the size of the intersection of two sorted sets.
func Overlap(a, b []uint64) int { return overlap(a, b) }

// overlap is Overlap for sets of 64-bit hashes or of their high halves.
func overlap[T uint32 | uint64](a, b []T) int {
	n := 0
	eachShared(a, b, func(int) { n++ })
	return n
}

// eachShared calls fn with the index in b of each element of the sorted
// set a that b holds, in order.
func eachShared[T uint32 | uint64](a, b []T, fn func(j int)) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			fn(j)
			i++
			j++
		}
	}
}

// Similarity is the exact resemblance and containment of two shingle sets.
type Similarity struct {
	Shared      int     // shingles in both
	Resemblance float64 // Jaccard: shared / union
	Containment float64 // shared / size of the smaller set
}

// Compare measures two sorted shingle sets exactly. Empty sets share nothing.
func Compare(a, b []uint64) Similarity { return compareSets(a, b) }

// compareSets is Compare for sets of 64-bit hashes or of their high halves
// (Set32).
func compareSets[T uint32 | uint64](a, b []T) Similarity {
	if len(a) == 0 || len(b) == 0 {
		return Similarity{}
	}
	n := overlap(a, b)
	return Similarity{
		Shared:      n,
		Resemblance: float64(n) / float64(len(a)+len(b)-n),
		Containment: float64(n) / float64(min(len(a), len(b))),
	}
}

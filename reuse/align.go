package reuse

import (
	"slices"

	"github.com/claimgraph/claimgraph"
)

// AlignOptions tune passage alignment.
type AlignOptions struct {
	// Seed is the length in words of the shared n-grams that seed a passage.
	Seed int
	// MinWords is the least number of matching words a passage must have.
	MinWords int
	// MinScore is the least share of matching words over the longer side.
	MinScore float64
	// MaxGap is the most words between two seeds of one passage: a changed
	// or deleted word leaves a gap of about Seed words.
	MaxGap int
	// MaxShift is the most the offset between the two sides may drift from
	// one seed to the next: the words inserted or deleted at one place.
	MaxShift int
	// MaxSeedFreq drops n-grams that occur more often than this in either
	// text ("one of the"): they seed nothing but noise and cost time.
	MaxSeedFreq int
}

// DefaultAlignOptions are tuned for news copies: passages of at least eight
// matching words, tolerant of a few changed, inserted or deleted words.
func DefaultAlignOptions() AlignOptions {
	return AlignOptions{Seed: 3, MinWords: 8, MinScore: 0.5, MaxGap: 8, MaxShift: 4, MaxSeedFreq: 8}
}

// chain is a passage under construction: seeds (i, j) meaning word i of A
// and word j of B start the same n-gram, chained in increasing order.
type chain struct {
	i0, j0  int // first seed
	li, lj  int // last seed
	matched int // B words covered by seeds
}

// Align returns the passages of a and b that match, allowing small edits,
// with byte offsets into each text. Only words inside the ranges count
// (nil: the whole text). Passages are ordered by their start in b.
func Align(a, b string, aRanges, bRanges [][2]int, o AlignOptions) []claimgraph.Passage {
	o = o.withDefaults()
	wa, wb := tokenize(a, aRanges), tokenize(b, bRanges)
	return alignWords(a, b, wa, wb, seedsOf(wa, o.Seed), seedsOf(wb, o.Seed), o, false)
}

// Repeats returns the passages that occur twice inside one text, nearly
// verbatim (a few words changed), as passages whose A side is the earlier
// occurrence and B side the later; both spans are offsets into text. A
// passage repeated three times gives three pairs. Only words inside the
// ranges count (nil: the whole text). The defaults ask for ten matching
// words and a score of 0.8, stricter than across documents, because an
// article naturally repeats its own short phrases.
func Repeats(text string, ranges [][2]int) []claimgraph.Passage {
	o := DefaultAlignOptions()
	o.MinWords, o.MinScore = 10, 0.8
	return RepeatsWith(text, ranges, o)
}

// RepeatsWith is Repeats with explicit options.
func RepeatsWith(text string, ranges [][2]int, o AlignOptions) []claimgraph.Passage {
	o = o.withDefaults()
	w := tokenize(text, ranges)
	s := seedsOf(w, o.Seed)
	return alignWords(text, text, w, w, s, s, o, true)
}

// seeds are the seed n-grams of one text's words, in order, and where each
// occurs: computed once for a text compared with many.
type seeds struct {
	grams []uint64
	pos   map[uint64][]int32
}

func seedsOf(ws []word, n int) *seeds {
	g := grams(ws, n)
	pos := make(map[uint64][]int32, len(g))
	for i, h := range g {
		pos[h] = append(pos[h], int32(i))
	}
	return &seeds{grams: g, pos: pos}
}

// alignWords aligns a and b, whose words are wa and wb and seeds sa and sb
// (for n-grams of o.Seed words; o has its defaults); self when a and b are
// one text.
func alignWords(a, b string, wa, wb []word, sa, sb *seeds, o AlignOptions, self bool) []claimgraph.Passage {
	if len(wa) < o.Seed || len(wb) < o.Seed {
		return nil
	}
	pos, freqB := sa.pos, sb.pos
	var open, done []*chain
	for j, h := range sb.grams {
		is := pos[h]
		if len(is) == 0 || len(is) > o.MaxSeedFreq || len(freqB[h]) > o.MaxSeedFreq {
			continue
		}
		// Close chains that can no longer be extended.
		k := 0
		for _, c := range open {
			if j-c.lj > o.MaxGap+o.Seed {
				done = append(done, c)
			} else {
				open[k] = c
				k++
			}
		}
		open = open[:k]
		for _, i32 := range is {
			i := int(i32)
			if self && i >= j {
				break // the later occurrence is always the B side
			}
			if c := bestChain(open, i, j, o); c != nil {
				c.matched += min(o.Seed, j-c.lj)
				c.li, c.lj = i, j
				continue
			}
			open = append(open, &chain{i0: i, j0: j, li: i, lj: j, matched: o.Seed})
		}
	}
	done = append(done, open...)
	var out []claimgraph.Passage
	for _, c := range done {
		ai, aj := c.i0, c.li+o.Seed-1
		bi, bj := c.j0, c.lj+o.Seed-1
		ai, aj, bi, bj, c.matched = extend(a, b, wa, wb, ai, aj, bi, bj, c.matched, self)
		if self && aj >= bi {
			continue // the two occurrences overlap: a run like "very very very"
		}
		long := max(aj-ai+1, bj-bi+1)
		score := float64(c.matched) / float64(long)
		if c.matched < o.MinWords || score < o.MinScore {
			continue
		}
		p := claimgraph.Passage{
			AStart: wa[ai].start, AEnd: wa[aj].end,
			BStart: wb[bi].start, BEnd: wb[bj].end,
			Score: score,
		}
		p.AText, p.BText = a[p.AStart:p.AEnd], b[p.BStart:p.BEnd]
		out = append(out, p)
	}
	return dedupe(out)
}

// extend grows a passage over matching words that no seed covered (fewer
// than Seed of them at either end), then over one changed last word when
// both sides end their clause right after it ("were identified and
// exterminated." / "were identified and destroyed,"), so that a repeated
// sentence with its last word changed is marked whole. In one text the
// earlier occurrence never grows into the later one.
func extend(a, b string, wa, wb []word, ai, aj, bi, bj, matched int, self bool) (int, int, int, int, int) {
	for ai > 0 && bi > 0 && wa[ai-1].h == wb[bi-1].h && (!self || bi-1 > aj) {
		ai, bi, matched = ai-1, bi-1, matched+1
	}
	for aj+1 < len(wa) && bj+1 < len(wb) && wa[aj+1].h == wb[bj+1].h && (!self || aj+1 < bi) {
		aj, bj, matched = aj+1, bj+1, matched+1
	}
	if aj+1 < len(wa) && bj+1 < len(wb) && (!self || aj+1 < bi) &&
		endsClause(a, wa[aj+1].end) && endsClause(b, wb[bj+1].end) && !endsClause(a, wa[aj].end) && !endsClause(b, wb[bj].end) {
		aj, bj = aj+1, bj+1
	}
	return ai, aj, bi, bj, matched
}

// endsClause reports whether the text right after off is clause-ending
// punctuation (or the end of the text).
func endsClause(text string, off int) bool {
	if off >= len(text) {
		return true
	}
	switch text[off] {
	case '.', ',', ';', ':', '!', '?', '\n':
		return true
	}
	return false
}

func (o AlignOptions) withDefaults() AlignOptions {
	d := DefaultAlignOptions()
	if o.Seed < 1 {
		o.Seed = d.Seed
	}
	if o.MinWords < o.Seed {
		o.MinWords = o.Seed
	}
	if o.MaxGap < 0 {
		o.MaxGap = 0
	}
	if o.MaxShift < 0 {
		o.MaxShift = 0
	}
	if o.MaxSeedFreq < 1 {
		o.MaxSeedFreq = d.MaxSeedFreq
	}
	return o
}

// bestChain picks the open chain that seed (i, j) continues: one whose last
// seed is before it on both sides, within MaxGap, on a diagonal at most
// MaxShift away; the nearest diagonal wins, then the nearest seed.
func bestChain(open []*chain, i, j int, o AlignOptions) *chain {
	var best *chain
	bestShift, bestDist := 0, 0
	for _, c := range open {
		if i <= c.li || j <= c.lj {
			continue
		}
		di, dj := i-c.li, j-c.lj
		if di > o.MaxGap+o.Seed || dj > o.MaxGap+o.Seed {
			continue
		}
		shift := abs((j - i) - (c.lj - c.li))
		if shift > o.MaxShift {
			continue
		}
		if best == nil || shift < bestShift || shift == bestShift && di+dj < bestDist {
			best, bestShift, bestDist = c, shift, di+dj
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func grams(ws []word, n int) []uint64 {
	if len(ws) < n {
		return nil
	}
	out := make([]uint64, len(ws)-n+1)
	for i := range out {
		out[i] = gramHash(ws[i : i+n])
	}
	return out
}

// dedupe drops passages mostly covered, on both sides, by a better one: a
// chain split by a long gap and its remainder, or a seed run that another
// chain already took.
func dedupe(ps []claimgraph.Passage) []claimgraph.Passage {
	slices.SortFunc(ps, func(x, y claimgraph.Passage) int {
		lx, ly := x.BEnd-x.BStart, y.BEnd-y.BStart
		if lx != ly {
			return ly - lx
		}
		return x.BStart - y.BStart
	})
	var kept []claimgraph.Passage
	for _, p := range ps {
		dup := false
		for _, k := range kept {
			if overlapShare(p.AStart, p.AEnd, k.AStart, k.AEnd) > 0.5 && overlapShare(p.BStart, p.BEnd, k.BStart, k.BEnd) > 0.5 {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, p)
		}
	}
	slices.SortFunc(kept, func(x, y claimgraph.Passage) int {
		if x.BStart != y.BStart {
			return x.BStart - y.BStart
		}
		return x.AStart - y.AStart
	})
	return kept
}

// overlapShare is the share of [s, e) covered by [s2, e2).
func overlapShare(s, e, s2, e2 int) float64 {
	if e <= s {
		return 0
	}
	lo, hi := max(s, s2), min(e, e2)
	if hi <= lo {
		return 0
	}
	return float64(hi-lo) / float64(e-s)
}

// RepeatPair wraps the repeats of one document as a ReusePair with DocA ==
// DocB, as the reuse listing shows them: Similarity is the best passage
// score and Containment the share of the document's words (inside ranges)
// that lie in a later occurrence. ok is false when nothing repeats.
func RepeatPair(doc, text string, ranges [][2]int) (p claimgraph.ReusePair, ok bool) {
	ps := Repeats(text, ranges)
	if len(ps) == 0 {
		return claimgraph.ReusePair{}, false
	}
	p = claimgraph.ReusePair{DocA: doc, DocB: doc, Passages: ps}
	for _, x := range ps {
		p.Similarity = max(p.Similarity, x.Score)
	}
	ws := tokenize(text, ranges)
	repeated := 0
	for _, w := range ws {
		for _, x := range ps {
			if w.start >= x.BStart && w.end <= x.BEnd {
				repeated++
				break
			}
		}
	}
	p.Containment = float64(repeated) / float64(len(ws))
	return p, true
}

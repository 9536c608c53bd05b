package nlp

import (
	"unicode"
	"unicode/utf8"
)

// sentCtx holds what the feature functions need about one sentence's words,
// in buffers reused from sentence to sentence so tagging does not allocate.
type sentCtx struct {
	words   []string
	wordBuf []string // backing store of words, reused
	// tokens -> words: token i is words [tokFirst[i], tokLast[i]]
	tokFirst, tokLast []int32
	// per-token results, see tokenTags
	ttag, tner []int
	tprob      []float32
	amb        []uint32   // ambiguity class of each word, see POSTagger.setAmb
	pw         []*posWord // the tagger's word entries, see POSTagger.wordInfo
	pwBuf      []posWord  // entries made for this sentence
	tags1      []int      // first-pass POS tags, read by the second pass
	margin     []float32  // first-pass score margins, see posSure
	low        []byte     // lower-cased words, back to back
	lo         []int32    // low[lo[i]:hi[i]] is word i lower-cased
	hi         []int32    //
	shape      []fhash    // hash of each word's shape ("Xx", "d-d", "X.X.")
	flags      []uint8    // flagUpper | flagAllCaps | flagDigit | flagHyphen
	part       []int32    // start in low of the last hyphen-separated part
	feats      []fhash    // features of the current word
	score      []float32
	tags       []int    // predicted POS per word
	ner        []int    // predicted NER label per word
	agreedEnts []Entity // an agreeing recognizer's names (Pipeline.agree)
	votes      []int8   // each name's votes from the agreeing recognizers (Pipeline.vote)
	prob       []float32
	// headline is set when most words are capitalized ("Defector Says Group Lied"),
	// where capitals say little about names.
	headline bool
	// genre is the line's (LineGenre of the words); docGenre the
	// document's, set by the caller after reset (DocumentGenre of its
	// lines; DocProse when the sentence stands alone).
	genre    Genre
	docGenre DocGenre
	// gazetteer matches, filled by gazetteer.match
	gazClass  []uint16
	gazBegin  []bool
	gazSingle []uint16
	// pwValid is set when pw holds the tagger's entries of these words
	// (wordInfo), and cleared by reset.
	pwValid bool
	// word classes and lexicon entries, filled by nerLexicon.match
	wcls    []uint8
	wclsBuf []uint8
	lexv    []uint32
	// the context net's class of each word (nil without a net), and its
	// buffers, see ctxNet.classes
	ctxc, ctxcBuf []uint8
	ctxU          [][]float32
	ctxE          []*ctxWord // each word's entry in the net's cache, set by classes
	ctxX, ctxH    []float32
	// beam search of the recognizer: word i's hypotheses are
	// beam[i*k:i*k+beamN[i]], best first
	beam  []beamItem
	beamN []int
	// seqScore holds word i's label scores after item p of word i-1's
	// beam at [(i*k+p)*nl:], nl of them
	seqScore []float32
	path     []int32 // item of each word's beam on the chosen sequence
}

const (
	flagUpper = 1 << iota
	flagAllCaps
	flagDigit
	flagHyphen
)

func (c *sentCtx) reset(words []string) {
	c.words = words
	c.pwValid = false
	c.low = c.low[:0]
	c.lo, c.hi, c.shape, c.flags, c.part = c.lo[:0], c.hi[:0], c.shape[:0], c.flags[:0], c.part[:0]
	for _, w := range words {
		start := int32(len(c.low))
		part := start
		var sh fhash = tmpl(250)
		var last byte
		var fl uint8
		upper, letters := 0, 0
		for i, r := range w {
			var k byte
			switch {
			case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
				k = 'x'
				letters++
				c.low = append(c.low, byte(r))
			case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
				k = 'X'
				letters++
				upper++
				if i == 0 {
					fl |= flagUpper
				}
				c.low = append(c.low, byte(r+'a'-'A'))
			case r >= '0' && r <= '9':
				k = 'd'
				fl |= flagDigit
				c.low = append(c.low, byte(r))
			case r < utf8.RuneSelf:
				k = byte(r)
				if r == '-' {
					fl |= flagHyphen
					part = int32(len(c.low)) + 1
				}
				c.low = append(c.low, byte(r))
			default:
				switch {
				case unicode.IsUpper(r):
					k = 'X'
					letters++
					upper++
					if i == 0 {
						fl |= flagUpper
					}
				case unicode.IsLetter(r):
					k = 'x'
					letters++
				default:
					k = '*'
				}
				c.low = utf8.AppendRune(c.low, unicode.ToLower(r))
			}
			if k != last { // runs collapse: "Xxxxx" -> "Xx"
				sh = sh.byte1(k)
				last = k
			}
		}
		if letters > 1 && upper == letters {
			fl |= flagAllCaps
		}
		c.lo = append(c.lo, start)
		c.hi = append(c.hi, int32(len(c.low)))
		c.shape = append(c.shape, sh)
		c.flags = append(c.flags, fl)
		c.part = append(c.part, part)
	}
	n := len(words)
	caps, content := 0, 0
	for i := range words {
		if c.hi[i]-c.lo[i] >= 4 && c.flags[i]&flagDigit == 0 {
			content++
			if c.flags[i]&flagUpper != 0 {
				caps++
			}
		}
	}
	c.headline = content >= 3 && caps*5 >= content*4
	c.genre = LineGenre(words)
	c.docGenre = DocProse
	c.tags = grow(c.tags, n)
	c.ner = grow(c.ner, n)
	if cap(c.prob) < n {
		c.prob = make([]float32, n)
	}
	c.prob = c.prob[:n]
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// lw returns word i lower-cased, or a boundary marker outside the sentence.
func (c *sentCtx) lw(i int) []byte {
	if i < 0 {
		return bosMark
	}
	if i >= len(c.words) {
		return eosMark
	}
	return c.low[c.lo[i]:c.hi[i]]
}

var (
	bosMark = []byte("<s>")
	eosMark = []byte("</s>")
)

func suffix(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	return b[len(b)-n:]
}

func prefix(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	return b[:n]
}

func (c *sentCtx) wordAt(i int) string {
	if i < 0 || i >= len(c.words) {
		return ""
	}
	return c.words[i]
}

// gazAt returns the gazetteer classes of word i alone that the POS tagger
// was trained with (gazPOS), or a boundary marker.
func (c *sentCtx) gazAt(i int) int {
	if i < 0 || i >= len(c.gazSingle) {
		return 255
	}
	return int(c.gazSingle[i] & gazPOS)
}

// ambAt returns the ambiguity class of word i, or a boundary marker.
func (c *sentCtx) ambAt(i int) int {
	if i < 0 || i >= len(c.amb) {
		return -1
	}
	return int(c.amb[i])
}

func (c *sentCtx) shapeAt(i int) fhash {
	if i < 0 || i >= len(c.words) {
		return tmpl(251)
	}
	return c.shape[i]
}

// posFeatures fills c.feats for word i given the tags predicted to its
// left: the features of the word alone, then those of its context.
func (c *sentCtx) posFeatures(i int) {
	c.feats = c.feats[:0]
	c.posWordFeatures(i)
	c.posContextFeatures(i)
}

// posWordFeatures appends to c.feats the features of word i that depend on
// the word alone (its form, affixes, shape and capitals), so that a tagger
// can score them once per distinct word (see POSTagger.wordInfo).
func (c *sentCtx) posWordFeatures(i int) {
	w := c.lw(i)
	c.feats = append(c.feats,
		tmpl(1),
		tmpl(2).bytes(w),
		tmpl(3).bytes(suffix(w, 1)),
		tmpl(4).bytes(suffix(w, 2)),
		tmpl(5).bytes(suffix(w, 3)),
		tmpl(6).bytes(suffix(w, 4)),
		tmpl(7).bytes(prefix(w, 1)),
		tmpl(8).bytes(prefix(w, 2)),
		tmpl(9).bytes(prefix(w, 3)),
		tmpl(10).num(int(c.shape[i])),
		tmpl(28).num(int(c.flags[i])),
		tmpl(32).str(c.words[i]),
	)
	if c.flags[i]&flagHyphen != 0 {
		part := c.low[c.part[i]:c.hi[i]]
		c.feats = append(c.feats, tmpl(23).bytes(part), tmpl(29).bytes(suffix(part, 3)))
	}
}

// prevTags returns the tags of the two words before word i (-1 and -2
// before the sentence).
func (c *sentCtx) prevTags(i int) (int, int) {
	p1, p2 := -1, -2
	if i > 0 {
		p1 = c.tags[i-1]
	}
	if i > 1 {
		p2 = c.tags[i-2]
	}
	return p1, p2
}

// posContextFeatures appends to c.feats the features of word i that depend
// on its place in the sentence, its neighbours and the tags to its left.
func (c *sentCtx) posContextFeatures(i int) {
	w := c.lw(i)
	p1, p2 := c.prevTags(i)
	c.feats = append(c.feats,
		tmpl(11).bytes(c.lw(i-1)),
		tmpl(12).bytes(c.lw(i-2)),
		tmpl(13).bytes(c.lw(i+1)),
		tmpl(14).bytes(c.lw(i+2)),
		tmpl(15).bytes(suffix(c.lw(i-1), 3)),
		tmpl(16).bytes(suffix(c.lw(i+1), 3)),
		tmpl(17).num(p1),
		tmpl(18).num(p2),
		tmpl(19).num(p1).num(p2),
		tmpl(20).num(p1).bytes(w),
		tmpl(21).bytes(w).sep().bytes(c.lw(i+1)),
		tmpl(22).num(int(c.shape[i])).num(boolInt(i == 0)),
		tmpl(24).num(int(c.shapeAt(i-1))),
		tmpl(25).num(int(c.shapeAt(i+1))),
		tmpl(26).bytes(c.lw(i-1)).sep().bytes(w),
		tmpl(27).num(p1).bytes(c.lw(i+1)),
		tmpl(30).bytes(c.lw(i-1)).sep().bytes(c.lw(i+1)),
		tmpl(31).num(p1).bytes(suffix(w, 3)),
		tmpl(33).bytes(suffix(c.lw(i+1), 2)).num(int(c.shapeAt(i+1))),
		tmpl(34).bytes(suffix(c.lw(i+2), 3)),
		tmpl(41).num(c.ambAt(i+1)),
		tmpl(42).num(c.ambAt(i+2)),
		tmpl(43).num(p1).num(c.ambAt(i+1)),
		tmpl(45).bytes(w).sep().num(c.ambAt(i+1)),
		tmpl(46).num(c.gazAt(i)).num(int(c.flags[i]&(flagUpper|flagAllCaps))).num(boolInt(i == 0)),
		tmpl(47).num(c.gazAt(i+1)).num(int(c.flags[i]&flagUpper)),
	)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pos2Features adds the second pass's features for word i: the first
// pass's tags of the word and of the words to its right.
func (c *sentCtx) pos2Features(i int) {
	t1 := func(k int) int {
		if k < 0 || k >= len(c.tags1) {
			return -1
		}
		return c.tags1[k]
	}
	p1 := -1
	if i > 0 {
		p1 = c.tags[i-1]
	}
	c.feats = append(c.feats,
		tmpl(50).num(t1(i)),
		tmpl(51).num(t1(i+1)),
		tmpl(52).num(t1(i+2)),
		tmpl(53).num(t1(i+1)).num(t1(i+2)),
		tmpl(54).num(p1).num(t1(i+1)),
		tmpl(55).bytes(c.lw(i)).num(t1(i+1)),
		tmpl(56).num(t1(i)).num(t1(i+1)),
		tmpl(57).bytes(suffix(c.lw(i), 3)).num(t1(i+1)),
	)
}

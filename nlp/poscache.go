package nlp

import "strings"

// posWord is what the tagger knows about a word form on its own: its
// ambiguity class, its tag-dictionary tag, and each pass's summed weights
// of the features of the word alone (posWordFeatures). Scoring a word then
// takes only its context features. A posWord is not changed once made.
type posWord struct {
	word  string
	low   string // word lower-cased (word itself when it is)
	amb   uint32
	dict  int8           // tag from the tag dictionary, or -1
	gaz   uint16         // the word's gazetteer classes (gazetteer.singles)
	score [2][17]float32 // weights of the word features, first and second pass
	// the lemmatizer's table entries for low, if it has any
	lemmas  []lemmaEntry
	inTable bool
	// hashes of the context features of the words around it that take
	// this word's form (see posRoles)
	roles [numRoles]fhash
	// the word's entry in the recognizer's lexicon lexOf (see
	// POSTagger.nerLex); lexOf nil: not looked up
	lexOf  *nerLexicon
	lexVal uint32
}

// The parts of posContextFeatures that a word contributes to its
// neighbours' features, hashed once per form: whole features, or the
// hash state after the word's part, to be continued with another word's.
const (
	roleL1       = iota // tmpl(11): the word at i-1
	roleL2              // tmpl(12): at i-2
	roleR1              // tmpl(13): at i+1
	roleR2              // tmpl(14): at i+2
	roleL1Suf3          // tmpl(15): suffix at i-1
	roleR1Suf3          // tmpl(16): suffix at i+1
	roleR1Suf2Sh        // tmpl(33): suffix and shape at i+1
	roleR2Suf3          // tmpl(34): suffix at i+2
	roleSelf21          // tmpl(21) state after the word at i
	roleL1For26         // tmpl(26) state after the word at i-1
	roleL1For30         // tmpl(30) state after the word at i-1
	roleSelf45          // tmpl(45) state after the word at i
	numRoles
)

// posRoles returns the role hashes of a word: low is its lower-cased form,
// sh its shape hash (as sentCtx.shapeAt gives them, boundary marks too).
func posRoles(low []byte, sh fhash) [numRoles]fhash {
	var r [numRoles]fhash
	r[roleL1] = tmpl(11).bytes(low)
	r[roleL2] = tmpl(12).bytes(low)
	r[roleR1] = tmpl(13).bytes(low)
	r[roleR2] = tmpl(14).bytes(low)
	r[roleL1Suf3] = tmpl(15).bytes(suffix(low, 3))
	r[roleR1Suf3] = tmpl(16).bytes(suffix(low, 3))
	r[roleR1Suf2Sh] = tmpl(33).bytes(suffix(low, 2)).num(int(sh))
	r[roleR2Suf3] = tmpl(34).bytes(suffix(low, 3))
	r[roleSelf21] = tmpl(21).bytes(low).sep()
	r[roleL1For26] = tmpl(26).bytes(low).sep()
	r[roleL1For30] = tmpl(30).bytes(low).sep()
	r[roleSelf45] = tmpl(45).bytes(low).sep()
	return r
}

// The roles of the positions before and after a sentence.
var bosRoles, eosRoles = posRoles(bosMark, tmpl(251)), posRoles(eosMark, tmpl(251))

// roleAt returns the role hashes of word j of c (c.pw set), or of the
// boundary outside the sentence.
func (c *sentCtx) roleAt(j int) *[numRoles]fhash {
	if j < 0 {
		return &bosRoles
	}
	if j >= len(c.words) {
		return &eosRoles
	}
	return &c.pw[j].roles
}

// posContextFeaturesCached appends to c.feats what posContextFeatures
// does, in the same order, taking the parts that hash a neighbour's form
// from the tagger's word entries (c.pw).
func (c *sentCtx) posContextFeaturesCached(i int) {
	w := c.lw(i)
	p1, p2 := c.prevTags(i)
	l1, l2, r1, r2, self := c.roleAt(i-1), c.roleAt(i-2), c.roleAt(i+1), c.roleAt(i+2), c.roleAt(i)
	next := c.lw(i + 1)
	c.feats = append(c.feats,
		l1[roleL1],
		l2[roleL2],
		r1[roleR1],
		r2[roleR2],
		l1[roleL1Suf3],
		r1[roleR1Suf3],
		tmpl(17).num(p1),
		tmpl(18).num(p2),
		tmpl(19).num(p1).num(p2),
		tmpl(20).num(p1).bytes(w),
		self[roleSelf21].bytes(next),
		tmpl(22).num(int(c.shape[i])).num(boolInt(i == 0)),
		tmpl(24).num(int(c.shapeAt(i-1))),
		tmpl(25).num(int(c.shapeAt(i+1))),
		l1[roleL1For26].bytes(w),
		tmpl(27).num(p1).bytes(next),
		l1[roleL1For30].bytes(next),
		tmpl(31).num(p1).bytes(suffix(w, 3)),
		r1[roleR1Suf2Sh],
		r2[roleR2Suf3],
		tmpl(41).num(c.ambAt(i+1)),
		tmpl(42).num(c.ambAt(i+2)),
		tmpl(43).num(p1).num(c.ambAt(i+1)),
		self[roleSelf45].num(c.ambAt(i+1)),
		tmpl(46).num(c.gazAt(i)).num(int(c.flags[i]&(flagUpper|flagAllCaps))).num(boolInt(i == 0)),
		tmpl(47).num(c.gazAt(i+1)).num(int(c.flags[i]&flagUpper)),
	)
}

// posCache keeps posWords by form.
type posCache = formCache[posWord]

// posCacheBits is log2 of the number of word forms the tagger keeps.
const posCacheBits = 15

func newPosCache() *posCache { return newFormCache[posWord](posCacheBits) }

func posWordForm(e *posWord) string { return e.word }

// wordHash picks a word's cache slot.
func wordHash(w string) uint64 { return uint64(tmpl(249).str(w)) }

// wordInfo fills c.pw with the posWord of each word of c, c.amb with
// their ambiguity classes and c.gazSingle with their gazetteer classes.
func (t *POSTagger) wordInfo(c *sentCtx) {
	n := len(c.words)
	if cap(c.pw) < n {
		c.pw = make([]*posWord, n)
	}
	c.pw = c.pw[:n]
	missed := t.cache == nil
	for i, w := range c.words {
		c.pw[i] = nil
		if t.cache != nil {
			if e := t.cache.get(w, wordHash(w), posWordForm); e != nil {
				c.pw[i] = e
				continue
			}
		}
		missed = true
	}
	if missed {
		t.gaz.singles(c)
	} else {
		if cap(c.gazSingle) < n {
			c.gazSingle = make([]uint16, n)
		}
		c.gazSingle = c.gazSingle[:n]
	}
	if cap(c.pwBuf) < n {
		c.pwBuf = make([]posWord, n)
	}
	c.pwBuf = c.pwBuf[:n]
	c.amb = c.amb[:0]
	c.pwValid = true
	for i, w := range c.words {
		e := c.pw[i]
		if e == nil {
			e = &c.pwBuf[i]
			t.makeWord(c, i, e)
			if t.cache != nil {
				// The cache outlives the text: it keeps a copy of the form.
				k := *e
				k.word = strings.Clone(w)
				if e.low == w {
					k.low = k.word
				}
				t.cache.put(wordHash(w), &k)
			}
			c.pw[i] = e
		}
		c.amb = append(c.amb, e.amb)
		c.gazSingle[i] = e.gaz
	}
}

// makeWord fills e for word i of c; c.gazSingle is set.
func (t *POSTagger) makeWord(c *sentCtx, i int, e *posWord) {
	e.word = c.words[i]
	low := c.lw(i)
	e.low = e.word
	if e.low != string(low) {
		e.low = string(low)
	}
	e.gaz = c.gazSingle[i]
	if t.lemmas != nil {
		e.lemmas, e.inTable = t.lemmas.table[e.low]
	}
	e.roles = posRoles(low, c.shape[i])
	// e may be a reused buffer entry: clear what a lexicon-less tagger
	// would otherwise leave from another word.
	e.lexOf, e.lexVal = nil, 0
	if l := t.nerLex.Load(); l != nil {
		e.lexOf, e.lexVal = l, l.entries[c.phraseHash(i, i+1)]
	}
	e.amb = t.lexicon[string(low)]
	e.dict = -1
	if tg, ok := t.tagDict[string(low)]; ok {
		e.dict = int8(tg)
	}
	c.feats = c.feats[:0]
	c.posWordFeatures(i)
	for k, m := range [2]*linearModel{t.model, t.model2} {
		if m != nil {
			m.scores(c.feats, e.score[k][:len(m.labels)])
		}
	}
}

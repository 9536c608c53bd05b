package nlp

import (
	"strings"
	"sync/atomic"
)

// posWord is what the tagger knows about a word form on its own: its
// ambiguity class, its tag-dictionary tag, and each pass's summed weights
// of the features of the word alone (posWordFeatures). Scoring a word then
// takes only its context features. A posWord is not changed once made.
type posWord struct {
	word  string
	low   string // word lower-cased (word itself when it is)
	amb   uint32
	dict  int8           // tag from the tag dictionary, or -1
	gaz   uint8          // the word's gazetteer classes (gazetteer.singles)
	score [2][17]float32 // weights of the word features, first and second pass
	// the lemmatizer's table entries for low, if it has any
	lemmas  []lemmaEntry
	inTable bool
}

// posCacheBits is log2 of the number of word forms the tagger keeps: news
// text's frequent words stay, rare ones replace one another.
const posCacheBits = 15

// posCache keeps posWords by form, one per slot (the slot picked by a hash
// of the form), filled as words are met. Taggers on many goroutines share
// it: a slot is read and replaced atomically, and an entry is never changed,
// so a reader sees a whole entry or none.
type posCache struct {
	slots [1 << posCacheBits]atomic.Pointer[posWord]
}

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
			if e := t.cache.slots[wordHash(w)&(1<<posCacheBits-1)].Load(); e != nil && e.word == w {
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
			c.gazSingle = make([]uint8, n)
		}
		c.gazSingle = c.gazSingle[:n]
	}
	if cap(c.pwBuf) < n {
		c.pwBuf = make([]posWord, n)
	}
	c.pwBuf = c.pwBuf[:n]
	c.amb = c.amb[:0]
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
				t.cache.slots[wordHash(w)&(1<<posCacheBits-1)].Store(&k)
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

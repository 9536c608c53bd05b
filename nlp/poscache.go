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
	amb   uint32
	dict  int8           // tag from the tag dictionary, or -1
	score [2][17]float32 // weights of the word features, first and second pass
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

// wordInfo fills c.pw with the posWord of each word of c and c.amb with
// their ambiguity classes.
func (t *POSTagger) wordInfo(c *sentCtx) {
	n := len(c.words)
	if cap(c.pw) < n {
		c.pw = make([]*posWord, n)
	}
	c.pw = c.pw[:n]
	if cap(c.pwBuf) < n {
		c.pwBuf = make([]posWord, n)
	}
	c.pwBuf = c.pwBuf[:n]
	c.amb = c.amb[:0]
	for i, w := range c.words {
		var slot *atomic.Pointer[posWord]
		if t.cache != nil {
			slot = &t.cache.slots[wordHash(w)&(1<<posCacheBits-1)]
			if e := slot.Load(); e != nil && e.word == w {
				c.pw[i] = e
				c.amb = append(c.amb, e.amb)
				continue
			}
		}
		e := &c.pwBuf[i]
		t.makeWord(c, i, e)
		if slot != nil {
			// The cache outlives the text: it keeps a copy of the form.
			k := *e
			k.word = strings.Clone(w)
			slot.Store(&k)
		}
		c.pw[i] = e
		c.amb = append(c.amb, e.amb)
	}
}

// makeWord fills e for word i of c.
func (t *POSTagger) makeWord(c *sentCtx, i int, e *posWord) {
	e.word = c.words[i]
	low := c.lw(i)
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

package nlp

import (
	"strings"
	"sync"
	"unicode"
)

// ctxPool recycles the per-sentence buffers of the taggers.
var ctxPool = sync.Pool{New: func() any {
	return &sentCtx{score: make([]float32, 32), feats: make([]fhash, 0, 64)}
}}

// getCtx returns a context prepared for the words of toks. The treebanks the
// models learn from split hyphenated words ("al", "-", "Maliki") where
// Tokenize keeps them whole, so the models see them split the treebank way;
// tokenTags maps their output back to the tokens.
func getCtx(toks []Token) *sentCtx {
	c := ctxPool.Get().(*sentCtx)
	words := c.wordBuf[:0]
	c.tokFirst, c.tokLast = c.tokFirst[:0], c.tokLast[:0]
	for _, t := range toks {
		c.tokFirst = append(c.tokFirst, int32(len(words)))
		words = appendWords(words, t.Text)
		c.tokLast = append(c.tokLast, int32(len(words)-1))
	}
	c.wordBuf = words
	c.reset(words)
	return c
}

// appendWords appends to words the treebank words of token s: s itself, or
// the parts of a hyphenated word and the hyphens between them.
func appendWords(words []string, s string) []string {
	if !splitHyphen(s) {
		return append(words, s)
	}
	for {
		i := strings.IndexByte(s, '-')
		if i < 0 {
			return append(words, s)
		}
		words = append(words, s[:i], "-")
		s = s[i+1:]
	}
}

// splitHyphen reports hyphenated words of letters ("al-Maliki",
// "Mojahedin-e"), not numbers, ranges, codes or addresses.
func splitHyphen(s string) bool {
	if strings.IndexByte(s, '-') <= 0 || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) || r == '@' || r == '/' || r == '.' {
			return false
		}
	}
	return true
}

// tokenTags fills c.ttag, c.tner and c.tprob, one per token: the POS of a
// token's last word (compounds are head-final), the entity label of its
// first word, and the lowest label probability of its words.
func (c *sentCtx) tokenTags(n int) {
	c.ttag = grow(c.ttag, n)
	c.tner = grow(c.tner, n)
	if cap(c.tprob) < n {
		c.tprob = make([]float32, n)
	}
	c.tprob = c.tprob[:n]
	for i := 0; i < n; i++ {
		f, l := c.tokFirst[i], c.tokLast[i]
		c.ttag[i] = c.tags[l]
		c.tner[i] = c.ner[f]
		p := c.prob[f]
		for k := f + 1; k <= l; k++ {
			p = min(p, c.prob[k])
		}
		c.tprob[i] = p
	}
}

func putCtx(c *sentCtx) {
	c.words = nil
	ctxPool.Put(c)
}

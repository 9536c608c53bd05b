package nlp

import "sync"

// ctxPool recycles the per-sentence buffers of the taggers.
var ctxPool = sync.Pool{New: func() any {
	return &sentCtx{score: make([]float32, 32), feats: make([]fhash, 0, 64)}
}}

// getCtx returns a context prepared for the words of toks.
func getCtx(toks []Token) *sentCtx {
	c := ctxPool.Get().(*sentCtx)
	words := c.wordBuf[:0]
	for _, t := range toks {
		words = append(words, t.Text)
	}
	c.wordBuf = words
	c.reset(words)
	return c
}

func putCtx(c *sentCtx) {
	c.words = nil
	ctxPool.Put(c)
}

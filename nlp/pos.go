package nlp

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"sync/atomic"
)

// upos is the Universal POS tag set, in a fixed order so label numbers are
// stable across runs.
var upos = []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// POSTagger assigns UPOS tags and lemmas. It is safe for concurrent use.
type POSTagger struct {
	model *linearModel
	// model2 retags left to right knowing the first pass's tags of the words
	// to the right; nil for a one-pass tagger.
	model2 *linearModel
	lemmas *lemmatizer
	// tagDict holds the tag of frequent words that always had one tag in
	// training: they skip scoring.
	tagDict map[string]int
	// lexicon holds, for each training word, the set of tags it had (a bit
	// per tag): the "ambiguity class" of a word to the right is a cheap
	// look-ahead for a left-to-right tagger.
	lexicon map[string]uint32
	// gaz tells common words from names ("bay" vs "Miami"), a cue for
	// PROPN against NOUN; nil when no gazetteer is embedded.
	gaz *gazetteer
	// cache keeps what the tagger knows about frequent word forms (see
	// wordInfo); nil: worked out for every word.
	cache *posCache
	// nerLex is the lexicon of the recognizer the tagger works for: each
	// word's entry in it is kept with the word (posWord.lexVal), so the
	// recognizer need not look the word up again. nil: none.
	nerLex atomic.Pointer[nerLexicon]
}

// withCache returns a copy of t with the given word cache (nil: none).
func (t *POSTagger) withCache(cache *posCache) *POSTagger {
	c := &POSTagger{model: t.model, model2: t.model2, lemmas: t.lemmas, tagDict: t.tagDict,
		lexicon: t.lexicon, gaz: t.gaz, cache: cache}
	c.nerLex.Store(t.nerLex.Load())
	return c
}

// setAmb fills c.amb with the ambiguity class of each word (0: unknown).
func (t *POSTagger) setAmb(c *sentCtx) {
	t.gaz.singles(c)
	c.amb = c.amb[:0]
	for i := range c.words {
		c.amb = append(c.amb, t.lexicon[string(c.lw(i))])
	}
}

// POSOptions control training.
type POSOptions struct {
	Seed  int64 // shuffles the training order
	Iters int   // passes over the training data (default 12)
	Bits  uint  // log2 of the number of feature buckets (default 20)
}

// tag tags the words of c, filling c.tags.
func (t *POSTagger) tag(c *sentCtx) {
	t.wordInfo(c)
	t.pass(c, t.model, false)
	if t.model2 != nil {
		c.tags1 = append(c.tags1[:0], c.tags...)
		t.pass(c, t.model2, true)
	}
}

// posSure is the first-pass score margin above which the second pass keeps
// the first pass's tag: the second pass only changes uncertain tags, and
// skipping the sure ones makes tagging much faster. TestDevPOSSure chose it.
var posSure float32 = 20

// pass tags c left to right with m; second passes also see c.tags1 and
// retag only the words the first pass was unsure of.
// The weights of the features of the word alone come summed from c.pw.
func (t *POSTagger) pass(c *sentCtx, m *linearModel, second bool) {
	sc := c.score[:len(m.labels)]
	k := 0
	if second {
		k = 1
	} else {
		c.margin = c.margin[:0]
	}
	for i := range c.words {
		if second && c.margin[i] >= posSure {
			continue
		}
		e := c.pw[i]
		if e.dict >= 0 && !(c.flags[i]&flagUpper != 0 && i > 0) {
			c.tags[i] = int(e.dict)
			if !second {
				c.margin = append(c.margin, posSure)
			}
			continue
		}
		c.feats = c.feats[:0]
		c.posContextFeaturesCached(i)
		if second {
			c.pos2Features(i)
		}
		m.scores(c.feats, sc)
		for j, v := range e.score[k][:len(sc)] {
			sc[j] += v
		}
		best := argmax(sc)
		c.tags[i] = best
		if !second {
			next := float32(-1e30)
			for j, v := range sc {
				if j != best && v > next {
					next = v
				}
			}
			c.margin = append(c.margin, sc[best]-next)
		}
	}
}

func argmax(s []float32) int {
	best := 0
	for j := 1; j < len(s); j++ {
		if s[j] > s[best] {
			best = j
		}
	}
	return best
}

// TrainPOS trains a tagger and lemmatizer on CoNLL-U files and writes the
// model (gzip) to w. The same files and options give the same bytes.
func TrainPOS(w io.Writer, files []string, opt POSOptions, logf func(string, ...any)) error {
	if opt.Iters == 0 {
		opt.Iters = 12
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	var sents []corpusSentence
	for _, f := range files {
		s, err := readCoNLLU(f)
		if err != nil {
			return err
		}
		sents = append(sents, s...)
	}
	if len(sents) == 0 {
		return fmt.Errorf("train pos: no sentences in %v", files)
	}
	label := map[string]int{}
	for i, t := range upos {
		label[t] = i
	}
	tagDict := buildTagDict(sents, label)
	lexicon := buildLexicon(sents, label)
	gaz, err := embeddedGazetteer()
	if err != nil {
		return err
	}
	self := &POSTagger{lexicon: lexicon, gaz: gaz}
	// Two passes. The second pass learns from first-pass tags made the way
	// they will be at tagging time, by a model that did not see the
	// sentence: each half of the data is tagged by a model trained on the
	// other half.
	all := make([]int, len(sents))
	for i := range all {
		all[i] = i
	}
	m := trainPOSPass(sents, all, nil, self, opt, label, logf, "pass 1")
	rng := rand.New(rand.NewSource(opt.Seed))
	folds := append([]int(nil), all...)
	rng.Shuffle(len(folds), func(i, j int) { folds[i], folds[j] = folds[j], folds[i] })
	half := len(folds) / 2
	first := make([][]int, len(sents))
	for k, part := range [][]int{folds[:half], folds[half:]} {
		other := folds[half:]
		if k == 1 {
			other = folds[:half]
		}
		mk := trainPOSPass(sents, other, nil, self, opt, label, nil, "")
		tg := &POSTagger{model: mk, lexicon: lexicon, tagDict: tagDict, gaz: gaz}
		c := &sentCtx{score: make([]float32, 32), feats: make([]fhash, 0, 96)}
		for _, si := range part {
			c.reset(sents[si].Forms)
			tg.tag(c)
			first[si] = append([]int(nil), c.tags...)
		}
	}
	m2 := trainPOSPass(sents, all, first, self, opt, label, logf, "pass 2")
	lem := learnLemmas(sents)
	bw := bufio.NewWriter(w)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	zb := bufio.NewWriter(zw)
	writeString(zb, "claimgraph-pos-3")
	if err := m.writeTo(zb); err != nil {
		return err
	}
	if err := m2.writeTo(zb); err != nil {
		return err
	}
	writeTagDict(zb, tagDict)
	writeLexicon(zb, lexicon)
	lem.writeTo(zb)
	if err := zb.Flush(); err != nil {
		return fmt.Errorf("write pos model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write pos model: %w", err)
	}
	return bw.Flush()
}

// buildTagDict finds frequent words (seen 20+ times) that had one tag at
// least 99.5% of the time.
func buildTagDict(sents []corpusSentence, label map[string]int) map[string]int {
	counts := map[string]map[string]int{}
	c := &sentCtx{}
	for _, s := range sents {
		c.reset(s.Forms)
		for i := range s.Forms {
			w := string(c.lw(i))
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][s.UPOS[i]]++
		}
	}
	out := map[string]int{}
	for w, tags := range counts {
		n, best, bestTag := 0, 0, ""
		for t, k := range tags {
			n += k
			if k > best || k == best && t < bestTag {
				best, bestTag = k, t
			}
		}
		if n >= 20 && float64(best)/float64(n) >= 0.995 {
			if l, ok := label[bestTag]; ok {
				out[w] = l
			}
		}
	}
	return out
}

func writeTagDict(w *bufio.Writer, d map[string]int) {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	writeU32(w, uint32(len(keys)))
	for _, k := range keys {
		writeString(w, k)
		writeU32(w, uint32(d[k]))
	}
}

func readTagDict(r *bufio.Reader, nLabels int) (map[string]int, error) {
	n, err := readU32(r)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("read tag dictionary: bad size %d: %v", n, err)
	}
	d := make(map[string]int, n)
	for i := 0; i < int(n); i++ {
		k, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("read tag dictionary: %w", err)
		}
		v, err := readU32(r)
		if err != nil || int(v) >= nLabels {
			return nil, fmt.Errorf("read tag dictionary: bad tag %d: %v", v, err)
		}
		d[k] = int(v)
	}
	return d, nil
}

// LoadPOS reads a model written by TrainPOS.
func LoadPOS(r io.Reader) (*POSTagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic, err := readString(br)
	if err != nil || magic != "claimgraph-pos-3" {
		return nil, fmt.Errorf("load pos model: not a claimgraph POS model (%q, %v)", magic, err)
	}
	m, err := readLinearModel(br)
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	m2, err := readLinearModel(br)
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	if len(m.labels) != len(upos) || len(m2.labels) != len(upos) {
		return nil, fmt.Errorf("load pos model: %d and %d labels, want %d", len(m.labels), len(m2.labels), len(upos))
	}
	d, err := readTagDict(br, len(m.labels))
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	lex, err := readLexicon(br)
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	lem, err := readLemmatizer(br)
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	gaz, err := embeddedGazetteer()
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	return &POSTagger{model: m, model2: m2, lemmas: lem, tagDict: d, lexicon: lex, gaz: gaz, cache: newPosCache()}, nil
}

// TagTokens sets POS and Lemma of toks, taken as one sentence.
func (t *POSTagger) TagTokens(toks []Token) {
	c := getCtx(toks)
	defer putCtx(c)
	t.tag(c)
	t.fill(c, toks)
}

// fill copies tags and lemmas from c into toks.
func (t *POSTagger) fill(c *sentCtx, toks []Token) {
	c.ner = c.ner[:len(c.words)] // not yet recognized: tokenTags reads zeros
	for i := range c.ner {
		c.ner[i] = 0
	}
	c.tokenTags(len(toks))
	for i := range toks {
		tag := c.ttag[i]
		toks[i].POS = upos[tag]
		if c.tokFirst[i] != c.tokLast[i] {
			low := strings.ToLower(toks[i].Text)
			toks[i].Lemma = t.lemmas.lemma([]byte(low), tag, low)
			continue
		}
		e := c.pw[c.tokFirst[i]]
		toks[i].Lemma = t.lemmas.lemmaIn(e.lemmas, e.inTable, e.low, tag)
	}
}

// buildLexicon records the tags each lower-cased training word had.
func buildLexicon(sents []corpusSentence, label map[string]int) map[string]uint32 {
	// Only words seen 3 times or more, and tags seen twice or more: the
	// class of a rare word would leak its one tag in training.
	counts := map[string]*[32]int{}
	c := &sentCtx{}
	for _, s := range sents {
		c.reset(s.Forms)
		for i := range s.Forms {
			if l, ok := label[s.UPOS[i]]; ok {
				k := string(c.lw(i))
				if counts[k] == nil {
					counts[k] = new([32]int)
				}
				counts[k][l]++
			}
		}
	}
	lex := map[string]uint32{}
	for w, cs := range counts {
		n := 0
		var mask uint32
		for l, k := range cs {
			n += k
			if k >= 2 {
				mask |= 1 << l
			}
		}
		if n >= 3 && mask != 0 {
			lex[w] = mask
		}
	}
	return lex
}

func writeLexicon(w *bufio.Writer, lex map[string]uint32) {
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	writeU32(w, uint32(len(keys)))
	for _, k := range keys {
		writeString(w, k)
		writeU32(w, lex[k])
	}
}

func readLexicon(r *bufio.Reader) (map[string]uint32, error) {
	n, err := readU32(r)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("read lexicon: bad size %d: %v", n, err)
	}
	lex := make(map[string]uint32, n)
	for i := 0; i < int(n); i++ {
		k, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		v, err := readU32(r)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		lex[k] = v
	}
	return lex, nil
}

// trainPOSPass trains one pass of the tagger on the sentences idx; first,
// when not nil, holds first-pass tags and makes it a second pass.
func trainPOSPass(sents []corpusSentence, idx []int, first [][]int, self *POSTagger, opt POSOptions, label map[string]int, logf func(string, ...any), name string) *linearModel {
	tr := newTrainer(upos, opt.Bits)
	c := &sentCtx{score: make([]float32, len(upos)), feats: make([]fhash, 0, 96)}
	order := append([]int(nil), idx...)
	rng := rand.New(rand.NewSource(opt.Seed))
	for it := 0; it < opt.Iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := &sents[si]
			c.reset(s.Forms)
			self.setAmb(c)
			if first != nil {
				c.tags1 = append(c.tags1[:0], first[si]...)
			}
			for i := range s.Forms {
				gold, ok := label[s.UPOS[i]]
				if !ok {
					gold = label["X"]
				}
				c.posFeatures(i)
				if first != nil {
					c.pos2Features(i)
				}
				tr.scores(c.feats, c.score)
				pred := argmax(c.score)
				tr.update(c.feats, gold, pred)
				tr.tick()
				// Train on the model's own left context: that is what it sees
				// when tagging.
				c.tags[i] = pred
				if pred == gold {
					correct++
				}
				total++
			}
		}
		if logf != nil {
			logf("pos %s: iteration %d: %.2f%% of training tokens right", name, it+1, 100*float64(correct)/float64(total))
		}
	}
	return tr.average()
}

package nlp

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// nerTemperature scales the perceptron's scores before the softmax that
// gives each label's probability: raw scores are far apart, so without it
// every confidence is 1.00. See TestNERCalibration for how it was chosen.
var nerTemperature float32 = 16

// nerLabels are the BIO labels, O first.
var nerLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// NER recognizes person, organization and place names. It is safe for
// concurrent use.
type NER struct {
	model *linearModel
	lex   *nerLexicon // the gazetteer and word classes the model was trained with
	ctx   *ctxNet     // the context net, or nil
}

// NEROptions control training.
type NEROptions struct {
	Seed   int64 // shuffles the training order
	Iters  int   // passes over the training data (default 15; 10 scored 0.004 lower on UNER EWT dev)
	Models int   // models trained and averaged (default 4)
	// LowerEvery adds a lower-cased copy of every LowerEvery-th training
	// sentence that has a name (default 4; negative: none). On UNER EWT dev
	// 4 gave +0.011 F1, 8 the same, 2 more on dev but less on the seeds.
	LowerEvery int
	Bits       uint              // log2 of the number of feature buckets (default 20)
	POS        *POSTagger        // tags the training sentences; nil: the embedded tagger
	Skip       func(string) bool // files to leave out (held-out evaluation); nil keeps all
	// Gazetteer is a file written by BuildGazetteer; "" uses the embedded one.
	Gazetteer string
	// WordClasses is a file written by BuildWordClasses; "" uses the
	// embedded one.
	WordClasses string
	// NoWordClasses trains without word classes.
	NoWordClasses bool
	// Vectors is a word vectors file (as BuildWordClasses reads); when
	// given, context nets learn from it (see ctxNet) and the model
	// carries the one that learnt from every sentence.
	Vectors string
	// POSFiles, when given, are the CoNLL-U files the tagger learns from:
	// the training sentences are then tagged by taggers that did not see
	// them (see jackknifePOS), not by POS.
	POSFiles []string
	POSIters int // passes of the jackknife taggers (default 8)
}

// allowed reports whether label b may follow label a (I-X only after B-X or I-X).
func allowed(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a == b || a == b-1
}

// nerDynamic appends to c.feats the features of word i that depend on the
// two labels to its left (l1, l2; -1 and -2 before the sentence). Beam
// decoding recomputes only these for each hypothesis.
func (c *sentCtx) nerDynamic(i, l1, l2 int) {
	sh := int(c.shape[i])
	p := -1
	if i < len(c.words) {
		p = c.tags[i]
	}
	c.feats = append(c.feats,
		tmpl(117).num(l1),
		tmpl(118).num(l1).num(l2),
		tmpl(119).num(l1).num(sh),
		tmpl(120).num(l1).bytes(c.lw(i)),
		tmpl(127).num(l1).num(p),
		tmpl(145).num(int(c.gazClass[i])).num(boolInt(c.gazBegin[i])).num(l1),
	)
}

// nerStatic fills c.feats with the features of word i that do not depend on
// the labels predicted before it: its form's (nerWordFeatures), then its
// context's (nerContextFeatures).
func (c *sentCtx) nerStatic(i int) {
	c.feats = c.nerContextFeatures(i, c.nerWordFeatures(i, c.feats[:0]))
}

// nerWordFeatures appends to f the features of word i that depend on its
// form alone (its spelling, shape, affixes, gazetteer and word classes):
// the same for every occurrence of the form, so their rows' sum is kept
// with the form (see ctxWord.ner).
func (c *sentCtx) nerWordFeatures(i int, f []fhash) []fhash {
	w := c.lw(i)
	sh := int(c.shape[i])
	gs := int(c.gazSingle[i])
	f = append(f,
		tmpl(101),
		tmpl(102).bytes(w),
		tmpl(103).str(c.words[i]),
		tmpl(104).num(sh),
		tmpl(105).bytes(suffix(w, 2)),
		tmpl(106).bytes(suffix(w, 3)),
		tmpl(107).bytes(suffix(w, 4)),
		tmpl(108).bytes(prefix(w, 2)),
		tmpl(109).bytes(prefix(w, 3)),
		tmpl(140).num(gs).num(int(c.flags[i]&(flagUpper|flagAllCaps))),
		tmpl(142).num(gs).num(sh),
	)
	if c.wcls != nil {
		f = append(f,
			tmpl(160).num(c.wclsAt(i)),
			tmpl(161).num(c.wclsAt(i)).num(sh),
			tmpl(164).num(c.wclsAt(i)).num(gs),
		)
	}
	if c.flags[i]&flagHyphen != 0 {
		part := c.low[c.part[i]:c.hi[i]]
		f = append(f, tmpl(131).bytes(part), tmpl(132).bytes(prefix(w, int(c.part[i]-c.lo[i]))))
	}
	return f
}

// nerContextFeatures appends to f the features of word i that depend on
// the words around it, its POS tag or its place in the sentence.
func (c *sentCtx) nerContextFeatures(i int, f []fhash) []fhash {
	w := c.lw(i)
	pos := func(k int) int {
		if k < 0 || k >= len(c.words) {
			return -1
		}
		return c.tags[k]
	}
	sh := int(c.shape[i])
	f = append(f,
		tmpl(110).bytes(c.lw(i-1)),
		tmpl(111).bytes(c.lw(i+1)),
		tmpl(112).bytes(c.lw(i-2)),
		tmpl(113).bytes(c.lw(i+2)),
		tmpl(114).num(pos(i)),
		tmpl(115).num(pos(i-1)),
		tmpl(116).num(pos(i+1)),
		tmpl(121).num(pos(i)).num(sh),
		tmpl(122).num(int(c.shapeAt(i-1))).num(sh).num(int(c.shapeAt(i+1))),
		tmpl(123).num(boolInt(i == 0)).num(sh),
		tmpl(124).num(pos(i-1)).num(pos(i)).num(pos(i+1)),
		tmpl(125).bytes(c.lw(i-1)).sep().bytes(w),
		tmpl(126).bytes(w).sep().bytes(c.lw(i+1)),
		tmpl(128).str(c.wordAt(i+1)),
		tmpl(129).str(c.wordAt(i-1)),
		tmpl(130).num(int(c.flags[i])).num(boolInt(c.headline)),
	)
	gs := func(k int) int {
		if k < 0 || k >= len(c.words) {
			return 255
		}
		return int(c.gazSingle[k])
	}
	f = append(f,
		tmpl(141).num(int(c.gazClass[i])).num(boolInt(c.gazBegin[i])),
		tmpl(143).num(gs(i-1)),
		tmpl(144).num(gs(i+1)),
		tmpl(146).num(gs(i)).num(pos(i)),
	)
	// The page's genre: on a results page a town is most often a club
	// ("Leeds 2 Chelsea 1"), on a table line a capitalized word is a
	// name with no sentence around it, on a headline capitals say little.
	lg, dg, gsi := int(c.genre), int(c.docGenre), int(c.gazSingle[i])
	f = append(f,
		tmpl(180).num(lg).num(sh).num(gsi),
		tmpl(181).num(dg).num(gsi).num(c.wclsAt(i)),
		tmpl(182).num(dg).num(lg).num(sh).num(pos(i)),
		tmpl(183).num(dg).num(int(c.gazClass[i])).num(boolInt(c.gazBegin[i])),
	)
	if c.ctxc != nil {
		cc := c.ctxcAt(i)
		f = append(f,
			tmpl(170).num(cc),
			tmpl(171).num(cc).num(sh),
			tmpl(172).num(c.ctxcAt(i-1)),
			tmpl(173).num(c.ctxcAt(i+1)),
		)
	}
	if c.wcls != nil {
		f = append(f,
			tmpl(162).num(c.wclsAt(i-1)),
			tmpl(163).num(c.wclsAt(i+1)),
		)
	}
	return f
}

// nerBeam is how many label sequences recognize keeps per word. Greedy
// decoding (1) cannot undo an early choice: "Georgetown" taken as B-LOC
// forces "University" to B-ORG, since I-ORG may not follow B-LOC; a beam
// lets the better sequence over both words win. Training searches with the
// same beam (see TrainNER), so the weights are learnt for this decoder.
var nerBeam = 4

type beamItem struct {
	score float64
	lab   int32 // label of this word
	back  int32 // index of the parent item in the previous word's beam
	gold  bool  // training: the item and its ancestors carry the gold labels
}

// scorer is the model (trained) or the trainer (while training).
type scorer interface {
	scores(feats []fhash, out []float32)
}

// beamSearch fills c.beam with the k best label sequences of c's words
// under m, summing raw scores along each sequence. With gold (training) it
// marks the items on the gold path and stops at the first word whose beam
// lost it, returning that word's index; otherwise it returns -1. It keeps
// in c.seqScore the scores of each word's labels after each item of the
// previous word's beam, for labelProbs.
func (c *sentCtx) beamSearch(m scorer, nl, k int, gold []int) int {
	nw := len(c.words)
	if cap(c.beam) < nw*k {
		c.beam = make([]beamItem, nw*k)
	}
	c.beam = c.beam[:nw*k]
	if cap(c.beamN) < nw {
		c.beamN = make([]int, nw)
	}
	c.beamN = c.beamN[:nw]
	if cap(c.seqScore) < nw*k*nl {
		c.seqScore = make([]float32, nw*k*nl)
	}
	c.seqScore = c.seqScore[:nw*k*nl]
	var st [16]float32
	// the labels before each item of the previous word's beam: items
	// with the same two share their scores (nerDynamic sees only those)
	var hist [16][2]int
	// Decoding with a trained model, a form's own rows are summed in the
	// net's word cache (see staticScores).
	sums, _ := m.(*linearModel)
	if nl != 7 || len(c.ctxE) != nw {
		sums = nil
	}
	for i := 0; i < nw; i++ {
		cur := c.beam[i*k : i*k+k]
		if gold == nil && c.plainO(i) && c.labelPlainO(i, nl, k) {
			continue
		}
		c.staticScores(sums, m, i, st[:nl])
		ns := len(c.feats)
		cn := 0
		np := 1
		if i > 0 {
			np = c.beamN[i-1]
		}
		for pi := 0; pi < np; pi++ {
			l1, l2, base, pgold := -1, -2, 0.0, true
			if i > 0 {
				p := &c.beam[(i-1)*k+pi]
				l1, base, pgold = int(p.lab), p.score, p.gold
				if i > 1 {
					l2 = int(c.beam[(i-2)*k+int(p.back)].lab)
				}
			}
			sc := c.seqScore[(i*k+pi)*nl : (i*k+pi+1)*nl]
			same := -1
			if pi < len(hist) {
				hist[pi] = [2]int{l1, l2}
				for pj := 0; pj < pi; pj++ {
					if hist[pj] == hist[pi] {
						same = pj
						break
					}
				}
			}
			if same >= 0 {
				copy(sc, c.seqScore[(i*k+same)*nl:(i*k+same+1)*nl])
			} else {
				c.feats = c.feats[:ns]
				c.nerDynamic(i, l1, l2)
				m.scores(c.feats[ns:], sc)
				for j := range sc {
					sc[j] += st[j]
				}
			}
			prev := max(l1, 0)
			for j := range sc {
				if !allowed(prev, j) {
					continue
				}
				v := base + float64(sc[j])
				if cn == k && v <= cur[cn-1].score {
					continue
				}
				// insert, keeping cur sorted by descending score
				at := cn
				if cn < k {
					cn++
				} else {
					at = k - 1
				}
				for at > 0 && cur[at-1].score < v {
					cur[at] = cur[at-1]
					at--
				}
				cur[at] = beamItem{score: v, lab: int32(j), back: int32(pi),
					gold: gold != nil && pgold && gold[i] == j}
			}
		}
		c.beamN[i] = cn
		if gold != nil {
			in := false
			for _, it := range cur[:cn] {
				in = in || it.gold
			}
			if !in {
				return i
			}
		}
	}
	return -1
}

// plainO reports a word the recognizer labels O without scoring when no
// name is open before it: lower case, no digit, punctuation or a word
// whose vector says it is hardly ever in a name, and no gazetteer match.
func (c *sentCtx) plainO(i int) bool {
	return c.ctxSkip(i) && c.gazClass[i] == 0 && !c.gazBegin[i]
}

// labelPlainO labels plain word i O without scoring when every hypothesis
// of the word before ends in O, and reports whether it did: I-X may not
// follow O, and such words hardly begin a name. Decoding only (training
// scores every word). It saved 6% of Analyze's instructions and scored
// 0.002 higher on UNER EWT dev, 0.003 on GUM news (commands in
// nlp/models/README.md).
func (c *sentCtx) labelPlainO(i, nl, k int) bool {
	np := 1
	if i > 0 {
		np = c.beamN[i-1]
		for _, it := range c.beam[(i-1)*k : (i-1)*k+np] {
			if it.lab != 0 {
				return false
			}
		}
	}
	for pi := 0; pi < np; pi++ {
		base := 0.0
		if i > 0 {
			base = c.beam[(i-1)*k+pi].score
		}
		c.beam[i*k+pi] = beamItem{score: base, lab: 0, back: int32(pi)}
		// for labelProbs: O sure
		sc := c.seqScore[(i*k+pi)*nl : (i*k+pi+1)*nl]
		sc[0] = 0
		for j := 1; j < nl; j++ {
			sc[j] = -1e4
		}
	}
	c.beamN[i] = np
	return true
}

// staticScores sets st to the scores of word i's static features, leaving
// them in c.feats. With sums (the trained 7-label model, c.ctxE set), a
// form's own features are summed once, in the net's word cache
// (ctxWord.ner): only the context's rows are looked up, and the sums are
// the same.
func (c *sentCtx) staticScores(sums *linearModel, m scorer, i int, st []float32) {
	if e := c.ctxE; sums != nil && e[i].nerOK {
		c.feats = c.nerContextFeatures(i, c.feats[:0])
		if len(c.feats)+int(e[i].ner.k) <= scoreChunk && sums.scores4From(e[i].ner, c.feats, (*[7]float32)(st)) {
			return
		}
	}
	c.nerStatic(i)
	m.scores(c.feats, st)
}

// backtrack writes into c.ner the labels of words [0, i] along the
// sequence ending at item b of word i's beam, and into c.path the items.
func (c *sentCtx) backtrack(i, b, k int) {
	if cap(c.path) < i+1 {
		c.path = make([]int32, i+1)
	}
	c.path = c.path[:i+1]
	for ; i >= 0; i-- {
		it := &c.beam[i*k+b]
		c.ner[i] = int(it.lab)
		c.path[i] = int32(b)
		b = int(it.back)
	}
}

// labelProbs fills c.prob with each chosen label's probability under a
// softmax of the scores given the chosen labels before it, after
// beamSearch and backtrack over the whole sentence: the scores are the
// ones beamSearch computed after the chosen item of the previous word.
// Only the chosen sequence needs them: the beam compares raw sums, so
// computing them there, for every hypothesis, cost a tenth of the
// pipeline's time in math.Exp.
func (c *sentCtx) labelProbs(nl, k int) {
	for i := range c.words {
		back := 0
		if i > 0 {
			back = int(c.beam[i*k+int(c.path[i])].back)
		}
		sc := c.seqScore[(i*k+back)*nl : (i*k+back+1)*nl]
		prev := 0
		if i > 0 {
			prev = c.ner[i-1]
		}
		best := -1
		for j := range sc {
			if allowed(prev, j) && (best < 0 || sc[j] > sc[best]) {
				best = j
			}
		}
		// exp32: math.Exp was 4% of Analyze's time; the probabilities
		// differ from it in the fourth decimal at most.
		var z float32
		for j := range sc {
			if allowed(prev, j) {
				z += exp32((sc[j] - sc[best]) / nerTemperature)
			}
		}
		c.prob[i] = exp32((sc[c.ner[i]]-sc[best])/nerTemperature) / z
	}
}

// recognize labels the words of c (POS already in c.tags), filling c.ner and
// c.prob with each label's probability under a softmax of the scores given
// the labels before it.
func (n *NER) recognize(c *sentCtx) {
	n.lex.match(c)
	c.ctxc, c.ctxE = nil, c.ctxE[:0]
	if len(c.words) == 0 {
		return
	}
	if n.ctx != nil {
		n.ctx.classes(c)
	}
	k := max(nerBeam, 1)
	c.beamSearch(n.model, len(n.model.labels), k, nil)
	c.backtrack(len(c.words)-1, 0, k)
	c.labelProbs(len(n.model.labels), k)
}

// TrainNER trains the recognizer on Universal NER IOB2 files (.iob2) and
// GUM CoNLL-U files (.conllu, named person/organization/place mentions) and
// writes the model (gzip) to w. The same files and options give the same bytes.
//
// It is a structured perceptron: each sentence is decoded with the beam
// search that recognize uses, and the weights move from the predicted
// sequence to the gold one, at the first word where the gold sequence fell
// out of the beam (early update) or at the end. Measured on UNER EWT dev,
// this beats a per-word (greedy) perceptron decoded by the same beam by
// about three points of F1.
func TrainNER(w io.Writer, files []string, opt NEROptions, logf func(string, ...any)) error {
	if opt.Iters == 0 {
		opt.Iters = 15
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	if opt.Models == 0 {
		opt.Models = 4
	}
	if opt.LowerEvery == 0 {
		opt.LowerEvery = 4
	}
	if opt.POS == nil {
		pos, err := embeddedPOS()
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opt.POS = pos
	}
	gaz, err := openInput(opt.Gazetteer, "gazetteer", embeddedGazetteer, loadGazetteer)
	if err != nil {
		return err
	}
	var wc *wordClasses
	wcName := ""
	if !opt.NoWordClasses {
		if wc, err = openInput(opt.WordClasses, "word classes", embeddedWordClasses, loadWordClasses); err != nil {
			return err
		}
		wcName = inputName(opt.WordClasses, "wordclass.gz")
	}
	lex := newNERLexicon(gaz, wc)
	// A file named more than once weighs that many times: it is read once
	// and its sentences repeated (see repeatFiles).
	once, times := repeatFiles(files)
	sents, err := readNERTraining(once, opt.Skip, logf)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}

	label := map[string]int{}
	for i, l := range nerLabels {
		label[l] = i
	}
	// Web text writes names in lower case ("baguio", "air asia") or in
	// capitals; a lower-cased copy of every LowerEvery-th sentence with a
	// name teaches the model to find names by more than their capitals.
	origin := make([]int, len(sents))
	for k := range origin {
		origin[k] = k
	}
	// A repeated file's copies keep their original's origin, so that the
	// context net guessing for a copy has not learnt from the original
	// either (the folds go by origin).
	for k, n := 0, len(sents); k < n; k++ {
		for r := 1; r < times[sents[k].file]; r++ {
			sents = append(sents, sents[k])
			origin = append(origin, k)
		}
	}
	if opt.LowerEvery > 0 {
		n, named := len(sents), 0
		for k := 0; k < n; k++ {
			has := false
			for _, l := range sents[k].Labels {
				has = has || (l != "O" && l != "")
			}
			if !has {
				continue
			}
			named++
			if named%opt.LowerEvery != 0 {
				continue
			}
			low := make([]string, len(sents[k].Forms))
			for i, f := range sents[k].Forms {
				low[i] = strings.ToLower(f)
			}
			sents = append(sents, corpusSentence{Forms: low, Labels: sents[k].Labels, DocGenre: sents[k].DocGenre})
			origin = append(origin, origin[k])
		}
	}
	golds := make([][]int, len(sents))
	for k := range sents {
		golds[k] = goldLabels(label, sents[k].Labels)
	}
	var ctx *ctxNet
	var ctxc [][]uint8
	if opt.Vectors != "" {
		cc, err := newCtxCorpus(opt.Vectors)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		forms := make([][]string, len(sents))
		fold := make([]int, len(sents))
		for k := range sents {
			forms[k] = sents[k].Forms
			fold[k] = origin[k] % ctxFolds
		}
		ctx, ctxc = trainCtxNets(cc, lex, forms, golds, fold, opt.Seed, logf)
	}
	// Tag every sentence once: the POS tags are features.
	posTags := make([][]int, len(sents))
	c := &sentCtx{score: make([]float32, 32), feats: make([]fhash, 0, 64)}
	if len(opt.POSFiles) > 0 {
		if opt.POSIters == 0 {
			opt.POSIters = 8
		}
		var err error
		if posTags, err = jackknifePOS(sents, opt.POSFiles, opt.Seed, opt.POSIters, logf); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	} else {
		for k := range sents {
			c.reset(sents[k].Forms)
			opt.POS.tag(c)
			posTags[k] = append([]int(nil), c.tags...)
		}
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	// Several models, each over its own shuffles of the data, are averaged
	// (parameter mixing): one perceptron's score moves by a point or two
	// with the training order alone, their mean much less.
	rng := rand.New(rand.NewSource(opt.Seed))
	var sum []float64
	for mi := 0; mi < opt.Models; mi++ {
		tr := newTrainer(nerLabels, opt.Bits)
		k := max(nerBeam, 1)
		for it := 0; it < opt.Iters; it++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			wrong := 0
			for _, si := range order {
				s := &sents[si]
				c.reset(s.Forms)
				c.docGenre = s.DocGenre
				copy(c.tags, posTags[si])
				lex.match(c)
				c.ctxc = nil
				if ctxc != nil {
					c.ctxc = ctxc[si]
				}
				gold := golds[si]
				at := c.beamSearch(tr, len(nerLabels), k, gold)
				end := len(s.Forms) - 1
				if at >= 0 {
					end = at // early update: the gold prefix left the beam here
				}
				c.backtrack(end, 0, k)
				if at >= 0 || !equalInts(c.ner[:end+1], gold[:end+1]) {
					wrong++
					tr.updateSeq(c, gold[:end+1], c.ner[:end+1])
				}
				tr.tick()
			}
			if logf != nil {
				logf("ner: iteration %d: %d sentences updated", it+1, wrong)
			}
		}
		sum = tr.addAverage(sum)
	}
	m := averageOf(nerLabels, opt.Bits, sum, opt.Models)
	bw := bufio.NewWriter(w)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	zb := bufio.NewWriter(zw)
	if ctx != nil {
		writeString(zb, "claimgraph-ner-4")
	} else {
		writeString(zb, "claimgraph-ner-3")
	}
	writeString(zb, inputName(opt.Gazetteer, "gazetteer.gz"))
	writeString(zb, wcName)
	if err := m.writeTo(zb); err != nil {
		return err
	}
	if ctx != nil {
		ctx.writeTo(zb)
	}
	if err := zb.Flush(); err != nil {
		return fmt.Errorf("write ner model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write ner model: %w", err)
	}
	return bw.Flush()
}

// repeatFiles returns files with each named once, in the order first
// named, and how many times each was named: "train ner A A B" weighs A's
// sentences twice (a way to weigh one domain of text against another).
func repeatFiles(files []string) ([]string, map[string]int) {
	times := map[string]int{}
	var once []string
	for _, f := range files {
		if times[f] == 0 {
			once = append(once, f)
		}
		times[f]++
	}
	return once, times
}

// LoadNERFile reads a model file written by TrainNER; the error names the
// file.
func LoadNERFile(path string) (*NER, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	n, err := LoadNER(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

// LoadNER reads a model written by TrainNER.
func LoadNER(r io.Reader) (*NER, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic, err := readString(br)
	// -1 models were trained for greedy decoding; -3 added word classes,
	// -4 the context net.
	if err != nil || (magic != "claimgraph-ner-2" && magic != "claimgraph-ner-3" && magic != "claimgraph-ner-4") {
		return nil, fmt.Errorf("load ner model: not a claimgraph NER model (%q, %v)", magic, err)
	}
	gazFile, err := readString(br)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	wcFile := ""
	if magic != "claimgraph-ner-2" {
		if wcFile, err = readString(br); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
	}
	m, err := readLinearModel(br)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	if len(m.labels) != len(nerLabels) {
		return nil, fmt.Errorf("load ner model: %d labels, want %d", len(m.labels), len(nerLabels))
	}
	var ctx *ctxNet
	if magic == "claimgraph-ner-4" {
		if ctx, err = readCtxNet(br); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
		ctx.model = m
	}
	var gaz *gazetteer
	if gazFile != "" {
		// The model was trained with the embedded gazetteer (a model trained
		// with another list still loads, with the embedded one).
		if gaz, err = embeddedGazetteer(); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
	}
	var wc *wordClasses
	if wcFile != "" {
		// Likewise the word classes.
		if wc, err = embeddedWordClasses(); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
		if wc == nil {
			return nil, fmt.Errorf("load ner model: trained with word classes (%s), none embedded", wcFile)
		}
	}
	return &NER{model: m, lex: newNERLexicon(gaz, wc), ctx: ctx}, nil
}

// goldLabels maps a sentence's IOB2 labels to nerLabels indexes. An I-X
// that continues nothing is read as B-X, as the scorer reads it; the
// decoder may not produce it.
func goldLabels(label map[string]int, labels []string) []int {
	gold := make([]int, len(labels))
	for i, l := range labels {
		g, ok := label[l]
		if !ok {
			g = 0
		}
		if prev := 0; g != 0 && g%2 == 0 {
			if i > 0 {
				prev = gold[i-1]
			}
			if !allowed(prev, g) {
				g--
			}
		}
		gold[i] = g
	}
	return gold
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// updateSeq moves weight towards the gold labels and away from the
// predicted ones along two label sequences of c's first words; features a
// word shares under both (same label, same history) cancel and are skipped.
func (t *trainer) updateSeq(c *sentCtx, gold, pred []int) {
	hist := func(seq []int, i int) (int, int) {
		l1, l2 := -1, -2
		if i > 0 {
			l1 = seq[i-1]
		}
		if i > 1 {
			l2 = seq[i-2]
		}
		return l1, l2
	}
	for i := range gold {
		g1, g2 := hist(gold, i)
		p1, p2 := hist(pred, i)
		if gold[i] == pred[i] && g1 == p1 && g2 == p2 {
			continue
		}
		c.nerStatic(i)
		if gold[i] != pred[i] {
			t.add(c.feats, gold[i], 1)
			t.add(c.feats, pred[i], -1)
		}
		c.feats = c.feats[:0]
		c.nerDynamic(i, g1, g2)
		t.add(c.feats, gold[i], 1)
		c.feats = c.feats[:0]
		c.nerDynamic(i, p1, p2)
		t.add(c.feats, pred[i], -1)
	}
}

// readNERTraining reads the recognizer's training files: Universal NER
// IOB2 files, and GUM CoNLL-U files (.conllu) with labels from their named
// person, organization and place mentions. skip, if set, leaves files out.
func readNERTraining(files []string, skip func(string) bool, logf func(string, ...any)) ([]corpusSentence, error) {
	var sents []corpusSentence
	for _, f := range files {
		if skip != nil && skip(f) {
			continue
		}
		var ss []corpusSentence
		var err error
		if strings.HasSuffix(f, ".conllu") {
			ss, err = readCoNLLU(f)
			lines := make([][]string, len(ss))
			for i := range ss {
				ss[i].Labels = gumLabels(&ss[i])
				lines[i] = ss[i].Forms
			}
			// A GUM file is one document.
			g := DocumentGenre(lines)
			for i := range ss {
				ss[i].DocGenre = g
			}
		} else if isCoNLL2003(f) {
			ss, err = readCoNLL2003(f)
		} else {
			ss, err = readIOB2(f)
		}
		if err != nil {
			return nil, err
		}
		if logf != nil {
			logf("ner: %s: %d sentences", filepath.Base(f), len(ss))
		}
		// Sentences keep the treebank's tokens: hyphenated words are split at
		// tagging time too (see getCtx).
		for i := range ss {
			ss[i].file = f
		}
		sents = append(sents, ss...)
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("no sentences in %v", files)
	}
	return sents, nil
}

package nlp

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"math/rand"
	"path/filepath"
	"strings"
)

// nerTemperature scales the perceptron's scores before the softmax that
// gives each label's probability: raw scores are far apart, so without it
// every confidence is 1.00. See TestNERCalibration for how it was chosen.
var nerTemperature = 16.0

// nerLabels are the BIO labels, O first.
var nerLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// NER recognizes person, organization and place names. It is safe for
// concurrent use.
type NER struct {
	model *linearModel
	gaz   *gazetteer
}

// NEROptions control training.
type NEROptions struct {
	Seed  int64             // shuffles the training order
	Iters int               // passes over the training data (default 10)
	Bits  uint              // log2 of the number of feature buckets (default 20)
	POS   *POSTagger        // tags the training sentences; nil: the embedded tagger
	Skip  func(string) bool // files to leave out (held-out evaluation); nil keeps all
	// Gazetteer is a file written by BuildGazetteer; "" uses the embedded one.
	Gazetteer string
}

// allowed reports whether label b may follow label a (I-X only after B-X or I-X).
func allowed(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a == b || a == b-1
}

// nerFeatures fills c.feats for word i; c.tags holds POS, c.ner the labels
// predicted to the left.
func (c *sentCtx) nerFeatures(i int) {
	f := c.feats[:0]
	w := c.lw(i)
	l1, l2 := -1, -2
	if i > 0 {
		l1 = c.ner[i-1]
	}
	if i > 1 {
		l2 = c.ner[i-2]
	}
	pos := func(k int) int {
		if k < 0 || k >= len(c.words) {
			return -1
		}
		return c.tags[k]
	}
	sh := int(c.shape[i])
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
		tmpl(110).bytes(c.lw(i-1)),
		tmpl(111).bytes(c.lw(i+1)),
		tmpl(112).bytes(c.lw(i-2)),
		tmpl(113).bytes(c.lw(i+2)),
		tmpl(114).num(pos(i)),
		tmpl(115).num(pos(i-1)),
		tmpl(116).num(pos(i+1)),
		tmpl(117).num(l1),
		tmpl(118).num(l1).num(l2),
		tmpl(119).num(l1).num(sh),
		tmpl(120).num(l1).bytes(w),
		tmpl(121).num(pos(i)).num(sh),
		tmpl(122).num(int(c.shapeAt(i-1))).num(sh).num(int(c.shapeAt(i+1))),
		tmpl(123).num(boolInt(i == 0)).num(sh),
		tmpl(124).num(pos(i-1)).num(pos(i)).num(pos(i+1)),
		tmpl(125).bytes(c.lw(i-1)).sep().bytes(w),
		tmpl(126).bytes(w).sep().bytes(c.lw(i+1)),
		tmpl(127).num(l1).num(pos(i)),
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
		tmpl(140).num(gs(i)).num(int(c.flags[i]&(flagUpper|flagAllCaps))),
		tmpl(141).num(int(c.gazClass[i])).num(boolInt(c.gazBegin[i])),
		tmpl(142).num(gs(i)).num(sh),
		tmpl(143).num(gs(i-1)),
		tmpl(144).num(gs(i+1)),
		tmpl(145).num(int(c.gazClass[i])).num(boolInt(c.gazBegin[i])).num(l1),
		tmpl(146).num(gs(i)).num(pos(i)),
	)
	if c.flags[i]&flagHyphen != 0 {
		part := c.low[c.part[i]:c.hi[i]]
		f = append(f, tmpl(131).bytes(part), tmpl(132).bytes(prefix(w, int(c.part[i]-c.lo[i]))))
	}
	c.feats = f
}

// recognize labels the words of c (POS already in c.tags), filling c.ner and
// c.prob with each label's probability under a softmax of the scores.
func (n *NER) recognize(c *sentCtx) {
	nl := len(n.model.labels)
	sc := c.score[:nl]
	n.gaz.match(c)
	for i := range c.words {
		c.nerFeatures(i)
		n.model.scores(c.feats, sc)
		prev := 0
		if i > 0 {
			prev = c.ner[i-1]
		}
		best := -1
		for j := 0; j < nl; j++ {
			if allowed(prev, j) && (best < 0 || sc[j] > sc[best]) {
				best = j
			}
		}
		var z float64
		for j := 0; j < nl; j++ {
			if allowed(prev, j) {
				z += math.Exp(float64(sc[j]-sc[best]) / nerTemperature)
			}
		}
		c.ner[i] = best
		c.prob[i] = float32(1 / z)
	}
}

// TrainNER trains the recognizer on Universal NER IOB2 files (.iob2) and
// GUM CoNLL-U files (.conllu, named person/organization/place mentions) and
// writes the model (gzip) to w. The same files and options give the same bytes.
func TrainNER(w io.Writer, files []string, opt NEROptions, logf func(string, ...any)) error {
	if opt.Iters == 0 {
		opt.Iters = 10
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	if opt.POS == nil {
		pos, err := embeddedPOS()
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opt.POS = pos
	}
	gaz, err := openGazetteer(opt.Gazetteer)
	if err != nil {
		return err
	}
	var sents []corpusSentence
	for _, f := range files {
		if opt.Skip != nil && opt.Skip(f) {
			continue
		}
		var ss []corpusSentence
		var err error
		if strings.HasSuffix(f, ".conllu") {
			ss, err = readCoNLLU(f)
			for i := range ss {
				ss[i].Labels = gumLabels(&ss[i])
			}
		} else {
			ss, err = readIOB2(f)
		}
		if err != nil {
			return err
		}
		if logf != nil {
			logf("ner: %s: %d sentences", filepath.Base(f), len(ss))
		}
		// Sentences keep the treebank's tokens: hyphenated words are split at
		// tagging time too (see getCtx).
		sents = append(sents, ss...)
	}
	if len(sents) == 0 {
		return fmt.Errorf("train ner: no sentences in %v", files)
	}

	label := map[string]int{}
	for i, l := range nerLabels {
		label[l] = i
	}
	// Tag every sentence once: the POS tags are features.
	posTags := make([][]int, len(sents))
	c := &sentCtx{score: make([]float32, 32), feats: make([]fhash, 0, 64)}
	for k := range sents {
		c.reset(sents[k].Forms)
		opt.POS.tag(c)
		posTags[k] = append([]int(nil), c.tags...)
	}
	tr := newTrainer(nerLabels, opt.Bits)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	sc := c.score[:len(nerLabels)]
	for it := 0; it < opt.Iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, si := range order {
			s := &sents[si]
			c.reset(s.Forms)
			copy(c.tags, posTags[si])
			gaz.match(c)
			for i := range s.Forms {
				gold, ok := label[s.Labels[i]]
				if !ok {
					gold = 0
				}
				c.nerFeatures(i)
				tr.scores(c.feats, sc)
				prev := 0
				if i > 0 {
					prev = c.ner[i-1]
				}
				pred := -1
				for j := range sc {
					if allowed(prev, j) && (pred < 0 || sc[j] > sc[pred]) {
						pred = j
					}
				}
				tr.update(c.feats, gold, pred)
				tr.tick()
				if pred != gold {
					wrong++
				}
				c.ner[i] = pred
			}
		}
		if logf != nil {
			logf("ner: iteration %d: %d token errors", it+1, wrong)
		}
	}
	m := tr.average()
	bw := bufio.NewWriter(w)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	zb := bufio.NewWriter(zw)
	writeString(zb, "claimgraph-ner-1")
	writeString(zb, gazName(opt.Gazetteer))
	if err := m.writeTo(zb); err != nil {
		return err
	}
	if err := zb.Flush(); err != nil {
		return fmt.Errorf("write ner model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write ner model: %w", err)
	}
	return bw.Flush()
}

// LoadNER reads a model written by TrainNER.
func LoadNER(r io.Reader) (*NER, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic, err := readString(br)
	if err != nil || magic != "claimgraph-ner-1" {
		return nil, fmt.Errorf("load ner model: not a claimgraph NER model (%q, %v)", magic, err)
	}
	gazFile, err := readString(br)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	m, err := readLinearModel(br)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	if len(m.labels) != len(nerLabels) {
		return nil, fmt.Errorf("load ner model: %d labels, want %d", len(m.labels), len(nerLabels))
	}
	n := &NER{model: m}
	if gazFile != "" {
		// The model was trained with the embedded gazetteer (a model trained
		// with another list still loads, with the embedded one).
		if n.gaz, err = embeddedGazetteer(); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
	}
	return n, nil
}

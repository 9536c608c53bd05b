package nlp

import (
	"fmt"
	"strings"
)

// jackknifePOS tags the recognizer's training sentences the way sentences
// are tagged at run time: by a tagger that did not learn from them. The
// embedded tagger learnt from the same treebank sentences the recognizer
// learns from, and tags them almost perfectly; trained on those tags, the
// recognizer would trust POS features more than run-time tags deserve.
//
// The tagging data (CoNLL-U files) is split in jackFolds folds by a hash of
// each sentence's lower-cased words, so a recognizer sentence (or its
// lower-cased copy) falls in the fold of the same treebank sentence; each
// fold is tagged by a one-pass tagger trained on the other folds.
// jackFolds is the number of folds of jackknifePOS.
var jackFolds = 5

func jackknifePOS(sents []corpusSentence, posFiles []string, seed int64, iters int, logf func(string, ...any)) ([][]int, error) {
	var ps []corpusSentence
	for _, f := range posFiles {
		s, err := readCoNLLU(f)
		if err != nil {
			return nil, err
		}
		ps = append(ps, s...)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("jackknife pos: no sentences in %v", posFiles)
	}
	label := map[string]int{}
	for i, t := range upos {
		label[t] = i
	}
	gaz, err := embeddedGazetteer()
	if err != nil {
		return nil, err
	}
	fold := func(forms []string) int {
		h := tmpl(199)
		for _, f := range forms {
			h = h.str(strings.ToLower(f)).sep()
		}
		return int(uint64(h) % uint64(jackFolds))
	}
	tags := make([][]int, len(sents))
	c := &sentCtx{score: make([]float32, 32), feats: make([]fhash, 0, 96)}
	for k := 0; k < jackFolds; k++ {
		var train []corpusSentence
		for _, s := range ps {
			if fold(s.Forms) != k {
				train = append(train, s)
			}
		}
		lex := buildLexicon(train, label)
		td := buildTagDict(train, label)
		idx := make([]int, len(train))
		for i := range idx {
			idx[i] = i
		}
		m := trainPOSPass(train, idx, nil, &POSTagger{lexicon: lex, gaz: gaz},
			POSOptions{Seed: seed, Iters: iters, Bits: 20}, label, nil, "")
		tg := &POSTagger{model: m, lexicon: lex, tagDict: td, gaz: gaz}
		n := 0
		for i := range sents {
			if fold(sents[i].Forms) != k {
				continue
			}
			c.reset(sents[i].Forms)
			tg.tag(c)
			tags[i] = append([]int(nil), c.tags...)
			n++
		}
		if logf != nil {
			logf("ner: jackknife fold %d: tagger of %d sentences tagged %d", k+1, len(train), n)
		}
	}
	return tags, nil
}

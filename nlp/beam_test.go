package nlp

import "testing"

// wordScorer gives labels scores by the words in a feature list (template
// 102, the lower-cased word), ignoring every other feature.
type wordScorer map[fhash][]float32

func (w wordScorer) scores(feats []fhash, out []float32) {
	for i := range out {
		out[i] = 0
	}
	for _, f := range feats {
		for j, v := range w[f] {
			out[j] += v
		}
	}
}

// The beam must be able to undo an early choice that greedy decoding keeps:
// "Georgetown" alone leans to B-LOC, but "University" is I-ORG, which may
// only follow B-ORG, and the sequence B-ORG I-ORG scores higher overall.
func TestBeamUndoesEarlyChoice(t *testing.T) {
	//                     O  B-PER I-PER B-ORG I-ORG B-LOC I-LOC
	m := wordScorer{
		tmpl(102).bytes([]byte("georgetown")): {0, 0, 0, 4, 0, 5, 0},
		tmpl(102).bytes([]byte("university")): {1, 0, 0, 2, 6, 0, 0},
	}
	c := &sentCtx{score: make([]float32, 32)}
	c.reset([]string{"Georgetown", "University"})
	(*nerLexicon)(nil).match(c)
	got := func(k int) [2]string {
		c.beamSearch(m, len(nerLabels), k, nil)
		c.backtrack(1, 0, k)
		return [2]string{nerLabels[c.ner[0]], nerLabels[c.ner[1]]}
	}
	if g := got(1); g != [2]string{"B-LOC", "B-ORG"} {
		t.Errorf("beam 1 (greedy): %v, want [B-LOC B-ORG]", g)
	}
	if g := got(4); g != [2]string{"B-ORG", "I-ORG"} {
		t.Errorf("beam 4: %v, want [B-ORG I-ORG]", g)
	}
}

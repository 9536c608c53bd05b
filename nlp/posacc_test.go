package nlp

import (
	"strings"
	"testing"
)

// posAccuracy tags a CoNLL-U file's own tokens and returns UPOS and lemma
// accuracy (lemmas compared lower-cased).
func posAccuracy(t testing.TB, tg *POSTagger, path string) (float64, float64) {
	sents, err := readCoNLLU(path)
	if err != nil {
		t.Fatal(err)
	}
	right, lright, total := 0, 0, 0
	for _, s := range sents {
		toks := make([]Token, len(s.Forms))
		for i, f := range s.Forms {
			toks[i] = Token{Text: f}
		}
		tg.TagTokens(toks)
		for i := range toks {
			if toks[i].POS == s.UPOS[i] {
				right++
			}
			if toks[i].Lemma == strings.ToLower(s.Lemmas[i]) {
				lright++
			}
			total++
		}
	}
	return float64(right) / float64(total), float64(lright) / float64(total)
}

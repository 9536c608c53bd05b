package nlp

import (
	"testing"

	"github.com/claimgraph/claimgraph/eval"
)

// nerScoreFile runs p on an IOB2 file's own tokens and scores PER/ORG/LOC.
func nerScoreFile(t testing.TB, p *Pipeline, path string) *eval.NERScore {
	sents, err := eval.ReadNERFile(path, eval.FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	sc := eval.NewNERScore([]string{"PER", "ORG", "LOC"})
	for _, s := range sents {
		toks := make([]Token, len(s.Tokens))
		for i, w := range s.Tokens {
			toks[i] = Token{Text: w}
		}
		var pred []eval.Chunk
		for _, e := range p.AnalyzeTokens(toks) {
			pred = append(pred, eval.Chunk{First: e.First, Limit: e.Limit, Type: e.Type})
		}
		sc.Add(eval.Chunks(s.Labels), pred)
	}
	sc.Finish()
	return sc
}

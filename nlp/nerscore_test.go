package nlp

import (
	"testing"

	"github.com/claimgraph/claimgraph/eval"
)

// nerScoreFile runs p on an IOB2 file's own tokens, document by document as
// "claimgraph eval ner" does, and scores PER/ORG/LOC.
func nerScoreFile(t testing.TB, p *Pipeline, path string) *eval.NERScore {
	return nerScoreFormat(t, p, path, eval.FormatIOB2)
}

// nerScoreFormat scores p's PER/ORG/LOC names on a NER file of the given
// format, each document analysed whole.
func nerScoreFormat(t testing.TB, p *Pipeline, path, format string) *eval.NERScore {
	sents, err := eval.ReadNERFile(path, format)
	if err != nil {
		t.Fatal(err)
	}
	sc := eval.NewNERScore([]string{"PER", "ORG", "LOC"})
	sc.AddDocuments(sents, false, func(doc [][]string) [][]eval.Chunk {
		out := make([][]eval.Chunk, len(doc))
		for i, ents := range p.AnalyzeDocument(doc) {
			for _, e := range ents {
				out[i] = append(out[i], eval.Chunk{First: e.First, Limit: e.Limit, Type: e.Type})
			}
		}
		return out
	})
	sc.Finish()
	return sc
}

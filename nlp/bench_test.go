package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// benchText returns the five seed articles joined: real news text, read at
// run time from ../shared (the benchmark skips when it is absent).
func benchText(b *testing.B) string {
	b.Helper()
	dir := shareddata.Path(b, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no seed articles in %s", dir)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatalf("read %s: %v", f, err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// benchSentences tokenizes the bench text once for the tagger benchmarks.
func benchSentences(b *testing.B) ([]Token, []Sentence) {
	text := benchText(b)
	toks := Tokenize(text)
	return toks, SplitSentences(text, toks)
}

func BenchmarkPOS(b *testing.B) {
	toks, sents := benchSentences(b)
	tg := Default().POS()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			tg.TagTokens(toks[s.First:s.Limit])
		}
		n += len(toks)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkNER(b *testing.B) {
	toks, sents := benchSentences(b)
	p := Default()
	// POS tags are NER features: tag once, time recognition alone.
	ctxs := make([]*sentCtx, len(sents))
	for i, s := range sents {
		ctxs[i] = getCtx(toks[s.First:s.Limit])
		p.pos.tag(ctxs[i])
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, c := range ctxs {
			p.ner.recognize(c)
		}
		n += len(toks)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAnalyze times the whole pipeline: tokenize, split, POS, lemmas,
// NER and document-level propagation.
func BenchmarkAnalyze(b *testing.B) {
	text := benchText(b)
	p := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(p.Analyze(text).Tokens)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

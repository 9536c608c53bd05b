package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// benchDoc is a document analysed before the timer starts: the benchmarks
// measure quote extraction after the NLP core, as the pipeline runs it.
type benchDoc struct {
	text     string
	a        *nlp.Analysis
	mentions []claimgraph.Mention
	words    int
}

func countWords(a *nlp.Analysis) int {
	n := 0
	for _, t := range a.Tokens {
		r := t.Text[0]
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
			n++
		}
	}
	return n
}

func runBench(b *testing.B, docs []benchDoc) {
	words := 0
	for _, d := range docs {
		words += d.words
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			n += len(Extract("d", d.text, d.a, d.mentions, nil))
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if n == 0 {
		b.Fatal("no quotes extracted")
	}
}

// BenchmarkExtractSeeds runs on the seed articles (real news text, read from
// ../shared at run time; skipped when absent) with the NER's entities as
// mentions.
func BenchmarkExtractSeeds(b *testing.B) {
	_, docs := loadSeeds(b)
	var bd []benchDoc
	for _, d := range docs {
		bd = append(bd, benchDoc{d.text, d.a, d.mentions, countWords(d.a)})
	}
	runBench(b, bd)
}

// BenchmarkExtractFixtures runs on this package's own constructed fixtures,
// repeated into one long document.
func BenchmarkExtractFixtures(b *testing.B) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	var sb strings.Builder
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(src)
		sb.WriteString("\n\n")
	}
	one := sb.String()
	text, ms := parseMarked(b, strings.Repeat(one, 20))
	toks := nlp.Tokenize(text)
	a := &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
	runBench(b, []benchDoc{{text, a, ms, countWords(a)}})
}

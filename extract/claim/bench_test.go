package claim

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

// BenchmarkExtract measures claim extraction after the NLP core, the
// entities stage and quotes (all computed before the timer starts) on the
// seed articles, read from ../shared at run time.
func BenchmarkExtract(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(shareddata.Path(b, "seeds"), "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no seed articles")
	}
	type doc struct {
		text string
		a    *nlp.Analysis
		ms   []claimgraph.Mention
		qs   []claimgraph.Quote
	}
	var docs []doc
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		a := nlp.Default().Analyze(text)
		ms := resolve.Mentions("d", text, a, nil)
		docs = append(docs, doc{text, a, ms, quote.Extract("d", text, a, ms, nil)})
		for _, t := range a.Tokens {
			if t.POS != "PUNCT" {
				words++
			}
		}
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			n += len(Extract("d", d.text, d.a, d.ms, d.qs, nil))
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if n == 0 {
		b.Fatal("no claims extracted")
	}
}

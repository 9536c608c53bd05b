package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// BenchmarkRecognize measures throughput in words per second on the seed
// articles (our own test article when ../shared is absent).
func BenchmarkRecognize(b *testing.B) {
	var texts []string
	if root := shareddata.Root(); root != "" {
		files, _ := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
		for _, f := range files {
			if bs, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(bs))
			}
		}
	}
	if len(texts) == 0 {
		bs, err := os.ReadFile("testdata/article.txt")
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(bs))
	}
	words, bytes := 0, 0
	for _, t := range texts {
		words += len(strings.Fields(t))
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Recognize(t, nil, dct)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

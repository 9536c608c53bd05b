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

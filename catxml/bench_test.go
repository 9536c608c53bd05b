package catxml

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// BenchmarkParse measures parsing throughput on the MEANTIME dev files.
func BenchmarkParse(b *testing.B) {
	root := shareddata.Path(b, "data/meantime-dev/intra_cross-doc_annotation")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.xml"))
	if len(files) == 0 {
		b.Skip("no MEANTIME files")
	}
	var data [][]byte
	size := 0
	for _, f := range files {
		bs, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, bs)
		size += len(bs)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, bs := range data {
			if _, err := Parse(bytes.NewReader(bs)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

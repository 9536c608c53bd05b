package main

import (
	"context"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/export"
	"github.com/claimgraph/claimgraph/sqlite"
)

// BenchmarkExport measures each export format over a whole store: rows and
// bytes per second, and the Go heap at its largest while the export runs
// (sampled every 50 ms). The process's peak resident memory, which the
// issue bounds (< 300 MB on 100,000 documents), is measured from outside:
//
//	/usr/bin/time -v claimgraph export --db bench.db --format graphml --out /tmp/x.graphml
//
//	CLAIMGRAPH_BENCH_DB  the store (see BenchmarkServeLatency for making
//	                     one of 100,000 articles); unset: skipped
//
//	CLAIMGRAPH_BENCH_DB=bench.db go test -run '^$' -bench Export -benchtime 1x ./cmd/claimgraph
func BenchmarkExport(b *testing.B) {
	path := os.Getenv("CLAIMGRAPH_BENCH_DB")
	if path == "" {
		b.Skip("CLAIMGRAPH_BENCH_DB is not set")
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	for _, format := range export.Formats {
		b.Run(format, func(b *testing.B) {
			var rows, bytes int
			var peak uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				var ms runtime.MemStats
				for {
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
					select {
					case <-stop:
						return
					case <-time.After(50 * time.Millisecond):
					}
				}
			}()
			start := time.Now()
			for b.Loop() {
				sel, err := store.Export(ctx, claimgraph.ExportFilter{})
				if err != nil {
					b.Fatal(err)
				}
				cw := &countWriter{w: io.Discard}
				counts, err := export.Write(ctx, sel, format, cw, export.Options{})
				sel.Close()
				if err != nil {
					b.Fatal(err)
				}
				for _, n := range counts {
					rows += n
				}
				bytes += cw.n
			}
			close(stop)
			<-done
			secs := time.Since(start).Seconds()
			b.ReportMetric(float64(rows)/secs, "rows/s")
			b.ReportMetric(float64(bytes)/secs/(1<<20), "MB/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}

type countWriter struct {
	w io.Writer
	n int
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/longdoc"
)

// storeBytes is the size of a store's files (database, WAL, shared memory).
func storeBytes(t testing.TB, db string) int64 {
	var n int64
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		if st, err := os.Stat(f); err == nil {
			n += st.Size()
		}
	}
	return n
}

// A long document grows the store by less than 20 times its size: spans
// and co-occurrence are bounded per document, not quadratic in it (a 100 KB
// line without punctuation used to add 25 MB).
func TestLongDocumentStoreGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests two 150 KB documents")
	}
	for _, kind := range []string{"runon", "sentences"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			text := longdoc.RunOn(150_000, 1)
			if kind == "sentences" {
				text = longdoc.Sentences(150_000, 1)
			}
			db := filepath.Join(dir, "long.db")
			small := filepath.Join(dir, "small.txt")
			long := filepath.Join(dir, "long.txt")
			writeFile(t, small, "Mayor visits port\n\nThe mayor of Dunmore visited the port on Monday.\n")
			writeFile(t, long, text)
			if _, errOut, err := runTB(t, "", "ingest", "-q", "--db", db, small); err != nil {
				t.Fatalf("ingest: %v\n%s", err, errOut)
			}
			before := storeBytes(t, db)
			if _, errOut, err := runTB(t, "", "ingest", "-q", "--db", db, long); err != nil {
				t.Fatalf("ingest: %v\n%s", err, errOut)
			}
			grew := storeBytes(t, db) - before
			if grew >= 20*int64(len(text)) {
				t.Errorf("store grew by %d bytes for a %d-byte document (%.1f×, want < 20×)", grew, len(text), float64(grew)/float64(len(text)))
			}
		})
	}
}

// BenchmarkIngestLongDocument ingests one generated document of each size
// and kind into a fresh store; the time per 4× the bytes should grow at most
// about 4×, and store-x (store growth / document bytes) stay below 20.
//
//	go test -run '^$' -bench IngestLongDocument -benchtime 1x ./cmd/claimgraph
func BenchmarkIngestLongDocument(b *testing.B) {
	for _, kind := range []string{"runon", "sentences"} {
		for _, size := range []int{100_000, 400_000, 1_600_000} {
			text := longdoc.RunOn(size, 1)
			if kind == "sentences" {
				text = longdoc.Sentences(size, 1)
			}
			b.Run(fmt.Sprintf("%s/%dKB", kind, size/1000), func(b *testing.B) {
				var grew int64
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					dir := b.TempDir()
					db := filepath.Join(dir, "b.db")
					long, small := filepath.Join(dir, "long.txt"), filepath.Join(dir, "small.txt")
					writeFile(b, long, text)
					writeFile(b, small, "Mayor visits port\n\nThe mayor of Dunmore visited the port on Monday.\n")
					if _, errOut, err := runTB(b, "", "ingest", "-q", "--db", db, small); err != nil {
						b.Fatalf("ingest: %v\n%s", err, errOut)
					}
					before := storeBytes(b, db)
					b.StartTimer()
					if _, errOut, err := runTB(b, "", "ingest", "-q", "--db", db, long); err != nil {
						b.Fatalf("ingest: %v\n%s", err, errOut)
					}
					grew = storeBytes(b, db) - before
				}
				b.ReportMetric(float64(grew)/float64(len(text)), "store-x")
				b.SetBytes(int64(len(text)))
			})
		}
	}
}

func writeFile(t testing.TB, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runTB is run for tests and benchmarks.
func runTB(t testing.TB, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/internal/benchcorpus"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/postgres"
	"github.com/claimgraph/claimgraph/sqlite"
)

// BenchmarkServeLatency measures request latency (p50, p95) of the entity
// page, search, the graph and the document reader over real HTTP, on a store
// built by this binary's own ingest from the shared data: treebank sentences
// (UD EWT, GUM) mixed into articles by internal/benchcorpus.
//
//	CLAIMGRAPH_BENCH_DB  a store to measure (built beforehand, see below): a
//	                     SQLite file or a postgres:// URL;
//	                     unset: 2,000 articles are mixed and ingested here
//
// The figure is taken on 100,000 articles:
//
//	go run ./scripts/benchcorpus -n 100000 -seed 1 \
//	    ../shared/data/ud-english-ewt/*.conllu ../shared/data/gum/dep/*.conllu > mix.jsonl
//	go run ./cmd/claimgraph ingest -q --db bench.db mix.jsonl
//	CLAIMGRAPH_BENCH_DB=bench.db go test -run '^$' -bench ServeLatency -benchtime 300x ./cmd/claimgraph
func BenchmarkServeLatency(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("CLAIMGRAPH_BENCH_DB")
	if path == "" {
		path = buildBenchStore(b, 2000)
	} else if _, err := os.Stat(path); err != nil && !postgres.IsURL(path) {
		b.Fatalf("CLAIMGRAPH_BENCH_DB: %v", err)
	}
	db, err := openDSN(ctx, path, sqlite.Options{}) // a SQLite file or a postgres:// URL
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	n, err := db.CountDocuments(ctx)
	if err != nil || n == 0 {
		b.Fatalf("%s: %d documents, %v", path, n, err)
	}
	// What users open: the entities most written about, and now and then
	// one further down the list.
	ents, err := db.Entities(ctx, claimgraph.EntityFilter{Limit: 1000})
	if err != nil || len(ents) < 3 {
		b.Fatalf("entities: %d, %v", len(ents), err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var docs []*claimgraph.Document
	for k := 0; k < 30; k++ { // documents from all over the store
		some, err := db.Documents(ctx, claimgraph.DocumentFilter{Offset: rng.IntN(n), Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, some...)
	}
	words := searchWords(docs)
	opts := httpapi.DefaultOptions()
	opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})) // a failed request says why
	srv := httptest.NewServer(httpapi.New(db, opts))
	defer srv.Close()
	client := srv.Client()

	entity := func() string { return strconv.FormatInt(ents[rng.IntN(len(ents))].ID, 10) }
	word := func() string { return words[rng.IntN(len(words))] }
	cases := []struct {
		name string
		path func() string
	}{
		{"entity-page", func() string { return "/entities/" + entity() }},
		{"entity-page-top3", func() string { return "/entities/" + strconv.FormatInt(ents[rng.IntN(3)].ID, 10) }},
		{"entity-api", func() string { return "/api/entities/" + entity() }},
		{"search", func() string { return "/api/search?q=" + url.QueryEscape(word()+" "+word()) }},
		{"search-name", func() string { return "/api/search?q=" + url.QueryEscape(ents[rng.IntN(len(ents))].Name) }},
		{"search-page", func() string { return "/search?q=" + url.QueryEscape(word()) }},
		{"graph", func() string { return "/api/graph?entity=" + entity() }},
		{"graph-page", func() string { return "/graph?entity=" + entity() }},
		{"document", func() string { return "/documents/" + docs[rng.IntN(len(docs))].ID }},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			deferred := 0
			for i := 0; i < b.N; i++ {
				p := tc.path()
				t0 := time.Now()
				res, err := client.Get(srv.URL + p)
				if err != nil {
					b.Fatal(err)
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				lat = append(lat, time.Since(t0))
				if err != nil || res.StatusCode != http.StatusOK {
					b.Fatalf("GET %s = %d %v: %s", p, res.StatusCode, err, body)
				}
				// An entity page left a list to the browser: it was not
				// ready within the page's budget.
				if bytes.Contains(body, []byte(`class="deferred"`)) {
					deferred++
				}
			}
			if strings.HasPrefix(tc.name, "entity-page") {
				b.ReportMetric(100*float64(deferred)/float64(b.N), "deferred-%")
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			q := func(f float64) float64 { return float64(lat[int(f*float64(len(lat)-1))].Microseconds()) / 1000 }
			b.ReportMetric(q(0.50), "p50-ms")
			b.ReportMetric(q(0.95), "p95-ms")
			b.ReportMetric(float64(n), "docs")
		})
	}
}

// buildBenchStore mixes n articles from the shared treebanks and ingests
// them into a new store, returning its path; it skips without ../shared.
func buildBenchStore(b *testing.B, n int) string {
	b.Helper()
	var files []string
	for _, dir := range []string{"data/ud-english-ewt", "data/gum/dep"} {
		fs, _ := filepath.Glob(filepath.Join(shareddata.Path(b, dir), "*.conllu"))
		files = append(files, fs...)
	}
	src, err := benchcorpus.ReadFiles(files...)
	if err != nil {
		b.Fatal(err)
	}
	mixed, err := benchcorpus.Mix(src, n, benchcorpus.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "mix.jsonl")
	fh, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	if err := benchcorpus.WriteJSONL(fh, mixed); err != nil {
		b.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		b.Fatal(err)
	}
	db := filepath.Join(dir, "bench.db")
	start := time.Now()
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	if err := m.Run(context.Background(), []string{"ingest", "-q", "--db", db, in}); err != nil {
		b.Fatalf("ingest: %v", err)
	}
	b.Logf("ingested %d mixed articles in %s", n, time.Since(start).Round(time.Second))
	return db
}

// searchWords returns words of four or more letters from the documents'
// titles, the kind of word a user searches for.
func searchWords(docs []*claimgraph.Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range docs {
		for _, w := range strings.FieldsFunc(d.Title, func(r rune) bool { return !unicode.IsLetter(r) }) {
			w = strings.ToLower(w)
			if len(w) >= 4 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	if len(out) == 0 {
		out = []string{"news"}
	}
	return out
}

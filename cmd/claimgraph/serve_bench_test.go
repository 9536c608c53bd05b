package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/internal/benchcorpus"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/postgres"
	"github.com/claimgraph/claimgraph/sqlite"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for pgCPU
)

// BenchmarkServeLatency measures request latency (p50, p95, p99) of the
// entity page, search, the graph and the document reader over real HTTP, one
// request at a time, on a store built by this binary's own ingest from the
// shared data: treebank sentences (UD EWT, GUM) mixed into articles by
// internal/benchcorpus. BenchmarkServeConcurrent measures every page and
// listing under 8 clients at once.
//
//	CLAIMGRAPH_BENCH_DB  a store to measure (built beforehand, see below): a
//	                     SQLite file or a postgres:// URL;
//	                     unset: 2,000 articles are mixed and ingested here
//
// The figure is taken on 100,000 articles:
//
//	go run ./scripts/benchcorpus -n 100000 -seed 1 \
//	    ../shared/data/ud-english-ewt/*.conllu ../shared/data/gum/dep/*.conllu > mix.jsonl
//	go run ./cmd/claimgraph bench --db bench.db mix.jsonl     # or --db postgres://...
//	CLAIMGRAPH_BENCH_DB=bench.db go test -run '^$' -bench ServeLatency -benchtime 200x ./cmd/claimgraph
//	CLAIMGRAPH_BENCH_DB=postgres://postgres@127.0.0.1:55432/bench go test -run '^$' -bench ServeLatency -benchtime 200x ./cmd/claimgraph
func BenchmarkServeLatency(b *testing.B) {
	env := newServeBench(b)
	defer env.close()
	for _, rt := range env.routes() {
		if !rt.single {
			continue
		}
		b.Run(rt.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			deferred := 0
			for i := 0; i < b.N; i++ {
				p := rt.path()
				d, body, err := env.get(p)
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, d)
				// An entity page left a list to the browser: it was not
				// ready within the page's budget.
				if bytes.Contains(body, []byte(`class="deferred"`)) {
					deferred++
				}
			}
			if strings.HasPrefix(rt.name, "entity-page") {
				b.ReportMetric(100*float64(deferred)/float64(b.N), "deferred-%")
			}
			q := quantiles(lat)
			b.ReportMetric(q[0], "p50-ms")
			b.ReportMetric(q[1], "p95-ms")
			b.ReportMetric(q[2], "p99-ms")
			b.ReportMetric(float64(env.docs), "docs")
		})
	}
}

// BenchmarkServeConcurrent runs 8 clients at once over every page and API
// listing (b.N rounds; each round asks every route once, in a shuffled
// order shared by the clients) and reports p50/p95/p99 per route and over
// all, the requests that failed, and the peak memory of the process (the
// server, with the clients' small share): the peak resident set (from
// /proc, reset before the run; it counts the pages of a memory-mapped
// SQLite file, which the kernel may drop at any time) and the peak of
// anonymous memory (heap, page caches of the connections), sampled every
// 10 ms.
//
//	CLAIMGRAPH_BENCH_DB=bench.db go test -run '^$' -bench ServeConcurrent -benchtime 50x -v ./cmd/claimgraph
//
// CLAIMGRAPH_BENCH_CLIENTS sets another number of clients (1: each route's
// own cost); CLAIMGRAPH_BENCH_ROUTES, a regular expression, keeps the routes
// it matches.
func BenchmarkServeConcurrent(b *testing.B) {
	clients := 8
	if v, err := strconv.Atoi(os.Getenv("CLAIMGRAPH_BENCH_CLIENTS")); err == nil && v > 0 {
		clients = v // 1 shows each route's own cost, without queueing
	}
	env := newServeBench(b)
	defer env.close()
	var routes []benchRoute
	for _, rt := range env.routes() {
		// CLAIMGRAPH_BENCH_ROUTES (a regular expression) narrows the run,
		// for profiling a few routes.
		if ok, _ := regexp.MatchString(os.Getenv("CLAIMGRAPH_BENCH_ROUTES"), rt.name); ok {
			routes = append(routes, rt)
		}
	}
	type job struct{ route, path string }
	type result struct {
		route string
		d     time.Duration
		bytes int
		err   error
	}
	// Paths are drawn before the clock starts, from one seeded source.
	var jobs []job
	for i := 0; i < b.N; i++ {
		for _, rt := range routes {
			jobs = append(jobs, job{rt.name, rt.path()})
		}
	}
	env.rng.Shuffle(len(jobs), func(i, j int) { jobs[i], jobs[j] = jobs[j], jobs[i] })
	mem := startMemSampler()
	pg := startPGCPU(env.dsn)
	ch := make(chan job)
	results := make(chan result, len(jobs))
	var wg sync.WaitGroup
	b.ResetTimer()
	t0, cpu0 := time.Now(), cpuTime()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				d, body, err := env.get(j.path)
				results <- result{j.route, d, len(body), err}
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	wall, cpu := time.Since(t0), cpuTime()-cpu0
	pgCPU := pg.stop()
	b.StopTimer()
	peakRSS, peakAnon := mem.stop()
	close(results)
	byRoute := map[string][]time.Duration{}
	size := map[string]int{}
	var all []time.Duration
	failed := 0
	for r := range results {
		if r.err != nil {
			failed++
			if failed <= 5 {
				b.Logf("%s: %v", r.route, r.err)
			}
			continue
		}
		byRoute[r.route] = append(byRoute[r.route], r.d)
		size[r.route] += r.bytes
		all = append(all, r.d)
	}
	var tab strings.Builder
	// CPU time per request (server and clients, this process) is the
	// steadier figure on a machine other work shares: latency there
	// counts the waits for a core.
	cpuPerReq := cpu.Seconds() * 1000 / float64(len(jobs))
	fmt.Fprintf(&tab, "%d documents, %d clients, %d requests in %.1f s (%.0f/s), %.1f CPU-ms a request, %d failed, peak RSS %.0f MB, peak anonymous %.0f MB, load average %s\n",
		env.docs, clients, len(jobs), wall.Seconds(), float64(len(jobs))/wall.Seconds(), cpuPerReq, failed, float64(peakRSS)/1e6, float64(peakAnon)/1e6, loadAverage())
	if pgCPU >= 0 {
		fmt.Fprintf(&tab, "PostgreSQL server processes of this database: %.1f CPU-ms a request (sampled from /proc at the start and end; a backend that ended meanwhile is not counted)\n",
			pgCPU.Seconds()*1000/float64(len(jobs)))
		b.ReportMetric(pgCPU.Seconds()*1000/float64(len(jobs)), "pg-cpu-ms/req")
	}
	fmt.Fprintf(&tab, "%-22s %8s %8s %8s %8s %9s\n", "route", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean KB")
	for _, rt := range routes {
		lat := byRoute[rt.name]
		if len(lat) == 0 {
			fmt.Fprintf(&tab, "%-22s (all failed)\n", rt.name)
			continue
		}
		q := quantiles(lat)
		fmt.Fprintf(&tab, "%-22s %8.1f %8.1f %8.1f %8.1f %9.1f\n", rt.name, q[0], q[1], q[2], q[3], float64(size[rt.name])/float64(len(lat))/1e3)
	}
	if !mem.resetPeaks {
		tab.WriteString("(the peak RSS is since the process started: its mark could not be reset)\n")
	}
	b.Log("\n" + tab.String())
	q := quantiles(all)
	b.ReportMetric(q[0], "p50-ms")
	b.ReportMetric(q[1], "p95-ms")
	b.ReportMetric(q[2], "p99-ms")
	b.ReportMetric(float64(failed), "failed")
	b.ReportMetric(cpuPerReq, "cpu-ms/req")
	b.ReportMetric(float64(peakRSS)/1e6, "peak-rss-MB")
	b.ReportMetric(float64(peakAnon)/1e6, "peak-anon-MB")
	b.ReportMetric(float64(env.docs), "docs")
	if failed > 0 {
		b.Errorf("%d of %d requests failed", failed, len(jobs))
	}
}

// serveBench is a store served over real HTTP, with what the routes draw
// their paths from.
type serveBench struct {
	b      *testing.B
	dsn    string // the store's path or URL
	db     fullStore
	srv    *httptest.Server
	client *http.Client
	rng    *rand.Rand
	mu     sync.Mutex // guards rng: paths are drawn by one goroutine, but safely
	docs   int
	ents   []claimgraph.Entity
	pairs  [][2]int64 // entities named together, for edge pages
	docIDs []string
	words  []string
}

func newServeBench(b *testing.B) *serveBench {
	ctx := context.Background()
	path := os.Getenv("CLAIMGRAPH_BENCH_DB")
	if path == "" {
		path = buildBenchStore(b, 2000)
	} else if _, err := os.Stat(path); err != nil && !postgres.IsURL(path) {
		b.Fatalf("CLAIMGRAPH_BENCH_DB: %v", err)
	}
	// Opened once for writing to apply pending migrations, then read-only
	// as serve opens it.
	w, err := openDSN(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	w.Close()
	db, err := openDSN(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	env := &serveBench{b: b, dsn: path, db: db, rng: rand.New(rand.NewPCG(1, 2))}
	n, err := db.CountDocuments(ctx)
	if err != nil || n == 0 {
		b.Fatalf("%s: %d documents, %v", path, n, err)
	}
	env.docs = n
	// What users open: the entities most written about, and now and then
	// one further down the list.
	env.ents, err = db.Entities(ctx, claimgraph.EntityFilter{Limit: 1000})
	if err != nil || len(env.ents) < 3 {
		b.Fatalf("entities: %d, %v", len(env.ents), err)
	}
	for _, e := range env.ents[:min(20, len(env.ents))] {
		d, err := db.Entity(ctx, strconv.FormatInt(e.ID, 10))
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range d.CoOccurring[:min(5, len(d.CoOccurring))] {
			env.pairs = append(env.pairs, [2]int64{e.ID, c.ID})
		}
	}
	if len(env.pairs) == 0 {
		env.pairs = [][2]int64{{env.ents[0].ID, env.ents[1].ID}}
	}
	var docs []*claimgraph.Document
	for k := 0; k < 30; k++ { // documents from all over the store
		some, err := db.Documents(ctx, claimgraph.DocumentFilter{Offset: env.rng.IntN(n), Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, some...)
	}
	for _, d := range docs {
		env.docIDs = append(env.docIDs, d.ID)
	}
	env.words = searchWords(docs)
	opts := httpapi.DefaultOptions()
	opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})) // a failed request says why
	env.srv = httptest.NewServer(httpapi.New(db, opts))
	env.client = env.srv.Client()
	if t, ok := env.client.Transport.(*http.Transport); ok {
		t.MaxIdleConnsPerHost = 16 // the concurrent clients keep their connections
	}
	return env
}

func (env *serveBench) close() {
	env.srv.Close()
	env.db.Close()
}

// get fetches a path and returns how long the whole response took.
func (env *serveBench) get(p string) (time.Duration, []byte, error) {
	t0 := time.Now()
	res, err := env.client.Get(env.srv.URL + p)
	if err != nil {
		return 0, nil, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	d := time.Since(t0)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s = %d: %.200s", p, res.StatusCode, body)
	}
	return d, body, err
}

func (env *serveBench) intn(n int) int {
	env.mu.Lock()
	defer env.mu.Unlock()
	return env.rng.IntN(n)
}

// benchRoute is a kind of request and how to draw its path; single routes
// are also measured one at a time by ServeLatency.
type benchRoute struct {
	name   string
	single bool
	path   func() string
}

func (env *serveBench) routes() []benchRoute {
	entity := func() string { return strconv.FormatInt(env.ents[env.intn(len(env.ents))].ID, 10) }
	top3 := func() string { return strconv.FormatInt(env.ents[env.intn(3)].ID, 10) }
	word := func() string { return env.words[env.intn(len(env.words))] }
	doc := func() string { return env.docIDs[env.intn(len(env.docIDs))] }
	name := func() string { return env.ents[env.intn(len(env.ents))].Name }
	prefix := func() string { // what a user types into the entity filter
		r := []rune(name())
		return string(r[:min(len(r), 4)])
	}
	edge := func() string {
		p := env.pairs[env.intn(len(env.pairs))]
		return fmt.Sprintf("a=%d&b=%d", p[0], p[1])
	}
	deep := func() string { return strconv.Itoa(env.intn(env.docs)) }
	return []benchRoute{
		{"entity-page", true, func() string { return "/entities/" + entity() }},
		{"entity-page-top3", true, func() string { return "/entities/" + top3() }},
		{"entity-api", true, func() string { return "/api/entities/" + entity() }},
		{"search", true, func() string { return "/api/search?q=" + url.QueryEscape(word()+" "+word()) }},
		{"search-name", true, func() string { return "/api/search?q=" + url.QueryEscape(name()) }},
		{"search-page", true, func() string { return "/search?q=" + url.QueryEscape(word()) }},
		{"graph", true, func() string { return "/api/graph?entity=" + entity() }},
		{"graph-page", true, func() string { return "/graph?entity=" + entity() }},
		{"document", true, func() string { return "/documents/" + doc() }},
		{"home", false, func() string { return "/" }},
		{"entities-page", false, func() string { return "/entities" }},
		{"entities-page-q", false, func() string { return "/entities?q=" + url.QueryEscape(prefix()) }},
		{"entities-api", false, func() string { return "/api/entities" }},
		{"documents-page", false, func() string { return "/documents" }},
		{"documents-page-deep", false, func() string { return "/documents?offset=" + deep() }},
		{"documents-api", false, func() string { return "/api/documents" }},
		{"document-api", false, func() string { return "/api/documents/" + doc() }},
		{"quotes-page", false, func() string { return "/quotes" }},
		{"quotes-api", false, func() string { return "/api/quotes" }},
		{"quotes-api-speaker", false, func() string { return "/api/quotes?speaker=" + entity() }},
		{"quotes-api-about", false, func() string { return "/api/quotes?about=" + entity() }},
		{"claims-page", false, func() string { return "/claims" }},
		{"claims-api", false, func() string { return "/api/claims" }},
		{"claims-api-about", false, func() string { return "/api/claims?about=" + entity() }},
		{"timeline-page", false, func() string { return "/timeline" }},
		{"timeline-api", false, func() string { return "/api/timeline" }},
		{"timeline-api-entity", false, func() string { return "/api/timeline?entity=" + entity() }},
		{"reuse-page", false, func() string { return "/reuse" }},
		{"reuse-api", false, func() string { return "/api/reuse" }},
		{"outlets-api", false, func() string { return "/api/outlets" }},
		{"edge-page", false, func() string { return "/edge?" + edge() }},
		{"edge-api", false, func() string { return "/api/edge?" + edge() }},
	}
}

// pgCPU follows the CPU time of the PostgreSQL server processes serving
// one database, when the server runs on this machine: the store's work on
// PostgreSQL is done there, not in the benchmark's process.
type pgCPU struct {
	db    *sql.DB
	start map[int]time.Duration
}

// startPGCPU samples the CPU time of the database's backends (nil for a
// SQLite store, or when they cannot be read).
func startPGCPU(dsn string) *pgCPU {
	if !postgres.IsURL(dsn) {
		return nil
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil
	}
	p := &pgCPU{db: db}
	if p.start = p.sample(); p.start == nil {
		db.Close()
		return nil
	}
	return p
}

// sample reads utime+stime of each backend of the database from /proc.
func (p *pgCPU) sample() map[int]time.Duration {
	rows, err := p.db.Query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := map[int]time.Duration{}
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) != nil {
			return nil
		}
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return nil // not this machine's server
		}
		// Fields after the command (which may hold spaces) start at ')'.
		f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
		if len(f) < 13 {
			return nil
		}
		ut, _ := strconv.ParseInt(f[11], 10, 64)              // utime, field 14
		st, _ := strconv.ParseInt(f[12], 10, 64)              // stime, field 15
		out[pid] = time.Duration(ut+st) * (time.Second / 100) // USER_HZ
	}
	if rows.Err() != nil {
		return nil
	}
	return out
}

// stop returns the CPU time the backends spent since the start (-1 when
// not measured).
func (p *pgCPU) stop() time.Duration {
	if p == nil {
		return -1
	}
	defer p.db.Close()
	end := p.sample()
	if end == nil {
		return -1
	}
	var total time.Duration
	for pid, t := range end {
		total += t - p.start[pid]
	}
	return total
}

// quantiles returns p50, p95, p99 and the maximum of lat in milliseconds.
func quantiles(lat []time.Duration) [4]float64 {
	s := slices.Clone(lat)
	slices.Sort(s)
	q := func(f float64) float64 { return float64(s[int(f*float64(len(s)-1))].Microseconds()) / 1000 }
	return [4]float64{q(0.50), q(0.95), q(0.99), q(1)}
}

// memSampler follows the process's peak resident and anonymous memory.
type memSampler struct {
	done       chan struct{}
	wg         sync.WaitGroup
	peakAnon   int64
	resetPeaks bool
}

// startMemSampler resets the kernel's peak-RSS mark (clear_refs 5) and
// samples RssAnon every 10 ms until stop.
func startMemSampler() *memSampler {
	m := &memSampler{done: make(chan struct{})}
	m.resetPeaks = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			m.peakAnon = max(m.peakAnon, procStatus("RssAnon"))
			select {
			case <-m.done:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

// stop returns the peak resident set (VmHWM; since the start when the mark
// could be reset, else since the process started) and the peak anonymous
// memory sampled.
func (m *memSampler) stop() (rss, anon int64) {
	close(m.done)
	m.wg.Wait()
	return procStatus("VmHWM"), m.peakAnon
}

// procStatus reads one "kB" field of /proc/self/status in bytes (0 when
// unavailable: not Linux).
func procStatus(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n * 1024
			}
		}
	}
	return 0
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

// loadAverage returns the machine's 1-minute load average ("?" off Linux).
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/pipeline"
	"github.com/claimgraph/claimgraph/reuse"
)

// ingestSummary is what an ingest run reports.
type ingestSummary struct {
	Ingested  int      `json:"ingested"`
	Unchanged int      `json:"unchanged"`
	Failed    int      `json:"failed"`
	Notices   int      `json:"notices"`     // inputs read with a warning (e.g. not valid UTF-8)
	Recleaned int      `json:"recleaned"`   // documents re-cleaned for site boilerplate learned in this run
	Entities  int      `json:"entities"`    // entities after resolution (0 when nothing changed)
	Bytes     int64    `json:"bytes"`       // text of the documents ingested
	Input     int64    `json:"input_bytes"` // size of the input files (0 for stdin)
	Words     int      `json:"words"`
	Seconds   float64  `json:"seconds"`
	Errors    []string `json:"errors,omitempty"`
	IDs       []string `json:"ids,omitempty"`
	// reuse counts the reuse detector's work (bench reports it).
	reuse reuseCounts
}

// reuseCounts is what the reuse detector did in one run (reuse.Stats).
type reuseCounts struct {
	Lookups    int64 `json:"lookups"`    // documents looked up in the band index
	Candidates int64 `json:"candidates"` // candidates the index returned
	Verified   int64 `json:"verified"`   // compared exactly (shingle set or text)
	Redundant  int64 `json:"redundant"`  // passing pairs not kept: their passages had three earlier sources
	TextsRead  int64 `json:"texts_read"` // candidates whose text was read and aligned
}

func countsOf(s *reuse.Stats) reuseCounts {
	return reuseCounts{Lookups: s.Docs.Load(), Candidates: s.Candidates.Load(), Verified: s.Verified.Load(),
		Redundant: s.Redundant.Load(), TextsRead: s.TextsRead.Load()}
}

func cmdIngest(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("ingest", "PATH...", `
Read articles (.txt, .html/.htm, .jsonl[.gz], .warc[.gz], directories recursively,
"-" for stdin; gzip transparently) into the store. Each document is committed with
everything derived from it; a document already stored is reported unchanged. A bad
input yields one line on stderr naming the file (and record) and the reason; the
rest of the batch goes on, and the exit status is non-zero when anything failed.

JSON Lines: one article an object a line. It must have "text" (plain text) or
"html" (a page, cleaned like an .html file), a string; it may have "title",
"outlet", "author" (a string or a list of strings), "url" and "date" (ISO 8601:
2024-01-31, 2024-01-31T09:30:00Z, 20240131; a date that cannot be read leaves the
document undated, said on its line). Any other field (an "id" too: a document's
id is the hash of its text) is kept as metadata.

Plain text: the first line is the title when it reads as a headline (short, no
final period). HTML: title, outlet, author and date from the page's metadata.
WARC: every response or resource record holding HTML or text.

On a terminal a progress bar shows the share of the input read, documents/s and
the time left; a summary line ends every run. Per-document limits (names kept,
span lengths, --doc-time) are said on the document's line when they cut.`)
	db := m.dbFlag(fs)
	outlet := fs.String("outlet", "", "outlet name for every document")
	date := fs.String("date", "", "publication date (ISO 8601) for documents that carry none")
	maxDoc := fs.Int64("max-doc-bytes", ingest.DefaultMaxDocBytes, "size cap of one document")
	budget := fs.Duration("doc-time", pipeline.DefaultLimits().Budget, "time budget of one document's analysis; once spent, its remaining stages are skipped (said on its line)")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("q", false, "no progress bar")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("ingest: no path given")
	}
	store, err := m.openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	opts := ingest.DefaultOptions()
	opts.Outlet, opts.Date, opts.MaxDocBytes, opts.MaxLine = *outlet, *date, *maxDoc, *maxDoc
	lim := pipeline.DefaultLimits()
	lim.Budget = *budget
	sum, err := m.ingestRun(ctx, store, fs.Args(), opts, !*quiet && isTerminal(m.Stderr), &pipeline.Stats{}, lim)
	if err != nil {
		// Interrupted or failed: what was committed is said all the same.
		if sum != nil && !*asJSON {
			fmt.Fprintln(m.Stdout, sum.line())
		}
		return err
	}
	if *asJSON {
		sum.IDs = nil
		if err := m.printJSON(sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(m.Stdout, sum.line())
	}
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

// line is the summary a person reads: the counts, then the time and rates.
func (s *ingestSummary) line() string {
	out := fmt.Sprintf("ingested %d, unchanged %d, failed %d", s.Ingested, s.Unchanged, s.Failed)
	if s.Notices > 0 {
		out += fmt.Sprintf(", %d notice(s)", s.Notices)
	}
	if s.Seconds > 0 {
		docs := s.Ingested + s.Unchanged + s.Failed
		out += fmt.Sprintf(" in %.1f s (%.1f docs/s, %.2f MB/s of text)", s.Seconds, float64(docs)/s.Seconds, float64(s.Bytes)/1e6/s.Seconds)
	}
	return out
}

// ingest reads paths into the store, one transaction a document, reporting
// each failure on stderr as it happens.
func (m *Main) ingest(ctx context.Context, store fullStore, paths []string, opts ingest.Options, progress bool) (*ingestSummary, error) {
	return m.ingestRun(ctx, store, paths, opts, progress, &pipeline.Stats{}, pipeline.DefaultLimits())
}

// ingestWithStats is ingest without a progress bar, accumulating stage times in st.
func (m *Main) ingestWithStats(ctx context.Context, store fullStore, paths []string, opts ingest.Options, st *pipeline.Stats) (*ingestSummary, error) {
	return m.ingestRun(ctx, store, paths, opts, false, st, pipeline.DefaultLimits())
}

func (m *Main) ingestRun(ctx context.Context, store fullStore, paths []string, opts ingest.Options, progress bool, st *pipeline.Stats, lim pipeline.Limits) (*ingestSummary, error) {
	start := time.Now()
	sum := &ingestSummary{}
	p := pipeline.New()
	p.Limits = lim
	var bar *mpb.Bar
	var prog *mpb.Progress
	errw := m.Stderr      // per-document lines; above the bar while it shows
	var docs atomic.Int64 // read by the progress bar's goroutine
	total, known := ingest.InputSize(paths)
	if progress {
		prog = mpb.NewWithContext(ctx, mpb.WithOutput(m.Stderr), mpb.WithAutoRefresh(), mpb.WithWidth(100))
		errw = prog
		count := decor.Any(func(decor.Statistics) string { return fmt.Sprintf("%d docs", docs.Load()) })
		rate := decor.Any(func(decor.Statistics) string {
			if sec := time.Since(start).Seconds(); sec > 0 {
				return fmt.Sprintf("%.1f docs/s", float64(docs.Load())/sec)
			}
			return ""
		})
		if known && total > 0 {
			// The input's size is known: how much is done, how fast, and
			// how long the rest should take, from the bytes read.
			bar = prog.New(total, mpb.BarStyle(), mpb.PrependDecorators(decor.Name("ingest "), decor.Percentage(decor.WCSyncSpace)),
				mpb.AppendDecorators(count, decor.Name(" "), decor.CountersKibiByte("% .1f / % .1f"), decor.Name(" "),
					decor.AverageSpeed(decor.SizeB1024(0), "% .1f"), decor.Name(" "), rate, decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)))
		} else {
			bar = prog.New(0, mpb.SpinnerStyle(), mpb.PrependDecorators(decor.Name("ingest "), count),
				mpb.AppendDecorators(decor.Name(" "), rate))
		}
	}
	rs := &batchReuse{store: store}
	det := reuse.NewDetector(reuse.DefaultOptions(), rs, rs.Texts)
	det.UseSets(rs.ShingleSets)
	// Documents are committed in groups (at most maxBatchDocs, or what
	// arrived within maxBatchWait, or whatever is ready when the workers
	// have nothing more yet): one commit writes the pages the documents
	// share once instead of once per document.
	var batch claimgraph.Batch
	var batchStart time.Time
	flush := func() error {
		if batch == nil {
			return nil
		}
		t := time.Now()
		err := batch.Commit()
		batch, rs.batch = nil, nil
		st.Merge(&pipeline.Stats{Time: map[string]time.Duration{"store": time.Since(t)}})
		return err
	}
	defer func() {
		if batch != nil {
			batch.Rollback()
		}
	}()
	// Documents are analysed by a pool of workers and committed one by one,
	// in input order, by this goroutine: text reuse is found against the
	// documents committed before, and a killed run has committed a prefix.
	commit := func(j *ingestJob) error {
		docs.Add(1)
		if bar != nil {
			if known && total > 0 {
				defer bar.SetCurrent(min(j.it.Read, total))
			} else {
				defer bar.Increment()
			}
		}
		st.Merge(&j.st)
		it := j.it
		if it.Skipped {
			sum.Notices++
			fmt.Fprintf(errw, "claimgraph: ingest: %s: %s\n", esc(it.Source), esc(it.Err.Error()))
			return nil
		}
		if it.Err != nil {
			sum.Failed++
			msg := fmt.Sprintf("%s: %v", it.Source, it.Err)
			sum.Errors = append(sum.Errors, msg)
			fmt.Fprintln(errw, "claimgraph: ingest:", esc(msg))
			return nil
		}
		if j.err != nil {
			return j.err
		}
		d := it.Doc
		switch d.Encoding {
		case ingest.EncWindows1252, ingest.EncUTF8Lossy:
			// Not a failure, but said: the text was not valid UTF-8.
			sum.Notices++
			fmt.Fprintf(errw, "claimgraph: ingest: %s: not valid UTF-8; decoded as %s\n", esc(it.Source), d.Encoding)
		}
		if it.Notice != "" {
			sum.Notices++
			fmt.Fprintf(errw, "claimgraph: ingest: %s: %s\n", esc(it.Source), esc(it.Notice))
		}
		if j.stored {
			sum.Unchanged++
			return nil
		}
		for _, n := range j.st.Notes {
			// What the per-document limits cut, on the document's line.
			sum.Notices++
			fmt.Fprintf(errw, "claimgraph: ingest: %s: limit: %s\n", esc(it.Source), n)
		}
		if batch == nil {
			b, err := store.BeginBatch(ctx)
			if err != nil {
				return err
			}
			batch, batchStart = b, time.Now()
			rs.batch, _ = b.(reuseSource)
		}
		if err := p.Relate(ctx, det, d, j.a, j.self, st); err != nil {
			return err
		}
		t := time.Now()
		created, err := batch.PutDocument(ctx, d, j.a)
		if err != nil {
			return err
		}
		st.Merge(&pipeline.Stats{Time: map[string]time.Duration{"store": time.Since(t)}})
		if batch.Len() >= maxBatchDocs || time.Since(batchStart) >= maxBatchWait {
			if err := flush(); err != nil {
				return err
			}
		}
		if created {
			sum.Ingested++
			sum.Bytes += int64(len(d.Text))
			sum.IDs = append(sum.IDs, d.ID)
		} else {
			sum.Unchanged++
		}
		return nil
	}
	analyse := func(ctx context.Context, j *ingestJob) {
		if j.it.Err != nil {
			return
		}
		d := j.it.Doc
		j.self = p.Prepare(d, &j.st)
		if ok, err := store.HasDocument(ctx, d.ID); err != nil {
			j.err = err
		} else if ok {
			j.stored = true
		} else {
			j.a = p.Analyze(d, &j.st)
		}
	}
	err := runOrdered(ctx, runtime.GOMAXPROCS(0), func(ctx context.Context, emit func(*ingestJob) error) error {
		return ingest.Read(ctx, paths, m.Stdin, opts, func(it ingest.Item) error { return emit(&ingestJob{it: it}) })
	}, analyse, commit, flush)
	if err == nil {
		err = flush()
	}
	if prog != nil {
		bar.SetTotal(-1, true)
		prog.Wait()
	}
	sum.Input = total
	sum.Words = st.Words
	sum.reuse = countsOf(det.Stats())
	if err != nil {
		sum.Seconds = time.Since(start).Seconds()
		return sum, fmt.Errorf("ingest: %w", err)
	}
	if sum.Recleaned, err = learnBoilerplate(ctx, store, p); err != nil {
		return sum, fmt.Errorf("ingest: %w", err)
	}
	t := time.Now()
	if res, err := resolveEntities(ctx, store, false); err != nil {
		return sum, fmt.Errorf("ingest: resolve entities: %w", err)
	} else if res != nil {
		sum.Entities = len(res.Entities)
	}
	if st.Time == nil {
		st.Time = map[string]time.Duration{}
	}
	st.Time["resolve"] += time.Since(t)
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// Group commit bounds: a batch holds the SQLite write lock while it is
// open, so it stays short next to the other writers' 10 s busy timeout.
const (
	maxBatchDocs = 256
	maxBatchWait = 2 * time.Second
	idleAfter    = 500 * time.Millisecond
)

// reuseSource is a store or a batch the reuse detector reads.
type reuseSource interface {
	ReuseIndex() reuse.Index
	Texts(ctx context.Context, doc string) (reuse.Text, error)
	ShingleSets(ctx context.Context, docs []string) (map[string][]uint32, error)
}

// batchReuse points the reuse detector at the open batch when there is
// one, so a document finds copies among those before it in its batch.
type batchReuse struct {
	store reuseSource
	batch reuseSource
}

func (b *batchReuse) src() reuseSource {
	if b.batch != nil {
		return b.batch
	}
	return b.store
}

func (b *batchReuse) Add(ctx context.Context, doc string, sig reuse.Signature, bands []uint64) error {
	return b.src().ReuseIndex().Add(ctx, doc, sig, bands)
}

func (b *batchReuse) Candidates(ctx context.Context, bands []uint64) ([]reuse.Candidate, error) {
	return b.src().ReuseIndex().Candidates(ctx, bands)
}

func (b *batchReuse) Texts(ctx context.Context, doc string) (reuse.Text, error) {
	return b.src().Texts(ctx, doc)
}

func (b *batchReuse) ShingleSets(ctx context.Context, docs []string) (map[string][]uint32, error) {
	return b.src().ShingleSets(ctx, docs)
}

// ingestJob is one input item on its way through the workers.
type ingestJob struct {
	seq    int
	it     ingest.Item
	stored bool                  // already in the store: nothing to do
	self   *claimgraph.ReusePair // passages the document repeats inside itself
	a      *claimgraph.Analysis
	err    error
	st     pipeline.Stats
}

// runOrdered reads jobs with read, runs work on them with n workers, and
// calls commit for each job in the order read, from the calling goroutine;
// idle (when not nil) is called from it too, when no job came for idleAfter.
// The first error of read, commit or idle cancels the rest and is returned.
func runOrdered(ctx context.Context, n int, read func(context.Context, func(*ingestJob) error) error,
	work func(context.Context, *ingestJob), commit func(*ingestJob) error, idle func() error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *ingestJob, 2*n)
	results := make(chan *ingestJob, 2*n)
	readErr := make(chan error, 1)
	go func() {
		seq := 0
		err := read(ctx, func(j *ingestJob) error {
			j.seq = seq
			seq++
			select {
			case jobs <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(jobs)
		readErr <- err
	}()
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() == nil {
					work(ctx, j)
				}
				results <- j
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	pending := map[int]*ingestJob{}
	next := 0
	var firstErr error
	for {
		var j *ingestJob
		var ok bool
		select {
		case j, ok = <-results:
		case <-time.After(idleAfter):
			// Nothing came for a while: let the caller finish what it
			// holds (an open batch) rather than keep it while a worker is
			// busy with a long document.
			if idle != nil && firstErr == nil {
				if err := idle(); err != nil {
					firstErr = err
					cancel()
				}
			}
			j, ok = <-results
		}
		if !ok {
			break
		}
		if firstErr != nil {
			continue // drain
		}
		pending[j.seq] = j
		for pj := pending[next]; pj != nil; pj = pending[next] {
			delete(pending, next)
			next++
			if err := commit(pj); err != nil {
				firstErr = err
				cancel()
				break
			}
		}
	}
	if err := <-readErr; firstErr == nil && err != nil {
		firstErr = err
	}
	return firstErr
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

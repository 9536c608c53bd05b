package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/pipeline"
)

// benchReport is what bench prints.
type benchReport struct {
	Store        string             `json:"store"` // sqlite or postgres
	Documents    int                `json:"documents"`
	Failed       int                `json:"failed"`
	Bytes        int64              `json:"bytes"`
	Words        int                `json:"words"`
	Seconds      float64            `json:"seconds"`
	DocsPerSec   float64            `json:"docs_per_sec"`
	WordsPerSec  float64            `json:"words_per_sec"`
	CPUSeconds   float64            `json:"cpu_seconds"`          // user + system time of this process
	WordsPerCPU  float64            `json:"words_per_cpu_second"` // words / CPU-seconds: throughput per core, whatever the core count
	MBPerSec     float64            `json:"mb_per_sec"`
	PeakRSSBytes int64              `json:"peak_rss_bytes"`
	Stages       map[string]float64 `json:"stage_seconds"`
	Reuse        reuseCounts        `json:"reuse"` // the reuse detector's work
}

func cmdBench(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("bench", "PATH...", `
Ingest PATHs into a throw-away store and report documents/s, words/s, MB/s,
peak resident memory and the time spent in each stage.`)
	asJSON := fs.Bool("json", false, "print JSON")
	keep := fs.String("db", "", "store to ingest into: a SQLite file or a postgres:// URL (default: a temporary SQLite file, removed afterwards)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) of the run to this file")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("bench: no path given")
	}
	path := *keep
	if path == "" {
		dir, err := os.MkdirTemp("", "claimgraph-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	store, err := m.openStore(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	// Failures are counted, not printed line by line: bench measures.
	quiet := *m
	quiet.Stderr = discard{}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	st := &pipeline.Stats{}
	cpu0 := cpuTime()
	start := time.Now()
	sum, err := quiet.ingestWithStats(ctx, store, fs.Args(), ingest.DefaultOptions(), st)
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	cpu := (cpuTime() - cpu0).Seconds()
	r := benchReport{Store: store.Dialect(), CPUSeconds: cpu, Documents: sum.Ingested + sum.Unchanged, Failed: sum.Failed, Bytes: sum.Bytes, Words: sum.Words,
		Seconds: secs, PeakRSSBytes: peakRSS(), Stages: map[string]float64{}, Reuse: sum.reuse}
	if secs > 0 {
		r.DocsPerSec = float64(r.Documents) / secs
		r.WordsPerSec = float64(r.Words) / secs
		r.MBPerSec = float64(r.Bytes) / 1e6 / secs
	}
	if cpu > 0 {
		r.WordsPerCPU = float64(r.Words) / cpu
	}
	for k, v := range st.Time {
		r.Stages[k] = v.Seconds()
	}
	if *asJSON {
		return m.printJSON(r)
	}
	fmt.Fprintf(m.Stdout, "store      %s\ndocuments  %d (%d failed)\nwords      %d\nbytes      %d\nseconds    %.3f\ncpu secs   %.3f\ndocs/s     %.1f\nwords/s    %.0f\nwords/cpu-s %.0f\nMB/s       %.2f\npeak RSS   %.1f MiB\n",
		r.Store, r.Documents, r.Failed, r.Words, r.Bytes, r.Seconds, r.CPUSeconds, r.DocsPerSec, r.WordsPerSec, r.WordsPerCPU, r.MBPerSec, float64(r.PeakRSSBytes)/(1<<20))
	var names []string
	for k := range r.Stages {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(m.Stdout, "stage %-8s %.3fs\n", k, r.Stages[k])
	}
	if u := r.Reuse; u.Lookups > 0 {
		n := float64(u.Lookups)
		fmt.Fprintf(m.Stdout, "reuse      %.1f candidates, %.1f verified, %.1f redundant, %.1f texts read a document\n",
			float64(u.Candidates)/n, float64(u.Verified)/n, float64(u.Redundant)/n, float64(u.TextsRead)/n)
	}
	return nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// cpuTime returns the user and system CPU time this process has used.
// A PostgreSQL server's own CPU time is not in it: bench into PostgreSQL
// reports the client's share.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS returns the process's peak resident set size in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024 // Linux reports kilobytes
}

package nlp

import (
	"bytes"
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

// tokenMeter reports a benchmark's throughput in tokens per second of wall
// time ("tokens/s") and, where the process's CPU time can be read, per
// second of CPU time ("tokens/cpu-s"). On a machine shared with other work
// the second is steadier: time the benchmark waits for a core does not
// count. Call begin at the top of every iteration, after setup.
type tokenMeter struct {
	n       int
	cpu     float64
	started bool
}

func (m *tokenMeter) begin() {
	if !m.started {
		m.started = true
		m.cpu = processCPU()
	}
}

func (m *tokenMeter) report(b *testing.B) {
	b.ReportMetric(float64(m.n)/b.Elapsed().Seconds(), "tokens/s")
	if m.cpu >= 0 {
		if d := processCPU() - m.cpu; d > 0 {
			b.ReportMetric(float64(m.n)/d, "tokens/cpu-s")
		}
	}
}

// benchSentences tokenizes the bench text once for the tagger benchmarks.
func benchSentences(b *testing.B) ([]Token, []Sentence) {
	text := benchText(b)
	toks := Tokenize(text)
	return toks, SplitSentences(text, toks)
}

func BenchmarkPOS(b *testing.B) {
	toks, sents := benchSentences(b)
	tg := Default().POS()
	b.ReportAllocs()
	var m tokenMeter
	for b.Loop() {
		m.begin()
		for _, s := range sents {
			tg.TagTokens(toks[s.First:s.Limit])
		}
		m.n += len(toks)
	}
	m.report(b)
}

func BenchmarkNER(b *testing.B) {
	toks, sents := benchSentences(b)
	p := Default()
	// POS tags are NER features: tag once, time recognition alone.
	ctxs := make([]*sentCtx, len(sents))
	for i, s := range sents {
		ctxs[i] = getCtx(toks[s.First:s.Limit])
		p.pos.tag(ctxs[i])
	}
	b.ReportAllocs()
	var m tokenMeter
	for b.Loop() {
		m.begin()
		for _, c := range ctxs {
			p.ner.recognize(c)
		}
		m.n += len(toks)
	}
	m.report(b)
}

// BenchmarkAnalyze times the whole pipeline: tokenize, split, POS, lemmas,
// NER and document-level propagation.
func BenchmarkAnalyze(b *testing.B) {
	p := Default()
	benchAnalyze(b, func() *Pipeline { return p })
}

// BenchmarkAnalyzeColdCache is BenchmarkAnalyze with the word caches (the
// tagger's and the context net's) emptied before each pass over the text:
// words repeated within the text still hit them, words seen in earlier
// passes do not. BenchmarkAnalyze runs with the caches warm, as a
// long-running process over news would.
func BenchmarkAnalyzeColdCache(b *testing.B) {
	p := Default()
	benchAnalyze(b, func() *Pipeline {
		return NewPipeline(p.pos.withCache(newPosCache()), coldNER(p.ner)).WithAgreement(coldNERs(p.agree)...)
	})
}

// coldNERs returns cold copies (coldNER) of ns.
func coldNERs(ns []*NER) []*NER {
	out := make([]*NER, len(ns))
	for i, n := range ns {
		out[i] = coldNER(n)
	}
	return out
}

// coldNER returns a copy of n whose context net has an empty word cache
// (nil for nil).
func coldNER(n *NER) *NER {
	if n == nil {
		return nil
	}
	m := *n
	if n.ctx != nil {
		net := *n.ctx
		net.cache = newFormCache[ctxWord](ctxCacheBits)
		m.ctx = &net
	}
	return &m
}

// benchAnalyze times Analyze over the benchmark text with the pipeline
// pipe returns before each pass.
func benchAnalyze(b *testing.B, pipe func() *Pipeline) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var m tokenMeter
	for b.Loop() {
		m.begin()
		m.n += len(pipe().Analyze(text).Tokens)
	}
	m.report(b)
}

// BenchmarkLoadNER times reading the embedded recognizer, which a process
// does once: its weights, the context net with its projected vectors, the
// word classes and the merged lexicon (the gazetteer is parsed once per
// process and not timed here after the first load).
func BenchmarkLoadNER(b *testing.B) {
	data, err := models.ReadFile("models/ner.gz")
	if err != nil {
		b.Skip("no embedded NER model")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadNER(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

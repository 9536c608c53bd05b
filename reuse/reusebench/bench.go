package reusebench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/reuse"
)

// Config says what to measure.
type Config struct {
	Docs     []Doc         // real documents (Load)
	Seed     uint64        // seeds every random choice
	Sizes    []int         // corpus sizes for timing; none skips timing
	Probe    int           // documents added and timed at each size
	MinWords int           // originals shorter than this are skipped
	Splice   bool          // timing corpus of spliced half-sentences (see synth)
	Options  reuse.Options // detector settings
	Logf     func(format string, args ...any)
}

// DefaultConfig measures docs at 1k, 10k and 100k documents.
func DefaultConfig(docs []Doc) Config {
	return Config{Docs: docs, Seed: 1, Sizes: []int{1000, 10000, 100000}, Probe: 300, MinWords: 80, Splice: true, Options: reuse.DefaultOptions()}
}

// Score is precision and recall over counted items.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

func score(correct, predicted, gold int) Score {
	s := Score{Gold: gold, Predicted: predicted, Correct: correct,
		Precision: eval.Ratio(correct, predicted), Recall: eval.Ratio(correct, gold)}
	s.F1 = eval.Harmonic(s.Precision, s.Recall)
	return s
}

// EditScore is the pair detection score of one edit kind, with the mean
// share of text the copies keep (copied words over the longer side) and
// the word-level score of passage alignment on the gold pairs.
type EditScore struct {
	Score
	MeanShare float64 `json:"mean_share"`
	Alignment Score   `json:"alignment"`
}

// Timing is the cost of adding a document to a corpus of Size documents.
type Timing struct {
	Size          int     `json:"size"`
	MsPerDoc      float64 `json:"ms_per_doc"`         // wall time
	CPUMsPerDoc   float64 `json:"cpu_ms_per_doc"`     // process CPU time (GC included); 0 when unknown
	Candidates    float64 `json:"candidates_per_doc"` // returned by the index
	Verified      float64 `json:"verified_per_doc"`   // compared exactly
	CopiesFound   int     `json:"copies_found"`       // probe copies paired with their source
	CopiesProbed  int     `json:"copies_probed"`
	BuildSeconds  float64 `json:"build_seconds"` // time to grow the corpus to Size
	IndexedAtEnd  int     `json:"indexed"`
	ProbeAdded    int     `json:"probe_added"`
	MsPerDocBuild float64 `json:"ms_per_doc_build"` // mean over the growth to Size
}

// Report is the result, shaped for "claimgraph eval reuse --json".
type Report struct {
	Task      string  `json:"task"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	// Share50 scores copies keeping at least half of the text (all kinds but
	// excerpt); its predicted count includes every false pair of those runs.
	Share50 Score `json:"share50"`
	// Excerpt30 scores excerpts of 30-50% of an article, found by containment.
	Excerpt30 Score `json:"excerpt30"`
	Alignment Score `json:"alignment"`
	// Boilerplate scores site boilerplate learning, line by line.
	Boilerplate Score                `json:"boilerplate_lines"`
	ByEdit      map[string]EditScore `json:"by_edit"`
	Timing      []Timing             `json:"timing"`
	Originals   int                  `json:"originals"`
	// FalsePairs lists up to 20 wrong pairs for inspection.
	FalsePairs []string `json:"false_pairs,omitempty"`
}

// Run measures pair detection and alignment per edit kind, then timing.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	origs := originals(cfg.Docs, cfg.MinWords)
	if len(origs) == 0 {
		return nil, fmt.Errorf("reuse benchmark: no document has %d words or more", cfg.MinWords)
	}
	var fillers []Doc
	for _, d := range cfg.Docs {
		if d.Words() < cfg.MinWords {
			fillers = append(fillers, d)
		}
	}
	if len(fillers) == 0 {
		fillers = cfg.Docs
	}
	pl := newPool(fillers)
	rep := &Report{Task: "reuse", ByEdit: map[string]EditScore{}, Originals: len(origs)}
	var all, s50, ex, al [3]int // correct, predicted, gold
	for ki, kind := range EditKinds {
		es, err := runKind(ctx, cfg, origs, pl, kind, uint64(ki), rep)
		if err != nil {
			return nil, err
		}
		rep.ByEdit[kind] = es.EditScore
		add3(&all, es.Correct, es.Predicted, es.Gold)
		add3(&al, es.Alignment.Correct, es.Alignment.Predicted, es.Alignment.Gold)
		if kind == "excerpt" {
			add3(&ex, es.Correct, es.Predicted, es.Gold)
		} else {
			add3(&s50, es.share50[0], es.share50[1], es.share50[2])
		}
		logf("%-20s P %.3f R %.3f (gold %d) share %.2f align P %.3f R %.3f", kind, es.Precision, es.Recall, es.Gold, es.MeanShare, es.Alignment.Precision, es.Alignment.Recall)
	}
	s := score(all[0], all[1], all[2])
	rep.Precision, rep.Recall, rep.F1, rep.Gold, rep.Predicted = s.Precision, s.Recall, s.F1, s.Gold, s.Predicted
	rep.Share50, rep.Excerpt30, rep.Alignment = score(s50[0], s50[1], s50[2]), score(ex[0], ex[1], ex[2]), score(al[0], al[1], al[2])
	rep.Boilerplate = runBoilerplate(origs, pl, cfg.Seed)
	logf("boilerplate lines    P %.3f R %.3f (gold %d)", rep.Boilerplate.Precision, rep.Boilerplate.Recall, rep.Boilerplate.Gold)
	if len(cfg.Sizes) > 0 {
		ts, err := runTiming(ctx, cfg, newPool(cfg.Docs), logf)
		if err != nil {
			return nil, err
		}
		rep.Timing = ts
	}
	return rep, nil
}

func add3(a *[3]int, c, p, g int) { a[0] += c; a[1] += p; a[2] += g }

// originals keeps the documents long enough to be articles, once per text.
func originals(docs []Doc, minWords int) []Doc {
	seen := map[string]bool{}
	var out []Doc
	for _, d := range docs {
		if d.Words() < minWords {
			continue
		}
		id := claimgraph.DocumentID(pageOf(d).render().text)
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, d)
	}
	return out
}

type kindResult struct {
	EditScore
	share50 [3]int
}

func runKind(ctx context.Context, cfg Config, origs []Doc, pl *pool, kind string, ki uint64, rep *Report) (kindResult, error) {
	r := rand.New(rand.NewPCG(cfg.Seed, 1000+ki))
	texts := map[string]reuse.Text{}
	src := func(_ context.Context, doc string) (reuse.Text, error) {
		t, ok := texts[doc]
		if !ok {
			return reuse.Text{}, claimgraph.Errorf(claimgraph.ENOTFOUND, "no text for %s", doc)
		}
		return t, nil
	}
	det := reuse.NewDetector(cfg.Options, reuse.NewMemIndex(), src)
	type gold struct {
		orig, copy rendered
		share      float64
	}
	golds := map[string]gold{} // by copy id
	var order []string
	var copies []string
	for i, d := range origs {
		op := pageOf(d)
		oid := fmt.Sprintf("o%d", i)
		orend := op.render()
		texts[oid] = reuse.Text{Doc: oid, Text: orend.text}
		order = append(order, oid)
		cp, ok := edit(kind, op, r, pl)
		if !ok {
			continue
		}
		cid := fmt.Sprintf("c%d", i)
		crend := cp.render()
		texts[cid] = reuse.Text{Doc: cid, Text: crend.text}
		copies = append(copies, cid)
		share := float64(cp.copied()) / float64(max(op.words(), cp.words()))
		golds[cid] = gold{orig: orend, copy: crend, share: share}
	}
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	r.Shuffle(len(copies), func(i, j int) { copies[i], copies[j] = copies[j], copies[i] })
	predicted := map[[2]string]bool{}
	for _, id := range append(order, copies...) {
		pairs, err := det.Add(ctx, texts[id])
		if err != nil {
			return kindResult{}, fmt.Errorf("reuse benchmark %s: %w", kind, err)
		}
		for _, p := range pairs {
			predicted[[2]string{min(p.DocA, p.DocB), max(p.DocA, p.DocB)}] = true
		}
	}
	var res kindResult
	correct, c50, g50 := 0, 0, 0
	var wrong []string
	for k := range predicted {
		if isGold(k) {
			correct++
		} else {
			wrong = append(wrong, k[0]+"~"+k[1])
		}
	}
	slices.Sort(wrong)
	for _, w := range wrong {
		if len(rep.FalsePairs) < 20 {
			rep.FalsePairs = append(rep.FalsePairs, kind+": "+w)
		}
	}
	var shareSum float64
	var aw [3]int
	for cid, g := range golds {
		oid := "o" + strings.TrimPrefix(cid, "c")
		found := predicted[[2]string{min(oid, cid), max(oid, cid)}]
		if g.share >= 0.5 {
			g50++
			if found {
				c50++
			}
		}
		shareSum += g.share
		ps := reuse.Align(g.orig.text, g.copy.text, nil, nil, cfg.Options.Align)
		c, p, n := alignScore(g.orig, g.copy, ps)
		add3(&aw, c, p, n)
	}
	res.Score = score(correct, len(predicted), len(golds))
	if len(golds) > 0 {
		res.MeanShare = shareSum / float64(len(golds))
	}
	res.Alignment = score(aw[0], aw[1], aw[2])
	res.share50 = [3]int{c50, c50 + len(wrong), g50}
	return res, ctx.Err()
}

// isGold reports whether a pair is an original and its own copy.
func isGold(k [2]string) bool {
	a, b := k[0], k[1]
	if a[0] == b[0] {
		return false
	}
	return a[1:] == b[1:]
}

// alignScore counts, on both sides, the words that passages cover against
// the words really shared: a copy's word is shared when it came from the
// original, an original's word when the copy kept it.
func alignScore(orig, cp rendered, ps []claimgraph.Passage) (correct, predicted, gold int) {
	kept := map[int]bool{}
	for _, o := range cp.orig {
		if o >= 0 {
			kept[o] = true
		}
	}
	inA := func(s [2]int) bool {
		for _, p := range ps {
			if s[0] >= p.AStart && s[1] <= p.AEnd {
				return true
			}
		}
		return false
	}
	inB := func(s [2]int) bool {
		for _, p := range ps {
			if s[0] >= p.BStart && s[1] <= p.BEnd {
				return true
			}
		}
		return false
	}
	count := func(spans [][2]int, shared func(int) bool, in func([2]int) bool) {
		for i, s := range spans {
			if !hasWord(s, orig, cp) {
				continue
			}
			g, p := shared(i), in(s)
			if g {
				gold++
			}
			if p {
				predicted++
			}
			if g && p {
				correct++
			}
		}
	}
	count(orig.spans, func(i int) bool { return kept[i] }, inA)
	count(cp.spans, func(i int) bool { return cp.orig[i] >= 0 }, inB)
	return correct, predicted, gold
}

// hasWord is true for every token: punctuation tokens (MEANTIME writes
// "," as a word) are counted too, since a passage should cover them.
func hasWord([2]int, rendered, rendered) bool { return true }

// synth builds synthetic document k of the timing corpus from real text:
// 5-9 paragraphs of 3-5 sentences (about 400 words, the length of a news
// article). With splice false each sentence is a real sentence drawn from
// the pool, so at 100k documents each sentence recurs in about 150 of them
// and the share of documents overlapping a new one by 10-20% grows with the
// corpus. With splice true each sentence is the first half of one real
// sentence joined to the second half of another: documents still share
// fragments of real text with many others (not trivially distinct), but the
// density of substantial overlaps stays what it is at 1k, as in a real
// archive where how much an article shares with others does not depend on
// how many unrelated articles were stored before it.
func synth(pl *pool, seed uint64, k int, splice bool) Doc {
	r := rand.New(rand.NewPCG(seed, uint64(k)+1<<40))
	d := Doc{ID: fmt.Sprintf("s%d", k)}
	pick := func() string { return pl.sentences[r.IntN(len(pl.sentences))] }
	for range 5 + r.IntN(5) {
		var para []string
		for range 3 + r.IntN(3) {
			if !splice {
				para = append(para, pick())
				continue
			}
			a, b := strings.Fields(pick()), strings.Fields(pick())
			para = append(para, strings.Join(append(a[:len(a)/2:len(a)/2], b[len(b)/2:]...), " "))
		}
		d.Paras = append(d.Paras, para)
	}
	return d
}

// synthText renders synthetic document k the way pageOf(...).render()
// would, without the per-word bookkeeping the timing corpus does not need.
func synthText(pl *pool, seed uint64, k int, splice bool) string {
	d := synth(pl, seed, k, splice)
	var b strings.Builder
	for i, para := range d.Paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, s := range para {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(strings.Fields(s), " "))
		}
	}
	return b.String()
}

func runTiming(ctx context.Context, cfg Config, pl *pool, logf func(string, ...any)) ([]Timing, error) {
	sizes := slices.Clone(cfg.Sizes)
	slices.Sort(sizes)
	probeCopies := map[string]reuse.Text{}
	src := func(_ context.Context, doc string) (reuse.Text, error) {
		if t, ok := probeCopies[doc]; ok {
			return t, nil
		}
		var k int
		if _, err := fmt.Sscanf(doc, "s%d", &k); err != nil {
			return reuse.Text{}, claimgraph.Errorf(claimgraph.ENOTFOUND, "no text for %s", doc)
		}
		return reuse.Text{Doc: doc, Text: synthText(pl, cfg.Seed, k, cfg.Splice)}, nil
	}
	idx := reuse.NewMemIndex()
	det := reuse.NewDetector(cfg.Options, idx, src)
	r := rand.New(rand.NewPCG(cfg.Seed, 7))
	next := 0
	probe := max(cfg.Probe, 1)
	var out []Timing
	for _, size := range sizes {
		start := time.Now()
		grown := 0
		for idx.Len() < size {
			id := fmt.Sprintf("s%d", next)
			text := synthText(pl, cfg.Seed, next, cfg.Splice)
			next++
			if _, err := det.Add(ctx, reuse.Text{Doc: id, Text: text}); err != nil {
				return nil, fmt.Errorf("grow corpus: %w", err)
			}
			grown++
		}
		build := time.Since(start)
		st := det.Stats()
		c0, v0 := st.Candidates.Load(), st.Verified.Load()
		t := Timing{Size: idx.Len(), BuildSeconds: build.Seconds()}
		if grown > 0 {
			t.MsPerDocBuild = float64(build.Microseconds()) / 1000 / float64(grown)
		}
		// Prepare the probe texts first so that only Add is timed.
		type probeDoc struct {
			text   reuse.Text
			source string
		}
		var docs []probeDoc
		for m := range probe {
			if m%3 == 0 {
				k := r.IntN(next)
				orig := synth(pl, cfg.Seed, k, cfg.Splice)
				cp, _ := edit("mixed", pageOf(orig), r, pl)
				id := fmt.Sprintf("p%d-%d", size, m)
				tx := reuse.Text{Doc: id, Text: cp.render().text}
				probeCopies[id] = tx
				docs = append(docs, probeDoc{tx, orig.ID})
				continue
			}
			d := synth(pl, cfg.Seed, next, cfg.Splice)
			next++
			docs = append(docs, probeDoc{text: reuse.Text{Doc: d.ID, Text: pageOf(d).render().text}})
		}
		runtime.GC() // do not bill the probe for the growth's garbage
		start = time.Now()
		cpu0 := cpuTime()
		for _, pd := range docs {
			pairs, err := det.Add(ctx, pd.text)
			if err != nil {
				return nil, fmt.Errorf("probe: %w", err)
			}
			if pd.source != "" {
				t.CopiesProbed++
				for _, p := range pairs {
					if p.DocA == pd.source {
						t.CopiesFound++
						break
					}
				}
			}
		}
		el := time.Since(start)
		t.CPUMsPerDoc = float64((cpuTime() - cpu0).Microseconds()) / 1000 / float64(len(docs))
		t.ProbeAdded = len(docs)
		t.MsPerDoc = float64(el.Microseconds()) / 1000 / float64(len(docs))
		t.Candidates = float64(st.Candidates.Load()-c0) / float64(len(docs))
		t.Verified = float64(st.Verified.Load()-v0) / float64(len(docs))
		t.IndexedAtEnd = idx.Len()
		logf("size %7d: %.3f ms/doc (CPU %.3f), %.1f candidates, %.2f verified per doc; copies found %d/%d; built in %.1fs",
			t.Size, t.MsPerDoc, t.CPUMsPerDoc, t.Candidates, t.Verified, t.CopiesFound, t.CopiesProbed, t.BuildSeconds)
		out = append(out, t)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

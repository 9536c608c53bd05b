// Package pipeline chains claimgraph's stages for one document: cleaning
// (regions of the original text), then analysis of the main text (tokens,
// sentences, part of speech, entities), then the extractors (aliases and
// mention chains, quotes, claims, time expressions). The wiring is explicit:
// each stage is a plain function of its package, called in order here.
package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/clean"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/extract/claim"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/extract/timex"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
	"github.com/claimgraph/claimgraph/reuse"
)

// Version names the analysis (rules and models); stored with each analysis.
const Version = "claimgraph-analysis-16"

// Stage names, in order, as reported by Stats.
const (
	StageClean    = "clean"
	StageNLP      = "nlp"
	StageTimex    = "timex"
	StageMentions = "mentions"
	StageQuotes   = "quotes"
	StageClaims   = "claims"
	StageReuse    = "reuse"
)

// Stats accumulates time spent per stage.
type Stats struct {
	Time  map[string]time.Duration
	Words int // words of main text analysed
	// Notes says what the limits cut from one document's analysis ("kept
	// the first 20000 mentions of 31544"); one document's Stats only, not
	// merged, so a caller reports them on the document's line.
	Notes []string
}

func (s *Stats) note(format string, args ...any) {
	if s != nil {
		s.Notes = append(s.Notes, fmt.Sprintf(format, args...))
	}
}

// Limits bound the analysis of one document, so that its cost grows
// linearly with its size and no document under the size cap runs for
// long. The sentence length is bounded by nlp.MaxSentenceTokens and the
// co-occurrence pairs by the store.
type Limits struct {
	MaxMentions   int           // names kept, in text order; 0: no cap
	MaxSpanBytes  int           // longest mention kept (a name is not a paragraph); 0: no cap
	MaxQuoteBytes int           // longest quote kept; 0: no cap
	Budget        time.Duration // once spent, the remaining stages are skipped; 0: none
}

// DefaultLimits are far above what a news article reaches (a long one
// names a few hundred actors).
func DefaultLimits() Limits {
	return Limits{MaxMentions: 20000, MaxSpanBytes: 512, MaxQuoteBytes: 8192, Budget: 60 * time.Second}
}

// Merge adds o's times and words to s.
func (s *Stats) Merge(o *Stats) {
	if s.Time == nil {
		s.Time = map[string]time.Duration{}
	}
	for k, v := range o.Time {
		s.Time[k] += v
	}
	s.Words += o.Words
}

func (s *Stats) add(stage string, since time.Time) {
	if s == nil {
		return
	}
	if s.Time == nil {
		s.Time = map[string]time.Duration{}
	}
	s.Time[stage] += time.Since(since)
}

// Pipeline runs the stages. The zero value is not usable: use New.
type Pipeline struct {
	Limits Limits
	clean  clean.Options
	nlp    *nlp.Pipeline
}

// New returns a pipeline with the default options of every stage.
func New() *Pipeline {
	co := clean.DefaultOptions()
	return &Pipeline{Limits: DefaultLimits(), clean: co, nlp: nlp.Default()}
}

// Prepare gives a freshly read document its identity, a title where the
// input had none, and its regions. It does not analyse the text.
//
// It returns the passages the document repeats inside itself as a reuse
// pair of the document with itself (nil when none), found by the cleaner
// while it marks the repeated regions; Relate stores it.
func (p *Pipeline) Prepare(d *claimgraph.Document, st *Stats) *claimgraph.ReusePair {
	defer st.add(StageClean, time.Now())
	if d.ID == "" {
		d.ID = claimgraph.DocumentID(d.Text)
	}
	d.Bytes = len(d.Text)
	if d.Title == "" && d.Format == "txt" {
		d.Title = headline(d.Text)
	}
	var repeats []claimgraph.Passage
	opts := p.clean
	opts.Repeats = func(text string, ranges [][2]int) []claimgraph.Passage {
		repeats = reuse.Repeats(text, ranges)
		return repeats
	}
	d.Regions = clean.Regions(d.Text, d.Author, opts)
	if len(repeats) == 0 {
		return nil
	}
	text, repeated := 0, 0
	for _, r := range d.Regions {
		if r.Kind == claimgraph.RegionMain || r.Kind == claimgraph.RegionRepeated {
			text += r.End - r.Start
		}
	}
	for _, r := range repeats {
		repeated += r.BEnd - r.BStart
	}
	share := 0.0
	if text > 0 {
		share = float64(repeated) / float64(text)
	}
	return &claimgraph.ReusePair{DocA: d.ID, DocB: d.ID, Similarity: share, Containment: share, Passages: repeats}
}

// headline returns the first line of a plain text when it reads as a
// headline: short and without a sentence's final punctuation.
func headline(text string) string {
	first := strings.TrimSpace(text)
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = strings.TrimSpace(first[:i])
	}
	if first == "" || len(first) > 200 || len(strings.Fields(first)) > 20 {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	if strings.ContainsRune(".!?\"”'’:;,", last) || !unicode.IsPrint(last) {
		return ""
	}
	return first
}

// Analyze runs the analysis and extraction stages on a prepared document:
// only its main text is analysed, and every span refers to its original text.
// What the limits cut is said in st.Notes.
func (p *Pipeline) Analyze(d *claimgraph.Document, st *Stats) *claimgraph.Analysis {
	a := &claimgraph.Analysis{Analyzer: Version}
	ranges := MainRanges(d)
	lim := p.Limits
	start := time.Now()
	// over reports (once) that the time budget is spent before stage next.
	over := func(next string) bool {
		if lim.Budget <= 0 || time.Since(start) < lim.Budget {
			return false
		}
		st.note("time budget of %s spent; %s and later stages skipped", lim.Budget, next)
		return true
	}

	t := time.Now()
	an := p.nlp.AnalyzeRanges(d.Text, ranges)
	st.add(StageNLP, t)
	if st != nil {
		st.Words += countWords(an.Tokens)
	}
	if lim.MaxMentions > 0 && len(an.Entities) > lim.MaxMentions {
		// The names past the cap are dropped before resolution, whose cost
		// follows the names; the cut is at a position in the text.
		st.note("names capped at %d of %d (none after byte %d)", lim.MaxMentions, len(an.Entities), an.Entities[lim.MaxMentions].Start)
		an.Entities = an.Entities[:lim.MaxMentions]
	}
	if over(StageTimex) {
		return a
	}

	t = time.Now()
	a.Times = timex.Recognize(d.Text, ranges, DCT(d))
	for i := range a.Times {
		a.Times[i].Doc = d.ID
	}
	st.add(StageTimex, t)
	if over(StageMentions) {
		return a
	}

	t = time.Now()
	a.Aliases = alias.Find(d.ID, d.Text, an, ranges)
	// A sidebar's teasers are not the article, but the names the outlet
	// gives there ("the Mujahideen-e Khalq (MEK)") are its assertions too:
	// kept with their evidence, they name entities without attributing a
	// mention to this document (Mentions ignores spans outside the NLP'd text).
	if side := regionRanges(d, claimgraph.RegionBoilerplate); len(side) > 0 {
		toks, sents := nlp.SplitRanges(d.Text, side) // the sidebar alone, not the whole text again
		a.Aliases = append(a.Aliases, alias.Find(d.ID, d.Text, &nlp.Analysis{Text: d.Text, Tokens: toks, Sentences: sents}, side)...)
	}
	// Claim arguments need mentions for proper nouns NER missed and for
	// organization anaphors ("the group"), added at low confidence.
	a.Mentions = p.capMentions(claim.ArgumentMentions(d.Text, an, resolve.Mentions(d.ID, d.Text, an, a.Aliases)), st)
	st.add(StageMentions, t)
	if over(StageQuotes) {
		return a
	}

	t = time.Now()
	a.Quotes = p.capQuotes(quote.Extract(d.ID, d.Text, an, a.Mentions, ranges), st)
	st.add(StageQuotes, t)
	if over(StageClaims) {
		return a
	}

	t = time.Now()
	a.Claims = claim.Extract(d.ID, d.Text, an, a.Mentions, a.Quotes, a.Times)
	st.add(StageClaims, t)
	return a
}

// capMentions drops mentions longer than MaxSpanBytes and those past
// MaxMentions. It runs before quotes and claims, which refer to mentions by
// index.
func (p *Pipeline) capMentions(ms []claimgraph.Mention, st *Stats) []claimgraph.Mention {
	if n := p.Limits.MaxSpanBytes; n > 0 {
		kept, long := ms[:0:0], 0
		for _, m := range ms {
			if m.End-m.Start > n {
				long++
				continue
			}
			kept = append(kept, m)
		}
		if long > 0 {
			st.note("%d mentions longer than %d bytes dropped", long, n)
			ms = kept
		}
	}
	if n := p.Limits.MaxMentions; n > 0 && len(ms) > n {
		st.note("mentions capped at %d of %d", n, len(ms))
		ms = ms[:n]
	}
	return ms
}

// capQuotes drops quotes whose content is longer than MaxQuoteBytes (an
// unclosed quotation mark running on). It runs before claims, which refer
// to quotes by index.
func (p *Pipeline) capQuotes(qs []claimgraph.Quote, st *Stats) []claimgraph.Quote {
	n := p.Limits.MaxQuoteBytes
	if n <= 0 {
		return qs
	}
	kept, long := qs[:0:0], 0
	for _, q := range qs {
		if q.Content.End-q.Content.Start > n {
			long++
			continue
		}
		kept = append(kept, q)
	}
	if long > 0 {
		st.note("%d quotes longer than %d bytes dropped", long, n)
	}
	return kept
}

// DCT returns the document creation time used to anchor relative dates: the
// date part of the document's publication date, "" when unknown.
func DCT(d *claimgraph.Document) string {
	if len(d.Date) >= 10 {
		return d.Date[:10]
	}
	return d.Date
}

// MainRanges returns the main-text regions of a document as byte ranges.
func MainRanges(d *claimgraph.Document) [][2]int {
	return regionRanges(d, claimgraph.RegionMain)
}

// regionRanges returns the byte ranges of a document's regions of one kind.
func regionRanges(d *claimgraph.Document, kind claimgraph.RegionKind) [][2]int {
	var out [][2]int
	for _, r := range d.Regions {
		if r.Kind == kind {
			out = append(out, [2]int{r.Start, r.End})
		}
	}
	return out
}

// countWords counts the tokens that hold a letter or a digit.
func countWords(toks []nlp.Token) int {
	n := 0
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// Relate finds the text a document shares with the documents already
// indexed (pairs with DocB = this document) and puts them, its pair with
// itself from Prepare (nil: none) and its MinHash sketch into its analysis,
// to be committed with it.
func (p *Pipeline) Relate(ctx context.Context, det *reuse.Detector, d *claimgraph.Document, a *claimgraph.Analysis, self *claimgraph.ReusePair, st *Stats) error {
	defer st.add(StageReuse, time.Now())
	sk, pairs, err := det.Find(ctx, reuse.MainText(d))
	if err != nil {
		return err
	}
	if a.MinHash, err = sk.Sig.MarshalBinary(); err != nil {
		return err
	}
	a.Bands = sk.Bands
	a.Shingles = sk.Shingles()
	a.Reuse = pairs
	if self != nil {
		a.Reuse = append(a.Reuse, *self)
	}
	return nil
}

package reuse

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/claimgraph/claimgraph"
)

// Options tune near-duplicate detection.
type Options struct {
	// ShingleWords is the length of the word n-grams compared.
	ShingleWords int
	// Hashes is the number of MinHash functions (the signature length).
	Hashes int
	// Rows is the number of minima per LSH band; Hashes/Rows bands. Two rows
	// in 64 bands find a pair of resemblance 0.3 (an excerpt of 30% of an
	// article) with probability 0.998 and one of 0.05 with 0.15.
	Rows int
	// MinEstimate drops candidates whose containment estimated from the
	// signatures is below it, before their text is read.
	MinEstimate float64
	// MinContainment is the least exact containment of a reported pair.
	MinContainment float64
	// MinShared is the least number of shared shingles of a reported pair,
	// so that two one-line documents sharing a phrase are not a copy.
	MinShared int
	// MaxVerify is the most candidates of one document compared exactly on
	// their text, those with the highest estimated containment first (0:
	// DefaultOptions' value). A story syndicated to hundreds of outlets
	// makes every new copy a candidate of every earlier one; verifying all
	// of them made the cost per document grow with the store (at 100k
	// documents of the benchmark mix, reuse verification was 326 of 896
	// CPU-seconds, against 4.7 at 10k). The closest copies are enough to
	// place a document in its cluster: clusters join through any pair.
	MaxVerify int
	// SourcesPerPassage is how many earlier documents a passage of a new
	// document is attributed to (0: DefaultOptions' value). Candidates are
	// taken earliest first; a pair below CopyContainment whose shared
	// shingles are all (but fewer than MinShared) already shared with that
	// many earlier documents adds no provenance and is not kept: a passage
	// quoted by hundreds of outlets leads each new one to its first
	// sources, not to every sibling, and the pairs stored stop growing with
	// the square of a passage's copies. Copies (CopyContainment and above)
	// are always kept, so the reuse clusters are the same.
	SourcesPerPassage int
	// Align tunes the passages reported for each pair.
	Align AlignOptions
}

// CopyContainment is the containment from which two documents are copies
// of one another (the smaller mostly the larger): one source for
// corroboration, joined in a reuse cluster. Below it a pair shares
// passages.
const CopyContainment = 0.5

// DefaultOptions are the settings the benchmark measures.
func DefaultOptions() Options {
	return Options{
		ShingleWords:      5,
		Hashes:            128,
		Rows:              2,
		MinEstimate:       0.15,
		MinContainment:    0.25,
		MinShared:         10,
		MaxVerify:         32,
		SourcesPerPassage: 3,
		Align:             DefaultAlignOptions(),
	}
}

// Text is what the detector compares of a document: its original text and
// the byte ranges of its main text (nil: all of it).
type Text struct {
	Doc    string
	Text   string
	Ranges [][2]int
}

// TextSource returns the text of a stored document, for exact verification
// of a candidate pair.
type TextSource func(ctx context.Context, doc string) (Text, error)

// MainText returns the Text of a document restricted to its main regions.
func MainText(d *claimgraph.Document) Text {
	t := Text{Doc: d.ID, Text: d.Text}
	if len(d.Regions) == 0 {
		return t
	}
	t.Ranges = [][2]int{}
	for _, r := range d.MainRanges() {
		t.Ranges = append(t.Ranges, [2]int{r.Start, r.End})
	}
	return t
}

// SetSource returns the stored shingle sets (Sketch.Shingles, decoded by
// DecodeSet32) of those of docs that have one; a document missing from
// the map is verified on its text.
type SetSource func(ctx context.Context, docs []string) (map[string][]uint32, error)

// Detector finds the documents already indexed that a new document shares
// text with.
type Detector struct {
	stats  Stats
	opts   Options
	signer *Signer
	index  Index
	texts  TextSource
	sets   SetSource
}

// UseSets makes the detector compare a candidate with the new document on
// its stored shingle set first, and read its text only when the pair
// passes (to align its passages): most candidates of a large store fail,
// and reading and tokenizing their texts was most of the cost of
// verification.
func (d *Detector) UseSets(s SetSource) { d.sets = s }

// NewDetector returns a detector over an index, reading candidate texts from
// texts.
func NewDetector(opts Options, index Index, texts TextSource) *Detector {
	d := DefaultOptions()
	if opts.ShingleWords < 1 {
		opts.ShingleWords = d.ShingleWords
	}
	if opts.Hashes < 1 {
		opts.Hashes = d.Hashes
	}
	if opts.Rows < 1 {
		opts.Rows = d.Rows
	}
	if opts.MaxVerify < 1 {
		opts.MaxVerify = d.MaxVerify
	}
	if opts.SourcesPerPassage < 1 {
		opts.SourcesPerPassage = d.SourcesPerPassage
	}
	return &Detector{opts: opts, signer: NewSigner(opts.Hashes), index: index, texts: texts}
}

// Stats counts the work a detector did, to show that adding a document
// compares it with a few candidates and not with the corpus.
type Stats struct {
	Docs       atomic.Int64 // documents looked up
	Candidates atomic.Int64 // candidates the index returned
	Verified   atomic.Int64 // candidates compared exactly (on a stored set or their text)
	TextsRead  atomic.Int64 // candidates whose text was read
	Skipped    atomic.Int64 // candidates over MaxVerify, not compared
	Redundant  atomic.Int64 // candidates whose shared text had SourcesPerPassage earlier copies
}

// Stats returns the detector's counters.
func (d *Detector) Stats() *Stats { return &d.stats }

// Options returns the detector's options.
func (d *Detector) Options() Options { return d.opts }

// Sketch is a document's signature and band keys, ready to be stored.
type Sketch struct {
	Sig   Signature
	Bands []uint64
	side  *side
}

// Shingles returns the sketch's shingle set as a store keeps it
// (EncodeSet32), for a SetSource to return.
func (s Sketch) Shingles() []byte {
	if s.side == nil {
		return nil
	}
	return EncodeSet32(s.side.set32)
}

// Sketch computes the shingle set, signature and band keys of a text.
func (d *Detector) Sketch(t Text) Sketch {
	s := newSide(t, d.opts.ShingleWords)
	sig := d.signer.Sign(s.set)
	return Sketch{Sig: sig, Bands: sig.Bands(d.opts.Rows), side: s}
}

// Find returns the sketch of t and the pairs it forms with indexed documents,
// best containment first, without adding t to the index. In each pair DocA
// is the indexed document and DocB is t; passages have A offsets into the
// indexed text and B offsets into t.Text. A candidate whose text is missing
// fails the call: the index and the texts disagree.
func (d *Detector) Find(ctx context.Context, t Text) (Sketch, []claimgraph.ReusePair, error) {
	sk := d.Sketch(t)
	if len(sk.Bands) == 0 {
		return sk, nil, nil
	}
	cands, err := d.index.Candidates(ctx, sk.Bands)
	if err != nil {
		return sk, nil, fmt.Errorf("reuse candidates of %s: %w", t.Doc, err)
	}
	d.stats.Docs.Add(1)
	d.stats.Candidates.Add(int64(len(cands)))
	// The candidates worth reading, closest first (then by id, so that the
	// same store gives the same pairs), at most MaxVerify of them.
	type scored struct {
		doc   string
		est   float64
		order int64
	}
	var keep []scored
	for _, c := range cands {
		if c.Doc == t.Doc {
			continue
		}
		if est := sk.Sig.Containment(c.Sig); est >= d.opts.MinEstimate {
			keep = append(keep, scored{c.Doc, est, c.Order})
		}
	}
	if len(keep) > d.opts.MaxVerify {
		slices.SortFunc(keep, func(x, y scored) int {
			if x.est != y.est {
				if x.est > y.est {
					return -1
				}
				return 1
			}
			return strings.Compare(x.doc, y.doc)
		})
		d.stats.Skipped.Add(int64(len(keep) - d.opts.MaxVerify))
		keep = keep[:d.opts.MaxVerify]
	}
	// Earliest first: a passage is attributed to its first copies.
	slices.SortFunc(keep, func(x, y scored) int {
		if x.order != y.order {
			if x.order < y.order {
				return -1
			}
			return 1
		}
		return strings.Compare(x.doc, y.doc)
	})
	var sets map[string][]uint32
	if d.sets != nil && len(keep) > 0 {
		docs := make([]string, len(keep))
		for i, c := range keep {
			docs[i] = c.doc
		}
		if sets, err = d.sets(ctx, docs); err != nil {
			return sk, nil, fmt.Errorf("reuse shingle sets of %s's candidates: %w", t.Doc, err)
		}
	}
	cov := coverage{need: d.opts.SourcesPerPassage, min: d.opts.MinShared}
	var pairs []claimgraph.ReusePair
	for _, c := range keep {
		d.stats.Verified.Add(1)
		set, stored := sets[c.doc]
		if stored && !d.attributes(&cov, set, sk.side.set32) {
			continue
		}
		d.stats.TextsRead.Add(1)
		ct, err := d.texts(ctx, c.doc)
		if err != nil {
			return sk, nil, fmt.Errorf("reuse text of candidate %s: %w", c.doc, err)
		}
		cs := newSide(ct, d.opts.ShingleWords)
		if !stored && !d.attributes(&cov, cs.set32, sk.side.set32) {
			continue
		}
		if p, ok := d.verify(cs, sk.side); ok {
			pairs = append(pairs, p)
		}
	}
	slices.SortFunc(pairs, func(x, y claimgraph.ReusePair) int {
		if x.Containment != y.Containment {
			if x.Containment > y.Containment {
				return -1
			}
			return 1
		}
		return strings.Compare(x.DocA, y.DocA)
	})
	return sk, pairs, nil
}

// Add finds the pairs of t (as Find does) and then records t in the index.
func (d *Detector) Add(ctx context.Context, t Text) ([]claimgraph.ReusePair, error) {
	sk, pairs, err := d.Find(ctx, t)
	if err != nil {
		return nil, err
	}
	if err := d.index.Add(ctx, t.Doc, sk.Sig, sk.Bands); err != nil {
		return nil, fmt.Errorf("reuse index %s: %w", t.Doc, err)
	}
	return pairs, nil
}

// Pair compares two texts exactly, without any index: the resemblance and
// containment of their shingle sets and, when they pass the thresholds, the
// aligned passages. ok is false when the pair is below the thresholds.
func (d *Detector) Pair(a, b Text) (claimgraph.ReusePair, bool) {
	return d.verify(newSide(a, d.opts.ShingleWords), newSide(b, d.opts.ShingleWords))
}

// attributes reports whether a candidate's shingle set makes a pair with
// the new document's that is worth keeping: it passes the thresholds and
// is a copy or shares text not yet attributed to SourcesPerPassage earlier
// documents (cov, which it then counts).
func (d *Detector) attributes(cov *coverage, cand, doc []uint32) bool {
	s := compareSets(cand, doc)
	if !d.passes(s) {
		return false
	}
	if !cov.adds(cand, doc, s.Containment >= CopyContainment) {
		d.stats.Redundant.Add(1)
		return false
	}
	return true
}

// passes reports whether a pair's exact similarity makes it reported.
func (d *Detector) passes(s Similarity) bool {
	return s.Shared >= d.opts.MinShared && s.Containment >= d.opts.MinContainment
}

func (d *Detector) verify(a, b *side) (claimgraph.ReusePair, bool) {
	s := compareSets(a.set32, b.set32)
	p := claimgraph.ReusePair{DocA: a.t.Doc, DocB: b.t.Doc, Similarity: s.Resemblance, Containment: s.Containment}
	if !d.passes(s) {
		return p, false
	}
	o := d.opts.Align.withDefaults()
	p.Passages = alignWords(a.t.Text, b.t.Text, a.words, b.words, a.seedsFor(o.Seed), b.seedsFor(o.Seed), o, false)
	return p, true
}

// coverage counts, for each shingle of a new document, the earlier
// documents it has been paired with through that shingle.
type coverage struct {
	need  int // copies a shingle needs to be attributed
	min   int // uncovered shared shingles that still make a pair worth keeping
	count []uint8
}

// adds reports whether a candidate sharing shingles with the new document
// (both sets sorted) is a copy or shares at least min of them that fewer
// than need earlier pairs cover, and if so counts the candidate on all it
// shares.
func (c *coverage) adds(cand, doc []uint32, isCopy bool) bool {
	if c.count == nil {
		c.count = make([]uint8, len(doc))
	}
	if !isCopy {
		fresh := 0
		eachShared(cand, doc, func(j int) {
			if int(c.count[j]) < c.need {
				fresh++
			}
		})
		if fresh < c.min {
			return false
		}
	}
	eachShared(cand, doc, func(j int) {
		if c.count[j] < 255 {
			c.count[j]++
		}
	})
	return true
}

package reuse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// BoilerplateOptions are the thresholds for site boilerplate. They are
// conservative: a line is marked only when it recurs in many distinct
// documents of one outlet, and long prose lines (which an outlet may reuse
// as background on purpose) need a higher share.
type BoilerplateOptions struct {
	MinDocs   int     // least number of distinct documents a block recurs in
	MinShare  float64 // least share of the outlet's distinct documents
	LongWords int     // blocks with at least this many words are "long"
	LongShare float64 // least share for a long block
}

// DefaultBoilerplateOptions: at least 3 documents and a quarter of the
// outlet's documents; blocks of 40 words or more need half of them.
func DefaultBoilerplateOptions() BoilerplateOptions {
	return BoilerplateOptions{MinDocs: 3, MinShare: 0.25, LongWords: 40, LongShare: 0.5}
}

// Marking is a region of one document that a cross-document rule marked.
type Marking struct {
	Doc    string            `json:"doc"`
	Region claimgraph.Region `json:"region"`
}

// Boilerplate learns the blocks (lines) that recur across the documents of
// each outlet and returns one boilerplate marking per occurrence inside a
// main region, ordered by document then offset. A block is compared on its
// words, case-folded, so spacing and punctuation do not matter. Documents
// without an outlet are skipped (there is no site to learn), and documents
// with the same main text count once, so that an article stored twice does
// not turn its own paragraphs into boilerplate. Each Why names the outlet,
// the count and the share.
func Boilerplate(docs []*claimgraph.Document, o BoilerplateOptions) []Marking {
	byOutlet := map[string][]*claimgraph.Document{}
	var outlets []string
	for _, d := range docs {
		if d.Outlet == "" {
			continue
		}
		if _, ok := byOutlet[d.Outlet]; !ok {
			outlets = append(outlets, d.Outlet)
		}
		byOutlet[d.Outlet] = append(byOutlet[d.Outlet], d)
	}
	slices.Sort(outlets)
	var out []Marking
	for _, name := range outlets {
		out = append(out, outletBoilerplate(name, byOutlet[name], o)...)
	}
	slices.SortStableFunc(out, func(x, y Marking) int {
		if c := strings.Compare(x.Doc, y.Doc); c != 0 {
			return c
		}
		return x.Region.Start - y.Region.Start
	})
	return out
}

type block struct {
	start, end int
	key        uint64
	words      int
}

func outletBoilerplate(outlet string, docs []*claimgraph.Document, o BoilerplateOptions) []Marking {
	// Distinct documents by the hash of their main text.
	seenText := map[uint64]bool{}
	type docBlocks struct {
		doc    *claimgraph.Document
		blocks []block
	}
	var ds []docBlocks
	for _, d := range docs {
		t := MainText(d)
		ws := tokenize(t.Text, t.Ranges)
		if len(ws) == 0 {
			continue
		}
		h := gramHash(ws)
		if seenText[h] {
			continue
		}
		seenText[h] = true
		ds = append(ds, docBlocks{doc: d, blocks: mainBlocks(d)})
	}
	count := map[uint64]int{}
	for _, d := range ds {
		seen := map[uint64]bool{}
		for _, b := range d.blocks {
			if !seen[b.key] {
				seen[b.key] = true
				count[b.key]++
			}
		}
	}
	n := len(ds)
	var out []Marking
	for _, d := range ds {
		for _, b := range d.blocks {
			c := count[b.key]
			share := float64(c) / float64(n)
			need := o.MinShare
			if b.words >= o.LongWords {
				need = o.LongShare
			}
			if c < o.MinDocs || share < need {
				continue
			}
			out = append(out, Marking{Doc: d.doc.ID, Region: claimgraph.Region{
				Kind: claimgraph.RegionBoilerplate, Start: b.start, End: b.end,
				Why: fmt.Sprintf("site boilerplate: this line recurs in %d of %d distinct documents of outlet %q (%.0f%%; threshold %d documents and %.0f%%)",
					c, n, outlet, 100*share, o.MinDocs, 100*need),
			}})
		}
	}
	return out
}

// mainBlocks returns the lines of a document that lie wholly inside one main
// region and have at least one word, trimmed of surrounding space.
func mainBlocks(d *claimgraph.Document) []block {
	var out []block
	text := d.Text
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s && inMain(d, s, e) {
			if ws := tokenizeRange(text, s, e, nil); len(ws) > 0 {
				out = append(out, block{start: s, end: e, key: gramHash(ws), words: len(ws)})
			}
		}
		start = end + 1
	}
	return out
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// inMain reports whether [s, e) lies inside one main region; a document
// without regions is all main text.
func inMain(d *claimgraph.Document, s, e int) bool {
	if len(d.Regions) == 0 {
		return true
	}
	for _, r := range d.Regions {
		if r.Kind == claimgraph.RegionMain && s >= r.Start && e <= r.End {
			return true
		}
	}
	return false
}

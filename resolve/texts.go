package resolve

import (
	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/nlp"
)

// Text is one document for ResolveTexts: its id and a text that is all main
// text.
type Text struct {
	Doc, Text string
}

// ResolveTexts runs the entity layer over a collection of plain texts: for
// each document the NLP analysis, its alias assertions and its mentions, then
// Resolve over all of them together. It returns each document's mentions with
// their Entity set. stop (nil: never) is asked before each document; once it
// says so the remaining documents get no mentions.
func ResolveTexts(p *nlp.Pipeline, texts []Text, stop func() bool) [][]claimgraph.Mention {
	out, _ := ResolveTextsResult(p, texts, stop)
	return out
}

// ResolveTextsResult is ResolveTexts that also returns the entity layer.
func ResolveTextsResult(p *nlp.Pipeline, texts []Text, stop func() bool) ([][]claimgraph.Mention, *Result) {
	var all []claimgraph.Mention
	var asserted []claimgraph.AliasAssertion
	counts := make([]int, len(texts))
	for i, d := range texts {
		if stop != nil && stop() {
			break
		}
		ranges := [][2]int{{0, len(d.Text)}}
		a := p.AnalyzeRanges(d.Text, ranges)
		as := alias.Find(d.Doc, d.Text, a, ranges)
		ms := Mentions(d.Doc, d.Text, a, as)
		counts[i] = len(ms)
		all = append(all, ms...)
		asserted = append(asserted, as...)
	}
	res := Resolve(all, asserted, nil)
	out := make([][]claimgraph.Mention, len(texts))
	k := 0
	for i, n := range counts {
		out[i] = all[k : k+n]
		for j := range out[i] {
			out[i][j].Entity = res.Mention[k+j]
		}
		k += n
	}
	return out, res
}

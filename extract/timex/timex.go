// Package timex recognizes time expressions in news text and normalizes them
// to TIMEX3 values against the document creation time (DCT).
//
// It is rule-based: a small scanner turns text into word, number and
// punctuation tokens with byte offsets, and a list of rules (one function per
// expression family, see rules.go) is tried at each token, the longest match
// winning. Values that depend on the DCT ("last June", "two months ago",
// "Wednesday") are computed by closures, so the same match can be resolved
// again when a DCT is set later (Reanchor). Expressions that name a point in
// a cycle without saying which one ("June", "Wednesday") take their direction
// from the tense of their sentence (TenseFunc).
package timex

import (
	"github.com/claimgraph/claimgraph"
)

// Options configure a Recognizer.
type Options struct {
	// Tense decides the tense of a sentence; nil means LexicalTense.
	Tense TenseFunc
}

// Recognizer finds and normalizes time expressions.
type Recognizer struct {
	tense TenseFunc
}

// New returns a Recognizer with the options.
func New(opt Options) *Recognizer {
	if opt.Tense == nil {
		opt.Tense = LexicalTense
	}
	return &Recognizer{tense: opt.Tense}
}

var std = New(Options{})

// Recognize finds time expressions in the given byte ranges of text (nil: all
// of it; sorted, not overlapping), normalized against dct, an ISO 8601 date
// or date-time ("" when unknown: relative expressions keep type and offsets,
// Value ""). Expressions never cross a range boundary and come in order of
// their start; a range in words ("from 2011 to 2013", DURATION P2Y) is
// followed by the years inside it, the only nested expressions. Relative is
// set on every expression whose value depends on the creation time or on an
// earlier date of the text ("the following year"); Anchor records the DCT
// its value was computed with.
func Recognize(text string, ranges [][2]int, dct string) []claimgraph.TimeExpr {
	return std.Recognize(text, ranges, dct)
}

// Reanchor recomputes the value of a stored expression for a new creation
// time, using only the document text around it, so `doc set-date` can
// resolve relatives later.
func Reanchor(text string, t claimgraph.TimeExpr, dct string) claimgraph.TimeExpr {
	return std.Reanchor(text, t, dct)
}

// Recognize is the package function Recognize with r's options.
func (r *Recognizer) Recognize(text string, ranges [][2]int, dct string) []claimgraph.TimeExpr {
	if ranges == nil {
		ranges = [][2]int{{0, len(text)}}
	}
	d := parseDCT(dct)
	var out []claimgraph.TimeExpr
	prev := d
	for _, rg := range ranges {
		s, e := min(max(rg[0], 0), len(text)), min(max(rg[1], 0), len(text))
		if s >= e {
			continue
		}
		out = r.recognizeRange(text, s, e, dct, d, &prev, out)
	}
	return out
}

// recognizeRange appends the expressions of text[s:e] to out. prev carries
// the last date mentioned across ranges, for "the following year".
func (r *Recognizer) recognizeRange(text string, s, e int, dct string, d ref, prev *ref, out []claimgraph.TimeExpr) []claimgraph.TimeExpr {
	p := &parser{toks: scan(text, s, e)}
	sentStart, lastDayAt := 0, -1
	for i := 0; i < len(p.toks); {
		if p.toks[i].sentAt {
			sentStart = i
		}
		m, ok := p.matchAt(i)
		if !ok {
			i++
			continue
		}
		en := &env{dct: d, prev: *prev}
		if lastDayAt >= p.toks[sentStart].s && prev.g == gDay {
			en.day = *prev // "Tuesday ... at 18:00 UTC": the clock time is on that day
		}
		if m.relative && needsTense(m.rule) {
			en.tense = r.tense(text, p.sentenceSpan(sentStart, m.i, e), [2]int{p.toks[m.i].s, p.toks[m.j-1].e})
		}
		for _, mm := range append([]match{m}, m.parts...) {
			te := p.expr(text, mm, en, dct)
			if pr := parseDCT(te.Value); te.Type == claimgraph.TimexDate && pr.g > gNone && len(te.Value) <= 10 {
				*prev = pr
				if pr.g == gDay {
					lastDayAt = te.Start
				}
			}
			out = append(out, te)
		}
		for k := i + 1; k < m.j; k++ {
			if p.toks[k].sentAt {
				sentStart = k
			}
		}
		i = m.j
	}
	return out
}

// expr turns a match into a TimeExpr.
func (p *parser) expr(text string, m match, en *env, dct string) claimgraph.TimeExpr {
	te := claimgraph.TimeExpr{
		Start: p.toks[m.i].s, End: p.toks[m.j-1].e,
		Type: m.typ, Mod: m.mod, Rule: m.rule, Relative: m.relative,
		Value: m.val(en),
	}
	te.Text = text[te.Start:te.End]
	if m.relative && te.Value != "" && en.dct.g > gNone {
		te.Anchor = dct
	}
	return te
}

// needsTense names rules whose value depends on the tense of the sentence.
func needsTense(rule string) bool {
	switch rule {
	case "month", "month-day", "day-month", "weekday", "rel-unit", "month+mod", "month-day+mod", "day-month+mod", "holiday", "quarter", "bare-season", "weekday+mod":
		return true
	}
	return false
}

// maxSentence bounds the tokens on either side of an expression that count
// as its sentence, so text without sentence ends costs linear time.
const maxSentence = 80

// sentenceSpan returns the byte span of the sentence starting at token
// first that holds token at, cut to maxSentence tokens on either side.
func (p *parser) sentenceSpan(first, at, rangeEnd int) [2]int {
	if first < at-maxSentence {
		first = at - maxSentence
	}
	end := rangeEnd
	for k := at + 1; k < len(p.toks); k++ {
		if p.toks[k].sentAt || k > at+maxSentence {
			end = p.toks[k-1].e
			break
		}
	}
	return [2]int{p.toks[first].s, end}
}

// reanchorWindow is how much text before an expression Reanchor reads to find
// the sentence and the last date mentioned before it.
const reanchorWindow = 4000

// Reanchor is the package function Reanchor with r's options. It re-evaluates
// the rules over a window of text around the expression; an expression whose
// value does not depend on a reference date is returned unchanged.
func (r *Recognizer) Reanchor(text string, t claimgraph.TimeExpr, dct string) claimgraph.TimeExpr {
	if !t.Relative || t.Start < 0 || t.End > len(text) || t.Start >= t.End {
		return t
	}
	ws := t.Start - reanchorWindow
	if ws < 0 {
		ws = 0
	}
	// Start the window at a line break so it does not begin mid-word.
	for k := ws; k > 0 && k < t.Start; k++ {
		if text[k-1] == '\n' {
			ws = k
			break
		}
	}
	we := t.End + 1000
	if we > len(text) {
		we = len(text)
	}
	for _, x := range r.Recognize(text, [][2]int{{ws, we}}, dct) {
		if x.Start == t.Start && x.End == t.End {
			t.Value, t.Anchor = x.Value, x.Anchor
			return t
		}
	}
	// The rules no longer match here (the window cut a sentence): only clear
	// a value that depended on the old creation time.
	t.Value, t.Anchor = "", ""
	return t
}

// ReanchorAll recomputes the values of a document's stored expressions for a
// new creation time, reading the same ranges Recognize read (nil: all the
// text). Re-running only the time rules over those ranges gives each
// expression exactly the sentence and the earlier dates it had at ingest; an
// expression the rules no longer find there (its text changed, or it was
// stored by another tool) falls back to Reanchor. The result is parallel to
// exprs; absolute expressions come back unchanged.
func ReanchorAll(text string, ranges [][2]int, exprs []claimgraph.TimeExpr, dct string) []claimgraph.TimeExpr {
	return std.ReanchorAll(text, ranges, exprs, dct)
}

// ReanchorAll is the package function ReanchorAll with r's options.
func (r *Recognizer) ReanchorAll(text string, ranges [][2]int, exprs []claimgraph.TimeExpr, dct string) []claimgraph.TimeExpr {
	fresh := map[[2]int]claimgraph.TimeExpr{}
	for _, x := range r.Recognize(text, ranges, dct) {
		fresh[[2]int{x.Start, x.End}] = x
	}
	out := make([]claimgraph.TimeExpr, len(exprs))
	for i, t := range exprs {
		switch x, ok := fresh[[2]int{t.Start, t.End}]; {
		case !t.Relative:
			out[i] = t
		case ok:
			t.Value, t.Anchor = x.Value, x.Anchor
			out[i] = t
		default:
			out[i] = r.Reanchor(text, t, dct)
		}
	}
	return out
}

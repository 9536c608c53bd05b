package eval

import (
	"strings"

	"github.com/claimgraph/claimgraph"
)

// QuoteScore is the result of scoring quote extraction on attribution
// annotations. Contents match when they overlap by at least half of the
// longer span; speaker and cue accuracy are measured over matched contents
// whose gold attribution has a source (a cue).
type QuoteScore struct {
	Task            string  `json:"task"`
	Precision       float64 `json:"precision"`
	Recall          float64 `json:"recall"`
	F1              float64 `json:"f1"`
	Gold            int     `json:"gold"`
	Predicted       int     `json:"predicted"`
	Matched         int     `json:"matched"` // gold contents matched
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	CueAccuracy     float64 `json:"cue_accuracy"`
	SpeakerScored   int     `json:"speaker_scored"` // matched contents with a gold source
	SpeakerCorrect  int     `json:"speaker_correct"`
	CueScored       int     `json:"cue_scored"` // matched contents with a gold cue
	CueCorrect      int     `json:"cue_correct"`
	Documents       int     `json:"documents"`
	// Errors lists up to a few misses and false alarms for inspection.
	Errors []QuoteError `json:"errors,omitempty"`
}

// QuoteError is one scoring error: a gold content not found ("missed"), a
// predicted content with no gold match ("spurious"), or a matched content
// whose speaker or cue is wrong ("speaker", "cue").
type QuoteError struct {
	Doc   string `json:"doc"`
	Class string `json:"class"`
	Text  string `json:"text"`
	Got   string `json:"got,omitempty"`
	Want  string `json:"want,omitempty"`
}

// maxErrors bounds the errors a score keeps.
const maxErrors = 200

type goldContent struct {
	start, end int
	text       string
	sources    [][2]int
	cues       [][2]int
	attr       int // index of its attribution, -1 for a content in none
}

// goldContents flattens a document's attributions to one item per content
// span; a content that belongs to no attribution is still gold, with no
// source and no cue.
func goldContents(d BratDoc) []goldContent {
	var out []goldContent
	seen := map[string]bool{}
	spans := func(ids []string) [][2]int {
		var r [][2]int
		for _, id := range ids {
			if s, ok := d.Ann.Spans[id]; ok {
				r = append(r, [2]int{s.Start, s.End})
			}
		}
		return r
	}
	for ai, at := range d.Ann.Attributions {
		for _, id := range at.Content {
			if seen[id] {
				continue
			}
			seen[id] = true
			s := d.Ann.Spans[id]
			out = append(out, goldContent{s.Start, s.End, s.Text, spans(at.Source), spans(at.Cue), ai})
		}
	}
	for _, id := range d.Ann.Order {
		s := d.Ann.Spans[id]
		if bratRole(s.Type) == "content" && !seen[id] {
			out = append(out, goldContent{start: s.Start, end: s.End, text: s.Text, attr: -1})
		}
	}
	return out
}

// halfOverlap reports whether [a0,a1) and [b0,b1) overlap by at least half
// of the longer.
func halfOverlap(a0, a1, b0, b1 int) bool {
	o := min(a1, b1) - max(a0, b0)
	l := max(a1-a0, b1-b0)
	return o > 0 && 2*o >= l
}

// sameName reports a predicted speaker that resolves to the gold source's
// name ("he" resolved to "Maria Lind" against a gold source "Lind").
func sameName(name, text string, sources [][2]int) bool {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if n == "" {
		return false
	}
	for _, g := range sources {
		s := strings.ToLower(strings.Join(strings.Fields(text[g[0]:g[1]]), " "))
		if s == n || strings.HasSuffix(n, " "+s) || strings.HasSuffix(s, " "+n) {
			return true
		}
	}
	return false
}

func overlapsAny(s, e int, spans [][2]int) bool {
	for _, g := range spans {
		if min(e, g[1]) > max(s, g[0]) {
			return true
		}
	}
	return false
}

// ScoreQuotes runs extract on every document and scores its quotes against
// the gold attributions. Matching is greedy in text order: a prediction takes
// the first unmatched gold content it half-overlaps (or whose attribution's
// contents, first to last, it half-overlaps), and also the other content
// spans of that attribution it covers by half (one quote continued over
// paragraphs, annotated per paragraph). Precision counts predictions
// that matched; recall counts gold contents matched.
func ScoreQuotes(docs []BratDoc, extract func(name, text string) []claimgraph.Quote) *QuoteScore {
	sc := &QuoteScore{Task: "quotes", Documents: len(docs)}
	addErr := func(e QuoteError) {
		if len(sc.Errors) < maxErrors {
			sc.Errors = append(sc.Errors, e)
		}
	}
	predOK := 0 // predictions that matched (a prediction may match several spans of one attribution)
	for _, d := range docs {
		gold := goldContents(d)
		pred := extract(d.Name, d.Text)
		sc.Gold += len(gold)
		sc.Predicted += len(pred)
		used := make([]bool, len(gold))
		// The extent of each attribution's contents, first to last.
		extent := map[int][2]int{}
		for _, g := range gold {
			if g.attr < 0 {
				continue
			}
			e, ok := extent[g.attr]
			if !ok {
				e = [2]int{g.start, g.end}
			}
			extent[g.attr] = [2]int{min(e[0], g.start), max(e[1], g.end)}
		}
		for _, q := range pred {
			gi := -1
			for i, g := range gold {
				if used[i] {
					continue
				}
				e, ok := extent[g.attr]
				if halfOverlap(q.Content.Start, q.Content.End, g.start, g.end) || ok && g.attr >= 0 && halfOverlap(q.Content.Start, q.Content.End, e[0], e[1]) {
					gi = i
					break
				}
			}
			if gi < 0 {
				addErr(QuoteError{Doc: d.Name, Class: "spurious", Text: q.Content.Text})
				continue
			}
			used[gi] = true
			sc.Matched++
			predOK++
			g := gold[gi]
			// A quote that runs over several content spans of one
			// attribution (a quote continued over paragraphs) matches
			// each of them that it half-covers.
			for i, o := range gold {
				if !used[i] && o.attr >= 0 && o.attr == g.attr && 2*(min(o.end, q.Content.End)-max(o.start, q.Content.Start)) >= o.end-o.start {
					used[i] = true
					sc.Matched++
				}
			}
			if len(g.sources) > 0 {
				sc.SpeakerScored++
				if q.Speaker != nil && (overlapsAny(q.Speaker.Start, q.Speaker.End, g.sources) || sameName(q.Speaker.Name, d.Text, g.sources)) {
					sc.SpeakerCorrect++
				} else {
					got := "<unknown>"
					if q.Speaker != nil {
						got = q.Speaker.Text
					}
					addErr(QuoteError{Doc: d.Name, Class: "speaker", Text: q.Content.Text, Got: got, Want: d.Text[g.sources[0][0]:g.sources[0][1]]})
				}
			}
			if len(g.cues) > 0 {
				sc.CueScored++
				if q.Cue.End > q.Cue.Start && overlapsAny(q.Cue.Start, q.Cue.End, g.cues) {
					sc.CueCorrect++
				} else {
					addErr(QuoteError{Doc: d.Name, Class: "cue", Text: q.Content.Text, Got: q.Cue.Text, Want: d.Text[g.cues[0][0]:g.cues[0][1]]})
				}
			}
		}
		for i, g := range gold {
			if !used[i] {
				addErr(QuoteError{Doc: d.Name, Class: "missed", Text: d.Text[g.start:g.end]})
			}
		}
	}
	sc.Precision, sc.Recall = Ratio(predOK, sc.Predicted), Ratio(sc.Matched, sc.Gold)
	sc.F1 = Harmonic(sc.Precision, sc.Recall)
	if sc.SpeakerScored > 0 {
		sc.SpeakerAccuracy = float64(sc.SpeakerCorrect) / float64(sc.SpeakerScored)
	}
	if sc.CueScored > 0 {
		sc.CueAccuracy = float64(sc.CueCorrect) / float64(sc.CueScored)
	}
	return sc
}

package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	// ByForm breaks content detection down by form (direct, mixed,
	// indirect): gold items by the quote marks of the gold content,
	// predictions by their own form. ByCue does the same by cue class
	// (speech: verbs of saying and "according to"; other: beliefs,
	// intentions, findings, accusations, ...).
	ByForm map[string]*QuoteBreakdown `json:"by_form"`
	ByCue  map[string]*QuoteBreakdown `json:"by_cue"`
	// Errors lists up to a few misses and false alarms for inspection.
	Errors []QuoteError `json:"errors,omitempty"`
}

// QuoteBreakdown is content detection on one part of the data.
type QuoteBreakdown struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Matched   int     `json:"matched"`   // gold items matched
	Correct   int     `json:"correct"`   // predictions that matched
	Precision float64 `json:"precision"` // correct / predicted
	Recall    float64 `json:"recall"`    // matched / gold
	F1        float64 `json:"f1"`
}

func (b *QuoteBreakdown) finish() {
	b.Precision, b.Recall = Ratio(b.Correct, b.Predicted), Ratio(b.Matched, b.Gold)
	b.F1 = Harmonic(b.Precision, b.Recall)
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
const maxErrors = 5000

type goldContent struct {
	start, end int
	frags      [][2]int // the fragments of a discontinuous content
	text       string
	form, cue  string // breakdown classes
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
			g := goldContent{start: s.Start, end: s.End, frags: s.Fragments, text: s.Text, sources: spans(at.Source), cues: spans(at.Cue), attr: ai}
			g.form = formOf(d.Text, s.Fragments)
			g.cue = "other"
			for _, c := range g.cues {
				g.cue = CueClass(d.Text[c[0]:c[1]])
			}
			out = append(out, g)
		}
	}
	for _, id := range d.Ann.Order {
		s := d.Ann.Spans[id]
		if bratRole(s.Type) == "content" && !seen[id] {
			out = append(out, goldContent{start: s.Start, end: s.End, frags: s.Fragments, text: s.Text, attr: -1, form: formOf(d.Text, s.Fragments), cue: "other"})
		}
	}
	return out
}

// formOf tells a content's form by its quote marks: direct when it opens
// with one, mixed when it holds one further in, indirect otherwise.
func formOf(text string, frags [][2]int) string {
	form := claimgraph.QuoteIndirect
	for i, f := range frags {
		t := strings.TrimSpace(text[f[0]:f[1]])
		if t == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		if i == 0 && strings.ContainsRune(doubleMarks, r) {
			return claimgraph.QuoteDirect
		}
		if strings.ContainsAny(t, doubleMarks) {
			form = claimgraph.QuoteMixed
		}
	}
	return form
}

const doubleMarks = "\"\u201c\u201d\u201e\u00ab\u00bb"

// speechCueWords are the verbs of saying (every form) and the words of
// "according to" that make a cue a speech cue; any other cue (believe,
// want, show, find, accuse, call for, ...) is of class "other".
var speechCueWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`say says said saying tell tells told telling add adds added adding
		state states stated stating note notes noted noting explain explains explained explaining
		announce announces announced announcing declare declares declared declaring reply replies replied replying
		respond responds responded responding ask asks asked asking answer answers answered answering
		continue continues continued continuing remark remarks remarked comment comments commented commenting
		insist insists insisted insisting argue argues argued arguing claim claims claimed claiming
		warn warns warned warning repeat repeats repeated reiterate reiterates reiterated reiterating
		according quote quotes quoted quoting recall recalls recalled recalling mention mentions mentioned
		stress stresses stressed stressing emphasize emphasizes emphasized emphasizing tweet tweets tweeted tweeting
		write writes wrote written writing`) {
		m[w] = true
	}
	return m
}()

// CueClass returns "speech" for a cue holding a verb of saying (or
// "according to", a colon or a dash introducing speech), else "other".
func CueClass(cue string) string {
	t := strings.TrimSpace(strings.ToLower(cue))
	if t == ":" || t == "\u2015" || t == "\u2014" || t == "-" {
		return "speech"
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if speechCueWords[w] {
			return "speech"
		}
	}
	return "other"
}

// predForm and predCue classify a prediction for the breakdowns.
func predForm(q claimgraph.Quote) string {
	switch q.Kind {
	case claimgraph.QuoteDirect, claimgraph.QuoteMixed:
		return q.Kind
	}
	return claimgraph.QuoteIndirect
}

func predCue(q claimgraph.Quote) string {
	if q.CueLemma != "" {
		return CueClass(q.CueLemma)
	}
	return CueClass(q.Cue.Text)
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

func breakdown(m map[string]*QuoteBreakdown, k string) *QuoteBreakdown {
	b, ok := m[k]
	if !ok {
		b = &QuoteBreakdown{}
		m[k] = b
	}
	return b
}

// fragmentMatch reports a prediction that half-overlaps one fragment of a
// discontinuous gold content (`"A," she said, "B."` found as "A" alone), or
// one of whose own fragments half-overlaps the gold content.
func fragmentMatch(q claimgraph.Quote, frags [][2]int) bool {
	if len(frags) > 1 {
		for _, f := range frags {
			if halfOverlap(q.Content.Start, q.Content.End, f[0], f[1]) {
				return true
			}
		}
	}
	for _, pf := range q.Fragments {
		for _, f := range frags {
			if halfOverlap(pf.Start, pf.End, f[0], f[1]) {
				return true
			}
		}
	}
	return false
}

var relativePronouns = map[string]bool{"who": true, "which": true, "that": true, "whom": true, "whose": true}

// antecedentOf reports a predicted speaker that is the antecedent of a gold
// source written as a relative pronoun ("Sen. Lee, a Republican, who
// said"): the speaker ends before the pronoun with no sentence end and at
// most an appositive (100 bytes) between them.
func antecedentOf(text string, s *claimgraph.Speaker, sources [][2]int) bool {
	for _, g := range sources {
		if !relativePronouns[strings.ToLower(strings.TrimSpace(text[g[0]:g[1]]))] {
			continue
		}
		if s.End > g[0] || g[0]-s.End > 100 || s.End <= s.Start {
			continue
		}
		if !strings.ContainsAny(text[s.End:g[0]], ".!?\n") {
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
	sc := &QuoteScore{Task: "quotes", Documents: len(docs), ByForm: map[string]*QuoteBreakdown{}, ByCue: map[string]*QuoteBreakdown{}}
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
				if halfOverlap(q.Content.Start, q.Content.End, g.start, g.end) || ok && g.attr >= 0 && halfOverlap(q.Content.Start, q.Content.End, e[0], e[1]) || fragmentMatch(q, g.frags) {
					gi = i
					break
				}
			}
			pf, pc := breakdown(sc.ByForm, predForm(q)), breakdown(sc.ByCue, predCue(q))
			pf.Predicted++
			pc.Predicted++
			if gi < 0 {
				addErr(QuoteError{Doc: d.Name, Class: "spurious", Text: q.Content.Text})
				continue
			}
			used[gi] = true
			sc.Matched++
			predOK++
			pf.Correct++
			pc.Correct++
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
				if q.Speaker != nil && (overlapsAny(q.Speaker.Start, q.Speaker.End, g.sources) || sameName(q.Speaker.Name, d.Text, g.sources) || antecedentOf(d.Text, q.Speaker, g.sources)) {
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
			bf, bc := breakdown(sc.ByForm, g.form), breakdown(sc.ByCue, g.cue)
			bf.Gold++
			bc.Gold++
			if used[i] {
				bf.Matched++
				bc.Matched++
				continue
			}
			addErr(QuoteError{Doc: d.Name, Class: "missed", Text: d.Text[g.start:g.end]})
		}
	}
	for _, m := range []map[string]*QuoteBreakdown{sc.ByForm, sc.ByCue} {
		for _, b := range m {
			b.finish()
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

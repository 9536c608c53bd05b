// Package claim extracts subject–relation–object claims from news text, each
// with the voice it was made in: the speaker of the quote it came from, or
// the document's own voice. Hedges ("reportedly", "so-called"), negation,
// modality and a time expression in the same sentence are kept with it, so
// an allegation is never stored as a bare fact.
//
// The extractor is chunk-based over part-of-speech tags and mentions (no
// dependency parser): a claim links two named actors through a verb group
// and what follows it ("X maintains strong ties with Y", "Y was trained by
// X"), or through a relational noun ("X's meeting with Y", "X–Y alliance").
package claim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// Extract returns the claims of a document: first those in each quote's
// content (attributed to the quote's speaker, cue and via), then those in the
// document's own sentences outside quotes (Speaker nil). a should be the
// analysis of the document's main text (its sentences bound the search);
// without part-of-speech tags few verbs are recognized. times are the
// document's time expressions; a claim links the first one in its sentence.
func Extract(doc, text string, a *nlp.Analysis, mentions []claimgraph.Mention, quotes []claimgraph.Quote, times []claimgraph.TimeExpr) []claimgraph.Claim {
	x := newIndex(text, a, mentions)
	inQuote := make([]int, len(x.toks)) // token -> quote index + 1
	// An intention or a demand whose content is an infinitive ("X wants to
	// attack Y", "X urged Y to fund Z"), or an impression ("X seems to
	// lead"), has its subject outside the content or split from it:
	// its claims are read from the whole sentence and then framed by it.
	transparent := map[int]bool{}
	for qi, q := range quotes {
		if (q.Factuality == claimgraph.FactProposed || q.Factuality == claimgraph.FactPossible) && infinitival(q.Content.Text) {
			transparent[qi] = true
		}
	}
	for qi, q := range quotes {
		if transparent[qi] || x.verbless(q.Content) || q.Attribution == claimgraph.AttrDenial && infinitival(q.Content.Text) {
			// A noun phrase content ("X praised the plan", "X pointed to
			// the polls") or a refusal ("X refused to fund Y") holds no
			// claim of the source's; the sentence's claim stays the
			// outlet's, about what the source did (or did not do).
			continue
		}
		// An interrupted quote's pieces only: the "she said" between them
		// is the outlet's.
		pieces := q.Fragments
		if len(pieces) == 0 {
			pieces = []claimgraph.TextSpan{q.Content}
		}
		for _, p := range pieces {
			f, l := x.tokRange(p.Start, p.End)
			for i := f; i < l; i++ {
				inQuote[i] = qi + 1
			}
		}
	}
	var out []claimgraph.Claim
	emit := func(cs []claimgraph.Claim, qi int, evidence claimgraph.TextSpan) {
		for _, c := range cs {
			c.Doc = doc
			c.Quote = qi
			if c.Factuality == "" {
				p := x.tokOf(c.Relation.Start)
				if p >= 0 && p < len(x.toks) {
					s := x.sents[x.sentOf[p]]
					f := Factuality(x.toks, s.First, s.Limit, p)
					c.Factuality = f.Factuality
					c.Negated = c.Negated || f.Polarity == "NEG"
				} else {
					c.Factuality = claimgraph.FactAsserted
				}
			}
			if qi < 0 {
				for tq := range transparent {
					q := quotes[tq]
					if c.Relation.Start >= q.Content.Start && c.Relation.Start < q.Content.End {
						qi, c.Quote = tq, tq
						break
					}
				}
			}
			if qi >= 0 {
				c.Factuality = Framed(c.Factuality, quotes[qi].Factuality)
			}
			c.Evidence = evidence
			c.Time = timeIn(times, evidence.Start, evidence.End)
			if qi >= 0 {
				q := quotes[qi]
				c.Speaker = q.Speaker
				c.Via = q.Via
				if q.Cue.End > q.Cue.Start {
					cue := q.Cue
					c.Cue = &cue
				}
			}
			out = append(out, c)
		}
	}
	// Quote contents, clause by clause within the sentences they cross.
	for qi, q := range quotes {
		f, l := x.tokRange(q.Content.Start, q.Content.End)
		for f < l {
			sl := min(x.sents[x.sentOf[f]].Limit, l)
			emit(x.triples(f, sl, func(i int) bool { return inQuote[i] == qi+1 }), qi, x.span(f, sl))
			f = sl
		}
	}
	// The document's own sentences.
	for _, s := range x.sents {
		own := func(i int) bool { return inQuote[i] == 0 }
		n := 0
		for i := s.First; i < s.Limit; i++ {
			if own(i) {
				n++
			}
		}
		if n < 3 {
			continue
		}
		emit(x.triples(s.First, s.Limit, own), -1, x.span(s.First, s.Limit))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence.Start < out[j].Evidence.Start })
	return out
}

// verbless reports a content with no verb: a noun phrase. Without tags
// nothing is known to be verbless.
func (x *index) verbless(sp claimgraph.TextSpan) bool {
	f, l := x.tokRange(sp.Start, sp.End)
	for i := f; i < l; i++ {
		if p := x.toks[i].POS; p == "VERB" || p == "AUX" || p == "" {
			return false
		}
	}
	return f < l
}

// infinitival reports content that is an infinitive or an object and an
// infinitive ("to attack Y", "Y to resign").
func infinitival(content string) bool {
	f := strings.Fields(strings.ToLower(content))
	for i := 0; i < len(f) && i < 6; i++ {
		if f[i] == "to" {
			return true
		}
	}
	return false
}

// Framed combines a claim's own factuality with that of the attribution it
// was made in: an asserted claim inside speech is reported (the source's
// claim, not the outlet's); inside a denial it is denied, inside a question
// a question, inside a demand or an intention proposed. A claim's own
// question, condition, possibility or negation stays, except that a
// question or a denial around it wins.
func Framed(own, frame string) string {
	if own == "" {
		own = claimgraph.FactAsserted
	}
	switch frame {
	case "", claimgraph.FactAsserted, claimgraph.FactReported:
		if own == claimgraph.FactAsserted {
			return claimgraph.FactReported
		}
		return own
	case claimgraph.FactQuestion, claimgraph.FactDenied:
		if own == claimgraph.FactQuestion {
			return own
		}
		return frame
	case claimgraph.FactProposed:
		if own == claimgraph.FactQuestion || own == claimgraph.FactDenied {
			return own
		}
		return frame
	}
	if own == claimgraph.FactAsserted {
		return frame
	}
	return own
}

// timeIn returns the index of the first time expression inside [start, end), or -1.
func timeIn(times []claimgraph.TimeExpr, start, end int) int {
	for i, t := range times {
		if t.Start >= start && t.End <= end {
			return i
		}
	}
	return -1
}

// index holds one document's tokens and mentions for the patterns.
type index struct {
	text     string
	toks     []nlp.Token
	lower    []string
	sents    []nlp.Sentence
	sentOf   []int
	mentions []claimgraph.Mention
	argAt    []int // token -> argument mention index starting there, -1
	argEnd   []int // mention index -> token limit
	inArg    []int // token -> covering argument mention, -1
	isTagged bool
}

// tagged reports whether the tokens carry part-of-speech tags.
func (x *index) tagged() bool {
	for i := 0; i < len(x.toks) && i < 50; i++ {
		if x.toks[i].POS != "" {
			return true
		}
	}
	return false
}

func newIndex(text string, a *nlp.Analysis, mentions []claimgraph.Mention) *index {
	x := &index{text: text}
	if a != nil && len(a.Tokens) > 0 {
		x.toks, x.sents = a.Tokens, a.Sentences
		if len(x.sents) == 0 {
			x.sents = nlp.SplitSentences(text, x.toks)
		}
		if len(mentions) == 0 {
			for _, e := range a.Entities {
				mentions = append(mentions, claimgraph.Mention{Start: e.Start, End: e.End, Text: e.Text, Type: e.Type,
					Kind: claimgraph.MentionName, Name: e.Text, Confidence: e.Confidence})
			}
		}
	} else {
		x.toks = nlp.Tokenize(text)
		x.sents = nlp.SplitSentences(text, x.toks)
	}
	n := len(x.toks)
	x.isTagged = x.tagged()
	if x.isTagged {
		mentions = ArgumentMentions(text, &nlp.Analysis{Text: text, Tokens: x.toks, Sentences: x.sents}, mentions)
	}
	x.mentions = mentions
	x.lower = make([]string, n)
	x.sentOf = make([]int, n)
	for i, t := range x.toks {
		x.lower[i] = strings.ToLower(t.Text)
	}
	for si, s := range x.sents {
		for i := s.First; i < s.Limit && i < n; i++ {
			x.sentOf[i] = si
		}
	}
	x.argAt = make([]int, n+1)
	x.inArg = make([]int, n)
	for i := range x.argAt {
		x.argAt[i] = -1
	}
	for i := range x.inArg {
		x.inArg[i] = -1
	}
	x.argEnd = make([]int, len(mentions))
	for mi, m := range mentions {
		if !isArgument(m) {
			continue
		}
		f, l := x.tokRange(m.Start, m.End)
		x.argEnd[mi] = l
		if f >= l {
			continue
		}
		if o := x.argAt[f]; o < 0 || l > x.argEnd[o] {
			x.argAt[f] = mi
		}
		for i := f; i < l; i++ {
			x.inArg[i] = x.argAt[f]
		}
	}
	return x
}

// isArgument reports mentions that can be a claim's subject or object: named
// actors, and descriptions or pronouns that the entities stage linked to a
// name. Places are arguments too ("fled Iran"), but only as objects.
func isArgument(m claimgraph.Mention) bool {
	if calendarWord(m.Text) {
		return false
	}
	switch m.Kind {
	case claimgraph.MentionName, claimgraph.MentionAcronym, "":
		return true
	}
	return m.Name != ""
}

// tokRange returns the tokens inside the byte range [start, end).
func (x *index) tokRange(start, end int) (int, int) {
	f := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].End > start })
	l := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].Start >= end })
	return f, l
}

func (x *index) span(first, limit int) claimgraph.TextSpan {
	if first >= limit {
		return claimgraph.TextSpan{}
	}
	s, e := x.toks[first].Start, x.toks[limit-1].End
	return claimgraph.TextSpan{Text: x.text[s:e], Start: s, End: e}
}

func (x *index) mentionSpan(mi int) claimgraph.TextSpan {
	m := x.mentions[mi]
	return claimgraph.TextSpan{Text: x.text[m.Start:m.End], Start: m.Start, End: m.End}
}

// Chunks returns the noun phrases of a tagged analysis as argument mentions,
// for open extraction where any noun phrase may be a subject or an object
// (Open IE), not only named actors: an optional determiner or possessive,
// modifiers, and a nominal head ("the northern city", "its ringleaders",
// "they"). Named entities inside a chunk keep the chunk's span and take the
// entity's type.
func Chunks(doc string, a *nlp.Analysis) []claimgraph.Mention {
	var out []claimgraph.Mention
	toks := a.Tokens
	for _, s := range a.Sentences {
		i := s.First
		for i < s.Limit {
			j := i
			for j < s.Limit && (toks[j].POS == "DET" && j == i || toks[j].POS == "PRON" && j == i && isPossessive(toks[j].Text) ||
				toks[j].POS == "ADJ" || toks[j].POS == "NUM" || toks[j].POS == "NOUN" || toks[j].POS == "PROPN") {
				j++
			}
			// The chunk must end in a nominal.
			k := j
			for k > i && toks[k-1].POS != "NOUN" && toks[k-1].POS != "PROPN" && toks[k-1].POS != "NUM" {
				k--
			}
			if k > i {
				out = append(out, chunkMention(doc, a, i, k))
				i = j
				continue
			}
			if toks[i].POS == "PRON" && !isPossessive(toks[i].Text) {
				out = append(out, chunkMention(doc, a, i, i+1))
			}
			i = max(j, i+1)
		}
	}
	return out
}

func isPossessive(w string) bool {
	switch strings.ToLower(w) {
	case "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

func chunkMention(doc string, a *nlp.Analysis, first, limit int) claimgraph.Mention {
	s, e := a.Tokens[first].Start, a.Tokens[limit-1].End
	m := claimgraph.Mention{Doc: doc, Start: s, End: e, Text: a.Text[s:e], Kind: claimgraph.MentionName, Confidence: 0.5}
	m.Name = m.Text
	for _, en := range a.Entities {
		if en.Start >= s && en.End <= e {
			m.Type = en.Type
			break
		}
	}
	return m
}

// orgAnaphors are the heads of descriptions that, in news text, take up the
// organization the article is about ("the group", "the terrorist cult").
var orgAnaphors = set("group", "organization", "organisation", "movement", "cult", "militia", "outfit")

// ArgumentMentions returns the mentions claims may use as arguments: the
// given ones (from the entities stage) and those it did not give, sorted by
// start: runs of proper nouns it missed ("Estekhbarat"), and definite
// descriptions of an organization ("the group", "the terrorist group"),
// which stand for the organization most mentioned before them in the
// document (Kind description, Name that organization's name). The added ones
// have confidence 0.4. Extract calls it itself; a caller that stores claims
// should store these mentions too, so that every claim argument resolves to
// a mention. a must be tagged; without tags the mentions come back as given.
func ArgumentMentions(text string, a *nlp.Analysis, mentions []claimgraph.Mention) []claimgraph.Mention {
	toks := a.Tokens
	if len(toks) == 0 || toks[0].POS == "" {
		return mentions
	}
	covered := make([]bool, len(toks))
	for _, m := range mentions {
		f := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		for i := f; i < len(toks) && toks[i].Start < m.End; i++ {
			covered[i] = true
		}
	}
	// Headlines in title case tag every word PROPN: no fallback names there.
	titleCase := make([]bool, len(toks))
	for _, sn := range a.Sentences {
		words, upper := 0, 0
		for i := sn.First; i < sn.Limit && i < len(toks); i++ {
			r, _ := utf8.DecodeRuneInString(toks[i].Text)
			if unicode.IsLetter(r) {
				words++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if words >= 3 && upper*10 >= words*6 {
			for i := sn.First; i < sn.Limit && i < len(toks); i++ {
				titleCase[i] = true
			}
		}
	}
	sentenceStart := make([]bool, len(toks))
	for _, sn := range a.Sentences {
		if sn.First < len(toks) {
			sentenceStart[sn.First] = true
		}
	}
	out := append([]claimgraph.Mention(nil), mentions...)
	orgCount := map[string]int{}
	mi := 0
	sorted := append([]claimgraph.Mention(nil), mentions...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for i := 0; i < len(toks); i++ {
		for mi < len(sorted) && sorted[mi].Start < toks[i].Start {
			if m := sorted[mi]; m.Type == claimgraph.TypeORG && m.Name != "" {
				orgCount[m.Name]++
			}
			mi++
		}
		if covered[i] {
			continue
		}
		if toks[i].POS == "PROPN" && capitalized(toks[i].Text) && !calendarWord(toks[i].Text) && !adjectivalCompound(toks[i].Text) && !titleCase[i] {
			j := i
			for j < len(toks) && toks[j].POS == "PROPN" && !covered[j] && !calendarWord(toks[j].Text) {
				j++
			}
			if j == i+1 && sentenceStart[i] {
				// One capitalized word opening a sentence ("Port of
				// Dunmore reopens", "Ministry officials said") is read as
				// a name by the tagger's case alone: no evidence of one.
				continue
			}
			s, e := toks[i].Start, toks[j-1].End
			out = append(out, claimgraph.Mention{Start: s, End: e, Text: text[s:e], Kind: claimgraph.MentionName, Name: text[s:e], Confidence: 0.4})
			i = j - 1
			continue
		}
		if strings.EqualFold(toks[i].Text, "the") {
			j := i + 1
			// Modifiers before the head: "the notorious terrorist group".
			for j < len(toks) && j < i+4 && !covered[j] && !orgAnaphors[strings.ToLower(toks[j].Text)] &&
				(toks[j].POS == "ADJ" || toks[j].POS == "NOUN" || toks[j].POS == "VERB") {
				j++
			}
			if j < len(toks) && !covered[j] && orgAnaphors[strings.ToLower(toks[j].Text)] && (j+1 >= len(toks) || !strings.EqualFold(toks[j+1].Text, "of")) {
				best, n := "", 0
				for name, c := range orgCount {
					if c > n || c == n && name < best {
						best, n = name, c
					}
				}
				if best != "" && n >= 2 {
					s, e := toks[i].Start, toks[j].End
					out = append(out, claimgraph.Mention{Start: s, End: e, Text: text[s:e], Type: claimgraph.TypeORG,
						Kind: claimgraph.MentionDescription, Name: best, Confidence: 0.4})
				}
				i = j
			}
		}
	}
	// The added mentions belong to the document and to chains of their own
	// (an organization anaphor to its organization's chain), so that
	// resolution never joins them with unrelated mentions.
	doc, next := "", 0
	chainOf := map[string]int{}
	for _, m := range mentions {
		doc = m.Doc
		if m.Chain >= next {
			next = m.Chain + 1
		}
		if _, ok := chainOf[m.Name]; !ok && m.Type == claimgraph.TypeORG {
			chainOf[m.Name] = m.Chain
		}
	}
	for i := len(mentions); i < len(out); i++ {
		out[i].Doc = doc
		if c, ok := chainOf[out[i].Name]; ok && out[i].Kind == claimgraph.MentionDescription {
			out[i].Chain = c
			continue
		}
		if out[i].Type == "" {
			out[i].Type = claimgraph.TypeMISC
		}
		out[i].Chain = next
		next++
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

var calendar = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// calendarWord reports month and day names: times, not actors.
func calendarWord(w string) bool { return calendar[strings.ToLower(w)] }

// adjectivalCompound reports words like "US-backed", "Iran-based".
func adjectivalCompound(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsLower(r)
}

// capitalized reports whether w begins with an upper-case letter: a name the
// tagger's PROPN alone proposes must at least be written as one (not
// "militia", not a control character).
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

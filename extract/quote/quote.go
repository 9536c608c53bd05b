// Package quote finds speech in news text: direct quotes inside quotation
// marks, reported (indirect) speech and mixed forms, each with its speaker,
// its cue (the reporting verb phrase) and, when the speech was relayed, the
// outlet or person it came through ("via").
//
// The extractor is rule-based over tokens, sentences and mentions: it needs
// no parser, so it runs at the speed of a scan. Part-of-speech tags are used
// when the analysis has them (a NOUN "claims" is not a cue) and are not
// required. Every span is a byte offset into the document's text.
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// Extract returns the quotes of a document in text order.
//
// a is the analysis of text (tokens and sentences; POS and entities when
// available); when a is nil or has no tokens the text is tokenized here.
// mentions are the document's mentions (from the entities stage); when empty,
// a's named entities stand in for them. ranges are the byte ranges to search
// (the document's main text); nil means the whole text. A quote whose speaker
// cannot be found is returned with Speaker == nil, never dropped.
func Extract(doc, text string, a *nlp.Analysis, mentions []claimgraph.Mention, ranges [][2]int) []claimgraph.Quote {
	x := newIndex(doc, text, a, mentions, ranges)
	cands := x.directQuotes()
	cands = append(cands, x.indirectQuotes(cands)...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].q.Content.Start < cands[j].q.Content.Start })
	cands = x.dropNested(cands)
	x.resolveSpeakers(cands)
	cands = x.mergeInterrupted(cands)
	out := make([]claimgraph.Quote, 0, len(cands))
	for _, c := range cands {
		if c.q.Attribution == "" {
			c.q.Attribution = AttributionKind(c.q.CueLemma)
		}
		c.q.Factuality = KindFactuality(c.q.Attribution)
		if c.evidential {
			c.q.Factuality = claimgraph.FactPossible
		}
		if c.limit > c.first && x.toks[c.limit-1].Text == "?" && c.q.Factuality == claimgraph.FactReported {
			c.q.Factuality = claimgraph.FactQuestion
		}
		out = append(out, c.q)
	}
	return out
}

// dropNested drops a direct quote with no attribution of its own that lies
// inside another quote's content: it is a quoted phrase of that content
// (`X reported that she wanted to "keep it under wraps"`), not a second
// attribution.
func (x *index) dropNested(cands []candidate) []candidate {
	out := cands[:0]
	for i, c := range cands {
		nested := false
		if c.q.Kind == claimgraph.QuoteDirect && c.q.Cue.End == 0 && c.spk.first < 0 {
			for j, o := range cands {
				if j != i && o.first <= c.first && o.limit >= c.limit && o.limit-o.first > c.limit-c.first {
					nested = true
					break
				}
			}
		}
		if !nested {
			out = append(out, c)
		}
	}
	return out
}

// mergeInterrupted joins the pieces of one interrupted attribution into one
// quote with a fragment per piece: `"A," she said, "B."` (both pieces share
// the cue between them), and a direct quote that carries on the previous
// one's speech without an attribution of its own (`"A," she said. "B."`).
func (x *index) mergeInterrupted(cands []candidate) []candidate {
	var out []candidate
	for _, c := range cands {
		if n := len(out); n > 0 {
			p := &out[n-1]
			sameCue := p.q.Cue.End > p.q.Cue.Start && c.q.Cue == p.q.Cue && p.q.Cue.Start >= p.q.Content.End && p.q.Cue.End <= c.q.Content.Start
			carriesOn := c.inherit && c.spk.first < 0 && p.q.Speaker != nil && c.q.Speaker != nil && *c.q.Speaker == *p.q.Speaker &&
				x.sentOf[c.first]-x.sentOf[p.limit-1] <= 2 && x.paraOf[c.first] == x.paraOf[p.limit-1]
			if p.q.Kind == claimgraph.QuoteDirect && c.q.Kind == claimgraph.QuoteDirect && (sameCue || carriesOn) {
				if len(p.q.Fragments) == 0 {
					p.q.Fragments = []claimgraph.TextSpan{p.q.Content}
				}
				p.q.Fragments = append(p.q.Fragments, c.q.Content)
				p.limit = c.limit
				p.q.Content = x.span(p.first, p.limit)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// candidate is a quote under construction with the token positions the
// speaker resolution needs.
type candidate struct {
	q            claimgraph.Quote
	first, limit int        // content token range
	spk          speakerRef // the speaker as found in the text, unresolved
	inherit      bool       // no attribution of its own: take the previous quote's speaker
	evidential   bool       // "X seems to Y": no source, the content only possible
}

// speakerRef is a speaker span found by a pattern, before resolution.
type speakerRef struct {
	first, limit int // token range; first < 0 when there is none
	mention      int // mention index covering it, -1 when none
	conf         float64
}

var noSpeaker = speakerRef{first: -1, mention: -1}

// index holds one document's tokens with the lookups the patterns need.
type index struct {
	doc, text string
	toks      []nlp.Token
	lower     []string
	sents     []nlp.Sentence
	sentOf    []int // token -> sentence index
	paraOf    []int // token -> paragraph index (a line break starts one)
	inRange   []bool
	mentions  []claimgraph.Mention
	// mention token ranges and, per token, the longest mention starting and
	// ending there (-1 when none).
	mFirst, mLimit   []int
	startAt, endAt   []int
	coveredBy        []int // token -> innermost (shortest) mention covering it, -1
	quoteContent     []bool
	tagged           bool
	pronounMentions  map[int]int // token -> mention index for pronoun mentions
	resolvedSpeakers []resolved
	// genders records the pronoun a speaker has been taken up with ("he",
	// "she"), so a later pronoun of the other gender looks further back.
	genders map[string]string
}

// resolved is a speaker already attributed, for pronoun resolution.
type resolved struct {
	tok int
	spk *claimgraph.Speaker
}

func newIndex(doc, text string, a *nlp.Analysis, mentions []claimgraph.Mention, ranges [][2]int) *index {
	x := &index{doc: doc, text: text, genders: map[string]string{}}
	if a != nil && len(a.Tokens) > 0 {
		x.toks, x.sents = a.Tokens, a.Sentences
		if len(x.sents) == 0 {
			x.sents = nlp.SplitSentences(text, x.toks)
		}
	} else {
		x.toks = nlp.Tokenize(text)
		x.sents = nlp.SplitSentences(text, x.toks)
	}
	x.sents = joinAbbrevSplits(text, x.toks, x.sents)
	x.toks, x.sents = mergeDoubleApostrophes(text, x.toks, x.sents)
	if len(mentions) == 0 && a != nil {
		mentions = mentionsFromEntities(doc, a.Entities)
	}
	x.mentions = mentions
	n := len(x.toks)
	x.lower = make([]string, n)
	x.sentOf = make([]int, n)
	x.paraOf = make([]int, n)
	x.inRange = make([]bool, n)
	x.quoteContent = make([]bool, n)
	para := 0
	for i, t := range x.toks {
		x.lower[i] = lowerASCII(t.Text)
		if strings.ContainsRune(x.lower[i], '\u2019') {
			// "n’t", "’s": the patterns spell apostrophes straight.
			x.lower[i] = strings.ReplaceAll(x.lower[i], "\u2019", "'")
		}
		if t.POS != "" {
			x.tagged = true
		}
		if i > 0 && strings.ContainsAny(text[x.toks[i-1].End:t.Start], "\n\r\u2028\u2029") {
			para++
		}
		x.paraOf[i] = para
	}
	for si, s := range x.sents {
		for i := s.First; i < s.Limit && i < n; i++ {
			x.sentOf[i] = si
		}
	}
	if ranges == nil {
		for i := range x.inRange {
			x.inRange[i] = true
		}
	} else {
		for i, t := range x.toks {
			for _, r := range ranges {
				if t.Start >= r[0] && t.End <= r[1] {
					x.inRange[i] = true
					break
				}
			}
		}
	}
	x.indexMentions()
	return x
}

// mergeDoubleApostrophes turns two apostrophes in a row into one token,
// the double quote mark of some newswires (two apostrophes before "a story
// of hope," and two after), so that the quote patterns see one mark. The
// analysis's tokens are left alone: a merged copy is made only when there
// is a pair.
func mergeDoubleApostrophes(text string, toks []nlp.Token, sents []nlp.Sentence) ([]nlp.Token, []nlp.Sentence) {
	pair := func(i int) bool {
		return i+1 < len(toks) && toks[i].Text == "'" && toks[i+1].Text == "'" && toks[i].End == toks[i+1].Start
	}
	found := false
	for i := range toks {
		if pair(i) {
			found = true
			break
		}
	}
	if !found {
		return toks, sents
	}
	out := make([]nlp.Token, 0, len(toks))
	// newIdx maps a token boundary to the merged tokens; a boundary
	// between the two apostrophes of a pair moves after the pair (a
	// sentence ending in `.''` keeps its closing mark).
	newIdx := make([]int, len(toks)+1)
	for i := 0; i < len(toks); i++ {
		newIdx[i] = len(out)
		if pair(i) {
			t := toks[i]
			t.End = toks[i+1].End
			t.Text = text[t.Start:t.End]
			out = append(out, t)
			newIdx[i+1] = len(out)
			i++
			continue
		}
		out = append(out, toks[i])
	}
	newIdx[len(toks)] = len(out)
	ns := make([]nlp.Sentence, 0, len(sents))
	for _, s := range sents {
		s.First, s.Limit = newIdx[min(s.First, len(toks))], newIdx[min(s.Limit, len(toks))]
		if s.First < s.Limit {
			ns = append(ns, s)
		}
	}
	return out, ns
}

// joinAbbrevSplits joins a sentence to the one before it when it opens
// with a lower-case word in the same paragraph: the split fell after an
// abbreviation inside a name ("Rep. Elijah E. Cummings (D-Md.) said"), and
// the attribution patterns must see the name and its cue together.
func joinAbbrevSplits(text string, toks []nlp.Token, sents []nlp.Sentence) []nlp.Sentence {
	join := false
	for i := 1; i < len(sents); i++ {
		if lowerStart(text, toks, sents[i-1], sents[i]) {
			join = true
			break
		}
	}
	if !join {
		return sents
	}
	out := make([]nlp.Sentence, 0, len(sents))
	for i, s := range sents {
		if n := len(out); n > 0 && lowerStart(text, toks, sents[i-1], s) {
			out[n-1].Limit, out[n-1].End = s.Limit, s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

func lowerStart(text string, toks []nlp.Token, prev, s nlp.Sentence) bool {
	if s.First >= len(toks) || s.First <= 0 || prev.Limit != s.First {
		return false
	}
	if strings.ContainsAny(text[toks[s.First-1].End:toks[s.First].Start], "\n\r") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[s.First].Text)
	p := toks[s.First-1].Text
	return unicode.IsLower(r) && (strings.HasSuffix(p, ".") && len(p) > 1 || p == ")")
}

// mentionsFromEntities turns named entities into name mentions, one chain
// per distinct text, for callers that have no entities stage.
func mentionsFromEntities(doc string, ents []nlp.Entity) []claimgraph.Mention {
	chains := map[string]int{}
	out := make([]claimgraph.Mention, 0, len(ents))
	for _, e := range ents {
		c, ok := chains[e.Text]
		if !ok {
			c = len(chains)
			chains[e.Text] = c
		}
		out = append(out, claimgraph.Mention{Doc: doc, Start: e.Start, End: e.End, Text: e.Text, Type: e.Type,
			Kind: claimgraph.MentionName, Name: e.Text, Chain: c, Confidence: e.Confidence})
	}
	return out
}

func (x *index) indexMentions() {
	n := len(x.toks)
	x.startAt = fill(n+1, -1)
	x.endAt = fill(n+1, -1)
	x.coveredBy = fill(n, -1)
	x.mFirst = make([]int, len(x.mentions))
	x.mLimit = make([]int, len(x.mentions))
	x.pronounMentions = map[int]int{}
	for mi, m := range x.mentions {
		f := sort.Search(n, func(i int) bool { return x.toks[i].End > m.Start })
		l := sort.Search(n, func(i int) bool { return x.toks[i].Start >= m.End })
		x.mFirst[mi], x.mLimit[mi] = f, l
		if f >= l {
			continue
		}
		if s := x.startAt[f]; s < 0 || l-f > x.mLimit[s]-x.mFirst[s] {
			x.startAt[f] = mi
		}
		if e := x.endAt[l]; e < 0 || l-f > x.mLimit[e]-x.mFirst[e] {
			x.endAt[l] = mi
		}
		for i := f; i < l; i++ {
			if c := x.coveredBy[i]; c < 0 || l-f < x.mLimit[c]-x.mFirst[c] {
				x.coveredBy[i] = mi
			}
		}
		if m.Kind == claimgraph.MentionPronoun {
			x.pronounMentions[f] = mi
		}
	}
}

func fill(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// span returns the byte span of tokens [first, limit).
func (x *index) span(first, limit int) claimgraph.TextSpan {
	if first >= limit || first < 0 {
		return claimgraph.TextSpan{}
	}
	s, e := x.toks[first].Start, x.toks[limit-1].End
	return claimgraph.TextSpan{Text: x.text[s:e], Start: s, End: e}
}

// sentence returns the token range of the sentence holding token i.
func (x *index) sentence(i int) (int, int) {
	s := x.sents[x.sentOf[i]]
	return s.First, s.Limit
}

// isWord reports a token that starts with a letter or digit.
func (x *index) isWord(i int) bool {
	r, _ := utf8.DecodeRuneInString(x.toks[i].Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (x *index) isUpper(i int) bool {
	r, _ := utf8.DecodeRuneInString(x.toks[i].Text)
	return unicode.IsUpper(r)
}

// words counts word tokens in [first, limit).
func (x *index) words(first, limit int) int {
	n := 0
	for i := first; i < limit; i++ {
		if x.isWord(i) {
			n++
		}
	}
	return n
}

// cue reports whether token i is a reporting verb, with its lexicon entry.
// A token tagged as a noun or adjective is not one ("the claims", "alleged").
func (x *index) cue(i int) (cueInfo, bool) {
	if i < 0 || i >= len(x.toks) {
		return cueInfo{}, false
	}
	info, ok := cueForms[x.lower[i]]
	if !ok {
		return cueInfo{}, false
	}
	if x.tagged {
		switch x.toks[i].POS {
		case "NOUN", "PROPN", "ADJ", "ADP", "DET":
			if !x.verbReadAsNoun(i) {
				return cueInfo{}, false
			}
		}
	}
	// After an article or a possessive the word is a noun ("in its report");
	// after "as" or "than" it is a comparison ("twice as large as reported").
	if i > 0 && (articles[x.lower[i-1]] || x.lower[i-1] == "as" || x.lower[i-1] == "than") {
		return cueInfo{}, false
	}
	// After an article or a possessive the word is a noun ("in its report");
	// after "as" or "than" it is a comparison ("twice as large as reported").
	if i > 0 && (articles[x.lower[i-1]] || x.lower[i-1] == "as" || x.lower[i-1] == "than") {
		return cueInfo{}, false
	}
	if info.lemma == "point out" {
		if i+1 >= len(x.toks) || x.lower[i+1] != "out" {
			return cueInfo{}, false
		}
	}
	return info, true
}

// verbReadAsNoun reports a cue form the tagger read as a noun where only a
// verb fits: after a name or a personal pronoun and before a clause ("Haddad
// believes Orion funded ...", "She claims that ...").
func (x *index) verbReadAsNoun(i int) bool {
	if x.toks[i].POS != "NOUN" || i == 0 || i+1 >= len(x.toks) {
		return false
	}
	if p := x.toks[i-1].POS; p != "PROPN" && !(p == "PRON" && pronouns[x.lower[i-1]]) {
		return false
	}
	switch x.toks[i+1].POS {
	case "PROPN", "DET", "PRON", "SCONJ":
		return x.lower[i+1] != "'s"
	}
	return false
}

// cueSpanEnd returns the token limit of the cue starting at i: "pointed out"
// takes two tokens.
func (x *index) cueSpanEnd(i int, info cueInfo) int {
	if info.lemma == "point out" {
		return i + 2
	}
	return i + 1
}

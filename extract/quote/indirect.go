package quote

import (
	"strings"

	"github.com/claimgraph/claimgraph"
)

// indirectQuotes finds reported speech in the searched sentences, skipping
// cues already used by direct quotes and text inside direct quotes.
func (x *index) indirectQuotes(direct []candidate) []candidate {
	usedCue := map[int]bool{}
	for _, c := range direct {
		if c.q.Cue.End > 0 {
			usedCue[c.q.Cue.Start] = true
		}
	}
	var out []candidate
	for _, s := range x.sents {
		for i := s.First; i < s.Limit && i < len(x.toks); i++ {
			if !x.inRange[i] || x.quoteContent[i] || usedCue[x.toks[i].Start] {
				continue
			}
			var c candidate
			var ok bool
			switch {
			case x.lower[i] == "according" && i+1 < s.Limit && x.lower[i+1] == "to":
				c, ok = x.accordingTo(s.First, s.Limit, i)
			case x.lower[i] == "quoted" && i > s.First && beAux[x.lower[i-1]]:
				c, ok = x.quotedAs(s.First, s.Limit, i)
			case evidentials[x.lower[i]] || x.lower[i] == "expected" && i > s.First && beAux[x.lower[i-1]]:
				c, ok = x.evidential(s.First, s.Limit, i)
			case beliefAdjs[x.lower[i]] && i > s.First+1 && beAux[x.lower[i-1]]:
				c, ok = x.beliefAdj(s.First, s.Limit, i)
			case x.lower[i] == "asked" && i == s.First:
				c, ok = x.askedOpening(s.First, s.Limit, i)
			case x.toks[i].Text == ":":
				c, ok = x.colonLine(i)
			case x.lower[i] == "in" && i == s.First:
				c, ok = x.inDocument(s.First, s.Limit, i)
			default:
				if info, isCue := x.cue(i); isCue {
					c, ok = x.reported(s.First, s.Limit, i, info)
				}
				if fi, isFrame := x.frameCue(i); !ok && isFrame {
					c, ok = x.framed(s.First, s.Limit, i, fi)
				}
				if !ok {
					c, ok = x.thatClause(s.First, s.Limit, i)
				}
			}
			minWords := 3
			if c.q.Attribution != "" {
				minWords = 2 // "him to resign", "the ban"
				if m := x.startAt[c.first]; m >= 0 && x.mLimit[m] == c.limit {
					minWords = 1 // a name: "endorsed Clinton", "mentioned Machado"
				}
			}
			if !ok || c.first >= c.limit || x.words(c.first, c.limit) < minWords {
				continue
			}
			if x.overlapsDirect(direct, c) {
				continue
			}
			c.q.Doc = x.doc
			c.q.Content = x.span(c.first, c.limit)
			if c.q.Kind == "" {
				c.q.Kind = claimgraph.QuoteIndirect
			}
			for j := c.first; j < c.limit; j++ {
				if isDoubleMark(x.toks[j].Text) {
					c.q.Kind = claimgraph.QuoteMixed
					break
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// overlapsDirect reports reported speech whose content is mostly a direct
// quote found already (`X said that "..."` is kept as the direct quote). A
// quoted stretch with no attribution of its own that lies inside the
// reported clause is no conflict: `She says it shows Trump is "unfit."` is
// one mixed attribution, and dropNested then drops the bare direct quote.
func (x *index) overlapsDirect(direct []candidate, c candidate) bool {
	for _, d := range direct {
		if d.q.Cue.End == 0 && d.spk.first < 0 && d.first > c.first && d.limit <= c.limit+1 {
			continue
		}
		lo, hi := max(d.first, c.first), min(d.limit, c.limit)
		if hi > lo && 2*(hi-lo) >= c.limit-c.first {
			return true
		}
	}
	return false
}

// accordingTo handles "according to X, CONTENT" and "CONTENT, according to X".
func (x *index) accordingTo(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	np := i + 2
	for np < sl && determiners[x.lower[np]] && x.startAt[np] < 0 {
		np++
	}
	if np >= sl || x.lower[np] == "which" || x.lower[np] == "whom" {
		return c, false
	}
	c.spk = x.npAfter(np, sl)
	if c.spk.first < 0 {
		return c, false
	}
	if x.startAt[i+2] >= 0 || determiners[x.lower[i+2]] {
		c.spk.first = i + 2
		if m := x.startAt[i+2]; m >= 0 {
			c.spk.mention = m
			c.spk.limit = x.mLimit[m]
		}
	}
	x.setCue(&c, i, i+2, "according to")
	end := c.spk.limit
	for end < sl && !x.npBoundary(end) {
		end++
	}
	// After X comes the content only if it holds a clause; "CONTENT,
	// according to X, assistant professor of art." ends in an appositive.
	after := end < sl && x.toks[end].Text == "," && x.words(end+1, sl) >= 3
	if after && i > sf && x.words(sf, i) >= 3 {
		after = x.hasVerb(end+1, sl)
	}
	switch {
	case after:
		// "According to X, CONTENT" (also mid-sentence: "He has learned
		// that, according to X, CONTENT"), past an appositive ("according
		// to X, a professor of art, CONTENT").
		from := end + 1
		if k := x.appositiveEnd(from, sl); k > 0 && x.lower[from] != "quoting" && x.lower[from] != "citing" {
			from = k + 1
		}
		// "According to X, quoting Y, CONTENT": Y speaks, via X.
		if from < sl && (x.lower[from] == "quoting" || x.lower[from] == "citing") {
			for k := from + 1; k < sl && k < from+16; k++ {
				if x.toks[k].Text != "," {
					continue
				}
				if y := x.npAfter(from+1, k); y.first >= 0 {
					sp := x.span(c.spk.first, c.spk.limit)
					c.q.Via, c.q.ViaSpan = sp.Text, &sp
					if c.spk.mention >= 0 {
						c.q.Via = x.mentionName(c.spk.mention)
					}
					c.spk = y
					from = k + 1
				}
				break
			}
		}
		c.first, c.limit = x.trimContent(from, sl)
	case i > sf:
		// "CONTENT, according to X." at the end of the sentence.
		cl := i
		if x.toks[i-1].Text == "," {
			cl = i - 1
		}
		c.first, c.limit = x.trimContent(sf, cl)
	}
	return c, c.first < c.limit
}

// evidentials are verbs of appearance: "X seems to Y" presents X's Y as an
// impression with no named source.
var evidentials = set("seems", "seemed", "seem", "appears", "appeared", "appear")

// evidential reads "X seems to be Y", "X appeared to win", "X is expected
// to Y": an attribution with no named source whose content is the subject
// and the infinitive, two fragments around the verb. Its factuality is
// possible, not reported: nobody is quoted as saying it.
func (x *index) evidential(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	if x.tagged && x.toks[i].POS != "VERB" || i+2 >= sl || x.lower[i+1] != "to" || !x.verbish(i+2) {
		return c, false
	}
	g := x.verbGroupStart(sf, i)
	if x.lower[i] == "expected" {
		g = x.verbGroupStart(sf, i-1)
	}
	subj := x.subjectBefore(sf, g)
	if subj.first < 0 || subj.limit != g || x.lower[subj.first] == "it" || x.lower[subj.first] == "there" {
		return c, false // "it seems that" reads as a clause of its own
	}
	end := x.contentEnd(i+1, sl)
	f2, l2 := x.trimContent(i+1, end)
	if x.words(f2, l2) < 2 {
		return c, false
	}
	x.setCue(&c, g, i+1, strings.TrimSuffix(strings.TrimSuffix(x.lower[i], "s"), "ed"))
	c.q.Attribution = claimgraph.AttrBelief
	c.first, c.limit = subj.first, l2
	c.q.Fragments = []claimgraph.TextSpan{x.span(subj.first, subj.limit), x.span(f2, l2)}
	c.evidential = true
	return c, true
}

// beliefAdjs describe a stance held toward a clause: "X is confident
// that ...", "X is determined to ...".
var beliefAdjs = set("afraid", "confident", "sure", "convinced", "worried", "concerned", "eager", "determined",
	"optimistic", "pessimistic", "skeptical", "hopeful", "certain", "adamant", "aware", "fearful", "unsure", "doubtful")

// beliefAdj reads "X is confident (that) CONTENT" and "X is eager to
// CONTENT": the subject holds the belief or the intention.
func (x *index) beliefAdj(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	ce := i + 1
	if ce+1 >= sl {
		return c, false
	}
	from := -1
	switch {
	case x.lower[ce] == "that":
		from = ce + 1
	case x.lower[ce] == "to" && x.verbish(ce+1):
		from = ce
	case x.clauseStart(ce) && x.hasVerb(ce+1, min(ce+6, sl)) && !preps[x.lower[ce]]:
		from = ce
	}
	if from < 0 {
		return c, false
	}
	g := x.verbGroupStart(sf, i-1)
	c.spk = x.subjectBefore(sf, g)
	if c.spk.first < 0 || !x.actor(c.spk) {
		return c, false
	}
	x.setCue(&c, i-1, ce, x.lower[i])
	c.q.Attribution = claimgraph.AttrBelief
	if x.lower[ce] == "to" {
		c.q.Attribution = claimgraph.AttrIntention
	}
	c.first, c.limit = x.trimContent(from, x.contentEnd(from, sl))
	return c, c.first < c.limit
}

// askedOpening reads a sentence that opens with "Asked whether Z, X
// said ...": the embedded question up to the comma is asked of X by
// someone unnamed (an interviewer); X's answer is attributed on its own.
func (x *index) askedOpening(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	from := -1
	for k := i + 1; k < sl && k < i+5; k++ {
		if whWords[x.lower[k]] || x.lower[k] == "about" || x.lower[k] == "to" {
			from = k
			if x.lower[k] == "about" {
				from++
			}
			break
		}
	}
	if from < 0 {
		return c, false
	}
	end := -1
	for k := from; k < sl; k++ {
		if x.toks[k].Text == "," {
			end = k
			break
		}
	}
	if end < 0 {
		return c, false
	}
	x.setCue(&c, i, i+1, "ask")
	c.q.Attribution = claimgraph.AttrQuestion
	c.first, c.limit = x.trimContent(from, end)
	return c, c.first < c.limit
}

// colonLine reads a line that opens with a name and a colon, a headline's
// or a transcript's attribution ("Sanders: Clinton needs to change
// course"): the name speaks, the colon is the cue, the rest of the
// paragraph is the content. A quote right after the colon is the direct
// quote's business.
func (x *index) colonLine(i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	p := i
	for p > 0 && x.paraOf[p-1] == x.paraOf[i] {
		p--
	}
	if p >= i || i+1 >= len(x.toks) || x.paraOf[i+1] != x.paraOf[i] || isDoubleMark(x.toks[i+1].Text) {
		return c, false
	}
	switch m := x.startAt[p]; {
	case m >= 0 && x.mLimit[m] == i && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG):
		c.spk = speakerRef{first: p, limit: i, mention: m, conf: 0.7}
	case i == p+1 && sourceHeads[x.lower[p]]:
		c.spk = speakerRef{first: p, limit: i, mention: -1, conf: 0.5}
	default:
		return c, false
	}
	x.setCue(&c, i, i+1, "colon")
	c.first, c.limit = x.trimContent(i+1, x.paraLast(i)+1)
	return c, c.first < c.limit
}

// inDocument reads "In a poll released Tuesday, CONTENT" and "In its
// report, CONTENT": the document (a poll, a report, a statement) is the
// source, "in" the cue. When a reporting verb follows in the content ("In
// a statement, X said ..."), that verb's attribution is the one.
func (x *index) inDocument(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	comma, head := -1, -1
	for k := i + 1; k < sl && k < i+14; k++ {
		if x.toks[k].Text == "," {
			comma = k
			break
		}
		if docHeads[x.lower[k]] && head < 0 {
			head = k
		}
		if x.lower[k] == "of" && head < 0 {
			return c, false // "In the wake of the report": not the report's words
		}
		if x.npBoundary(k) || isDoubleMark(x.toks[k].Text) {
			return c, false
		}
	}
	if comma < 0 || head < 0 || !determiners[x.lower[i+1]] && x.startAt[i+1] < 0 {
		return c, false
	}
	end := x.contentEnd(comma+1, sl)
	if x.words(comma+1, end) < 4 || x.anyCueWithin(comma+1, min(end, comma+10)) {
		return c, false
	}
	c.spk = speakerRef{first: i + 1, limit: head + 1, mention: -1, conf: 0.5}
	// "In his speech", "In Trump's letter": the owner speaks.
	for k := i + 1; k < head; k++ {
		if possessives[x.lower[k]] {
			m, ok := x.pronounMentions[k]
			if !ok {
				return c, false // an owner not resolved: no guess
			}
			c.spk = speakerRef{first: k, limit: k + 1, mention: m, conf: 0.6}
			break
		}
		if m := x.startAt[k]; m >= 0 && x.mLimit[m] < head && (x.lower[x.mLimit[m]] == "'s" || x.lower[x.mLimit[m]] == "\u2019s") {
			c.spk = speakerRef{first: k, limit: x.mLimit[m], mention: m, conf: 0.7}
			break
		}
	}
	x.setCue(&c, i, i+1, "in")
	c.q.Attribution = claimgraph.AttrFinding
	c.first, c.limit = x.trimContent(comma+1, end)
	return c, c.first < c.limit
}

var possessives = set("his", "her", "their", "its", "our", "my")

// docHeads are documents whose findings or words news cites with "in".
// A speech, a statement or an interview is not one: "In a statement, X
// laid out ..." is X's act, told by the outlet.
var docHeads = set("poll", "polls", "survey", "surveys", "study", "report", "analysis", "memo", "filing", "complaint",
	"lawsuit", "editorial", "op-ed", "column", "essay", "article", "book")

func (x *index) anyCueWithin(first, limit int) bool {
	for k := first; k < limit; k++ {
		if x.anyCue(k) {
			return true
		}
	}
	return false
}

// quotedAs handles "X was quoted by Y as saying (that) CONTENT" and
// "CONTENT, X was quoted by Y as saying": speaker X, via Y.
func (x *index) quotedAs(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	aux := i - 1
	as := -1
	for j := i + 1; j < sl && j < i+14; j++ {
		if x.lower[j] == "as" && j+1 < sl {
			if _, ok := cueForms[x.lower[j+1]]; ok {
				as = j
				break
			}
		}
		if x.npBoundary(j) {
			break
		}
	}
	if as < 0 {
		return c, false
	}
	cueEnd := as + 2
	if i+1 < as && x.lower[i+1] == "by" {
		x.setVia(&c, i+2, as)
	}
	c.spk = x.subjectBefore(sf, aux)
	x.setCue(&c, aux, cueEnd, "quote")
	c.q.CueLemma = "quote"
	if cueEnd < sl && x.words(cueEnd, sl) >= 3 {
		c.first, c.limit = x.trimContent(cueEnd, sl)
		return c, true
	}
	// The content came first: it ends at the comma before the subject.
	if c.spk.first > sf && x.toks[c.spk.first-1].Text == "," {
		c.first, c.limit = x.trimContent(sf, c.spk.first-1)
		return c, true
	}
	return c, false
}

// reported handles a reporting verb at token i: trailing attributions
// (`CONTENT, he reiterated.`, `CONTENT, said X.`) and leading ones
// (`X said (that) CONTENT`, `X told Y that CONTENT`, `X said in an
// interview with Y that CONTENT`).
func (x *index) reported(sf, sl, i int, info cueInfo) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	w := x.lower[i]
	// "is saying" is a progressive cue; a bare participle ("saying ...")
	// belongs to another clause's subject.
	ing := len(w) > 4 && w[len(w)-3:] == "ing"
	progressive := ing && i > sf && beAux[x.lower[i-1]] && x.lower[i-1] != "being" && x.lower[i-1] != "be"
	if x.modalBefore(i) {
		return c, false
	}
	if ing && !progressive {
		// ", adding that ...", ", arguing ...": the participle's speaker is
		// the subject of the clause it hangs on.
		// Also after "while", "after", "by" or a dash ("while saying
		// that ...", "– saying he was rooting for ...").
		if i > sf && (x.toks[i-1].Text == "," || participleLeads[x.lower[i-1]] || isDash(x.toks[i-1].Text)) {
			return x.participle(sf, sl, i, info)
		}
		return c, false
	}
	ce := x.cueSpanEnd(i, info)
	// "claimed to be", "said to have": a raising verb, not speech.
	if ce < sl && x.lower[ce] == "to" && ce+1 < sl && !x.isUpper(ce+1) && !determiners[x.lower[ce+1]] && x.startAt[ce+1] < 0 {
		return c, false
	}
	// Passive: "were claimed by", "it was reported that".
	if i > sf && beAux[x.lower[i-1]] && !progressive {
		if ce < sl && x.lower[ce] == "that" {
			x.setCue(&c, i-1, ce, info.lemma)
			c.first, c.limit = x.trimContent(ce+1, sl)
			return c, true
		}
		return c, false
	}
	x.setCue(&c, i, ce, info.lemma)
	// Reported content ends where a contrasting clause starts (", but the
	// opposition argued that ..."), which has its own voice.
	end := x.contentEnd(ce, sl)
	// A parenthetical attribution: "A, Mr. Clarke said, B." is one
	// attribution of A and B.
	if c2, ok := x.parenthetical(sf, sl, i, ce); ok {
		x.setCue(&c2, i, ce, info.lemma)
		return c2, true
	}
	// Trailing attribution: the cue clause closes the sentence.
	if tail := x.tailAfterCue(ce, sl); tail >= 0 {
		if i > sf && x.toks[i-1].Text == "," { // `CONTENT, said X, a ...`
			c.spk = x.npAfter(ce, sl)
			c.first, c.limit = x.trimContent(sf, i-1)
			if c.spk.first >= 0 && x.words(c.first, c.limit) >= 3 {
				return c, true
			}
		}
		// `CONTENT, he reiterated.`: the subject follows the last comma.
		for j := i - 1; j > sf && j >= i-12; j-- {
			if x.toks[j].Text == "," {
				c.spk = x.subjectBefore(j+1, i)
				if !x.opensAfter(c.spk.first, j+1) {
					break
				}
				c.first, c.limit = x.trimContent(sf, j)
				if x.words(c.first, c.limit) >= 3 {
					return c, true
				}
				break
			}
			if x.npBoundary(j) {
				break
			}
		}
	}
	// Leading attribution, past auxiliaries and adverbs ("is saying",
	// "has already said", "tried to argue").
	c.spk = x.subjectBefore(sf, x.verbGroupStart(sf, i))
	if c.spk.first < 0 {
		return c, false
	}
	j := ce
	for k := ce; k < sl && k < ce+10; k++ {
		if x.lower[k] == "that" && k > ce && x.hasVerb(ce, k) && info.bare {
			// "said a device was found and that ...": a bare clause came
			// first; this "that" is within it.
			break
		}
		if x.lower[k] == "that" {
			x.viaBetween(&c, ce, k)
			c.first, c.limit = x.trimContent(k+1, end)
			return c, true
		}
		if x.toks[k].Text == "." || x.toks[k].Text == ";" || isDoubleMark(x.toks[k].Text) || x.toks[k].Text == ":" {
			break
		}
	}
	if !info.bare && !(namedBare[info.lemma] && x.actor(c.spk) && x.spk0Named(c.spk)) {
		// A verb with other senses ("reported", "revealed") takes a bare
		// clause only from a named person or organization: "CNN reported
		// six planes filled the skies".
		return c, false
	}
	// "said on Monday the ...": a time adverbial before the content.
	for j < sl && j < ce+4 && (timeWords[x.lower[j]] || x.lower[j] == "on" && j+1 < sl && timeWords[x.lower[j+1]]) {
		j++
	}
	if info.object { // "told reporters the ...", "told parliament the ...": skip the addressee
		var ok bool
		if j, ok = x.pastAddressee(j, sl); !ok {
			return c, false
		}
	}
	if j >= sl || !x.clauseStart(j) {
		return c, false
	}
	c.first, c.limit = x.trimContent(j, end)
	return c, x.words(c.first, c.limit) >= 4
}

// tailAfterCue reports whether only an attribution tail follows the cue (a
// name, an appositive, an adverbial) up to the sentence end: it returns the
// end index, or -1 when a clause follows.
func (x *index) tailAfterCue(ce, sl int) int {
	n := 0
	for k := ce; k < sl; k++ {
		switch x.lower[k] {
		case "that", ":":
			return -1
		}
		if isDoubleMark(x.toks[k].Text) {
			return -1
		}
		if x.isWord(k) {
			n++
		}
	}
	if n > 14 {
		return -1
	}
	// A clause right after the cue ("said the plan failed", "said New
	// Zealand's flag has ...") is not a tail: a tail is empty, an adverbial,
	// or a name phrase that ends the sentence or opens an appositive.
	if n == 0 || subjectSkip[x.lower[ce]] || x.lower[ce] == "on" || x.lower[ce] == "in" {
		return sl
	}
	l := -1
	if m := x.startAt[ce]; m >= 0 {
		l = x.mLimit[m]
	} else if pronouns[x.lower[ce]] {
		l = ce + 1
	}
	if l >= 0 {
		if l >= sl || !x.isWord(l) && x.lower[l] != "'s" && x.lower[l] != "\u2019s" || x.lower[l] == "who" {
			return sl
		}
		return -1
	}
	if determiners[x.lower[ce]] && x.words(ce, sl) <= 8 {
		for k := ce; k < sl; k++ {
			if x.toks[k].Text == "," {
				return sl
			}
		}
		// "said one source in the room": a verbless phrase to the end.
		if n <= 4 || !x.hasVerb(ce, sl) {
			return sl
		}
	}
	return -1
}

// clauseStart reports whether token j can open a reported clause.
func (x *index) clauseStart(j int) bool {
	switch x.lower[j] {
	case "to", "about", "of", "in", "on", "at", "for", "with", "by", "as", "so", "and", "or", "nothing", "something", "yes", "no":
		return false
	}
	if x.tagged {
		switch x.toks[j].POS {
		case "DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ":
			return true
		case "ADV", "CCONJ":
			// "says too much is made of it", "says neither X nor Y": a
			// clause opening with a degree word or "neither", not an
			// adverb of the cue ("said again", "said later").
			if x.lower[j] == "neither" || x.lower[j] == "either" {
				return true
			}
			return j+1 < len(x.toks) && (x.toks[j+1].POS == "ADJ" || x.toks[j+1].POS == "DET") && x.lower[j] != "again" && x.lower[j] != "later"
		}
		return false
	}
	return x.isWord(j) || isDoubleMark(x.toks[j].Text)
}

// appositiveEnd returns the comma closing an appositive that starts at
// token from (a noun phrase with no verb before the next comma), or -1.
func (x *index) appositiveEnd(from, sl int) int {
	for k := from; k < sl && k < from+14; k++ {
		if x.toks[k].Text == "," {
			if k > from && x.words(k+1, sl) >= 3 {
				return k
			}
			return -1
		}
		if x.verbish(k) || isDoubleMark(x.toks[k].Text) {
			return -1
		}
	}
	return -1
}

func (x *index) hasVerb(first, limit int) bool {
	for k := first; k < limit; k++ {
		if x.verbish(k) {
			return true
		}
	}
	return false
}

// verbish reports a verb by its tag, or without tags by its form: forms of
// be, have and the modals, and words in -ed.
func (x *index) verbish(k int) bool {
	if x.tagged {
		p := x.toks[k].POS
		return p == "VERB" || p == "AUX"
	}
	w := x.lower[k]
	return beAux[w] || modals[w] || w == "has" || w == "have" || w == "had" || len(w) > 4 && w[len(w)-2:] == "ed"
}

// cueWithin reports a reporting verb in tokens [first, limit).
func (x *index) cueWithin(first, limit int) bool {
	for k := first; k < limit; k++ {
		if _, ok := x.cue(k); ok {
			return true
		}
	}
	return false
}

var contrastive = set("but", "while", "whereas", "although", "though", "yet")

// pastAddressee returns where the addressee of an object cue starting at j
// ends: past a name ("told Reuters"), or past a short addressee
// (addresseeEnd); ok is false when there is neither.
func (x *index) pastAddressee(j, sl int) (end int, ok bool) {
	if m := x.startAt[j]; m >= 0 {
		return x.mLimit[m], true
	}
	if k := x.addresseeEnd(j, sl); k > j {
		return k, true
	}
	return j, false
}

// addresseeEnd returns where a short addressee after "told" ends: one to
// three words ("reporters", "the committee") followed by the start of a
// clause (a determiner, a pronoun or a name), or j when there is none.
func (x *index) addresseeEnd(j, sl int) int {
	for k := j + 1; k < sl && k <= j+3; k++ {
		if !x.isWord(k - 1) {
			return j
		}
		w := x.lower[k]
		if determiners[w] && w != "that" || pronouns[w] || x.startAt[k] >= 0 {
			return k
		}
	}
	return j
}

// parenthetical finds `A, SPEAKER CUE, B` with the cue at i ending at ce:
// a subject between a comma and the cue, a comma after the cue (past a
// time adverbial), at least two words on each side. The content is A and B
// as two fragments.
func (x *index) parenthetical(sf, sl, i, ce int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	k := ce
	for k < sl && k < ce+3 && (timeWords[x.lower[k]] || x.tagged && x.toks[k].POS == "ADV") {
		k++
	}
	if k >= sl || x.toks[k].Text != "," {
		return c, false
	}
	end := x.contentEnd(k+1, sl)
	if x.words(k+1, end) < 2 {
		return c, false
	}
	for j := i - 1; j > sf && j >= i-8; j-- {
		if x.toks[j].Text == "," {
			if x.words(sf, j) < 2 || isDoubleMark(x.toks[j-1].Text) {
				return c, false
			}
			c.spk = x.subjectBefore(j+1, x.verbGroupStart(j+1, i))
			if !x.opensAfter(c.spk.first, j+1) {
				return c, false
			}
			f1, l1 := x.trimContent(sf, j)
			f2, l2 := x.trimContent(k+1, end)
			if f1 >= l1 || f2 >= l2 {
				return c, false
			}
			c.first, c.limit = f1, l2
			c.q.Fragments = []claimgraph.TextSpan{x.span(f1, l1), x.span(f2, l2)}
			return c, true
		}
		if x.npBoundary(j) {
			return c, false
		}
	}
	return c, false
}

// namedBare are the cues with other senses that take a bare clause from a
// named source ("CNN reported the talks had failed"); "continued",
// "replied" and the like need a quote, a colon or "that".
var namedBare = set("report", "reveal", "announce", "confirm", "acknowledge", "admit", "note", "explain", "disclose",
	"assert", "declare", "maintain", "concede", "contend", "conclude", "observe", "reiterate", "stress", "emphasize",
	"write", "tweet", "recall", "complain", "suggest", "allege")

var participleLeads = set("while", "after", "before", "by", "when")

// spk0Named reports a speaker phrase that is a named person or
// organization mention.
func (x *index) spk0Named(r speakerRef) bool {
	m := r.mention
	return m >= 0 && x.mentions[m].Kind != claimgraph.MentionPronoun && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG)
}

// opensAfter reports a speaker phrase starting at first that opens the
// stretch starting at from, past a determiner or a title the name does not
// include ("the Tax Foundation", "Mr. Clarke").
func (x *index) opensAfter(first, from int) bool {
	if first < from {
		return false
	}
	// A description before the name ("the news site RTL Info") has no
	// verb, no punctuation and no preposition.
	for k := from; k < first; k++ {
		if determiners[x.lower[k]] || titles[strings.TrimSuffix(x.lower[k], ".")] {
			continue
		}
		if !x.isWord(k) || preps[x.lower[k]] || x.verbish(k) || x.npBoundary(k) {
			return false
		}
	}
	return true
}

var titles = set("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "rev", "president",
	"senator", "governor", "secretary", "judge", "justice", "chief", "former", "house", "speaker")

// participle reads `MAIN CLAUSE, adding (that) CONTENT`: the speaker is the
// main clause's subject, the content what follows the cue.
func (x *index) participle(sf, sl, i int, info cueInfo) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	ce := x.cueSpanEnd(i, info)
	c.spk = x.clauseSubject(sf, i)
	if c.spk.first < 0 {
		return c, false
	}
	j := ce
	if j < sl && x.lower[j] == "that" {
		j++
	} else if info.object {
		// ", telling reporters (that) CONTENT": past a short addressee.
		var ok bool
		if j, ok = x.pastAddressee(j, sl); !ok {
			return c, false
		}
		if j < sl && x.lower[j] == "that" {
			j++
		}
	}
	if j >= sl || !x.clauseStart(j) && x.lower[j] != "that" {
		return c, false
	}
	x.setCue(&c, i, ce, info.lemma)
	c.spk.conf *= 0.8
	c.first, c.limit = x.trimContent(j, x.contentEnd(j, sl))
	return c, x.words(c.first, c.limit) >= 3
}

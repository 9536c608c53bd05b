package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// segment is one quoted stretch: the opening and closing mark tokens.
type segment struct{ open, close int }

// role decides whether quote mark token i opens (+1) or closes (-1) a quote,
// or cannot tell (0). Context wins over the glyph: a mark after white space,
// a colon or a bracket and before a word opens, whatever its shape.
func (x *index) role(i int) int {
	t := x.toks[i]
	var lb, la rune
	if t.Start > 0 {
		lb, _ = utf8.DecodeLastRuneInString(x.text[:t.Start])
	}
	if t.End < len(x.text) {
		la, _ = utf8.DecodeRuneInString(x.text[t.End:])
	}
	leftOpen := lb == 0 || unicode.IsSpace(lb) || strings.ContainsRune("([{:\u2014\u2013-/", lb)
	rightClose := la == 0 || unicode.IsSpace(la) || strings.ContainsRune(".,;:!?)]}\u2014\u2013-\u2026", la)
	switch {
	case leftOpen && !rightClose:
		return +1
	case !leftOpen && rightClose:
		return -1
	}
	return glyphRole(t.Text)
}

// segments pairs the double quote marks of the searched ranges. A quote left
// open at the end of a paragraph continues when the next paragraph opens
// with a quote mark (the news convention for multi-paragraph quotes); then
// the segments are returned together as one chain.
func (x *index) segments() [][]segment {
	var chains [][]segment
	var chain []segment
	open := -1
	for i := range x.toks {
		if !isDoubleMark(x.toks[i].Text) || !x.inRange[i] {
			continue
		}
		r := x.role(i)
		if open >= 0 && x.paraOf[i] != x.paraOf[open] {
			// The open quote reached the end of its paragraph unclosed.
			if x.paraOf[i] == x.paraOf[open]+1 && x.paraFirst(i) && r >= 0 {
				chain = append(chain, segment{open, x.paraLast(open) + 1})
				open = i
				continue
			}
			if len(chain) > 0 {
				// A chain whose last paragraph has no closing mark ends there.
				chain = append(chain, segment{open, x.paraLast(open) + 1})
				chains = append(chains, chain)
			}
			chain, open = nil, -1
		}
		switch {
		case open < 0 && r >= 0:
			open = i
		case open >= 0 && r <= 0:
			chain = append(chain, segment{open, i})
			chains = append(chains, chain)
			chain, open = nil, -1
		case open >= 0 && r > 0:
			// Two openers: the first was a stray mark.
			open = i
		}
	}
	if open >= 0 && len(chain) > 0 {
		chain = append(chain, segment{open, x.paraLast(open) + 1})
		chains = append(chains, chain)
	}
	return chains
}

// singleSegments pairs single quote marks outside double-quoted text
// ('We are sorry'), cautiously: an apostrophe looks like a closing mark, so
// the pair must sit in one sentence with an opener before a word.
func (x *index) singleSegments(inDouble []bool) []segment {
	var out []segment
	for i := 0; i < len(x.toks); i++ {
		if !isSingleMark(x.toks[i].Text) || inDouble[i] || !x.inRange[i] || x.role(i) <= 0 || glyphRole(x.toks[i].Text) < 0 {
			continue
		}
		_, sl := x.sentence(i)
		for j := i + 1; j < sl && j < i+80; j++ {
			if isSingleMark(x.toks[j].Text) && x.role(j) < 0 {
				out = append(out, segment{i, j})
				i = j
				break
			}
			if isDoubleMark(x.toks[j].Text) {
				break
			}
		}
	}
	return out
}

func (x *index) paraFirst(i int) bool { return i == 0 || x.paraOf[i-1] != x.paraOf[i] }

func (x *index) paraLast(i int) int {
	for i+1 < len(x.toks) && x.paraOf[i+1] == x.paraOf[i] {
		i++
	}
	return i
}

// directQuotes finds quoted speech and its attribution.
func (x *index) directQuotes() []candidate {
	chains := x.segments()
	inDouble := make([]bool, len(x.toks))
	for _, ch := range chains {
		for i := ch[0].open; i <= ch[len(ch)-1].close && i < len(x.toks); i++ {
			inDouble[i] = true
		}
	}
	for _, s := range x.singleSegments(inDouble) {
		chains = append(chains, []segment{s})
	}
	var out []candidate
	for _, ch := range chains {
		first, last := ch[0], ch[len(ch)-1]
		cf, cl := first.open+1, last.close
		if cf >= cl {
			continue
		}
		c := candidate{first: cf, limit: cl, spk: noSpeaker}
		c.q = claimgraph.Quote{Doc: x.doc, Kind: claimgraph.QuoteDirect, Content: x.span(cf, cl)}
		if len(ch) == 1 && x.titleCase(cf, cl) {
			continue // a title in quote marks ("Fox News Sunday"), not speech
		}
		after := x.attachAfter(&c, last.close)
		attached := after || x.attachBefore(&c, first.open)
		if !attached && !x.looksLikeSpeech(cf, cl) {
			continue // a scare quote or a title: not speech
		}
		if after && len(ch) == 1 {
			x.extendMixed(&c, first.open)
		}
		if !attached && x.startsSentence(first.open) {
			c.inherit = true
		}
		for i := cf; i < cl; i++ {
			x.quoteContent[i] = true
		}
		out = append(out, c)
	}
	return out
}

// titleCase reports a short quoted stretch whose every longer word is
// capitalized: the title of a show, a book or an article.
func (x *index) titleCase(first, limit int) bool {
	n := x.words(first, limit)
	if n == 0 || n > 6 {
		return false
	}
	long := 0
	for k := first; k < limit; k++ {
		if !x.isWord(k) || len(x.toks[k].Text) < 4 {
			continue
		}
		long++
		if !x.isUpper(k) {
			return false
		}
	}
	return long >= 2
}

// extendMixed widens a quote attributed after its closing mark to the
// start of its sentence when the quoted words only finish a clause that
// began before the mark (`Not paying taxes "makes me smart," he said`): the
// attribution is of the whole clause, a mixed quote. A prefix that ends in
// a comma is an adverbial or a clause of the outlet's, and a prefix with a
// cue or a colon is attributed on its own.
func (x *index) extendMixed(c *candidate, open int) {
	sf, _ := x.sentence(open)
	if open <= sf || x.words(sf, open) < 2 || x.toks[open-1].Text == "," || x.toks[open-1].Text == ":" {
		return
	}
	for k := sf; k < open; k++ {
		if isDoubleMark(x.toks[k].Text) || x.toks[k].Text == ":" || x.anyCue(k) || x.quoteContent[k] {
			return
		}
	}
	c.first = sf
	c.q.Kind = claimgraph.QuoteMixed
	c.q.Content = x.span(sf, c.limit)
}

// looksLikeSpeech tells speech from scare quotes: a long stretch, or a
// sentence-like one that ends in punctuation, is speech; a word or a short
// phrase with no attribution is not.
func (x *index) looksLikeSpeech(first, limit int) bool {
	w := x.words(first, limit)
	if w >= 8 {
		return true
	}
	// A comma inside the closing mark is only punctuation of the sentence
	// around a scare quote ("a so-called “reform,” critics") unless a cue
	// follows, which attachAfter has already seen.
	switch x.toks[limit-1].Text {
	case ".", "?", "!", "\u2026", "...":
		return w >= 4
	}
	return false
}

// startsSentence reports whether the quote mark at i opens its sentence.
func (x *index) startsSentence(i int) bool {
	sf, _ := x.sentence(i)
	return sf == i
}

// attachAfter looks for an attribution after the closing mark:
// `"...," he said`, `"...," said X, a ...`, `"...," the defected member stated`.
func (x *index) attachAfter(c *candidate, closeTok int) bool {
	if closeTok >= len(x.toks) {
		return false // a chain closed by the end of its paragraph, not by a mark
	}
	j := closeTok + 1
	_, sl := x.sentence(closeTok)
	// A byline under a pull quote or epigraph: `"..." - Matthew Ingram`.
	if j < len(x.toks) && isDash(x.toks[j].Text) && j+1 < len(x.toks) && x.paraOf[j] == x.paraOf[closeTok] && x.paraOf[j+1] == x.paraOf[closeTok] && x.isUpper(j+1) {
		if ref := x.npAfter(j+1, x.paraLast(j)+1); ref.first >= 0 && ref.limit >= x.paraLast(j) {
			c.spk = ref
			return true
		}
	}
	if j < len(x.toks) && x.toks[j].Text == "," {
		j++
	}
	if j >= len(x.toks) || x.sentOf[j] != x.sentOf[closeTok] && !(x.toks[closeTok-1].Text == "," || x.toks[closeTok-1].Text == "?" || x.toks[closeTok-1].Text == "!") {
		return false
	}
	if x.sentOf[j] != x.sentOf[closeTok] {
		_, sl = x.sentence(j)
	}
	if x.paraOf[j] != x.paraOf[closeTok] {
		return false
	}
	// Inverted: the cue comes first.
	if info, ok := x.cue(j); ok && !x.modalBefore(j) {
		ce := x.cueSpanEnd(j, info)
		c.spk = x.npAfter(ce, sl)
		x.setCue(c, j, ce, info.lemma)
		return true
	}
	// Subject then cue, within a few tokens, or past a long appositive
	// (`"...," X, a senior fellow at Y and a former Z, said`) when the
	// speaker then opens right after the quote.
	for k := j; k < sl && k < j+longAppositive; k++ {
		// A full stop inside the sentence belongs to an abbreviation
		// ("(D-Md.) said").
		if isDoubleMark(x.toks[k].Text) || x.toks[k].Text == "." && (k+1 >= sl || x.sentOf[k+1] != x.sentOf[k]) || x.toks[k].Text == ";" {
			break
		}
		if info, ok := x.cue(k); ok && k > j {
			c.spk = x.subjectBefore(j, k)
			if c.spk.first < 0 || k >= j+14 && c.spk.first != j {
				c.spk = noSpeaker
				return false
			}
			x.setCue(c, k, x.cueSpanEnd(k, info), info.lemma)
			return true
		}
	}
	return false
}

// attachBefore looks for an attribution before the opening mark:
// `X said: "..."`, `X, who said:"..."`, `he put it this way: "..."`,
// `X said to Y that "..."` (mixed).
func (x *index) attachBefore(c *candidate, openTok int) bool {
	sf, _ := x.sentence(openTok)
	if openTok == sf && openTok > 0 && x.paraOf[openTok-1] == x.paraOf[openTok] && x.toks[openTok-1].Text == ":" {
		// The sentence splitter may cut before the quote; a colon joins them.
		sf, _ = x.sentence(openTok - 1)
	}
	k := openTok - 1
	if k < sf {
		return false
	}
	punct := x.lower[k]
	that := punct == "that"
	if punct == ":" || punct == "," || that {
		k--
	}
	// "put it this way:"
	if k-3 >= sf && x.lower[k] == "way" && x.lower[k-1] == "this" && x.lower[k-2] == "it" && hasPrefixFold(x.lower[k-3], "put") {
		c.spk = x.subjectBefore(sf, k-3)
		x.setCue(c, k-3, k+1, "put it this way")
		return true
	}
	// The cue itself, or a cue followed by a short phrase ("to Saddam",
	// "in an interview with Y").
	for j := k; j >= sf && j >= k-8; j-- {
		if isDoubleMark(x.toks[j].Text) || x.toks[j].Text == "." {
			break
		}
		info, ok := x.cue(j)
		if !ok && namingCues[x.lower[j]] && punct != ":" && punct != "," && !that && x.words(c.first, c.limit) >= 5 && x.words(j+1, k+1) <= 5 {
			// `X called the inquiry "a show trial with a verdict ..."`: a
			// long quoted description is speech; a short one is a label.
			c.spk = x.subjectBefore(sf, j)
			x.setCue(c, j, j+1, namingLemma(x.lower[j]))
			return c.spk.first >= 0
		}
		if !ok || x.modalBefore(j) {
			continue
		}
		// "being told that", "was asked": the subject is the addressee;
		// look further left for who speaks ("One nurse recalled being told").
		if j > sf && (beAux[x.lower[j-1]] || x.lower[j-1] == "being" || x.lower[j-1] == "get" || x.lower[j-1] == "got") {
			continue
		}
		ce := x.cueSpanEnd(j, info)
		// `X says voter fraud "would be ..."`: a short subject between the
		// cue and the quote makes the quoted words part of a reported
		// clause, a mixed quote.
		shortClause := ce <= k && punct != ":" && punct != "," && !that && x.words(ce, k+1) <= 4 && !x.hasVerb(ce, k+1) && x.clauseStart(ce) && info.bare
		if ce <= k && !shortClause && (punct != ":" && punct != "," && !that || x.words(ce, k+1) > 6) {
			continue
		}
		// `"...," said X, adding: "..."`: the participle's speaker is the
		// speaker before it.
		if j > sf && x.toks[j-1].Text == "," && len(x.lower[j]) > 4 && x.lower[j][len(x.lower[j])-3:] == "ing" {
			x.setCue(c, j, ce, info.lemma)
			c.inherit = true
			return true
		}
		if ce <= k {
			x.viaBetween(c, ce, k+1)
		}
		c.spk = x.subjectBefore(sf, x.verbGroupStart(sf, j))
		x.setCue(c, j, ce, info.lemma)
		if that || shortClause {
			// A mixed quote: the content is the reported clause, from after
			// "that" (or the cue) through the quoted words to the clause's end.
			c.q.Kind = claimgraph.QuoteMixed
			from := openTok
			if shortClause {
				from = ce
			}
			_, sl := x.sentence(openTok)
			end := c.limit
			if c.limit < len(x.toks) && x.sentOf[c.limit] == x.sentOf[openTok] {
				end = max(c.limit, x.contentEnd(c.limit+1, sl))
			}
			f, l := x.trimContent(from, end)
			if f < l && l >= c.limit {
				c.first, c.limit = f, l
				c.q.Content = x.span(f, l)
			}
		}
		return true
	}
	// `Clinton: "We will win."`: a name opening its sentence or line and a
	// colon before the quote; the colon is the cue.
	if punct == ":" && openTok >= 2 {
		if m := x.endAt[openTok-1]; m >= 0 && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG) {
			mf := x.mFirst[m]
			if mf == sf || mf > 0 && x.paraOf[mf-1] != x.paraOf[mf] {
				c.spk = speakerRef{first: mf, limit: openTok - 1, mention: m, conf: 0.8}
				x.setCue(c, openTok-1, openTok, "colon")
				return true
			}
		}
	}
	return false
}

// namingCues describe something in quoted words ("called it ...").
var namingCues = set("called", "calls", "described", "describes", "dubbed", "labelled", "labeled", "branded", "termed")

func namingLemma(w string) string {
	switch w {
	case "called", "calls":
		return "call"
	case "described", "describes":
		return "describe"
	case "dubbed":
		return "dub"
	case "labelled", "labeled":
		return "label"
	case "branded":
		return "brand"
	}
	return "term"
}

func isDash(s string) bool {
	switch s {
	case "-", "--", "\u2013", "\u2014", "\u2015":
		return true
	}
	return false
}

func (x *index) setCue(c *candidate, first, limit int, lemma string) {
	c.q.Cue = x.span(first, limit)
	c.q.CueLemma = lemma
}

// modalBefore reports a modal or an infinitive marker before the cue
// ("one can say", "wants to say"): generic, not reported speech.
func (x *index) modalBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := x.lower[j]
		if modals[w] || w == "one" {
			return true
		}
		if w == "to" {
			// "tried to argue", "went on to say": the subject did speak.
			return j == 0 || !catenatives[x.lower[j-1]] && !(x.lower[j-1] == "on" && j > 1 && x.lower[j-2] == "went")
		}
		if w != "not" && w != "n't" && w != "also" && w != "only" && w != "never" && w != "be" && w != "been" {
			return false
		}
	}
	return false
}

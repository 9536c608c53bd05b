// Package alias finds the places where a document says that two names denote
// one actor: "Mujahedin Khalq Organization (MKO)", "MKO (also known as MEK)",
// "Camp New Iraq, formerly known as Camp Ashraf", "known in Farsi as ...".
//
// Each finding is an assertion of the document, kept with its evidence span:
// the resolve package decides whether, and by which undoable rule, it merges
// entities. Find uses named entities when the analysis has them and falls back
// to capitalized phrases, so it works before (and without) a NER model. A
// parenthesis is only read as a name when it looks like one: "Iraq's
// Estekhbarat (former secret service)" asserts nothing.
package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// Pattern names, as stored in claimgraph.AliasAssertion.Pattern.
const (
	PatternParenthesis = "parenthesis"       // X (ABC), ABC (X), X (the ABC)
	PatternAKA         = "also-known-as"     // X, also known as Y; also called; better known as
	PatternFormerly    = "formerly-known-as" // X, formerly known as Y
	PatternAka         = "aka"               // X a.k.a. Y
	PatternDubbed      = "dubbed"            // X, dubbed Y
	PatternKnownIn     = "known-in"          // X, known in Farsi as Y
)

// maxNameTokens bounds a name: longer capitalized runs are headlines, not names.
const maxNameTokens = 9

// Find returns the alias assertions of a document's text, in text order.
// a may be nil or lack entities; ranges restricts the search to byte ranges
// (the document's main text), nil meaning the whole text.
func Find(doc, text string, a *nlp.Analysis, ranges [][2]int) []claimgraph.AliasAssertion {
	var toks []nlp.Token
	var sents []nlp.Sentence
	var ents []nlp.Entity
	if a != nil && len(a.Tokens) > 0 {
		toks, sents, ents = a.Tokens, a.Sentences, a.Entities
	} else {
		toks = nlp.Tokenize(text)
	}
	if len(sents) == 0 {
		sents = nlp.SplitSentences(text, toks)
	}
	f := &finder{doc: doc, text: text, toks: toks, endsAt: map[int]nlp.Entity{}, startsAt: map[int]nlp.Entity{}}
	for _, e := range ents {
		if e.Limit > e.First && e.Limit <= len(toks) {
			f.endsAt[e.Limit-1] = e
			f.startsAt[e.First] = e
		}
	}
	for _, seg := range segments(toks, sents, ranges) {
		f.segment(seg[0], seg[1])
	}
	return f.out
}

// segments cuts the token stream into runs that lie in one sentence and one
// range: no pattern spans a sentence boundary or leaves the main text.
func segments(toks []nlp.Token, sents []nlp.Sentence, ranges [][2]int) [][2]int {
	inRange := func(t nlp.Token) int {
		if ranges == nil {
			return 0
		}
		for i, r := range ranges {
			if t.Start >= r[0] && t.End <= r[1] {
				return i
			}
		}
		return -1
	}
	var out [][2]int
	for _, s := range sents {
		first := s.First
		for i := s.First; i <= s.Limit && i <= len(toks); i++ {
			if i == s.Limit || i == len(toks) || inRange(toks[i]) != inRange(toks[first]) {
				if i > first && inRange(toks[first]) >= 0 {
					out = append(out, [2]int{first, i})
				}
				first = i
			}
		}
	}
	return out
}

type finder struct {
	doc      string
	text     string
	toks     []nlp.Token
	endsAt   map[int]nlp.Entity // NER entities by their last token
	startsAt map[int]nlp.Entity // NER entities by their first token
	out      []claimgraph.AliasAssertion
}

// span is a half-open token range [first, limit) holding a name.
type span struct{ first, limit int }

func (f *finder) lower(i int) string { return strings.ToLower(f.toks[i].Text) }

// trigger reports whether an alias cue starts at token i of a segment ending
// at end, returning its pattern and its length in tokens.
func (f *finder) trigger(i, end int) (string, int) {
	w := func(k int) string {
		if i+k < end {
			return f.lower(i + k)
		}
		return ""
	}
	switch w(0) {
	case "a.k.a.", "a.k.a", "aka":
		return PatternAka, 1
	case "dubbed", "nicknamed":
		return PatternDubbed, 1
	case "also", "better", "otherwise":
		if w(1) == "known" && w(2) == "as" {
			return PatternAKA, 3
		}
		if w(0) == "also" && w(1) == "called" {
			return PatternAKA, 2
		}
	case "formerly", "previously", "once":
		if w(1) == "known" && w(2) == "as" {
			return PatternFormerly, 3
		}
		if w(1) == "called" {
			return PatternFormerly, 2
		}
	case "known":
		// "known in Farsi as", "known locally as" is not a language: require "in".
		if w(1) == "in" && i+2 < end && capitalized(f.toks[i+2].Text) && w(3) == "as" {
			return PatternKnownIn, 4
		}
	}
	return "", 0
}

// segment finds the assertions of one segment [start, end).
func (f *finder) segment(start, end int) {
	for i := start; i < end; i++ {
		if f.toks[i].Text == "(" {
			if closeAt := f.closing(i, end); closeAt > 0 {
				f.parenthesis(start, i, closeAt)
				i = closeAt
				continue
			}
		}
		if pat, n := f.trigger(i, end); n > 0 {
			f.cue(start, i, i+n, end, pat)
		}
	}
}

// closing returns the index of the ")" closing the "(" at open, or -1.
func (f *finder) closing(open, end int) int {
	for j := open + 1; j < end && j <= open+30; j++ {
		switch f.toks[j].Text {
		case ")":
			return j
		case "(":
			return -1
		}
	}
	return -1
}

// parenthesis handles "X (ABC)", "ABC (X)", "X (also known as Y, Z)" and
// "X (ABC also known as Y, Z and W)".
func (f *finder) parenthesis(start, open, closeAt int) {
	x, okX := f.nameBefore(start, open)
	for j := open + 1; j < closeAt; j++ {
		pat, n := f.trigger(j, closeAt)
		if n == 0 {
			continue
		}
		if j == open+1 {
			// X (also known as Y, Z): the names in the parenthesis belong to X.
			if okX {
				f.list(x, pat, open+1+n, closeAt, f.toks[closeAt].End)
			}
			return
		}
		// X (ABC also known as Y): ABC names X, and Y names ABC.
		head, ok := f.nameAfter(open+1, j, true)
		if !ok || head.limit != j {
			return
		}
		if okX && f.parenNames(x, head) {
			f.add(x, head, PatternParenthesis, f.toks[x.first].Start, f.toks[closeAt].End)
		}
		f.list(head, pat, j+n, closeAt, f.toks[closeAt-1].End)
		return
	}
	if !okX {
		return
	}
	inner, ok := f.nameAfter(open+1, closeAt, true)
	if !ok || inner.limit != closeAt {
		return
	}
	if f.isAcronym(inner) {
		x = f.fitAcronym(start, x, inner)
	}
	if f.parenNames(x, inner) {
		f.add(x, inner, PatternParenthesis, f.toks[x.first].Start, f.toks[closeAt].End)
	}
}

// fitAcronym adjusts the name before "(ABC)" to the words the acronym spells
// when some do: it drops leading words ("Boeing and Airbus parent company
// European Aeronautic Defence and Space Company (EADS)") or extends over a
// possessive ("People's Mojahedin Organization of Iran (PMOI)").
func (f *finder) fitAcronym(start int, x, acr span) span {
	first := x.first
	for j := x.first - 1; j >= start && x.limit-j <= maxNameTokens; j-- {
		t := f.toks[j].Text
		if nameWord(t) {
			first = j
		} else if !connectors[strings.ToLower(t)] && t != "'s" && t != "’s" {
			break
		}
	}
	for k := first; k < x.limit; k++ {
		c := span{k, x.limit}
		if nameWord(f.toks[k].Text) && !connectors[strings.ToLower(f.toks[k].Text)] && f.acronymFits(c, acr) {
			return c
		}
	}
	return x
}

// designators end organization names and are often left out of acronyms.
var designators = map[string]bool{"company": true, "corporation": true, "corp": true, "inc": true, "ltd": true, "co": true, "group": true, "plc": true, "llc": true, "organization": true, "organisation": true}

// parenNames reports whether "X (Y)" reads as two names of one actor rather
// than a gloss, a place qualifier, an affiliation or an aside. After a person
// a parenthesis holds a party, a state, a country, an age or a role
// ("Bernie Sanders (I-VT)", "Kimberly Po (U.S.)"): only an acronym of the
// person's own letters renames them. Otherwise one side must be an acronym
// that the other spells (its initials, or its letters in order from its
// first: "Mujahedin-e Khalq (MEK)"), or Y a single word after a longer name
// that NER does not call a place (unless X ends in one). NER's person tag on
// a lone unknown word is a guess ("Savak") and is not trusted here.
func (f *finder) parenNames(x, y span) bool {
	if f.notNameInParens(y) || f.notNameInParens(x) {
		return false
	}
	person := f.typeOf(x) == claimgraph.TypePER || titled(f.toks[x.first].Text)
	if f.isAcronym(y) || f.isAcronym(x) {
		acr, long := y, x
		if !f.isAcronym(y) {
			acr, long = x, y
		}
		if f.isAcronym(x) && f.isAcronym(y) {
			return false // "UN (UNHCR)": two acronyms, two bodies or one inside the other
		}
		if long.limit-long.first > 1 && hasWord(f.toks[long.first:long.limit], "and") && !f.acronymFits(long, acr) {
			return false // "Boeing and Airbus (EADS)": the acronym names one of them
		}
		if f.acronymFits(long, acr) {
			return f.key(x) != f.key(y)
		}
		if f.typeOf(acr) == claimgraph.TypeLOC || f.typeOf(long) == claimgraph.TypeLOC {
			return false
		}
		return f.lettersInOrder(long, acr)
	}
	if person || y.limit-y.first != 1 || x.limit-x.first < 2 {
		return false
	}
	w := strings.ToLower(f.toks[y.first].Text)
	if notName[w] || looksDemonym(f.toks[y.first].Text) || len(w) < 4 {
		return false
	}
	// "Intelligence Service of Iran (Savak)": a name ending in a place may
	// be renamed by a word NER takes for a place.
	// "Springfield (Illinois)", "Carla Sacramento (Portugal)": a place in
	// parentheses qualifies a name (NER's type of the name is no help).
	if f.typeOf(y) == claimgraph.TypeLOC {
		xe, xok := f.endsAt[x.limit-1]
		ofPlace := xok && xe.Type == claimgraph.TypeLOC && xe.First > x.first && connectors[strings.ToLower(f.toks[xe.First-1].Text)]
		if !ofPlace {
			return false // "Mark Cairns (England)": a country of affiliation
		}
	}
	return true
}

// notNameInParens reports a span that cannot be a name whatever its
// capitals: a party-state tag ("R-Fla.", "D-N.Y.", "I-VT"), anything with a
// digit (ages, dates, tickers, scores), or a role ("CEO", "ret.").
func (f *finder) notNameInParens(s span) bool {
	for k, t := range f.toks[s.first:s.limit] {
		for _, r := range t.Text {
			if unicode.IsDigit(r) {
				return true
			}
		}
		if k == 0 && len(t.Text) >= 3 && unicode.IsUpper(rune(t.Text[0])) && t.Text[1] == '-' && unicode.IsUpper(rune(t.Text[2])) && s.limit-s.first <= 3 {
			return true // a party initial and a state
		}
		if roleWords[strings.ToLower(strings.TrimSuffix(t.Text, "."))] {
			return true
		}
	}
	return false
}

// roleWords name a role or a status, not an actor.
var roleWords = map[string]bool{
	"ceo": true, "cfo": true, "coo": true, "cto": true, "chairman": true, "chairwoman": true, "chair": true, "president": true, "director": true,
	"ret": true, "retired": true, "deceased": true, "former": true, "acting": true, "interim": true, "founder": true, "spokesman": true, "spokeswoman": true,
	"jr": false, "editor": true, "reporter": true, "correspondent": true, "analyst": true, "minister": true, "senator": true, "deputy": true,
}

// lettersInOrder reports whether the acronym's letters appear in order in
// the long name, its first letter starting the name ("MEK" in "Mujahedin-e
// Khalq", "ISIS" in "Islamic State"), each later letter either starting a
// word or following the previous one in the same word. The long name must
// have two words or more.
func (f *finder) lettersInOrder(long, acr span) bool {
	if long.limit-long.first < 2 {
		return false
	}
	want := []rune(strings.ToLower(strings.ReplaceAll(f.toks[acr.first].Text, ".", "")))
	var words []string
	for _, t := range f.toks[long.first:long.limit] {
		l := strings.ToLower(t.Text)
		for _, art := range []string{"al-", "el-", "ad-", "ar-", "as-", "at-", "an-"} {
			// "Jaysh al-Qadim (JQ)": the Arabic article gives no letter.
			if rest, ok := strings.CutPrefix(l, art); ok && rest != "" {
				l = rest
				break
			}
		}
		if !connectors[l] && l != "-" {
			words = append(words, l)
		}
	}
	if len(words) < 2 || len(want) < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	if first != want[0] {
		return false
	}
	// Every content word must give at least one letter: an acronym skipping
	// a word of the name names something else.
	k := 1
	for wi, w := range words {
		rs := []rune(w)
		start := 0
		if wi == 0 {
			start = 1
		} else if k < len(want) && rs[0] == want[k] {
			k++
			start = 1
		} else {
			return false
		}
		for _, r := range rs[start:] {
			if k < len(want) && r == want[k] && k > 0 {
				k++
			}
		}
	}
	return k == len(want)
}

// acronymFits reports whether the acronym y spells the initials of x, with or
// without its function words and a final designator ("Company").
func (f *finder) acronymFits(x, y span) bool {
	if f.initialsFit(x, y) {
		return true
	}
	last := strings.ToLower(strings.Trim(f.toks[x.limit-1].Text, "."))
	if x.limit-x.first > 2 && designators[last] && f.initialsFit(span{x.first, x.limit - 1}, y) {
		return true
	}
	// Designators anywhere ("Company EADS N.V."): skip them all.
	var kept []string
	acr := strings.ToUpper(strings.ReplaceAll(f.toks[y.first].Text, ".", ""))
	for _, t := range f.toks[x.first:x.limit] {
		l := strings.ToLower(strings.Trim(t.Text, "."))
		if designators[l] || connectors[l] || l == "nv" || l == "n.v" || strings.EqualFold(strings.ReplaceAll(t.Text, ".", ""), acr) || strings.Contains(strings.TrimSuffix(t.Text, "."), ".") || t.Text == "'s" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		kept = append(kept, string(unicode.ToUpper(r)))
	}
	return len(kept) >= 2 && strings.Join(kept, "") == acr
}

func (f *finder) initialsFit(x, y span) bool {
	acr := strings.ToUpper(strings.ReplaceAll(f.toks[y.first].Text, ".", ""))
	var all, content strings.Builder
	for _, t := range f.toks[x.first:x.limit] {
		// "... Space Company EADS N.V. (EADS)": the acronym itself and
		// dotted abbreviations after the name spell nothing.
		if t.Text == "'s" || t.Text == "’s" || t.Text == "-" || strings.EqualFold(strings.ReplaceAll(t.Text, ".", ""), acr) || strings.Contains(strings.TrimSuffix(t.Text, "."), ".") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		all.WriteRune(unicode.ToUpper(r))
		if !connectors[strings.ToLower(t.Text)] {
			content.WriteRune(unicode.ToUpper(r))
		}
	}
	return all.String() == acr || content.String() == acr
}

// cue handles a cue outside parentheses: "X, also known as Y", "X dubbed Y".
func (f *finder) cue(start, at, after, end int, pat string) {
	before := at
	if before > start && f.toks[before-1].Text == "," {
		before--
	}
	x, ok := f.nameBefore(start, before)
	if !ok {
		return
	}
	f.list(x, pat, after, end, -1)
}

// list records one assertion for each name of the list "Y, Z and W" that
// starts at token i, all naming x. evidenceEnd, when not -1, ends the evidence.
// A list ends at its conjunction's item ("ISIS or ISIL, Trump hewed..." ends
// at ISIL); a name after a comma belongs to it only when a conjunction or the
// end of the segment closes the list after it ("Y, Z said" is Y and a clause).
func (f *finder) list(x span, pat string, i, end, evidenceEnd int) {
	var names []span
	closed := false // the last name came after "and"/"or": nothing follows
	for i < end && !closed {
		for i < end && (isQuote(f.toks[i].Text) || strings.EqualFold(f.toks[i].Text, "the")) {
			i++
		}
		y, ok := f.nameAfter(i, end, false)
		if !ok {
			break
		}
		if len(names) > 0 && !f.listGoesOn(y.limit, end) {
			break
		}
		names = append(names, y)
		i = y.limit
		for i < end && isQuote(f.toks[i].Text) {
			i++
		}
		if i < end && (f.toks[i].Text == "," || f.toks[i].Text == ";") {
			i++
		}
		if i < end && (f.lower(i) == "and" || f.lower(i) == "or") {
			i++
			for i < end && (isQuote(f.toks[i].Text) || strings.EqualFold(f.toks[i].Text, "the")) {
				i++
			}
			if y, ok := f.nameAfter(i, end, false); ok {
				names = append(names, y)
			}
			closed = true
		} else if i < end && f.toks[i-1].Text != "," {
			break
		}
	}
	for _, y := range names {
		ev := evidenceEnd
		if ev < 0 {
			ev = f.toks[names[len(names)-1].limit-1].End
		}
		if f.key(x) != f.key(y) && f.sameKind(x, y) {
			f.add(x, y, pat, f.toks[x.first].Start, ev)
		}
	}
}

// listGoesOn reports whether a name of a list ending at token i is followed
// by more of the list: a comma or conjunction leading to another name, or
// the end of the segment.
func (f *finder) listGoesOn(i, end int) bool {
	for i < end && isQuote(f.toks[i].Text) {
		i++
	}
	if f.listEnds(i, end) || f.lower(i) == "and" || f.lower(i) == "or" {
		return true
	}
	if f.toks[i].Text != "," && f.toks[i].Text != ";" {
		return false
	}
	i++
	if i < end && (f.lower(i) == "and" || f.lower(i) == "or") {
		return true
	}
	// Another name must follow and itself go on: "Y, Z, and W", "Y, Z)".
	y, ok := f.nameAfter(i, end, false)
	return ok && f.listGoesOn(y.limit, end)
}

// listEnds reports whether the tokens from i to end are only closing
// punctuation: the name before i is the last of its list.
func (f *finder) listEnds(i, end int) bool {
	for ; i < end; i++ {
		switch t := f.toks[i].Text; {
		case isQuote(t), t == ")", t == ".", t == "!", t == "?", t == ";":
		case t == "," && i == end-1:
		default:
			return false
		}
	}
	return true
}

// sameKind reports whether NER lets the two names denote one actor: a
// person is not renamed by a place or an organization, nor the reverse
// ("Islamic State, also known as ... Trump").
func (f *finder) sameKind(x, y span) bool {
	// NER's type of a lone nickname is a guess ("the Fox" ORG, "the Butcher"
	// LOC): only a name NER calls a person given to something else counts,
	// unless it is a short form of it ("Green Dawn" of "Green Dawn Movement").
	if f.typeOf(y) != claimgraph.TypePER || f.shortFormOf(y, x) {
		return true
	}
	tx := f.typeOf(x)
	return tx == claimgraph.TypePER || tx == "" && !f.orgLike(x)
}

// shortFormOf reports whether every word of y is a word of x.
func (f *finder) shortFormOf(y, x span) bool {
	for _, t := range f.toks[y.first:y.limit] {
		if !hasWord(f.toks[x.first:x.limit], t.Text) {
			return false
		}
	}
	return true
}

// orgLike reports a name ending in a word that heads organizations' names.
func (f *finder) orgLike(x span) bool {
	last := strings.ToLower(strings.Trim(f.toks[x.limit-1].Text, "."))
	return designators[last] || orgHeads[last]
}

// orgHeads end the names of groups, parties and bodies.
var orgHeads = map[string]bool{
	"front": true, "party": true, "army": true, "brigade": true, "brigades": true, "movement": true, "council": true, "league": true, "union": true,
	"alliance": true, "committee": true, "ministry": true, "agency": true, "bank": true, "institute": true, "federation": true, "association": true, "guard": true, "corps": true,
}

// typeOf returns the NER type of the entity covering exactly the span, or "".
func (f *finder) typeOf(s span) string {
	if e, ok := f.endsAt[s.limit-1]; ok && e.First >= s.first-1 && e.First <= s.first {
		return e.Type
	}
	if e, ok := f.startsAt[s.first]; ok && e.Limit <= s.limit+1 && e.Limit >= s.limit {
		return e.Type
	}
	return ""
}

func (f *finder) add(x, y span, pat string, start, end int) {
	typ := ""
	if e, ok := f.endsAt[x.limit-1]; ok && e.First <= x.first {
		typ = e.Type
	} else if e, ok := f.startsAt[y.first]; ok {
		typ = e.Type
	}
	f.out = append(f.out, claimgraph.AliasAssertion{
		Doc:      f.doc,
		Name:     f.spanText(x),
		Alias:    f.spanText(y),
		Type:     typ,
		Pattern:  pat,
		Start:    start,
		End:      end,
		Evidence: f.text[start:end],
	})
}

func (f *finder) spanText(s span) string {
	return f.text[f.toks[s.first].Start:f.toks[s.limit-1].End]
}

func (f *finder) key(s span) string {
	return strings.ToLower(f.spanText(s))
}

func (f *finder) isAcronym(s span) bool {
	return s.limit-s.first == 1 && acronym(f.toks[s.first].Text)
}

// nameBefore returns the name that ends just before token at: the NER entity
// ending there, else the longest capitalized phrase (connectors such as "of"
// and "and" allowed inside it), without a leading article.
func (f *finder) nameBefore(start, at int) (span, bool) {
	if at <= start {
		return span{}, false
	}
	ent, hasEnt := f.endsAt[at-1]
	if hasEnt && ent.First >= start {
		// Trust NER's span unless the capitalized phrase goes on before it:
		// NER often tags "Iraq" inside "Camp New Iraq" or "Service of Iran".
		if p, ok := f.phraseBefore(start, at); !ok || p.first >= ent.First {
			s := f.trimLeading(span{ent.First, at})
			return s, f.looksLikeName(s)
		}
	}
	return f.phraseBefore(start, at)
}

// phraseBefore returns the capitalized phrase ending just before token at.
func (f *finder) phraseBefore(start, at int) (span, bool) {
	first := at
	for j := at - 1; j >= start && at-j <= maxNameTokens; j-- {
		t := f.toks[j].Text
		if nameWord(t) {
			first = j
			continue
		}
		if connectors[strings.ToLower(t)] && j > start && first < at {
			continue // kept only if a name word comes before it
		}
		break
	}
	if first == at {
		return span{}, false
	}
	// "Officials of the RWF": a phrase ending in an acronym after a connector
	// is a description of the acronym's bearer, the acronym alone is the name.
	if at-first > 2 && acronym(f.toks[at-1].Text) && connectors[strings.ToLower(f.toks[at-2].Text)] {
		first = at - 1
	}
	// A tagger knows that a sentence-initial "Officials" is no proper noun;
	// mid-sentence a capital outweighs its tag.
	if first == start && first < at-1 && f.toks[first].POS != "" && f.toks[first].POS != "PROPN" {
		first++
	}
	s := f.trimLeading(span{first, at})
	return s, f.looksLikeName(s)
}

// titled reports whether a name starts with a title of office, the mark of a person.
func titled(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "dr", "minister", "president", "senator", "sen", "rep", "gen", "general", "governor", "mayor", "judge", "professor", "prof", "deputy", "chancellor", "premier":
		return true
	}
	return false
}

// nameAfter returns the name starting at token i (after an optional article):
// the NER entity starting there, else the capitalized phrase. In a list "and"
// separates names, so it is a connector only when andJoins is true.
func (f *finder) nameAfter(i, end int, andJoins bool) (span, bool) {
	for i < end && strings.EqualFold(f.toks[i].Text, "the") {
		i++
	}
	if i >= end {
		return span{}, false
	}
	if e, ok := f.startsAt[i]; ok && e.Limit <= end && (andJoins || !hasWord(f.toks[e.First:e.Limit], "and")) {
		if e.Limit == end || !nameWord(f.toks[e.Limit].Text) {
			s := span{i, e.Limit}
			return s, f.looksLikeName(s)
		}
	}
	if !nameWord(f.toks[i].Text) {
		return span{}, false
	}
	limit := i + 1
	for j := i + 1; j < end && j-i < maxNameTokens; j++ {
		t := f.toks[j].Text
		l := strings.ToLower(t)
		if nameWord(t) {
			limit = j + 1
			continue
		}
		if connectors[l] && (andJoins || (l != "and" && l != "or")) {
			continue
		}
		break
	}
	s := span{i, limit}
	return s, f.looksLikeName(s)
}

// trimLeading drops articles and hedges from the front of a name.
func (f *finder) trimLeading(s span) span {
	for s.limit-s.first > 1 {
		l := strings.ToLower(f.toks[s.first].Text)
		if l != "the" && l != "so-called" && !connectors[l] {
			break
		}
		s.first++
	}
	return s
}

// looksLikeName reports whether a span reads as a name: capitalized words
// (and connectors inside), not a pronoun, a month or a lone function word.
func (f *finder) looksLikeName(s span) bool {
	n := s.limit - s.first
	if n <= 0 || n > maxNameTokens {
		return false
	}
	if !nameWord(f.toks[s.first].Text) || !nameWord(f.toks[s.limit-1].Text) {
		return false
	}
	if n == 1 && notName[strings.ToLower(f.toks[s.first].Text)] {
		return false
	}
	for _, t := range f.toks[s.first:s.limit] {
		if !nameWord(t.Text) && !connectors[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

// nameWord reports whether a token can be part of a name (nlp.IsNameWord).
func nameWord(t string) bool { return nlp.IsNameWord(t) }

func capitalized(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// acronym reports whether a token is an acronym: 2–8 letters, upper case but
// for at most one letter, dots allowed ("U.S.").
func acronym(t string) bool {
	letters, upper := 0, 0
	for _, r := range t {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			letters++
			upper++
		case unicode.IsLower(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 8 && upper >= 2 && upper >= letters-1 && capitalized(t)
}

func hasWord(toks []nlp.Token, w string) bool {
	for _, t := range toks {
		if strings.EqualFold(t.Text, w) {
			return true
		}
	}
	return false
}

func isQuote(t string) bool {
	switch t {
	case "\"", "“", "”", "'", "‘", "’", "«", "»":
		return true
	}
	return false
}

// looksDemonym reports a nationality or language word ("Arabic", "Iranian"),
// which in parentheses glosses a name rather than renaming it.
func looksDemonym(t string) bool {
	l := strings.ToLower(t)
	for _, suf := range []string{"ian", "ese", "ish", "ic", "ean"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// connectors may stand inside a name: "Islamic State of Iraq and Syria".
var connectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "de": true, "du": true, "des": true, "la": true, "le": true, "von": true, "van": true, "der": true, "&": true, "-": true}

// notName are capitalized words that never name an actor on their own.
var notName = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"but": true, "and": true, "or": true, "in": true, "on": true, "at": true, "if": true, "when": true, "while": true, "as": true, "for": true, "with": true, "by": true, "from": true,
	"see": true, "note": true, "photo": true, "file": true, "update": true, "updated": true, "reuters": true, "ap": true, "afp": true,
}

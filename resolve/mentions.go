package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// Mentions returns the mentions of one document in text order: the named
// entities of the analysis, the acronyms and alias-asserted names NER missed,
// and definite descriptions the text ties to one named person. Each named
// mention gets its name (titles, articles and possessives stripped; for people
// the fullest name of its chain), its within-document chain, and Ambiguous
// when it is a bare surname or given name shared by several people in the
// document. Only asserted aliases of this document are used, and only to find
// names: they never join chains here (Resolve joins them by an undoable rule).
func Mentions(doc, text string, a *nlp.Analysis, asserted []claimgraph.AliasAssertion) []claimgraph.Mention {
	if a == nil {
		toks := nlp.Tokenize(text)
		a = &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
	}
	d := &docMentions{doc: doc, text: text, a: a, covered: make([]bool, len(a.Tokens)), nerPER: make([]int8, len(a.Tokens))}
	for _, e := range a.Entities {
		for i := max(e.First, 0); i < e.Limit && i < len(d.nerPER); i++ {
			d.nerPER[i] = 2
			if e.Type == claimgraph.TypePER && e.Limit <= len(a.Tokens) && personLike(a.Tokens[max(e.First, 0):e.Limit]) {
				d.nerPER[i] = 1 // not "Khalq Organization", a NER fragment typed PER
			}
		}
	}
	for _, e := range a.Entities {
		d.addEntity(e)
	}
	d.addAsserted(asserted)
	d.addAcronyms(asserted)
	d.addExpansions()
	d.addCued()
	d.addRepeats()
	d.trimDescriptors()
	d.metonymy()
	sort.SliceStable(d.ms, func(i, j int) bool { return d.ms[i].m.Start < d.ms[j].m.Start })
	d.chain()
	d.describe()
	d.describeTitles()
	sort.SliceStable(d.ms, func(i, j int) bool { return d.ms[i].m.Start < d.ms[j].m.Start })
	out := make([]claimgraph.Mention, len(d.ms))
	for i, c := range d.ms {
		out[i] = c.m
	}
	return out
}

// cand is a mention under construction with its token range and name words.
type cand struct {
	m            claimgraph.Mention
	first, limit int      // token range of the mention
	words        []string // content words of the stripped name (ExactKey words)
	key          string   // ExactKey of the name
	acronyms     []string // Acronyms of the name, computed once when needed
	acrDone      bool
	titleFirst   int // first token of the titles before a person's name ("President"), = first when none
}

// acr returns the acronyms the mention's name may be written as.
func (c *cand) acr() []string {
	if !c.acrDone {
		c.acronyms, c.acrDone = Acronyms(c.m.Name), true
	}
	return c.acronyms
}

type docMentions struct {
	doc     string
	text    string
	a       *nlp.Analysis
	ms      []*cand
	covered []bool // tokens inside a mention
	nerPER  []int8 // per token: 0 outside NER entities, 1 in a person's name, 2 in another entity
}

// add records a mention over tokens [first, limit), stripping a possessive
// and leading articles from its span, and titles from a person's name.
func (d *docMentions) add(first, limit int, typ, kind string, conf float64) *cand {
	toks := d.a.Tokens
	for limit > first+1 && (isPossessive(toks[limit-1].Text) || isPunct(toks[limit-1].Text)) {
		limit--
	}
	for first < limit-1 && leadingWords[strings.ToLower(toks[first].Text)] && !hedges[strings.ToLower(toks[first].Text)] {
		first++
	}
	if first >= limit {
		return nil
	}
	if first > 0 && hedges[strings.ToLower(toks[first-1].Text)] && !d.covered[first-1] {
		first-- // "the so-called Islamic State": the span keeps the writer's hedge
	}
	for i := first; i < limit; i++ {
		if d.covered[i] {
			return nil
		}
	}
	words := make([]string, 0, limit-first)
	for _, t := range toks[first:limit] {
		words = append(words, t.Text)
	}
	ns := first + nameStart(words, typ == claimgraph.TypePER)
	name := stripPossessive(d.text[toks[ns].Start:toks[limit-1].End])
	if ExactKey(name) == "" {
		return nil
	}
	if kind == claimgraph.MentionName && ns == limit-1 && IsAcronym(toks[ns].Text) {
		kind = claimgraph.MentionAcronym
	}
	if typ == claimgraph.TypePER && (kind == claimgraph.MentionAcronym || !personLike(toks[ns:limit])) {
		typ = claimgraph.TypeORG // people are seldom acronyms or "X of Y": NER's PER here is a guess
	}
	if typ == "" {
		typ = d.typeOfName(name)
		if typ == "" {
			typ = claimgraph.TypeLOC // possessors are most often places ("Singapore's")
		}
	}
	titleFirst := first
	if typ == claimgraph.TypePER && ns > first && !hedges[strings.ToLower(toks[first].Text)] {
		// "President Clinton": the title is said of the person, not part
		// of the name the mention spans (it stays covered: no mention of
		// its own).
		first = ns
	}
	start, end := toks[first].Start, toks[limit-1].End
	c := &cand{
		m: claimgraph.Mention{
			Doc: d.doc, Start: start, End: end, Text: d.text[start:end],
			Type: typ, Kind: kind, Name: name, Confidence: conf,
		},
		first: first, limit: limit, words: contentWords(name), key: ExactKey(name), titleFirst: titleFirst,
	}
	if len(c.words) == 0 {
		return nil
	}
	for i := titleFirst; i < limit; i++ {
		d.covered[i] = true
	}
	d.ms = append(d.ms, c)
	return c
}

func (d *docMentions) addEntity(e nlp.Entity) {
	if e.First < 0 || e.Limit > len(d.a.Tokens) || e.First >= e.Limit {
		return
	}
	conf := e.Confidence
	if conf <= 0 {
		conf = 0.8
	}
	first, limit, typ := d.extend(e)
	toks := d.a.Tokens
	// A title alone ("Judge" tagged apart from "Ann Miller") names no one.
	allTitles := true
	for _, t := range toks[first:limit] {
		allTitles = allTitles && titleWords[strings.ToLower(strings.Trim(t.Text, ".\a"))]
	}
	if allTitles {
		return
	}
	// "Apple Computer CEO Steve Jobs", "Ryanair CEO Michael O'Leary": an
	// employer, a title, a person, in one span.
	if typ != claimgraph.TypePER {
		for k := first + 1; k < limit-1; k++ {
			if titleWords[strings.ToLower(strings.Trim(toks[k].Text, "."))] && strings.ToUpper(toks[k].Text) == toks[k].Text && nameToken(toks[k+1].Text) {
				if f, l := d.nameRun(first, k); l > f {
					d.add(f, l, typ, claimgraph.MentionName, conf)
				}
				f, l := k+1, limit
				for f < l && !nameToken(toks[f].Text) {
					f++
				}
				if f < l {
					d.add(f, l, claimgraph.TypePER, claimgraph.MentionName, conf*0.8)
				}
				return
			}
		}
	}
	// "Singapore's Changi Airport" names two things: the possessor and the head.
	for k := limit - 2; k > first; k-- {
		if isPossessive(toks[k].Text) {
			if f, l := d.nameRun(first, k); l > f {
				d.add(f, l, "", claimgraph.MentionName, conf*0.8)
			}
			first = k + 1
			break
		}
	}
	// A name is a run of capitalized words: "US military Camp Liberty" names
	// "Camp Liberty", "MKO collaborating" names "MKO".
	first, limit = d.nameRun(first, limit)
	// "Boeing 737", "Airbus A380": a maker followed by a model number names a
	// product; not in a line of figures (results, tables, datelines), where
	// the number is a score, a total or a date.
	sent := d.sentenceOf(first)
	sl := sent.Limit
	if figures(toks[sent.First:sent.Limit]) {
		for limit-first > 1 && !hasLetter(toks[limit-1].Text) {
			limit--
		}
		if d.add(first, limit, typ, claimgraph.MentionName, conf) != nil {
			return
		}
		return
	}
	if limit < sl && modelNumber(toks[limit].Text) {
		limit++
		typ = claimgraph.TypeMISC
	} else if limit+1 < sl && isPossessive(toks[limit].Text) && modelNumber(toks[limit+1].Text) {
		limit += 2 // "Boeing's 787"
		typ = claimgraph.TypeMISC
	} else if limit-first >= 2 && modelNumber(toks[limit-1].Text) {
		typ = claimgraph.TypeMISC
	}
	d.add(first, limit, typ, claimgraph.MentionName, conf)
}

// figures reports a line holding a date or three numbers or more: a
// dateline, a result, a row of a table.
func figures(toks []nlp.Token) bool {
	n := 0
	for _, t := range toks {
		if hasDigit([]string{t.Text}) && !hasLetter(t.Text) {
			if strings.Count(t.Text, "-") == 2 || strings.Count(t.Text, "/") == 2 {
				return true // 1996-08-30, 8/30/96
			}
			n++
		}
	}
	return n >= 3
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// modelNumber reports a product model token: digits, possibly with letters
// and hyphens ("737", "A380", "747-400", "737s"), not a year-like number alone.
func modelNumber(t string) bool {
	digits := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '-':
		default:
			return false
		}
	}
	return digits > 0 && len(t) >= 2 && !(digits == 4 && len(t) == 4 && (t[0] == '1' || t[0] == '2'))
}

// nameRun returns the longest run of name words (capitalized words, with
// connectors inside) of the token range, the last one on a tie; the range
// itself when every word is a name word.
func (d *docMentions) nameRun(first, limit int) (int, int) {
	toks := d.a.Tokens
	bestF, bestL := first, first
	for i := first; i < limit; {
		if !nameToken(toks[i].Text) {
			i++
			continue
		}
		j, end := i, i
		for j < limit && (nameToken(toks[j].Text) || nameConnector[strings.ToLower(toks[j].Text)] || isPossessive(toks[j].Text)) {
			j++
			if nameToken(toks[j-1].Text) {
				end = j
			}
		}
		if end-i >= bestL-bestF {
			bestF, bestL = i, end
		}
		i = j
	}
	if bestL == bestF {
		return first, limit
	}
	return bestF, bestL
}

// sentenceOf returns the sentence holding token i.
func (d *docMentions) sentenceOf(i int) nlp.Sentence {
	ss := d.a.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].Limit > i })
	if k < len(ss) && ss[k].First <= i {
		return ss[k]
	}
	return nlp.Sentence{First: 0, Limit: len(d.a.Tokens)}
}

// extend widens an entity over the capitalized words around it, outside
// title-case lines: NER often tags "Iraq" in "Camp New Iraq" or splits
// "Mojahedin-e | Khalq Organization". A widened span ending in a designator
// ("Organization") is an organization; one holding "of" is not a person.
func (d *docMentions) extend(e nlp.Entity) (int, int, string) {
	toks := d.a.Tokens
	s := d.sentenceOf(e.First)
	if titleCase(toks[s.First:s.Limit]) {
		return e.First, e.Limit, e.Type
	}
	first, limit := e.First, e.Limit
	ok := func(i int) bool {
		t := toks[i]
		// A tagger tells "Destroying Iran" (a verb) from "Camp Ashraf".
		// Mid-sentence, a capital outweighs a NOUN tag ("Mojahedin-e").
		return nameToken(t.Text) && !stopsExtension(t.Text) && (t.POS == "" || t.POS == "PROPN" || t.POS == "NOUN" && i > s.First)
	}
	// Never from a person over another entity or the reverse, and a place
	// never over a title: "U.S. President Bill Clinton" is a place and a
	// person, not one name ("Mojahedin-e | Khalq Organization" is one).
	person := e.Type == claimgraph.TypePER
	stop := func(i int) bool {
		return d.nerPER[i] != 0 && (d.nerPER[i] == 1) != person ||
			e.Type == claimgraph.TypeLOC && titleWords[strings.ToLower(strings.TrimSuffix(toks[i].Text, "."))]
	}
	for first-1 >= s.First && !d.covered[first-1] && !stop(first-1) && ok(first-1) {
		first--
	}
	for limit < s.Limit && !stop(limit) {
		t := toks[limit].Text
		if ok(limit) {
			limit++
			continue
		}
		if nameConnector[strings.ToLower(t)] && limit+1 < s.Limit && ok(limit+1) && !stop(limit+1) {
			limit += 2
			continue
		}
		break
	}
	typ := e.Type
	if first == e.First && limit == e.Limit {
		return first, limit, typ
	}
	if orgDesignators[strings.ToLower(toks[limit-1].Text)] {
		typ = claimgraph.TypeORG
	} else if typ == claimgraph.TypePER {
		for _, t := range toks[first:limit] {
			if strings.ToLower(t.Text) == "of" {
				typ = claimgraph.TypeORG
			}
		}
	}
	return first, limit, typ
}

// stopsExtension: articles, pronouns, months and nationality adjectives are
// capitalized without being part of the next name.
func stopsExtension(t string) bool {
	l := strings.ToLower(t)
	if leadingWords[l] || notNameWord[l] {
		return true
	}
	for _, suf := range []string{"i", "an", "ese", "ish"} {
		if strings.HasSuffix(l, suf) && len(l) > 4 {
			return true
		}
	}
	return false
}

var notNameWord = map[string]bool{
	"a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true, "their": true, "its": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"but": true, "and": true, "or": true, "in": true, "on": true, "at": true, "if": true, "when": true, "while": true, "as": true, "for": true, "with": true, "by": true, "from": true, "this": true, "that": true,
}

// nameConnector may join the words of one name.
var nameConnector = map[string]bool{"of": true, "de": true, "al": true, "von": true, "van": true, "der": true, "du": true, "des": true, "la": true, "le": true}

// titleCase reports a line in title case (a headline), where capitals do
// not mark names.
func titleCase(toks []nlp.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if len(t.Text) < 4 || !isLetters(t.Text) {
			continue
		}
		words++
		if capitalized(t.Text) {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*7
}

// addOver adds a mention over [first, limit) replacing the mentions inside
// it (NER fragments of a longer name); it adds nothing when a mention
// straddles its edge.
func (d *docMentions) addOver(first, limit int, typ, kind string, conf float64) *cand {
	keep := d.ms[:0:0]
	for _, c := range d.ms {
		if c.limit <= first || c.first >= limit {
			keep = append(keep, c)
			continue
		}
		if c.first < first || c.limit > limit {
			return nil
		}
	}
	for _, c := range d.ms {
		if !(c.limit <= first || c.first >= limit) {
			for i := c.first; i < c.limit; i++ {
				d.covered[i] = false
			}
		}
	}
	d.ms = keep
	return d.add(first, limit, typ, kind, conf)
}

// addExpansions finds, for each acronym of the document with no expansion
// among its mentions, the first capitalized phrase it spells ("Islamic State
// in Iraq and the Levant" for ISIL) and adds it over any NER fragments.
func (d *docMentions) addExpansions() {
	want := map[string]string{} // acronym -> type
	for _, c := range d.ms {
		if c.m.Kind == claimgraph.MentionAcronym {
			want[AcronymKey(c.m.Name)] = c.m.Type
		}
	}
	for _, c := range d.ms {
		if len(c.words) >= 2 {
			for _, x := range c.acr() {
				delete(want, x)
			}
		}
	}
	if len(want) == 0 {
		return
	}
	toks := d.a.Tokens
	for _, s := range d.a.Sentences {
		for i := s.First; i < s.Limit && len(want) > 0; i++ {
			if !nameToken(toks[i].Text) || IsAcronym(toks[i].Text) || stopsExtension(toks[i].Text) {
				continue
			}
			found := -1
			typ := ""
			for j := i + 1; j < s.Limit && j-i <= 10; j++ {
				t := toks[j].Text
				if !nameToken(t) && !functionWords[strings.ToLower(t)] && !isPossessive(t) {
					break
				}
				if !nameToken(t) {
					continue
				}
				phrase := d.text[toks[i].Start:toks[j].End]
				for _, x := range Acronyms(phrase) {
					if ty, ok := want[x]; ok {
						found, typ = j+1, ty
						delete(want, x)
					}
				}
				if found > 0 {
					break
				}
			}
			if found > 0 {
				d.addOver(i, found, typ, claimgraph.MentionName, 0.7)
				i = found - 1
			}
		}
	}
}

// tokenAt returns the index of the token starting at byte off, or -1.
func (d *docMentions) tokenAt(off int) int {
	toks := d.a.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
	if i < len(toks) && toks[i].Start == off {
		return i
	}
	return -1
}

// tokenEnding returns the index of the token ending at byte off, or -1.
func (d *docMentions) tokenEnding(off int) int {
	toks := d.a.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End >= off })
	if i < len(toks) && toks[i].End == off {
		return i
	}
	return -1
}

// addAsserted adds the names of this document's alias assertions that NER
// did not find, typed like the other name of the assertion when it is known.
func (d *docMentions) addAsserted(asserted []claimgraph.AliasAssertion) {
	for _, as := range asserted {
		if as.Doc != d.doc || as.Start < 0 || as.End > len(d.text) || as.Start > as.End {
			continue
		}
		ev := d.text[as.Start:as.End]
		for _, name := range []string{as.Name, as.Alias} {
			off := strings.Index(ev, name)
			if off < 0 {
				continue
			}
			first, last := d.tokenAt(as.Start+off), d.tokenEnding(as.Start+off+len(name))
			if first < 0 || last < first {
				continue
			}
			typ := as.Type
			if typ == "" {
				typ = d.typeOfName(as.Name, as.Alias)
			}
			if typ == "" {
				typ = claimgraph.TypeORG
			}
			d.addOver(first, last+1, typ, claimgraph.MentionName, 0.7)
		}
	}
}

// typeOfName returns the type NER gave to one of the names, or "".
func (d *docMentions) typeOfName(names ...string) string {
	for _, n := range names {
		k := ExactKey(n)
		for _, c := range d.ms {
			if c.key == k {
				return c.m.Type
			}
		}
	}
	return ""
}

// notAcronym are upper-case tokens that are not names of actors.
var notAcronym = map[string]bool{
	"AM": true, "PM": true, "GMT": true, "UTC": true, "EST": true, "EDT": true, "PST": true, "BST": true, "CET": true, "OK": true, "TV": true, "CEO": true, "CFO": true, "COO": true, "CTO": true,
	"MP": true, "MPS": true, "PR": true, "ID": true, "PC": true, "AD": true, "BC": true, "BCE": true, "CE": true, "AKA": true, "USD": true, "EUR": true, "GBP": true, "PDF": true, "URL": true, "FAQ": true,
	"HIV": true, "AIDS": true, "DNA": true, "GDP": true, "IPO": true, "VIP": true, "PS": true, "NB": true, "RIP": true, "Q": true, "AP": false,
}

// placeAcronyms are acronyms of places; other acronyms are taken for organizations.
var placeAcronyms = map[string]bool{"US": true, "USA": true, "UK": true, "UAE": true, "USSR": true, "DRC": true, "PRC": true, "ROK": true, "DPRK": true, "NYC": true, "LA": true, "DC": true}

// addAcronyms adds acronyms NER missed, outside all-capital headlines.
func (d *docMentions) addAcronyms(asserted []claimgraph.AliasAssertion) {
	for _, s := range d.a.Sentences {
		if shouting(d.a.Tokens[s.First:s.Limit]) {
			continue
		}
		for i := s.First; i < s.Limit; i++ {
			t := d.a.Tokens[i].Text
			if d.covered[i] || !IsAcronym(t) || notAcronym[AcronymKey(t)] || len(AcronymKey(t)) > 6 {
				continue
			}
			typ := d.typeOfName(t)
			if typ == "" {
				typ = claimgraph.TypeORG
				if placeAcronyms[AcronymKey(t)] {
					typ = claimgraph.TypeLOC
				}
			}
			d.add(i, i+1, typ, claimgraph.MentionAcronym, 0.6)
		}
	}
}

// shouting reports whether most words of a sentence are in capitals (a
// headline or a banner), where capitals do not mark acronyms.
func shouting(toks []nlp.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if len(t.Text) < 2 || !isLetters(t.Text) {
			continue
		}
		words++
		if strings.ToUpper(t.Text) == t.Text {
			caps++
		}
	}
	return words >= 4 && caps*2 > words
}

func isLetters(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

func isPunct(s string) bool {
	switch s {
	case ",", ".", ";", ":", "!", "?", "\"", "“", "”", "(", ")", "-", "–", "—":
		return true
	}
	return false
}

// personLike reports whether a name can be a person's: no "of"/"in" inside
// and no organization designator at the end.
func personLike(toks []nlp.Token) bool {
	for i, t := range toks {
		l := strings.ToLower(t.Text)
		if i > 0 && (l == "of" || l == "in") {
			return false
		}
	}
	return len(toks) == 0 || !orgDesignators[strings.ToLower(toks[len(toks)-1].Text)]
}

// addCued adds names NER missed where the words before them announce a name:
// "so-called Islamic State", "Iraq's Estekhbarat" (a place's institution).
// They are typed like the same name elsewhere in the document, else as
// organizations.
func (d *docMentions) addCued() {
	toks := d.a.Tokens
	locEnd := map[int]bool{}
	for _, c := range d.ms {
		if c.m.Type == claimgraph.TypeLOC {
			locEnd[c.limit-1] = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		cued := strings.EqualFold(toks[i].Text, "so-called") ||
			isPossessive(toks[i].Text) && i > 0 && locEnd[i-1]
		if !cued {
			continue
		}
		s := d.sentenceOf(i)
		first, limit := i+1, i+1
		for limit < s.Limit && limit-first < 6 && !d.covered[limit] && nameToken(toks[limit].Text) && !stopsExtension(toks[limit].Text) {
			limit++
		}
		if limit == first || titleWords[strings.ToLower(toks[first].Text)] {
			continue
		}
		name := d.text[toks[first].Start:toks[limit-1].End]
		typ := d.typeOfName(name)
		if typ == "" {
			typ = claimgraph.TypeORG
		}
		d.add(first, limit, typ, claimgraph.MentionName, 0.5)
	}
}

// addRepeats adds the names NER found once in a document and missed
// elsewhere in it, capitalized ("LONDON" in a dateline or a headline, a team
// in a table): one name keeps one sense in one document. A single word must
// have four letters or more and not be a function word or a month.
func (d *docMentions) addRepeats() {
	type known struct {
		typ   string
		words int
	}
	names := map[string]known{} // lower-cased token sequence -> type
	maxWords := 0
	for _, c := range d.ms {
		if c.m.Kind != claimgraph.MentionName && c.m.Kind != claimgraph.MentionAcronym {
			continue
		}
		n := c.limit - c.first
		if n > 4 {
			continue
		}
		var parts []string
		for _, t := range d.a.Tokens[c.first:c.limit] {
			parts = append(parts, strings.ToLower(t.Text))
		}
		if n == 1 && (len(parts[0]) < 4 || notNameWord[parts[0]] || leadingWords[parts[0]] || titleWords[parts[0]]) {
			continue
		}
		k := strings.Join(parts, " ")
		if old, ok := names[k]; ok && old.typ != c.m.Type {
			names[k] = known{"", n} // typed two ways here: no guess
			continue
		}
		names[k] = known{c.m.Type, n}
		maxWords = max(maxWords, n)
	}
	if len(names) == 0 {
		return
	}
	toks := d.a.Tokens
	for i := 0; i < len(toks); i++ {
		if d.covered[i] || !capitalized(toks[i].Text) {
			continue
		}
		for n := min(maxWords, len(toks)-i); n >= 1; n-- {
			var parts []string
			ok := true
			for j := i; j < i+n; j++ {
				if d.covered[j] {
					ok = false
					break
				}
				parts = append(parts, strings.ToLower(toks[j].Text))
			}
			if !ok {
				continue
			}
			kn, found := names[strings.Join(parts, " ")]
			if !found || kn.typ == "" || !capitalized(toks[i+n-1].Text) {
				continue
			}
			// Not a piece of a longer capitalized run: "New York" in "New York Times".
			// In a line in capitals every word is capitalized: there a
			// neighbour only counts when it is itself capitalized in a way
			// that marks a name (mixed case).
			s := d.sentenceOf(i)
			loud := shouting(toks[s.First:s.Limit])
			nameNext := func(j int) bool {
				return j >= s.First && j < s.Limit && !d.covered[j] && nameToken(toks[j].Text) && !(loud && strings.ToUpper(toks[j].Text) == toks[j].Text)
			}
			if nameNext(i+n) || i > s.First && nameNext(i-1) {
				break
			}
			if c := d.add(i, i+n, kn.typ, claimgraph.MentionName, 0.6); c != nil {
				i += n - 1
			}
			break
		}
	}
}

// trimDescriptors cuts from people's names the words that describe them
// ("Billionaire Gordon Ashby", "Democrat Hillary Clinton" in a headline in
// title case): a leading word goes when the rest of the name (two words or
// more) is a person's name elsewhere in the document outside headlines,
// when the tagger calls it a common noun or adjective, or when the document
// uses it as a noun in lower case ("the billionaire"; "said" is no noun, so
// "Said Ali Jafari" keeps his name).
func (d *docMentions) trimDescriptors() {
	toks := d.a.Tokens
	headline := func(i int) bool {
		s := d.sentenceOf(i)
		return titleCase(toks[s.First:s.Limit]) || shouting(toks[s.First:s.Limit])
	}
	// articled holds the words the text writes after "the", "a" or "an"
	// ("the tycoon"), found in one pass when first needed: asking the text
	// once per name made a long document's cost quadratic.
	var afterArticle map[string]bool
	articled := func() map[string]bool {
		if afterArticle == nil {
			afterArticle = wordsAfterArticles(d.text)
		}
		return afterArticle
	}
	plain := map[string]bool{} // keys of people's names outside headlines
	for _, c := range d.ms {
		if c.m.Type == claimgraph.TypePER && len(c.words) >= 2 && !headline(c.first) {
			plain[c.key] = true
		}
	}
	for _, c := range d.ms {
		if c.m.Type != claimgraph.TypePER || c.m.Kind != claimgraph.MentionName || len(c.words) < 3 {
			continue
		}
		// The token where the name starts (titles are already cut).
		k := c.first
		for k < c.limit && !strings.EqualFold(toks[k].Text, firstWord(c.m.Name)) {
			k++
		}
		for k+2 < c.limit {
			w := toks[k]
			rest := d.text[toks[k+1].Start:toks[c.limit-1].End]
			l := strings.ToLower(w.Text)
			cut := plain[ExactKey(rest)] && headline(k) ||
				(w.POS == "NOUN" || w.POS == "ADJ") && !nameConnector[l] ||
				len(l) > 3 && l != w.Text && isLetters(w.Text) && articled()[l]
			if !cut {
				break
			}
			k++
			d.covered[k-1] = false
			c.first = k
			c.m.Start, c.m.Text = toks[k].Start, d.text[toks[k].Start:c.m.End]
			c.m.Name = stripPossessive(d.text[toks[k].Start:toks[c.limit-1].End])
			c.words, c.key = contentWords(c.m.Name), ExactKey(c.m.Name)
		}
	}
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// containsWord reports whether w occurs in s as a whole word, in its case.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(w) == len(s) || !isWordByte(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

// wordsAfterArticles returns every word that follows "the", "a" or "an"
// and one space in text, as written: containsWord(text, "the "+w) for any
// of them, in one pass.
func wordsAfterArticles(text string) map[string]bool {
	out := map[string]bool{}
	prev, prevEnd := "", -2
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		w := text[i:j]
		if prevEnd == i-1 && text[i-1] == ' ' && (prev == "the" || prev == "a" || prev == "an") {
			out[w] = true
		}
		prev, prevEnd = w, j
		i = j
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// describeTitles records the titles cut from people's mentions ("Judge" of
// "Judge Ann Miller") as descriptions of them: the words keep their
// provenance and no later step takes them for a name of their own.
func (d *docMentions) describeTitles() {
	toks := d.a.Tokens
	n := len(d.ms)
	for _, c := range d.ms[:n] {
		if c.titleFirst >= c.first || c.m.Kind != claimgraph.MentionName || c.m.Type != claimgraph.TypePER {
			continue
		}
		start, end := toks[c.titleFirst].Start, toks[c.first-1].End
		t := &cand{
			m: claimgraph.Mention{Doc: d.doc, Start: start, End: end, Text: d.text[start:end], Type: claimgraph.TypePER,
				Kind: claimgraph.MentionDescription, Name: c.m.Name, Chain: c.m.Chain, Ambiguous: c.m.Ambiguous, Confidence: c.m.Confidence},
			first: c.titleFirst, limit: c.first, titleFirst: c.titleFirst,
		}
		d.ms = append(d.ms, t)
	}
}

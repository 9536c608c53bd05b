package resolve

import (
	"sort"
	"strings"

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
	d := &docMentions{doc: doc, text: text, a: a, covered: make([]bool, len(a.Tokens))}
	for _, e := range a.Entities {
		d.addEntity(e)
	}
	d.addAsserted(asserted)
	d.addAcronyms(asserted)
	sort.SliceStable(d.ms, func(i, j int) bool { return d.ms[i].m.Start < d.ms[j].m.Start })
	d.chain()
	d.describe()
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
}

type docMentions struct {
	doc     string
	text    string
	a       *nlp.Analysis
	ms      []*cand
	covered []bool // tokens inside a mention
}

// add records a mention over tokens [first, limit), stripping a possessive
// and leading articles from its span, and titles from a person's name.
func (d *docMentions) add(first, limit int, typ, kind string, conf float64) *cand {
	toks := d.a.Tokens
	for limit > first+1 && (isPossessive(toks[limit-1].Text) || isPunct(toks[limit-1].Text)) {
		limit--
	}
	for first < limit-1 && leadingWords[strings.ToLower(toks[first].Text)] {
		first++
	}
	if first >= limit {
		return nil
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
	start, end := toks[first].Start, toks[limit-1].End
	c := &cand{
		m: claimgraph.Mention{
			Doc: d.doc, Start: start, End: end, Text: d.text[start:end],
			Type: typ, Kind: kind, Name: name, Confidence: conf,
		},
		first: first, limit: limit, words: contentWords(name),
	}
	if len(c.words) == 0 {
		return nil
	}
	for i := first; i < limit; i++ {
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
	d.add(e.First, e.Limit, e.Type, claimgraph.MentionName, conf)
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
			d.add(first, last+1, typ, claimgraph.MentionName, 0.7)
		}
	}
}

// typeOfName returns the type NER gave to one of the names, or "".
func (d *docMentions) typeOfName(names ...string) string {
	for _, n := range names {
		k := ExactKey(n)
		for _, c := range d.ms {
			if ExactKey(c.m.Name) == k {
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

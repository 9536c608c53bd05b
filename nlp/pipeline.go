package nlp

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// models holds the trained models (see "claimgraph train"): pos.gz (UPOS
// tagger and lemmatizer, from UD English-EWT) and ner.gz (PER/ORG/LOC, from
// Universal NER EWT and GUM).
//
//go:embed models/*.gz
var models embed.FS

// Pipeline tokenizes, splits sentences, tags parts of speech and lemmas, and
// recognizes named entities. It is safe for concurrent use.
type Pipeline struct {
	pos *POSTagger
	ner *NER // nil: no entities
	// agree, when set, are more recognizers (the same training, other
	// seeds) that vote on ner's names: a name ner finds is kept where more
	// than half of all the recognizers, ner counted, find a name of its
	// type over some of its words (see analyzeSentence). With one, a name
	// needs both.
	agree []*NER
}

// NewPipeline returns a pipeline with the given models; ner may be nil. The
// tagger keeps, with the words it caches, their entries in ner's lexicon
// (see nerLexicon.match); a tagger shared by pipelines with other
// recognizers stays correct, as each entry records its lexicon.
func NewPipeline(pos *POSTagger, ner *NER) *Pipeline {
	if ner != nil {
		pos.nerLex.Store(ner.lex)
	}
	return &Pipeline{pos: pos, ner: ner}
}

var (
	defaultOnce sync.Once
	defaultPipe *Pipeline
	defaultErr  error
)

// Default returns the pipeline with the embedded models, loaded once. It
// panics if an embedded model is corrupt, which a test catches before release.
func Default() *Pipeline {
	defaultOnce.Do(func() {
		defaultPipe, defaultErr = loadEmbedded()
	})
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultPipe
}

var (
	posOnce sync.Once
	posVal  *POSTagger
	posErr  error
)

// embeddedPOS returns the embedded tagger, loaded once. Training the NER
// model needs it, and only it.
func embeddedPOS() (*POSTagger, error) {
	posOnce.Do(func() {
		data, err := models.ReadFile("models/pos.gz")
		if err != nil {
			posErr = fmt.Errorf("embedded pos model: %w", err)
			return
		}
		if posVal, err = LoadPOS(bytes.NewReader(data)); err != nil {
			posErr = fmt.Errorf("embedded pos model: %w", err)
		}
	})
	return posVal, posErr
}

func loadEmbedded() (*Pipeline, error) {
	pos, err := embeddedPOS()
	if err != nil {
		return nil, err
	}
	// The NER model is absent only while bootstrapping (training it needs the
	// tagger).
	var ner, agree *NER
	if data, err := models.ReadFile("models/ner.gz"); err == nil {
		if ner, err = LoadNER(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("embedded ner model: %w", err)
		}
	}
	// The second recognizer, trained with another seed, whose agreement a
	// name needs (see Pipeline.agree and nlp/models/README.md).
	if data, err := models.ReadFile("models/ner-agree.gz"); err == nil && ner != nil {
		if agree, err = LoadNER(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("embedded ner-agree model: %w", err)
		}
	}
	return NewPipeline(pos, ner).WithAgreement(agree), nil
}

// WithAgreement returns a copy of p whose names must also be found, over
// some of their words and with their type, by more than half of all its
// recognizers: p's and ns (models trained with other seeds on the same
// data, gazetteer and word classes; nil ones are left out). With one
// more recognizer a name needs both; with two, either of them. They
// share p's lexicon, so the tagger's word cache serves all.
func (p *Pipeline) WithAgreement(ns ...*NER) *Pipeline {
	q := *p
	q.agree = nil
	for _, n := range ns {
		if n == nil {
			continue
		}
		if p.ner != nil {
			n = &NER{model: n.model, lex: p.ner.lex, ctx: n.ctx}
		}
		q.agree = append(q.agree, n)
	}
	return &q
}

// POS returns the pipeline's tagger.
func (p *Pipeline) POS() *POSTagger { return p.pos }

// NER returns the pipeline's recognizer, or nil.
func (p *Pipeline) NER() *NER { return p.ner }

// Analyze tokenizes the whole text and analyses every sentence.
func (p *Pipeline) Analyze(text string) *Analysis {
	return p.AnalyzeRanges(text, [][2]int{{0, len(text)}})
}

// SplitRanges tokenizes only the given byte ranges of text and splits each
// range into sentences on its own; every offset refers to the whole text.
// Ranges out of bounds are clipped; ranges should be sorted and not overlap.
func SplitRanges(text string, ranges [][2]int) ([]Token, []Sentence) {
	var all []Token
	var sentences []Sentence
	for _, r := range ranges {
		lo, hi := max(r[0], 0), min(r[1], len(text))
		if lo >= hi {
			continue
		}
		sub := text[lo:hi]
		toks := Tokenize(sub)
		sents := SplitSentences(sub, toks)
		base := len(all)
		for i := range toks {
			toks[i].Start += lo
			toks[i].End += lo
		}
		if all == nil && len(toks) > 0 {
			all = toks // the first range's tokens need no copy
		} else {
			all = append(all, toks...)
		}
		for i := range sents {
			sents[i].Start += lo
			sents[i].End += lo
			sents[i].First += base
			sents[i].Limit += base
		}
		if sentences == nil && len(sents) > 0 {
			sentences = sents
		} else {
			sentences = append(sentences, sents...)
		}
	}
	return all, sentences
}

// AnalyzeRanges analyses only the given byte ranges of text (a document's
// main-text regions), each range split into sentences on its own; every
// offset still refers to the whole text. Ranges out of bounds are clipped;
// ranges should be sorted and not overlap.
func (p *Pipeline) AnalyzeRanges(text string, ranges [][2]int) *Analysis {
	a := &Analysis{Text: text}
	a.Tokens, a.Sentences = SplitRanges(text, ranges)
	p.analyze(a)
	return a
}

// isTitle reports whether token i of c is a person's title (personTitles),
// read from its lower-cased form without a copy.
func (c *sentCtx) isTitle(i int) bool {
	k := c.tokFirst[i]
	return k == c.tokLast[i] && personTitles[string(c.lw(int(k)))]
}

// analyze tags every sentence of a (tokens and sentences set) and finds its
// entities, made consistent across the document.
func (p *Pipeline) analyze(a *Analysis) {
	dg := DocProse
	if p.ner != nil {
		dg = analysisGenre(a)
	}
	for _, s := range a.Sentences {
		a.Entities = p.analyzeSentence(a.Text, a.Tokens, s, dg, a.Entities)
	}
	if p.ner != nil {
		propagate(a)
	}
}

// AnalyzeTokens tags toks (one sentence, Text set; offsets may be zero) and
// returns the entities found in them, with token spans into toks. Evaluation
// uses it to analyse a corpus's own tokens.
func (p *Pipeline) AnalyzeTokens(toks []Token) []Entity {
	return p.analyzeSentence("", toks, Sentence{First: 0, Limit: len(toks)}, DocProse, nil)
}

// AnalyzeDocument analyses one document given as sentences of tokens (a
// corpus's own tokenization) as Analyze does an article, document-level
// consistency included (see propagate), and returns each sentence's
// entities with token spans into that sentence.
func (p *Pipeline) AnalyzeDocument(sentences [][]string) [][]Entity {
	a := &Analysis{}
	var text strings.Builder
	for _, words := range sentences {
		s := Sentence{First: len(a.Tokens), Start: text.Len()}
		for _, w := range words {
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			a.Tokens = append(a.Tokens, Token{Text: w, Start: text.Len(), End: text.Len() + len(w)})
			text.WriteString(w)
		}
		s.Limit, s.End = len(a.Tokens), text.Len()
		a.Sentences = append(a.Sentences, s)
	}
	a.Text = text.String()
	p.analyze(a)
	out := make([][]Entity, len(sentences))
	k := 0
	for _, e := range a.Entities {
		for k < len(a.Sentences) && a.Sentences[k].Limit <= e.First {
			k++
		}
		e.First -= a.Sentences[k].First
		e.Limit -= a.Sentences[k].First
		out[k] = append(out[k], e)
	}
	return out
}

func (p *Pipeline) analyzeSentence(text string, all []Token, s Sentence, dg DocGenre, ents []Entity) []Entity {
	toks := all[s.First:s.Limit]
	if len(toks) == 0 {
		return ents
	}
	c := getCtx(toks)
	defer putCtx(c)
	c.docGenre = dg
	p.pos.tag(c)
	p.pos.fill(c, toks)
	if p.ner == nil {
		return ents
	}
	p.ner.recognize(c)
	n := len(ents)
	ents = c.entities(text, toks, s, ents)
	if len(p.agree) == 0 || len(ents) == n {
		return ents
	}
	return p.vote(c, text, toks, s, ents, n)
}

// vote keeps, of the names ents[n:] that p.ner found in the sentence toks,
// those that more than half of p's recognizers find (p.ner counted): the
// names only one model of several sees go. Another recognizer finds a
// name where, after the same rules (which mend boundaries and types all
// models get wrong alike), it has a name of the same type over some of
// its words ("Holt" where the first read "Lena Holt"); the first
// recognizer's words are kept. The others run one at a time, only while
// a name is undecided, so a sentence the first two agree on costs two
// recognizers. The rules look back at the last name before the sentence,
// and only at it.
func (p *Pipeline) vote(c *sentCtx, text string, toks []Token, s Sentence, ents []Entity, n int) []Entity {
	found := ents[n:]
	need := (len(p.agree) + 1) / 2 // others' votes: with the first's own, more than half of all
	if cap(c.votes) < len(found) {
		c.votes = make([]int8, len(found))
	}
	votes := c.votes[:len(found)]
	clear(votes)
	for k, other := range p.agree {
		// stop when every name is decided: kept, or out of reach
		open := false
		for i := range found {
			if v := int(votes[i]); v < need && v+len(p.agree)-k >= need {
				open = true
			}
		}
		if !open {
			break
		}
		other.recognize(c)
		c.agreedEnts = c.agreedEnts[:0]
		if n > 0 {
			c.agreedEnts = append(c.agreedEnts, ents[n-1])
		}
		c.agreedEnts = c.entities(text, toks, s, c.agreedEnts)
		theirs := c.agreedEnts[min(n, 1):]
		for i, e := range found {
			if slices.ContainsFunc(theirs, func(o Entity) bool {
				return o.Type == e.Type && o.First < e.Limit && e.First < o.Limit
			}) {
				votes[i]++
			}
		}
	}
	kept := ents[:n]
	for i, e := range found {
		if int(votes[i]) >= need {
			kept = append(kept, e)
		}
	}
	return kept
}

// entities appends to ents the names of the sentence toks (its tokens,
// from s.First of the document) that c's labels give, after the rules
// that mend their boundaries and types.
func (c *sentCtx) entities(text string, toks []Token, s Sentence, ents []Entity) []Entity {
	c.tokenTags(len(toks))
	if c.genre == GenreProse {
		c.extendOrganizations(toks)
		c.campsAndForts(toks)
		c.groupNames(toks)
		c.definedOrganization(toks)
	}
	lab := c.tner
	for i := 0; i < len(toks); {
		l := lab[i]
		if l == 0 {
			i++
			continue
		}
		typ := nerLabels[l][2:]
		// An entity starts at B-X, or at an I-X that continues nothing.
		j := i + 1
		conf := c.tprob[i]
		for j < len(toks) && lab[j] != 0 && lab[j]%2 == 0 && nerLabels[lab[j]][2:] == typ {
			conf = min(conf, c.tprob[j])
			j++
		}
		// A ruler's or pope's number is part of their name ("Elizabeth
		// II", "John Paul II"), which the models often end before it.
		if typ == "PER" && j < len(toks) && lab[j] == 0 && regnalNumbers[toks[j].Text] {
			j++
		}
		// So is an epithet ("Alexander the Great", "Ivan the Terrible"),
		// a capitalized adjective after "the" that ends the capitals. A
		// people, nationality or faith there describes the person ("Angela
		// Merkel the German chancellor") and stays outside.
		if typ == "PER" && j+1 < len(toks) && lab[j] == 0 && lab[j+1] == 0 && toks[j].Text == "the" &&
			startsUpperToken(toks[j+1]) && toks[j+1].POS == "ADJ" && !demonyms[strings.ToLower(toks[j+1].Text)] &&
			(j+2 == len(toks) || !startsUpperToken(toks[j+2])) {
			j += 2
		}
		// A state's formal name is a place, the country's with its form of
		// state, capitalized ("Republic of Iraq", "the Kingdom of Saudi
		// Arabia", "the Islamic Republic of Iran"; not "the emirate of
		// Kuwait"), where the models find the country alone.
		if typ == "LOC" && i >= 2 && lab[i-1] == 0 && lab[i-2] == 0 && strings.EqualFold(toks[i-1].Text, "of") &&
			startsUpperToken(toks[i-2]) && stateForms[strings.ToLower(toks[i-2].Text)] {
			i -= 2
			for i > 0 && lab[i-1] == 0 && startsUpperToken(toks[i-1]) && (toks[i-1].POS == "ADJ" || toks[i-1].POS == "PROPN") {
				i--
			}
		}
		next := j
		// Possessive endings and function words at the edges are not part of
		// a name ("al-Maliki's", "Maliki and").
		for j > i && trimmable(toks[j-1]) {
			j--
		}
		for i < j && trimmable(toks[i]) {
			i++
		}
		// A name of two words or more that ends in a word only
		// organizations end in is one, whatever the model said ("Raven
		// Brigade", "Ridgeline Militia" read as persons).
		if typ == "PER" && j-i > 1 && orgEnds[strings.ToLower(toks[j-1].Text)] {
			typ = "ORG"
		}
		// So is a place's ("Northport Harbour Authority", "Lakeside
		// Council" read as places), but for the words that also end
		// places' names ("Soviet Union", "the Western Front", a campus).
		if typ == "LOC" && j-i > 1 && orgEnds[strings.ToLower(toks[j-1].Text)] && !placeOrgEnds[strings.ToLower(toks[j-1].Text)] {
			typ = "ORG"
		}
		// A name the text describes in brackets as an organization is one
		// ("Estekhbarat (former secret service)", "Halvorsen (the shipping
		// group)"), and so is a one-word name in brackets right after an
		// organization, its other name ("the Intelligence Service of Iran
		// (Savak)"); the model reads such foreign words as persons.
		if typ != "ORG" && (c.describedAsOrg(toks, j) || c.bracketAlias(toks, i, j, s.First, ents)) {
			typ = "ORG"
		}
		// "Mr", "Ms", "Dr" before a capitalized word name a person,
		// whatever type the model gave the two ("Ms Bauchtman" read as an
		// organization).
		if j-i > 1 && c.isHonorific(i) && startsUpperToken(toks[i+1]) {
			typ = "PER"
		}
		// A person's title is not part of their name ("Prime Minister Nouri
		// al-Maliki", "Gen. David Petraeus", "Ms Bauchtman"); the list is
		// the one the GUM labels are cut with (gum.go).
		for typ == "PER" && j-i > 1 && c.isTitle(i) {
			i++
		}
		// A headline, or a sentence's first word, puts a descriptor in
		// capitals before a name ("Billionaire Donald Trump Takes",
		// "RIVAL HILLARY CLINTON", "Year Barack Obama").
		for typ == "PER" && j-i > 2 && c.isDescriptor(i) {
			i++
		}
		// A street of a postal address, after its house number ("70 York
		// Street Toronto", "1400 Smith St"), is part of an address, not a
		// name; the town after it still is one.
		if i > 0 && i < j && c.genre != GenreTable && houseNumber(toks[i-1].Text) {
			for k := i + 1; k < j && k < i+4; k++ {
				if streetWords[toks[k].Text] {
					i = k + 1
					for i < j && compassPoints[toks[i].Text] {
						i++
					}
					break
				}
			}
		}
		// "Miramar California" is two places, as "Miramar, California" is.
		entity := func(i, j int) Entity {
			e := Entity{
				Start: toks[i].Start, End: toks[j-1].End,
				First: s.First + i, Limit: s.First + j,
				Type: typ, Confidence: float64(conf),
			}
			if text != "" {
				e.Text = text[e.Start:e.End]
			} else {
				e.Text = joinTokens(toks[i:j])
			}
			return e
		}
		switch {
		case i < j && currencyCode(toks, i, j):
			// "US" of "US$", "AU$": a currency, not a place
		case i < j && hyphenModifier(toks[j-1].Text) && c.commonWord(int(c.tokLast[j-1])):
			// "New York-based", "Ontario-born": a modifier, not a name
		case j == i+1 && c.lowerCommonWord(i):
			// "congress", "turkey", "devil" written in lower case: a word
			// the dictionary lists, not a name; lower-case names that are
			// no dictionary words ("petco", "peru") stay
		case typ == "PER" && j == i+1 && doctrineWord(toks[i].Text):
			// "Scientology", "Mormonism": a faith or a doctrine, never a
			// person (the models type such rare words PER)
		case typ == "LOC" && j-i >= 2 && c.placeThenRegion(i, j):
			ents = append(ents, entity(i, j-1), entity(j-1, j))
		case i < j && !isDemonymSpan(toks[i:j]):
			ents = append(ents, entity(i, j))
		}
		i = next
	}
	return ents
}

// doctrineWord reports a capitalized word of six letters or more ending in
// "ism" or "ology", any case ("Mormonism", "SCIENTOLOGY"): the name of a
// faith, a doctrine or a field, not of a person.
func doctrineWord(w string) bool {
	if len(w) < 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for k := 0; k < len(w); k++ {
		if c := w[k] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return hasSuffixFold(w, "ism") || hasSuffixFold(w, "ology")
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// analysisGenre is the genre of a's document, from its sentences' tokens.
func analysisGenre(a *Analysis) DocGenre {
	texts := make([]string, len(a.Tokens))
	for i, t := range a.Tokens {
		texts[i] = t.Text
	}
	lines := make([][]string, len(a.Sentences))
	for i, s := range a.Sentences {
		lines[i] = texts[s.First:s.Limit]
	}
	return DocumentGenre(lines)
}

// orgHeads are words that head an organization's name before "of", "on"
// or "for" besides the gazetteer's organization-ending words (gazOrgWord:
// "Council", "Union", "Society", "Bank", "University", ...).
var orgHeads = map[string]bool{
	"party": true, "front": true, "movement": true, "league": true, "alliance": true, "parliament": true,
	"assembly": true, "congress": true, "court": true, "forces": true, "cabinet": true, "senate": true,
	"embassy": true, "consulate": true, "chamber": true, "federation": true, "commission": true,
}

// calendarWords end an organization's name: "the Security Council on
// Tuesday" is the council, on a day.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// extendOrganizations makes one organization of a capitalized name headed
// by an organization word and the capitalized words after its "of", "on"
// or "for" ("Council on Foreign Relations", "Union of Concerned
// Scientists", "Democratic Party of Japan", "Society for the Protection of
// Birds"), where the model found the head alone, the place after it alone,
// or neither. Running text only: on a headline every word is capitalized.
// The words after may hold a place or an organization the model found,
// never a person; "and" ends the name ("the Bank of England and
// Barclays"), and so do days, months and titles ("CEO"). A company's
// legal suffix is no head ("Dow Chemical Co of the United States").
func (c *sentCtx) extendOrganizations(toks []Token) {
	lab, n := c.tner, len(toks)
	// a capitalized word of the name: not a day or a month, nor a
	// person's title ("Museum of Flight CEO")
	upper := func(k int) bool {
		if k >= n || !startsUpperToken(toks[k]) {
			return false
		}
		lw := strings.ToLower(toks[k].Text)
		return !calendarWords[lw] && !personTitles[lw]
	}
	for i := 1; i+1 < n; i++ {
		switch toks[i].Text {
		case "of", "on", "for":
		case "to":
			// "Committee to Protect Journalists", "Coalition to Save the
			// Harbour": a capitalized verb after "to"
			if !upper(i+1) && !(i+2 < n && toks[i+1].Text == "the" && upper(i+2)) {
				continue
			}
		default:
			continue
		}
		h := i - 1
		if !upper(h) || (lab[h] != 0 && nerLabels[lab[h]][2:] != "ORG") || !c.orgHead(h) || legalSuffixes[strings.ToLower(toks[h].Text)] {
			continue
		}
		// the head's first token
		s := h
		if lab[h] != 0 {
			for s > 0 && lab[s]%2 == 0 {
				s--
			}
		} else {
			for s > 0 && lab[s-1] == 0 && upper(s-1) && toks[s-1].POS != "DET" {
				s--
			}
		}
		// the words after: capitalized, with "of", "for", "on" or "the"
		// inside, at most six
		e, k := i+1, i+1
		if k < n && strings.EqualFold(toks[k].Text, "the") {
			k++
		}
		for k < n && k-i <= 6 {
			if upper(k) {
				if lab[k] != 0 && nerLabels[lab[k]][2:] == "PER" {
					e = i + 1
					break
				}
				k++
				e = k
				continue
			}
			switch toks[k].Text {
			case "of", "for", "on", "the", "-":
				if upper(k+1) || (toks[k].Text != "the" && k+2 < n && toks[k+1].Text == "the" && upper(k+2)) {
					k++
					continue
				}
			}
			break
		}
		if e <= i+1 || (e < n && lab[e] != 0 && lab[e]%2 == 0) {
			continue // nothing capitalized after, or a name runs on past it
		}
		p := float32(0.5)
		if lab[h] != 0 {
			p = c.tprob[h]
		}
		lab[s] = 3 // B-ORG
		for k := s + 1; k < e; k++ {
			lab[k] = 4 // I-ORG
			c.tprob[k] = min(c.tprob[k], p)
		}
		i = e - 1
	}
}

// groupPreps are prepositions that, capitalized inside a capitalized run
// of running text after a plural noun, make the run a group's name
// ("Reporters Without Borders", "Mothers Against Drunk Driving").
var groupPreps = map[string]bool{"Without": true, "Against": true, "Beyond": true, "Across": true, "For": true}

// groupNames labels such a run one organization: a capitalized plural
// common noun ("Doctors", "Reporters"), a capitalized preposition of
// groupPreps, and one to three capitalized words after it, the run not
// glued to more capitals. Running text only: a headline capitalizes every
// word.
func (c *sentCtx) groupNames(toks []Token) {
	lab, n := c.tner, len(toks)
	for i := 0; i+2 < n; i++ {
		w := toks[i].Text
		if !groupPreps[toks[i+1].Text] || !startsUpperToken(toks[i]) || len(w) < 4 || w[len(w)-1] != 's' ||
			!c.commonWord(int(c.tokLast[i])) || (i > 0 && startsUpperToken(toks[i-1]) && i-1 != 0) {
			continue
		}
		e := i + 2
		for e < n && e-i-2 < 3 && startsUpperToken(toks[e]) {
			e++
		}
		if e == i+2 || (e < n && startsUpperToken(toks[e])) || (e < n && lab[e] != 0 && lab[e]%2 == 0) ||
			(lab[i] != 0 && lab[i]%2 == 0) {
			continue
		}
		lab[i] = 3 // B-ORG
		c.tprob[i] = 0.5
		for k := i + 1; k < e; k++ {
			lab[k] = 4 // I-ORG
			c.tprob[k] = 0.5
		}
		i = e - 1
	}
}

// definedOrganization labels one organization the capitalized name a
// sentence opens with when the sentence defines it as one: "Mojahedin-e
// Khalq of Iran is a political organization that ...", "The Tarkhanov
// Front was an armed group in ...": the name (capitalized words, with
// "of" or "for" between them) before "is" or "was", then "a", "an" or
// "the", at most three lower-case words and an organization's noun
// (orgNouns, orgEnds, orgHeads) that ends the noun phrase. A definition
// is the strongest evidence a text gives of a name's type, and the model
// reads foreign names in it as persons.
func (c *sentCtx) definedOrganization(toks []Token) {
	lab, n := c.tner, len(toks)
	i := 0
	if n > 0 && toks[0].POS == "DET" {
		i = 1
	}
	e := i
	for e < n && (startsUpperToken(toks[e]) || ((toks[e].Text == "of" || toks[e].Text == "for") && e > i && e+1 < n && startsUpperToken(toks[e+1]))) {
		e++
	}
	if e == i || e-i > 6 || e+3 >= n || (toks[e].Text != "is" && toks[e].Text != "was") {
		return
	}
	k := e + 1
	switch toks[k].Text {
	case "a", "an", "the":
		k++
	default:
		return
	}
	for ; k < n && k <= e+5; k++ {
		w := toks[k].Text
		if !isLowerWord(w) {
			return
		}
		if orgNouns[w] || orgEnds[w] || orgHeads[w] {
			break
		}
	}
	if k >= n || k > e+5 {
		return
	}
	// the noun ends its phrase: "a political organization that", not "a
	// party leader"
	if k+1 < n && isLowerWord(toks[k+1].Text) {
		switch toks[k+1].Text {
		case "that", "which", "in", "of", "based", "founded", "with", "from", "and", "whose", "led", "formed", "set":
		default:
			return
		}
	}
	p := float32(1)
	for x := i; x < e; x++ {
		if lab[x] != 0 {
			p = min(p, c.tprob[x])
		}
	}
	p = max(p, 0.5)
	lab[i] = 3 // B-ORG
	c.tprob[i] = p
	for x := i + 1; x < e; x++ {
		lab[x] = 4 // I-ORG
		c.tprob[x] = p
	}
}

// siteWords, capitalized before a name, make a place of the two: a
// camp, fort or base ("Camp Ashraf", "Camp Liberty", "Fort Bragg"), where
// the model reads the name after it as a person ("Ashraf") or a common
// word ("Liberty"). GUM, Universal NER and CoNLL-2003 label such names
// places.
var siteWords = map[string]bool{"Camp": true, "Fort": true}

// siteStops end a site's name as a thing named after it: "the Camp David
// Accords" is an agreement, not a camp.
var siteStops = map[string]bool{
	"accord": true, "accords": true, "agreement": true, "agreements": true, "treaty": true, "summit": true,
	"talks": true, "declaration": true, "process": true,
}

// campsAndForts labels "Camp" or "Fort" and the capitalized words after
// it (up to three, not glued to a longer capitalized run, not inside a
// name the model found that started before) one place; running text only,
// where capitals mean names.
func (c *sentCtx) campsAndForts(toks []Token) {
	lab, n := c.tner, len(toks)
	for i := 0; i+1 < n; i++ {
		if !siteWords[toks[i].Text] || (lab[i] != 0 && lab[i]%2 == 0) {
			continue
		}
		e := i + 1
		for e < n && e-i <= 3 && startsUpperToken(toks[e]) && toks[e].POS == "PROPN" {
			e++
		}
		if e == i+1 || (e < n && startsUpperToken(toks[e])) || (e < n && lab[e] != 0 && lab[e]%2 == 0) {
			continue
		}
		stop := false
		for k := i + 1; k < e; k++ {
			stop = stop || siteStops[strings.ToLower(toks[k].Text)] || personTitles[strings.ToLower(toks[k].Text)]
		}
		if stop {
			continue
		}
		p := float32(1)
		for k := i; k < e; k++ {
			if lab[k] != 0 {
				p = min(p, c.tprob[k])
			}
		}
		lab[i] = 5 // B-LOC
		for k := i + 1; k < e; k++ {
			lab[k] = 6 // I-LOC
			c.tprob[k] = p
		}
		c.tprob[i] = p
		i = e - 1
	}
}

// describedAsOrg reports a bracket at toks[j] that holds one to five
// lower-case words ending in an organization's head word ("( former
// secret service )", "( the ruling party )").
func (c *sentCtx) describedAsOrg(toks []Token, j int) bool {
	if j+2 >= len(toks) || toks[j].Text != "(" {
		return false
	}
	m := j + 1
	for m < len(toks) && m-j <= 6 && toks[m].Text != ")" {
		if startsUpperToken(toks[m]) || !isLowerWord(toks[m].Text) {
			return false
		}
		m++
	}
	if m >= len(toks) || toks[m].Text != ")" || m == j+1 {
		return false
	}
	return orgEnds[toks[m-1].Text] || orgHeads[toks[m-1].Text] || orgNouns[toks[m-1].Text]
}

// gazPlaces are the gazetteer's classes of places.
const gazPlaces = gazCountry | gazRegion | gazCity | gazPlace

// orgNouns are lower-case nouns that describe an organization in
// brackets after its name, besides orgEnds and orgHeads.
var orgNouns = map[string]bool{
	"service": true, "police": true, "company": true, "group": true, "firm": true, "bank": true,
	"newspaper": true, "broadcaster": true, "daily": true, "network": true, "club": true, "team": true,
	"ministry": true, "militia": true, "agency": true, "organisation": true, "organization": true,
}

// isLowerWord reports a word of lower-case letters (hyphens allowed).
func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

// bracketAlias reports a one-word name toks[i:j] in brackets right after
// an organization found in the same sentence (the last of ents; first is
// the sentence's first token's index in the document).
func (c *sentCtx) bracketAlias(toks []Token, i, j, first int, ents []Entity) bool {
	if j != i+1 || i == 0 || j >= len(toks) || toks[i-1].Text != "(" || toks[j].Text != ")" || len(ents) == 0 {
		return false
	}
	// Running text only, and not a listed place: a results line gives a
	// club's country in brackets ("Benetton ( Italy ) 92"), a report a
	// company's town.
	if c.genre != GenreProse || c.gazSingle[c.tokFirst[i]]&gazPlaces != 0 {
		return false
	}
	prev := ents[len(ents)-1]
	return prev.Type == "ORG" && prev.Limit == first+i-1
}

// orgEnds are words that end organizations' names and no person's (the
// gazetteer's organization-ending words include surnames: Church, Post,
// Power).
var orgEnds = map[string]bool{
	"brigade": true, "brigades": true, "battalion": true, "regiment": true, "militia": true, "party": true,
	"front": true, "movement": true, "league": true, "alliance": true, "committee": true, "council": true,
	"union": true, "society": true, "university": true, "institute": true, "ministry": true, "agency": true,
	"association": true, "federation": true, "commission": true, "corporation": true, "foundation": true,
	"authority": true, "bureau": true, "army": true, "coalition": true, "organization": true, "organisation": true,
	"inc": true, "inc.": true, "corp": true, "corp.": true, "ltd": true, "ltd.": true, "plc": true, "llc": true,
}

// placeOrgEnds are orgEnds that end places' names too ("Russian Federation").
var placeOrgEnds = map[string]bool{"union": true, "federation": true, "university": true, "front": true, "league": true, "army": true}

// legalSuffixes end a company's name: "Kia Motor Corp of South Korea" is
// the company and where it is.
var legalSuffixes = map[string]bool{
	"co": true, "co.": true, "corp": true, "corp.": true, "inc": true, "inc.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "limited": true, "holdings": true, "group": true, "ag": true, "sa": true, "nv": true,
}

// orgHead reports whether token k is a word that heads organizations'
// names (orgHeads, or the gazetteer's organization-ending words).
func (c *sentCtx) orgHead(k int) bool {
	w := c.tokLast[k]
	return c.gazSingle[w]&gazOrgWord != 0 || orgHeads[string(c.lw(int(w)))]
}

// honorifics are the titles only a person's name follows.
var honorifics = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true,
	"mx": true, "mx.": true, "dr": true, "dr.": true, "messrs": true, "messrs.": true, "mme": true, "mme.": true,
}

// isHonorific reports whether token i is an honorific (honorifics).
func (c *sentCtx) isHonorific(i int) bool {
	k := c.tokFirst[i]
	return k == c.tokLast[i] && honorifics[string(c.lw(int(k)))]
}

// isDescriptor reports whether token i, before a given name, is a
// descriptor written in capitals because of where it stands: a word the
// dictionary lists in lower case and not a given name, on a headline, at
// the start of a sentence or in capitals. Mid-sentence in running text a
// capitalized word before a given name is kept ("Young Kim" may be a name).
func (c *sentCtx) isDescriptor(i int) bool {
	k := c.tokFirst[i]
	if k != c.tokLast[i] || i+1 >= len(c.tokFirst) {
		return false
	}
	g := c.gazSingle[k]
	if g&gazCommon == 0 || g&(gazFirst|gazProper) != 0 || c.flags[k]&flagUpper == 0 {
		return false
	}
	if c.genre != GenreHeadline && k != 0 && c.flags[k]&flagAllCaps == 0 {
		return false
	}
	return c.gazSingle[c.tokFirst[i+1]]&gazFirst != 0
}

// streetWords end a street's name in an address.
var streetWords = map[string]bool{
	"Street": true, "St": true, "St.": true, "Avenue": true, "Ave": true, "Ave.": true, "Road": true, "Rd": true,
	"Rd.": true, "Boulevard": true, "Blvd": true, "Blvd.": true, "Drive": true, "Dr": true, "Dr.": true, "Lane": true,
	"Ln": true, "Ln.": true, "Way": true, "Place": true, "Pl": true, "Pl.": true, "Court": true, "Ct": true, "Ct.": true,
	"Highway": true, "Hwy": true, "Hwy.": true, "Parkway": true, "Pkwy": true, "Pkwy.": true, "Square": true,
	"STREET": true, "ST": true, "AVENUE": true, "AVE": true, "ROAD": true, "RD": true, "BLVD": true, "DRIVE": true,
}

// compassPoints follow a street's name in an address ("Street NW").
var compassPoints = map[string]bool{
	"N": true, "S": true, "E": true, "W": true, "NE": true, "NW": true, "SE": true, "SW": true,
	"N.": true, "S.": true, "E.": true, "W.": true, "N.E.": true, "N.W.": true, "S.E.": true, "S.W.": true,
}

// houseNumber reports a house number: one to six digits, perhaps with a
// letter after ("221B").
func houseNumber(w string) bool {
	n := len(w)
	if n > 0 && w[n-1] >= 'A' && w[n-1] <= 'Z' {
		n--
	}
	if n == 0 || n > 6 {
		return false
	}
	for k := 0; k < n; k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return true
}

// currencyCode reports a one-token name that is a currency's country
// code: the token "US$" or "AU$", or "US" written against a "$" token.
func currencyCode(toks []Token, i, j int) bool {
	if j-i != 1 {
		return false
	}
	t := toks[i].Text
	if len(t) > 1 && t[len(t)-1] == '$' {
		return true
	}
	return j < len(toks) && toks[j].Start == toks[i].End && toks[j].Start > 0 && strings.HasPrefix(toks[j].Text, "$")
}

// hyphenModifier reports a word made of a name and, after a hyphen, a
// lower-case participle of four letters or more ("York-based",
// "Ohio-born", "UN-sponsored"): with a common word there (see
// commonWord), a modifier that ends a phrase, never a name's end; not a
// hyphenated given name ("Wu Chi-wai", "Yau Wai-ching").
func hyphenModifier(w string) bool {
	h := strings.LastIndexByte(w, '-')
	if h <= 0 || len(w)-h-1 < 4 || !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "born")) {
		return false
	}
	for _, r := range w[h+1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// commonWord reports a word the dictionary lists in lower case only, and
// no name list has.
func (c *sentCtx) commonWord(k int) bool {
	g := c.gazSingle[k]
	return g&gazCommon != 0 && g&(gazFirst|gazLast|gazProper) == 0
}

// lowerCommonWord reports token i, one word not capitalized, that the
// dictionary lists in lower case and no name list has.
func (c *sentCtx) lowerCommonWord(i int) bool {
	k := c.tokFirst[i]
	return k == c.tokLast[i] && c.flags[k]&flagUpper == 0 && c.commonWord(int(k))
}

// stateForms name a form of state before "of" and a country ("Republic
// of Iraq"), lower-cased.
var stateForms = map[string]bool{
	"republic": true, "kingdom": true, "federation": true, "commonwealth": true, "sultanate": true,
	"emirate": true, "principality": true, "duchy": true,
}

// regnalNumbers are the Roman numbers after a ruler's or pope's name; "I"
// is left out (the pronoun).
var regnalNumbers = map[string]bool{
	"II": true, "III": true, "IV": true, "V": true, "VI": true, "VII": true, "VIII": true, "IX": true, "X": true,
	"XI": true, "XII": true, "XIII": true, "XIV": true, "XV": true, "XVI": true, "XVII": true, "XVIII": true,
}

// trimmable reports tokens that may not begin or end a name.
func trimmable(t Token) bool {
	switch t.POS {
	case "PUNCT", "CCONJ", "ADP", "DET", "PART", "SCONJ":
		return true
	}
	switch t.Text {
	case "'s", "\u2019s", "'", "\u2019":
		return true
	}
	return false
}

func joinTokens(toks []Token) string {
	if len(toks) == 1 {
		return toks[0].Text
	}
	var b []byte
	for k, t := range toks {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.Text...)
	}
	return string(b)
}

var (
	gazOnce sync.Once
	gazVal  *gazetteer
	gazErr  error
)

// embeddedGazetteer returns the embedded gazetteer, loaded once, or nil when
// none is embedded.
func embeddedGazetteer() (*gazetteer, error) {
	gazOnce.Do(func() {
		data, err := models.ReadFile("models/gazetteer.gz")
		if err != nil {
			return
		}
		gazVal, gazErr = loadGazetteer(bytes.NewReader(data))
	})
	return gazVal, gazErr
}

// openInput loads a training input the recognizer reads (the gazetteer, the
// word classes) from a file, or the embedded one for "" (which may be nil:
// none embedded).
func openInput[T any](path, what string, embedded func() (T, error), load func(io.Reader) (T, error)) (T, error) {
	if path == "" {
		return embedded()
	}
	f, err := os.Open(path)
	if err != nil {
		var none T
		return none, fmt.Errorf("open %s: %w", what, err)
	}
	defer f.Close()
	return load(f)
}

// inputName is what a NER model records about a training input: the file's
// base name, "embedded" when it is the embedded models/<embeddedFile>, or
// "" for none.
func inputName(path, embeddedFile string) string {
	if path != "" {
		return filepath.Base(path)
	}
	if _, err := fs.Stat(models, "models/"+embeddedFile); err == nil {
		return "embedded"
	}
	return ""
}

// embeddedWordClasses loads the embedded word classes, or returns nil when
// none are embedded. It is not kept: the recognizer merges it into its
// lexicon (see nerLexicon), and a second copy of its 341k entries would
// stay in memory for nothing.
func embeddedWordClasses() (*wordClasses, error) {
	data, err := models.ReadFile("models/wordclass.gz")
	if err != nil {
		return nil, nil
	}
	return loadWordClasses(bytes.NewReader(data))
}

// placeThenRegion reports a place name of tokens [i, j) that is a place
// followed by the region or country it is in ("Miramar California",
// "san francisco california"): the last token is a region or country, the
// ones before it a listed place, and the whole is not listed.
func (c *sentCtx) placeThenRegion(i, j int) bool {
	last := c.tokFirst[j-1]
	if last != c.tokLast[j-1] || c.gazSingle[last]&(gazRegion|gazCountry) == 0 || c.gazSingle[last]&gazCommon != 0 {
		return false
	}
	w0, wl := int(c.tokFirst[i]), int(c.tokLast[j-2])
	end := c.gazEnd(w0)
	if end > int(last) {
		return false // the whole is listed ("New Mexico")
	}
	if end == wl+1 && end > w0+1 {
		return c.gazClass[w0]&(gazCity|gazRegion|gazCountry|gazPlace) != 0
	}
	return w0 == wl && c.gazSingle[w0]&(gazCity|gazRegion|gazCountry) != 0
}

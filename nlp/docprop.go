package nlp

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A news article names its actors many times; the sentence-level model sees
// each sentence alone and may miss or mistype some repeats ("MKO" found in
// one sentence, missed in the next). propagate makes the analysis of one
// document consistent:
//   - every name the model found gets the type its occurrences voted for,
//     weighted by confidence;
//   - repeats of a found name that the model missed become entities, and so
//     do later bare surnames of persons found with a full name;
// Added mentions carry a lower confidence than the model's own.

type nameVote struct {
	words []string
	key   string // the words joined by spaces (entityKey)
	votes map[string]float64
}

func entityKey(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func propagate(a *Analysis) {
	defined := defineAcronyms(a)
	if len(a.Entities) == 0 {
		return
	}
	// A one-word name in brackets right after an organization is its
	// other name, an organization in every sentence ("the Intelligence
	// Service of Iran (Savak)", then "Savak released ..."), as an acronym
	// defined in the text is.
	for k := 1; k < len(a.Entities); k++ {
		e, p := a.Entities[k], a.Entities[k-1]
		if e.Type != "ORG" || p.Type != "ORG" || e.Limit != e.First+1 || p.Limit+1 != e.First ||
			e.Limit >= len(a.Tokens) || a.Tokens[p.Limit].Text != "(" || a.Tokens[e.Limit].Text != ")" {
			continue
		}
		key := a.Tokens[e.First].Text
		if _, ok := defined[key]; ok || listedPlace(key) {
			continue
		}
		if defined == nil {
			defined = map[string]definition{}
		}
		defined[key] = definition{[]string{key}, "ORG"}
	}
	names := map[string]*nameVote{}
	vote := func(toks []Token, typ string, w float64) {
		k := entityKey(toks)
		v := names[k]
		if v == nil {
			v = &nameVote{words: tokenTexts(toks), key: k, votes: map[string]float64{}}
			names[k] = v
		}
		v.votes[typ] += w
	}
	dateline := datelineEntities(a)
	for i, e := range a.Entities {
		if dateline[i] {
			continue // a place by where it stands; see datelineEntities
		}
		toks := a.Tokens[e.First:e.Limit]
		vote(toks, e.Type, e.Confidence)
		// A person's surname names them later on its own.
		if e.Type == "PER" && len(toks) > 1 {
			last := toks[len(toks)-1:]
			if hasUpper(last[0].Text) && utf8.RuneCountInString(last[0].Text) > 2 {
				vote(last, "PER", e.Confidence/2)
			}
		}
	}
	// An acronym of a found name names it too: "the Housing Authority of
	// New Orleans (HANO)", then "HANO" alone; "the Coalition Provisional
	// Authority" in one paragraph, "the CPA" in the next. The acronym gets
	// half the name's votes, so the model's own reading of it still counts.
	// Names are taken in key order, so that votes for one acronym from
	// several names add up in the same order every time.
	type spelt struct {
		v   *nameVote
		acr string
	}
	var spelts []spelt
	for _, v := range names {
		if acr := acronym(v.words); acr != "" {
			spelts = append(spelts, spelt{v, acr})
		}
	}
	slices.SortFunc(spelts, func(x, y spelt) int { return cmp.Compare(x.v.key, y.v.key) })
	for _, sp := range spelts {
		for typ, w := range sp.v.votes {
			vote([]Token{{Text: sp.acr}}, typ, w/2)
		}
	}
	// A name the text defines with its acronym has the definition's type,
	// whatever the model read into its occurrences (see defineAcronyms).
	for key, d := range defined {
		v := names[key]
		if v == nil {
			v = &nameVote{words: d.words, key: key}
			names[key] = v
		}
		v.votes = map[string]float64{d.typ: 1}
	}
	best := func(v *nameVote) (string, float64) {
		typ, w, total := "", 0.0, 0.0
		for t, x := range v.votes {
			total += x
			if x > w || x == w && t < typ {
				typ, w = t, x
			}
		}
		return typ, w / total
	}
	// pooled gives each name the votes of all its capitalizations: a
	// headline's "LEEDS" and the report's "Leeds" are one club, and the
	// model reads capitals least well. Names are taken in key order, so
	// that the sums come out the same every time; a name with no other
	// capitalization shares its own votes.
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	folded := make(map[string]*nameVote, len(names))
	shared := map[string]bool{}
	pooled := make(map[string]*nameVote, len(names))
	for _, k := range keys {
		fk := strings.ToLower(k)
		f := folded[fk]
		switch {
		case f == nil:
			folded[fk], shared[fk] = names[k], true
		case shared[fk]:
			f = &nameVote{votes: maps.Clone(f.votes)}
			folded[fk], shared[fk] = f, false
			fallthrough
		default:
			for t, w := range names[k].votes {
				f.votes[t] += w
			}
		}
	}
	for _, k := range keys {
		pooled[k] = folded[strings.ToLower(k)]
	}
	// Consistent types: a name's votes in any capitalization, or a
	// defined name's definition.
	for i := range a.Entities {
		e := &a.Entities[i]
		if dateline[i] {
			e.Type = "LOC"
			continue
		}
		key := entityKey(a.Tokens[e.First:e.Limit])
		v := names[key]
		if _, ok := defined[key]; !ok {
			v = pooled[key]
		}
		typ, share := best(v)
		if typ != e.Type && share > 0.5 {
			e.Type = typ
		}
	}
	// Missed repeats: scan tokens outside entities for found names, longest first.
	inEntity := make([]bool, len(a.Tokens))
	for _, e := range a.Entities {
		for k := e.First; k < e.Limit; k++ {
			inEntity[k] = true
		}
	}
	byFirst := map[string][]*nameVote{}
	for _, v := range names {
		if !hasUpper(v.words[0]) {
			continue
		}
		byFirst[v.words[0]] = append(byFirst[v.words[0]], v)
	}
	for _, vs := range byFirst {
		sort.Slice(vs, func(i, j int) bool {
			if len(vs[i].words) != len(vs[j].words) {
				return len(vs[i].words) > len(vs[j].words)
			}
			return vs[i].key < vs[j].key
		})
	}
	sent := 0
	var added []Entity
	for i := 0; i < len(a.Tokens); i++ {
		for sent < len(a.Sentences) && a.Sentences[sent].Limit <= i {
			sent++
		}
		// every name in byFirst has a capital in its first word
		if inEntity[i] || !hasUpper(a.Tokens[i].Text) {
			continue
		}
		for _, v := range byFirst[a.Tokens[i].Text] {
			n := len(v.words)
			if sent >= len(a.Sentences) || i+n > a.Sentences[sent].Limit {
				continue
			}
			ok := true
			for k := 0; k < n && ok; k++ {
				ok = !inEntity[i+k] && a.Tokens[i+k].Text == v.words[k]
			}
			// The name must not be glued into a longer capitalized run
			// ("Camp" found alone does not make "Camp Liberty" a "Camp").
			if ok && i+n < a.Sentences[sent].Limit && startsUpperToken(a.Tokens[i+n]) {
				ok = false
			}
			// A sentence's capitalized first word glues nothing when it is
			// a function word ("The MKO said", "Later ISIS retreated").
			if ok && i > a.Sentences[sent].First && startsUpperToken(a.Tokens[i-1]) && !inEntity[i-1] &&
				!(i-1 == a.Sentences[sent].First && functionPOS(a.Tokens[i-1].POS)) {
				ok = false
			}
			if !ok {
				continue
			}
			typ, share := best(v)
			e := Entity{
				Start: a.Tokens[i].Start, End: a.Tokens[i+n-1].End,
				First: i, Limit: i + n, Type: typ,
				Text:       a.Text[a.Tokens[i].Start:a.Tokens[i+n-1].End],
				Confidence: 0.5 * share,
			}
			if isDemonymSpan(a.Tokens[i : i+n]) {
				break
			}
			added = append(added, e)
			for k := i; k < i+n; k++ {
				inEntity[k] = true
			}
			break
		}
	}
	if len(added) > 0 {
		a.Entities = append(a.Entities, added...)
		// Entities do not overlap: no two start at one offset.
		slices.SortFunc(a.Entities, func(x, y Entity) int { return cmp.Compare(x.Start, y.Start) })
	}
}

// listedPlace reports a word the embedded gazetteer lists as a place
// (country, region, city or other place).
func listedPlace(w string) bool {
	g, err := embeddedGazetteer()
	if err != nil || g == nil {
		return false
	}
	h := tmpl(200).str(strings.ToLower(w)).sep()
	return g.phrases[uint64(h)]&gazPlaces != 0
}

// datelineEntities marks the entities of a's dateline lines ("NEW YORK
// 1996-08-30", "KHASAVYURT , Russia 1996-08-31"): a dateline names where
// the story was filed, so its names are places, whatever the same name is
// elsewhere in the story (New York the team, Washington the man), and
// they lend no votes to the name elsewhere.
func datelineEntities(a *Analysis) map[int]bool {
	var out map[int]bool
	k := 0
	var words []string
	for _, s := range a.Sentences {
		if s.Limit <= s.First || s.Limit-s.First > 8 || !isDate(a.Tokens[s.Limit-1].Text) {
			continue // a dateline has at most six words and two commas, and ends in a date
		}
		words = words[:0]
		for _, t := range a.Tokens[s.First:s.Limit] {
			words = append(words, t.Text)
		}
		if LineGenre(words) != GenreDateline {
			continue
		}
		for k < len(a.Entities) && a.Entities[k].First < s.First {
			k++
		}
		for j := k; j < len(a.Entities) && a.Entities[j].Limit <= s.Limit; j++ {
			if out == nil {
				out = map[int]bool{}
			}
			out[j] = true
		}
	}
	return out
}

func startsUpperToken(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// acronymSkip are the words a name's acronym leaves out ("Housing
// Authority of New Orleans" is HANO).
var acronymSkip = map[string]bool{"of": true, "and": true, "the": true, "for": true, "&": true, "-": true, "de": true, "du": true, "des": true, "la": true, "le": true, "e": true}

// acronym returns the acronym of a name of three or more words, each
// counted one by its first letter (capitals only; "of", "and" and the like
// skipped), or "" when the name has fewer or a word is not capitalized.
func acronym(words []string) string {
	var b []byte
	for i, w := range words {
		// Every skipped word is 3 bytes or shorter: longer words need no
		// lower-cased copy.
		if i > 0 && len(w) <= 3 && acronymSkip[strings.ToLower(w)] {
			continue
		}
		if i == 0 && strings.EqualFold(w, "the") {
			continue
		}
		c := w[0]
		if c < 'A' || c > 'Z' {
			return ""
		}
		b = append(b, c)
	}
	if len(b) < 3 {
		return ""
	}
	return string(b)
}

// definition is a name or acronym a document defines: "the Islamic State of
// Iraq and Syria (ISIS)".
type definition struct {
	words []string
	typ   string
}

// defineAcronyms finds where a document defines an acronym, a capitalized
// name followed by its acronym in parentheses whose letters are the name's
// initials ("Islamic State of Iraq and Syria (ISIS)", "Mujahedin Khalq
// Organization (MKO)"), and makes the name and the acronym entities there,
// in place of what the model found inside the name ("Iraq", "Syria"). The
// pattern is the one Schwartz and Hearst use for biomedical abbreviations.
//
// Capitalized phrases that are not names are defined the same way ("Chief
// Executive Officer (CEO)", "Gross Domestic Product (GDP)"), so a
// definition is taken only where the model found part of a name inside it
// or in the acronym anywhere in the document. Its type is the model's for
// the whole name where it found it; else the model's for the name's head
// word, unless a person; else the model's likeliest for the acronym in the
// document unless a person (an acronym hardly names one); else
// organization, what most defined acronyms in news name.
//
// It returns the definitions by entity key, for propagate to type every
// occurrence as the definition does.
func defineAcronyms(a *Analysis) map[string]definition {
	toks := a.Tokens
	var inEntity []int // entity index + 1, made at the first definition
	var defs map[string]definition
	var add []Entity
	var drop map[int]bool
	for _, s := range a.Sentences {
		for i := s.First + 1; i+2 < s.Limit; i++ {
			first, at, words := spelledBefore(toks, s, i)
			if first < 0 {
				continue
			}
			if inEntity == nil {
				inEntity = make([]int, len(toks))
				for k, e := range a.Entities {
					for i := e.First; i < e.Limit; i++ {
						inEntity[i] = k + 1
					}
				}
				drop = map[int]bool{}
			}
			acr := toks[at].Text
			typ, ok := definedType(a, inEntity, first, i, acr)
			if !ok {
				continue
			}
			if defs == nil {
				defs = map[string]definition{}
			}
			defs[entityKey(toks[first:i])] = definition{words, typ}
			defs[acr] = definition{[]string{acr}, typ}
			for _, span := range [][2]int{{first, i}, {at, at + 1}} {
				exact := false
				for k := span[0]; k < span[1]; k++ {
					if e := inEntity[k]; e > 0 {
						x := a.Entities[e-1]
						if x.First >= span[0] && x.Limit <= span[1] && (x.First != span[0] || x.Limit != span[1]) {
							drop[e-1] = true // inside the name: replaced
						} else {
							exact = true // the span itself, or across its edge: the model's reading stays
						}
					}
				}
				if !exact {
					f, l := span[0], span[1]
					add = append(add, Entity{
						Start: toks[f].Start, End: toks[l-1].End, First: f, Limit: l,
						Type: typ, Text: a.Text[toks[f].Start:toks[l-1].End], Confidence: 0.5,
					})
				}
			}
		}
	}
	if len(drop) > 0 || len(add) > 0 {
		kept := a.Entities[:0] // in place: kept never passes k
		for k, e := range a.Entities {
			if !drop[k] {
				kept = append(kept, e)
			}
		}
		a.Entities = append(kept, add...)
		slices.SortFunc(a.Entities, func(x, y Entity) int { return cmp.Compare(x.Start, y.Start) })
	}
	return defs
}

// spelledBefore reports whether tokens from i of sentence s are an
// acronym in brackets whose letters the words just before spell (acronym),
// and returns where those words begin, the acronym's token and the words,
// or -1. It takes the shortest span that spells it: "The" before the name
// is not part of it. Square brackets and quotes around the acronym are the
// same definition as plain parentheses: contracts and filings define their
// parties' short names so ("Northwind Bank ("NB")", "[CSST]"). An acronym
// of two letters is taken only for a name of exactly two capitalized words
// ("Northwind Bank (NB)"): shorter acronyms spell too much by chance.
func spelledBefore(toks []Token, s Sentence, i int) (int, int, []string) {
	closer := ""
	switch toks[i].Text {
	case "(":
		closer = ")"
	case "[":
		closer = "]"
	default:
		return -1, 0, nil
	}
	at := i + 1
	for at < s.Limit && isQuoteToken(toks[at].Text) {
		at++
	}
	end := at + 1
	for end < s.Limit && isQuoteToken(toks[end].Text) {
		end++
	}
	if end >= s.Limit || toks[end].Text != closer || (end > at+1) != (at > i+1) {
		return -1, 0, nil
	}
	acr := toks[at].Text
	if len(acr) < 2 || len(acr) > 8 || !isUpperASCII(acr) {
		return -1, 0, nil
	}
	lo := max(s.First, i-12)
	words := tokenTexts(toks[lo:i])
	if len(acr) == 2 {
		if j := i - 2; j >= lo && startsUpperToken(toks[j]) && startsUpperToken(toks[j+1]) &&
			toks[j].Text[0] == acr[0] && toks[j+1].Text[0] == acr[1] {
			return j, at, words[j-lo:]
		}
		return -1, 0, nil
	}
	for j := i - 1; j >= lo; j-- {
		if acronym(words[j-lo:]) == acr {
			return j, at, words[j-lo:]
		}
	}
	return -1, 0, nil
}

// isQuoteToken reports whether a token is a quotation mark, straight or
// curly, or a run of them.
func isQuoteToken(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		switch r {
		case '"', '\'', '`', '“', '”', '‘', '’':
		default:
			return false
		}
	}
	return true
}

// definedType returns the type of the name [first, i) defined with acr,
// as defineAcronyms says, and false where the model found no part of a
// name in it nor the acronym anywhere (inEntity: entity index + 1).
func definedType(a *Analysis, inEntity []int, first, i int, acr string) (string, bool) {
	typ, seen := "", false
	for k := first; k < i; k++ {
		if e := inEntity[k]; e > 0 {
			seen = true
			if x := a.Entities[e-1]; x.First == first && x.Limit == i {
				typ = x.Type
			}
		}
	}
	votes := map[string]float64{}
	for _, e := range a.Entities {
		if e.Limit-e.First == 1 && a.Tokens[e.First].Text == acr {
			seen = true
			votes[e.Type] += e.Confidence
		}
	}
	if !seen {
		return "", false
	}
	if typ != "" {
		return typ, true
	}
	// The name's head: its last word before "of" or the like ("Space
	// Center" in "Johnson Space Center"; "Authority" in "Housing Authority
	// of New Orleans", not "New Orleans").
	head := i - 1
	for k := first + 1; k < i; k++ {
		if acronymSkip[a.Tokens[k].Text] {
			head = k - 1
			break
		}
	}
	if e := inEntity[head]; e > 0 && a.Entities[e-1].Type != "PER" {
		return a.Entities[e-1].Type, true
	}
	best := 0.0
	for t, w := range votes {
		if t != "PER" && (w > best || w == best && t < typ) {
			typ, best = t, w
		}
	}
	if typ == "" {
		typ = "ORG"
	}
	return typ, true
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func tokenTexts(toks []Token) []string {
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.Text
	}
	return w
}

// functionPOS reports the tags of words that do not begin names.
func functionPOS(pos string) bool {
	switch pos {
	case "DET", "ADP", "ADV", "PRON", "CCONJ", "SCONJ", "AUX", "PART":
		return true
	}
	return false
}

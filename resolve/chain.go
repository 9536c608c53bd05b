package resolve

import (
	"strings"

	"github.com/claimgraph/claimgraph"
)

// chain groups the document's named mentions into within-document chains:
// same name; same long transliteration; for people a surname, a given name or
// a shorter suffix of exactly one full name; an acronym spelling exactly one
// longer name. A short form that fits several people is marked ambiguous and
// left alone. People's mentions take the fullest name of their chain.
func (d *docMentions) chain() {
	n := len(d.ms)
	uf := newUnionFind(n)
	byExact := map[string]int{}
	byTrans := map[string]int{}
	for i, c := range d.ms {
		k := strings.Join(c.words, " ")
		if j, ok := byExact[k]; ok {
			uf.union(j, i)
		} else {
			byExact[k] = i
		}
		if tk := TranslitKey(c.m.Name); translitTrusted(tk) {
			if j, ok := byTrans[tk]; ok {
				uf.union(j, i)
			} else {
				byTrans[tk] = i
			}
		}
	}
	var full []int // people named with two words or more
	for i, c := range d.ms {
		if c.m.Type == claimgraph.TypePER && len(c.words) >= 2 {
			full = append(full, i)
		}
	}
	// The comparisons below pair every mention with every name; mentions
	// of the same words are one chain already (byExact), so each compares
	// once, against one mention a distinct name: a long document repeating
	// its names costs names × names, not mentions × mentions.
	full = distinct(d.ms, full, func(c *cand) string { return c.key })
	// Longer short forms first ("Ali Hosseinnejad"), then single words.
	for _, size := range []int{0, 1} {
		done := map[string]*cand{}
		for i, c := range d.ms {
			if c.m.Type != claimgraph.TypePER || (size == 1) != (len(c.words) == 1) {
				continue
			}
			if rep := done[c.key]; rep != nil {
				c.m.Ambiguous = rep.m.Ambiguous
				continue
			}
			done[c.key] = c
			roots := map[int]bool{}
			firstRoots := map[int]bool{}
			for _, j := range full {
				f := d.ms[j]
				if len(f.words) <= len(c.words) || uf.find(j) == uf.find(i) && len(c.words) > 1 {
					continue
				}
				if hasSuffix(f.words, c.words) {
					roots[uf.find(j)] = true
				} else if len(c.words) == 1 && f.words[0] == c.words[0] {
					firstRoots[uf.find(j)] = true
				}
			}
			switch {
			case len(roots) == 1:
				// News names people by surname: "Lebed" is Alexander Lebed's,
				// not the first word of a headline's "Lebed Chechnya".
				for r := range roots {
					uf.union(r, i)
				}
			case len(roots) == 0 && len(firstRoots) == 1:
				for r := range firstRoots {
					uf.union(r, i)
				}
			case len(roots)+len(firstRoots) >= 2:
				c.m.Ambiguous = true
			}
		}
	}
	// "ISIL Takfiri group": a name led by an acronym of the document.
	acr := map[string]int{}
	for i, c := range d.ms {
		if c.m.Kind == claimgraph.MentionAcronym {
			acr[AcronymKey(c.m.Name)] = i
		}
	}
	// Only when the rest is a description ("Takfiri group", its last word in
	// lower case) and the acronym is no place: "U.S. Treasury Department" and
	// "U.S. automaker GM" are not the United States.
	for i, c := range d.ms {
		if c.limit-c.first < 2 || !IsAcronym(d.a.Tokens[c.first].Text) || c.m.Type == claimgraph.TypePER {
			continue
		}
		last := d.a.Tokens[c.limit-1].Text
		if j, ok := acr[AcronymKey(d.a.Tokens[c.first].Text)]; ok && d.ms[j].m.Type != claimgraph.TypeLOC && strings.ToLower(last) == last {
			uf.union(j, i)
		}
	}
	// Organizations and places: a shorter form of two words or more of
	// exactly one longer name of the document, a prefix ("China Eastern" of
	// "China Eastern Airlines") or a suffix ("Air Force" of "United States
	// Air Force").
	placeHere := map[string]bool{}
	for _, c := range d.ms {
		if c.m.Type == claimgraph.TypeLOC {
			placeHere[c.key] = true
		}
	}
	all := make([]int, len(d.ms))
	for i := range all {
		all[i] = i
	}
	named := distinct(d.ms, all, func(c *cand) string { return c.m.Type + "\x00" + c.key })
	done := map[string]bool{}
	for i, c := range d.ms {
		if c.m.Type == claimgraph.TypePER || c.m.Kind == claimgraph.MentionAcronym || c.m.Ambiguous {
			continue
		}
		if k := c.m.Type + "\x00" + c.key; done[k] {
			continue // joined with its first mention's chain already
		} else {
			done[k] = true
		}
		roots := map[int]bool{}
		for _, j := range named {
			f := d.ms[j]
			if f.m.Type != c.m.Type || len(f.words) <= len(c.words) || uf.find(j) == uf.find(i) {
				continue
			}
			// A lone first word only for organizations never called a place
			// here: "Apple" of "Apple Computer", not "Singapore" of "Singapore Airlines".
			lone := len(c.words) == 1 && c.m.Type == claimgraph.TypeORG && !placeHere[c.key] && hasPrefix(f.words, c.words)
			if lone || len(c.words) >= 2 && (hasPrefix(f.words, c.words) || hasSuffix(f.words, c.words)) {
				roots[uf.find(j)] = true
			}
		}
		if len(roots) == 1 {
			for r := range roots {
				uf.union(r, i)
			}
		}
	}
	// Acronyms spelling exactly one longer name of the document.
	var longNames []int
	for j, f := range d.ms {
		if len(f.words) >= 2 && f.m.Type != claimgraph.TypePER {
			longNames = append(longNames, j)
		}
	}
	longNames = distinct(d.ms, longNames, func(c *cand) string { return c.m.Name })
	acrRoots := map[string]map[int]bool{}
	for i, c := range d.ms {
		if c.m.Kind != claimgraph.MentionAcronym {
			continue
		}
		acr := AcronymKey(c.m.Name)
		roots := acrRoots[acr]
		if roots != nil {
			if len(roots) == 1 {
				for r := range roots {
					uf.union(r, i)
				}
			}
			continue
		}
		roots = map[int]bool{}
		acrRoots[acr] = roots
		for _, j := range longNames {
			f := d.ms[j]
			for _, x := range f.acr() {
				if x == acr {
					roots[uf.find(j)] = true
				}
			}
		}
		if len(roots) == 1 {
			for r := range roots {
				uf.union(r, i)
			}
		}
	}
	d.number(uf)
}

// number gives chains their indices in order of first mention, their majority
// type, and people their fullest name.
func (d *docMentions) number(uf *unionFind) {
	chainOf := map[int]int{}
	members := map[int][]int{}
	for i := range d.ms {
		r := uf.find(i)
		if _, ok := chainOf[r]; !ok {
			chainOf[r] = len(chainOf)
		}
		members[r] = append(members[r], i)
	}
	for r, ms := range members {
		count := map[string]int{}
		best, head := "", ms[0]
		for _, i := range ms {
			c := d.ms[i]
			count[c.m.Type]++
			if count[c.m.Type] > count[best] {
				best = c.m.Type
			}
			if len(c.words) > len(d.ms[head].words) {
				head = i
			}
		}
		for _, i := range ms {
			c := d.ms[i]
			c.m.Chain = chainOf[r]
			c.m.Type = best
			if best == claimgraph.TypePER && !c.m.Ambiguous {
				c.m.Name = d.ms[head].m.Name
			}
		}
	}
}

// distinct returns the first of idx (indices into ms) for each key.
func distinct(ms []*cand, idx []int, key func(*cand) string) []int {
	seen := map[string]bool{}
	var out []int
	for _, i := range idx {
		if k := key(ms[i]); !seen[k] {
			seen[k] = true
			out = append(out, i)
		}
	}
	return out
}

func hasPrefix(long, short []string) bool {
	if len(short) > len(long) {
		return false
	}
	for i, w := range short {
		if long[i] != w {
			return false
		}
	}
	return true
}

func hasSuffix(long, short []string) bool {
	if len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, w := range short {
		if long[off+i] != w {
			return false
		}
	}
	return true
}

// roleNouns head descriptions of a single person.
var roleNouns = map[string]bool{
	"member": true, "leader": true, "ringleader": true, "official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"minister": true, "president": true, "chief": true, "head": true, "director": true, "commander": true, "defector": true,
	"man": true, "woman": true, "officer": true, "activist": true, "analyst": true, "journalist": true,
	"lawyer": true, "founder": true, "chairman": true, "chairwoman": true, "veteran": true, "dictator": true, "cleric": true, "premier": true,
	"executive": true, "politician": true, "diplomat": true, "envoy": true, "ambassador": true, "negotiator": true, "militant": true,
	"suspect": true, "witness": true, "expert": true, "professor": true, "researcher": true, "scientist": true, "interpreter": true,
	"businessman": true, "businesswoman": true, "commentator": true, "singer": true, "actor": true, "actress": true, "player": true, "coach": true,
}

// descStop ends the modifiers of a description when no tagger is at hand.
var descStop = map[string]bool{
	"said": true, "says": true, "stated": true, "told": true, "added": true, "who": true, "which": true, "that": true, "was": true, "is": true, "were": true,
	"has": true, "had": true, "have": true, "and": true, "or": true, "but": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true,
	"from": true, "as": true, "his": true, "her": true, "their": true, "its": true, "of": true, "the": true, "a": true, "an": true,
}

// describe finds descriptions of one person ("the defected member of the
// group") and links each to a chain when the text makes it unambiguous: in
// apposition right after a named person, or definite with exactly one person
// named in its sentence and the two before it.
func (d *docMentions) describe() {
	toks := d.a.Tokens
	sentOf := make([]int, len(toks))
	for si, s := range d.a.Sentences {
		for i := s.First; i < s.Limit && i < len(toks); i++ {
			sentOf[i] = si
		}
	}
	endsAt := map[int]*cand{}
	for _, c := range d.ms {
		endsAt[c.limit-1] = c
	}
	var descs []*cand
	for i := 0; i < len(toks); i++ {
		det := strings.ToLower(toks[i].Text)
		if det != "the" && det != "a" && det != "an" || d.covered[i] {
			continue
		}
		limit, ok := d.description(i)
		if !ok {
			continue
		}
		var person *cand
		conf := 0.6
		// Apposition: "Ali X, a veteran member of ..." or "Ahmed Y the head of ...".
		prev := i - 1
		if prev >= 0 && toks[prev].Text == "," {
			prev--
		}
		if p, ok := endsAt[prev]; ok && p.m.Type == claimgraph.TypePER && sentOf[prev] == sentOf[i] && !p.m.Ambiguous {
			person, conf = p, 0.8
		} else if det == "the" {
			person = d.onlyPersonBefore(i, sentOf)
		}
		if person == nil {
			continue
		}
		start, end := toks[i].Start, toks[limit-1].End
		descs = append(descs, &cand{
			m: claimgraph.Mention{
				Doc: d.doc, Start: start, End: end, Text: d.text[start:end], Type: claimgraph.TypePER,
				Kind: claimgraph.MentionDescription, Name: person.m.Name, Chain: person.m.Chain, Confidence: conf,
			},
			first: i, limit: limit,
		})
		i = limit - 1
	}
	d.ms = append(d.ms, descs...)
}

// description returns the end of a description starting with the determiner
// at token i: up to four modifiers, a singular role noun, and an optional
// "of [the] ..." complement.
func (d *docMentions) description(i int) (int, bool) {
	toks := d.a.Tokens
	j := i + 1
	for ; j < len(toks) && j <= i+5; j++ {
		if d.covered[j] {
			// "the MKO leader": a name inside the description is allowed as a modifier.
			continue
		}
		w := strings.ToLower(toks[j].Text)
		if roleNouns[w] {
			break
		}
		if descStop[w] || isPunct(w) || (toks[j].POS != "" && !modifierPOS(toks[j].POS)) {
			return 0, false
		}
	}
	if j >= len(toks) || !roleNouns[strings.ToLower(toks[j].Text)] || d.covered[j] {
		return 0, false
	}
	// "a veteran member": the last of several role nouns heads the phrase.
	for j+1 < len(toks) && roleNouns[strings.ToLower(toks[j+1].Text)] {
		j++
	}
	limit := j + 1
	// "the president Barack Obama": a title of a named mention, not a description.
	if limit < len(toks) && d.covered[limit] {
		return 0, false
	}
	if limit+1 < len(toks) && strings.ToLower(toks[limit].Text) == "of" {
		k := limit + 1
		if k < len(toks) {
			if w := strings.ToLower(toks[k].Text); w == "the" || w == "a" || w == "an" {
				k++
			}
		}
		end := k
		for ; end < len(toks) && end < k+5; end++ {
			w := strings.ToLower(toks[end].Text)
			if isPunct(w) || descStop[w] || toks[end].POS == "NUM" || (toks[end].POS != "" && !modifierPOS(toks[end].POS) && !d.covered[end]) {
				break
			}
		}
		if end > k {
			limit = end
		}
	}
	return limit, true
}

func modifierPOS(p string) bool {
	switch p {
	case "ADJ", "NOUN", "PROPN", "VERB", "ADV", "NUM":
		return true
	}
	return false
}

// onlyPersonBefore returns the one person named (unambiguously) in the
// sentence of token i before it and in the two sentences before, or nil when
// there are none or several. When there are several but only one of them
// opens a sentence (a subject: "X revealed that ... Saddam's regime"), that
// one is taken.
func (d *docMentions) onlyPersonBefore(i int, sentOf []int) *cand {
	var found, subject *cand
	several, severalSubjects := false, false
	for _, c := range d.ms {
		if c.m.Type != claimgraph.TypePER || c.first >= i || sentOf[c.first] < sentOf[i]-2 {
			continue
		}
		if c.m.Ambiguous {
			// A bare surname of two people: two persons in scope, and
			// no single subject if it opens its sentence.
			several = true
			severalSubjects = severalSubjects || d.opensSentence(c.first)
			continue
		}
		if found != nil && found.m.Chain != c.m.Chain {
			several = true
		}
		found = c
		if d.opensSentence(c.first) {
			if subject != nil && subject.m.Chain != c.m.Chain {
				severalSubjects = true
			}
			subject = c
		}
	}
	switch {
	case !several && found != nil:
		return found
	case subject != nil && !severalSubjects:
		return subject
	}
	return nil
}

// opensSentence reports whether token i starts its sentence, quotes aside.
func (d *docMentions) opensSentence(i int) bool {
	s := d.sentenceOf(i)
	for k := s.First; k < i; k++ {
		if !isPunct(d.a.Tokens[k].Text) {
			return false
		}
	}
	return true
}

// unionFind is a disjoint-set forest with path halving and union by size.
type unionFind struct{ parent, size []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n), size: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
		u.size[i] = 1
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of a and b and returns the new root.
func (u *unionFind) union(a, b int) int {
	a, b = u.find(a), u.find(b)
	if a == b {
		return a
	}
	if u.size[a] < u.size[b] {
		a, b = b, a
	}
	u.parent[b] = a
	u.size[a] += u.size[b]
	return a
}

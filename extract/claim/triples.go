package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// reporting verbs introduce speech (handled by the quote extractor); they are
// not relations between the actors around them.
var reporting = set("say", "tell", "state", "add", "claim", "disclose", "reveal", "unveil", "reiterate", "deny",
	"warn", "announce", "insist", "argue", "note", "explain", "confirm", "admit", "acknowledge", "allege", "assert",
	"declare", "report", "write", "quote", "ask", "reply", "describe", "comment", "refer", "call")

var (
	hedgeWords = set("reportedly", "allegedly", "apparently", "purportedly", "supposedly", "seemingly", "perhaps",
		"possibly", "probably", "likely", "rumored", "rumoured", "so-called", "presumably", "arguably", "ostensibly")
	hedgeBefore = set("said", "believed", "thought", "reported", "alleged", "rumored", "rumoured", "understood", "claimed", "suspected", "expected")
	beForms     = set("is", "are", "was", "were", "be", "been", "being")
	modalWords  = set("may", "might", "could", "should", "would", "will", "must", "can", "shall")
	negWords    = set("not", "n't", "n\u2019t", "never", "no", "neither", "nor")
	clauseStop  = set(";", ":", ".", "!", "?", "that", "which", "who", "whom", "whose", "while", "because", "although", "whereas", "if", "when", "where", "whereby", "unless")
	coordWords  = set("and", ",", "or", "as", "well", "including", "especially", "specially", "particularly", "also")
	// relational nouns: "X's ties with Y", "X–Y alliance".
	relNouns = map[string]string{
		"tie": "have ties with", "ties": "have ties with", "relation": "have ties with", "relations": "have ties with",
		"relationship": "have ties with", "link": "have ties with", "links": "have ties with", "contact": "have ties with",
		"contacts": "have ties with", "connection": "have ties with", "connections": "have ties with",
		"meeting": "meet", "meetings": "meet", "talks": "meet", "alliance": "ally with", "cooperation": "collaborate with",
		"collaboration": "collaborate with", "support": "support", "war": "fight", "deal": "make deal with",
		"agreement": "make deal with", "partnership": "ally with",
	}
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func (x *index) pos(i int) string { return x.toks[i].POS }

// isVerb reports a verb or auxiliary token. Without tags, only be/have forms
// and words ending in -ed count: enough for the simplest claims.
func (x *index) isVerb(i int) bool {
	if x.isTagged {
		p := x.pos(i)
		return p == "VERB" || p == "AUX"
	}
	w := x.lower[i]
	return beForms[w] || w == "has" || w == "have" || w == "had" || len(w) > 4 && strings.HasSuffix(w, "ed")
}

func (x *index) lemma(i int) string {
	w := x.lower[i]
	if l, ok := irregular[w]; ok {
		return l
	}
	if l := x.toks[i].Lemma; l != "" {
		return l
	}
	return w
}

// irregular past forms a learned lemmatizer may cut wrongly ("fled" -> "fl").
var irregular = map[string]string{
	"fled": "flee", "led": "lead", "fed": "feed", "bred": "breed", "sped": "speed", "bled": "bleed",
	"held": "hold", "met": "meet", "sent": "send", "spent": "spend", "built": "build", "fought": "fight",
	"bought": "buy", "brought": "bring", "sought": "seek", "taught": "teach", "caught": "catch",
	"gave": "give", "given": "give", "took": "take", "taken": "take", "made": "make", "paid": "pay",
}

// triples finds the claims in tokens [first, limit) whose tokens pass keep.
func (x *index) triples(first, limit int, keep func(int) bool) []claimgraph.Claim {
	var out []claimgraph.Claim
	paren := make([]bool, limit-first)
	depth := 0
	for i := first; i < limit; i++ {
		switch x.toks[i].Text {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
				paren[i-first] = true
				continue
			}
		}
		paren[i-first] = depth > 0
	}
	skip := func(i int) bool { return !keep(i) || paren[i-first] }
	hedges := x.hedges(first, limit, keep)
	lastSubj := -1
	for i := first; i < limit; i++ {
		if skip(i) || !x.isVerb(i) || x.inArg[i] >= 0 {
			continue
		}
		// A participle right after an article is an adjective ("the defected member").
		if i > first && x.isTagged && (x.pos(i-1) == "DET" || x.pos(i-1) == "ADJ") && x.pos(i) == "VERB" {
			continue
		}
		vg0 := i
		vg1 := i + 1
		for vg1 < limit && !skip(vg1) && x.inArg[vg1] < 0 && (x.isVerb(vg1) || x.pos(vg1) == "ADV" || x.pos(vg1) == "PART" && x.lower[vg1] != "'s") {
			vg1++
		}
		i = vg1 - 1
		main := x.mainVerb(vg0, vg1)
		if reporting[x.lemma(main)] || x.notAClaimVerb(first, vg0, vg1, main, limit) {
			lastSubj = -1
			continue
		}
		subj := x.subject(first, vg0, skip, lastSubj)
		if subj < 0 {
			continue
		}
		lastSubj = subj
		c := claimgraph.Claim{Quote: -1, Time: -1, Hedges: hedges}
		if s := x.sents[x.sentOf[main]]; true {
			f := Factuality(x.toks, s.First, s.Limit, main)
			c.Factuality = f.Factuality
			c.Negated = c.Negated || f.Polarity == "NEG"
		}
		for k := vg0; k < vg1; k++ {
			w := x.lower[k]
			if negWords[w] {
				c.Negated = true
			}
			if modalWords[w] && c.Modality == "" {
				c.Modality = w
			}
		}
		// A governing verb inside the group frames the claim ("refused to
		// fund", "plans to buy") even when the tagger took the last verb
		// for a noun.
		for k := vg0; k <= main && k < limit; k++ {
			if k == main && (k+1 >= limit || x.lower[k+1] != "to" && x.lower[k+1] != "from") {
				break
			}
			if g := governorFrame(x.lower[k]); g != "" && (c.Factuality == claimgraph.FactAsserted || c.Factuality == claimgraph.FactPossible) {
				c.Factuality = g
				c.Negated = c.Negated || g == claimgraph.FactNegated
				break
			}
		}
		// A negation anywhere in the verb group negates the claim ("did not
		// dare to establish ties"): safer for a claim than the event reading.
		if c.Negated && (c.Factuality == claimgraph.FactAsserted || c.Factuality == claimgraph.FactPossible) {
			c.Factuality = claimgraph.FactNegated
		}
		passive := x.isPassive(vg0, vg1, main)
		objs, relEnd, agent := x.objects(vg1, limit, skip, passive)
		if passive && agent >= 0 {
			// "Y was trained by X": X trained Y.
			c.Relation = x.span(vg0, relEnd)
			c.RelationLemma = x.relationLemma(vg0, relEnd, true)
			if !x.sameActor(agent, subj) {
				out = append(out, x.claim(c, agent, subj, 0.6))
			}
			continue
		}
		if len(objs) == 0 {
			continue
		}
		c.Relation = x.span(vg0, relEnd)
		c.RelationLemma = x.relationLemma(vg0, relEnd, false)
		if rc, ok := x.considerAs(c, subj, objs[0], limit, skip); ok {
			out = append(out, rc)
		}
		for k, o := range objs {
			if x.sameActor(subj, o) {
				continue
			}
			conf := 0.7
			if k > 0 {
				conf = 0.55 // a coordinated object
			}
			out = append(out, x.claim(c, subj, o, conf))
		}
	}
	out = append(out, x.nominal(first, limit, skip, hedges)...)
	return out
}

// considerVerbs take an object and an "as" predicate about it.
var considerVerbs = set("consider", "regard", "see", "view", "treat", "describe", "use", "count")

// considerAs reads "X considered Y as (one of) its NOUN" as the claim that
// Y is X's NOUN: "Y be NOUN of X".
func (x *index) considerAs(c claimgraph.Claim, subj, obj, limit int, skip func(int) bool) (claimgraph.Claim, bool) {
	if !considerVerbs[x.lemma(x.mainVerb(x.tokOf(c.Relation.Start), x.tokOf(c.Relation.End-1)+1))] {
		return c, false
	}
	j := x.argEnd[obj]
	if j >= limit || x.lower[j] != "as" || skip(j) {
		return c, false
	}
	for k := j + 1; k < limit && k < j+8; k++ {
		if w := x.lower[k]; w == "its" || w == "their" || w == "his" || w == "her" {
			n := k + 1
			for n < limit && x.pos(n) == "ADJ" {
				n++
			}
			for n+1 < limit && x.pos(n+1) == "NOUN" {
				n++
			}
			if n < limit && x.pos(n) == "NOUN" {
				c.Relation = x.span(j, n+1)
				c.RelationLemma = "be " + strings.Join(x.lemmaRange(k+1, n+1), " ") + " of"
				return x.claim(c, obj, subj, 0.5), true
			}
			return c, false
		}
		if clauseStop[x.lower[k]] {
			break
		}
	}
	return c, false
}

// lemmaRange returns the lemmas of tokens [first, limit).
func (x *index) lemmaRange(first, limit int) []string {
	var out []string
	for k := first; k < limit; k++ {
		out = append(out, x.lemma(k))
	}
	return out
}

// tokOf returns the token holding byte offset off.
func (x *index) tokOf(off int) int {
	f, _ := x.tokRange(off, off+1)
	return f
}

// claim fills the subject and object of a claim template.
// notAClaimVerb filters verb groups that carry no claim between actors: an
// infinitive ("efforts to change"), a reduced relative ("the progress
// achieved by X"), "so-called", and naming verbs ("known as", "called"),
// which the alias extractor reads.
func (x *index) notAClaimVerb(first, vg0, vg1, main, limit int) bool {
	if vg0 > first && x.lower[vg0-1] == "to" || prepositionLike[x.lower[main]] {
		return true
	}
	// A capitalized "verb" inside a sentence is part of a name ("United Nations").
	if vg0 > first && x.isTagged && startsUpper(x.toks[vg0].Text) && x.sentOf[vg0-1] == x.sentOf[vg0] {
		return true
	}
	// A participle without an auxiliary after a noun modifies it ("Muslims
	// traveling to"), except in a headline that opens with its subject
	// ("X collaborating with Y").
	if strings.HasSuffix(x.lower[main], "ing") && !x.hasAux(vg0, vg1) && vg0 > first {
		if p := x.pos(vg0 - 1); (p == "NOUN" || p == "PROPN") && x.inArg[first] < 0 {
			return true
		}
	}
	if vg0 > first && x.lower[vg0-1] == "-" && vg0 > first+1 && x.lower[vg0-2] == "so" {
		return true
	}
	if vg1-vg0 == 1 && x.pos(vg0) == "VERB" && vg0 > first && x.pos(vg0-1) == "NOUN" && vg1 < limit && x.lower[vg1] == "by" {
		return true
	}
	switch x.lemma(main) {
	case "know", "call", "name", "dub", "rename", "term", "nickname":
		return true
	}
	return false
}

func (x *index) claim(c claimgraph.Claim, subj, obj int, conf float64) claimgraph.Claim {
	c.Subject = x.mentionSpan(subj)
	c.SubjectEntity = x.mentions[subj].Entity
	c.Object = x.mentionSpan(obj)
	c.ObjectEntity = x.mentions[obj].Entity
	if len(c.Relation.Text) > 60 {
		conf -= 0.15
	}
	if x.mentions[subj].Kind != claimgraph.MentionName && x.mentions[subj].Kind != claimgraph.MentionAcronym {
		conf -= 0.1
	}
	c.Confidence = conf
	c.Hedges = append([]string(nil), c.Hedges...)
	return c
}

// sameActor reports two arguments that name one actor ("MKO members were
// tried by MKO leaders").
func (x *index) sameActor(a, b int) bool {
	ma, mb := x.mentions[a], x.mentions[b]
	return strings.EqualFold(ma.Name, mb.Name) && ma.Name != "" || ma.Entity != 0 && ma.Entity == mb.Entity
}

// mainVerb returns the last verb of a verb group (the lexical verb after its
// auxiliaries), or its first token.
func (x *index) mainVerb(vg0, vg1 int) int {
	m := vg0
	for k := vg0; k < vg1; k++ {
		if x.isVerb(k) {
			m = k
		}
	}
	return m
}

// isPassive reports a be-auxiliary followed by a participle.
func (x *index) isPassive(vg0, vg1, main int) bool {
	if main == vg0 || !strings.HasSuffix(x.lower[main], "ed") && !strings.HasSuffix(x.lower[main], "en") && x.lower[main] != "given" && x.lower[main] != "held" && x.lower[main] != "made" && x.lower[main] != "led" && x.lower[main] != "run" && x.lower[main] != "taught" {
		return false
	}
	for k := vg0; k < main; k++ {
		if beForms[x.lower[k]] {
			return true
		}
	}
	return false
}

// subject finds the argument that is the subject of the verb group starting
// at vg0, in the noun phrase before it: the argument nearest the verb that is
// not inside a prepositional phrase or a possessor ("The Istekhbarat service
// of Iraq considered" -> Istekhbarat; "Iraq's Estekhbarat trained" ->
// Estekhbarat), else the first one ("the leaders of MKO maintain" -> MKO).
// A verb group coordinated with the previous one ("fled Iran and was given")
// shares its subject.
func (x *index) subject(first, vg0 int, skip func(int) bool, lastSubj int) int {
	k := vg0 - 1
	for k >= first && (skip(k) || x.pos(k) == "ADV") {
		k--
	}
	if k >= first && (x.lower[k] == "and" || x.lower[k] == "but" || x.lower[k] == "or") && lastSubj >= 0 {
		return lastSubj
	}
	if k > first && x.lower[k] == "," && x.inArg[k-1] >= 0 {
		k-- // an appositive name before the verb: "the former dictator, X, was"
	}
	s := k
	for s >= first && vg0-s < 16 {
		if !skip(s) {
			w := x.lower[s]
			if clauseStop[w] || w == "," || x.inArg[s] < 0 && x.isVerb(s) {
				break
			}
		}
		s--
	}
	firstArg, best := -1, -1
	for j := s + 1; j <= k; j++ {
		m := x.argAt[j]
		if skip(j) || m < 0 {
			continue
		}
		if firstArg < 0 {
			firstArg = m
		}
		if !x.isPossessor(m) && !x.inPP(s+1, j) {
			best = m
		}
		j = x.argEnd[m] - 1
	}
	if best < 0 && firstArg >= 0 && (x.isPossessor(firstArg) || x.ofPhrase(s+1, x.tokOf(x.mentions[firstArg].Start))) {
		// "the leaders of MKO maintain", "the group's ringleaders are": the
		// group acts through its members.
		best = firstArg
	}
	return best
}

// ofPhrase reports whether the argument at token j follows "of" in its noun
// phrase ("the leaders of MKO"), not "in" or "from" ("officers in Iran").
func (x *index) ofPhrase(lo, j int) bool {
	for k := j - 1; k >= lo; k-- {
		p := x.pos(k)
		if p == "DET" || p == "ADJ" || p == "NUM" {
			continue
		}
		return x.lower[k] == "of"
	}
	return false
}

// inPP reports whether the argument at token j follows a preposition in its
// noun phrase (over determiners and adjectives), not before lo.
func (x *index) inPP(lo, j int) bool {
	for k := j - 1; k >= lo; k-- {
		p := x.pos(k)
		if p == "DET" || p == "ADJ" || p == "NUM" {
			continue
		}
		return p == "ADP"
	}
	return false
}

// isPossessor reports an argument followed by "'s" ("Iraq's security service").
func (x *index) isPossessor(m int) bool {
	l := x.argEnd[m]
	return l < len(x.toks) && (x.lower[l] == "'s" || x.lower[l] == "\u2019s" || x.lower[l] == "'")
}

// objects finds the objects after a verb group: the first argument within
// reach, and arguments coordinated with it ("with X as well as Y", "X and
// Y"). It returns the objects, where the relation text ends (the object
// phrase's start), and for a passive the agent right after "by" (-1 when
// none).
//
// The search for the first object crosses the verb's own noun phrase and
// prepositions ("has still ties with the remnants of X") and "as well as",
// but stops at a clause boundary, a new verb, a comma or conjunction after a
// noun phrase that is no argument ("beside Iraqi headquarters and a team of
// ... were"), and a temporal preposition after one ("killed thousands during").
func (x *index) objects(vg1, limit int, skip func(int) bool, passive bool) (objs []int, relEnd, agent int) {
	relEnd, agent = vg1, -1
	by, coord, prep := -1, -1, -1
	sawNoun, sawCoord := false, false
	for j := vg1; j < limit && j < vg1+18; j++ {
		if skip(j) {
			continue
		}
		w := x.lower[j]
		if m := x.argAt[j]; m >= 0 {
			if x.isPossessor(m) && j+1 < limit {
				j = x.argEnd[m] // skip the "'s": the possessed noun is the object
				sawNoun = true
				continue
			}
			if by >= 0 {
				return nil, by + 1, m
			}
			if len(objs) > 0 && !sawCoord {
				break // a name inside the object's phrase ("the ambassador of France")
			}
			if len(objs) == 0 {
				relEnd = x.phraseStart(vg1, j)
				if coord >= 0 {
					// "with the leaders of ... as well as Y": the relation to Y
					// is the verb and its preposition.
					relEnd = vg1
					if prep >= 0 && prep < coord {
						relEnd = prep + 1
					}
				}
			}
			objs = append(objs, m)
			sawCoord, sawNoun = false, false
			j = x.argEnd[m] - 1
			continue
		}
		if w == "by" && passive && len(objs) == 0 {
			by, sawNoun = j, false
			continue
		}
		if clauseStop[w] || x.isVerb(j) && (j > vg1 || len(objs) > 0) {
			break
		}
		p := x.pos(j)
		if by >= 0 && (p == "ADP" || p == "PUNCT") {
			break // "by the Iraqi government on September 11": no named agent
		}
		if len(objs) == 0 {
			switch {
			case w == "," && j == vg1:
				return nil, vg1, -1
			case w == "as" && j+1 < limit && x.lower[j+1] == "well":
				if coord < 0 {
					coord = j
				}
				j += 2 // "as well as"
				sawNoun = false
				continue
			case sawNoun && x.coordinates(j, limit):
				if x.clauseFollows(j+1, limit) {
					return nil, vg1, -1 // "beside Iraqi headquarters and a team of MKO were ..."
				}
				if coord < 0 {
					coord = j // "ties with Israeli lobbies or the US"
				}
				sawNoun = false
			case p == "ADP" && sawNoun && temporalPreps[w]:
				return nil, vg1, -1
			case p == "ADP" && prep < 0:
				prep = j
			case p == "NOUN" || p == "PRON":
				sawNoun = true
			}
			continue
		}
		// After an object: coordination or the rest of its noun phrase.
		switch {
		case x.coordinates(j, limit) || w == "as" && j+1 < limit && x.lower[j+1] == "well" || w == "including" || w == "especially" || w == "specially" || w == "particularly":
			sawCoord = true
		case p == "NOUN" && sawCoord:
			sawCoord = false // the conjunct is a noun phrase that names no one
		case p == "NOUN" || p == "PROPN" || p == "ADJ" || p == "DET" || p == "NUM" || p == "PART" || w == "of" || w == "well" || w == "as":
		default:
			return objs, relEnd, agent
		}
	}
	if len(objs) > 0 && relEnd-vg1 > 12 {
		return nil, vg1, -1
	}
	return objs, relEnd, agent
}

// clauseFollows reports a verb in the few tokens from j, before a clause
// boundary: a conjunction there joins clauses, not noun phrases.
func (x *index) clauseFollows(j, limit int) bool {
	for k := j; k < limit && k < j+10; k++ {
		w := x.lower[k]
		if clauseStop[w] || w == "," {
			return false
		}
		if x.inArg[k] < 0 && x.isVerb(k) {
			return true
		}
	}
	return false
}

// prepositionLike are verb forms that work as prepositions.
var prepositionLike = set("including", "regarding", "concerning", "following", "according", "excluding", "considering", "pending", "barring")

func (x *index) hasAux(vg0, vg1 int) bool {
	for k := vg0; k < vg1; k++ {
		if x.pos(k) == "AUX" {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var temporalPreps = set("during", "after", "before", "since", "until", "till", "throughout", "amid", "despite")

// coordinates reports a conjunction joining noun phrases at token j ("and
// the", "as well as"), not adjectives ("military, financial and political").
func (x *index) coordinates(j, limit int) bool {
	w := x.lower[j]
	if w == "as" {
		return j+1 < limit && x.lower[j+1] == "well"
	}
	if w != "and" && w != "or" && w != "," || j+1 >= limit {
		return false
	}
	p := x.pos(j + 1)
	return p == "DET" || p == "PROPN" || x.argAt[j+1] >= 0
}

// phraseStart returns where the noun phrase holding the argument at token j
// starts, not before lo: back over determiners and adjectives ("the ISIL").
func (x *index) phraseStart(lo, j int) int {
	for j > lo {
		p := x.pos(j - 1)
		if p == "DET" || p == "ADJ" || p == "NUM" || x.lower[j-1] == "the" {
			j--
			continue
		}
		break
	}
	return j
}

// relationLemma builds the lemma of a relation: verbs and nouns lemmatized,
// adjectives, adverbs, determiners and punctuation dropped, auxiliaries kept
// only when there is no other verb ("has ties with" -> "have tie with"). A
// passive keeps the lexical verb only ("was trained by" -> "train").
func (x *index) relationLemma(first, limit int, passive bool) string {
	hasVerb := false
	for k := first; k < limit; k++ {
		if x.pos(k) == "VERB" {
			hasVerb = true
		}
	}
	var parts []string
	for k := first; k < limit; k++ {
		w := x.lower[k]
		p := x.pos(k)
		// A raising hedge is not part of the relation ("is said to have recruited").
		if hedgeBefore[w] && k+1 < limit && x.lower[k+1] == "to" && k > first && beForms[x.lower[k-1]] {
			k++
			continue
		}
		switch {
		case negWords[w] || modalWords[w]:
			continue
		case passive && w == "by":
			continue
		case p == "AUX" && (hasVerb || passive):
			continue
		case p == "DET" || p == "ADJ" || p == "ADV" || p == "PUNCT" || p == "CCONJ" || p == "NUM" || p == "PRON" || p == "SCONJ":
			continue
		}
		parts = append(parts, x.lemma(k))
	}
	return strings.Join(parts, " ")
}

// hedges returns the hedges in the sentence: hedging adverbs, "so-called",
// and raising constructions ("is said to", "are believed to").
func (x *index) hedges(first, limit int, keep func(int) bool) []string {
	var hs []string
	seen := map[string]bool{}
	add := func(h string) {
		if !seen[h] {
			seen[h] = true
			hs = append(hs, h)
		}
	}
	for i := first; i < limit; i++ {
		if !keep(i) {
			continue
		}
		w := x.lower[i]
		switch {
		case hedgeWords[w]:
			add(w)
		case w == "so" && i+2 < limit && x.toks[i+1].Text == "-" && x.lower[i+2] == "called":
			add("so-called")
		case beForms[w] && i+2 < limit && hedgeBefore[x.lower[i+1]] && x.lower[i+2] == "to":
			add(w + " " + x.lower[i+1] + " to")
		}
	}
	if hs == nil {
		hs = []string{}
	}
	return hs
}

// nominal finds claims carried by a relational noun: "X's ties with Y",
// "X's meeting with Y", "X–Y alliance".
func (x *index) nominal(first, limit int, skip func(int) bool, hedges []string) []claimgraph.Claim {
	var out []claimgraph.Claim
	for i := first; i < limit; i++ {
		a := x.argAt[i]
		if a < 0 || skip(i) {
			continue
		}
		l := x.argEnd[a]
		// X 's (ADJ)* NOUN with/to/for (DET|ADJ)* Y
		if x.isPossessor(a) {
			n := l + 1
			for n < limit && (x.pos(n) == "ADJ" || x.lower[n] == "longtime") {
				n++
			}
			if n+1 < limit {
				if rel, ok := relNouns[x.lower[n]]; ok && (x.lower[n+1] == "with" || x.lower[n+1] == "to" || x.lower[n+1] == "for" || x.lower[n+1] == "against") {
					o := n + 2
					for o < limit && (x.pos(o) == "DET" || x.pos(o) == "ADJ") && x.argAt[o] < 0 {
						o++
					}
					if o < limit && x.argAt[o] >= 0 && !skip(o) {
						c := claimgraph.Claim{Quote: -1, Time: -1, Hedges: hedges, Relation: x.span(n, n+2), RelationLemma: rel}
						out = append(out, x.claim(c, a, x.argAt[o], 0.55))
					}
				}
			}
		}
		// X – Y NOUN
		if l+2 < limit && isDash(x.toks[l].Text) && x.argAt[l+1] >= 0 {
			b := x.argAt[l+1]
			n := x.argEnd[b]
			if n < limit {
				if rel, ok := relNouns[x.lower[n]]; ok {
					c := claimgraph.Claim{Quote: -1, Time: -1, Hedges: hedges, Relation: x.span(n, n+1), RelationLemma: rel}
					out = append(out, x.claim(c, a, b, 0.5))
				}
			}
		}
	}
	return out
}

func isDash(s string) bool {
	switch s {
	case "-", "\u2013", "\u2014", "/", "--":
		return true
	}
	return false
}

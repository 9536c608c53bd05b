package quote

import (
	"strings"

	"github.com/claimgraph/claimgraph"
)

// npBoundary reports tokens an attribution noun phrase does not cross.
func (x *index) npBoundary(i int) bool {
	switch x.lower[i] {
	case ",", ";", ":", ".", "!", "?", "that", "which", "who", "whom", "whose", "when", "while", "because",
		"but", "if", "although", "\u2014", "\u2013", "--":
		return true
	}
	return isDoubleMark(x.toks[i].Text)
}

var pronouns = set("he", "she", "they", "it", "we", "i", "him", "them")

// subjectBefore finds the speaker noun phrase that ends just before the cue
// at token cue, not reaching before token sf. It skips auxiliaries and
// adverbials ("had also earlier this month"), an appositive between commas
// ("X, a former leader of the group, said") and a relative pronoun ("X, who
// said"), and prefers the phrase's head over a name inside a prepositional
// phrase ("officials in Baghdad said" is not Baghdad speaking).
func (x *index) subjectBefore(sf, cue int) speakerRef {
	e := cue
	for e-1 >= sf && subjectSkip[x.lower[e-1]] && x.coveredBy[e-1] < 0 {
		e--
	}
	if e-1 >= sf && (x.lower[e-1] == "and" || x.lower[e-1] == "but" || x.lower[e-1] == "then") {
		// A coordinated verb ("X tweeted to Y and said"): the speaker is the
		// clause's subject, the name or pronoun opening the sentence.
		return x.clauseSubject(sf, e-1)
	}
	relative := false
	// "that" after a noun is a relative pronoun too ("the Islamic State
	// that seeks ...").
	relThat := e-2 >= sf && x.lower[e-1] == "that" && x.tagged && (x.toks[e-2].POS == "NOUN" || x.toks[e-2].POS == "PROPN")
	if e-1 >= sf && (x.lower[e-1] == "who" || x.lower[e-1] == "which" || relThat) {
		relative = true
		e--
		if e-1 >= sf && x.toks[e-1].Text == "," {
			e = x.skipAppositive(sf, e-1)
		}
	} else if e-1 >= sf && x.toks[e-1].Text == "," {
		// "The former treasurer, Piet Braam, denied": the name in the
		// appositive speaks.
		if m := x.endAt[e-1]; m >= 0 && x.mFirst[m] > sf && x.toks[x.mFirst[m]-1].Text == "," {
			return speakerRef{first: x.mFirst[m], limit: e - 1, mention: m, conf: 0.85}
		}
		e = x.skipAppositive(sf, e-1)
		if e == cue-1 {
			return noSpeaker // a comma with no appositive before it: not a subject
		}
	}
	if e-1 >= sf && x.toks[e-1].Text == ")" {
		for j := e - 2; j >= sf && j >= e-25; j-- {
			if x.toks[j].Text == "(" {
				e = j
				break
			}
		}
	}
	if e <= sf {
		return noSpeaker
	}
	if pronouns[x.lower[e-1]] {
		mi := -1
		if m, ok := x.pronounMentions[e-1]; ok {
			mi = m
		}
		return speakerRef{first: e - 1, limit: e, mention: mi, conf: 0.7}
	}
	// The start of the noun phrase.
	s := e - 1
	for s-1 >= sf && !x.npBoundary(s-1) && e-s < 14 {
		if x.coveredBy[s-1] < 0 && x.tagged && (x.toks[s-1].POS == "VERB" || x.toks[s-1].POS == "AUX") {
			// A participle after an article modifies the noun ("the defected member").
			if s-2 < sf || !articles[x.lower[s-2]] || x.toks[s-1].POS == "AUX" {
				break
			}
		}
		s--
	}
	if m := x.endAt[e]; m >= 0 {
		mf := x.mFirst[m]
		// The antecedent of "who" is the nearest name ("the comments of X, who said").
		headElsewhere := relative && x.mentions[m].Type != claimgraph.TypePER && x.mentions[m].Type != claimgraph.TypeORG
		for j := s; j < mf && !relative; j++ {
			if preps[x.lower[j]] && x.coveredBy[j] < 0 {
				headElsewhere = true
				break
			}
		}
		if !headElsewhere {
			return speakerRef{first: mf, limit: e, mention: m, conf: 0.9}
		}
	}
	if m := x.startAt[s]; m >= 0 && x.mLimit[m] <= e {
		return speakerRef{first: s, limit: x.mLimit[m], mention: m, conf: 0.85}
	}
	if relative { // the nearest noun phrase: after the last preposition
		for j := e - 1; j > s; j-- {
			if preps[x.lower[j]] {
				s = j + 1
				break
			}
		}
	}
	if e-s > 12 || x.words(s, e) == 0 {
		return noSpeaker
	}
	// "since August 10 and South Korea says": the last conjunct speaks.
	for j := e - 2; j > s; j-- {
		if (x.lower[j] == "and" || x.lower[j] == "or") && x.isUpper(j+1) {
			s = j + 1
			break
		}
	}
	// Drop leading conjunctions, sentence adverbs and a preposition ("Thus
	// the ministry", "with one poster writing").
	for s < e-1 && (x.lower[s] == "and" || x.lower[s] == "thus" || x.lower[s] == "so" || x.lower[s] == "then" || preps[x.lower[s]]) {
		s++
	}
	return speakerRef{first: s, limit: e, mention: -1, conf: 0.5}
}

// sentenceSubject returns the name or pronoun that opens the sentence
// starting at sf (after a leading conjunction or adverb), if it ends before
// limit.
func (x *index) sentenceSubject(sf, limit int) speakerRef {
	s := sf
	for s < limit && (x.lower[s] == "but" || x.lower[s] == "and" || x.lower[s] == "then" || isDoubleMark(x.toks[s].Text)) {
		s++
	}
	if s >= limit {
		return noSpeaker
	}
	if pronouns[x.lower[s]] {
		mi := -1
		if m, ok := x.pronounMentions[s]; ok {
			mi = m
		}
		return speakerRef{first: s, limit: s + 1, mention: mi, conf: 0.6}
	}
	if m := x.startAt[s]; m >= 0 && x.mLimit[m] <= limit {
		return speakerRef{first: s, limit: x.mLimit[m], mention: m, conf: 0.7}
	}
	// A name after its title or description ("Facebook co-founder X").
	for j := s; j < limit && j < s+5; j++ {
		if m := x.startAt[j]; m >= 0 && x.mLimit[m] <= limit && x.mentions[m].Type == claimgraph.TypePER {
			return speakerRef{first: j, limit: x.mLimit[m], mention: m, conf: 0.6}
		}
		if x.npBoundary(j) {
			break
		}
	}
	return noSpeaker
}

// longAppositive bounds the tokens of an appositive between a name and its
// cue.
const longAppositive = 40

// clauseSubject finds the subject of the main clause before token limit
// when the sentence opens with an adverbial ("Earlier in the week, Trump
// called for ..., saying ..."): the first person, organization or personal
// pronoun in the sentence that a verb follows within two tokens. It is the
// fallback of sentenceSubject for participles that hang on a main clause.
func (x *index) clauseSubject(sf, limit int) speakerRef {
	if r := x.sentenceSubject(sf, limit); r.first >= 0 || !x.tagged {
		return r
	}
	for j := sf; j < limit; j++ {
		if x.quoteContent[j] {
			continue
		}
		var r speakerRef
		switch m := x.startAt[j]; {
		case pronouns[x.lower[j]] && x.lower[j] != "it" && x.toks[j].POS == "PRON":
			r = speakerRef{first: j, limit: j + 1, mention: -1, conf: 0.5}
			if pm, ok := x.pronounMentions[j]; ok {
				r.mention = pm
			}
		case m >= 0 && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG) && x.mLimit[m] < limit:
			r = speakerRef{first: j, limit: x.mLimit[m], mention: m, conf: 0.5}
		case (personHeads[x.lower[j]] || orgHeads[x.lower[j]]) && strings.HasSuffix(x.lower[j], "s") || x.lower[j] == "police":
			// "Authorities announced ... and said", "Officials said": a
			// plural noun of people with no article.
			r = speakerRef{first: j, limit: j + 1, mention: -1, conf: 0.4}
		case articles[x.lower[j]]:
			// "the governor", "the city's mayor": a person or organization noun.
			h := j + 1
			for h < limit && h < j+4 && !personHeads[x.lower[h]] && !orgHeads[x.lower[h]] && x.isWord(h) {
				h++
			}
			if h >= limit || h >= j+4 || !personHeads[x.lower[h]] && !orgHeads[x.lower[h]] {
				continue
			}
			r = speakerRef{first: j, limit: h + 1, mention: -1, conf: 0.4}
		default:
			continue
		}
		for k := r.limit; k < limit && k <= r.limit+2; k++ {
			if x.toks[k].POS == "VERB" || x.toks[k].POS == "AUX" {
				return r
			}
			if x.toks[k].POS != "ADV" {
				break
			}
		}
		j = r.limit - 1
	}
	return noSpeaker
}

// skipAppositive takes comma (the comma before the cue or "who") and returns
// the end of the noun phrase before an appositive "X, a former leader,";
// when there is no appositive it returns comma itself.
//
// An appositive may be long ("X, director of the Institute for Policy
// Integrity at New York University's law school, said"): past 14 tokens it
// is taken only while it holds no verb, which would make it a clause.
func (x *index) skipAppositive(sf, comma int) int {
	for j := comma - 1; j >= sf && j >= comma-longAppositive; j-- {
		if x.toks[j].Text != "," {
			if isDoubleMark(x.toks[j].Text) || x.toks[j].Text == "." || j < comma-14 && x.verbish(j) {
				break
			}
			continue
		}
		if j+1 < comma && (determiners[x.lower[j+1]] || !x.isUpper(j+1) || x.endAt[comma] >= 0 && x.startAt[j+1] >= 0 && x.mentions[x.startAt[j+1]].Kind == claimgraph.MentionDescription) {
			return j
		}
		// "Dianne Feinstein, Democrat of California, said": a name, then a
		// capitalized description with no verb.
		if j+1 < comma && x.endAt[j] >= 0 && x.mentions[x.endAt[j]].Type == claimgraph.TypePER && !x.hasVerb(j+1, comma) {
			return j
		}
		break
	}
	return comma
}

// npAfter finds the speaker noun phrase starting at token s (inverted
// attributions: `said Ali Hosseinnejad, a trusted member`).
func (x *index) npAfter(s, limit int) speakerRef {
	if s >= limit || s >= len(x.toks) {
		return noSpeaker
	}
	if pronouns[x.lower[s]] {
		mi := -1
		if m, ok := x.pronounMentions[s]; ok {
			mi = m
		}
		return speakerRef{first: s, limit: s + 1, mention: mi, conf: 0.7}
	}
	if m := x.startAt[s]; m >= 0 {
		l := x.mLimit[m]
		// "Bulgaria's Prime Minister X": the possessor is not the speaker.
		if l+1 < limit && (x.lower[l] == "'s" || x.lower[l] == "\u2019s") {
			if r := x.npAfter(l+1, limit); r.first >= 0 {
				return r
			}
		}
		return speakerRef{first: s, limit: l, mention: m, conf: 0.9}
	}
	e := s
	for e < limit && e < s+10 && !x.npBoundary(e) && x.toks[e].Text != "(" {
		if e > s && preps[x.lower[e]] && x.lower[e] != "of" || e > s && x.lower[e] == "during" {
			break
		}
		e++
	}
	if e == s || x.words(s, e) == 0 {
		return noSpeaker
	}
	// "the state news agency Veritas": the name closing the phrase.
	if m := x.endAt[e]; m >= 0 && x.mFirst[m] > s {
		return speakerRef{first: x.mFirst[m], limit: e, mention: m, conf: 0.85}
	}
	return speakerRef{first: s, limit: e, mention: -1, conf: 0.5}
}

// viaBetween records the outlet of "in an interview with Y" found in the
// tokens [first, limit) between a cue and its content.
func (x *index) viaBetween(c *candidate, first, limit int) {
	for i := first; i+2 < limit; i++ {
		if x.lower[i] == "interview" && (x.lower[i+1] == "with" || x.lower[i+1] == "to") {
			x.setVia(c, i+2, limit)
			return
		}
	}
}

// setVia records the noun phrase starting at s (not reaching limit) as via.
func (x *index) setVia(c *candidate, s, limit int) {
	for s < limit && determiners[x.lower[s]] && x.startAt[s] < 0 {
		s++
	}
	ref := x.npAfter(s, limit)
	if ref.first < 0 {
		return
	}
	e := ref.limit
	if e > limit {
		e = limit
	}
	sp := x.span(ref.first, e)
	name := sp.Text
	if ref.mention >= 0 {
		sp = x.span(x.mFirst[ref.mention], x.mLimit[ref.mention])
		name = x.mentionName(ref.mention)
	}
	c.q.Via = name
	c.q.ViaSpan = &sp
}

// mentionName returns the name a mention stands for: its own Name, or the
// name of its chain's head when it is a description or pronoun.
func (x *index) mentionName(mi int) string {
	m := x.mentions[mi]
	if m.Name != "" {
		return m.Name
	}
	if m.Kind == claimgraph.MentionName || m.Kind == claimgraph.MentionAcronym {
		return m.Text
	}
	for _, o := range x.mentions {
		if o.Chain == m.Chain && (o.Kind == claimgraph.MentionName || o.Kind == claimgraph.MentionAcronym) {
			if o.Name != "" {
				return o.Name
			}
			return o.Text
		}
	}
	return ""
}

// resolveSpeakers turns each candidate's speaker span into a Speaker, in text
// order, so pronouns and bare descriptions can fall back on the speakers
// before them.
func (x *index) resolveSpeakers(cands []candidate) {
	var prev *candidate
	for ci := range cands {
		c := &cands[ci]
		switch {
		case c.spk.first >= 0 && x.plausibleSpeaker(&c.spk):
			c.q.Speaker = x.resolveRef(c.spk, c.first, c.limit)
		case c.inherit && prev != nil && prev.q.Speaker != nil && (x.sentOf[c.first]-x.sentOf[prev.limit-1] <= 2 && x.paraOf[c.first] == x.paraOf[prev.limit-1] || x.followOn(cands, ci, prev)):
			s := *prev.q.Speaker
			s.Confidence *= 0.8
			c.q.Speaker = &s
			if c.q.Cue.End == 0 {
				c.q.Cue, c.q.CueLemma = prev.q.Cue, prev.q.CueLemma
			}
		}
		if c.q.Speaker != nil {
			x.resolvedSpeakers = append(x.resolvedSpeakers, resolved{tok: c.first, spk: c.q.Speaker})
			prev = c
		}
	}
	// A description that introduces a speaker named only later ("A defected
	// member ... disclosed" before "said X, a veteran member of the group")
	// takes up the next speaker described with the same head noun.
	for ci := range cands {
		c := &cands[ci]
		s := c.q.Speaker
		if s == nil || s.Name != "" || c.spk.first < 0 || c.spk.mention >= 0 {
			continue
		}
		head := x.headWord(c.spk.first, c.spk.limit)
		if !personHeads[head] {
			continue
		}
		for cj := ci + 1; cj < len(cands); cj++ {
			n := cands[cj].q.Speaker
			if x.sentOf[cands[cj].first]-x.sentOf[c.first] > 3 {
				break
			}
			if n != nil && n.Name != "" && n.Type == claimgraph.TypePER && x.describedHeads(n)[head] {
				s.Name, s.Entity, s.Type, s.Mention, s.Confidence = n.Name, n.Entity, n.Type, n.Mention, 0.5
				break
			}
		}
	}
}

// followOn reports a paragraph that opens with a quote with no
// attribution of its own right after a paragraph whose quotes all have one
// speaker, that of prev: the news convention for a speaker's words running
// on. When the previous paragraph quotes two speakers the quote keeps no
// speaker: two candidates compete.
func (x *index) followOn(cands []candidate, ci int, prev *candidate) bool {
	c := &cands[ci]
	p := x.paraOf[c.first]
	if c.q.Kind != claimgraph.QuoteDirect || x.paraOf[prev.limit-1] != p-1 || !x.paraFirst(c.first-1) {
		return false
	}
	for cj := ci - 1; cj >= 0; cj-- {
		o := &cands[cj]
		if x.paraOf[o.first] < p-1 {
			break
		}
		if x.paraOf[o.first] == p-1 && (o.q.Speaker == nil || o.q.Speaker.Name != prev.q.Speaker.Name || o.q.Speaker.Name == "" && o.q.Speaker.Text != prev.q.Speaker.Text) {
			return false
		}
	}
	return true
}

func (x *index) resolveRef(r speakerRef, cf, cl int) *claimgraph.Speaker {
	sp := x.span(r.first, r.limit)
	s := &claimgraph.Speaker{Text: sp.Text, Start: sp.Start, End: sp.End, Mention: -1, Confidence: r.conf}
	mi := r.mention
	if mi >= 0 {
		m := x.mentions[mi]
		s.Mention, s.Entity, s.Type = mi, m.Entity, m.Type
		s.Name = x.mentionName(mi)
		if m.Ambiguous {
			s.Confidence *= 0.6
		}
		if s.Name != "" {
			return s
		}
	}
	word := x.lower[r.first]
	isPron := r.limit-r.first == 1 && pronouns[word]
	if !isPron && mi < 0 {
		if mj := x.nameMatch(r.first, r.limit); mj >= 0 {
			m := x.mentions[mj]
			s.Name, s.Entity, s.Type, s.Mention = x.mentionName(mj), m.Entity, m.Type, mj
			s.Confidence = 0.7
			return s
		}
	}
	var want, head string
	switch {
	case isPron && (malePron[word] || femalePron[word]):
		want = claimgraph.TypePER
	case isPron && orgPron[word]:
		want = claimgraph.TypeORG
	case isPron:
		return s // "I", "we": the speaker of an enclosing quote, not resolved here
	default:
		head = x.headWord(r.first, r.limit)
		switch {
		case personHeads[head]:
			want = claimgraph.TypePER
		case orgHeads[head]:
			want = claimgraph.TypeORG
		default:
			return s
		}
	}
	if ante, conf := x.antecedent(r.first, want, cf, cl, isPron, head, articles[word] && word != "a" && word != "an"); ante != nil {
		s.Name, s.Entity, s.Type = ante.Name, ante.Entity, ante.Type
		if s.Mention < 0 {
			s.Mention = ante.Mention
		}
		s.Confidence = conf
	}
	return s
}

// nameMatch links a capitalized phrase the mentions missed ("Hosseinnejad")
// to a named mention elsewhere in the document whose name ends with it.
func (x *index) nameMatch(first, limit int) int {
	for i := first; i < limit; i++ {
		if !x.isUpper(i) && x.isWord(i) {
			return -1
		}
	}
	phrase := strings.ToLower(x.text[x.toks[first].Start:x.toks[limit-1].End])
	for mi, m := range x.mentions {
		if m.Kind != claimgraph.MentionName || m.Ambiguous {
			continue
		}
		n := strings.ToLower(x.mentionName(mi))
		if n == phrase || strings.HasSuffix(n, " "+phrase) {
			return mi
		}
	}
	return -1
}

// pronounGender returns "m" for he/him, "f" for she/her, "" otherwise.
func pronounGender(w string) string {
	switch {
	case malePron[w]:
		return "m"
	case femalePron[w]:
		return "f"
	}
	return ""
}

// gender returns what a title says of a speaker's gender ("Mr", "Ms",
// "Mrs"), in the speaker's span or just before it, or "".
func (x *index) gender(s *claimgraph.Speaker) string {
	i := sortSearchTok(x, s.Start)
	for j := max(i-1, 0); j < len(x.toks) && x.toks[j].Start < s.End; j++ {
		switch strings.TrimSuffix(x.lower[j], ".") {
		case "mr", "sir", "lord", "king", "prince", "father", "brother":
			return "m"
		case "ms", "mrs", "miss", "madam", "lady", "queen", "princess", "mother", "sister", "dame":
			return "f"
		}
	}
	return ""
}

// headWord returns the lower-case head of a noun phrase: its last word
// before a preposition or bracket ("the defected member of the group").
func (x *index) headWord(first, limit int) string {
	head := ""
	for i := first; i < limit; i++ {
		if preps[x.lower[i]] || x.toks[i].Text == "(" {
			break
		}
		if x.isWord(i) {
			head = x.lower[i]
		}
	}
	return head
}

// antecedent finds who a pronoun or bare description at token p stands for:
// first the most recent speaker of the wanted type within a few sentences
// (speakers stay in focus across a news story's paragraphs), then, for a
// pronoun, the nearest preceding named mention of that type outside the
// quote's content. A description ("the defected member") takes up a recent
// speaker described with the same head noun ("X, a veteran member of the
// group"), or, when definite, one not described as anything else.
func (x *index) antecedent(p int, want string, cf, cl int, pronoun bool, head string, definite bool) (*claimgraph.Speaker, float64) {
	sent := x.sentOf[p]
	for k := len(x.resolvedSpeakers) - 1; k >= 0; k-- {
		r := x.resolvedSpeakers[k]
		if sent-x.sentOf[r.tok] > 4 {
			break
		}
		if r.spk.Name == "" || r.spk.Type != want {
			continue
		}
		if pronoun {
			pg := pronounGender(x.lower[p])
			g := x.gender(r.spk)
			if g == "" {
				g = x.genders[r.spk.Name]
			}
			if g != "" && pg != "" && g != pg {
				continue // "Mr X", or an X already called "he", is not "she"
			}
			if pg != "" {
				x.genders[r.spk.Name] = pg
			}
			return r.spk, 0.75
		}
		heads := x.describedHeads(r.spk)
		if heads[head] {
			return r.spk, 0.6
		}
		if len(heads) == 0 && definite {
			return r.spk, 0.5
		}
		break // a description takes up the speaker in focus or no one
	}
	if !pronoun {
		return nil, 0 // a description is not linked to a mere mention: too weak
	}
	for mi := len(x.mentions) - 1; mi >= 0; mi-- {
		m := x.mentions[mi]
		f := x.mFirst[mi]
		if f >= p || f >= cf && f < cl || m.Type != want || m.Kind == claimgraph.MentionPronoun {
			continue
		}
		if sent-x.sentOf[min(f, len(x.toks)-1)] > 2 {
			continue
		}
		name := x.mentionName(mi)
		if name == "" {
			continue
		}
		return &claimgraph.Speaker{Name: name, Entity: m.Entity, Type: m.Type, Mention: mi}, 0.5
	}
	return nil, 0
}

// describedHeads returns the person nouns a speaker was described with: in
// the few tokens after its span (an appositive, "X, a trusted member of the
// group") and in the description mentions of its chain.
func (x *index) describedHeads(s *claimgraph.Speaker) map[string]bool {
	heads := map[string]bool{}
	i := sortSearchTok(x, s.End)
	// An appositive's head, whatever the noun: "X, a senior engineer at Y".
	if i+1 < len(x.toks) && x.toks[i].Text == "," && determiners[x.lower[i+1]] {
		e := i + 2
		for e < len(x.toks) && e < i+14 && !x.npBoundary(e) {
			e++
		}
		if h := x.headWord(i+2, e); h != "" {
			heads[h] = true
		}
	}
	for j := i; j < len(x.toks) && j < i+14; j++ {
		if x.toks[j].Text == "." || isDoubleMark(x.toks[j].Text) || x.lower[j] == "said" {
			break
		}
		if personHeads[x.lower[j]] {
			heads[x.lower[j]] = true
		}
	}
	if s.Mention >= 0 {
		chain := x.mentions[s.Mention].Chain
		for _, m := range x.mentions {
			if m.Chain == chain && m.Kind == claimgraph.MentionDescription {
				for _, w := range strings.Fields(strings.ToLower(m.Text)) {
					if personHeads[w] {
						heads[w] = true
					}
				}
			}
		}
	}
	return heads
}

// sortSearchTok returns the index of the first token starting at or after off.
func sortSearchTok(x *index, off int) int {
	lo, hi := 0, len(x.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if x.toks[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// trimContent drops a leading "that" and trailing sentence punctuation and
// quote marks from the token range [first, limit).
func (x *index) trimContent(first, limit int) (int, int) {
	for first < limit && (x.lower[first] == "that" || x.lower[first] == ",") {
		first++
	}
	for limit > first {
		t := x.toks[limit-1].Text
		if t == "." || t == "," || t == ";" || t == ":" || isDoubleMark(t) && !x.balancedMark(first, limit-1) {
			limit--
			continue
		}
		break
	}
	return first, limit
}

// balancedMark reports whether the quote mark at i closes one opened in [first, i).
func (x *index) balancedMark(first, i int) bool {
	n := 0
	for j := first; j < i; j++ {
		if isDoubleMark(x.toks[j].Text) {
			n++
		}
	}
	return n%2 == 1
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// plausibleSpeaker trims what cannot open a speaker's noun phrase ("as
// police", "how experts") and rejects spans that name no one: nothing
// nominal left, a date ("late August", "2010"), or a party-state tag
// ("R-Fla."). A quote keeps an unknown speaker rather than a wrong one.
func (x *index) plausibleSpeaker(r *speakerRef) bool {
	if r.first < 0 || r.limit <= r.first || r.limit > len(x.toks) {
		return false
	}
	if r.mention >= 0 {
		return !partyTag(x.mentions[r.mention].Text)
	}
	if partyTag(x.text[x.toks[r.first].Start:x.toks[r.limit-1].End]) {
		return false
	}
	if !x.tagged {
		return true
	}
	f := r.first
	for f < r.limit {
		switch x.toks[f].POS {
		case "VERB", "AUX", "ADP", "PART", "SCONJ", "CCONJ", "ADV", "PUNCT":
			f++
			continue
		}
		break
	}
	nominal := false
	l := r.limit
	for i := f; i < l; i++ {
		switch x.toks[i].POS {
		case "NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM":
			if !monthOrTime[x.lower[i]] && !(x.toks[i].POS == "NUM" && len(x.lower[i]) == 4 && i+1 == l) {
				nominal = true
			}
		case "VERB", "AUX":
			// A participle after a determiner modifies the noun ("a defected member").
			if i > f && x.coveredBy[i] < 0 && !modifierTag(x.toks[i-1].POS) {
				l = i // "the debate moderators will": the phrase before the verb
			}
		}
	}
	if nominal && (f > r.first || l < r.limit) {
		r.first, r.limit = f, l
		if m := x.startAt[f]; m >= 0 && x.mLimit[m] <= r.limit {
			r.mention = m
		}
	}
	return nominal
}

func modifierTag(p string) bool { return p == "DET" || p == "ADJ" || p == "ADV" }

var monthOrTime = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "week", "month", "year", "morning", "afternoon", "evening", "night")

// partyTag reports a US party-state tag: "R-Fla.", "(D-Mo.)", "I-VT".
func partyTag(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "().")
	if len(s) < 3 || len(s) > 8 || s[1] != '-' {
		return false
	}
	switch s[0] {
	case 'R', 'D', 'I':
	default:
		return false
	}
	for _, r := range s[2:] {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '.') {
			return false
		}
	}
	return s[2] >= 'A' && s[2] <= 'Z'
}

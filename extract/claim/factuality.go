package claim

import (
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// Facts is how a predicate is presented where it stands: its factuality
// (claimgraph.FactAsserted, ...) and the three attributes news annotation
// schemes (NewsReader's, FactBank's) give an event: polarity (POS or NEG),
// certainty (CERTAIN, PROBABLE or POSSIBLE) and time (NON_FUTURE or FUTURE).
type Facts struct {
	Factuality string
	Polarity   string
	Certainty  string
	Time       string
	Modality   string // the modal verb of its verb group, if any
	Cue        string // the word that set the factuality ("whether", "denied", "ban", "not", ...)
}

// Factuality returns the facts of the predicate at token p, whose sentence
// is tokens [sf, sl). toks carry part-of-speech tags when available. It
// reads the predicate's own verb group (negation, modals, "will"), hedges
// in its sentence, the word that opens its clause ("if", "whether",
// "that" after "denied") and the verb governing it ("plans to", "ban X from",
// "refused to", "stop ...ing"). The strongest frame wins: question, then
// denied, conditional, proposed, negated, possible, asserted. A claim made
// in a source's voice is made "reported" by the caller, not here.
func Factuality(toks []nlp.Token, sf, sl, p int) Facts {
	f := Facts{Factuality: claimgraph.FactAsserted, Polarity: "POS", Certainty: "CERTAIN", Time: "NON_FUTURE"}
	if p < sf || p >= sl || sl > len(toks) {
		return f
	}
	lw := func(i int) string { return normApos(strings.ToLower(toks[i].Text)) }
	pos := func(i int) string { return toks[i].POS }
	var negated, possible, probable, conditional, question, proposed, denied, future bool
	cue := ""
	set := func(b *bool, w string) {
		if !*b {
			*b = true
			if cue == "" {
				cue = w
			}
		}
	}
	// The clause: back from p to the word that opens it.
	b := p
	for b-1 >= sf && p-b < 14 {
		w := lw(b - 1)
		if clauseOpeners[w] || w == "," || w == ";" || w == ":" || w == "\u2014" || w == "--" {
			break
		}
		b--
	}
	opener := ""
	if b-1 >= sf {
		opener = lw(b - 1)
	}
	// The verb group and pre-modifiers between the clause start and p. A
	// negation before an infinitive's governor is the governor's ("does not
	// need to buy": the buying is not negated, the need is); a noun is
	// negated only by a determiner ("no deal") or "without" just before it.
	scan := b
	for i := p - 1; i > b; i-- {
		if lw(i) == "to" {
			scan = i
			break
		}
	}
	noun := nominalTag(pos(p))
	for i := scan; i < p; i++ {
		w := lw(i)
		if noun && negators[w] && !nounNegation(pos, i, p) {
			continue
		}
		switch {
		case negators[w]:
			// "not only" is no negation; "no" negates the noun it precedes.
			if w == "not" && i+1 < sl && lw(i+1) == "only" {
				continue
			}
			if w == "no" && i+1 < p && !nominalTag(pos(i+1)) && pos(i+1) != "ADJ" {
				continue
			}
			set(&negated, w)
		case w == "longer" && i > b && lw(i-1) == "no":
			set(&negated, "no longer")
		case possibleModals[w]:
			set(&possible, w)
			f.Modality = w
		case w == "will" || w == "shall" || w == "'ll" || w == "wo":
			future = true
			if f.Modality == "" {
				f.Modality = w
			}
		case w == "would" || w == "should" || w == "must":
			if f.Modality == "" {
				f.Modality = w
			}
			if w == "would" {
				future = true
			}
		case w == "going" && i+1 < p && lw(i+1) == "to":
			future = true
		}
	}
	// Hedges anywhere in the sentence before the predicate.
	for i := sf; i < p; i++ {
		w := lw(i)
		if factHedges[w] {
			set(&possible, w)
		}
		if probableWords[w] {
			probable = true
		}
	}
	// "is believed to be", "appears to be", "are said to", "is expected to".
	for i := max(sf, p-4); i < p; i++ {
		w := lw(i)
		if raising[w] && i+1 < p && lw(i+1) == "to" {
			if w == "expected" || w == "likely" || w == "scheduled" || w == "set" || w == "due" {
				probable = true
				future = true
			} else {
				set(&possible, w)
			}
		}
	}
	// The governing verb of an infinitive or a gerund: "plans to build",
	// "refused to say", "ban Muslims from entering", "stop selling".
	gov, govAt := "", -1
	if p-1 >= sf && lw(p-1) == "to" {
		gov, govAt = governor(lw, pos, sf, p-1)
		if p-2 >= sf && (lw(p-2) == "not" || lw(p-2) == "never") {
			set(&negated, "not to")
		}
	}
	if len(toks[p].Text) > 4 && strings.HasSuffix(lw(p), "ing") && p-1 >= sf {
		if w := lw(p - 1); aspectualStop[w] {
			set(&negated, w)
		} else if w == "from" {
			gov, govAt = governor(lw, pos, sf, p-1)
		}
	}
	switch {
	case gov == "":
	case proposalVerbs[gov]:
		set(&proposed, gov)
		future = true
	case negativeVerbs[gov]:
		set(&negated, gov)
	case preventVerbs[gov]:
		// "prevented X from entering", "stopped selling": it did not happen.
		set(&negated, gov)
	case barVerbs[gov]:
		// "ban X from entering" proposes the ban: the entering is neither
		// asserted nor denied, it is the object of a proposal or a rule.
		set(&proposed, gov)
	case aspectualStop[gov]:
		set(&negated, gov)
	case possibleVerbs[gov]:
		set(&possible, gov)
	}
	_ = govAt
	// The clause opener and the verb before it.
	switch opener {
	case "whether":
		set(&question, "whether")
	case "if", "unless":
		if b-2 >= sf && questionVerbs[lw(b-2)] {
			set(&question, "if")
		} else {
			set(&conditional, opener)
		}
	case "that":
		if b-2 >= sf {
			v := lw(b - 2)
			switch {
			case denyVerbs[v]:
				set(&denied, v)
			case doubtVerbs[v]:
				set(&possible, v)
			case proposalVerbs[v]:
				set(&proposed, v)
			}
		}
	}
	// The main clause of a conditional sentence: "If X, Y would ...".
	if !conditional && (lw(sf) == "if" || lw(sf) == "unless") && p > sf {
		for i := sf + 1; i < p; i++ {
			if toks[i].Text == "," {
				set(&conditional, lw(sf))
				break
			}
		}
	}
	// A condition after the predicate: "X would fund Y if the council
	// agrees", "X will pay unless ...".
	if !conditional {
		for i := p + 1; i < sl; i++ {
			w := lw(i)
			if (w == "if" || w == "unless") && !(i > 0 && lw(i-1) == "as") && !(i+1 < sl && lw(i+1) == "not") {
				set(&conditional, w)
				break
			}
			if w == ";" || w == "." || w == "whether" {
				break
			}
		}
	}
	// An embedded question with a wh-word after a question verb ("asked
	// why", "wanted to know whether").
	if b-1 >= sf && whWords[opener] && b-2 >= sf && questionVerbs[lw(b-2)] {
		set(&question, opener)
	}
	// A direct question: the clause runs to a question mark.
	for i := p + 1; i < sl; i++ {
		t := toks[i].Text
		if t == "?" {
			set(&question, "?")
			break
		}
		if t == "." || t == ";" || t == "!" {
			break
		}
	}
	// A noun event cancelled or delayed ("the now-cancelled deal", "the
	// flight was delayed", "delay in delivery").
	if nominalTag(pos(p)) {
		for i := max(sf, p-3); i < p; i++ {
			if w := lw(i); cancelWords[w] || strings.HasSuffix(w, "-cancelled") || strings.HasSuffix(w, "-canceled") {
				set(&negated, w)
			}
		}
		for i := p + 1; i < sl && i <= p+5; i++ {
			w := lw(i)
			if cancelWords[w] {
				set(&negated, w)
				break
			}
			if w == "." || w == ";" || w == "," || pos(i) == "VERB" && !beForms[w] {
				break
			}
		}
		if p-2 >= sf && (lw(p-1) == "in" || lw(p-1) == "of") && cancelWords[lw(p-2)] {
			set(&negated, lw(p-2))
		}
	}
	f.Cue = cue
	switch {
	case question:
		f.Factuality, f.Certainty = claimgraph.FactQuestion, "UNDERSPECIFIED"
	case denied:
		f.Factuality = claimgraph.FactDenied
	case conditional:
		f.Factuality, f.Certainty = claimgraph.FactConditional, "POSSIBLE"
	case proposed:
		f.Factuality, f.Certainty = claimgraph.FactProposed, "PROBABLE"
	case negated:
		f.Factuality = claimgraph.FactNegated
	case possible:
		f.Factuality, f.Certainty = claimgraph.FactPossible, "POSSIBLE"
	}
	if probable && f.Certainty == "CERTAIN" {
		f.Certainty = "PROBABLE"
	}
	if negated || denied {
		f.Polarity = "NEG"
	}
	if future || proposed {
		f.Time = "FUTURE"
	}
	return f
}

// governorFrame is the factuality a governing verb gives its complement,
// or "" for a word that governs none.
func governorFrame(w string) string {
	switch {
	case proposalVerbs[w] || barVerbs[w]:
		return claimgraph.FactProposed
	case negativeVerbs[w] || preventVerbs[w] || aspectualStop[w]:
		return claimgraph.FactNegated
	case possibleVerbs[w]:
		return claimgraph.FactPossible
	}
	return ""
}

// governor returns the verb (or noun) governing an infinitive marker or a
// "from" at token at: the word before it, or before a short object
// ("urged lawmakers to", "ban Muslims from"), as a lower-case form.
func governor(lw func(int) string, pos func(int) string, sf, at int) (string, int) {
	for i := at - 1; i >= sf && i >= at-6; i-- {
		w := lw(i)
		if governors[w] {
			return w, i
		}
		if w == "," || w == ";" || w == "that" || w == "who" || w == "which" {
			break
		}
	}
	return "", -1
}

// nounNegation reports a negator at i that negates the noun at p: only
// determiners, adjectives and adverbs between them ("no deal", "not a very
// big surprise", "without any delay").
func nounNegation(pos func(int) string, i, p int) bool {
	if p-i > 4 {
		return false
	}
	for k := i + 1; k < p; k++ {
		switch pos(k) {
		case "DET", "ADJ", "ADV", "NUM":
		default:
			return false
		}
	}
	return true
}

func nominalTag(p string) bool { return p == "NOUN" || p == "PROPN" }

func normApos(s string) string {
	if strings.ContainsRune(s, '\u2019') {
		return strings.ReplaceAll(s, "\u2019", "'")
	}
	return s
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	clauseOpeners  = wordSet("that whether if unless because when while although though who which whom whose where since after before until so")
	negators       = wordSet("not n't never no neither nor without cannot")
	possibleModals = wordSet("may might could can ca")
	factHedges     = wordSet("reportedly allegedly apparently possibly perhaps maybe purportedly supposedly seemingly")
	probableWords  = wordSet("likely probably presumably")
	raising        = wordSet("believed thought said reported alleged rumored rumoured appears appeared seems seemed expected likely scheduled set due")
	whWords        = wordSet("why how what who when where which whom")
	questionVerbs  = wordSet("ask asks asked asking wonder wonders wondered wondering know knew question questioned questions inquire inquired unclear")
	denyVerbs      = wordSet("deny denies denied denying reject rejects rejected dismiss dismissed disputed disputes refuted refutes")
	doubtVerbs     = wordSet("doubt doubts doubted doubting")
	cancelWords    = wordSet("cancelled canceled cancel cancels cancellation delayed delay delays postponed postpone scrapped halted killed suspended abandoned")
	aspectualStop  = wordSet("stop stops stopped stopping cease ceases ceased quit quits")
	// Verbs whose infinitive or "from" complement is proposed, planned or
	// demanded, not asserted.
	proposalVerbs = wordSet(`want wants wanted plan plans planned planning propose proposes proposed proposing
		intend intends intended hope hopes hoped seek seeks sought aim aims aimed urge urges urged
		demand demands demanded vow vows vowed promise promises promised pledge pledges pledged threaten threatens threatened
		call calls called ask asks asked expect expects decided decide agree agrees agreed offer offers offered
		push pushed pushing wish wishes wished prepare prepares prepared attempt attempts attempted try tries tried seeking
		recommend recommends recommended order orders ordered`)
	negativeVerbs = wordSet("refuse refuses refused refusing decline declines declined declining fail fails failed failing")
	barVerbs      = wordSet("ban bans banned banning bar bars barred barring prohibit prohibits prohibited forbid forbids forbade")
	preventVerbs  = wordSet("block blocks blocked prevent prevents prevented keep keeps kept")
	possibleVerbs = wordSet("allowed allow allows able permitted")
	governors     = func() map[string]bool {
		m := map[string]bool{}
		for _, s := range []map[string]bool{proposalVerbs, negativeVerbs, barVerbs, preventVerbs, aspectualStop, possibleVerbs} {
			for w := range s {
				m[w] = true
			}
		}
		return m
	}()
)

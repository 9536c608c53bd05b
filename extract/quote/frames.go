package quote

import (
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Attributions whose cue is not a verb of saying: beliefs, intentions,
// findings, accusations, denials and demands ("a poll shows", "X wants to",
// "X accused Y of", "X called for"). Each entry says which complements
// carry the content.
const (
	compThat  = 1 << iota // "that" clause, or a bare clause ("X thinks the plan failed")
	compTo                // to-infinitive: "X plans to run"
	compObjTo             // object and infinitive: "X urged Y to resign"
	compNP                // noun phrase: "X called for an inquiry", "X plans a bid"
	compOf                // "X accused Y of Z"
	// compObj: a noun phrase object after the verb or its particle ("X
	// praised the plan", "X pointed to the polls", "X warned of Russian
	// efforts"), taken only when the subject is someone who can hold a
	// stance (a person, an organization, a personal pronoun, a poll or a
	// report): "the storm attacked the coast" is no attribution.
	compObj
)

type frameInfo struct {
	lemma, kind string
	comp        int
	// particles are the prepositions that may stand between the verb and
	// its object ("refer to", "rail against").
	particles []string
}

var frameTable = []struct {
	info  frameInfo
	forms []string
}{
	{frameInfo{"believe", claimgraph.AttrBelief, compThat, nil}, []string{"believe", "believes", "believed"}},
	{frameInfo{"think", claimgraph.AttrBelief, compThat, nil}, []string{"think", "thinks", "thought"}},
	{frameInfo{"know", claimgraph.AttrBelief, compThat, nil}, []string{"knows", "knew"}},
	{frameInfo{"fear", claimgraph.AttrBelief, compThat, nil}, []string{"fear", "fears", "feared"}},
	{frameInfo{"feel", claimgraph.AttrBelief, compThat, nil}, []string{"feels", "felt"}},
	{frameInfo{"suspect", claimgraph.AttrBelief, compThat, nil}, []string{"suspect", "suspects", "suspected"}},
	{frameInfo{"worry", claimgraph.AttrBelief, compThat, nil}, []string{"worry", "worries", "worried"}},
	{frameInfo{"doubt", claimgraph.AttrBelief, compThat, nil}, []string{"doubt", "doubts", "doubted"}},
	{frameInfo{"expect", claimgraph.AttrBelief, compThat | compObjTo, nil}, []string{"expects", "expected"}},
	{frameInfo{"agree", claimgraph.AttrBelief, compThat | compTo, nil}, []string{"agree", "agrees", "agreed"}},
	{frameInfo{"pledge", claimgraph.AttrIntention, compTo | compThat | compObj, nil}, []string{"pledge", "pledges", "pledged", "pledging"}},
	{frameInfo{"promise", claimgraph.AttrIntention, compTo | compThat | compObj, nil}, []string{"promise", "promises", "promised", "promising"}},
	{frameInfo{"vow", claimgraph.AttrIntention, compTo | compThat | compObj, nil}, []string{"vow", "vows", "vowed", "vowing"}},
	{frameInfo{"cite", claimgraph.AttrSpeech, compNP, nil}, []string{"cite", "cites", "cited", "citing"}},
	{frameInfo{"hope", claimgraph.AttrIntention, compThat | compTo, nil}, []string{"hope", "hopes", "hoped", "hoping"}},
	{frameInfo{"want", claimgraph.AttrIntention, compTo | compObjTo | compNP, nil}, []string{"want", "wants", "wanted"}},
	{frameInfo{"plan", claimgraph.AttrIntention, compTo | compNP, nil}, []string{"plans", "planned"}},
	{frameInfo{"intend", claimgraph.AttrIntention, compTo, nil}, []string{"intend", "intends", "intended"}},
	{frameInfo{"seek", claimgraph.AttrIntention, compTo | compNP, nil}, []string{"seeks", "sought"}},
	{frameInfo{"threaten", claimgraph.AttrIntention, compTo, nil}, []string{"threaten", "threatens", "threatened"}},
	{frameInfo{"call", claimgraph.AttrDemand, compNP, nil}, []string{"call", "calls", "called", "calling"}},
	{frameInfo{"propose", claimgraph.AttrDemand, compThat | compNP, nil}, []string{"propose", "proposes", "proposed"}},
	{frameInfo{"urge", claimgraph.AttrDemand, compObjTo | compThat, nil}, []string{"urge", "urges", "urged", "urging"}},
	{frameInfo{"demand", claimgraph.AttrDemand, compThat | compNP, nil}, []string{"demand", "demands", "demanded"}},
	{frameInfo{"show", claimgraph.AttrFinding, compThat | compNP, nil}, []string{"show", "shows", "showed"}},
	{frameInfo{"find", claimgraph.AttrFinding, compThat, nil}, []string{"find", "finds", "found"}},
	{frameInfo{"indicate", claimgraph.AttrFinding, compThat, nil}, []string{"indicate", "indicates", "indicated"}},
	{frameInfo{"accuse", claimgraph.AttrAccusation, compOf, nil}, []string{"accuse", "accuses", "accused", "accusing"}},
	{frameInfo{"blame", claimgraph.AttrAccusation, compNP, nil}, []string{"blame", "blames", "blamed", "blaming"}},
	{frameInfo{"criticize", claimgraph.AttrAccusation, compNP, nil}, []string{"criticize", "criticizes", "criticized", "criticise", "criticises", "criticised"}},
	{frameInfo{"deny", claimgraph.AttrDenial, compThat | compNP, nil}, []string{"deny", "denies", "denied", "denying"}},
	{frameInfo{"reject", claimgraph.AttrDenial, compNP, nil}, []string{"reject", "rejects", "rejected", "rejecting"}},
	{frameInfo{"dismiss", claimgraph.AttrDenial, compNP, nil}, []string{"dismiss", "dismisses", "dismissed", "dismissing"}},
	// Verbs whose object is what the source attacks, praises, cites,
	// questions or mentions. "Attack" is left out: "militants attacked the
	// base" is an act, not a statement. The
	// list was drawn up from how often each form
	// is a cue where it occurs in PolNeAR's training articles (most of
	// these are cues in 70-100% of their occurrences there); no text of
	// the corpus is kept.
	{frameInfo{"blast", claimgraph.AttrAccusation, compObj, nil}, []string{"blasted", "blasts", "blasting"}},
	{frameInfo{"slam", claimgraph.AttrAccusation, compObj, nil}, []string{"slammed", "slams", "slamming"}},
	{frameInfo{"denounce", claimgraph.AttrAccusation, compObj, nil}, []string{"denounce", "denounced", "denounces", "denouncing"}},
	{frameInfo{"condemn", claimgraph.AttrAccusation, compObj, nil}, []string{"condemn", "condemned", "condemns", "condemning"}},
	{frameInfo{"decry", claimgraph.AttrAccusation, compObj, nil}, []string{"decried", "decries", "decrying"}},
	{frameInfo{"assail", claimgraph.AttrAccusation, compObj, nil}, []string{"assailed", "assails", "assailing"}},
	{frameInfo{"mock", claimgraph.AttrAccusation, compObj, nil}, []string{"mocked", "mocks", "mocking"}},
	{frameInfo{"lambaste", claimgraph.AttrAccusation, compObj, nil}, []string{"lambasted", "lambastes", "lambasting"}},
	{frameInfo{"rail", claimgraph.AttrAccusation, compObj, []string{"against", "at"}}, []string{"railed", "rails", "railing"}},
	{frameInfo{"lash", claimgraph.AttrAccusation, compObj, []string{"out"}}, []string{"lashed", "lashes", "lashing"}},
	{frameInfo{"lament", claimgraph.AttrBelief, compObj | compThat, nil}, []string{"lamented", "laments", "lamenting"}},
	{frameInfo{"bemoan", claimgraph.AttrBelief, compObj | compThat, nil}, []string{"bemoaned", "bemoans", "bemoaning"}},
	{frameInfo{"praise", claimgraph.AttrOther, compObj, nil}, []string{"praised", "praises", "praising"}},
	{frameInfo{"laud", claimgraph.AttrOther, compObj, nil}, []string{"lauded", "lauds", "lauding"}},
	{frameInfo{"hail", claimgraph.AttrOther, compObj, nil}, []string{"hailed", "hails", "hailing"}},
	{frameInfo{"applaud", claimgraph.AttrOther, compObj, nil}, []string{"applauded", "applauds", "applauding"}},
	{frameInfo{"tout", claimgraph.AttrOther, compObj, nil}, []string{"touted", "touts", "touting"}},
	{frameInfo{"defend", claimgraph.AttrOther, compObj, nil}, []string{"defended", "defends", "defending"}},
	{frameInfo{"endorse", claimgraph.AttrOther, compObj, nil}, []string{"endorsed", "endorses", "endorsing"}},
	{frameInfo{"question", claimgraph.AttrQuestion, compObj, nil}, []string{"questioned", "questions", "questioning"}},
	{frameInfo{"mention", claimgraph.AttrSpeech, compObj, nil}, []string{"mentioned", "mentions", "mentioning"}},
	{frameInfo{"reference", claimgraph.AttrSpeech, compObj, nil}, []string{"referenced", "references", "referencing"}},
	{frameInfo{"refer", claimgraph.AttrSpeech, compObj, []string{"to"}}, []string{"referred", "refers", "referring"}},
	{frameInfo{"point", claimgraph.AttrSpeech, compObj, []string{"to"}}, []string{"pointed", "points", "pointing"}},
	{frameInfo{"highlight", claimgraph.AttrSpeech, compObj, nil}, []string{"highlighted", "highlights", "highlighting"}},
	{frameInfo{"describe", claimgraph.AttrSpeech, compObj, nil}, []string{"described", "describes", "describing"}},
	{frameInfo{"discuss", claimgraph.AttrSpeech, compObj, nil}, []string{"discussed", "discusses", "discussing"}},
	{frameInfo{"express", claimgraph.AttrSpeech, compObj, nil}, []string{"expressed", "expresses", "expressing"}},
	{frameInfo{"echo", claimgraph.AttrSpeech, compObj, nil}, []string{"echoed", "echoes", "echoing"}},
	{frameInfo{"voice", claimgraph.AttrSpeech, compObj, nil}, []string{"voiced", "voices", "voicing"}},
	{frameInfo{"warn", claimgraph.AttrSpeech, compObj, []string{"of", "about", "against"}}, []string{"warned", "warns", "warning"}},
	{frameInfo{"complain", claimgraph.AttrAccusation, compObj, []string{"about", "of"}}, []string{"complained", "complains", "complaining"}},
	{frameInfo{"talk", claimgraph.AttrSpeech, compObj, []string{"about"}}, []string{"talked", "talks", "talking"}},
	// Speech verbs whose object is what was made known ("announced a
	// plan", "acknowledged the error"), and refusals ("declined to
	// comment": the content is what was refused).
	{frameInfo{"announce", claimgraph.AttrSpeech, compObj, nil}, []string{"announced", "announces", "announcing"}},
	{frameInfo{"unveil", claimgraph.AttrSpeech, compObj, nil}, []string{"unveiled", "unveils", "unveiling"}},
	{frameInfo{"reveal", claimgraph.AttrSpeech, compObj, nil}, []string{"revealed", "reveals", "revealing"}},
	{frameInfo{"acknowledge", claimgraph.AttrSpeech, compObj, nil}, []string{"acknowledged", "acknowledges", "acknowledging"}},
	{frameInfo{"admit", claimgraph.AttrSpeech, compObj, nil}, []string{"admitted", "admits", "admitting"}},
	{frameInfo{"confirm", claimgraph.AttrSpeech, compObj, nil}, []string{"confirmed", "confirms", "confirming"}},
	{frameInfo{"speak", claimgraph.AttrSpeech, compObj, []string{"about", "of", "on"}}, []string{"spoke", "speaks", "speaking"}},
	{frameInfo{"respond", claimgraph.AttrSpeech, compObj, []string{"to"}}, []string{"responded", "responds", "responding"}},
	{frameInfo{"focus", claimgraph.AttrSpeech, compObj, []string{"on"}}, []string{"focused", "focuses", "focusing"}},
	{frameInfo{"vote", claimgraph.AttrOther, compObj, []string{"for", "against"}}, []string{"voted", "votes", "voting"}},
	{frameInfo{"advocate", claimgraph.AttrDemand, compObj | compThat, []string{"for"}}, []string{"advocated", "advocates", "advocating"}},
	{frameInfo{"push", claimgraph.AttrDemand, compObj, []string{"for"}}, []string{"pushed", "pushes", "pushing"}},
	{frameInfo{"note", claimgraph.AttrSpeech, compObj, nil}, []string{"noted", "notes", "noting"}},
	{frameInfo{"stress", claimgraph.AttrSpeech, compObj, nil}, []string{"stressed", "stresses", "stressing"}},
	{frameInfo{"emphasize", claimgraph.AttrSpeech, compObj, nil}, []string{"emphasized", "emphasizes", "emphasizing", "emphasised"}},
	{frameInfo{"reiterate", claimgraph.AttrSpeech, compObj, nil}, []string{"reiterated", "reiterates", "reiterating"}},
	{frameInfo{"repeat", claimgraph.AttrSpeech, compObj, nil}, []string{"repeated", "repeats", "repeating"}},
	{frameInfo{"recall", claimgraph.AttrSpeech, compObj, nil}, []string{"recalled", "recalls", "recalling"}},
	{frameInfo{"explain", claimgraph.AttrSpeech, compObj, nil}, []string{"explained", "explains", "explaining"}},
	{frameInfo{"detail", claimgraph.AttrSpeech, compObj, nil}, []string{"detailed", "details", "detailing"}},
	{frameInfo{"outline", claimgraph.AttrSpeech, compObj, nil}, []string{"outlined", "outlines", "outlining"}},
	{frameInfo{"ask", claimgraph.AttrQuestion, compObj, []string{"about", "for", "of"}}, []string{"asked", "asks", "asking"}},
	{frameInfo{"wonder", claimgraph.AttrQuestion, compObj, nil}, []string{"wondered", "wonders", "wondering"}},
	{frameInfo{"caution", claimgraph.AttrSpeech, compObj | compThat, []string{"against", "about"}}, []string{"cautioned", "cautions", "cautioning"}},
	{frameInfo{"predict", claimgraph.AttrBelief, compObj | compThat, nil}, []string{"predicting"}},
	{frameInfo{"decline", claimgraph.AttrDenial, compTo, nil}, []string{"declined", "declines", "declining"}},
	{frameInfo{"refuse", claimgraph.AttrDenial, compTo, nil}, []string{"refused", "refuses", "refusing"}},
}

var frameForms = func() map[string]frameInfo {
	m := map[string]frameInfo{}
	for _, e := range frameTable {
		for _, f := range e.forms {
			m[f] = e.info
		}
	}
	return m
}()

// speechKinds gives the attribution kind of the speech lexicon's cues that
// are not plain speech.
var speechKinds = map[string]string{
	"write": claimgraph.AttrWriting, "tweet": claimgraph.AttrWriting,
	"believe": claimgraph.AttrBelief, "estimate": claimgraph.AttrBelief, "predict": claimgraph.AttrBelief,
	"accuse": claimgraph.AttrAccusation, "allege": claimgraph.AttrAccusation, "charge": claimgraph.AttrAccusation,
	"deny":    claimgraph.AttrDenial,
	"ask":     claimgraph.AttrQuestion,
	"promise": claimgraph.AttrIntention, "vow": claimgraph.AttrIntention, "pledge": claimgraph.AttrIntention,
	"call for": claimgraph.AttrDemand, "call on": claimgraph.AttrDemand,
	// Naming in quoted words ("called it \"a disgrace\"") characterizes.
	"call": claimgraph.AttrSpeech,
}

// AttributionKind returns the kind of attribution a cue lemma makes.
func AttributionKind(lemma string) string {
	if k, ok := speechKinds[lemma]; ok {
		return k
	}
	for _, e := range frameTable {
		if e.info.lemma == lemma {
			return e.info.kind
		}
	}
	return claimgraph.AttrSpeech
}

// KindFactuality is how an attribution of this kind presents its content:
// a denial denies it, a question asks it, an intention or a demand
// proposes it; anything else reports it.
func KindFactuality(kind string) string {
	switch kind {
	case claimgraph.AttrDenial:
		return claimgraph.FactDenied
	case claimgraph.AttrQuestion:
		return claimgraph.FactQuestion
	case claimgraph.AttrIntention, claimgraph.AttrDemand:
		return claimgraph.FactProposed
	}
	return claimgraph.FactReported
}

// frameCue reports whether token i is a non-speech attribution cue.
func (x *index) frameCue(i int) (frameInfo, bool) {
	info, ok := frameForms[x.lower[i]]
	if !ok {
		return info, false
	}
	if x.tagged {
		switch x.toks[i].POS {
		case "VERB", "AUX":
		default:
			// "The union plans to strike": a noun-verb form the tagger read
			// as a compound noun, told apart by the "to" or "that" after it.
			if x.verbReadAsNoun(i) {
				break
			}
			// ", a new analysis shows.": a verb ending its sentence.
			if i == 0 || i+1 >= len(x.toks) || x.lower[i+1] != "to" && x.lower[i+1] != "that" && x.toks[i+1].Text != "." {
				return info, false
			}
			if p := x.toks[i-1].POS; p != "NOUN" && p != "PROPN" && p != "PRON" {
				return info, false
			}
		}
	}
	if i > 0 && (articles[x.lower[i-1]] || x.lower[i-1] == "as" || x.lower[i-1] == "than") {
		return info, false
	}
	return info, true
}

// verbGroupStart walks back from the cue at i over what may stand between
// a subject and its cue: auxiliaries, adverbs, negation and a catenative
// ("is saying", "have already officially accused", "tried to argue"). It
// returns the first token of the group, or -1 when the group makes the cue
// generic (a modal, "wants to say").
func (x *index) verbGroupStart(sf, i int) int {
	j := i
	for j-1 >= sf {
		w := x.lower[j-1]
		switch {
		case beAux[w] && w != "'s" || w == "has" || w == "have" || w == "had" || w == "not" || w == "n't" || w == "did" || w == "does" || w == "do":
			j--
		case w == "to" && j-2 >= sf && catenatives[x.lower[j-2]]:
			j -= 2
		case (x.tagged && x.toks[j-1].POS == "ADV" || len(w) > 4 && w[len(w)-2:] == "ly") && x.coveredBy[j-1] < 0 && !x.npBoundary(j-1):
			j--
		case subjectSkip[w] && x.coveredBy[j-1] < 0:
			j--
		default:
			return j
		}
	}
	return j
}

var catenatives = set("tried", "tries", "try", "trying", "continued", "continues", "began", "begins", "went", "decided", "sought", "seemed", "seems", "appeared", "appears", "repeatedly")

// framed finds the content of a non-speech attribution whose cue is at i:
// `X believes (that) CONTENT`, `X plans to CONTENT`, `X urged Y to CONTENT`,
// `X called for CONTENT`, `X accused Y of CONTENT`.
func (x *index) framed(sf, sl, i int, info frameInfo) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	ce := i + 1
	if ce >= sl {
		return c, false
	}
	if info.lemma == "call" {
		// "called for an inquiry", "called on X to resign"; "called him a
		// liar" is naming, not a demand.
		switch x.lower[ce] {
		case "for":
			info = frameInfo{"call for", claimgraph.AttrDemand, compNP, nil}
		case "on", "upon":
			info = frameInfo{"call on", claimgraph.AttrDemand, compObjTo, nil}
		default:
			// `X called the plan "a disaster"`: naming in quoted words is
			// a characterization the source made; an unquoted one ("called
			// a meeting") is not told from an act.
			if !x.npStart(ce) && !pronouns[x.lower[ce]] || !x.quotedWithin(ce, x.contentEnd(ce, sl)) && !x.namingComplement(ce, sl) {
				return c, false
			}
			info = frameInfo{"call", claimgraph.AttrSpeech, compObj, nil}
			ce--
		}
		ce++
		if ce >= sl {
			return c, false
		}
	}
	w := x.lower[i]
	ing := len(w) > 4 && w[len(w)-3:] == "ing"
	progressive := ing && i > sf && beAux[x.lower[i-1]] && x.lower[i-1] != "being"
	participle := ing && !progressive && i > sf && x.toks[i-1].Text == ","
	if ing && !progressive && !participle {
		return c, false // "the attacking side", "after criticizing": no subject of its own
	}
	// A passive ("was found", "is expected to") is not the source acting.
	if !ing && i > sf && (beAux[x.lower[i-1]] || x.lower[i-1] == "being" || x.lower[i-1] == "get" || x.lower[i-1] == "got") {
		return c, false
	}
	if c2, ok := x.trailingFrame(sf, sl, i, info); ok {
		return c2, true
	}
	if participle {
		// "X spoke on Monday, citing the polls": the main clause's subject.
		c.spk = x.clauseSubject(sf, i)
		c.spk.conf *= 0.8
	} else {
		g := x.verbGroupStart(sf, i)
		for k := g; k < i; k++ {
			if modals[x.lower[k]] && info.kind != claimgraph.AttrBelief {
				return c, false
			}
		}
		c.spk = x.subjectBefore(sf, g)
	}
	if c.spk.first < 0 || info.comp&compObj != 0 && !x.actor(c.spk) {
		return c, false
	}
	if particleBound[info.lemma] && !x.particleAt(ce, info.particles) {
		return c, false // "pushed the door", "pointed the gun": not the stance verb
	}
	if info.lemma == "ask" && x.lower[ce] == "for" {
		info.kind = claimgraph.AttrDemand // "asked for money" requests, it does not question
	}
	for _, p := range info.particles {
		if x.lower[ce] == p && ce+1 < sl {
			ce++
			if p == "out" && (x.lower[ce] == "at" || x.lower[ce] == "against") && ce+1 < sl {
				ce++ // "lashed out at"
			}
			break
		}
	}
	end := x.contentEnd(ce, sl)
	from := -1
	next := x.lower[ce]
	switch {
	case next == "that" && info.comp&compThat != 0:
		from = ce + 1
	case next == "to" && info.comp&compTo != 0:
		from = ce
	case info.comp&compOf != 0:
		for k := ce + 1; k < end && k < ce+12; k++ {
			if x.lower[k] == "of" {
				from = ce
				break
			}
			if x.npBoundary(k) || x.verbish(k) {
				break
			}
		}
	case info.comp&compObjTo != 0 && next != "to":
		for k := ce + 1; k < end && k < ce+8; k++ {
			if x.lower[k] == "to" && k+1 < end && x.verbish(k+1) {
				from = ce
				break
			}
			if x.npBoundary(k) || x.verbish(k) {
				break
			}
		}
	}
	if info.comp&compObj != 0 && from < 0 && whWords[next] && next != "if" {
		from = ce // "explained why the plan failed"
	}
	if info.kind == claimgraph.AttrQuestion {
		// "asked (Y) whether Z", "questioned why Z": the embedded question,
		// past a short addressee, is the content.
		for k := ce; k < end && k < ce+5; k++ {
			if whWords[x.lower[k]] {
				from = k
				break
			}
			if x.npBoundary(k) || x.verbish(k) {
				break
			}
		}
	}
	// A bare singular noun after an object verb is a compound or an
	// adjective's noun ("the defending champion"), not an object.
	bareNoun := progressive && x.tagged && x.toks[ce].POS == "NOUN" && !strings.HasSuffix(x.lower[ce], "s")
	objStart := x.npStart(ce) || info.lemma == "call" && pronouns[x.lower[ce]] || // "called him a liar"
		x.gerundObject(ce, end) // "called for reducing the rate", "called for increased spending"
	if from < 0 && (info.comp&compNP != 0 || info.comp&compObj != 0 && !bareNoun) && objStart {
		from = ce
		// A noun phrase content ends before a finite verb: "criticized the
		// group for this issue | were later tried" is not one content.
		for k := ce + 1; k < end; k++ {
			if !(x.tagged && x.toks[k].POS == "AUX" || x.lower[k] == "who" || x.lower[k] == "which") {
				continue
			}
			// "the media for being dishonest", "cases in which", "comments
			// Trump had made": a preposition's or a reduced relative's
			// clause stays in the noun phrase.
			if preps[x.lower[k-1]] || x.lower[k-1] == "as" || x.tagged && k-2 > ce && (x.toks[k-1].POS == "PROPN" || x.toks[k-1].POS == "PRON") && x.toks[k-2].POS == "NOUN" {
				continue
			}
			end = k
			break
		}
		// The object ends before an adverbial of the act: "denounced the
		// annexation in an on-air diatribe", "criticized the law during a
		// stop in Flint", "mentioned her since the debate".
		for k := ce + 1; k < end; k++ {
			if adjunctOpeners[x.lower[k]] || x.lower[k] == "in" && k+2 < end && determiners[x.lower[k+1]] && speechEvents[x.lower[k+2]] || x.toks[k].Text == "." && x.toks[k-1].Text == x.lower[k-1] && x.isWord(k-1) {
				end = k
				break
			}
		}
	}
	if from < 0 && info.comp&compThat != 0 && x.clauseStart(ce) {
		// A bare clause: a subject followed by its verb within a few words.
		for k := ce + 1; k < end && k < ce+8; k++ {
			if x.verbish(k) {
				from = ce
				break
			}
			if x.npBoundary(k) || preps[x.lower[k]] {
				break
			}
		}
	}
	if from < 0 {
		return c, false
	}
	x.setCue(&c, i, ce, info.lemma)
	if x.lower[ce-1] == "for" || x.lower[ce-1] == "on" || x.lower[ce-1] == "upon" {
		// "call on X to": the content is what X is called on to do.
		if info.comp == compObjTo {
			from = ce
		}
	}
	c.q.Attribution = info.kind
	c.first, c.limit = x.trimContent(from, end)
	return c, c.first < c.limit
}

// actor reports a speaker phrase that can hold a stance: a person or an
// organization, a personal pronoun, a person or organization noun ("the
// senator", "the campaign"), or a document that states things ("the poll",
// "a new ad").
func (x *index) actor(r speakerRef) bool {
	if pronouns[x.lower[r.first]] && x.lower[r.first] != "it" {
		return true
	}
	if m := r.mention; m >= 0 && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG) {
		return true
	}
	h := x.headWord(r.first, r.limit)
	return personHeads[h] || orgHeads[h] || sourceHeads[h]
}

// sourceHeads are nouns for documents and surveys that state, show or
// attack things in news ("the ad attacks", "a poll found").
var sourceHeads = set("poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "ad", "ads", "advertisement",
	"letter", "statement", "memo", "article", "editorial", "video", "book", "tweet", "tweets", "email", "emails", "documents",
	"data", "analysis", "campaign", "candidate", "nominee", "critics", "supporters", "voters", "democrats", "republicans")

// adjunctOpeners open an adverbial after a noun phrase object.
var adjunctOpeners = set("during", "since", "until", "after", "before", "while", "when", "because", "so", "amid", "despite")

// speechEvents are occasions of speech ("in a statement").
var speechEvents = set("statement", "interview", "speech", "letter", "tweet", "post", "email", "briefing", "conference",
	"rally", "hearing", "debate", "appearance", "op-ed", "diatribe", "address", "ad", "video", "memo", "call")

// particleBound are the object verbs that attribute only with their
// particle ("spoke about", "voted for", "pointed to").
var particleBound = set("speak", "respond", "focus", "vote", "push", "refer", "point", "rail", "lash")

func (x *index) particleAt(k int, particles []string) bool {
	for _, p := range particles {
		if x.lower[k] == p {
			return true
		}
	}
	return false
}

// whWords open an embedded question.
var whWords = set("whether", "if", "why", "how", "what", "who", "when", "where", "which")

// namingComplement reports "called X a liar", "calling Trump unfit": an
// object (a pronoun, a name, or a determiner and its noun) followed by a
// second noun phrase or an adjective, which says what X was called. "called
// a meeting", "called the police on Monday" have no such complement.
func (x *index) namingComplement(ce, sl int) bool {
	if !x.tagged {
		return false
	}
	e := -1
	switch m := x.startAt[ce]; {
	case pronouns[x.lower[ce]] && x.lower[ce] != "we" && x.lower[ce] != "i" && x.lower[ce] != "he" && x.lower[ce] != "she" && x.lower[ce] != "they":
		e = ce + 1
	case m >= 0 && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG):
		e = x.mLimit[m]
	case x.toks[ce].POS == "PROPN":
		e = ce + 1
		for e < sl && e < ce+4 && x.toks[e].POS == "PROPN" {
			e++
		}
	case articles[x.lower[ce]]:
		for k := ce + 1; k < sl && k < ce+4; k++ {
			if x.toks[k].POS == "NOUN" || x.toks[k].POS == "PROPN" {
				e = k + 1
				if k+1 < sl && (x.toks[k+1].POS == "NOUN" || x.toks[k+1].POS == "PROPN") {
					continue
				}
				break
			}
		}
	}
	if e < 0 || e+1 >= sl {
		return false
	}
	switch w := x.lower[e]; {
	case w == "a" || w == "an" || w == "the":
		return e+1 < sl && (x.toks[e+1].POS == "NOUN" || x.toks[e+1].POS == "ADJ")
	case x.toks[e].POS == "ADJ":
		return true
	}
	return false
}

// trailingFrame reads a belief or a finding stated after its content,
// "CONTENT, a new analysis shows." and "CONTENT, most economists believe.":
// the frame verb ends the sentence and its subject follows a comma.
func (x *index) trailingFrame(sf, sl, i int, info frameInfo) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	if info.comp&compThat == 0 || x.words(i+1, sl) > 0 {
		return c, false
	}
	g := x.verbGroupStart(sf, i)
	for j := g - 1; j > sf && j >= g-16; j-- {
		if x.toks[j].Text != "," {
			if isDoubleMark(x.toks[j].Text) || x.toks[j].Text == ";" {
				return c, false
			}
			continue
		}
		c.spk = x.subjectBefore(j+1, g)
		if !x.opensAfter(c.spk.first, j+1) || x.hasVerb(j+1, c.spk.first) {
			return c, false
		}
		f, l := x.trimContent(sf, j)
		if x.words(f, l) < 4 || !x.hasVerb(f, l) {
			return c, false
		}
		x.setCue(&c, i, i+1, info.lemma)
		c.q.Attribution = info.kind
		c.first, c.limit = f, l
		return c, true
	}
	return c, false
}

// gerundObject reports an object that opens with a verb form: a gerund
// ("reducing the rate") or a participle before its noun ("increased
// defense spending").
func (x *index) gerundObject(ce, end int) bool {
	if !x.tagged || ce+1 >= end || x.toks[ce].POS != "VERB" {
		return false
	}
	w := x.lower[ce]
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") && (x.toks[ce+1].POS == "NOUN" || x.toks[ce+1].POS == "ADJ")
}

// quotedWithin reports a double quote mark in tokens [first, limit).
func (x *index) quotedWithin(first, limit int) bool {
	for k := first; k < limit; k++ {
		if isDoubleMark(x.toks[k].Text) {
			return true
		}
	}
	return false
}

// npStart reports a token that can open a noun phrase.
func (x *index) npStart(j int) bool {
	if determiners[x.lower[j]] && x.lower[j] != "that" || x.startAt[j] >= 0 {
		return true
	}
	if x.tagged {
		switch x.toks[j].POS {
		case "NOUN", "PROPN", "ADJ", "NUM":
			return true
		}
	}
	return false
}

// contentEnd is where reported content starting at from ends within its
// sentence: before a contrastive clause with its own voice (", but ...",
// ", and she warned ..."), before a trailing "according to", else at the
// sentence end.
func (x *index) contentEnd(from, sl int) int {
	for k := from; k+1 < sl; k++ {
		if x.quoteContent[k] {
			continue // inside quoted words nothing ends the reported clause
		}
		switch {
		case x.toks[k].Text == ";" || x.toks[k].Text == ":":
			return k
		case x.toks[k].Text == "\u2015" || x.toks[k].Text == "\u2014" && k > from && !x.dashPaired(k, sl):
			// A dash opens an aside or another clause ("... taxes ― as
			// was true ... ― Trump boasted").
			return k
		case (x.lower[k] == "and" || x.lower[k] == "but" || x.lower[k] == "or") && k > from && (x.anyCue(k+1) || x.subjectAndCue(k+1, sl)):
			// "said he would order a review and warned against ...": the
			// second verb is the speaker's, not the content's.
			return k
		}
		if x.toks[k].Text != "," {
			continue
		}
		if x.tagged && x.toks[k+1].POS == "VERB" && len(x.lower[k+1]) > 4 && x.lower[k+1][len(x.lower[k+1])-3:] == "ing" && x.lower[k+1] != "including" {
			return k // ", contradicting ...": a participle clause of the main one
		}
		// ", and Clinton is promising ...": a clause with a subject of its
		// own is the outlet's, not the speaker's.
		if x.lower[k+1] == "and" && x.newSubjectClause(k+2, sl) {
			return k
		}
		// ", but could not bear to ...": a second verb of the same subject
		// stays in the content; ", but the opposition argued ..." does not.
		if contrastive[x.lower[k+1]] && !(x.lower[k+1] == "but" && x.tagged && k+2 < sl && (x.toks[k+2].POS == "AUX" || x.toks[k+2].POS == "VERB")) || x.lower[k+1] == "and" && x.cueWithin(k+2, min(k+6, sl)) ||
			x.lower[k+1] == "according" || x.tailAttribution(k+1, sl) || x.participleCue(k+1) {
			return k
		}
	}
	return sl
}

// newSubjectClause reports a clause opening at k with a subject of its own
// (a name, or a determiner and a noun) and a finite verb right after it.
func (x *index) newSubjectClause(k, sl int) bool {
	if !x.tagged || k >= sl {
		return false
	}
	e := -1
	if m := x.startAt[k]; m >= 0 {
		e = x.mLimit[m]
	} else if determiners[x.lower[k]] && x.lower[k] != "that" {
		for j := k + 1; j < sl && j < k+5; j++ {
			if x.toks[j].POS == "NOUN" && (j+1 >= sl || x.toks[j+1].POS != "NOUN") {
				e = j + 1
				break
			}
		}
	}
	if e < 0 || e >= sl {
		return false
	}
	for e < sl && x.toks[e].POS == "ADV" {
		e++
	}
	return e < sl && (x.toks[e].POS == "AUX" || x.toks[e].POS == "VERB" && !strings.HasSuffix(x.lower[e], "ing"))
}

// subjectAndCue reports a clause at k whose subject is a name or a
// plural people noun and whose verb is a cue ("and Democrats accused the
// GOP of ..."): another attribution, not more content.
func (x *index) subjectAndCue(k, sl int) bool {
	e := -1
	if m := x.startAt[k]; m >= 0 && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG) {
		e = x.mLimit[m]
	} else if personHeads[x.lower[k]] && strings.HasSuffix(x.lower[k], "s") {
		e = k + 1
	}
	return e > 0 && e < sl && x.anyCue(e)
}

// dashPaired reports an em dash that opens an aside closed by a second
// one in the sentence ("Shriver — a member of the Kennedy clan — to
// replace"): the aside belongs to the content.
func (x *index) dashPaired(k, sl int) bool {
	for j := k + 1; j < sl; j++ {
		if x.toks[j].Text == "\u2014" {
			return true
		}
	}
	return false
}

// tailAttribution reports a trailing attribution from token k to the
// sentence end: a short subject and a cue ("its leader said"), or a cue and
// a short subject ("said the minister").
func (x *index) tailAttribution(k, sl int) bool {
	end := sl
	for end > k && !x.isWord(end-1) {
		end--
	}
	if end-k > 8 || end <= k {
		return false
	}
	for j := k; j < end; j++ {
		if _, ok := x.cue(j); ok && (j == end-1 || j == k) {
			return true
		}
	}
	return false
}

// participleCue reports a participle cue opening a clause of its own
// (", arguing that ...", ", adding ...").
func (x *index) participleCue(k int) bool {
	w := x.lower[k]
	if len(w) < 5 || w[len(w)-3:] != "ing" {
		return false
	}
	_, ok := x.cue(k)
	return ok
}

// notCues are verbs whose "that" clause is a purpose, a result or a fact
// made true, not something attributed ("made sure that", "ensured that").
var notCues = set("ensure", "ensured", "ensures", "make", "made", "makes", "means", "meant", "mean", "given", "so", "such",
	"provided", "except", "now", "is", "was", "are", "were", "be", "been", "has", "had", "have", "do", "did", "does",
	"require", "requires", "required", "order", "ordered", "ensuring", "guarantee", "guaranteed")

// thatClause finds an attribution by a verb outside the lexicons when its
// shape is unmistakable: a person, an organization or a personal pronoun,
// the verb, then "that" and a clause ("the judge ruled that ...", "she
// learned that ..."). Its kind is AttrOther.
func (x *index) thatClause(sf, sl, i int) (candidate, bool) {
	c := candidate{spk: noSpeaker}
	if !x.tagged || x.toks[i].POS != "VERB" || notCues[x.lower[i]] || i+2 >= sl || x.lower[i+1] != "that" || !x.clauseStart(i+2) {
		return c, false
	}
	if x.toks[i+2].POS == "ADJ" || x.lower[i+2] == "is" {
		return c, false // "that" as a determiner or a relative
	}
	w := x.lower[i]
	if len(w) > 4 && w[len(w)-3:] == "ing" || x.modalBefore(i) || i > sf && beAux[x.lower[i-1]] {
		return c, false
	}
	c.spk = x.subjectBefore(sf, x.verbGroupStart(sf, i))
	if c.spk.first < 0 {
		return c, false
	}
	actor := pronouns[x.lower[c.spk.first]] && x.lower[c.spk.first] != "it"
	if m := c.spk.mention; m >= 0 && (x.mentions[m].Type == claimgraph.TypePER || x.mentions[m].Type == claimgraph.TypeORG) {
		actor = true
	}
	if h := x.headWord(c.spk.first, c.spk.limit); personHeads[h] || orgHeads[h] {
		actor = true
	}
	if !actor {
		return c, false
	}
	x.setCue(&c, i, i+1, w)
	c.q.Attribution = claimgraph.AttrOther
	c.first, c.limit = x.trimContent(i+2, x.contentEnd(i+2, sl))
	return c, c.first < c.limit
}

// anyCue reports a speech or frame cue at token i.
func (x *index) anyCue(i int) bool {
	if i >= len(x.toks) {
		return false
	}
	if _, ok := x.cue(i); ok {
		return true
	}
	_, ok := x.frameCue(i)
	return ok
}

package quote

// The reporting-verb lexicon. Each entry is a lemma with its inflected
// forms; the flags say how freely the verb introduces speech.
type cueInfo struct {
	lemma string
	// bare: the verb introduces reported speech without "that"
	// ("X said the plan failed"). Verbs with other common senses ("reveal",
	// "maintain", "report") need "that" or an attached direct quote.
	bare bool
	// object: the verb takes an addressee before its content ("told reporters that").
	object bool
}

var cueTable = []struct {
	info  cueInfo
	forms []string
}{
	{cueInfo{"say", true, false}, []string{"say", "says", "said", "saying"}},
	{cueInfo{"tell", true, true}, []string{"tell", "tells", "told", "telling"}},
	{cueInfo{"state", true, false}, []string{"state", "states", "stated", "stating"}},
	{cueInfo{"add", true, false}, []string{"add", "adds", "added", "adding"}},
	{cueInfo{"claim", true, false}, []string{"claim", "claims", "claimed", "claiming"}},
	{cueInfo{"insist", true, false}, []string{"insist", "insists", "insisted", "insisting"}},
	{cueInfo{"warn", true, true}, []string{"warn", "warns", "warned", "warning"}},
	{cueInfo{"argue", true, false}, []string{"argue", "argues", "argued", "arguing"}},
	{cueInfo{"announce", false, false}, []string{"announce", "announces", "announced", "announcing"}},
	{cueInfo{"note", false, false}, []string{"note", "notes", "noted", "noting"}},
	{cueInfo{"explain", false, false}, []string{"explain", "explains", "explained", "explaining"}},
	{cueInfo{"confirm", false, false}, []string{"confirm", "confirms", "confirmed", "confirming"}},
	{cueInfo{"admit", false, false}, []string{"admit", "admits", "admitted", "admitting"}},
	{cueInfo{"acknowledge", false, false}, []string{"acknowledge", "acknowledges", "acknowledged", "acknowledging"}},
	{cueInfo{"allege", false, false}, []string{"allege", "alleges", "alleged", "alleging"}},
	{cueInfo{"assert", false, false}, []string{"assert", "asserts", "asserted", "asserting"}},
	{cueInfo{"declare", false, false}, []string{"declare", "declares", "declared", "declaring"}},
	{cueInfo{"disclose", false, false}, []string{"disclose", "discloses", "disclosed", "disclosing"}},
	{cueInfo{"reveal", false, false}, []string{"reveal", "reveals", "revealed", "revealing"}},
	{cueInfo{"unveil", false, false}, []string{"unveil", "unveils", "unveiled", "unveiling"}},
	{cueInfo{"reiterate", false, false}, []string{"reiterate", "reiterates", "reiterated", "reiterating"}},
	{cueInfo{"deny", false, false}, []string{"deny", "denies", "denied", "denying"}},
	{cueInfo{"maintain", false, false}, []string{"maintain", "maintains", "maintained", "maintaining"}},
	{cueInfo{"suggest", false, false}, []string{"suggest", "suggests", "suggested", "suggesting"}},
	{cueInfo{"stress", false, false}, []string{"stress", "stresses", "stressed", "stressing"}},
	{cueInfo{"emphasize", false, false}, []string{"emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised"}},
	{cueInfo{"report", false, false}, []string{"report", "reports", "reported", "reporting"}},
	{cueInfo{"write", false, false}, []string{"write", "writes", "wrote", "written", "writing"}},
	{cueInfo{"tweet", false, false}, []string{"tweet", "tweets", "tweeted"}},
	{cueInfo{"reply", false, false}, []string{"reply", "replies", "replied"}},
	{cueInfo{"respond", false, false}, []string{"respond", "responds", "responded"}},
	{cueInfo{"comment", false, false}, []string{"comment", "comments", "commented"}},
	{cueInfo{"complain", false, false}, []string{"complain", "complains", "complained"}},
	{cueInfo{"predict", true, false}, []string{"predict", "predicts", "predicted"}},
	{cueInfo{"recall", false, false}, []string{"recall", "recalls", "recalled"}},
	{cueInfo{"ask", false, true}, []string{"ask", "asks", "asked"}},
	{cueInfo{"answer", false, false}, []string{"answer", "answers", "answered"}},
	{cueInfo{"believe", true, false}, []string{"believe", "believes", "believed"}},
	{cueInfo{"concede", false, false}, []string{"concede", "concedes", "conceded"}},
	{cueInfo{"contend", false, false}, []string{"contend", "contends", "contended"}},
	{cueInfo{"estimate", true, false}, []string{"estimate", "estimates", "estimated"}},
	{cueInfo{"observe", false, false}, []string{"observe", "observes", "observed"}},
	{cueInfo{"promise", false, false}, []string{"promise", "promises", "promised"}},
	{cueInfo{"vow", false, false}, []string{"vow", "vows", "vowed"}},
	{cueInfo{"pledge", false, false}, []string{"pledge", "pledges", "pledged"}},
	{cueInfo{"conclude", false, false}, []string{"conclude", "concludes", "concluded"}},
	{cueInfo{"continue", false, false}, []string{"continued"}},
	{cueInfo{"exclaim", false, false}, []string{"exclaim", "exclaims", "exclaimed"}},
	{cueInfo{"shout", false, false}, []string{"shout", "shouts", "shouted"}},
	{cueInfo{"joke", false, false}, []string{"joke", "jokes", "joked"}},
	{cueInfo{"quip", false, false}, []string{"quip", "quips", "quipped"}},
	{cueInfo{"accuse", false, true}, []string{"accuse", "accuses", "accused"}},
	{cueInfo{"charge", false, false}, []string{"charged"}},
	{cueInfo{"boast", false, false}, []string{"boast", "boasts", "boasted"}},
	{cueInfo{"testify", false, false}, []string{"testify", "testifies", "testified"}},
	{cueInfo{"inform", false, true}, []string{"inform", "informs", "informed"}},
	{cueInfo{"assure", false, true}, []string{"assure", "assures", "assured"}},
	{cueInfo{"remind", false, true}, []string{"remind", "reminds", "reminded"}},
	{cueInfo{"point out", false, false}, []string{"pointed", "points", "point"}},
	// Speech verbs of news prose that attach to a quote or a "that" clause
	// (frequent cues in PolNeAR's training articles); "reads" is what a
	// letter or a sign says.
	{cueInfo{"read", false, false}, []string{"reads"}},
	{cueInfo{"remark", false, false}, []string{"remarked", "remarks"}},
	{cueInfo{"counter", false, false}, []string{"countered", "counters"}},
	{cueInfo{"retort", false, false}, []string{"retorted", "retorts"}},
	{cueInfo{"muse", false, false}, []string{"mused", "muses"}},
	{cueInfo{"scoff", false, false}, []string{"scoffed", "scoffs"}},
	{cueInfo{"post", false, false}, []string{"posted"}},
	{cueInfo{"email", false, false}, []string{"emailed"}},
	{cueInfo{"text", false, false}, []string{"texted"}},
	{cueInfo{"proclaim", false, false}, []string{"proclaimed", "proclaims"}},
	{cueInfo{"plead", false, false}, []string{"pleaded", "pleads"}},
}

var cueForms = func() map[string]cueInfo {
	m := make(map[string]cueInfo)
	for _, e := range cueTable {
		for _, f := range e.forms {
			m[f] = e.info
		}
	}
	return m
}()

// Closed-class words used by the patterns, all lower case.
var (
	modals = set("can", "could", "may", "might", "must", "shall", "should", "will", "would", "cannot", "ca")
	beAux  = set("is", "are", "was", "were", "be", "been", "being", "'s")
	// subjectSkip are words that may stand between a subject and its
	// reporting verb ("X had also earlier this month revealed").
	subjectSkip = set("has", "had", "have", "also", "earlier", "later", "this", "last", "month", "week", "year",
		"today", "yesterday", "recently", "previously", "again", "repeatedly", "publicly", "once", "just",
		"very", "then", "further", "separately", "already", "privately", "openly", "himself", "herself",
		"on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"reportedly", "allegedly", "apparently", "too", "still", "now", "does", "did", "do", "not", "n't", "never")
	determiners = set("a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many", "several", "one", "two", "three", "another", "each", "every", "any", "no", "such", "most")
	articles    = set("a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those")
	preps       = set("of", "from", "for", "at", "in", "with", "by", "on", "to", "about", "against", "into", "inside", "within", "among", "under", "over")
	personHeads = set("member", "members", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister",
		"leader", "leaders", "defector", "source", "sources", "analyst", "analysts", "expert", "experts", "officer",
		"president", "director", "chief", "head", "commander", "man", "woman", "witness", "witnesses", "resident",
		"residents", "lawmaker", "senator", "diplomat", "diplomats", "envoy", "ambassador", "activist", "activists",
		"veteran", "founder", "ringleader", "ringleaders", "interpreter", "mayor", "governor", "secretary", "chairman",
		"prosecutor", "judge", "lawyer", "attorney", "researcher", "professor", "author", "journalist", "reporter",
		"general", "candidate", "nominee", "congressman", "congresswoman", "representative", "aide", "aides", "adviser",
		"advisers", "advisor", "economist", "economists", "strategist", "pollster", "critic", "critics", "supporter", "supporters",
		"authorities", "democrats", "republicans", "lawmakers", "senators", "investigators", "prosecutors", "scientists", "researchers")
	orgHeads = set("group", "organization", "organisation", "ministry", "government", "agency", "company", "party",
		"army", "military", "police", "movement", "network", "cult", "council", "committee", "office", "department",
		"service", "services", "administration", "embassy", "court", "website", "newspaper", "agency", "firm", "union",
		"campaign", "commission", "panel", "board")
	timeWords  = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight")
	malePron   = set("he", "him")
	femalePron = set("she", "her")
	orgPron    = set("it", "they", "them")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Quote marks. Straight marks take their role from their context; curly ones
// prefer the role their shape says but yield to a clear context, so that a
// quote opened straight and closed curly, or opened with a closing mark glued
// to a colon (`said:”We`), still pairs.
func isDoubleMark(s string) bool {
	switch s {
	case "\"", "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb", "\u2033", "''":
		return true
	}
	return false
}

func isSingleMark(s string) bool {
	switch s {
	case "'", "\u2018", "\u2019", "\u201a", "\u201b", "\u2039", "\u203a":
		return true
	}
	return false
}

// glyphRole is +1 for marks shaped as openers, -1 for closers, 0 for straight.
func glyphRole(s string) int {
	switch s {
	case "\u201c", "\u201e", "\u201f", "\u00ab", "\u2018", "\u201a", "\u201b", "\u2039":
		return +1
	case "\u201d", "\u00bb", "\u2019", "\u203a":
		return -1
	}
	return 0
}

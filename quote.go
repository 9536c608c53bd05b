package claimgraph

// Quote kinds.
const (
	QuoteDirect   = "direct"   // words inside quotation marks
	QuoteIndirect = "indirect" // reported speech: "X said (that) ..."
	QuoteMixed    = "mixed"    // reported speech with a quoted fragment
)

// Attribution kinds: what a source is said to have done with the content.
const (
	AttrSpeech     = "speech"     // said, told, added, according to
	AttrWriting    = "writing"    // wrote, tweeted, published
	AttrBelief     = "belief"     // believes, thinks, knows, fears, expects
	AttrIntention  = "intention"  // wants, plans, intends, hopes, promises
	AttrFinding    = "finding"    // a poll shows, emails reveal, the report found
	AttrAccusation = "accusation" // accused X of, alleged, blamed, charged
	AttrDenial     = "denial"     // denied, rejected, dismissed
	AttrDemand     = "demand"     // called for, urged, demanded, called on X to
	AttrQuestion   = "question"   // asked, wondered, questioned
	AttrOther      = "other"      // any other verb with a that-clause ("ruled that", "learned that")
)

// Factuality of a claim or attribution: how its source presents it. Only
// asserted and reported statements can support a claim; a denied or negated
// one contradicts it; the others neither support nor contradict.
// FactAsserted (stated as fact in the document's own voice), FactNegated
// (stated not to be the case, "did not meet") and FactPossible (modal or
// hedged, "may have", "reportedly", "likely") are declared with the export
// values in export.go.
const (
	FactReported    = "reported"    // stated as fact by a source other than the outlet
	FactConditional = "conditional" // under a condition ("if X wins, ...")
	FactQuestion    = "question"    // asked, including embedded ("whether X ...")
	FactProposed    = "proposed"    // planned, proposed, demanded ("ban X from entering", "call for")
	FactDenied      = "denied"      // denied by its source ("denied that X ...")
)

// Supports reports whether a statement of this factuality counts as
// support for its claim: asserted or reported, never a question, a
// proposal, a condition, a possibility or a denial.
func Supports(factuality string) bool {
	return factuality == FactAsserted || factuality == FactReported || factuality == ""
}

// Contradicts reports whether a statement of this factuality counts
// against the affirmative claim: a denial or a negation.
func Contradicts(factuality string) bool {
	return factuality == FactDenied || factuality == FactNegated
}

// Stance folds a statement's factuality and negation into the classes
// corroboration compares: FactAsserted (asserted or reported), FactNegated
// (negated or denied), or the factuality itself (question, proposed,
// conditional, possible), which supports nothing. Statements agree only
// within one stance. A claim stored without a factuality counts by its
// negation alone.
func Stance(factuality string, negated bool) string {
	switch {
	case Contradicts(factuality) || negated && Supports(factuality):
		return FactNegated
	case Supports(factuality):
		return FactAsserted
	}
	return factuality
}

// TextSpan is a span of a document with its text.
type TextSpan struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Speaker is who a quote or claim is attributed to.
type Speaker struct {
	Name       string  `json:"name"`       // resolved entity's canonical name, "" when unknown
	Text       string  `json:"text"`       // the speaker span as written ("he", "the defected member")
	Start      int     `json:"start"`      //
	End        int     `json:"end"`        //
	Mention    int     `json:"-"`          // index into the document's mentions, -1 when none
	Entity     int64   `json:"entity"`     // resolved entity id, 0 when unresolved
	Type       string  `json:"type"`       // PER, ORG, ... when known
	Confidence float64 `json:"confidence"` // in [0,1]; pronoun resolution lowers it
}

// Quote is an attribution in a document: content attributed to a source
// by a cue, spoken or not ("X said", "a poll shows", "X wants to").
type Quote struct {
	ID   int64  `json:"id,omitempty"`
	Doc  string `json:"doc"`
	Kind string `json:"kind"` // the form: direct, indirect or mixed
	// Attribution is what the source did (AttrSpeech, AttrBelief, ...).
	Attribution string `json:"attribution,omitempty"`
	// Factuality is how the content is presented by the attribution:
	// reported for speech, writing, belief and finding; proposed for an
	// intention or a demand; denied; question.
	Factuality string   `json:"factuality,omitempty"`
	Content    TextSpan `json:"content"` // the whole content, first fragment to last
	// Fragments are the content's pieces when it is interrupted (`"A," she
	// said, "B."` is one quote with fragments A and B); nil when the
	// content is one piece.
	Fragments []TextSpan `json:"fragments,omitempty"`
	Speaker   *Speaker   `json:"speaker"` // nil when no speaker could be found: explicitly unknown
	Cue       TextSpan   `json:"cue"`     // reporting verb phrase ("said", "was quoted by ... as saying")
	CueLemma  string     `json:"cue_lemma"`
	Via       string     `json:"via,omitempty"` // the outlet or person it was relayed through ("Al-Masalah")
	ViaSpan   *TextSpan  `json:"via_span,omitempty"`
}

// Claim is a subject–relation–object statement with the voice it was made in.
type Claim struct {
	ID            int64     `json:"id,omitempty"`
	Doc           string    `json:"doc"`
	Subject       TextSpan  `json:"subject"`
	SubjectEntity int64     `json:"subject_entity,omitempty"`
	Relation      TextSpan  `json:"relation"`
	RelationLemma string    `json:"relation_lemma"`
	Object        TextSpan  `json:"object"`
	ObjectEntity  int64     `json:"object_entity,omitempty"`
	Evidence      TextSpan  `json:"evidence"` // the sentence or clause it came from
	Quote         int       `json:"-"`        // index of the quote it came from in its document, -1 for the document's own voice
	Speaker       *Speaker  `json:"speaker"`  // nil: the document's own voice (its outlet and author)
	Via           string    `json:"via,omitempty"`
	Cue           *TextSpan `json:"cue,omitempty"`
	Hedges        []string  `json:"hedges"` // "reportedly", "allegedly", "so-called", ...
	// Factuality is how the claim is presented (FactAsserted, ...): the
	// strongest frame around it, its own negation, modality or condition, or
	// its attribution's (a claim inside "X denied that ..." is denied).
	Factuality string  `json:"factuality"`
	Negated    bool    `json:"negated"`  //
	Modality   string  `json:"modality"` // "", "may", "might", "could", "should", "would", "will", "must"
	Time       int     `json:"-"`        // index of a time expression in its document, -1 when none
	Confidence float64 `json:"confidence"`
}

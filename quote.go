package claimgraph

// Quote kinds.
const (
	QuoteDirect   = "direct"   // words inside quotation marks
	QuoteIndirect = "indirect" // reported speech: "X said (that) ..."
	QuoteMixed    = "mixed"    // reported speech with a quoted fragment
)

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

// Quote is speech attributed to a speaker in a document.
type Quote struct {
	ID      int64    `json:"id,omitempty"`
	Doc     string   `json:"doc"`
	Kind    string   `json:"kind"`
	Content TextSpan `json:"content"` // the whole content, first fragment to last
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
	Hedges        []string  `json:"hedges"`   // "reportedly", "allegedly", "so-called", ...
	Negated       bool      `json:"negated"`  //
	Modality      string    `json:"modality"` // "", "may", "might", "could", "should", "would", "will", "must"
	Time          int       `json:"-"`        // index of a time expression in its document, -1 when none
	Confidence    float64   `json:"confidence"`
}

package claimgraph

// Entity types. NER produces PER, ORG, LOC (and MISC where a model knows it).
const (
	TypePER  = "PER"
	TypeORG  = "ORG"
	TypeLOC  = "LOC"
	TypeMISC = "MISC"
)

// Mention kinds: how a mention names its entity.
const (
	MentionName        = "name"        // a proper name: "Nouri al-Maliki", "Maliki"
	MentionAcronym     = "acronym"     // "MKO", "PMOI"
	MentionDescription = "description" // "the defected member of the terrorist group"
	MentionPronoun     = "pronoun"     // "he", "they"
)

// Mention is one span of a document that names or refers to an actor.
// Mentions are the bottom layer of the graph: merges and renames happen in the
// entity layer above and never rewrite a mention.
type Mention struct {
	ID         int64   `json:"id,omitempty"`
	Doc        string  `json:"doc"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`             // exactly Text[Start:End] of the document
	Type       string  `json:"type"`             // PER, ORG, LOC, MISC
	Kind       string  `json:"kind"`             // name, acronym, description, pronoun
	Name       string  `json:"name"`             // the name it stands for in its document: title-stripped, possessive-stripped, chain head
	Chain      int     `json:"chain"`            // index of its within-document chain (same value = same actor in this document)
	Ambiguous  bool    `json:"ambiguous"`        // a bare surname shared by two people in scope, not guessed
	Confidence float64 `json:"confidence"`       // in [0,1]
	Entity     int64   `json:"entity,omitempty"` // resolved entity id, 0 before resolution
}

// Entity is an actor across documents: a person, an organization, a place.
type Entity struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"` // canonical name
	Type     string  `json:"type"`
	Aliases  []Alias `json:"aliases"`
	Mentions int     `json:"mentions"` // number of mentions resolved to it
	Docs     int     `json:"docs"`     // number of documents it is mentioned in
}

// Alias sources: who says that a name belongs to an entity.
const (
	AliasMention  = "mention"  // the name occurs as a mention resolved to the entity
	AliasAsserted = "asserted" // a document asserts it ("X, also known as Y")
	AliasRule     = "rule"     // a named resolution rule joined it (transliteration key, acronym)
	AliasUser     = "user"     // a user's curated decision (command or aliases file)
	// AliasRejected is a document's assertion that a user's split refused
	// ("Islamic State, also known as ... Trump"): kept with its evidence so
	// the decision can be read and undone, never a name to find the entity by.
	AliasRejected = "rejected"
)

// Alias is one name an entity goes by, with its provenance.
type Alias struct {
	Name     string `json:"name"`
	Source   string `json:"source"`             // mention, asserted, rule, user
	Rule     string `json:"rule,omitempty"`     // the rule's name for rule aliases, the pattern for asserted ones
	Doc      string `json:"doc,omitempty"`      // the asserting document
	Start    int    `json:"start,omitempty"`    // evidence span in Doc
	End      int    `json:"end,omitempty"`      //
	Evidence string `json:"evidence,omitempty"` // the quoted evidence text
	// Region is the kind of region the evidence lies in when that is not
	// the document's main text ("boilerplate" for a site's sidebar), so a
	// reader sees that the name comes from around the article, not from it.
	Region RegionKind `json:"region,omitempty"`
}

// AliasAssertion is a document's statement that two names denote one actor,
// found by a pattern such as "X (ABC)" or "X, also known as Y".
type AliasAssertion struct {
	Doc      string `json:"doc"`
	Name     string `json:"name"`    // the name asserted first ("MKO")
	Alias    string `json:"alias"`   // the other name ("MEK")
	Type     string `json:"type"`    // entity type of Name when known
	Pattern  string `json:"pattern"` // which pattern: "parenthesis", "also-known-as", "formerly-known-as", "aka", "dubbed", "known-in"
	Start    int    `json:"start"`   // evidence span
	End      int    `json:"end"`
	Evidence string `json:"evidence"`
}

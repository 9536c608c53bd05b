// Package nlp tokenizes text, splits sentences, tags parts of speech and
// recognizes named entities, with byte offsets into the original text. Its
// models are trained by the project's own code (pos.go, ner.go, gazetteer.go;
// "claimgraph train") and embedded (models/README.md).
package nlp

// Token is one token with its byte span in the analysed text.
type Token struct {
	Start int    `json:"start"` // byte offset of the first byte
	End   int    `json:"end"`   // byte offset after the last byte
	Text  string `json:"text"`  // exactly text[Start:End]
	POS   string `json:"pos"`   // Universal POS tag (UPOS) once tagged, "" before
	Lemma string `json:"lemma"` // lower-case lemma once tagged ("said" -> "say"), "" before
}

// Sentence is a sentence as a half-open range of tokens and of bytes.
type Sentence struct {
	Start int `json:"start"` // byte span
	End   int `json:"end"`
	First int `json:"first"` // token index range [First, Limit)
	Limit int `json:"limit"`
}

// Entity is a named-entity span as a half-open range of tokens and of bytes.
type Entity struct {
	Start      int     `json:"start"` // byte span
	End        int     `json:"end"`
	First      int     `json:"first"` // token index range [First, Limit)
	Limit      int     `json:"limit"`
	Type       string  `json:"type"` // PER, ORG, LOC
	Text       string  `json:"text"` // exactly text[Start:End]
	Confidence float64 `json:"confidence"`
}

// Analysis is the result of analysing one text.
type Analysis struct {
	Text      string     `json:"text"`
	Tokens    []Token    `json:"tokens"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Entity   `json:"entities"`
}

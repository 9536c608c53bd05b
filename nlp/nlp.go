// Package nlp tokenizes text, splits sentences, tags parts of speech and
// recognizes named entities, with byte offsets into the original text. Its
// models are trained by the project's own code (see train.go) and embedded.
package nlp

// Token is one token with its byte span in the analysed text.
type Token struct {
	Start int    // byte offset of the first byte
	End   int    // byte offset after the last byte
	Text  string // exactly text[Start:End]
	POS   string // Universal POS tag (UPOS) once tagged, "" before
	Lemma string // lower-case lemma once tagged ("said" -> "say"), "" before
}

// Sentence is a sentence as a half-open range of tokens and of bytes.
type Sentence struct {
	Start, End   int // byte span
	First, Limit int // token index range [First, Limit)
}

// Entity is a named-entity span as a half-open range of tokens and of bytes.
type Entity struct {
	Start, End   int    // byte span
	First, Limit int    // token index range [First, Limit)
	Type         string // PER, ORG, LOC
	Text         string // exactly text[Start:End]
	Confidence   float64
}

// Analysis is the result of analysing one text.
type Analysis struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
	Entities  []Entity
}

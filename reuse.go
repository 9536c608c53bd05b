package claimgraph

// ReusePair links two documents that share text: a near-duplicate, an excerpt,
// or a copied passage. DocA == DocB for a passage repeated inside one document.
type ReusePair struct {
	DocA        string    `json:"doc_a"`
	DocB        string    `json:"doc_b"`
	Similarity  float64   `json:"similarity"`  // estimated Jaccard resemblance of shingle sets
	Containment float64   `json:"containment"` // share of the smaller document's shingles found in the other
	Passages    []Passage `json:"passages"`
}

// Passage is one aligned pair of spans.
type Passage struct {
	AStart int     `json:"a_start"`
	AEnd   int     `json:"a_end"`
	BStart int     `json:"b_start"`
	BEnd   int     `json:"b_end"`
	AText  string  `json:"a_text"`
	BText  string  `json:"b_text"`
	Score  float64 `json:"score"` // share of aligned words that match, in [0,1]
}

package claimgraph

import "context"

// Analysis is everything extracted from one document. It is committed
// atomically with the document it belongs to.
type Analysis struct {
	Mentions []Mention        `json:"mentions"`
	Aliases  []AliasAssertion `json:"aliases"`
	Quotes   []Quote          `json:"quotes"`
	Claims   []Claim          `json:"claims"`
	Times    []TimeExpr       `json:"times"`
	// Reuse holds the pairs this document forms with documents stored
	// before it (DocB is this document), and the pairs repeated inside it.
	Reuse []ReusePair `json:"reuse,omitempty"`
	// MinHash is the document's MinHash signature (binary) and Bands its LSH
	// band keys, stored so later documents find it without a rescan.
	MinHash []byte   `json:"-"`
	Bands   []uint64 `json:"-"`
	// Analyzer names the analysis version (models and rules), so that a
	// store can tell which documents an upgraded analyzer should redo.
	Analyzer string `json:"analyzer"`
}

// DocumentFilter selects documents in a listing.
type DocumentFilter struct {
	Outlet string
	Offset int
	Limit  int // 0: no limit
}

// DocumentStore keeps documents and their analyses.
type DocumentStore interface {
	// PutDocument stores a document with its analysis in one transaction.
	// It returns false and changes nothing when a document with the same ID
	// is already stored.
	PutDocument(ctx context.Context, doc *Document, a *Analysis) (created bool, err error)
	// HasDocument reports whether a document with this ID is stored.
	HasDocument(ctx context.Context, id string) (bool, error)
	// Document returns the document with this ID (or unique ID prefix) with
	// its regions; an ENOTFOUND error when there is none.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents lists documents without their text and raw bytes, ordered by
	// first ingest.
	Documents(ctx context.Context, f DocumentFilter) ([]*Document, error)
	// Analysis returns the stored analysis of a document; ENOTFOUND when the
	// document is not stored.
	Analysis(ctx context.Context, id string) (*Analysis, error)
}

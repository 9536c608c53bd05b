package claimgraph

import (
	"context"
	"time"
)

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
	// Shingles is the document's shingle set as reuse.EncodeSet32 writes
	// it, stored so later documents compare with it without reading and
	// tokenizing its text.
	Shingles []byte `json:"-"`
	// Analyzer names the analysis version (models and rules), so that a
	// store can tell which documents an upgraded analyzer should redo.
	Analyzer string `json:"analyzer"`
}

// DocumentFilter selects documents in a listing.
type DocumentFilter struct {
	Outlet string
	Sort   string // "" ingest order, "date" oldest first, "-date" newest first (undated last)
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

// Decision is one curated entity decision (merge, split, rename, type) in
// the aliases-file format, in the order it was made. Stores keep the lines
// as given; the resolver parses and applies them.
type Decision struct {
	Seq       int64     `json:"seq"`
	Line      string    `json:"line"`
	CreatedAt time.Time `json:"created_at"`
}

// Store is a whole claimgraph store: the read side, the derived layers
// written after a batch, and the curated decisions. The SQLite file and the
// PostgreSQL database both implement it; the command line and the server
// reach a store only through it.
type Store interface {
	QueryStore
	Close() error
	// BeginBatch starts a group commit: several documents in one
	// transaction, each still all-or-nothing.
	BeginBatch(ctx context.Context) (Batch, error)
	// CountDocuments returns the number of stored documents.
	CountDocuments(ctx context.Context) (int, error)
	// SetDocumentDate records a document's date and where it came from, and
	// replaces the values of its time expressions (matched by id).
	SetDocumentDate(ctx context.Context, id, date, source string, times []TimeExpr) error
	// ReplaceAnalysis replaces a stored document's regions and analysis in
	// one transaction (site boilerplate learned later).
	ReplaceAnalysis(ctx context.Context, id string, regions []Region, a *Analysis) error
	// OutletDocuments returns the most recent documents of an outlet (at
	// most limit), with text and regions.
	OutletDocuments(ctx context.Context, outlet string, limit int) ([]*Document, error)

	// EntitiesStale reports whether the entity layer must be recomputed.
	EntitiesStale(ctx context.Context) (bool, error)
	// AllMentions returns every mention ordered by document id and document
	// order, with the entity of the current layer.
	AllMentions(ctx context.Context) ([]Mention, error)
	// AllAliasAssertions returns every alias assertion in the same order.
	AllAliasAssertions(ctx context.Context) ([]AliasAssertion, error)
	// ReplaceEntities rewrites the entity layer in one transaction.
	ReplaceEntities(ctx context.Context, entities []Entity, mentionEntity map[int64]int64) error
	// RedirectEntities records absorbed entity ids and the entity each now
	// denotes (looked up by Entity when the id is gone).
	RedirectEntities(ctx context.Context, redirects map[int64]int64) error
	// EntityGeneration returns the store's generation, bumped in the
	// transaction of every write the entity layer depends on (documents,
	// analyses, decisions), and the generation the stored layer was
	// computed from: the layer is stale while they differ.
	EntityGeneration(ctx context.Context) (current, built int64, err error)
	// MarkEntitiesBuilt records the generation, read before its inputs,
	// that the layer just stored was computed from.
	MarkEntitiesBuilt(ctx context.Context, generation int64) error
	// LockEntities takes the lock under which one process at a time
	// recomputes the entity layer, across processes and machines; the
	// returned function releases it.
	LockEntities(ctx context.Context) (unlock func(), err error)
	// PendingOutlets returns the outlets whose site boilerplate must be
	// learned again (marked in the transaction of each of their
	// documents), with the version of each mark; DoneOutlet clears a mark
	// still at that version.
	PendingOutlets(ctx context.Context) (map[string]int64, error)
	DoneOutlet(ctx context.Context, outlet string, version int64) error

	AddDecision(ctx context.Context, line string) (int64, error)
	Decisions(ctx context.Context) ([]Decision, error)
	RemoveDecision(ctx context.Context, seq int64) error
	ReplaceDecisions(ctx context.Context, lines []string) error
}

// Batch is a group commit of documents (Store.BeginBatch). Each document
// put is all-or-nothing within it; Commit makes them all durable at once,
// and a process killed before Commit has stored none of them.
type Batch interface {
	PutDocument(ctx context.Context, doc *Document, a *Analysis) (created bool, err error)
	// Len returns the number of documents put so far.
	Len() int
	Commit() error
	Rollback() error
}

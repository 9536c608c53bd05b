package claimgraph

import "context"

// The read side of the store: what the CLI, the JSON API and the web UI ask.
// Every result leads back to document spans.

// EntityFilter selects entities in a listing.
type EntityFilter struct {
	Type   string // PER, ORG, LOC, ... ("" any)
	Query  string // case-insensitive substring of any alias ("" any)
	Sort   string // "mentions" (default, most first), "docs", "name"
	Offset int
	Limit  int      // 0: no limit
	Docs   DocScope // only entities named in these documents
}

// EntityDoc counts an entity's mentions in one document.
type EntityDoc struct {
	Doc      string `json:"doc"`
	Title    string `json:"title"`
	Outlet   string `json:"outlet"`
	Date     string `json:"date"`
	Mentions int    `json:"mentions"`
}

// EntityCount is another entity with the number of documents shared.
type EntityCount struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Docs int    `json:"docs"`
}

// EntityDetail is an entity page: the entity with its aliases and their
// evidence, where it is mentioned, and who appears beside it.
type EntityDetail struct {
	Entity
	Documents   []EntityDoc   `json:"documents"`
	CoOccurring []EntityCount `json:"co_occurring"`
	Mentions    []Mention     `json:"mention_list"` // its mentions with their spans (first 500); the count is Entity.Mentions
	Ambiguous   []Mention     `json:"ambiguous,omitempty"`
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker string // entity name, alias or id of the speaker ("" any)
	About   string // entity name, alias or id mentioned in the content ("" any)
	Doc     string // document id ("" any)
	Docs    DocScope
	Offset  int
	Limit   int
}

// DocScope narrows a listing to documents of one outlet and publication
// dates in a range. From and To are date prefixes (2015, 2015-11,
// 2015-11-13), both inclusive; undated documents fall outside any range.
type DocScope struct {
	Outlet string
	From   string
	To     string
}

// Empty reports whether the scope selects every document.
func (s DocScope) Empty() bool { return s.Outlet == "" && s.From == "" && s.To == "" }

// QuoteView is a quote with the document it is in.
type QuoteView struct {
	Quote
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
}

// ClaimFilter selects claim clusters.
type ClaimFilter struct {
	About  string // entity name, alias or id as subject or object ("" any)
	Doc    string
	Docs   DocScope
	Offset int
	Limit  int
	// MaxClaims lists at most this many claims of each cluster, the
	// earliest (0: all); ClaimCount says how many it has. A cluster of a
	// line repeated by every outlet has thousands.
	MaxClaims int
}

// ClaimView is one claim with its document and its source.
type ClaimView struct {
	Claim
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Author string `json:"author"`
	Date   string `json:"date"`
	Source string `json:"source"` // who the claim rests on: the speaker's entity name, or "outlet:NAME" / "document:ID" for a document's own voice
}

// ClaimCluster is one subject–relation–object across documents, with the
// number of independent sources behind it: a speaker counts once however
// many articles repeat them, a document's own voice counts as its outlet, and
// documents in one reuse cluster count once.
type ClaimCluster struct {
	Key           string   `json:"key"`
	Subject       string   `json:"subject"`
	SubjectEntity int64    `json:"subject_entity,omitempty"`
	Relation      string   `json:"relation"` // normalized lemma
	Object        string   `json:"object"`
	ObjectEntity  int64    `json:"object_entity,omitempty"`
	Sources       int      `json:"sources"` // independent sources that support it; 0 for questions, proposals, conditions, possibilities
	SourceNames   []string `json:"source_names"`
	// Stance is how the cluster's statements present the claim: asserted
	// (asserted or reported), negated (negated or denied), or the
	// factuality they share (question, proposed, conditional, possible).
	Stance string `json:"stance"`
	// ContradictedBy names the independent sources of the opposite stance
	// (the denials of an asserted claim, and the other way round).
	ContradictedBy []string    `json:"contradicted_by"`
	Docs           int         `json:"docs"`
	ClaimCount     int         `json:"claim_count"` // claims in the cluster; Claims may list fewer (ClaimFilter.MaxClaims)
	Claims         []ClaimView `json:"claims"`
	Chain          []string    `json:"chain,omitempty"` // documents of copied text, oldest first
}

// SearchHit is one document matching a full-text search.
type SearchHit struct {
	Doc     string  `json:"doc"`
	Title   string  `json:"title"`
	Outlet  string  `json:"outlet"`
	Date    string  `json:"date"`
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// GraphQuery asks for the neighbourhood of an entity.
type GraphQuery struct {
	Entity     int64
	Depth      int      // 1 or 2
	EdgeKinds  []string // "claim", "cooccur" (nil: both)
	MinSources int      // drop edges with fewer independent sources
	MaxNodes   int      // cap; Truncated says when it cut
	// Docs counts only the documents of an outlet and a range of
	// publication dates: an edge stands on the claims and shared documents
	// in scope, and an entity with none around the center drops out.
	Docs DocScope
}

// GraphNode is an entity in a graph.
type GraphNode struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
}

// GraphEdge links two entities by claims or by co-occurrence.
type GraphEdge struct {
	Source  int64  `json:"source"`
	Target  int64  `json:"target"`
	Kind    string `json:"kind"`  // "claim" or "cooccur"
	Label   string `json:"label"` // the relation for claims
	Sources int    `json:"sources"`
	Docs    int    `json:"docs"`
}

// Graph is an entity neighbourhood.
type Graph struct {
	Nodes     []GraphNode `json:"nodes"`
	Edges     []GraphEdge `json:"edges"`
	Truncated bool        `json:"truncated"`
	Message   string      `json:"message,omitempty"`
}

// EdgeEvidence is what stands behind an edge between two entities.
type EdgeEvidence struct {
	Claims    []ClaimView `json:"claims"`
	Sentences []Evidence  `json:"sentences"` // co-occurrence: sentences naming both
	// Documents naming both, the earliest first (at most 50): the evidence
	// of a co-occurrence whose two names never share a sentence. Mentions
	// counts the two entities' mentions in the document.
	Documents []EntityDoc `json:"documents"`
}

// Evidence is a quoted span of a document.
type Evidence struct {
	Doc   string `json:"doc"`
	Title string `json:"title"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// TimelineQuery selects timeline entries.
type TimelineQuery struct {
	Entity string // name, alias or id ("" any)
	From   string // TIMEX3 value prefix bounds, inclusive ("" open)
	To     string
	Docs   DocScope // the documents the entries come from
	Offset int
	Limit  int
}

// TimelineEntry is a dated piece of evidence: a claim, a quote, or a sentence
// naming an entity and a date.
type TimelineEntry struct {
	Value     string   `json:"value"`     // TIMEX3 value
	Precision string   `json:"precision"` // day, month, year, decade, ...
	Kind      string   `json:"kind"`      // claim, quote, sentence
	Time      TimeExpr `json:"time"`
	Evidence  Evidence `json:"evidence"`
	Entities  []string `json:"entities"`
	Speaker   string   `json:"speaker,omitempty"`
}

// ReuseFilter selects reuse pairs.
type ReuseFilter struct {
	Doc    string
	Min    float64 // minimum of similarity and containment's larger value
	Offset int
	Limit  int
}

// QueryStore answers the questions users ask of the graph. Methods return an
// ENOTFOUND error when the thing asked for by name or id does not exist, and
// empty lists (not errors) when nothing matches a filter.
type QueryStore interface {
	DocumentStore
	Entities(ctx context.Context, f EntityFilter) ([]Entity, error)
	// Entity finds an entity by id, canonical name or alias (case-insensitive).
	Entity(ctx context.Context, ref string) (*EntityDetail, error)
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteView, error)
	Claims(ctx context.Context, f ClaimFilter) ([]ClaimCluster, error)
	Search(ctx context.Context, q string, offset, limit int) ([]SearchHit, error)
	Graph(ctx context.Context, q GraphQuery) (*Graph, error)
	Edge(ctx context.Context, a, b int64) (*EdgeEvidence, error)
	Timeline(ctx context.Context, q TimelineQuery) ([]TimelineEntry, error)
	Reuse(ctx context.Context, f ReuseFilter) ([]ReusePair, error)
	// Outlets lists the outlets of the stored documents with their counts,
	// most documents first; DateRange the earliest and latest publication
	// dates ("" when no document is dated).
	Outlets(ctx context.Context) ([]OutletCount, error)
	DateRange(ctx context.Context) (from, to string, err error)
}

// OutletCount is an outlet with the number of its documents.
type OutletCount struct {
	Outlet string `json:"outlet"`
	Docs   int    `json:"docs"`
}

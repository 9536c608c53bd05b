package claimgraph

import "context"

// The export side of the store: the rows an export writes (GraphML, GEXF,
// CSV, FollowTheMoney, JSON-LD, JSON Lines), streamed one at a time so an
// export of a large store runs in constant memory. Every row keeps the
// document and byte span it came from.

// ExportFilter selects what an export holds. The zero value selects the
// whole store.
type ExportFilter struct {
	// Entity (a name, alias or id) keeps its neighbourhood: the entities
	// linked to it by claims or shared documents to Depth steps (1 or 2;
	// 0 means 1), and the documents that mention them.
	Entity string
	Depth  int
	// Type keeps the entities of one type (PER, ORG, LOC, MISC) and the
	// documents that mention them.
	Type string
	// Outlet keeps the documents of one outlet.
	Outlet string
	// From and To keep the documents dated within [From, To], compared as
	// ISO prefixes ("2013" to "2014-06" includes every day of both);
	// undated documents are left out when either is set.
	From, To string
	// MinSources drops graph edges with fewer independent sources (and,
	// with Entity, stops the neighbourhood at them).
	MinSources int
}

// Narrows reports whether the filter keeps only some entities, so that
// mentions, quotes and claims are kept only when they involve one of them.
func (f ExportFilter) Narrows() bool { return f.Entity != "" || f.Type != "" }

// ExportEntity is an entity with the dates of the first and last selected
// documents naming it ("" when none is dated).
type ExportEntity struct {
	Entity
	First string `json:"first"`
	Last  string `json:"last"`
}

// Edge kinds of an exported graph.
const (
	EdgeClaim     = "claim"   // subject → object of a claim cluster
	EdgeQuote     = "quote"   // speaker → an entity named inside the quote
	EdgeCoMention = "cooccur" // two entities named in one document (undirected)
)

// ExportEdge is one edge between two entities over the exported documents:
// a claim cluster, the quotes of a speaker about an entity, or the
// documents naming both. Docs and Items lead back to the evidence: the
// claim and quote rows of the same export carry their byte spans, and for
// co-mentions the mention rows of each document in Docs do.
type ExportEdge struct {
	Source   int64  `json:"source"`
	Target   int64  `json:"target"`
	Kind     string `json:"kind"`
	Label    string `json:"label"` // the relation for claims ("not ..." for a denial), "quoted about", "co-mentioned"
	Directed bool   `json:"directed"`
	// Weight is the number of claims, quotes or shared documents.
	Weight int `json:"weight"`
	// Sources is the number of independent sources: for claims counted as
	// the claims listing counts them (a speaker once, a document's own
	// voice as its outlet, copies of one text once); for quotes and
	// co-mentions the distinct outlets (or documents without one).
	Sources     int      `json:"sources"`
	SourceNames []string `json:"source_names,omitempty"`
	Docs        []string `json:"docs"`
	First       string   `json:"first"` // earliest document date among Docs, "" when none is dated
	Last        string   `json:"last"`
	// Factuality lists the distinct factuality values of a claim edge's
	// claims (ClaimFactuality), so an allegation stays one on the edge.
	Factuality []string `json:"factuality,omitempty"`
	Hedges     []string `json:"hedges,omitempty"`
	// Cues are the distinct reporting verbs of a claim or quote edge
	// ("said", "denied", "according to").
	Cues []string `json:"cues,omitempty"`
	// Items are the ids of the claims or quotes behind the edge.
	Items []int64 `json:"items,omitempty"`
}

// ExportSelection streams the rows of one export. Each method calls fn once
// per row in a stable order (documents in ingest order, per-document rows by
// document and position), without holding the selection in memory; an error
// from fn stops the walk and is returned.
type ExportSelection interface {
	// Documents without Text and Raw (Bytes is set).
	Documents(ctx context.Context, fn func(*Document) error) error
	// Entities named in the selected documents, by id, with their aliases
	// and evidence; Mentions and Docs count within the selection.
	Entities(ctx context.Context, fn func(*ExportEntity) error) error
	// Mentions of the selected documents (of selected entities only when
	// the filter narrows the entities), with Entity set (0: unresolved).
	Mentions(ctx context.Context, fn func(*Mention) error) error
	// Quotes whose speaker or content names a selected entity.
	Quotes(ctx context.Context, fn func(*QuoteView) error) error
	// Claims whose subject, object or speaker is a selected entity, with
	// SubjectEntity and ObjectEntity from the entity layer and Source set.
	Claims(ctx context.Context, fn func(*ClaimView) error) error
	Times(ctx context.Context, fn func(*TimeExpr) error) error
	// Reuse pairs between two selected documents.
	Reuse(ctx context.Context, fn func(*ReusePair) error) error
	// Edges among the selected entities: claim edges, then quote edges,
	// then co-mention edges, each ordered by source and target.
	Edges(ctx context.Context, fn func(*ExportEdge) error) error
	// Text returns the original text of a document, for exporters that
	// give character offsets beside byte offsets; ENOTFOUND when absent.
	Text(ctx context.Context, doc string) (string, error)
	// Close releases the selection.
	Close() error
}

// ExportStore opens selections for export. ENOTFOUND when Entity names no
// entity, EINVALID for a bad depth.
type ExportStore interface {
	Export(ctx context.Context, f ExportFilter) (ExportSelection, error)
}

// Factuality values of a claim: how the document commits to it.
const (
	FactAsserted = "asserted" // stated plainly (by its source)
	FactNegated  = "negated"  // denied: "X did not ..."
	FactHedged   = "hedged"   // "reportedly", "allegedly", "so-called"
	FactPossible = "possible" // a modal of possibility or prediction: may, might, could, would, will, should, must
)

// ClaimFactuality returns how a claim is stated: negated first (a denial
// with a hedge is still a denial), then hedged, then modal, else asserted.
// Who it rests on (the speaker, or the document's outlet) is the claim's
// source, kept beside it in every export.
func ClaimFactuality(c *Claim) string {
	if c.Factuality != "" {
		// Recorded by the claim extractor (analysis-12 and later): its
		// frame and its attribution's (reported, denied, question, ...).
		return c.Factuality
	}
	switch {
	case c.Negated:
		return FactNegated
	case len(c.Hedges) > 0:
		return FactHedged
	case c.Modality != "":
		return FactPossible
	}
	return FactAsserted
}

// Package claimgraph holds the domain model of claimgraph: a provenance-first
// knowledge graph built from news articles.
//
// The pipeline reads articles (txt, html, jsonl, warc, directories, stdin),
// keeps their original text, marks regions of it (main text, boilerplate,
// repeated passages, footnotes, bylines), analyses the main text (tokens,
// sentences, part of speech, named entities), extracts aliases, quotes,
// claims and time expressions, resolves mentions to entities across
// documents, relates documents by text reuse, and stores everything in one
// store (SQLite by default).
//
// Every extracted item carries byte offsets into the stored original text of
// its document. Layers above the mentions (entity merges, claim clusters,
// reuse clusters) refer to those spans and never rewrite them, so every line
// claimgraph shows leads back to the exact bytes of an article, and every
// claim keeps the voice it was made in: a speaker, a reporting verb, hedges,
// or the document's own voice.
//
// An attribution (Quote) is any content a source is said to have said,
// written, believed, intended, found, alleged, denied or demanded, as one or
// more fragments. A claim carries a factuality: asserted in the outlet's
// voice, reported by a source, negated, possible, conditional, a question, a
// proposal or a denial, from its own clause or the attribution around it.
// Corroboration counts independent sources only among statements of one
// stance (see Stance): questions, proposals, conditions and possibilities
// support nothing, and denials count against.
//
// Packages named after a technology (sqlite, httpapi) or a stage (ingest, nlp,
// extract/..., resolve, reuse, eval) import only this root package and each
// other's plain types; cmd/claimgraph wires them together.
package claimgraph

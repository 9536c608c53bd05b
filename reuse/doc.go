// Package reuse finds text shared between documents and inside one document:
// near-duplicate articles and excerpts (MinHash signatures over word
// shingles, LSH bands, exact verification), aligned passages with byte
// offsets on both sides, passages repeated inside one article, boilerplate
// blocks an outlet repeats across its pages, and clusters of documents that
// copy one another so that a claim found in ten copies counts as one source.
//
// The package has no storage of its own: an Index keeps signatures and band
// keys (MemIndex in memory; the SQLite store implements the same interface),
// and a TextSource gives back the text of a candidate for exact verification.
// Adding a document computes its signature, asks the index for documents that
// share a band key, filters them on the signatures, verifies the survivors
// exactly on their shingle sets and aligns their passages; it never scans the
// whole corpus.
package reuse

// Package reuse finds text shared between documents and inside one document:
// near-duplicate articles and excerpts (MinHash signatures over word
// shingles, LSH bands, exact verification), aligned passages with byte
// offsets on both sides, passages repeated inside one article, boilerplate
// blocks an outlet repeats across its pages, and clusters of documents that
// copy one another so that a claim found in ten copies counts as one source.
//
// # Finding copies incrementally
//
// A Detector turns a document's main text into the set of its word 5-grams
// (Shingles never span two main regions), signs it with 128 MinHash values
// (Signer) and cuts the signature into 64 bands of two values. The Index
// returns the documents that share a band key; the detector drops those whose
// containment estimated from the two signatures is below MinEstimate, then
// compares the rest exactly on their shingle sets (read back through a
// TextSource) and keeps pairs whose containment — the share of the smaller
// document's shingles found in the larger — reaches MinContainment. An
// excerpt of 30% of an article has resemblance 0.3 and containment 1; two
// bands of two rows find a resemblance of 0.3 with probability 0.998. Each
// kept pair gets its passages from Align. Adding a document never scans the
// corpus: its cost is the signature plus its candidates.
//
// # What a store provides
//
// The store implements Index with two tables:
//
//	reuse_band(key INTEGER, doc TEXT)        -- one row per band key (64 per document); index on key
//	reuse_sig(doc TEXT PRIMARY KEY, sig BLOB, shingles INTEGER) -- Signature.MarshalBinary
//
// Candidates is one query: the distinct docs of reuse_band rows whose key is
// among the new document's keys, joined to reuse_sig. The TextSource reads a
// stored document and returns MainText(doc). Find computes without writing,
// so the ingest transaction can store the document, its band keys, its
// signature and the pairs (claimgraph.ReusePair with their passages) in one
// commit; Add is Find followed by Index.Add for callers without a
// transaction. The signature's hash functions are fixed by a constant seed:
// signatures stored by one build are valid for the next unless Options
// change (ShingleWords, Hashes, Rows), which requires recomputing them.
//
// # Inside one document, across one outlet
//
// Repeats aligns a text with itself and returns each passage that occurs
// again later (B is the later occurrence: the cleaner marks it "repeated").
// Boilerplate counts, per outlet, the lines of main text that recur across
// distinct documents and marks those above conservative thresholds, each
// with a Why naming the count and share. Clusters joins pairs into reuse
// clusters (union-find) with their chain ordered by publication date, and
// Independent counts a list of documents as independent sources.
package reuse

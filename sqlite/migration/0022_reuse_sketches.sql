-- Reuse detection's per-document rows keyed by the document's seq, so that
-- they are appended in ingest order and a candidate found in lsh_keys (by
-- seq) is read in one lookup:
--
-- reuse_sketches replaces minhash (keyed by the 64-character id): a
-- candidate's id and signature were read through documents (its row, by
-- seq, for the id; 0.6 ms a new document at 100k documents) and then
-- minhash's index on the id.
--
-- reuse_shingles holds each document's set of word 5-gram hashes (the high
-- 32 bits of each, sorted, 4 bytes apiece, little-endian): a candidate is
-- compared with a new document on it instead of its text and regions being
-- read back and tokenized again (66 of the 152 CPU-seconds of reuse
-- detection at 100k documents). Documents stored before have no row:
-- their text is read.
CREATE TABLE reuse_sketches (
	seq INTEGER PRIMARY KEY,
	doc TEXT NOT NULL,
	sig BLOB NOT NULL
);
INSERT INTO reuse_sketches (seq, doc, sig) SELECT d.seq, d.id, h.sig FROM minhash h JOIN documents d ON d.id = h.doc ORDER BY d.seq;
DROP TABLE minhash;

CREATE TABLE reuse_shingles (
	seq    INTEGER PRIMARY KEY,
	hashes BLOB NOT NULL
);

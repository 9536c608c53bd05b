-- As SQLite's 0022: reuse detection's per-document rows keyed by the
-- document's seq (a candidate's id and signature in one lookup; its
-- shingle set, so that its text is not read and tokenized again).
CREATE TABLE reuse_sketches (
	seq bigint PRIMARY KEY,
	doc text COLLATE "C" NOT NULL,
	sig bytea NOT NULL
);
INSERT INTO reuse_sketches (seq, doc, sig) SELECT d.seq, d.id, h.sig FROM minhash h JOIN documents d ON d.id = h.doc;
DROP TABLE minhash;

CREATE TABLE reuse_shingles (
	seq    bigint PRIMARY KEY,
	hashes bytea NOT NULL
);

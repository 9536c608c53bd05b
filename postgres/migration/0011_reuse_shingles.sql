-- As SQLite's 0022: each document's shingle set, keyed by its seq, so that
-- reuse detection does not read and tokenize each candidate's text again.
CREATE TABLE reuse_shingles (
	seq    bigint PRIMARY KEY,
	hashes bytea NOT NULL
);

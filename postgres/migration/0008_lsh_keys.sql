-- As SQLite's 0019: the LSH band index keyed by the document's seq (a
-- bigint) instead of its 64-character id.
CREATE TABLE lsh_keys (
	band bigint NOT NULL,
	seq  bigint NOT NULL,
	PRIMARY KEY (band, seq)
);
INSERT INTO lsh_keys (band, seq) SELECT b.band, d.seq FROM lsh_bands b JOIN documents d ON d.id = b.doc;
DROP TABLE lsh_bands;

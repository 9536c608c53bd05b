-- The LSH band index keyed by the document's seq instead of its id: a row
-- is about 12 bytes instead of 75 (the id is a 64-character hash), so the
-- index a document's 64 band keys are written into and looked up in is a
-- sixth of the size (640,000 rows at 10k documents).
CREATE TABLE lsh_keys (
	band INTEGER NOT NULL,
	seq  INTEGER NOT NULL,
	PRIMARY KEY (band, seq)
) WITHOUT ROWID;
INSERT INTO lsh_keys (band, seq) SELECT b.band, d.seq FROM lsh_bands b JOIN documents d ON d.id = b.doc ORDER BY 1, 2;
DROP TABLE lsh_bands;

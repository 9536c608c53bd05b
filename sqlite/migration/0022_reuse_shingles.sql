-- Each document's set of word 5-gram hashes (the high 32 bits of each,
-- sorted, 4 bytes apiece, little-endian), keyed by the document's seq so
-- that rows are appended in ingest order. Reuse detection compares a new
-- document with each candidate's stored set instead of reading the
-- candidate's text and regions back and tokenizing it again (at 100k
-- documents that re-reading was 66 of 152 CPU-seconds of reuse
-- detection). Documents stored before have no row: their text is read.
CREATE TABLE reuse_shingles (
	seq    INTEGER PRIMARY KEY,
	hashes BLOB NOT NULL
);

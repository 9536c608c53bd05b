-- Search reads a narrow table of its own: (seq, tsvector), one row a
-- document, written by a trigger in the document's own transaction. A
-- common word's matches were all fetched from the documents heap (a wide
-- row each, a 4 GB table at 100k documents) only to read their seq before
-- the newest 2,000 were kept: 87 ms of 111 for a word in 31,632 documents
-- (EXPLAIN ANALYZE). The tsvector moves here rather than being stored twice.
CREATE TABLE document_search (
	seq bigint PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	fts tsvector NOT NULL
);
INSERT INTO document_search (seq, fts) SELECT seq, fts FROM documents ORDER BY seq;
CREATE INDEX document_search_fts ON document_search USING gin (fts);
DROP INDEX documents_fts;
ALTER TABLE documents DROP COLUMN fts;

-- Title words weigh more than text words; the text is indexed up to its
-- first 256 KiB (a tsvector holds at most 1 MB): as the generated column was.
CREATE FUNCTION document_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO document_search (seq, fts) VALUES (NEW.seq,
		setweight(to_tsvector('simple', NEW.title), 'A') || setweight(to_tsvector('simple', left(NEW.text, 262144)), 'B'))
	ON CONFLICT (seq) DO UPDATE SET fts = excluded.fts;
	RETURN NULL;
END
$$;
CREATE TRIGGER documents_search AFTER INSERT OR UPDATE OF title, text ON documents
	FOR EACH ROW EXECUTE FUNCTION document_search_row();

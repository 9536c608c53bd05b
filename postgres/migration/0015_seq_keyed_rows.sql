-- A document's regions and its analysis record are keyed by the document's
-- seq (ingest order) instead of its id (a content hash), as in SQLite's
-- migration 0025: keyed by id, each new document's rows went to a random
-- leaf of regions_doc and of analyses' primary key (each one a full-page
-- image in the WAL after every checkpoint); keyed by seq they append at
-- the right edge. Readers find a document's rows through documents(id) ->
-- seq. Nothing references these tables.
CREATE TABLE regions_seq (
	seq   bigint NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	kind  text COLLATE "C" NOT NULL,
	start bigint NOT NULL,
	"end" bigint NOT NULL,
	why   text COLLATE "C" NOT NULL DEFAULT ''
);
INSERT INTO regions_seq (seq, kind, start, "end", why)
	SELECT d.seq, r.kind, r.start, r."end", r.why FROM regions r JOIN documents d ON d.id = r.doc ORDER BY d.seq, r.start;
DROP TABLE regions;
ALTER TABLE regions_seq RENAME TO regions;
CREATE INDEX regions_seq_start ON regions(seq, start);

CREATE TABLE analyses_seq (
	seq      bigint PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	analyzer text COLLATE "C" NOT NULL
);
INSERT INTO analyses_seq (seq, analyzer)
	SELECT d.seq, a.analyzer FROM analyses a JOIN documents d ON d.id = a.doc ORDER BY d.seq;
DROP TABLE analyses;
ALTER TABLE analyses_seq RENAME TO analyses;
ALTER INDEX analyses_seq_pkey RENAME TO analyses_pkey;

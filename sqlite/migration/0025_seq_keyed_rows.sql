-- A document's regions and its analysis record are keyed by the document's
-- seq (ingest order) instead of its id (a content hash). Keyed by id, each
-- new document's rows went to a random leaf of regions_doc and of analyses'
-- primary key: at 100k documents a batch of 256 documents dirtied about
-- 230 pages of each (76 at 10k; WAL frames counted per index), written to
-- the WAL at its commit and again at the checkpoint. Keyed by seq they
-- append at the right edge of their B-trees. Readers find a document's
-- rows through documents(id) -> seq. Nothing references these tables, so
-- they are rebuilt in place.
CREATE TABLE regions_seq (
	seq   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	kind  TEXT NOT NULL,
	start INTEGER NOT NULL,
	end   INTEGER NOT NULL,
	why   TEXT NOT NULL DEFAULT ''
);
INSERT INTO regions_seq (seq, kind, start, end, why)
	SELECT d.seq, r.kind, r.start, r.end, r.why FROM regions r JOIN documents d ON d.id = r.doc ORDER BY d.seq, r.rowid;
DROP TABLE regions;
ALTER TABLE regions_seq RENAME TO regions;
CREATE INDEX regions_seq_start ON regions(seq, start);

CREATE TABLE analyses_seq (
	seq      INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	analyzer TEXT NOT NULL
);
INSERT INTO analyses_seq (seq, analyzer)
	SELECT d.seq, a.analyzer FROM analyses a JOIN documents d ON d.id = a.doc ORDER BY d.seq;
DROP TABLE analyses;
ALTER TABLE analyses_seq RENAME TO analyses;

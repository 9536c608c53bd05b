-- Which quotes each entity speaks (role 0) and is named in (role 1), in
-- publication order (undated last), derived with the entity layer: an
-- entity page's quotes are a range of this index instead of a walk over
-- every mention of the entity (3,252 for the top entity at 10k documents,
-- ten times more at 100k). The statement is sqlite.quoteEntitiesInsert,
-- run here once so that a migrated store has the table without waiting
-- for the next recomputation.
CREATE TABLE quote_entities (
	entity  INTEGER NOT NULL,
	role    INTEGER NOT NULL,
	undated INTEGER NOT NULL,
	date    TEXT NOT NULL,
	doc     TEXT NOT NULL,
	ord     INTEGER NOT NULL,
	quote   INTEGER NOT NULL,
	PRIMARY KEY (entity, role, undated, date, doc, ord)
) WITHOUT ROWID;

INSERT INTO quote_entities (entity, role, undated, date, doc, ord, quote)
	SELECT me.entity, 0, d.date = '', d.date, q.doc, q.ord, q.id
	FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.ord = q.speaker_mention
	JOIN mention_entities me ON me.mention = m.id JOIN documents d ON d.id = q.doc
	UNION
	SELECT me.entity, 1, d.date = '', d.date, q.doc, q.ord, q.id
	FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.start >= q.start AND m.start < q.end AND m.end <= q.end
	JOIN mention_entities me ON me.mention = m.id JOIN documents d ON d.id = q.doc;

-- The date filter of every listing page shows the store's first and last
-- dates: two probes of this index instead of a scan of the documents.
CREATE INDEX documents_date ON documents(date);

-- A deep page of the documents in ingest order counts its offset on this
-- index (seq is the rowid: the table itself is in seq order, but stepping
-- over its rows reads every document's record).
CREATE INDEX documents_seq ON documents(seq);

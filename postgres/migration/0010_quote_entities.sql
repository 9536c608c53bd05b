-- As SQLite's 0021: the quotes each entity speaks (role 0) and is named in
-- (role 1), in publication order, derived with the entity layer.
CREATE TABLE quote_entities (
	entity  bigint NOT NULL,
	role    bigint NOT NULL,
	undated boolean NOT NULL,
	date    text COLLATE "C" NOT NULL,
	doc     text COLLATE "C" NOT NULL,
	ord     bigint NOT NULL,
	quote   bigint NOT NULL,
	PRIMARY KEY (entity, role, undated, date, doc, ord)
);

INSERT INTO quote_entities (entity, role, undated, date, doc, ord, quote)
	SELECT me.entity, 0, d.date = '', d.date, q.doc, q.ord, q.id
	FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.ord = q.speaker_mention
	JOIN mention_entities me ON me.mention = m.id JOIN documents d ON d.id = q.doc
	UNION
	SELECT me.entity, 1, d.date = '', d.date, q.doc, q.ord, q.id
	FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.start >= q.start AND m.start < q."end" AND m."end" <= q."end"
	JOIN mention_entities me ON me.mention = m.id JOIN documents d ON d.id = q.doc;

CREATE INDEX documents_date ON documents(date);

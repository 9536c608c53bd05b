-- Read side. Two small tables derived with the entity layer (rewritten by
-- ReplaceEntities, never by ingest), so that entity pages, co-occurrence,
-- claims about an entity and the graph are index lookups instead of scans
-- over every mention or every claim's JSON.

-- entity_docs: one row per (entity, document) it is mentioned in. source is
-- the document's independent voice for counting: "outlet:NAME", or
-- "document:ID" when the document has no outlet.
CREATE TABLE entity_docs (
	entity   INTEGER NOT NULL,
	doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	mentions INTEGER NOT NULL,
	source   TEXT NOT NULL,
	PRIMARY KEY (entity, doc)
) WITHOUT ROWID;
CREATE INDEX entity_docs_doc ON entity_docs(doc, entity);
CREATE INDEX entity_docs_rank ON entity_docs(entity, mentions DESC);

-- entity_pairs: co-occurrence, both directions: the documents a and b share
-- and the distinct sources (outlets) among them.
CREATE TABLE entity_pairs (
	a       INTEGER NOT NULL,
	b       INTEGER NOT NULL,
	docs    INTEGER NOT NULL,
	sources INTEGER NOT NULL,
	PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX entity_pairs_rank ON entity_pairs(a, docs DESC);

-- claim_edges: claim clusters between two entities, with their independent
-- sources counted as Claims counts them (label: the relation, "not ..." when
-- negated).
CREATE TABLE claim_edges (
	subject INTEGER NOT NULL,
	object  INTEGER NOT NULL,
	label   TEXT NOT NULL,
	sources INTEGER NOT NULL,
	docs    INTEGER NOT NULL,
	PRIMARY KEY (subject, object, label)
) WITHOUT ROWID;
CREATE INDEX claim_edges_object ON claim_edges(object);

-- claim_entities: the entities of a claim's subject and object (the entity
-- of a mention overlapping the span) and of its speaker mention; 0 when none.
CREATE TABLE claim_entities (
	claim          INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
	subject_entity INTEGER NOT NULL DEFAULT 0,
	object_entity  INTEGER NOT NULL DEFAULT 0,
	speaker_entity INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claim_entities_subject ON claim_entities(subject_entity) WHERE subject_entity <> 0;
CREATE INDEX claim_entities_object ON claim_entities(object_entity) WHERE object_entity <> 0;

-- A quote's speaker is a mention ord in its document.
CREATE INDEX quotes_speaker ON quotes(doc, speaker_mention);
-- Ambiguous mentions are looked up by name for the entities they could be.
CREATE INDEX mentions_ambiguous ON mentions(name COLLATE NOCASE) WHERE ambiguous = 1;
-- The timeline walks calendar values in order.
CREATE INDEX times_value ON times(value, doc, start) WHERE type IN ('DATE', 'TIME') AND value <> '';
CREATE INDEX reuse_pairs_containment ON reuse_pairs(containment);

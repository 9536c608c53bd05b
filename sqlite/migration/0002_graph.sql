-- The entity layer: derived from mentions, alias assertions and curated
-- decisions by resolution, rewritten whole each time; mentions are never
-- touched.
CREATE TABLE entities (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	mentions INTEGER NOT NULL DEFAULT 0,
	docs     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE entity_aliases (
	entity   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	name     TEXT NOT NULL,
	source   TEXT NOT NULL, -- mention, asserted, rule, user
	rule     TEXT NOT NULL DEFAULT '',
	doc      TEXT NOT NULL DEFAULT '',
	start    INTEGER NOT NULL DEFAULT 0,
	end      INTEGER NOT NULL DEFAULT 0,
	evidence TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity);
CREATE INDEX entity_aliases_name ON entity_aliases(name COLLATE NOCASE);

CREATE TABLE mention_entities (
	mention INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
	entity  INTEGER NOT NULL
);
CREATE INDEX mention_entities_entity ON mention_entities(entity);
CREATE INDEX mentions_doc ON mentions(doc);

-- Curated decisions (merge, split, rename, type), in the order made; the
-- entity layer is recomputed from them, so undoing one restores the state.
CREATE TABLE decisions (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	line       TEXT NOT NULL, -- the decision in the aliases-file format
	created_at TEXT NOT NULL
);

-- Small facts about the store: e.g. entities_stale=1 when documents were
-- added since the entity layer was last computed.
CREATE TABLE state (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Text reuse: MinHash signatures, LSH band keys, and verified pairs.
CREATE TABLE minhash (
	doc      TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	sig      BLOB NOT NULL
);
CREATE TABLE lsh_bands (
	band INTEGER NOT NULL,
	doc  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (band, doc)
) WITHOUT ROWID;
CREATE TABLE reuse_pairs (
	doc_a       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	doc_b       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	similarity  REAL NOT NULL,
	containment REAL NOT NULL,
	passages    TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX reuse_pairs_b ON reuse_pairs(doc_b);

-- Full-text search over titles and texts (FTS5), filled as documents are stored.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');

CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX times_doc ON times(doc);

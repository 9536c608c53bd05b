-- The store's schema on PostgreSQL: the same tables and columns as the
-- SQLite store after its migrations 0001-0008, so the same statements run
-- on both. Text compares byte-wise (COLLATE "C") whatever the database's
-- locale, so listings sort as they do in SQLite; case-insensitive lookups
-- use the nocase collation below, as SQLite's COLLATE NOCASE.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- json_extract(data, '$.a.b') as SQLite's, for the numeric fields the
-- entity layer reads out of a claim's JSON.
CREATE OR REPLACE FUNCTION json_extract(data text, path text) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT (data::jsonb #>> string_to_array(substr(path, 3), '.'))::numeric $$;

CREATE TABLE documents (
	seq         bigserial UNIQUE,
	id          text COLLATE "C" PRIMARY KEY,
	source      text COLLATE "C" NOT NULL,
	format      text COLLATE "C" NOT NULL DEFAULT '',
	url         text COLLATE "C" NOT NULL DEFAULT '',
	outlet      text COLLATE "C" NOT NULL DEFAULT '',
	title       text COLLATE "C" NOT NULL DEFAULT '',
	author      text COLLATE "C" NOT NULL DEFAULT '',
	date        text COLLATE "C" NOT NULL DEFAULT '',
	date_source text COLLATE "C" NOT NULL DEFAULT '',
	lang        text COLLATE "C" NOT NULL DEFAULT '',
	encoding    text COLLATE "C" NOT NULL DEFAULT '',
	text        text COLLATE "C" NOT NULL,
	raw         bytea,
	meta        text COLLATE "C" NOT NULL DEFAULT '{}',
	bytes       bigint NOT NULL,
	ingested_at text COLLATE "C" NOT NULL,
	-- Full-text search: title words weigh more than text words. The text is
	-- indexed up to its first 256 KiB: a tsvector holds at most 1 MB.
	fts tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', left(text, 262144)), 'B')) STORED
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_fts ON documents USING gin (fts);

CREATE TABLE regions (
	doc   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind  text COLLATE "C" NOT NULL,
	start bigint NOT NULL,
	"end" bigint NOT NULL,
	why   text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX regions_doc ON regions(doc, start);

CREATE TABLE mentions (
	id         bigserial PRIMARY KEY,
	doc        text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord        bigint NOT NULL,
	start      bigint NOT NULL,
	"end"      bigint NOT NULL,
	text       text COLLATE "C" NOT NULL,
	type       text COLLATE "C" NOT NULL,
	kind       text COLLATE "C" NOT NULL,
	name       text COLLATE "C" NOT NULL,
	chain      bigint NOT NULL,
	ambiguous  bigint NOT NULL DEFAULT 0,
	confidence double precision NOT NULL DEFAULT 1,
	UNIQUE (doc, ord)
);
CREATE INDEX mentions_ambiguous ON mentions((name COLLATE nocase)) WHERE ambiguous = 1;

CREATE TABLE alias_assertions (
	doc      text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord      bigint NOT NULL,
	name     text COLLATE "C" NOT NULL,
	alias    text COLLATE "C" NOT NULL,
	type     text COLLATE "C" NOT NULL DEFAULT '',
	pattern  text COLLATE "C" NOT NULL,
	start    bigint NOT NULL,
	"end"    bigint NOT NULL,
	evidence text COLLATE "C" NOT NULL,
	PRIMARY KEY (doc, ord)
);

CREATE TABLE quotes (
	id              bigserial PRIMARY KEY,
	doc             text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord             bigint NOT NULL,
	kind            text COLLATE "C" NOT NULL,
	start           bigint NOT NULL,
	"end"           bigint NOT NULL,
	speaker_mention bigint NOT NULL DEFAULT -1,
	data            text COLLATE "C" NOT NULL,
	UNIQUE (doc, ord)
);
CREATE INDEX quotes_speaker ON quotes(doc, speaker_mention);

CREATE TABLE claims (
	id    bigserial PRIMARY KEY,
	doc   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord   bigint NOT NULL,
	start bigint NOT NULL,
	"end" bigint NOT NULL,
	quote bigint NOT NULL DEFAULT -1,
	data  text COLLATE "C" NOT NULL,
	UNIQUE (doc, ord)
);

CREATE TABLE times (
	id       bigserial PRIMARY KEY,
	doc      text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord      bigint NOT NULL,
	start    bigint NOT NULL,
	"end"    bigint NOT NULL,
	text     text COLLATE "C" NOT NULL,
	type     text COLLATE "C" NOT NULL,
	value    text COLLATE "C" NOT NULL,
	relative bigint NOT NULL DEFAULT 0,
	anchor   text COLLATE "C" NOT NULL DEFAULT '',
	mod      text COLLATE "C" NOT NULL DEFAULT '',
	rule     text COLLATE "C" NOT NULL DEFAULT '',
	UNIQUE (doc, ord)
);
CREATE INDEX times_value ON times(value, doc, start) WHERE type IN ('DATE', 'TIME') AND value <> '';

CREATE TABLE analyses (
	doc      text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	analyzer text COLLATE "C" NOT NULL
);

-- The entity layer (see the SQLite migrations for what each table is).
CREATE TABLE entities (
	id       bigint PRIMARY KEY,
	name     text COLLATE "C" NOT NULL,
	type     text COLLATE "C" NOT NULL,
	mentions bigint NOT NULL DEFAULT 0,
	docs     bigint NOT NULL DEFAULT 0
);
CREATE INDEX entities_name ON entities((name COLLATE nocase));
CREATE INDEX entities_by_mentions ON entities(mentions DESC, docs DESC, id);
CREATE INDEX entities_by_docs ON entities(docs DESC, mentions DESC, id);

-- rowid keeps the order aliases were written in, as SQLite's rowid does.
CREATE TABLE entity_aliases (
	rowid    bigserial,
	entity   bigint NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	name     text COLLATE "C" NOT NULL,
	source   text COLLATE "C" NOT NULL,
	rule     text COLLATE "C" NOT NULL DEFAULT '',
	doc      text COLLATE "C" NOT NULL DEFAULT '',
	start    bigint NOT NULL DEFAULT 0,
	"end"    bigint NOT NULL DEFAULT 0,
	evidence text COLLATE "C" NOT NULL DEFAULT '',
	region   text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX entity_aliases_entity ON entity_aliases(entity, rowid);
CREATE INDEX entity_aliases_name ON entity_aliases((name COLLATE nocase));

-- Every name of every entity, trigram-indexed: "names containing q" is an
-- index lookup (pg_trgm answers ILIKE '%q%').
CREATE TABLE entity_names (
	name   text COLLATE "C" NOT NULL,
	entity bigint NOT NULL
);
CREATE INDEX entity_names_trgm ON entity_names USING gin (name gin_trgm_ops);

CREATE TABLE mention_entities (
	mention bigint PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
	entity  bigint NOT NULL
);
CREATE INDEX mention_entities_entity ON mention_entities(entity);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE decisions (
	seq        bigserial PRIMARY KEY,
	line       text COLLATE "C" NOT NULL,
	created_at text COLLATE "C" NOT NULL
);

CREATE TABLE state (
	key   text COLLATE "C" PRIMARY KEY,
	value text COLLATE "C" NOT NULL
);

CREATE TABLE minhash (
	doc text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	sig bytea NOT NULL
);
CREATE TABLE lsh_bands (
	band bigint NOT NULL,
	doc  text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (band, doc)
);
CREATE TABLE reuse_pairs (
	doc_a       text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	doc_b       text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	similarity  double precision NOT NULL,
	containment double precision NOT NULL,
	passages    text COLLATE "C" NOT NULL DEFAULT '[]',
	PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX reuse_pairs_b ON reuse_pairs(doc_b);
CREATE INDEX reuse_pairs_rank ON reuse_pairs(containment DESC, similarity DESC, doc_a, doc_b);
CREATE INDEX reuse_chain_a ON reuse_pairs(doc_a, doc_b, containment) WHERE containment >= 0.5;
CREATE INDEX reuse_chain_b ON reuse_pairs(doc_b, doc_a, containment) WHERE containment >= 0.5;

CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX times_doc ON times(doc);

CREATE TABLE entity_docs (
	entity   bigint NOT NULL,
	doc      text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	mentions bigint NOT NULL,
	source   text COLLATE "C" NOT NULL,
	PRIMARY KEY (entity, doc)
);
CREATE INDEX entity_docs_doc ON entity_docs(doc, entity);
CREATE INDEX entity_docs_rank ON entity_docs(entity, mentions DESC);

CREATE TABLE entity_pairs (
	a       bigint NOT NULL,
	b       bigint NOT NULL,
	docs    bigint NOT NULL,
	sources bigint NOT NULL,
	PRIMARY KEY (a, b)
);
CREATE INDEX entity_pairs_rank ON entity_pairs(a, docs DESC);

CREATE TABLE claim_edges (
	subject bigint NOT NULL,
	object  bigint NOT NULL,
	label   text COLLATE "C" NOT NULL,
	sources bigint NOT NULL,
	docs    bigint NOT NULL,
	PRIMARY KEY (subject, object, label)
);
CREATE INDEX claim_edges_object ON claim_edges(object);

CREATE TABLE claim_entities (
	claim          bigint PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
	subject_entity bigint NOT NULL DEFAULT 0,
	object_entity  bigint NOT NULL DEFAULT 0,
	speaker_entity bigint NOT NULL DEFAULT 0
);
CREATE INDEX claim_entities_subject ON claim_entities(subject_entity) WHERE subject_entity <> 0;
CREATE INDEX claim_entities_object ON claim_entities(object_entity) WHERE object_entity <> 0;

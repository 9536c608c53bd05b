-- Documents keep their original text; regions mark parts of it.
CREATE TABLE documents (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- ingest order
	id          TEXT NOT NULL UNIQUE,              -- content hash of the normalized text
	source      TEXT NOT NULL,
	format      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	author      TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	date_source TEXT NOT NULL DEFAULT '',
	lang        TEXT NOT NULL DEFAULT '',
	encoding    TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	raw         BLOB,
	meta        TEXT NOT NULL DEFAULT '{}',
	bytes       INTEGER NOT NULL,
	ingested_at TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents(outlet);

CREATE TABLE regions (
	doc   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind  TEXT NOT NULL,
	start INTEGER NOT NULL,
	end   INTEGER NOT NULL,
	why   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX regions_doc ON regions(doc, start);

-- The analysis of a document, committed with it. Items keep their document
-- order (ord), which other items refer to (a quote's speaker mention, a
-- claim's quote and time).
CREATE TABLE mentions (
	id         INTEGER PRIMARY KEY,
	doc        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	name       TEXT NOT NULL,
	chain      INTEGER NOT NULL,
	ambiguous  INTEGER NOT NULL DEFAULT 0,
	confidence REAL NOT NULL DEFAULT 1,
	UNIQUE (doc, ord)
);

CREATE TABLE alias_assertions (
	doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord      INTEGER NOT NULL,
	name     TEXT NOT NULL,
	alias    TEXT NOT NULL,
	type     TEXT NOT NULL DEFAULT '',
	pattern  TEXT NOT NULL,
	start    INTEGER NOT NULL,
	end      INTEGER NOT NULL,
	evidence TEXT NOT NULL,
	PRIMARY KEY (doc, ord)
);

-- Quotes and claims are stored whole as JSON beside the columns queries use.
CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,
	doc             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL,
	kind            TEXT NOT NULL,
	start           INTEGER NOT NULL,
	end             INTEGER NOT NULL,
	speaker_mention INTEGER NOT NULL DEFAULT -1,
	data            TEXT NOT NULL,
	UNIQUE (doc, ord)
);

CREATE TABLE claims (
	id              INTEGER PRIMARY KEY,
	doc             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL,
	start           INTEGER NOT NULL,
	end             INTEGER NOT NULL,
	quote           INTEGER NOT NULL DEFAULT -1,
	data            TEXT NOT NULL,
	UNIQUE (doc, ord)
);

CREATE TABLE times (
	id       INTEGER PRIMARY KEY,
	doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ord      INTEGER NOT NULL,
	start    INTEGER NOT NULL,
	end      INTEGER NOT NULL,
	text     TEXT NOT NULL,
	type     TEXT NOT NULL,
	value    TEXT NOT NULL,
	relative INTEGER NOT NULL DEFAULT 0,
	anchor   TEXT NOT NULL DEFAULT '',
	mod      TEXT NOT NULL DEFAULT '',
	rule     TEXT NOT NULL DEFAULT '',
	UNIQUE (doc, ord)
);

CREATE TABLE analyses (
	doc      TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	analyzer TEXT NOT NULL
);

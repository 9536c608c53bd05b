-- The timeline, derived: for every dated time expression (DATE or TIME with
-- a value) the evidence it stands in (kind claim, quote or sentence; ''
-- when it makes no entry: a sentence naming no actor), its span, and the
-- claim or quote it is. It depends on the document's own analysis only, so
-- it is computed once per document (by the entity layer's build, for the
-- documents that lack it) and goes with its time expression when the
-- analysis is replaced. Before, every request loaded every document of a
-- batch of times with all its mentions, claims and quotes to find the few
-- entries (0.2-1.5 s for an entity's timeline at 100k documents).
CREATE TABLE timeline_times (
	time     INTEGER PRIMARY KEY REFERENCES times(id) ON DELETE CASCADE,
	doc      TEXT NOT NULL,
	kind     TEXT NOT NULL,
	ev_start INTEGER NOT NULL,
	ev_end   INTEGER NOT NULL,
	claim    INTEGER NOT NULL DEFAULT 0,
	quote    INTEGER NOT NULL DEFAULT 0
);

-- Which entries each entity is in (named inside the evidence, or its
-- speaker), in timeline order: derived with the entity layer, so that an
-- entity's timeline is a range of this key.
CREATE TABLE timeline_entities (
	entity INTEGER NOT NULL,
	value  TEXT NOT NULL,
	doc    TEXT NOT NULL,
	start  INTEGER NOT NULL,
	time   INTEGER NOT NULL,
	PRIMARY KEY (entity, value, doc, start, time)
) WITHOUT ROWID;

-- Empty until the entity layer is next computed: mark it stale, so that
-- readers compute the timeline as before until the next ingest fills them.
UPDATE state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';

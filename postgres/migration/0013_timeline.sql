-- As SQLite's 0024: the timeline, derived. timeline_times holds, for every
-- dated time expression, the evidence it stands in (computed once per
-- document, going with its time expression); timeline_entities, derived
-- with the entity layer, which entries each entity is in, in timeline
-- order.
CREATE TABLE timeline_times (
	time     bigint PRIMARY KEY REFERENCES times(id) ON DELETE CASCADE,
	doc      text COLLATE "C" NOT NULL,
	kind     text COLLATE "C" NOT NULL,
	ev_start bigint NOT NULL,
	ev_end   bigint NOT NULL,
	claim    bigint NOT NULL DEFAULT 0,
	quote    bigint NOT NULL DEFAULT 0
);

CREATE TABLE timeline_entities (
	entity bigint NOT NULL,
	value  text COLLATE "C" NOT NULL,
	doc    text COLLATE "C" NOT NULL,
	start  bigint NOT NULL,
	time   bigint NOT NULL,
	PRIMARY KEY (entity, value, doc, start, time)
);

UPDATE state SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'generation';

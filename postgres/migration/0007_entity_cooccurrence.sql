-- As SQLite's 0018: co-occurrence one row per entity (its partners packed
-- as varints, strongest first) instead of one row per ordered pair; the
-- pair table's 2 million rows at 10k documents took 30 s of server time to
-- write on every recomputation of the entity layer.
CREATE TABLE entity_cooccurrence (
	entity   bigint PRIMARY KEY,
	partners bytea NOT NULL
);
DROP TABLE entity_pairs;
-- Filled by the next recomputation: mark the layer stale.
UPDATE state SET value = '-1' WHERE key = 'entities_generation';

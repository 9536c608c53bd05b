-- Co-occurrence, one row per entity instead of one per ordered pair: the
-- entities sharing a document with it, packed strongest first (documents
-- shared, then entity id) as a version byte and, per partner, its entity
-- id, documents and distinct sources as unsigned varints (see cooccur.go).
-- At 10k documents the pair table held 2 million rows; writing them was
-- most of an entity-layer recomputation, and every reader asks for the
-- partners of one entity (or of a few).
CREATE TABLE entity_cooccurrence (
	entity   INTEGER PRIMARY KEY,
	partners BLOB NOT NULL
);
DROP TABLE entity_pairs;
-- The new table is filled by the next recomputation of the entity layer:
-- mark the layer stale.
UPDATE state SET value = '-1' WHERE key = 'entities_generation';

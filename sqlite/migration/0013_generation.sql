-- Durable pending work for the derived layers.
--
-- generation counts the writes the entity layer depends on (documents,
-- analyses, curated decisions), bumped in the same transaction as each;
-- entities_generation is the generation the stored layer was computed
-- from. The layer is stale while they differ, so a recomputation killed
-- half-way, or one that overlapped a writer, is redone by the next run.
INSERT OR IGNORE INTO state (key, value)
	SELECT 'generation', '1' FROM state WHERE key = 'entities_stale' AND value = '1';

-- Outlets whose site boilerplate must be learned again: written with each
-- document of the outlet, removed when learning has re-cleaned the outlet
-- at that version.
CREATE TABLE pending_outlets (
	outlet  TEXT PRIMARY KEY,
	version INTEGER NOT NULL DEFAULT 1
);

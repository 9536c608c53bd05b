-- Entity ids are kept across recomputations (an entity that grows keeps its
-- id); an id whose entity was absorbed by another is redirected to it, so
-- links and API clients holding it still find the entity.
CREATE TABLE entity_redirects (
	old    INTEGER PRIMARY KEY,
	entity INTEGER NOT NULL
);
CREATE INDEX entity_redirects_entity ON entity_redirects(entity);

-- Redirects of absorbed entity ids (as SQLite's 0014).
CREATE TABLE entity_redirects (
	old    bigint PRIMARY KEY,
	entity bigint NOT NULL
);
CREATE INDEX entity_redirects_entity ON entity_redirects(entity);

-- Durable pending work for the derived layers (as SQLite's 0013).
CREATE TABLE pending_outlets (
	outlet  text COLLATE "C" PRIMARY KEY,
	version bigint NOT NULL DEFAULT 1
);

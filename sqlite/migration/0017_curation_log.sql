-- Curated decisions made in the browser: who (the write token's name), when,
-- what (the decision line, or the undo of one) and why (an optional note).
-- The decisions table stays the one the entity layer is computed from; this
-- is their history, kept when a decision is undone.
CREATE TABLE curation_log (
	id     INTEGER PRIMARY KEY,
	at     TEXT NOT NULL,
	who    TEXT NOT NULL,
	action TEXT NOT NULL, -- decide or undo
	seq    INTEGER NOT NULL, -- the decision's number in decisions
	line   TEXT NOT NULL,
	note   TEXT NOT NULL DEFAULT ''
);

-- As SQLite's 0023. The PostgreSQL store writes band keys to lsh_keys
-- directly (its writers run at once and a merge would need a lock
-- between them); the table is read with lsh_keys by the same lookup, and
-- stays empty.
CREATE TABLE lsh_recent (
	band bigint NOT NULL,
	seq  bigint NOT NULL,
	PRIMARY KEY (band, seq)
);

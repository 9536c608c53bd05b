-- The band keys of the documents stored since the last merge, which a
-- batch moves into lsh_keys in one sorted pass when they reach
-- lshRecentRows (sqlite/reuse.go). lsh_keys is ordered by band key, a
-- hash: a batch's 16,384 keys (256 documents of 64) landed on as many
-- random pages of it, so each batch rewrote about half of its pages at
-- 100k documents; this table stays small enough that a batch rewrites a
-- few hundred of its pages, and lsh_keys is rewritten once a merge.
-- Lookups read both.
CREATE TABLE lsh_recent (
	band INTEGER NOT NULL,
	seq  INTEGER NOT NULL,
	PRIMARY KEY (band, seq)
) WITHOUT ROWID;

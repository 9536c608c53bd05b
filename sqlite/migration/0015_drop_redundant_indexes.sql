-- Each of these tables is UNIQUE (doc, ord), and that index serves every
-- lookup by document: the separate (doc) indexes only cost an index insert
-- per row at ingest (178k mentions at 10k documents).
DROP INDEX IF EXISTS mentions_doc;
DROP INDEX IF EXISTS quotes_doc;
DROP INDEX IF EXISTS claims_doc;
DROP INDEX IF EXISTS times_doc;

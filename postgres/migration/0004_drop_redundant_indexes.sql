-- As SQLite's 0015: UNIQUE (doc, ord) serves lookups by document.
DROP INDEX IF EXISTS mentions_doc;
DROP INDEX IF EXISTS quotes_doc;
DROP INDEX IF EXISTS claims_doc;
DROP INDEX IF EXISTS times_doc;

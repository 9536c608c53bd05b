-- As SQLite's 0016: a claim's spans find their mentions by a (doc, start) range.
CREATE INDEX mentions_doc_start ON mentions(doc, start);

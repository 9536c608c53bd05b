-- Mentions of a document by position: a claim's subject and object spans
-- find their overlapping mentions by a range read instead of a scan of
-- every mention of the document (quadratic on long documents).
CREATE INDEX mentions_doc_start ON mentions(doc, start);

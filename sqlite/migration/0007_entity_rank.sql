-- Entity listings (the home page, /entities, the API) are ordered by
-- mentions or by documents: indexes in those orders let a page stop after
-- its rows instead of sorting every entity.
CREATE INDEX entities_by_mentions ON entities(mentions DESC, docs DESC, id);
CREATE INDEX entities_by_docs ON entities(docs DESC, mentions DESC, id);

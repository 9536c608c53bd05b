-- entity_names: every name of every entity (canonical and aliases) in a
-- trigram full-text index, so that "entities whose name contains q" is an
-- index lookup instead of a LIKE scan over all aliases. Rewritten with the
-- entity layer by ReplaceEntities; filled here for existing stores.
CREATE VIRTUAL TABLE entity_names USING fts5(name, entity UNINDEXED, tokenize = 'trigram');
INSERT INTO entity_names (name, entity) SELECT name, id FROM entities UNION SELECT name, entity FROM entity_aliases;

-- The kind of region an alias's evidence lies in when it is not main text
-- ("boilerplate" for a sidebar's assertion). Derived with the entity layer
-- by ReplaceEntities, once, rather than looked up on every listing; filled
-- here for existing stores.
ALTER TABLE entity_aliases ADD COLUMN region TEXT NOT NULL DEFAULT '';
UPDATE entity_aliases SET region = COALESCE((SELECT r.kind FROM regions r WHERE r.doc = entity_aliases.doc
	AND r.start <= entity_aliases.start AND r.end >= entity_aliases.end AND r.kind <> 'main' LIMIT 1), '')
WHERE doc <> '';

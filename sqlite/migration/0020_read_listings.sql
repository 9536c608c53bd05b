-- The claim listing, derived with the entity layer: every claim cluster in
-- listing order (pos 0 first: most independent sources, then documents,
-- then key), its header (subject, relation, object, sources, source names,
-- stance, contradictions, documents, chain) as JSON, and which cluster each
-- claim is in. An unfiltered listing, or one about an entity, reads one page
-- of it instead of clustering every claim of the store on each request.
CREATE TABLE claim_clusters (
	pos            INTEGER PRIMARY KEY,
	cluster_key    TEXT NOT NULL,
	subject_entity INTEGER NOT NULL DEFAULT 0,
	object_entity  INTEGER NOT NULL DEFAULT 0,
	data           TEXT NOT NULL
);
CREATE INDEX claim_clusters_subject ON claim_clusters(subject_entity, pos) WHERE subject_entity <> 0;
CREATE INDEX claim_clusters_object ON claim_clusters(object_entity, pos) WHERE object_entity <> 0;

CREATE TABLE claim_cluster_claims (
	claim INTEGER PRIMARY KEY,
	pos   INTEGER NOT NULL,
	ord   INTEGER NOT NULL -- in the cluster, by date: a page may list the first few
);
CREATE INDEX claim_cluster_claims_pos ON claim_cluster_claims(pos, ord);

-- Listings in publication order (undated last) walk the documents in that
-- order and stop at the page, instead of sorting every quote of the store.
CREATE INDEX documents_date_order ON documents(date = '', date, id);

-- The tables are empty until the entity layer is next computed: mark it
-- stale, so that readers cluster claims as before until then and the next
-- ingest or entities run fills them.
UPDATE state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation';

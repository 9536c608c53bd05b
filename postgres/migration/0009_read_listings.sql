-- As SQLite's 0020: the claim listing, derived with the entity layer.
CREATE TABLE claim_clusters (
	pos            bigint PRIMARY KEY,
	cluster_key    text COLLATE "C" NOT NULL,
	subject_entity bigint NOT NULL DEFAULT 0,
	object_entity  bigint NOT NULL DEFAULT 0,
	data           text NOT NULL
);
CREATE INDEX claim_clusters_subject ON claim_clusters(subject_entity, pos) WHERE subject_entity <> 0;
CREATE INDEX claim_clusters_object ON claim_clusters(object_entity, pos) WHERE object_entity <> 0;

CREATE TABLE claim_cluster_claims (
	claim bigint PRIMARY KEY,
	pos   bigint NOT NULL,
	ord   bigint NOT NULL
);
CREATE INDEX claim_cluster_claims_pos ON claim_cluster_claims(pos, ord);

-- Listings in publication order (undated last) walk the documents in that
-- order and stop at the page, instead of sorting every quote of the store.
CREATE INDEX documents_date_order ON documents((date = ''), date, id);

UPDATE state SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'generation';

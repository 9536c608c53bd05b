-- As SQLite's 0017: the history of decisions made in the browser.
CREATE TABLE curation_log (
	id     bigserial PRIMARY KEY,
	at     text COLLATE "C" NOT NULL,
	who    text COLLATE "C" NOT NULL,
	action text COLLATE "C" NOT NULL,
	seq    bigint NOT NULL,
	line   text COLLATE "C" NOT NULL,
	note   text COLLATE "C" NOT NULL DEFAULT ''
);

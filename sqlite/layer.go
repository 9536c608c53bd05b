package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// The entity layer is built aside and swapped in (on PostgreSQL too, with
// its own shadow and swap statements: package postgres). SQLite has one
// writer at a time: rewriting the layer in place held the write lock for
// the whole recomputation (seconds at 10k documents, a minute at 100k), so
// an ingest or a curation decision in another process waited for it and
// failed after its busy timeout. Instead the new layer is written into
// shadow tables (NAME_next, created from the live tables' own schema) in
// short transactions, each holding the lock for a slice of the work, while
// readers go on reading the live layer; one last short transaction drops
// the live tables and renames the shadows over them. A process killed
// half-way leaves shadow tables that the next build drops first, and the
// live layer untouched (and still stale: the generation says so).

// layerTables are the tables of the entity layer, parents before the
// tables that reference them.
var layerTables = []string{"entities", "entity_aliases", "entity_names", "mention_entities",
	"entity_docs", "entity_cooccurrence", "claim_entities", "claim_edges", "claim_clusters", "claim_cluster_claims", "quote_entities", "timeline_entities"}

// shadowSuffix names a layer table's shadow while it is built.
const shadowSuffix = "_next"

var layerNames = regexp.MustCompile(`\b(` + strings.Join(layerTables, "|") + `)\b`)

// shadowSQL rewrites a statement over the layer's tables into the same
// statement over their shadows.
func shadowSQL(q string) string { return layerNames.ReplaceAllString(q, "${1}"+shadowSuffix) }

// Slices of the build: each transaction covers entities with about this
// many mentions, or this many claims.
const (
	layerChunkMentions = 20000
	layerChunkClaims   = 5000
	layerChunkRows     = 2000
)

// replaceEntitiesAside is ReplaceEntities: build aside, swap in.
func (db *DB) replaceEntitiesAside(ctx context.Context, entities []claimgraph.Entity, mentionEntity map[int64]int64) (err error) {
	c, err := db.db.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	// A failed build leaves the live layer as it was and drops its shadows
	// (a killed one leaves them to the next build).
	defer func() {
		if err != nil {
			c.ExecContext(context.WithoutCancel(ctx), `BEGIN`)
			for _, t := range layerTables {
				c.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS `+t+shadowSuffix)
			}
			c.ExecContext(context.WithoutCancel(ctx), `COMMIT`)
		}
	}()
	// step runs fn in one short write transaction over the shadow tables.
	step := func(what string, fn func(tx *Tx) error) error {
		stx, err := c.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		tx := &Tx{Tx: stx, rebind: func(q string) string { return db.db.rebind(shadowSQL(q)) }}
		if db.dialect.Name == "sqlite" {
			// Its statements prepared once a transaction (the driver
			// prepares each call, and a slice runs one insert hundreds of
			// times); PostgreSQL's driver caches them per connection.
			tx.stmts = map[string]*sql.Stmt{}
		}
		defer tx.Rollback()
		if err := fn(tx); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("%s: commit: %w", what, err)
		}
		if db.layerHook != nil {
			db.layerHook(what)
		}
		return nil
	}
	var deferred []string // SQLite: the shadows' secondary indexes, built once filled
	if err := step("create shadow tables", func(tx *Tx) error {
		if db.dialect.CreateShadows != nil {
			return db.dialect.CreateShadows(ctx, tx.Tx, layerTables, shadowSuffix)
		}
		var err error
		deferred, err = createShadows(ctx, tx.Tx)
		return err
	}); err != nil {
		return err
	}
	// Each entity's documents (entity_docs) and counts, from the store's
	// mentions and documents as they are now.
	eds, err := entityDocs(ctx, c, mentionEntity)
	if err != nil {
		return fmt.Errorf("replace entities: %w", err)
	}
	// Entities in id ranges, each with its aliases, counts and documents.
	sort.Slice(entities, func(i, j int) bool { return entities[i].ID < entities[j].ID })
	counts := make(map[int64]entityCount, len(entities))
	for _, r := range eds {
		c := counts[r.entity]
		c.mentions += r.mentions
		c.docs++
		counts[r.entity] = c
	}
	perEntity := map[int64]int{}
	for _, e := range mentionEntity {
		perEntity[e]++
	}
	for i, k := 0, 0; i < len(entities); {
		j, n := i, 0
		for j < len(entities) && (j == i || n+perEntity[entities[j].ID] <= layerChunkMentions) && j-i < layerChunkRows {
			n += perEntity[entities[j].ID]
			j++
		}
		part := entities[i:j]
		hi := part[len(part)-1].ID
		l := k
		for k < len(eds) && eds[k].entity <= hi {
			k++
		}
		err := step("entities", func(tx *Tx) error {
			if err := insertEntities(ctx, tx, part, counts); err != nil {
				return err
			}
			return insertEntityDocs(ctx, tx, eds[l:k])
		})
		if err != nil {
			return fmt.Errorf("replace entities: %w", err)
		}
		i = j
	}
	// Co-occurrence from the same rows, which are not needed after it.
	if err := step("co-occurrence", func(tx *Tx) error { return deriveCoOccurrence(ctx, tx, eds) }); err != nil {
		return fmt.Errorf("replace entities: %w", err)
	}
	eds = nil
	// Which entity each mention resolves to, in mention order: each slice
	// appends to the table instead of rewriting pages all over it.
	ms := make([]int64, 0, len(mentionEntity))
	for m := range mentionEntity {
		ms = append(ms, m)
	}
	slices.Sort(ms)
	for i := 0; i < len(ms); i += layerChunkMentions {
		part := ms[i:min(i+layerChunkMentions, len(ms))]
		if err := step("mention entities", func(tx *Tx) error { return insertMentionEntities(ctx, tx, part, mentionEntity) }); err != nil {
			return fmt.Errorf("replace entities: %w", err)
		}
	}
	if err := step("entity names", func(tx *Tx) error { return deriveEntityNames(ctx, tx) }); err != nil {
		return fmt.Errorf("replace entities: %w", err)
	}
	var claimIDs []int64
	rows, err := c.QueryContext(ctx, `SELECT id FROM claims ORDER BY id`)
	if err != nil {
		return fmt.Errorf("replace entities: claims: %w", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("replace entities: claims: %w", err)
		}
		claimIDs = append(claimIDs, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("replace entities: claims: %w", err)
	}
	for i := 0; i < len(claimIDs); i += layerChunkClaims {
		lo, hi := claimIDs[i], claimIDs[min(i+layerChunkClaims, len(claimIDs))-1]
		if err := step("claim entities", func(tx *Tx) error { return deriveClaimEntities(ctx, tx, lo, hi) }); err != nil {
			return fmt.Errorf("replace entities: %w", err)
		}
	}
	// The timeline's evidence of the documents that lack it (it depends on
	// no entity), a slice of documents per transaction.
	pending, err := pendingTimelineDocs(ctx, db.db)
	if err != nil {
		return fmt.Errorf("replace entities: %w", err)
	}
	for i := 0; i < len(pending); i += timelineDocsChunk {
		part := pending[i:min(i+timelineDocsChunk, len(pending))]
		if err := step("timeline", func(tx *Tx) error { return deriveTimelineTimes(ctx, tx, part, db.dialect.Name == "postgres") }); err != nil {
			return fmt.Errorf("replace entities: %w", err)
		}
	}
	if err := step("claim edges, clusters and quote entities", func(tx *Tx) error { return deriveListings(ctx, tx) }); err != nil {
		return fmt.Errorf("replace entities: %w", err)
	}
	// The shadows' indexes, each sorted once from the filled table instead
	// of taking the rows one by one at random leaves (SQLite).
	for _, ddl := range deferred {
		if err := step("index", func(tx *Tx) error {
			_, err := tx.Tx.ExecContext(ctx, ddl)
			return err
		}); err != nil {
			return fmt.Errorf("replace entities: %w", err)
		}
	}
	// The swap: the only transaction that touches the live layer.
	swap, err := c.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace entities: swap: %w", err)
	}
	defer swap.Rollback()
	if db.dialect.SwapShadows != nil {
		if err := db.dialect.SwapShadows(ctx, swap, layerTables, shadowSuffix, shadowSQL); err != nil {
			return fmt.Errorf("replace entities: swap: %w", err)
		}
	} else {
		for i := len(layerTables) - 1; i >= 0; i-- {
			if _, err := swap.ExecContext(ctx, `DROP TABLE IF EXISTS `+layerTables[i]); err != nil {
				return fmt.Errorf("replace entities: swap: drop %s: %w", layerTables[i], err)
			}
		}
		for _, t := range layerTables {
			if _, err := swap.ExecContext(ctx, `ALTER TABLE `+t+shadowSuffix+` RENAME TO `+t); err != nil {
				return fmt.Errorf("replace entities: swap: %s: %w", t, err)
			}
		}
	}
	if _, err := swap.ExecContext(ctx, `INSERT INTO state (key, value) VALUES ('entities_stale', '0') ON CONFLICT (key) DO UPDATE SET value = '0'`); err != nil {
		return fmt.Errorf("replace entities: swap: state: %w", err)
	}
	if err := swap.Commit(); err != nil {
		return fmt.Errorf("replace entities: swap: commit: %w", err)
	}
	return nil
}

// createShadows drops any shadow a killed build left and creates an empty
// shadow of each layer table from the live table's own schema (so an index
// a migration added to a live table is built on its shadow too). Index
// names alternate between NAME and NAME_next from one build to the next,
// as SQLite cannot rename an index. The shadows' indexes are returned, to
// be created once the shadows are filled: a table filled in slices
// (entities by id, mentions by id) takes each slice's rows at random
// leaves of its other indexes, and every slice's commit rewrote those
// leaves (at 100k documents the entity layer's slices wrote its indexes
// about ninety times over).
func createShadows(ctx context.Context, tx *sql.Tx) ([]string, error) {
	for _, t := range layerTables {
		if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS `+t+shadowSuffix); err != nil {
			return nil, err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT type, name, tbl_name, sql FROM sqlite_master
		WHERE tbl_name IN ('`+strings.Join(layerTables, "', '")+`') AND sql IS NOT NULL ORDER BY type = 'index', rowid`)
	if err != nil {
		return nil, err
	}
	type object struct{ typ, name, table, sql string }
	var objs []object
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			rows.Close()
			return nil, err
		}
		objs = append(objs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var indexes []string
	for _, o := range objs {
		ddl := shadowSQL(o.sql)
		if o.typ == "index" {
			next := o.name + shadowSuffix
			if n, ok := strings.CutSuffix(o.name, shadowSuffix); ok {
				next = n
			}
			// The index's own name follows CREATE [UNIQUE] INDEX [IF NOT EXISTS].
			i := strings.Index(ddl, o.name)
			if i < 0 {
				return nil, fmt.Errorf("index %s: name not found in its definition", o.name)
			}
			indexes = append(indexes, ddl[:i]+next+ddl[i+len(o.name):])
			continue
		}
		if _, err := tx.ExecContext(ctx, ddl); err != nil {
			return nil, fmt.Errorf("shadow of %s: %w", o.name, err)
		}
	}
	return indexes, nil
}

// deriveEntityNames fills the names the entities are found by (their
// names and aliases, rejected ones aside) and the region each alias with
// evidence lies in, for all entities at once: their rows are written.
func deriveEntityNames(ctx context.Context, tx *Tx) error {
	for _, s := range entityNameSteps {
		if _, err := tx.ExecContext(ctx, s.q); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	return nil
}

// deriveClaimEntities fills claim_entities for the claims with ids in
// [lo, hi].
func deriveClaimEntities(ctx context.Context, tx *Tx, lo, hi int64) error {
	_, err := tx.ExecContext(ctx, claimEntitiesSQL(`WHERE id BETWEEN ?1 AND ?2`), lo, hi)
	return err
}

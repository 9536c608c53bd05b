package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// ReplaceEntities rewrites the entity layer, built aside and swapped in at
// once (layer.go): the entities with their aliases, which entity each
// mention (by mention id) resolves to, and the tables derived from them
// (entity_docs, co-occurrence, claim_entities, claim edges and clusters). Mentions
// are never touched. Entity ids are the caller's and must be positive and
// unique; the Mentions and Docs counts are recomputed from mentionEntity, not
// taken from the entities. Afterwards EntitiesStale reports false.
func (db *DB) ReplaceEntities(ctx context.Context, entities []claimgraph.Entity, mentionEntity map[int64]int64) error {
	known := make(map[int64]bool, len(entities))
	for _, e := range entities {
		if e.ID <= 0 {
			return claimgraph.Errorf(claimgraph.EINVALID, "replace entities: entity %q has id %d; ids must be positive", e.Name, e.ID)
		}
		if known[e.ID] {
			return claimgraph.Errorf(claimgraph.EINVALID, "replace entities: entity id %d given twice", e.ID)
		}
		known[e.ID] = true
	}
	for m, e := range mentionEntity {
		if !known[e] {
			return claimgraph.Errorf(claimgraph.EINVALID, "replace entities: mention %d resolves to unknown entity %d", m, e)
		}
	}
	return db.replaceEntitiesAside(ctx, entities, mentionEntity) // layer.go
}

// insertEntities and insertMentionEntities write multi-row statements: one
// round trip per hundred rows instead of one per row (on PostgreSQL, a
// network round trip each). An entity's counts are written with it, from
// its entity_docs rows.
func insertEntities(ctx context.Context, tx *Tx, entities []claimgraph.Entity, counts map[int64]entityCount) error {
	rows := make([][]any, 0, len(entities))
	var aliases [][]any
	for _, e := range entities {
		c := counts[e.ID]
		rows = append(rows, []any{e.ID, e.Name, e.Type, c.mentions, c.docs})
		for _, a := range e.Aliases {
			aliases = append(aliases, []any{e.ID, a.Name, a.Source, a.Rule, a.Doc, a.Start, a.End, a.Evidence})
		}
	}
	if err := insertRows(ctx, tx, "entities", "id, name, type, mentions, docs", rows); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if err := insertRows(ctx, tx, "entity_aliases", "entity, name, source, rule, doc, start, end, evidence", aliases); err != nil {
		return fmt.Errorf("entity aliases: %w", err)
	}
	return nil
}

// insertMentionEntities writes the entities of the mentions ms, which are
// in ascending order (each slice appends to the table).
func insertMentionEntities(ctx context.Context, tx *Tx, ms []int64, mentionEntity map[int64]int64) error {
	rows := make([][]any, len(ms))
	for i, m := range ms {
		rows[i] = []any{m, mentionEntity[m]}
	}
	if err := insertRows(ctx, tx, "mention_entities", "mention, entity", rows); err != nil {
		// The foreign key names the usual cause: a mention id not in the store.
		return fmt.Errorf("mention entities: %w", err)
	}
	return nil
}

// entityCount is an entity's mentions and documents, from its entity_docs
// rows.
type entityCount struct{ mentions, docs int }

// entityDocs computes the entity_docs rows of mentionEntity: for each
// entity and document, the entity's resolved mentions in it and the
// document's source (its outlet, or the document itself when it has
// none), ordered by entity and then document id (the table's key). The
// mentions and documents are read in their own order, once; the join it
// replaces (mention_entities, then each mention's row, then its
// document's, by the entity ranges of the build) read a random page of
// mentions and of documents for every mention, and grew faster than the
// store (0.9 CPU-s at 10k documents, 19 at 100k). A mention not in the
// store (any more) counts for no document, as the join dropped it.
func entityDocs(ctx context.Context, q querier, mentionEntity map[int64]int64) ([]entityDocRow, error) {
	sources := map[string]string{}
	rows, err := q.QueryContext(ctx, `SELECT id, outlet FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("entity documents: %w", err)
	}
	for rows.Next() {
		var id, outlet string
		if err := rows.Scan(&id, &outlet); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entity documents: %w", err)
		}
		if outlet != "" {
			sources[id] = "outlet:" + outlet
		} else {
			sources[id] = "document:" + id
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity documents: %w", err)
	}
	// One (entity, document) pair per resolved mention, the documents
	// numbered in id order, then counted in runs once sorted: 16 bytes a
	// mention (1.75 million at 100k documents) instead of a map entry.
	type pair struct {
		entity int64
		doc    int32
	}
	pairs := make([]pair, 0, len(mentionEntity))
	docNum := map[string]int32{}
	var docIDs []string
	rows, err = q.QueryContext(ctx, `SELECT id, doc FROM mentions`)
	if err != nil {
		return nil, fmt.Errorf("entity documents: %w", err)
	}
	var doc sql.RawBytes
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &doc); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entity documents: %w", err)
		}
		e, ok := mentionEntity[id]
		if !ok {
			continue
		}
		d, ok := docNum[string(doc)]
		if !ok {
			d = int32(len(docIDs))
			docIDs = append(docIDs, string(doc))
			docNum[docIDs[d]] = d
		}
		pairs = append(pairs, pair{e, d})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity documents: %w", err)
	}
	// Renumber the documents in id order, so that pairs sort as the
	// table's key (entity, doc).
	order := make([]int32, len(docIDs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(docIDs[a], docIDs[b]) })
	rank := make([]int32, len(docIDs))
	for r, d := range order {
		rank[d] = int32(r)
	}
	for i := range pairs {
		pairs[i].doc = rank[pairs[i].doc]
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := cmp.Compare(a.entity, b.entity); c != 0 {
			return c
		}
		return cmp.Compare(a.doc, b.doc)
	})
	var out []entityDocRow
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		id := docIDs[order[pairs[i].doc]]
		if src, ok := sources[id]; ok { // else not in the store (any more)
			out = append(out, entityDocRow{entity: pairs[i].entity, doc: id, mentions: j - i, source: src})
		}
		i = j
	}
	return out, nil
}

// insertEntityDocs writes entity_docs rows.
func insertEntityDocs(ctx context.Context, tx *Tx, eds []entityDocRow) error {
	rows := make([][]any, len(eds))
	for i, r := range eds {
		rows[i] = []any{r.entity, r.doc, r.mentions, r.source}
	}
	if err := insertRows(ctx, tx, "entity_docs", "entity, doc, mentions, source", rows); err != nil {
		return fmt.Errorf("entity documents: %w", err)
	}
	return nil
}

// MaxPairEntities bounds the entities of one document that enter the
// co-occurrence table (its most mentioned ones), so one document adds at
// most MaxPairEntities × (MaxPairEntities-1) pairs.
const MaxPairEntities = 60

// MaxMentionBytes is the longest mention the store relates to claims by
// overlap; the pipeline stores no longer one (a name is not a paragraph).
const MaxMentionBytes = 512

// entityNameSteps derive what belongs to the entities once their rows and
// aliases are written: the names they are found by, and the region (other
// than the main text) each alias's evidence lies in.
var entityNameSteps = []struct{ what, q string }{
	{"entity names", `INSERT INTO entity_names (name, entity) SELECT name, id FROM entities
		UNION SELECT name, entity FROM entity_aliases WHERE source <> 'rejected'`},
	{"alias regions", `UPDATE entity_aliases SET region = COALESCE((SELECT r.kind FROM regions r WHERE r.seq = (SELECT seq FROM documents WHERE id = entity_aliases.doc)
		AND r.start <= entity_aliases.start AND r.end >= entity_aliases.end AND r.kind <> 'main' LIMIT 1), '')
		WHERE doc <> ''`},
}

// claimEntitiesSQL fills claim_entities for the claims where selects
// (placeholders ?1, ?2). A claim's subject (object) entity is the entity
// of the longest resolved mention overlapping the subject (object) span.
// The spans are read from the JSON once per claim, and the mentions are
// found through mentions_doc_start within MaxMentionBytes of the span, so
// the cost follows the claims, not claims × mentions of a document.
func claimEntitiesSQL(where string) string {
	return `WITH c AS MATERIALIZED (SELECT id, doc,
			json_extract(data, '$.subject.start') AS ss, json_extract(data, '$.subject.end') AS se,
			json_extract(data, '$.object.start') AS os, json_extract(data, '$.object.end') AS oe,
			json_extract(data, '$.speaker_mention') AS sm FROM claims ` + where + `)
		INSERT INTO claim_entities (claim, subject_entity, object_entity, speaker_entity)
		SELECT c.id,
			COALESCE((SELECT me.entity FROM mentions m JOIN mention_entities me ON me.mention = m.id
				WHERE m.doc = c.doc AND m.start < c.se AND m.start > c.ss - ` + fmt.Sprint(MaxMentionBytes) + ` AND m.end > c.ss
				ORDER BY m.end - m.start DESC, m.start LIMIT 1), 0),
			COALESCE((SELECT me.entity FROM mentions m JOIN mention_entities me ON me.mention = m.id
				WHERE m.doc = c.doc AND m.start < c.oe AND m.start > c.os - ` + fmt.Sprint(MaxMentionBytes) + ` AND m.end > c.os
				ORDER BY m.end - m.start DESC, m.start LIMIT 1), 0),
			COALESCE((SELECT me.entity FROM mentions m JOIN mention_entities me ON me.mention = m.id
				WHERE m.doc = c.doc AND m.ord = c.sm), 0)
		FROM c`
}

// EachMention calls fn for every stored mention, ordered by document id and
// then document order, with Entity set from the current entity layer (0 when
// unresolved). It reads in one query without holding all mentions in memory.
func (db *DB) EachMention(ctx context.Context, fn func(claimgraph.Mention) error) error {
	rows, err := db.db.QueryContext(ctx, `SELECT `+mentionColumns+` FROM mentions m
		LEFT JOIN mention_entities me ON me.mention = m.id ORDER BY m.doc, m.ord`)
	if err != nil {
		return fmt.Errorf("all mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			return fmt.Errorf("all mentions: %w", err)
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AllMentions returns every stored mention as EachMention visits them.
// The entity layer's pass holds them all (1.75M at 100k documents), so
// their strings are shared: a document's id by all its mentions, a name,
// a text, a type and a kind by all their occurrences (each had a copy of
// its own, a fifth of the pass's peak memory), and the slice is allocated
// at its size instead of grown by doubling.
func (db *DB) AllMentions(ctx context.Context) ([]claimgraph.Mention, error) {
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM mentions`).Scan(&n); err != nil {
		return nil, fmt.Errorf("all mentions: %w", err)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+mentionColumns+` FROM mentions m
		LEFT JOIN mention_entities me ON me.mention = m.id ORDER BY m.doc, m.ord`)
	if err != nil {
		return nil, fmt.Errorf("all mentions: %w", err)
	}
	defer rows.Close()
	out := make([]claimgraph.Mention, 0, n) // another writer's mentions since: append grows it
	strs := map[string]string{}
	intern := func(b []byte) string {
		if s, ok := strs[string(b)]; ok {
			return s
		}
		s := string(b)
		strs[s] = s
		return s
	}
	var doc, text, typ, kind, name sql.RawBytes
	for rows.Next() {
		var m claimgraph.Mention
		if err := rows.Scan(&m.ID, &doc, &m.Start, &m.End, &text, &typ, &kind, &name, &m.Chain, &m.Ambiguous, &m.Confidence, &m.Entity); err != nil {
			return nil, fmt.Errorf("all mentions: %w", err)
		}
		if k := len(out); k > 0 && out[k-1].Doc == string(doc) {
			m.Doc = out[k-1].Doc // in document order: the previous mention's
		} else {
			m.Doc = string(doc)
		}
		m.Text, m.Type, m.Kind, m.Name = intern(text), intern(typ), intern(kind), intern(name)
		out = append(out, m)
	}
	return out, rows.Err()
}

// AllAliasAssertions returns every stored alias assertion, ordered by
// document id and then document order.
func (db *DB) AllAliasAssertions(ctx context.Context) ([]claimgraph.AliasAssertion, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT doc, name, alias, type, pattern, start, end, evidence FROM alias_assertions ORDER BY doc, ord`)
	if err != nil {
		return nil, fmt.Errorf("all alias assertions: %w", err)
	}
	defer rows.Close()
	var out []claimgraph.AliasAssertion
	for rows.Next() {
		var s claimgraph.AliasAssertion
		if err := rows.Scan(&s.Doc, &s.Name, &s.Alias, &s.Type, &s.Pattern, &s.Start, &s.End, &s.Evidence); err != nil {
			return nil, fmt.Errorf("all alias assertions: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// mentionColumns reads a mention (alias m) with its entity (alias me, from a
// LEFT JOIN on mention_entities).
const mentionColumns = `m.id, m.doc, m.start, m.end, m.text, m.type, m.kind, m.name, m.chain, m.ambiguous, m.confidence, COALESCE(me.entity, 0)`

func scanMention(sc interface{ Scan(...any) error }) (claimgraph.Mention, error) {
	var m claimgraph.Mention
	err := sc.Scan(&m.ID, &m.Doc, &m.Start, &m.End, &m.Text, &m.Type, &m.Kind, &m.Name, &m.Chain, &m.Ambiguous, &m.Confidence, &m.Entity)
	return m, err
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

var _ claimgraph.QueryStore = (*DB)(nil)

// Caps on the lists of an entity page, so a page stays fast for an entity
// named in tens of thousands of documents.
const (
	maxEntityDocs      = 500
	maxEntityMentions  = 500
	maxCoOccurring     = 50
	maxAmbiguousShown  = 100
	maxEntityListLimit = 10000
)

// resolveEntity returns the id of the entity ref names: a numeric id, a
// canonical name, or an alias (case-insensitive for ASCII). When several
// entities share a name the one with most mentions wins, the canonical name
// before an alias. ENOTFOUND when none.
func (db *DB) resolveEntity(ctx context.Context, ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, claimgraph.Errorf(claimgraph.EINVALID, "empty entity name")
	}
	var id int64
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		err := db.db.QueryRowContext(ctx, `SELECT id FROM entities WHERE id = ?`, n).Scan(&id)
		if err == nil {
			return id, nil
		} else if err != sql.ErrNoRows {
			return 0, fmt.Errorf("entity %s: %w", ref, err)
		}
	}
	err := db.db.QueryRowContext(ctx, `SELECT id FROM (
			SELECT id, mentions, 0 AS pref FROM entities WHERE name = ?1 COLLATE NOCASE
			UNION ALL
			SELECT e.id, e.mentions, 1 FROM entity_aliases a JOIN entities e ON e.id = a.entity WHERE a.name = ?1 COLLATE NOCASE)
		ORDER BY pref, mentions DESC, id LIMIT 1`, ref).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, claimgraph.Errorf(claimgraph.ENOTFOUND, "no entity %q", ref)
	} else if err != nil {
		return 0, fmt.Errorf("entity %s: %w", ref, err)
	}
	return id, nil
}

// Entities lists entities by type and alias substring, sorted and paged.
func (db *DB) Entities(ctx context.Context, f claimgraph.EntityFilter) ([]claimgraph.Entity, error) {
	var where []string
	var args []any
	if f.Type != "" {
		where = append(where, `e.type = ?`)
		args = append(args, f.Type)
	}
	if q := strings.TrimSpace(f.Query); utf8.RuneCountInString(q) >= 3 {
		cond, arg := db.dialect.NameMatch(q) // from the name index
		where = append(where, cond)
		args = append(args, arg)
	} else if q != "" {
		// Too short for trigrams: scan the names.
		like := "%" + escapeLike(q) + "%"
		where = append(where, `(e.name LIKE ? ESCAPE '\' OR e.id IN (SELECT entity FROM entity_aliases WHERE name LIKE ? ESCAPE '\'))`)
		args = append(args, like, like)
	}
	if cond, a := scopeDocs("ed.doc", f.Docs); cond != "" {
		where = append(where, `e.id IN (SELECT ed.entity FROM entity_docs ed WHERE `+cond+`)`)
		args = append(args, a...)
	}
	q := `SELECT e.id, e.name, e.type, e.mentions, e.docs FROM entities e`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	switch f.Sort {
	case "", "mentions":
		q += ` ORDER BY e.mentions DESC, e.docs DESC, e.id`
	case "docs":
		q += ` ORDER BY e.docs DESC, e.mentions DESC, e.id`
	case "name":
		q += ` ORDER BY e.name COLLATE NOCASE, e.id`
	default:
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "unknown entity sort %q (want mentions, docs or name)", f.Sort)
	}
	limit := f.Limit
	if limit <= 0 || limit > maxEntityListLimit {
		limit = maxEntityListLimit
	}
	q += limitClause(f.Offset, limit)
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	out := []claimgraph.Entity{}
	for rows.Next() {
		var e claimgraph.Entity
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Mentions, &e.Docs); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	ids := make([]int64, len(out))
	for i, e := range out {
		ids[i] = e.ID
	}
	aliases, err := db.aliasesOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Aliases = aliases[out[i].ID]
		if out[i].Aliases == nil {
			out[i].Aliases = []claimgraph.Alias{}
		}
	}
	return out, nil
}

// aliasesOf returns the aliases of the entities, in batches of bounded size.
func (db *DB) aliasesOf(ctx context.Context, ids []int64) (map[int64][]claimgraph.Alias, error) {
	out := map[int64][]claimgraph.Alias{}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i := range n {
			args[i] = ids[i]
		}
		ids = ids[n:]
		rows, err := db.db.QueryContext(ctx, `SELECT entity, name, source, rule, doc, start, end, evidence, region
			FROM entity_aliases WHERE entity IN (`+placeholders(n)+`) ORDER BY entity, rowid`, args...)
		if err != nil {
			return nil, fmt.Errorf("entity aliases: %w", err)
		}
		for rows.Next() {
			var id int64
			var a claimgraph.Alias
			if err := rows.Scan(&id, &a.Name, &a.Source, &a.Rule, &a.Doc, &a.Start, &a.End, &a.Evidence, &a.Region); err != nil {
				rows.Close()
				return nil, fmt.Errorf("entity aliases: %w", err)
			}
			out[id] = append(out[id], a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("entity aliases: %w", err)
		}
	}
	return out, nil
}

// Entity returns an entity page: the entity by id, name or alias, its
// aliases with evidence, its documents, co-occurring entities, its mentions
// and the ambiguous mentions that could be it.
func (db *DB) Entity(ctx context.Context, ref string) (*claimgraph.EntityDetail, error) {
	id, err := db.resolveEntity(ctx, ref)
	if err != nil {
		return nil, err
	}
	d := &claimgraph.EntityDetail{}
	if err := db.db.QueryRowContext(ctx, `SELECT id, name, type, mentions, docs FROM entities WHERE id = ?`, id).
		Scan(&d.ID, &d.Name, &d.Type, &d.Entity.Mentions, &d.Docs); err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	aliases, err := db.aliasesOf(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	d.Aliases = orEmpty(aliases[id])
	if d.Documents, err = db.entityDocs(ctx, id); err != nil {
		return nil, err
	}
	if d.CoOccurring, err = db.coOccurring(ctx, id, maxCoOccurring); err != nil {
		return nil, err
	}
	if d.Mentions, err = db.queryMentions(ctx, `JOIN mention_entities me ON me.mention = m.id WHERE me.entity = ? ORDER BY me.mention LIMIT ?`, id, maxEntityMentions); err != nil {
		return nil, err
	}
	if d.Ambiguous, err = db.ambiguousFor(ctx, d.Type, d.Name, d.Aliases); err != nil {
		return nil, err
	}
	return d, nil
}

func (db *DB) entityDocs(ctx context.Context, id int64) ([]claimgraph.EntityDoc, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT ed.doc, d.title, d.outlet, d.date, ed.mentions
		FROM entity_docs ed JOIN documents d ON d.id = ed.doc WHERE ed.entity = ?
		ORDER BY ed.mentions DESC LIMIT ?`, id, maxEntityDocs)
	if err != nil {
		return nil, fmt.Errorf("documents of entity %d: %w", id, err)
	}
	defer rows.Close()
	out := []claimgraph.EntityDoc{}
	for rows.Next() {
		var e claimgraph.EntityDoc
		if err := rows.Scan(&e.Doc, &e.Title, &e.Outlet, &e.Date, &e.Mentions); err != nil {
			return nil, fmt.Errorf("documents of entity %d: %w", id, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// coOccurring returns the entities sharing most documents with id.
func (db *DB) coOccurring(ctx context.Context, id int64, limit int) ([]claimgraph.EntityCount, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT e.id, e.name, e.type, p.docs FROM entity_pairs p JOIN entities e ON e.id = p.b
		WHERE p.a = ? ORDER BY p.docs DESC, p.b LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
	}
	defer rows.Close()
	out := []claimgraph.EntityCount{}
	for rows.Next() {
		var c claimgraph.EntityCount
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Docs); err != nil {
			return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ambiguousFor returns ambiguous mentions (bare names shared by several
// actors, left unresolved) whose name is one of the entity's names or, for
// a person, the last word of one: the mentions a reviewer should look at.
func (db *DB) ambiguousFor(ctx context.Context, typ, name string, aliases []claimgraph.Alias) ([]claimgraph.Mention, error) {
	seen := map[string]bool{}
	var args []any
	add := func(s string) {
		s = strings.TrimSpace(s)
		if k := strings.ToLower(s); s != "" && !seen[k] {
			seen[k] = true
			args = append(args, s)
		}
	}
	for _, n := range append([]string{name}, aliasNames(aliases)...) {
		add(n)
		if f := strings.Fields(n); typ == claimgraph.TypePER && len(f) > 1 {
			add(f[len(f)-1])
		}
	}
	if len(args) == 0 {
		return nil, nil
	}
	args = append(args, maxAmbiguousShown)
	return db.queryMentions(ctx, `LEFT JOIN mention_entities me ON me.mention = m.id
		WHERE m.ambiguous = 1 AND m.name COLLATE NOCASE IN (`+placeholders(len(args)-1)+`) ORDER BY m.doc, m.start LIMIT ?`, args...)
}

func aliasNames(as []claimgraph.Alias) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return out
}

// queryMentions reads mentions (alias m) with their entity; tail must join
// mention_entities as me.
func (db *DB) queryMentions(ctx context.Context, tail string, args ...any) ([]claimgraph.Mention, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+mentionColumns+` FROM mentions m `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	out := []claimgraph.Mention{}
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// escapeLike escapes LIKE wildcards with a backslash.
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

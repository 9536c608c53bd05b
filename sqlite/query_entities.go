package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/resolve"
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
// canonical name or an alias (any case), else a name equal to ref once
// diacritics, punctuation, Arabic articles and transliteration are folded,
// or ending with ref's words (a surname: "Assad", "Putin"). When the names
// fit several entities it fails with ECONFLICT listing them, with their ids
// and mention counts, most mentioned first; ENOTFOUND when none fits.
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
		// An id absorbed by another entity leads to it.
		if to, ok, err := db.EntityRedirect(ctx, n); err != nil || ok {
			return to, err
		}
	}
	// Exact names first: canonical names, then aliases.
	for _, q := range []string{
		`SELECT id, name, type, mentions FROM entities WHERE name = ? COLLATE NOCASE`,
		`SELECT DISTINCT e.id, e.name, e.type, e.mentions FROM entity_aliases a JOIN entities e ON e.id = a.entity WHERE a.name = ? COLLATE NOCASE AND a.source <> 'rejected'`,
	} {
		cands, err := db.entityCandidates(ctx, q, nil, ref)
		if err != nil {
			return 0, fmt.Errorf("entity %s: %w", ref, err)
		}
		if len(cands) > 0 {
			return pickEntity(ref, cands)
		}
	}
	cands, err := db.LookupEntityName(ctx, ref)
	if err != nil {
		return 0, err
	}
	if len(cands) == 0 {
		return 0, claimgraph.Errorf(claimgraph.ENOTFOUND, "no entity %q", ref)
	}
	return pickEntity(ref, cands)
}

// EntityCandidate is an entity a name may denote.
type EntityCandidate = claimgraph.EntityCandidate

// pickEntity returns the one candidate, or an ECONFLICT error listing them
// (an *claimgraph.AmbiguousNameError, so that a caller can offer the choice).
func pickEntity(ref string, cands []EntityCandidate) (int64, error) {
	if len(cands) == 1 {
		return cands[0].ID, nil
	}
	var b strings.Builder
	for i, c := range cands {
		if i == 10 {
			fmt.Fprintf(&b, "; and %d more", len(cands)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%d %s (%d mentions)", c.ID, c.Name, c.Mentions)
	}
	return 0, &claimgraph.AmbiguousNameError{Name: ref, Candidates: cands,
		Err: claimgraph.Errorf(claimgraph.ECONFLICT, "%q fits %d entities, give one id: %s", ref, len(cands), b.String())}
}

// LookupEntityName returns the entities that go by a name once both are
// folded (resolve.NameFits: case, diacritics, punctuation, Arabic articles,
// transliteration, or the name's last words), most mentioned first. Names
// sharing three letters with ref are fetched from the name index (the
// dialect's NameMatch), so a lookup never scans every alias.
func (db *DB) LookupEntityName(ctx context.Context, ref string) ([]EntityCandidate, error) {
	var probes []string
	// Folded words: "Jáne Roë" probes for "jane" (the index folds case only).
	for _, w := range strings.Fields(resolve.ExactKey(ref)) {
		if utf8.RuneCountInString(w) >= 3 {
			probes = append(probes, w)
		}
	}
	if len(probes) == 0 {
		return nil, nil
	}
	// The longest word of ref narrows the index lookup most.
	probe := probes[0]
	for _, p := range probes {
		if len(p) > len(probe) {
			probe = p
		}
	}
	fits := func(name string) bool { return resolve.NameFits(ref, name) }
	cond, arg := db.dialect.NameMatch(probe)
	return db.entityCandidates(ctx, `SELECT e.id, e.name, e.type, e.mentions, a.name FROM entities e JOIN entity_aliases a ON a.entity = e.id
		WHERE `+cond+` AND a.source <> 'rejected'`, fits, arg)
}

// entityCandidates runs a query of (id, name, type, mentions) rows, with a fifth
// column, the name that matched, when keep is set: it keeps the rows whose
// matched name or canonical name passes keep. It returns one row per
// entity, most mentioned first.
func (db *DB) entityCandidates(ctx context.Context, q string, keep func(string) bool, args ...any) ([]EntityCandidate, error) {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("look up entity: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	var out []EntityCandidate
	for rows.Next() {
		var c EntityCandidate
		var matched string
		dest := []any{&c.ID, &c.Name, &c.Type, &c.Mentions}
		if keep != nil {
			dest = append(dest, &matched)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("look up entity: %w", err)
		}
		if seen[c.ID] || keep != nil && !keep(matched) && !keep(c.Name) {
			continue
		}
		seen[c.ID] = true
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("look up entity: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
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
		// The index gives the names holding q; of them only those where q
		// starts a word count ("Assad" is not found in "ambassador"). The
		// word test goes inside the dialect's index subquery, so the index
		// still narrows the scan.
		cond, arg := db.dialect.NameMatch(q)
		like := strings.ToLower(escapeLike(q)) + "%"
		if strings.HasSuffix(cond, ")") {
			cond = cond[:len(cond)-1] + ` AND (LOWER(name) LIKE ? ESCAPE '\' OR LOWER(name) LIKE ? ESCAPE '\' OR LOWER(name) LIKE ? ESCAPE '\'))`
		} else {
			cond += ` AND e.id IN (SELECT entity FROM entity_names WHERE LOWER(name) LIKE ? ESCAPE '\' OR LOWER(name) LIKE ? ESCAPE '\' OR LOWER(name) LIKE ? ESCAPE '\')`
		}
		where = append(where, cond)
		args = append(args, arg, like, "% "+like, "%-"+like)
	} else if q != "" {
		// Too short for trigrams: scan the names.
		like := escapeLike(q) + "%"
		where = append(where, `(e.name LIKE ? ESCAPE '\' OR e.name LIKE ? ESCAPE '\' OR e.id IN (SELECT entity FROM entity_aliases WHERE (name LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\') AND source <> 'rejected'))`)
		args = append(args, like, "% "+like, like, "% "+like)
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
	return db.EntityLimited(ctx, ref, maxEntityDocs, maxEntityMentions)
}

// EntityLimited is Entity with at most maxDocs documents (the most
// mentioning first) and maxMentions mentions (none when 0), for a page
// that shows no more: the entity page lists 100 documents and no mention,
// and reading 500 of each was most of its cost.
func (db *DB) EntityLimited(ctx context.Context, ref string, maxDocs, maxMentions int) (*claimgraph.EntityDetail, error) {
	maxDocs, maxMentions = min(max(maxDocs, 0), maxEntityDocs), min(max(maxMentions, 0), maxEntityMentions)
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
	if d.Documents, err = db.entityDocs(ctx, id, maxDocs); err != nil {
		return nil, err
	}
	if d.CoOccurring, err = db.coOccurring(ctx, id, maxCoOccurring); err != nil {
		return nil, err
	}
	d.Mentions = []claimgraph.Mention{}
	if maxMentions > 0 {
		if d.Mentions, err = db.queryMentions(ctx, `JOIN mention_entities me ON me.mention = m.id WHERE me.entity = ? ORDER BY me.mention LIMIT ?`, id, maxMentions); err != nil {
			return nil, err
		}
	}
	if d.Ambiguous, err = db.ambiguousFor(ctx, d.Type, d.Name, d.Aliases); err != nil {
		return nil, err
	}
	return d, nil
}

func (db *DB) entityDocs(ctx context.Context, id int64, limit int) ([]claimgraph.EntityDoc, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT ed.doc, d.title, d.outlet, d.date, ed.mentions
		FROM entity_docs ed JOIN documents d ON d.id = ed.doc WHERE ed.entity = ?
		ORDER BY ed.mentions DESC LIMIT ?`, id, limit)
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
	lists, err := partnersOf(ctx, db.db, []int64{id}, limit)
	if err != nil {
		return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
	}
	ps := lists[id]
	out := []claimgraph.EntityCount{}
	if len(ps) == 0 {
		return out, nil
	}
	ids := make([]any, len(ps))
	for i, p := range ps {
		ids[i] = p.entity
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, name, type FROM entities WHERE id IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
	}
	defer rows.Close()
	named := map[int64]claimgraph.EntityCount{}
	for rows.Next() {
		var c claimgraph.EntityCount
		if err := rows.Scan(&c.ID, &c.Name, &c.Type); err != nil {
			return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
		}
		named[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
	}
	for _, p := range ps {
		if c, ok := named[p.entity]; ok {
			c.Docs = p.docs
			out = append(out, c)
		}
	}
	return out, nil
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

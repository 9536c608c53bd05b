package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// The entity layer is built aside and swapped in here as on SQLite (see
// package sqlite, layer.go): shadow tables NAME_next are created like the
// live ones (columns, defaults, checks, indexes) but without their foreign
// keys, so that loading them checks and locks no document, mention or
// claim row; the swap adds the foreign keys NOT VALID (the rows were read
// from those tables), drops the live tables, renames the shadows and their
// indexes to the live names, and hands the live tables' sequences over.

func createShadows(ctx context.Context, tx *sql.Tx, tables []string, suffix string) error {
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS `+tables[i]+suffix); err != nil {
			return err
		}
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE `+t+suffix+` (LIKE `+t+` INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`); err != nil {
			return fmt.Errorf("shadow of %s: %w", t, err)
		}
	}
	return nil
}

// indexDefs returns each index of table by its definition with the index
// name taken out and the table named as base, so that a live table's
// indexes and its shadow's match.
func indexDefs(ctx context.Context, tx *sql.Tx, table, base string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
		JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
		WHERE c.oid = to_regclass($1)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, err
		}
		def = strings.Replace(def, " INDEX "+name+" ON ", " INDEX ? ON ", 1)
		def = strings.Replace(def, "."+table+" ", "."+base+" ", 1)
		def = strings.Replace(def, " ON "+table+" ", " ON "+base+" ", 1)
		out[def] = name
	}
	return out, rows.Err()
}

// swapShadows replaces the live layer tables by their shadows in tx. Its
// statements take table locks one by one (each foreign key added to a
// shadow locks the table it references), while an ingest's transaction
// takes row locks on the same tables in its own order (documents, then
// mentions, ...): PostgreSQL then aborts one of the two with a deadlock,
// seen with three concurrent ingests. The swap is the cheap side to redo:
// it rolls back to a savepoint, releasing what it took, and tries again.
func swapShadows(ctx context.Context, tx *sql.Tx, tables []string, suffix string, shadowSQL func(string) string) error {
	const attempts = 5
	for attempt := 1; ; attempt++ {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT swap_shadows`); err != nil {
			return fmt.Errorf("savepoint: %w", err)
		}
		err := swapShadowsOnce(ctx, tx, tables, suffix, shadowSQL)
		var pe *pgconn.PgError
		if err == nil || attempt == attempts || !errors.As(err, &pe) || pe.Code != "40P01" {
			return err
		}
		if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT swap_shadows`); rerr != nil {
			return fmt.Errorf("%w (and rolling back to retry: %v)", err, rerr)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
		}
	}
}

func swapShadowsOnce(ctx context.Context, tx *sql.Tx, tables []string, suffix string, shadowSQL func(string) string) error {
	in := `('` + strings.Join(tables, "', '") + `')`
	// Foreign keys of the live tables, added to the shadows unchecked.
	fks, err := queryTriples(ctx, tx, `SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
		JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'f' AND c.relname IN `+in+`
		AND c.relnamespace = to_regnamespace(current_schema())`)
	if err != nil {
		return fmt.Errorf("foreign keys: %w", err)
	}
	// The tables the foreign keys reference, locked up front in the order
	// an ingest's batch writes them (documents, then mentions, ...): adding
	// a key locks its table against writes, and taken one key at a time,
	// the swap could hold mentions while it waited for a batch's documents
	// and the batch wait for mentions. PostgreSQL then aborts one of the two,
	// and when it chose the batch, the ingest failed (TestConcurrentIngest-
	// Postgres under -race: "put analysis: mentions: deadlock detected").
	if refs := referencedTables(fks, tables); len(refs) > 0 {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE `+strings.Join(refs, ", ")+` IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return fmt.Errorf("lock %s: %w", strings.Join(refs, ", "), err)
		}
	}
	for _, f := range fks {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+f[0]+suffix+` ADD CONSTRAINT `+f[1]+` `+shadowSQL(f[2])+` NOT VALID`); err != nil {
			return fmt.Errorf("foreign key %s: %w", f[1], err)
		}
	}
	// Index names to restore, and sequences owned by live columns.
	type rename struct{ from, to string }
	var renames []rename
	for _, t := range tables {
		live, err := indexDefs(ctx, tx, t, t)
		if err != nil {
			return fmt.Errorf("indexes of %s: %w", t, err)
		}
		shadow, err := indexDefs(ctx, tx, t+suffix, t)
		if err != nil {
			return fmt.Errorf("indexes of %s: %w", t+suffix, err)
		}
		for def, name := range shadow {
			if to, ok := live[def]; ok {
				renames = append(renames, rename{name, to})
			}
		}
	}
	seqs, err := queryTriples(ctx, tx, `SELECT s.relname, t.relname, a.attname FROM pg_depend d
		JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
		JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
		WHERE d.deptype = 'a' AND t.relname IN `+in+` AND t.relnamespace = to_regnamespace(current_schema())`)
	if err != nil {
		return fmt.Errorf("sequences: %w", err)
	}
	for _, q := range seqs {
		if _, err := tx.ExecContext(ctx, `ALTER SEQUENCE `+q[0]+` OWNED BY NONE`); err != nil {
			return fmt.Errorf("sequence %s: %w", q[0], err)
		}
	}
	// Statistics for the planner before readers meet the new tables (the
	// live tables are not locked yet).
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `ANALYZE `+t+suffix); err != nil {
			return fmt.Errorf("analyze %s: %w", t+suffix, err)
		}
	}
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, `DROP TABLE `+tables[i]); err != nil {
			return fmt.Errorf("drop %s: %w", tables[i], err)
		}
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+t+suffix+` RENAME TO `+t); err != nil {
			return fmt.Errorf("rename %s: %w", t, err)
		}
	}
	for _, r := range renames {
		if _, err := tx.ExecContext(ctx, `ALTER INDEX `+r.from+` RENAME TO `+r.to); err != nil {
			return fmt.Errorf("index %s: %w", r.to, err)
		}
	}
	for _, q := range seqs {
		if _, err := tx.ExecContext(ctx, `ALTER SEQUENCE `+q[0]+` OWNED BY `+q[1]+`.`+q[2]); err != nil {
			return fmt.Errorf("sequence %s: %w", q[0], err)
		}
	}
	return nil
}

// ingestOrder is the order in which an ingest's batch first writes the
// tables the entity layer references (sqlite.putDocument: the document,
// then its regions, mentions, alias assertions, quotes, claims and times).
var ingestOrder = []string{"documents", "regions", "mentions", "alias_assertions", "quotes", "claims", "times"}

// referencedTables returns the tables outside the layer that the foreign
// keys fks (table, name, definition) reference, in ingestOrder (others
// after them, by name).
func referencedTables(fks [][3]string, layer []string) []string {
	rank := func(t string) int {
		if i := slices.Index(ingestOrder, t); i >= 0 {
			return i
		}
		return len(ingestOrder)
	}
	var out []string
	for _, f := range fks {
		_, rest, ok := strings.Cut(f[2], " REFERENCES ")
		if !ok {
			continue
		}
		t, _, _ := strings.Cut(rest, "(")
		t = strings.TrimSpace(t)
		if t == "" || slices.Contains(layer, t) || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := rank(a) - rank(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}

// queryTriples reads the rows of a query of three text columns.
func queryTriples(ctx context.Context, tx *sql.Tx, q string) ([][3]string, error) {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][3]string
	for rows.Next() {
		var r [3]string
		if err := rows.Scan(&r[0], &r[1], &r[2]); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

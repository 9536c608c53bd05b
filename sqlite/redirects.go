package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// RedirectEntities records that each old entity id now denotes the entity
// it maps to (absorbed by it), in one transaction: redirects that pointed
// at an absorbed id follow it, and an id that denotes an entity of its own
// again is no longer redirected. It is written before the entity layer it
// belongs to, so a process killed between the two leaves redirects that
// the next recomputation writes again.
func (db *DB) RedirectEntities(ctx context.Context, redirects map[int64]int64) error {
	if len(redirects) == 0 {
		return nil
	}
	olds := make([]int64, 0, len(redirects))
	for o := range redirects {
		olds = append(olds, o)
	}
	sort.Slice(olds, func(i, j int) bool { return olds[i] < olds[j] })
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("redirect entities: %w", err)
	}
	defer tx.Rollback()
	for _, o := range olds {
		n := redirects[o]
		if _, err := tx.ExecContext(ctx, `UPDATE entity_redirects SET entity = ? WHERE entity = ?`, n, o); err != nil {
			return fmt.Errorf("redirect entity %d: %w", o, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_redirects (old, entity) VALUES (?, ?)
			ON CONFLICT (old) DO UPDATE SET entity = excluded.entity`, o, n); err != nil {
			return fmt.Errorf("redirect entity %d: %w", o, err)
		}
		// An id redirected to itself (a chain come back) is no redirect.
		if _, err := tx.ExecContext(ctx, `DELETE FROM entity_redirects WHERE old = entity`); err != nil {
			return fmt.Errorf("redirect entity %d: %w", o, err)
		}
	}
	return tx.Commit()
}

// EntityRedirect returns the entity an absorbed id now denotes; false when
// the id is not redirected.
func (db *DB) EntityRedirect(ctx context.Context, id int64) (int64, bool, error) {
	var to int64
	err := db.db.QueryRowContext(ctx, `SELECT r.entity FROM entity_redirects r JOIN entities e ON e.id = r.entity WHERE r.old = ?`, id).Scan(&to)
	if err == sql.ErrNoRows {
		return 0, false, nil
	} else if err != nil {
		return 0, false, fmt.Errorf("entity redirect %d: %w", id, err)
	}
	return to, true, nil
}

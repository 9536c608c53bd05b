package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"syscall"
)

// Derived layers catch up from durable pending work: every write the
// entity layer depends on bumps the store's generation in its own
// transaction, and each document of an outlet marks the outlet for
// boilerplate learning in the document's transaction. A later run finishes
// whatever a killed or overlapping one left.

// bumpGeneration is run inside every transaction that changes what the
// entity layer is computed from. It is the last statement before commit:
// on PostgreSQL the row is locked until then, and concurrent writers queue
// on it only that long.
const bumpGeneration = `INSERT INTO state (key, value) VALUES ('generation', '1')
	ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(state.value AS BIGINT) + 1 AS TEXT)`

func (db *DB) stateInt(ctx context.Context, key string) (int64, error) {
	var v string
	err := db.db.QueryRowContext(ctx, `SELECT value FROM state WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

// EntityGeneration returns the store's generation and the generation the
// stored entity layer was computed from; the layer is stale when they
// differ.
func (db *DB) EntityGeneration(ctx context.Context) (current, built int64, err error) {
	if current, err = db.stateInt(ctx, "generation"); err != nil {
		return 0, 0, fmt.Errorf("store generation: %w", err)
	}
	if built, err = db.stateInt(ctx, "entities_generation"); err != nil {
		return 0, 0, fmt.Errorf("entity layer generation: %w", err)
	}
	return current, built, nil
}

// EntitiesStale reports whether documents, analyses or decisions changed
// since the entity layer was computed.
func (db *DB) EntitiesStale(ctx context.Context) (bool, error) {
	cur, built, err := db.EntityGeneration(ctx)
	return cur != built, err
}

// MarkEntitiesBuilt records that the stored entity layer was computed from
// generation g (read before its inputs were read).
func (db *DB) MarkEntitiesBuilt(ctx context.Context, g int64) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO state (key, value) VALUES ('entities_generation', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.FormatInt(g, 10))
	if err != nil {
		return fmt.Errorf("mark entity layer built: %w", err)
	}
	return nil
}

// LockEntities takes the lock one process at a time recomputes the entity
// layer under, across processes (and machines, on PostgreSQL), and returns
// its release.
func (db *DB) LockEntities(ctx context.Context) (func(), error) {
	if db.dialect.LockEntities != nil {
		return db.dialect.LockEntities(ctx, db.db.DB)
	}
	// SQLite: an exclusive flock on a file beside the store.
	f, err := os.OpenFile(db.path+".entities.lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("entity layer lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("entity layer lock: %w", err)
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

// PendingOutlets returns the outlets marked for boilerplate learning, each
// with its mark's version (raised by every later document of the outlet).
func (db *DB) PendingOutlets(ctx context.Context) (map[string]int64, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT outlet, version FROM pending_outlets ORDER BY outlet`)
	if err != nil {
		return nil, fmt.Errorf("pending outlets: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var o string
		var v int64
		if err := rows.Scan(&o, &v); err != nil {
			return nil, fmt.Errorf("pending outlets: %w", err)
		}
		out[o] = v
	}
	return out, rows.Err()
}

// DoneOutlet removes an outlet's mark if no document of it was stored
// since version was read.
func (db *DB) DoneOutlet(ctx context.Context, outlet string, version int64) error {
	if _, err := db.db.ExecContext(ctx, `DELETE FROM pending_outlets WHERE outlet = ? AND version = ?`, outlet, version); err != nil {
		return fmt.Errorf("outlet %q learned: %w", outlet, err)
	}
	return nil
}

// markOutlet marks a document's outlet for boilerplate learning, in the
// document's transaction.
func markOutlet(ctx context.Context, tx *Tx, outlet string) error {
	if outlet == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO pending_outlets (outlet, version) VALUES (?, 1)
		ON CONFLICT (outlet) DO UPDATE SET version = pending_outlets.version + 1`, outlet)
	return err
}

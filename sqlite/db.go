// Package sqlite is claimgraph's embedded store: one SQLite file through a
// pure-Go driver, WAL mode, one writer, numbered migrations embedded in the
// binary. Each document is committed in one transaction with everything
// derived from it, so a killed ingest leaves either the whole document or
// nothing, and the next run resumes where it stopped.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is an open store.
type DB struct {
	db   *sql.DB
	path string
	// Now returns the current time; tests may fix it.
	Now func() time.Time
}

// Open opens (creating if needed) the store at path and applies pending
// migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// A 64 MiB page cache per connection and memory-mapped reads: a store
	// of 100k documents is hundreds of MB and the default 2 MB cache makes
	// entity pages read the disk over and over.
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "mmap_size(1073741824)")
	q.Set("_txlock", "immediate")
	// The path is a URI's path here: "?", "#" and "%" in a file name are
	// escaped, or "a?b.db" would open the file "a".
	dsn := "file:" + uriPath.Replace(path) + "?" + q.Encode()
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Keep connections, and their warm page caches, between requests: an
	// entity page reads on four connections at once, and database/sql's
	// default of two idle ones closed the others after every page, so the
	// next page opened fresh connections with empty caches.
	sdb.SetMaxIdleConns(8)
	db := &DB{db: sdb, path: path, Now: time.Now}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// uriPath escapes what a SQLite URI filename would read as syntax.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Close closes the store.
func (db *DB) Close() error { return db.db.Close() }

// SQL returns the underlying database for read-only queries by other
// packages of this store.
func (db *DB) SQL() *sql.DB { return db.db }

// migrate applies the embedded migrations not yet recorded, each in its own
// transaction, in the order of their numbers.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	type mig struct {
		version int
		name    string
	}
	var migs []mig
	for _, n := range names {
		base := strings.TrimPrefix(n, "migration/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", base)
		}
		migs = append(migs, mig{v, base})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	for _, m := range migs {
		if err := db.apply(ctx, m.version, m.name); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, version int, name string) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrationFS.ReadFile("migration/" + name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (version, name) VALUES (?, ?)`, version, name); err != nil {
		return err
	}
	return tx.Commit()
}

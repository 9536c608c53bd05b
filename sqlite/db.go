// Package sqlite is claimgraph's embedded store: one SQLite file through a
// pure-Go driver, WAL mode, one writer, numbered migrations embedded in the
// binary. Each document is committed in one transaction with everything
// derived from it, so a killed ingest leaves either the whole document or
// nothing, and the next run resumes where it stopped.
//
// The store's SQL is written once, in SQLite's dialect. Package postgres
// runs the same statements on PostgreSQL through a Dialect: it rewrites
// the few spellings that differ (placeholders, a column named end) and
// supplies its own schema, migrations and full-text search.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is an open store.
type DB struct {
	db      *conn
	path    string
	dialect Dialect
	// Now returns the current time; tests may fix it.
	Now func() time.Time

	hasDoc *sql.Stmt // HasDocument's query, prepared (nil: not)
	// layerHook, when set (tests), is called after each transaction that
	// builds the entity layer aside, with the lock released.
	layerHook func(step string)
	// liveListings: see SetLiveListings.
	liveListings bool
	// outlets is the outlet list as of a generation of the store (see
	// Outlets).
	outlets outletCache
	// sketches holds the signatures of documents recently returned as
	// reuse candidates (see sketchCache).
	sketches sketchCache
}

// SetLiveListings makes the claim listing and an entity's quotes computed
// from what is stored on every call instead of read from the listings
// derived with the entity layer: for tests that compare the two.
func (db *DB) SetLiveListings(on bool) { db.liveListings = on }

// Dialect is what differs between the SQL engines the store runs on. The
// zero value of each hook is SQLite's behaviour.
type Dialect struct {
	// Name is the engine's name in messages ("sqlite", "postgres").
	Name string
	// Rebind rewrites a statement written for SQLite into the engine's
	// dialect (nil: unchanged).
	Rebind func(query string) string
	// Migrations holds the engine's numbered migrations (NNNN_name.sql) in
	// Dir; Lock, when set, runs the pending ones under a lock held across
	// processes (fn is called with a connection to run them on).
	Migrations fs.FS
	Dir        string
	Lock       func(ctx context.Context, c *sql.Conn, fn func() error) error
	// Search replaces the full-text search (SQLite: FTS5).
	Search func(ctx context.Context, db *sql.DB, q string, offset, limit int) ([]claimgraph.SearchHit, error)
	// NameMatch returns the condition (on an entity e) and its argument
	// that select the entities with a name containing q (3 runes or more).
	NameMatch func(q string) (string, any)
	// IndexDocuments indexes stored documents for search in their
	// transaction, in one statement (nil: the engine indexes by itself).
	IndexDocuments func(ctx context.Context, tx *Tx, ids []string) error
	// LockEntities takes the lock the entity layer is recomputed under
	// (nil: a file lock beside the SQLite file).
	LockEntities func(ctx context.Context, db *sql.DB) (func(), error)
	// CreateShadows creates empty shadows (NAME+suffix) of the entity
	// layer's tables, dropping any left; SwapShadows replaces the live
	// tables by them, in tx (nil: SQLite's, see layer.go). shadowSQL
	// rewrites a statement over the live tables to one over the shadows.
	CreateShadows func(ctx context.Context, tx *sql.Tx, tables []string, suffix string) error
	SwapShadows   func(ctx context.Context, tx *sql.Tx, tables []string, suffix string, shadowSQL func(string) string) error
}

var sqliteDialect = Dialect{
	Name: "sqlite", Migrations: migrationFS, Dir: "migration",
	NameMatch: func(q string) (string, any) {
		// A trigram phrase matches the names holding q anywhere, from the
		// index; the quotes make every character literal.
		return `e.id IN (SELECT entity FROM entity_names WHERE entity_names MATCH ?)`, `name:"` + strings.ReplaceAll(q, `"`, `""`) + `"`
	},
	IndexDocuments: func(ctx context.Context, tx *Tx, ids []string) error {
		// One statement for all, in rowid order: FTS5 writes its pending
		// terms to disk as a new segment at the start of every statement
		// of a transaction (its savepoint) and before a rowid lower than
		// the last, so a statement per document of a batch wrote a
		// segment per document, and merging them grew with the index (14
		// of 470 CPU-s ingesting 100k documents, 1.2 of 32 at 10k).
		list, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, text)
			SELECT seq, title, text FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`, string(list))
		return err
	},
}

// Options are how a store is opened.
type Options struct {
	// ReadOnly opens the store for reading only: no migration is applied
	// (an out-of-date store is refused), no lock is taken, and a file the
	// user may read but not write opens.
	ReadOnly bool
}

// Open opens (creating if needed) the store at path and applies pending
// migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	return OpenOptions(ctx, path, Options{})
}

// OpenOptions opens the store at path as opts say.
func OpenOptions(ctx context.Context, path string, opts Options) (*DB, error) {
	q := url.Values{}
	if opts.ReadOnly {
		// A missing store is an error, not a new empty one; mode=ro also
		// opens a file the user may not write. WAL readers still need the
		// -shm file: a read-only directory without one is reported.
		if _, err := os.Stat(path); err != nil {
			return nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "open %s: no such store", path)
		}
		q.Add("mode", "ro")
	}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// A 64 MiB page cache per connection and memory-mapped reads: a store
	// of 100k documents is hundreds of MB and the default 2 MB cache makes
	// entity pages read the disk over and over.
	if opts.ReadOnly {
		// A server's eight connections each keep a cache: 16 MiB apiece
		// (the kernel's page cache holds the rest of the file for all of
		// them); 64 MiB each made 1.25 GB of anonymous memory at 100k.
		q.Add("_pragma", "cache_size(-16384)")
	} else {
		q.Add("_pragma", "cache_size(-65536)")
	}
	if opts.ReadOnly {
		// A server's connections each map the file apart: eight
		// connections with 1 GiB maps made a resident set of 8.4 GB at 100k
		// documents (the same pages counted once per map). A reader
		// reads through its page cache instead, and has a bounded pool.
		q.Add("_pragma", "mmap_size(0)")
	} else {
		q.Add("_pragma", "mmap_size(1073741824)")
	}
	if !opts.ReadOnly {
		q.Set("_txlock", "immediate")
		// Checkpoint the WAL every ~200 MB instead of every 4 MB: a group
		// commit writes more than 4 MB, so each one paid a checkpoint (1.3
		// of 42 CPU-s ingesting 10k documents), and pages written by
		// several batches are copied to the file once. At 100k documents a
		// batch writes 10-50 MB (its rows land on random pages of the
		// indexes keyed by document id): every ~40 MB cost 26 of 465 CPU-s
		// in checkpoints, a third of it fsync.
		q.Add("_pragma", "wal_autocheckpoint(50000)")
		// Each document of a batch is a savepoint, whose journal of the
		// pages it changes went to a temporary file: 23 of 530 CPU-s of
		// ingesting 100k documents were its write system calls. In memory
		// it holds one document's pages at a time.
		q.Add("_pragma", "temp_store(MEMORY)")
	}
	// The path is given as it is: '?', '#' and '%' are part of a file name,
	// not of the URI.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Keep connections, and their warm page caches, between requests: an
	// entity page reads on four connections at once, and database/sql's
	// default of two idle ones closed the others after every page, so the
	// next page opened fresh connections with empty caches.
	sdb.SetMaxIdleConns(8)
	if opts.ReadOnly {
		// Queries beyond two cores' worth only queue inside SQLite, each
		// with a page cache of its own (64 MiB at most): eight
		// connections bound a server's memory (100k documents, 8 clients:
		// 1.24 GB of anonymous memory with no bound).
		sdb.SetMaxOpenConns(8)
	}
	db, err := OpenWith(ctx, sdb, path, sqliteDialect, opts)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// OpenWith runs the store on an open database in dialect d, applying
// pending migrations unless opts.ReadOnly. It closes sdb on failure.
func OpenWith(ctx context.Context, sdb *sql.DB, name string, d Dialect, opts Options) (*DB, error) {
	if d.Rebind == nil {
		d.Rebind = func(q string) string { return q }
	}
	db := &DB{db: &conn{DB: sdb, rebind: d.Rebind}, path: name, dialect: d, Now: time.Now}
	if err := db.migrate(ctx, opts.ReadOnly); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if d.Name == "sqlite" {
		db.hasDoc, _ = sdb.PrepareContext(ctx, `SELECT COUNT(*) FROM documents WHERE id = ?`)
	}
	return db, nil
}

// Close closes the store.
func (db *DB) Close() error {
	if db.hasDoc != nil {
		db.hasDoc.Close()
	}
	return db.db.Close()
}

// SQL returns the underlying database for read-only queries by other
// packages of this store.
func (db *DB) SQL() *sql.DB { return db.db.DB }

// Dialect returns the name of the engine the store runs on.
func (db *DB) Dialect() string { return db.dialect.Name }

type migration struct {
	version int
	name    string
}

// pending returns the embedded migrations not yet recorded in the store,
// in the order of their numbers. It only reads, so opening an up-to-date
// store never waits for a writer.
func (db *DB) pending(ctx context.Context) ([]migration, error) {
	names, err := fs.Glob(db.dialect.Migrations, db.dialect.Dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	applied := map[int]bool{}
	rows, err := db.db.QueryContext(ctx, `SELECT version FROM migrations`)
	if err == nil {
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, err
			}
			applied[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	// An error here is the missing table of a new store: every migration
	// is pending.
	var migs []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, db.dialect.Dir+"/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", base)
		}
		if !applied[v] {
			migs = append(migs, migration{v, base})
		}
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	return migs, nil
}

// migrate applies the embedded migrations not yet recorded, each in its own
// transaction, in the order of their numbers. Read-only opens refuse a
// store that needs one.
func (db *DB) migrate(ctx context.Context, readOnly bool) error {
	migs, err := db.pending(ctx)
	if err != nil || len(migs) == 0 {
		return err
	}
	if readOnly {
		return claimgraph.Errorf(claimgraph.EINVALID, "the store needs migration %s; open it once for writing (e.g. claimgraph ingest)", migs[0].name)
	}
	run := func() error {
		if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
			return fmt.Errorf("create migrations table: %w", err)
		}
		for _, m := range migs {
			if err := db.apply(ctx, m.version, m.name); err != nil {
				return err
			}
		}
		return nil
	}
	if db.dialect.Lock == nil {
		return run()
	}
	c, err := db.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return db.dialect.Lock(ctx, c, run)
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
		return nil // applied by another process meanwhile
	}
	body, err := fs.ReadFile(db.dialect.Migrations, db.dialect.Dir+"/"+name)
	if err != nil {
		return err
	}
	// Migration files are written in the engine's own dialect.
	if _, err := tx.Tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (version, name) VALUES (?, ?)`, version, name); err != nil {
		return err
	}
	return tx.Commit()
}

// conn is the database with every statement rewritten into the engine's
// dialect and arguments converted to types every driver takes.
type conn struct {
	*sql.DB
	rebind func(string) string
}

// Tx is a transaction of the store (statements rewritten like conn's).
type Tx struct {
	*sql.Tx
	rebind func(string) string
	// deferBands, when set (a batch), takes a stored document's band keys
	// instead of inserting them row by row: the batch inserts them all,
	// sorted, at its commit.
	deferBands func(doc string, seq int64, sig []byte, bands []uint64)
	// deferIndex, when set (a batch), takes a stored document's id instead
	// of indexing it for search at once: the batch indexes its documents
	// in one statement at commit, outside the documents' savepoints. FTS5
	// writes its pending terms to disk at every savepoint (each statement's
	// too), so indexing inside each document's savepoint wrote one small
	// segment per document (1.7 of 40 CPU-s at 10k documents, and merges
	// later).
	deferIndex func(id string)
	// stmts, when set, keeps every statement the transaction runs prepared
	// until it ends. The SQLite driver prepares a statement on every call
	// (2 of the 40 CPU-seconds of ingesting 10k documents), and a batch
	// runs the same few statements for each of its documents.
	stmts map[string]*sql.Stmt
}

// stmt returns q prepared in the transaction, from the cache when set.
func (t *Tx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if s, ok := t.stmts[q]; ok {
		return s, nil
	}
	s, err := t.Tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = s
	return s, nil
}

// Stmt is a prepared statement of the store.
type Stmt struct{ *sql.Stmt }

// args converts booleans to integers: SQLite keeps them so, and
// PostgreSQL's integer columns do not take a Go bool.
func args(a []any) []any {
	for i, v := range a {
		if b, ok := v.(bool); ok {
			n := int64(0)
			if b {
				n = 1
			}
			a[i] = n
		}
	}
	return a
}

func (c *conn) QueryContext(ctx context.Context, q string, a ...any) (*sql.Rows, error) {
	return c.DB.QueryContext(ctx, c.rebind(q), args(a)...)
}

func (c *conn) QueryRowContext(ctx context.Context, q string, a ...any) *sql.Row {
	return c.DB.QueryRowContext(ctx, c.rebind(q), args(a)...)
}

func (c *conn) ExecContext(ctx context.Context, q string, a ...any) (sql.Result, error) {
	return c.DB.ExecContext(ctx, c.rebind(q), args(a)...)
}

func (c *conn) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	tx, err := c.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{Tx: tx, rebind: c.rebind}, nil
}

func (t *Tx) QueryContext(ctx context.Context, q string, a ...any) (*sql.Rows, error) {
	if t.stmts != nil {
		s, err := t.stmt(ctx, t.rebind(q))
		if err != nil {
			return nil, err
		}
		return s.QueryContext(ctx, args(a)...)
	}
	return t.Tx.QueryContext(ctx, t.rebind(q), args(a)...)
}

func (t *Tx) QueryRowContext(ctx context.Context, q string, a ...any) *sql.Row {
	if t.stmts != nil {
		s, err := t.stmt(ctx, t.rebind(q))
		if err == nil {
			return s.QueryRowContext(ctx, args(a)...)
		}
		// The error reaches the caller through the row, as unprepared.
	}
	return t.Tx.QueryRowContext(ctx, t.rebind(q), args(a)...)
}

func (t *Tx) ExecContext(ctx context.Context, q string, a ...any) (sql.Result, error) {
	if t.stmts != nil {
		s, err := t.stmt(ctx, t.rebind(q))
		if err != nil {
			return nil, err
		}
		return s.ExecContext(ctx, args(a)...)
	}
	return t.Tx.ExecContext(ctx, t.rebind(q), args(a)...)
}

func (t *Tx) PrepareContext(ctx context.Context, q string) (*Stmt, error) {
	s, err := t.Tx.PrepareContext(ctx, t.rebind(q))
	if err != nil {
		return nil, err
	}
	return &Stmt{s}, nil
}

func (s *Stmt) ExecContext(ctx context.Context, a ...any) (sql.Result, error) {
	return s.Stmt.ExecContext(ctx, args(a)...)
}

var _ claimgraph.Store = (*DB)(nil)

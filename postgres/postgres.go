// Package postgres is claimgraph's store on a PostgreSQL server, for
// stores that outgrow one file or are written by several machines at once.
// It runs the statements of package sqlite through pgx (see rebind), with
// its own schema and migrations (migration/), full-text search on a
// tsvector column, and entity-name search on a pg_trgm index. Every
// document is still committed in one transaction with its analysis; two
// writers storing one document store it once.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/sqlite"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is an open PostgreSQL store. Its methods are those of the SQL store
// (package sqlite) running in PostgreSQL's dialect.
type DB struct {
	*sqlite.DB
}

// IsURL reports whether dsn names a PostgreSQL server rather than a file.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database named by the URL (postgres://user@host:port/db?...)
// and applies pending migrations, one process at a time.
func Open(ctx context.Context, url string) (*DB, error) {
	return OpenOptions(ctx, url, sqlite.Options{})
}

// OpenOptions opens the database as opts say; ReadOnly applies no
// migration and runs every transaction read-only.
func OpenOptions(ctx context.Context, url string, opts sqlite.Options) (*DB, error) {
	// pgx reads the URL as libpq does (host, port, sslmode, $PGPASSWORD,
	// ~/.pgpass).
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "open %s: %v", redact(url), err)
	}
	if opts.ReadOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
		// A server's requests already run side by side; a parallel plan
		// for one of its few-millisecond queries starts worker processes
		// on every request (a 10 ms read of a timeline page's mentions
		// took a worker). Unless the URL says otherwise.
		if _, set := cfg.RuntimeParams["max_parallel_workers_per_gather"]; !set {
			cfg.RuntimeParams["max_parallel_workers_per_gather"] = "0"
		}
	}
	// Defaults for this workload unless the URL sets them: the entity
	// layer's recomputation groups millions of co-occurrence rows (a sort
	// in 4 MB spills to disk), and JIT compilation costs more than the
	// short statements of an ingest gain from it.
	for k, v := range map[string]string{"work_mem": "64MB", "jit": "off"} {
		if _, set := cfg.RuntimeParams[k]; !set {
			cfg.RuntimeParams[k] = v
		}
	}
	sdb := sql.OpenDB(detachedConnector{stdlib.GetConnector(*cfg)})
	sdb.SetMaxOpenConns(16)
	sdb.SetMaxIdleConns(8)
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", redact(url), err)
	}
	db, err := sqlite.OpenWith(ctx, sdb, redact(url), dialect, opts)
	if err != nil {
		return nil, err
	}
	return &DB{db}, nil
}

var dialect = sqlite.Dialect{
	Name:          "postgres",
	Rebind:        rebind,
	Migrations:    migrationFS,
	Dir:           "migration",
	Lock:          lockMigrations,
	LockEntities:  lockEntities,
	CreateShadows: createShadows,
	SwapShadows:   swapShadows,
	Search:        search,
	NameMatch: func(q string) (string, any) {
		return `e.id IN (SELECT entity FROM entity_names WHERE name ILIKE ? ESCAPE '\')`, "%" + escapeLike(q) + "%"
	},
}

// migrationLock is the advisory lock key under which migrations run, so
// that processes starting at once apply each migration once.
const migrationLock = 0x636c6d67 // "clmg"

func lockMigrations(ctx context.Context, c *sql.Conn, fn func() error) error {
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}
	defer c.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLock)
	return fn()
}

// entitiesLock is the advisory lock key under which one process at a time
// recomputes the entity layer.
const entitiesLock = 0x636c656e // "clen"

// lockEntities holds a session advisory lock on a connection of its own
// until the returned release; a process killed while holding it loses its
// session, and the server releases the lock.
func lockEntities(ctx context.Context, db *sql.DB) (func(), error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("entity layer lock: %w", err)
	}
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, entitiesLock); err != nil {
		c.Close()
		return nil, fmt.Errorf("entity layer lock: %w", err)
	}
	return func() {
		c.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, entitiesLock)
		c.Close()
	}, nil
}

// search finds documents holding every word of q, ranked among the newest
// sqlite.MaxRanked matches as the SQLite store does, with snippets whose
// matches are marked [like this].
func search(ctx context.Context, db *sql.DB, q string, offset, limit int) ([]claimgraph.SearchHit, error) {
	words := sqlite.SearchWords(q)
	out := []claimgraph.SearchHit{}
	if len(words) == 0 {
		return out, nil
	}
	if limit <= 0 {
		limit = 20
	}
	limit = min(limit, sqlite.MaxSearchHits)
	// plainto_tsquery reads its input as plain words joined by AND: no
	// user input is syntax.
	//
	// The newest matches are found first and only they are ranked: ranking
	// in the same step computed ts_rank_cd (which reads each match's
	// tsvector from TOAST) for every match before keeping the newest (8,514
	// for one word at 100k documents: 152 ms, 36 ms so). The tsvectors are
	// in a narrow table of their own (migration 0014), so that finding the
	// newest matches reads small rows, not the documents. "seq + 0" keeps
	// the planner off walking the table backwards by seq and testing every
	// row: the generic plan of the prepared statement (chosen after five
	// runs, not knowing the words) did so, detoasting every tsvector until
	// 2,000 matched (220 ms a search at 100k documents, against 28).
	rows, err := db.QueryContext(ctx, `WITH q AS (SELECT plainto_tsquery('simple', $1) AS q),
		newest AS MATERIALIZED (SELECT s.seq FROM document_search s, q WHERE s.fts @@ q.q ORDER BY s.seq + 0 DESC LIMIT $2),
		ranked AS (SELECT s.seq, ts_rank_cd(s.fts, q.q) AS r FROM newest JOIN document_search s ON s.seq = newest.seq, q),
		page AS (SELECT seq, r FROM ranked ORDER BY r DESC, seq LIMIT $3 OFFSET $4)
		SELECT d.id, d.title, d.outlet, d.date,
			ts_headline('simple', left(d.text, 262144), q.q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…'),
			page.r
		FROM page JOIN documents d ON d.seq = page.seq, q ORDER BY page.r DESC, page.seq`,
		strings.Join(words, " "), sqlite.MaxRanked, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h claimgraph.SearchHit
		if err := rows.Scan(&h.Doc, &h.Title, &h.Outlet, &h.Date, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// detachedConnector connects whatever became of the context of the request
// that asked for the connection (bounded by its own timeout instead):
// database/sql hands a failed dial to whichever request is waiting for a
// connection, so a page section whose time budget ran out mid-dial made
// another request of the page fail with "dial error: timeout".
type detachedConnector struct{ driver.Connector }

func (c detachedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return c.Connector.Connect(ctx)
}

// escapeLike escapes LIKE wildcards with a backslash.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// redact returns the URL without its password, for messages.
func redact(url string) string {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil || cfg.Password == "" {
		return url
	}
	return strings.Replace(url, ":"+cfg.Password+"@", ":xxxxx@", 1)
}

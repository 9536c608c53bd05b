package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"net/url"
	"strconv"
	"strings"
)

// SchemaVersion returns the number of the newest migration this build
// knows: the schema version it creates and reads.
func SchemaVersion() int {
	names, _ := fs.Glob(migrationFS, "migration/*.sql")
	v := 0
	for _, n := range names {
		k, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(n, "migration/"), "_", 2)[0])
		if err == nil && k > v {
			v = k
		}
	}
	return v
}

// StoreSchemaVersion returns the newest migration recorded in the store
// file at path, read-only; 0 when it has none.
func StoreSchemaVersion(ctx context.Context, path string) (int, error) {
	sdb, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer sdb.Close()
	var v sql.NullInt64
	if err := sdb.QueryRowContext(ctx, `SELECT MAX(version) FROM migrations`).Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

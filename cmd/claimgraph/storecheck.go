package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// openExisting opens the store named by --db for a command that reads it
// (or changes what is in it): a store file that is not there is an error,
// not a new empty store quietly created under a mistyped name.
func (m *Main) openExisting(ctx context.Context, dsn string) (fullStore, error) {
	if !strings.Contains(dsn, "://") {
		if _, err := os.Stat(dsn); errors.Is(err, fs.ErrNotExist) {
			return nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "store %s does not exist (claimgraph ingest --db %s FILE... creates it)", quoteName(dsn), quoteName(dsn))
		}
	}
	return m.openStore(ctx, dsn)
}

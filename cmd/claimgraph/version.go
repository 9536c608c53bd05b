package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/claimgraph/claimgraph/pipeline"
	"github.com/claimgraph/claimgraph/postgres"
	"github.com/claimgraph/claimgraph/sqlite"
)

// versionInfo is what `claimgraph version` prints.
type versionInfo struct {
	Version     string `json:"version"`         // module version, or the VCS revision of a development build
	Analyzer    string `json:"analyzer"`        // pipeline.Version: documents analysed by another are re-derived
	Go          string `json:"go"`              //
	Schema      int    `json:"schema"`          // newest SQLite migration this build knows
	StoreSchema int    `json:"store_schema"`    // newest migration recorded in --db, when it is a SQLite file that exists
	StorePath   string `json:"store,omitempty"` //
}

func cmdVersion(ctx context.Context, m *Main, args []string) error {
	flags := m.newFlags("version", "", "Print claimgraph's version, the analyzer version, the Go version, and the store schema\nversion of this build and of the store named by --db (when it exists).")
	db := m.dbFlag(flags)
	asJSON := flags.Bool("json", false, "print JSON")
	if err := parseArgs(flags, args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		flags.Usage()
		return fmt.Errorf("version: unexpected argument %q", flags.Arg(0))
	}
	v := versionInfo{Version: buildVersion(), Analyzer: pipeline.Version, Go: runtime.Version(), Schema: sqlite.SchemaVersion()}
	if !postgres.IsURL(*db) {
		if _, err := os.Stat(*db); err == nil {
			v.StorePath = *db
			if v.StoreSchema, err = sqlite.StoreSchemaVersion(ctx, *db); err != nil {
				return fmt.Errorf("version: store %s: %w", quoteName(*db), err)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("version: store %s: %w", quoteName(*db), err)
		}
	}
	if *asJSON {
		return m.printJSON(v)
	}
	fmt.Fprintf(m.Stdout, "claimgraph %s\nanalyzer   %s\ngo         %s\nschema     %d\n", v.Version, v.Analyzer, v.Go, v.Schema)
	if v.StorePath != "" {
		fmt.Fprintf(m.Stdout, "store      %s: schema %d\n", quoteName(v.StorePath), v.StoreSchema)
	}
	return nil
}

// buildVersion is the module version of an installed binary, or the VCS
// revision (with "+dirty") of a development build.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel " + rev
}

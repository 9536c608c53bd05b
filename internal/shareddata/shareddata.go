// Package shareddata finds the project's shared data folder (../shared beside
// the repository root) for tests and benchmarks, which skip with a clear
// message when it is absent, so a plain clone elsewhere still passes.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the path of the shared folder, or "" when it is absent.
// $CLAIMGRAPH_SHARED overrides the default of ../shared beside the module root.
func Root() string {
	if d := os.Getenv("CLAIMGRAPH_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of rel inside the shared folder, skipping the test or
// benchmark with a clear message when the folder or the file is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("../shared is absent: skipping a test that needs the shared data")
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s is absent: %v", rel, err)
	}
	return p
}

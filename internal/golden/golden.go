// Package golden compares test output with golden files, which
// `go test -update` rewrites. Test packages that import it get the -update
// flag from here.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Updating reports whether the test run rewrites golden files (-update),
// for tests that keep several golden files of their own.
func Updating() bool { return *update }

// Check compares got with the golden file, or rewrites the file with -update.
func Check(tb testing.TB, golden, got string) {
	tb.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		tb.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		tb.Errorf("%s differs:\n got:\n%s\nwant:\n%s", golden, got, want)
	}
}

// Each runs fn as a subtest on every file matching pattern and checks its
// result against the file's golden sibling: the input's extension replaced
// by ".golden". It fails when no file matches.
func Each(t *testing.T, pattern string, fn func(t *testing.T, input string) string) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no test inputs for %s: %v", pattern, err)
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			Check(t, strings.TrimSuffix(in, filepath.Ext(in))+".golden", fn(t, string(src)))
		})
	}
}

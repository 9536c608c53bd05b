package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// fakeTB records failures instead of failing, to test Check itself.
type fakeTB struct {
	testing.TB
	failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Errorf(string, ...any) { f.failed = true }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true }
func (f *fakeTB) Fatal(...any)          { f.failed = true }

func TestCheck(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(p, []byte("same\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		got      string
		wantFail bool
	}{{"same\n", false}, {"other\n", true}} {
		f := &fakeTB{TB: t}
		Check(f, p, tt.got)
		if f.failed != tt.wantFail {
			t.Errorf("Check(%q) failed = %v, want %v", tt.got, f.failed, tt.wantFail)
		}
	}
	f := &fakeTB{TB: t}
	Check(f, filepath.Join(t.TempDir(), "missing.golden"), "x")
	if !f.failed {
		t.Errorf("a missing golden file did not fail")
	}
}

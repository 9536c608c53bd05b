package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// testBinary builds the claimgraph binary once for the tests that need a
// real process (signals, files a shell would pass).
func testBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "claimgraph-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "claimgraph")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = err
			t.Logf("%s", out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// A second SIGINT ends a command at once, even one blocked in a read that
// no context reaches (ingest of a stdin that never ends); the first one is
// reported as "interrupted".
func TestSecondInterruptEndsAtOnce(t *testing.T) {
	bin := testBinary(t)
	db := filepath.Join(t.TempDir(), "s.db")
	cmd := exec.Command(bin, "ingest", "-q", "--db", db, "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var errb syncBuffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	waitOpened(t, cmd.Process.Pid, db)
	cmd.Process.Signal(syscall.SIGINT)
	// Two signals sent before the process runs again merge into one (the
	// kernel keeps one pending): wait until the first is taken, as a
	// person pressing Ctrl-C twice does.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(errb.String(), "interrupting") && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	second := time.Now()
	// The process is blocked in a read no context reaches: without the
	// second signal's exit it would never end. The bound is loose (timing
	// is not asserted on a shared machine); the time taken is logged.
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
			t.Errorf("exit %v, want status 130", err)
		}
		t.Logf("ended %v after the second SIGINT", time.Since(second).Round(time.Millisecond))
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running 10 s after the second SIGINT; stderr:\n%s", errb.String())
	}
	if !strings.Contains(errb.String(), "interrupted") || strings.Contains(errb.String(), "context canceled") {
		t.Errorf("stderr %q: want \"interrupted\", not \"context canceled\"", errb.String())
	}
}

// One SIGTERM stops an ingest between documents and says "interrupted".
func TestInterruptReported(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	var inputs []string
	for i := 0; i < 300; i++ {
		p := filepath.Join(dir, "a"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+time.Duration(i).String()+".txt")
		writeFile(t, p, "Report "+time.Duration(i).String()+"\n\nThe council of Dunmore met on Monday to discuss the harbour, officials said. "+strings.Repeat("The mayor spoke. ", i%13+1))
		inputs = append(inputs, p)
	}
	db := filepath.Join(dir, "s.db")
	cmd := exec.Command(bin, append([]string{"ingest", "-q", "--db", db}, inputs...)...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitOpened(t, cmd.Process.Pid, db)
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if err == nil {
		t.Skip("ingest finished before the signal")
	}
	if !strings.Contains(errb.String(), "claimgraph: interrupted") || strings.Contains(errb.String(), "context canceled") {
		t.Errorf("stderr %q: want \"claimgraph: interrupted\"", errb.String())
	}
}

// waitOpened waits until process pid holds the file path open. Package
// initialisation (a dependency's tables) runs before main installs its
// signal handler and can take seconds on a loaded machine; a command opens
// its store only after that, so an open store means a signal now meets
// the program's handler and not the default action.
func waitOpened(t *testing.T, pid int, path string) {
	t.Helper()
	fds := fmt.Sprintf("/proc/%d/fd", pid)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		entries, err := os.ReadDir(fds)
		if err != nil {
			t.Skipf("cannot list the process's open files: %v", err)
		}
		for _, e := range entries {
			if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && target == path {
				return
			}
		}
	}
	t.Fatalf("the process did not open %s within 60 s", path)
}

// syncBuffer is a bytes.Buffer safe for the process's writer and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/sqlite"
)

func TestServeRefusesPublicAddressWithoutToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	for _, addr := range []string{"0.0.0.0:0", ":0"} {
		_, _, err := run(t, "", "serve", "--db", db, "--addr", addr)
		if err == nil || claimgraph.ErrorCode(err) != claimgraph.EINVALID || !strings.Contains(err.Error(), "token") {
			t.Errorf("serve --addr %s without token = %v, want a refusal naming the token", addr, err)
		}
	}
}

// serveInBackground runs serve until the test ends and returns its URL.
func serveInBackground(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	m := &Main{Stdin: strings.NewReader(""), Stdout: pw, Stderr: io.Discard, Getenv: func(k string) string { return env[k] }}
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, append([]string{"serve"}, args...)); pw.Close() }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed nothing: %v (%v)", err, <-done)
	}
	go io.Copy(io.Discard, pr)
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve ended with %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("serve did not stop")
		}
	})
	u := regexp.MustCompile(`http://[0-9.:\[\]]+`).FindString(line)
	if u == "" {
		t.Fatalf("serve said %q", line)
	}
	return u
}

func TestServeAnswersAndStops(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	text := "The minister said on Monday that the talks would resume."
	doc := &claimgraph.Document{ID: claimgraph.DocumentID(text), Source: "test", Format: "txt", Text: text,
		Regions: []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text)}}, IngestedAt: time.Now()}
	if _, err := store.PutDocument(context.Background(), doc, nil); err != nil {
		t.Fatal(err)
	}
	store.Close()
	base := serveInBackground(t, nil, "--db", db, "--addr", "127.0.0.1:0")
	res, err := http.Get(base + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var page struct {
		Items []struct{ ID string } `json:"items"`
	}
	if err := json.NewDecoder(res.Body).Decode(&page); err != nil || res.StatusCode != 200 || len(page.Items) != 1 {
		t.Fatalf("GET /api/documents = %d %+v %v", res.StatusCode, page, err)
	}
}

func TestServeTokenFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	store, err := sqlite.Open(context.Background(), db) // serve opens an existing store only
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	// 127.0.0.1 with a token: the token is still required on every request.
	const tok = "tok-of-16-characters"
	base := serveInBackground(t, map[string]string{"CLAIMGRAPH_TOKEN": tok}, "--db", db, "--addr", "127.0.0.1:0")
	res, err := http.Get(base + "/api/documents")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("without token = %d, want 401", res.StatusCode)
	}
	req, _ := http.NewRequest("GET", base+"/api/documents", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("with token = %d, want 200", res.StatusCode)
	}
}

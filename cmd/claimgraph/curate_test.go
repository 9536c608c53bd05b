package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/storetest"
)

// requester returns a function making one request to the server at base
// (a form body when form is set, headers as name, value pairs), without
// following redirects, and returning the response and its body.
func requester(t *testing.T, base string) func(method, path string, form url.Values, hdr ...string) (*http.Response, string) {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return func(method, path string, form url.Values, hdr ...string) (*http.Response, string) {
		t.Helper()
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, base+path, body)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
}

// Curation in the browser: only with a write token and from the server's
// own pages; each decision is applied, logged with the token's name, the
// time and the note, and undone from the log.
func TestCurationOverHTTP(t *testing.T) { testCurationOverHTTP(t, seededStore(t)) }

// The same on a PostgreSQL store (its curation_log is migration 0006).
func TestCurationOverHTTPPostgres(t *testing.T) {
	db := storetest.PostgresURL(t)
	if _, e, err := run(t, "", "ingest", "-q", "--db", db, filepath.Join("..", "..", "testdata", "articles")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, e)
	}
	testCurationOverHTTP(t, db)
}

func testCurationOverHTTP(t *testing.T, db string) {
	const tok = "curator-token-0123456789"
	base := serveInBackground(t, nil, "--db", db, "--addr", "127.0.0.1:0", "--write-token", "ana:"+tok)
	do := requester(t, base)
	auth := []string{"Authorization", "Bearer " + tok, "Origin", base}
	// Read-only for everyone else.
	if _, body := do("GET", "/entities/Riverton", nil); strings.Contains(body, `action="/curate"`) {
		t.Error("curation forms shown without a write token")
	}
	if _, body := do("GET", "/entities/Riverton", nil, auth...); !strings.Contains(body, `value="rename"`) || !strings.Contains(body, "As ana.") {
		t.Error("curation forms missing with the write token")
	}
	rename := url.Values{"op": {"rename"}, "name": {"Riverton"}, "to": {"Riverton City"}, "note": {"the official name"}}
	if res, _ := do("POST", "/curate", rename); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without a token = %d, want 401", res.StatusCode)
	}
	// With the token in the cookie (a browser), a post from another site
	// is refused.
	cookie := "claimgraph_write=" + tok
	if res, _ := do("POST", "/curate", rename, "Cookie", cookie, "Origin", "http://evil.example"); res.StatusCode != http.StatusForbidden {
		t.Errorf("POST from another site = %d, want 403", res.StatusCode)
	}
	if res, _ := do("POST", "/curate", rename, "Cookie", cookie, "Sec-Fetch-Site", "cross-site", "Origin", base); res.StatusCode != http.StatusForbidden {
		t.Errorf("POST with Sec-Fetch-Site cross-site = %d, want 403", res.StatusCode)
	}
	if res, _ := do("POST", "/curate", rename, "Cookie", cookie, "Origin", "null"); res.StatusCode != http.StatusForbidden {
		t.Errorf("POST with Origin null = %d, want 403", res.StatusCode)
	}
	if res, _ := do("POST", "/curate", url.Values{"op": {"rename"}, "name": {"Riverton"}}, auth...); res.StatusCode != http.StatusBadRequest {
		t.Errorf("rename without a new name = %d, want 400", res.StatusCode)
	}
	res, _ := do("POST", "/curate", rename, auth...)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/curate?done=") {
		t.Fatalf("rename = %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if _, body := do("GET", "/api/entities/Riverton%20City", nil); !strings.Contains(body, `"name":"Riverton City"`) {
		t.Errorf("the rename is not applied:\n%.300s", body)
	}
	_, log := do("GET", "/curate", nil, auth...)
	for _, want := range []string{"<strong class=\"who\">ana</strong>", "rename: Riverton -&gt; Riverton City", "the official name", `value="Undo"`[:0] + `class="undo"`} {
		if !strings.Contains(log, want) {
			t.Errorf("curation log lacks %q", want)
		}
	}
	// Reject an alias: the name is split from the entity.
	if res, _ := do("POST", "/curate", url.Values{"op": {"reject"}, "name": {"Riverton City", "Riverton Post"}, "note": {"an outlet, not the city"}}, auth...); res.StatusCode != http.StatusSeeOther {
		t.Errorf("reject = %d", res.StatusCode)
	}
	// Undo the rename.
	out, _, _ := run(t, "", "entity", "decisions", "--db", db)
	seq := strings.SplitN(strings.TrimSpace(out), "\t", 2)[0]
	if res, _ := do("POST", "/curate/undo", url.Values{"seq": {seq}, "note": {"changed my mind"}}, auth...); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo = %d", res.StatusCode)
	}
	var e struct{ Name string }
	_, body := do("GET", "/api/entities/Riverton", nil)
	json.Unmarshal([]byte(body), &e)
	if e.Name != "Riverton" {
		t.Errorf("after the undo the entity is %q", e.Name)
	}
	_, log = do("GET", "/curate", nil)
	if !strings.Contains(log, "undid decision "+seq) || !strings.Contains(log, "changed my mind") || !strings.Contains(log, "undone") {
		t.Errorf("the undo is not in the log:\n%s", log)
	}
	if strings.Contains(log, `class="undo"`) {
		t.Error("undo buttons shown without a write token")
	}
}

// A merge or rename on a name that fits several entities is not applied:
// the page lists them, each with a button posting the same decision with
// that entity, which is then recorded under a name of its own.
func TestCurationAsksWhichEntity(t *testing.T) {
	db := seededStore(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "pilot.txt"), "Anna Berg, a harbour pilot in Riverton, said on Monday that the new quay was safe.\n")
	if _, e, err := run(t, "", "ingest", "-q", "--db", db, dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, e)
	}
	const tok = "curator-token-0123456789"
	base := serveInBackground(t, nil, "--db", db, "--addr", "127.0.0.1:0", "--write-token", "ana:"+tok)
	do := requester(t, base)
	auth := []string{"Authorization", "Bearer " + tok, "Origin", base}
	var berg []struct {
		ID   int64
		Name string
	}
	for _, name := range []string{"Anna Berg", "Tomas Berg"} {
		_, body := do("GET", "/api/entities/"+url.PathEscape(name), nil)
		var e struct {
			ID   int64
			Name string
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Name != name {
			t.Fatalf("entity %s: %v %.200s", name, err, body)
		}
		berg = append(berg, e)
	}
	res, body := do("POST", "/curate", url.Values{"op": {"merge"}, "name": {"Helen Cho", "Berg"}, "note": {"same person"}}, auth...)
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Which “Berg”?") {
		t.Fatalf("merge with an ambiguous name = %d:\n%.600s", res.StatusCode, body)
	}
	for _, e := range berg {
		form := fmt.Sprintf(`<input type="hidden" name="name" value="Helen Cho"><input type="hidden" name="name" value="%d">`, e.ID)
		if !strings.Contains(body, form) {
			t.Errorf("no choice of %s (%d) on the page", e.Name, e.ID)
		}
	}
	if out, _, _ := run(t, "", "entity", "decisions", "--db", db); strings.TrimSpace(out) != "" {
		t.Fatalf("an ambiguous merge was recorded: %s", out)
	}
	// The choice: Tomas Berg, by id.
	res, _ = do("POST", "/curate", url.Values{"op": {"merge"}, "name": {"Helen Cho", fmt.Sprint(berg[1].ID)}, "note": {"same person"}}, auth...)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge with the chosen id = %d", res.StatusCode)
	}
	out, _, _ := run(t, "", "entity", "decisions", "--db", db)
	if !strings.Contains(out, "merge: Helen Cho = Tomas Berg") {
		t.Errorf("decisions = %q, want the merge with Tomas Berg by name", out)
	}
	// A rename on the ambiguous name asks too.
	if res, body := do("POST", "/curate", url.Values{"op": {"rename"}, "name": {"Berg"}, "to": {"B."}}, auth...); res.StatusCode != http.StatusConflict || !strings.Contains(body, `name="to" value="B."`) {
		t.Errorf("rename of an ambiguous name = %d:\n%.400s", res.StatusCode, body)
	}
}

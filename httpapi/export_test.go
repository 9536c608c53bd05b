package httpapi_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/export"
	"github.com/claimgraph/claimgraph/httpapi"
)

// TestAPIExport: /api/export answers every format as a download whose bytes
// are the CLI's export of the same selection, with the same filters.
func TestAPIExport(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	ctx := context.Background()
	for _, tt := range []struct {
		query  string
		filter claimgraph.ExportFilter
	}{
		{"", claimgraph.ExportFilter{}},
		{fmt.Sprintf("&entity=%d&depth=2", f.mko), claimgraph.ExportFilter{Entity: fmt.Sprint(f.mko), Depth: 2}},
		{"&type=PER&outlet=Al-Masalah&from=2013&to=2014-06&min_sources=1", claimgraph.ExportFilter{Type: "PER", Outlet: "Al-Masalah", From: "2013", To: "2014-06", MinSources: 1}},
	} {
		for _, format := range export.Formats {
			path := "/api/export?format=" + format + tt.query
			res, body := f.get(t, path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s = %d\n%s", path, res.StatusCode, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != export.ContentType(format) {
				t.Errorf("GET %s Content-Type = %q, want %q", path, ct, export.ContentType(format))
			}
			if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
				t.Errorf("GET %s Content-Disposition = %q, want an attachment", path, cd)
			}
			sel, err := f.store.Export(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			_, err = export.Write(ctx, sel, format, &want, export.Options{})
			sel.Close()
			if err != nil {
				t.Fatal(err)
			}
			if body != want.String() {
				t.Errorf("GET %s: %d bytes, not the %d of the same export from the store", path, len(body), want.Len())
			}
			if format == export.CSV {
				zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
				if err != nil {
					t.Fatalf("GET %s: not a zip: %v", path, err)
				}
				var names []string
				for _, zf := range zr.File {
					names = append(names, zf.Name)
				}
				if got, want := strings.Join(names, " "), strings.Join(export.CSVFiles(), " "); got != want {
					t.Errorf("GET %s: zip holds %s, want %s", path, got, want)
				}
			}
		}
	}
	// The whole store holds the fixture's entities; a filter narrows it.
	_, all := f.get(t, "/api/export?format=jsonl")
	_, per := f.get(t, "/api/export?format=jsonl&type=PER")
	if n, m := strings.Count(all, `"record":"entity"`), strings.Count(per, `"record":"entity"`); m == 0 || m >= n {
		t.Errorf("type=PER kept %d of %d entities", m, n)
	}
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/api/export", http.StatusBadRequest},
		{"/api/export?format=xlsx", http.StatusBadRequest},
		{"/api/export?format=csv&depth=3&entity=MKO", http.StatusBadRequest},
		{"/api/export?format=csv&from=yesterday", http.StatusBadRequest},
		{"/api/export?format=csv&min_sources=-1", http.StatusBadRequest},
		{"/api/export?format=csv&entity=nobody-at-all", http.StatusNotFound},
	} {
		var e apiError
		f.getJSON(t, tt.path, tt.status, &e)
		if e.Error.Message == "" {
			t.Errorf("GET %s: an error without a message", tt.path)
		}
	}
}

// TestExportLinks: the entity, graph and claims pages offer every format,
// and each link downloads.
func TestExportLinks(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	href := regexp.MustCompile(`class="export-link" data-format="([a-z]+)" download href="([^"]+)"`)
	for _, page := range []string{fmt.Sprintf("/entities/%d", f.mko), fmt.Sprintf("/graph?entity=%d&depth=2&min_sources=1", f.mko), "/claims?about=MKO", "/claims"} {
		body := f.page(t, page, http.StatusOK)
		links := href.FindAllStringSubmatch(body, -1)
		if len(links) != len(export.Formats) {
			t.Fatalf("%s: %d export links, want %d", page, len(links), len(export.Formats))
		}
		for _, l := range links {
			u := strings.ReplaceAll(l[2], "&amp;", "&")
			res, got := f.get(t, u)
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != export.ContentType(l[1]) || len(got) == 0 {
				t.Errorf("%s: link %s = %d %s (%d bytes)", page, u, res.StatusCode, res.Header.Get("Content-Type"), len(got))
			}
			if strings.Contains(page, "min_sources") && !strings.Contains(u, "min_sources=1") {
				t.Errorf("%s: link %s drops the page's filters", page, u)
			}
		}
	}
}

// TestAPIExportOutlivesWriteTimeout: serve's write timeout bounds ordinary
// responses, but an export of a large store outlasts it, so the export lifts
// it. With a timeout already past when the handler starts, an ordinary
// response is cut and the export still arrives whole.
func TestAPIExportOutlivesWriteTimeout(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	srv := httptest.NewUnstartedServer(httpapi.New(f.store, httpapi.Options{}))
	srv.Config.WriteTimeout = time.Nanosecond
	srv.Start()
	defer srv.Close()
	if res, err := http.Get(srv.URL + "/api/entities"); err == nil {
		_, err = io.ReadAll(res.Body)
		res.Body.Close()
		if err == nil && res.StatusCode == http.StatusOK {
			t.Skip("this platform does not enforce write deadlines: nothing to compare")
		}
	}
	res, err := http.Get(srv.URL + "/api/export?format=graphml")
	if err != nil {
		t.Fatalf("export under a past write deadline: %v", err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK || !strings.HasSuffix(string(body), "</graphml>\n") {
		t.Fatalf("export under a past write deadline: %d, %d bytes, %v", res.StatusCode, len(body), err)
	}
}

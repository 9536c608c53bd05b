package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
)

func TestOpenAPIListsEveryRoute(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	f.getJSON(t, "/api/openapi.json", http.StatusOK, &spec)
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", spec.OpenAPI)
	}
	apiRoutes := map[string]bool{}
	for pattern, api := range httpapi.Routes() {
		method, path, _ := strings.Cut(pattern, " ")
		// Only curation posts, and only on a server given a Curator and
		// write tokens (TestCurationOverHTTP in cmd/claimgraph).
		if method != "GET" && !(method == "POST" && strings.HasPrefix(path, "/curate")) {
			t.Errorf("route %q is not GET: the server is read-only", pattern)
		}
		if !api {
			continue
		}
		apiRoutes[path] = true
		op, ok := spec.Paths[path]
		if !ok {
			t.Errorf("route %s is not in openapi.json", path)
			continue
		}
		if _, ok := op["get"]; !ok {
			t.Errorf("openapi.json has no get operation for %s", path)
		}
	}
	for path := range spec.Paths {
		if !apiRoutes[path] {
			t.Errorf("openapi.json documents %s, which is not a route", path)
		}
	}
	if len(apiRoutes) < 12 {
		t.Errorf("only %d API routes", len(apiRoutes))
	}
}

func TestSafetyHeadersAndReadOnly(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	for _, path := range []string{"/", "/api/documents", "/documents/" + f.doc1, "/assets/app.js", "/nope"} {
		res, _ := f.get(t, path)
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "default-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %s: CSP allows inline script: %q", path, csp)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options = %q", path, got)
		}
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions} {
		req, _ := http.NewRequest(method, f.srv.URL+"/api/documents", strings.NewReader("{}"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e apiError
		err = json.NewDecoder(res.Body).Decode(&e)
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed || err != nil || e.Error.Code != "method_not_allowed" {
			t.Errorf("%s = %d %+v (%v), want 405 method_not_allowed", method, res.StatusCode, e, err)
		}
		if res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow = %q", method, res.Header.Get("Allow"))
		}
	}
	req, _ := http.NewRequest(http.MethodHead, f.srv.URL+"/api/documents", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("HEAD = %d", res.StatusCode)
	}
}

func TestTokenRequiredOnEveryRequest(t *testing.T) {
	const token = "s3cret-token"
	f := newFixture(t, httpapi.Options{Token: token})
	for _, path := range []string{"/", "/api/documents", "/assets/app.css", "/entities/" + strconv.FormatInt(f.mko, 10)} {
		res, body := f.get(t, path)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s without token = %d, want 401", path, res.StatusCode)
		}
		if strings.HasPrefix(path, "/api/") && !strings.Contains(body, `"code":"unauthorized"`) {
			t.Errorf("GET %s: body %s", path, body)
		}
		if res, _ := f.get(t, path, "Authorization", "Bearer wrong"); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s with a wrong token = %d, want 401", path, res.StatusCode)
		}
		if res, _ := f.get(t, path, "Authorization", "Bearer "+token); res.StatusCode != http.StatusOK {
			t.Errorf("GET %s with the bearer token = %d, want 200", path, res.StatusCode)
		}
	}
	// ?token= sets the cookie once and redirects to the same URL without it.
	res, _ := f.get(t, "/documents?outlet=Other+Daily&token="+token)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/documents?outlet=Other+Daily" {
		t.Fatalf("?token= = %d Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == httpapi.TokenCookie {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != token || !cookie.HttpOnly {
		t.Fatalf("cookie = %+v", cookie)
	}
	if res, body := f.get(t, "/documents?outlet=Other+Daily", "Cookie", cookie.Name+"="+cookie.Value); res.StatusCode != http.StatusOK || !strings.Contains(body, "Maliki on the MKO") {
		t.Errorf("with the cookie = %d", res.StatusCode)
	}
	if res, _ := f.get(t, "/?token=nope"); res.StatusCode != http.StatusUnauthorized || len(res.Cookies()) != 0 {
		t.Errorf("wrong ?token= = %d, cookies %v", res.StatusCode, res.Cookies())
	}
}

func TestUnknownPathsAreJSONErrorsUnderAPI(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var e apiError
	f.getJSON(t, "/api/nothing/here", http.StatusNotFound, &e)
	if e.Error.Code != claimgraph.ENOTFOUND || !strings.Contains(e.Error.Message, "/api/nothing/here") {
		t.Errorf("unknown API path: %+v", e)
	}
	res, body := f.get(t, "/no/such/page")
	if res.StatusCode != http.StatusNotFound || !strings.Contains(body, `data-code="not_found"`) {
		t.Errorf("unknown page = %d", res.StatusCode)
	}
}

func TestCheckBind(t *testing.T) {
	for _, c := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"127.0.0.2:0", "", true},
		{"localhost:8080", "", true},
		{"[::1]:8080", "", true},
		{"0.0.0.0:8080", "", false},
		{":8080", "", false},
		{"192.168.1.5:80", "", false},
		{"[::]:8080", "", false},
		{"example.org:80", "", false},
		{"0.0.0.0:8080", "token-of-16-chars", true},
		{":8080", "token-of-16-chars", true},
		{"nonsense", "", false},
	} {
		err := httpapi.CheckBind(c.addr, c.token)
		if (err == nil) != c.ok {
			t.Errorf("CheckBind(%q, %q) = %v, want ok=%v", c.addr, c.token, err, c.ok)
		}
	}
}

func TestAPIDocumentsPaged(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var p page[httpapi.DocumentJSON]
	f.getJSON(t, "/api/documents?limit=2", http.StatusOK, &p)
	if len(p.Items) != 2 || p.Next == nil || *p.Next != 2 || p.Items[0].ID != f.doc1 || p.Items[0].Text != nil {
		t.Fatalf("first page = %+v", p)
	}
	var p2 page[httpapi.DocumentJSON]
	f.getJSON(t, "/api/documents?limit=2&offset=2", http.StatusOK, &p2)
	if len(p2.Items) != 1 || p2.Next != nil || p2.Items[0].ID != f.doc3 {
		t.Fatalf("second page = %+v", p2)
	}
	var p3 page[httpapi.DocumentJSON]
	f.getJSON(t, "/api/documents?outlet=Other+Daily", http.StatusOK, &p3)
	if len(p3.Items) != 2 {
		t.Errorf("outlet filter: %d items", len(p3.Items))
	}
	var e apiError
	f.getJSON(t, "/api/documents?limit=-1", http.StatusBadRequest, &e)
	if e.Error.Code != claimgraph.EINVALID || !strings.Contains(e.Error.Message, "limit") {
		t.Errorf("bad limit: %+v", e)
	}
}

func TestAPIDocumentWithSpans(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var d httpapi.DocumentDetail
	f.getJSON(t, "/api/documents/"+f.doc1[:8], http.StatusOK, &d)
	if d.Document.Text == nil || *d.Document.Text != text1 {
		t.Fatalf("text = %v", d.Document.Text)
	}
	if len(d.Document.Regions) != 2 || d.Document.Regions[1].Kind != claimgraph.RegionBoilerplate {
		t.Errorf("regions = %+v", d.Document.Regions)
	}
	if len(d.Mentions) != 5 || len(d.Quotes) != 1 || len(d.Times) != 1 || len(d.Claims) != 1 || len(d.Aliases) != 1 {
		t.Fatalf("analysis: %d mentions, %d quotes, %d times, %d claims, %d aliases", len(d.Mentions), len(d.Quotes), len(d.Times), len(d.Claims), len(d.Aliases))
	}
	for _, m := range d.Mentions {
		if text1[m.Start:m.End] != m.Text {
			t.Errorf("mention %q has span %d-%d = %q", m.Text, m.Start, m.End, text1[m.Start:m.End])
		}
	}
	q := d.Quotes[0]
	if text1[q.Content.Start:q.Content.End] != "We will never give up," || q.Speaker == nil || q.Speaker.Name != "Maryam Rajavi" {
		t.Errorf("quote = %+v", q)
	}
	var e apiError
	f.getJSON(t, "/api/documents/ffffffffffff", http.StatusNotFound, &e)
	if e.Error.Code != claimgraph.ENOTFOUND {
		t.Errorf("missing document: %+v", e)
	}
}

func TestAPIEntities(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var p page[claimgraph.Entity]
	f.getJSON(t, "/api/entities?type=per&sort=name", http.StatusOK, &p)
	if len(p.Items) != 2 || p.Items[0].Name != "Maryam Rajavi" || p.Items[1].Name != "Nouri al-Maliki" {
		t.Fatalf("PER by name = %+v", p.Items)
	}
	f.getJSON(t, "/api/entities?limit=1", http.StatusOK, &p)
	if len(p.Items) != 1 || p.Next == nil || p.Items[0].ID != f.mko {
		t.Errorf("first by mentions = %+v next %v", p.Items, p.Next)
	}
	var e apiError
	f.getJSON(t, "/api/entities?sort=size", http.StatusBadRequest, &e)
	if e.Error.Code != claimgraph.EINVALID {
		t.Errorf("bad sort: %+v", e)
	}
	// By alias: the asserted alias comes with its evidence.
	var d map[string]any
	f.getJSON(t, "/api/entities/mek", http.StatusOK, &d)
	if d["name"] != "Mojahedin-e Khalq Organization" {
		t.Fatalf("entity by alias = %v", d["name"])
	}
	var found bool
	for _, a := range d["aliases"].([]any) {
		a := a.(map[string]any)
		if a["source"] == "asserted" && a["evidence"] == "(MKO), also known as MEK" && a["doc"] == f.doc1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no asserted alias with evidence in %v", d["aliases"])
	}
	if docs := d["documents"].([]any); len(docs) != 2 {
		t.Errorf("documents = %v", docs)
	}
	// mentions is the count, mention_spans the spans: 3 in doc1, 1 in doc2.
	if n, ok := d["mentions"].(float64); !ok || n != 4 || len(d["mention_spans"].([]any)) != 4 {
		t.Errorf("mentions = %v, mention_spans = %v", d["mentions"], d["mention_spans"])
	}
	f.getJSON(t, "/api/entities/nobody", http.StatusNotFound, &e)
	if e.Error.Code != claimgraph.ENOTFOUND {
		t.Errorf("missing entity: %+v", e)
	}
}

func TestAPIQuotesClaimsSearch(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var qs page[claimgraph.QuoteView]
	f.getJSON(t, "/api/quotes?speaker=Rajavi", http.StatusOK, &qs)
	if len(qs.Items) != 1 || qs.Items[0].Content.Text != "We will never give up," || qs.Items[0].Title != "MKO accused of plotting" {
		t.Errorf("quotes by Rajavi = %+v", qs.Items)
	}
	f.getJSON(t, "/api/quotes?speaker="+strconv.FormatInt(f.maliki, 10), http.StatusOK, &qs)
	if len(qs.Items) != 0 {
		t.Errorf("quotes by Maliki = %+v", qs.Items)
	}
	var cs page[claimgraph.ClaimCluster]
	f.getJSON(t, "/api/claims?about=MKO", http.StatusOK, &cs)
	if len(cs.Items) != 2 {
		t.Fatalf("claims about MKO = %+v", cs.Items)
	}
	for _, c := range cs.Items {
		if c.Sources != 1 || len(c.Claims) != 1 {
			t.Errorf("cluster %q: %d sources, %d claims", c.Key, c.Sources, len(c.Claims))
		}
	}
	var hits page[claimgraph.SearchHit]
	f.getJSON(t, "/api/search?q=terrorist+group", http.StatusOK, &hits)
	if len(hits.Items) != 1 || hits.Items[0].Doc != f.doc2 || !strings.Contains(hits.Items[0].Snippet, "terrorist") {
		t.Errorf("search = %+v", hits.Items)
	}
	var e apiError
	f.getJSON(t, "/api/search?q=+", http.StatusBadRequest, &e)
	if e.Error.Code != claimgraph.EINVALID {
		t.Errorf("empty search: %+v", e)
	}
}

func TestAPIGraphEdgeTimelineReuse(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var g claimgraph.Graph
	f.getJSON(t, "/api/graph?entity=MKO", http.StatusOK, &g)
	names := map[int64]string{}
	for _, n := range g.Nodes {
		names[n.ID] = n.Name
	}
	if names[f.mko] == "" || names[f.maliki] == "" || names[f.baghdad] != "" {
		t.Errorf("graph nodes = %v", names)
	}
	var claimEdge bool
	for _, e := range g.Edges {
		if e.Kind == "claim" && (e.Source == f.maliki || e.Target == f.maliki) {
			claimEdge = true
		}
	}
	if !claimEdge {
		t.Errorf("no claim edge to Maliki in %+v", g.Edges)
	}
	f.getJSON(t, "/api/graph?entity=MKO&max_nodes=2", http.StatusOK, &g)
	if len(g.Nodes) > 2 || !g.Truncated || g.Message == "" {
		t.Errorf("capped graph: %d nodes, truncated %v, message %q", len(g.Nodes), g.Truncated, g.Message)
	}
	for _, bad := range []string{"/api/graph", "/api/graph?entity=MKO&depth=3", "/api/graph?entity=MKO&kinds=friend", "/api/graph?entity=MKO&max_nodes=1"} {
		var e apiError
		f.getJSON(t, bad, http.StatusBadRequest, &e)
		if e.Error.Code != claimgraph.EINVALID || e.Error.Message == "" {
			t.Errorf("%s: %+v", bad, e)
		}
	}
	var ev claimgraph.EdgeEvidence
	f.getJSON(t, "/api/edge?a="+strconv.FormatInt(f.maliki, 10)+"&b="+strconv.FormatInt(f.mko, 10), http.StatusOK, &ev)
	if len(ev.Claims) == 0 && len(ev.Sentences) == 0 {
		t.Errorf("edge Maliki–MKO has no evidence")
	}
	var e apiError
	f.getJSON(t, "/api/edge?a=x&b=1", http.StatusBadRequest, &e)

	var tl page[claimgraph.TimelineEntry]
	f.getJSON(t, "/api/timeline", http.StatusOK, &tl)
	values := map[string]bool{}
	for _, en := range tl.Items {
		values[en.Value] = true
	}
	if !values["2013-09-11"] || !values["2014-06"] {
		t.Errorf("timeline values = %v", values)
	}
	f.getJSON(t, "/api/timeline?from=2014", http.StatusOK, &tl)
	for _, en := range tl.Items {
		if en.Value < "2014" {
			t.Errorf("timeline from 2014 has %s", en.Value)
		}
	}
	var rp page[claimgraph.ReusePair]
	f.getJSON(t, "/api/reuse", http.StatusOK, &rp)
	if rp.Items == nil {
		t.Errorf("reuse items is null")
	}
	f.getJSON(t, "/api/reuse?min=2", http.StatusBadRequest, &e)
}

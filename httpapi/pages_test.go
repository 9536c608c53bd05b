package httpapi_test

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	xhtml "golang.org/x/net/html"
)

// page fetches a UI page, checks status and type, and returns the body.
func (f *fixture) page(t *testing.T, path string, status int) string {
	t.Helper()
	res, body := f.get(t, path)
	if res.StatusCode != status {
		t.Fatalf("GET %s = %d, want %d\n%s", path, res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET %s Content-Type = %q", path, ct)
	}
	if !strings.Contains(body, `<form class="search" action="/search"`) {
		t.Errorf("GET %s has no search box", path)
	}
	if bad := unsafeMarkup(body); bad != "" {
		t.Errorf("GET %s: %s", path, bad)
	}
	return body
}

// unsafeMarkup parses a page as a browser would and reports inline script,
// inline event handlers, javascript: URLs and scripts from elsewhere.
func unsafeMarkup(body string) string {
	z := xhtml.NewTokenizer(strings.NewReader(body))
	inScript := false
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					return "inline event handler " + a.Key + " on <" + tok.Data + ">"
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					return "javascript: URL"
				}
			}
			if tok.Data == "script" {
				inScript = true
				var src string
				for _, a := range tok.Attr {
					if a.Key == "src" {
						src = a.Val
					}
				}
				if !strings.HasPrefix(src, "/assets/") {
					return "script not from /assets/: " + src
				}
			}
		case xhtml.EndTagToken:
			inScript = false
		case xhtml.TextToken:
			if inScript && strings.TrimSpace(string(z.Text())) != "" {
				return "inline script"
			}
		}
	}
}

func contains(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func TestEntityPage(t *testing.T) {
	f := newFixture(t, httpapi.Options{SectionBudget: time.Minute}) // lists rendered, not deferred
	id := strconv.FormatInt(f.mko, 10)
	body := f.page(t, "/entities/MEK", http.StatusOK)
	contains(t, "entity page", body,
		`data-entity="`+id+`"`, "Mojahedin-e Khalq Organization",
		// the asserted alias with its evidence, linked to its span
		"also-known-as", "“(MKO), also known as MEK”",
		`href="/documents/`+f.doc1+`?hl=`,
		// documents, co-occurring entities with an evidence link, claims with source counts
		"MKO accused of plotting", "Maliki on the MKO",
		`href="/edge?a=`+id+`&amp;b=`+strconv.FormatInt(f.maliki, 10)+`"`,
		"1 independent source", "a terrorist group",
		`href="/graph?entity=`+id+`"`)
	rajavi := f.page(t, "/entities/"+strconv.FormatInt(f.rajavi, 10), http.StatusOK)
	contains(t, "Rajavi's page", rajavi, "Quotes by Maryam Rajavi", "“We will never give up,”")
	missing := f.page(t, "/entities/Nobody%20At%20All", http.StatusNotFound)
	contains(t, "missing entity page", missing, `data-code="not_found"`, "Nobody At All")
}

// TestEntityPageCapsEvidence checks that a name asserted over and over
// (a wire story, a site-wide sidebar) shows a few pieces of evidence and
// says how many more there are.
func TestEntityPageCapsEvidence(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	id := strconv.FormatInt(f.baghdad, 10)
	body := f.page(t, "/entities/"+id, http.StatusOK)
	contains(t, "Baghdad's page", body, "rule-0", "rule-4", `<a href="/api/entities/`+id+`">and 2 more</a>`)
	if strings.Contains(body, "rule-5") {
		t.Error("the page shows more than five pieces of evidence for one name")
	}
}

func TestDocumentReader(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	body := f.page(t, "/documents/"+f.doc1, http.StatusOK)
	contains(t, "reader", body,
		`class="q"`, `data-speaker="Maryam Rajavi"`, `id="q-0"`,
		`class="t" title="DATE 2013-09-11 (11 Sep 2013)"`,
		`class="region region-boilerplate"`, "sidebar: teaser run",
		"Ten things you did not know about cats")
	// Every mention links to the page of its own entity.
	links := regexp.MustCompile(`<a class="m m-(ORG|PER)" href="(/entities/[^"]+)"[^>]*>([^<]+)</a>`).FindAllStringSubmatch(body, -1)
	want := map[string]int64{"Mojahedin-e Khalq Organization": f.mko, "MKO": f.mko, "MEK": f.mko, "Nouri al-Maliki": f.maliki, "Maryam Rajavi": f.rajavi}
	if len(links) != len(want) {
		t.Errorf("%d mention links, want %d: %v", len(links), len(want), links)
	}
	for _, l := range links {
		target := f.page(t, html.UnescapeString(l[2]), http.StatusOK)
		if !strings.Contains(target, `data-entity="`+strconv.FormatInt(want[l[3]], 10)+`"`) {
			t.Errorf("mention %q links to %s, not to entity %d", l[3], l[2], want[l[3]])
		}
	}
	// The text between the tags is the document, byte for byte.
	article := body[strings.Index(body, `<article class="reader"`):strings.Index(body, `</article>`)]
	article = article[strings.Index(article, ">")+1:]
	plain := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(article, ""))
	if strings.TrimSpace(plain) != text1 {
		t.Errorf("reader text =\n%q\nwant\n%q", plain, text1)
	}
	// An evidence link highlights its span.
	s := strings.Index(text1, "(MKO), also known as MEK")
	hl := f.page(t, "/documents/"+f.doc1+"?hl="+strconv.Itoa(s)+"-"+strconv.Itoa(s+24), http.StatusOK)
	contains(t, "highlighted reader", hl, `id="hl"`, "the evidence you followed")
	f.page(t, "/documents/0000000000000000", http.StatusNotFound)
}

func TestListPages(t *testing.T) {
	f := newFixture(t, httpapi.Options{PageSize: 2})
	home := f.page(t, "/", http.StatusOK)
	contains(t, "home", home, "Mojahedin-e Khalq Organization", "Weather")
	docs := f.page(t, "/documents", http.StatusOK)
	contains(t, "documents page 1", docs, "MKO accused of plotting", `rel="next" href="/documents?offset=2"`)
	if strings.Contains(docs, "Weather") {
		t.Errorf("page 1 of 2 shows the third document")
	}
	docs2 := f.page(t, "/documents?offset=2", http.StatusOK)
	contains(t, "documents page 2", docs2, "Weather", `rel="prev"`)
	ents := f.page(t, "/entities?type=PER&sort=name", http.StatusOK)
	contains(t, "entities", ents, "Maryam Rajavi", "Nouri al-Maliki")
	if strings.Contains(ents, ">Baghdad<") {
		t.Errorf("PER filter shows a LOC")
	}
	search := f.page(t, "/search?q=terrorist", http.StatusOK)
	contains(t, "search", search, "Maliki on the MKO", "<mark>terrorist</mark>")
	empty := f.page(t, "/search?q=zebra", http.StatusOK)
	contains(t, "empty search", empty, "No document matches")
	quotes := f.page(t, "/quotes?speaker=Rajavi", http.StatusOK)
	contains(t, "quotes", quotes, "We will never give up,")
	claims := f.page(t, "/claims?about=MKO", http.StatusOK)
	contains(t, "claims", claims, "independent source", "accused", "according to")
	f.page(t, "/reuse", http.StatusOK)
	f.page(t, "/entities?sort=bogus", http.StatusBadRequest)
}

func TestGraphAndTimelinePages(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	g := f.page(t, "/graph?entity=MKO", http.StatusOK)
	contains(t, "graph", g, `<svg class="graph"`, `class="edge edge-claim"`, `class="edge edge-cooccur"`,
		`href="/edge?a=`, "Nouri al-Maliki", "Click an edge")
	capped := f.page(t, "/graph?entity=MKO&max_nodes=2", http.StatusOK)
	contains(t, "capped graph", capped, `class="notice truncated"`)
	f.page(t, "/graph", http.StatusOK)
	f.page(t, "/graph?entity=Nobody", http.StatusNotFound)
	a, b := strconv.FormatInt(f.maliki, 10), strconv.FormatInt(f.mko, 10)
	edge := f.page(t, "/edge?a="+a+"&b="+b, http.StatusOK)
	contains(t, "edge evidence", edge, "Evidence:", "accused", `href="/documents/`+f.doc1+`?hl=`)
	tl := f.page(t, "/timeline", http.StatusOK)
	contains(t, "timeline", tl, `<svg class="timeline"`, "2013-09-11", "2014-06", `href="#e-0"`)
	tl2 := f.page(t, "/timeline?from=2014", http.StatusOK)
	if strings.Contains(tl2, "2013-09-11") {
		t.Errorf("timeline from 2014 shows 2013")
	}
}

// TestPayloadsAreText stores a document whose every field carries markup and
// checks that every page escapes it.
func TestPayloadsAreText(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	const payload = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`
	text := "Evil " + payload + " said the speaker. \"</q><script>alert(1)</script>\" was quoted."
	d := document(text, "Title "+payload, "Outlet "+payload, "2015-01-01", nil)
	d.Author = "Author " + payload
	d.Meta = map[string]string{"note": payload}
	ms, me := span(t, text, "Evil", 0)
	qs, qe := span(t, text, "</q><script>alert(1)</script>", 0)
	a := &claimgraph.Analysis{
		Mentions: []claimgraph.Mention{{Doc: d.ID, Start: ms, End: me, Text: "Evil", Type: "PER", Kind: "name", Name: "Evil " + payload}},
		Quotes: []claimgraph.Quote{{Doc: d.ID, Kind: "direct", Content: claimgraph.TextSpan{Text: text[qs:qe], Start: qs, End: qe},
			Speaker: &claimgraph.Speaker{Name: payload, Text: "Evil", Mention: 0}, Cue: claimgraph.TextSpan{Text: "said"}}},
		Analyzer: "test",
	}
	if _, err := f.store.PutDocument(context.Background(), d, a); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/documents/" + d.ID, "/documents", "/search?q=Evil", "/quotes?doc=" + d.ID, "/"} {
		body := f.page(t, path, http.StatusOK)
		if strings.Contains(body, "<script>window") || strings.Contains(body, "<img src=x") || strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s: payload rendered as markup", path)
		}
		if !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("GET %s: payload not shown as text", path)
		}
	}
	var dd httpapi.DocumentDetail
	f.getJSON(t, "/api/documents/"+d.ID, http.StatusOK, &dd)
	if dd.Document.Title != d.Title || *dd.Document.Text != text {
		t.Errorf("API changed the payload: %q", dd.Document.Title)
	}
}

func TestUnsafeMarkupCatchesWhatItShould(t *testing.T) {
	for in, bad := range map[string]bool{
		`<p title="x onerror=y">a &lt;script&gt;</p><script src="/assets/app.js"></script>`: false,
		`<a href="/x" onclick="f()">x</a>`:                                                  true,
		`<script>alert(1)</script>`:                                                         true,
		`<script src="https://cdn.example/x.js">`:                                           true,
		`<a href=" JavaScript:alert(1)">x</a>`:                                              true,
	} {
		if got := unsafeMarkup(in); (got != "") != bad {
			t.Errorf("unsafeMarkup(%q) = %q, want unsafe=%v", in, got, bad)
		}
	}
}

func TestEntityPageDefersSlowLists(t *testing.T) {
	f := newFixture(t, httpapi.Options{SectionBudget: time.Nanosecond})
	id := strconv.FormatInt(f.mko, 10)
	body := f.page(t, "/entities/"+id, http.StatusOK)
	contains(t, "entity page over budget", body,
		`data-kind="claims" data-src="/api/claims?about=`+id+`&amp;limit=20"`,
		`data-src="/api/quotes?speaker=`+id+`&amp;limit=20"`,
		`data-src="/api/quotes?about=`+id+`&amp;limit=20"`,
		`<a href="/claims?about=`+id+`">`,
		// the page's own parts are still there
		"“(MKO), also known as MEK”", "Maliki on the MKO")
	var cs page[claimgraph.ClaimCluster]
	f.getJSON(t, "/api/claims?about="+id+"&limit=20", http.StatusOK, &cs)
	if len(cs.Items) != 2 {
		t.Errorf("the deferred list's API has %d clusters, want 2", len(cs.Items))
	}
}

func TestEntityPageDefersListsOfBusyEntities(t *testing.T) {
	f := newFixture(t, httpapi.Options{SectionBudget: time.Minute, DeferDocs: 1})
	busy := f.page(t, "/entities/"+strconv.FormatInt(f.mko, 10), http.StatusOK) // named in 2 documents
	if n := strings.Count(busy, `class="deferred"`); n != 3 {
		t.Errorf("entity in 2 documents, DeferDocs 1: %d deferred lists, want 3", n)
	}
	quiet := f.page(t, "/entities/"+strconv.FormatInt(f.baghdad, 10), http.StatusOK) // named in 1 document
	if strings.Contains(quiet, `class="deferred"`) || !strings.Contains(quiet, "No quotes attributed to it.") {
		t.Errorf("entity in 1 document, DeferDocs 1: lists not rendered on the server")
	}
}

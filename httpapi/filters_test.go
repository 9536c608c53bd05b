package httpapi_test

import (
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
)

// Listings narrow to an outlet and a range of publication dates; the
// outlets and the date range come from the store; documents sort by date.
func TestOutletAndDateFilters(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	var o httpapi.OutletsJSON
	f.getJSON(t, "/api/outlets", http.StatusOK, &o)
	if len(o.Outlets) != 2 || o.Outlets[0] != (claimgraph.OutletCount{Outlet: "Other Daily", Docs: 2}) || o.From != "2013-09-12" || o.To != "2014-06-21" {
		t.Errorf("outlets %+v", o)
	}
	var quotes page[claimgraph.QuoteView]
	f.getJSON(t, "/api/quotes?outlet=Example+Times", http.StatusOK, &quotes)
	for _, q := range quotes.Items {
		if q.Outlet != "Example Times" {
			t.Errorf("outlet filter let through %q", q.Outlet)
		}
	}
	var none page[claimgraph.QuoteView]
	f.getJSON(t, "/api/quotes?outlet=Example+Times&from=2014", http.StatusOK, &none)
	if len(quotes.Items) == 0 || len(none.Items) != 0 {
		t.Errorf("quotes of Example Times: %d, from 2014: %d", len(quotes.Items), len(none.Items))
	}
	var all, y2013 page[claimgraph.ClaimCluster]
	f.getJSON(t, "/api/claims", http.StatusOK, &all)
	f.getJSON(t, "/api/claims?from=2013&to=2013-12", http.StatusOK, &y2013)
	if len(y2013.Items) == 0 || len(y2013.Items) >= len(all.Items) && len(all.Items) > 1 {
		t.Errorf("claims: %d in all, %d published in 2013", len(all.Items), len(y2013.Items))
	}
	for _, c := range y2013.Items {
		for _, v := range c.Claims {
			if !strings.HasPrefix(v.Date, "2013") {
				t.Errorf("claim of %s in the 2013 listing", v.Date)
			}
		}
	}
	var ents, entsOther page[claimgraph.Entity]
	f.getJSON(t, "/api/entities", http.StatusOK, &ents)
	f.getJSON(t, "/api/entities?outlet=Other+Daily&to=2014-06-20", http.StatusOK, &entsOther)
	if len(entsOther.Items) == 0 || len(entsOther.Items) >= len(ents.Items) {
		t.Errorf("entities: %d in all, %d in Other Daily up to 2014-06-20", len(ents.Items), len(entsOther.Items))
	}
	var docs page[claimgraph.Document]
	f.getJSON(t, "/api/documents?sort=-date", http.StatusOK, &docs)
	if len(docs.Items) != 3 || docs.Items[0].Date != "2014-06-21" || docs.Items[2].Date != "2013-09-12" {
		t.Errorf("documents newest first: %+v", docs.Items)
	}
	var e apiError
	f.getJSON(t, "/api/documents?sort=size", http.StatusBadRequest, &e)
	f.getJSON(t, "/api/quotes?from=last+week", http.StatusBadRequest, &e)
	// The forms list the outlets and take their placeholders from the store.
	for _, path := range []string{"/quotes", "/claims", "/entities", "/documents", "/timeline"} {
		res, body := f.get(t, path)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `<option value="Other Daily"`) {
			t.Errorf("%s: %d, no outlet choices", path, res.StatusCode)
		}
		if path != "/documents" && !strings.Contains(body, `placeholder="2013-09-12"`) {
			t.Errorf("%s: placeholder not from the store's dates", path)
		}
	}
}

// The reader shows markup left in article text as a muted mark, a claim's
// source by name or title (never document:<hash>), and a key without an
// empty entry.
func TestReaderMarkupAndSources(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	_, body := f.get(t, "/documents/"+f.doc1)
	if strings.Contains(body, "not main text: </li>") {
		t.Error("the key lists an empty set of regions")
	}
	for _, path := range []string{"/claims", "/entities/" + f.doc1[:0] + "Nouri%20al-Maliki"} {
		_, body := f.get(t, path)
		if m := regexp.MustCompile(`document:[0-9a-f]{8}`).FindString(body); m != "" {
			t.Errorf("%s shows a document:<hash> source: %s", path, m)
		}
	}
}

// The graph and timeline pages name the entity, not its id.
func TestPagesNameEntities(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	id := strconv.FormatInt(f.mko, 10)
	for _, path := range []string{"/graph?entity=" + id, "/timeline?entity=" + id} {
		_, body := f.get(t, path)
		if !strings.Contains(body, `name="entity" value="Mojahedin-e Khalq Organization"`) || strings.Contains(body, `value="`+id+`"`) {
			t.Errorf("%s does not name the entity in its form", path)
		}
	}
}

// The graph counts only the documents of an outlet and a date range, in the
// API, on the page (its form and its export links) and for the explorer
// (the query it is handed).
func TestGraphOutletAndDates(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	id := strconv.FormatInt(f.mko, 10)
	maxSources := func(g claimgraph.Graph) int {
		m := 0
		for _, e := range g.Edges {
			m = max(m, e.Sources)
		}
		return m
	}
	var all, other, later claimgraph.Graph
	f.getJSON(t, "/api/graph?entity="+id, http.StatusOK, &all)
	f.getJSON(t, "/api/graph?entity="+id+"&outlet=Other+Daily", http.StatusOK, &other)
	f.getJSON(t, "/api/graph?entity="+id+"&from=2014-07", http.StatusOK, &later)
	if len(all.Edges) == 0 || maxSources(all) != 2 {
		t.Fatalf("whole graph: %d edges, at most %d sources; want edges with 2 sources (two outlets)", len(all.Edges), maxSources(all))
	}
	if len(other.Edges) == 0 || maxSources(other) != 1 {
		t.Errorf("Other Daily's graph: %d edges, at most %d sources; want edges with one source", len(other.Edges), maxSources(other))
	}
	if len(later.Nodes) != 1 || len(later.Edges) != 0 {
		t.Errorf("graph from July 2014 (no document names MKO) = %d nodes, %d edges; want the entity alone", len(later.Nodes), len(later.Edges))
	}
	var e apiError
	f.getJSON(t, "/api/graph?entity="+id+"&to=yesterday", http.StatusBadRequest, &e)
	if !strings.Contains(e.Error.Message, "to") {
		t.Errorf("bad date: error %q does not name the parameter", e.Error.Message)
	}
	body := f.page(t, "/graph?entity="+id+"&outlet=Other+Daily&from=2014", http.StatusOK)
	for _, want := range []string{`<option value="Other Daily" selected>`, `name="from" value="2014"`, `data-query="entity=` + id + `&amp;from=2014&amp;outlet=Other&#43;Daily"`} {
		if !strings.Contains(body, want) {
			t.Errorf("graph page lacks %s", want)
		}
	}
	links := regexp.MustCompile(`class="export-link" data-format="[a-z]+" download href="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(links) == 0 {
		t.Fatal("graph page: no export links")
	}
	for _, l := range links {
		u := html.UnescapeString(l[1])
		if !strings.Contains(u, "outlet=Other+Daily") || !strings.Contains(u, "from=2014") {
			t.Errorf("export link %s drops the outlet or the dates", u)
		}
		if res, _ := f.get(t, u); res.StatusCode != http.StatusOK {
			t.Errorf("export link %s: %d", u, res.StatusCode)
		}
	}
}

// People read dates, not TIMEX3 values: the timeline and the document
// reader show a reading beside each value ("2013-09-11 (11 Sep 2013)"),
// while the API keeps the value alone.
func TestPagesReadTimeValues(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	for _, path := range []string{"/timeline", "/documents/" + f.doc1} {
		body := f.page(t, path, http.StatusOK)
		if !strings.Contains(body, "11 Sep 2013") {
			t.Errorf("%s does not read 2013-09-11 as 11 Sep 2013", path)
		}
	}
	var tl page[claimgraph.TimelineEntry]
	f.getJSON(t, "/api/timeline", http.StatusOK, &tl)
	for _, e := range tl.Items {
		if strings.Contains(e.Value, "(") {
			t.Errorf("the API's value %q carries a reading", e.Value)
		}
	}
}

// An edge's evidence names the documents naming both entities, so a
// co-occurrence whose names never share a sentence still leads somewhere.
func TestEdgeListsDocuments(t *testing.T) {
	f := newFixture(t, httpapi.Options{})
	q := "a=" + strconv.FormatInt(f.mko, 10) + "&b=" + strconv.FormatInt(f.maliki, 10)
	var ev claimgraph.EdgeEvidence
	f.getJSON(t, "/api/edge?"+q, http.StatusOK, &ev)
	if len(ev.Documents) != 2 || ev.Documents[0].Doc != f.doc1 || ev.Documents[1].Doc != f.doc2 {
		t.Errorf("documents naming MKO and Maliki = %+v, want doc1 then doc2", ev.Documents)
	}
	body := f.page(t, "/edge?"+q, http.StatusOK)
	if !strings.Contains(body, `id="edge-documents"`) || !strings.Contains(body, `href="/documents/`+f.doc2+`"`) {
		t.Error("the evidence page does not list the documents naming both")
	}
}

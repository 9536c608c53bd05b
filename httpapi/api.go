package httpapi

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

// DocumentJSON is a document in the API: metadata always, text and regions
// only when one document is asked for. Raw input bytes are never served.
type DocumentJSON struct {
	ID         string              `json:"id"`
	Source     string              `json:"source"`
	Format     string              `json:"format"`
	URL        string              `json:"url,omitempty"`
	Outlet     string              `json:"outlet"`
	Title      string              `json:"title"`
	Author     string              `json:"author"`
	Date       string              `json:"date"`
	DateSource string              `json:"date_source"`
	Lang       string              `json:"lang,omitempty"`
	Bytes      int                 `json:"bytes"`
	Meta       map[string]string   `json:"meta,omitempty"`
	IngestedAt time.Time           `json:"ingested_at"`
	Text       *string             `json:"text,omitempty"`
	Regions    []claimgraph.Region `json:"regions,omitempty"`
}

func documentJSON(d *claimgraph.Document, withText bool) DocumentJSON {
	j := DocumentJSON{ID: d.ID, Source: d.Source, Format: d.Format, URL: d.URL, Outlet: d.Outlet, Title: d.Title,
		Author: d.Author, Date: d.Date, DateSource: d.DateSource, Lang: d.Lang, Bytes: d.Bytes, Meta: d.Meta,
		IngestedAt: d.IngestedAt}
	if withText {
		t := d.Text
		j.Text = &t
		j.Regions = d.Regions
		if j.Regions == nil {
			j.Regions = []claimgraph.Region{}
		}
	}
	return j
}

// DocumentDetail is one document with everything extracted from it.
type DocumentDetail struct {
	Document DocumentJSON                `json:"document"`
	Analyzer string                      `json:"analyzer"`
	Mentions []claimgraph.Mention        `json:"mentions"`
	Aliases  []claimgraph.AliasAssertion `json:"aliases"`
	Quotes   []claimgraph.Quote          `json:"quotes"`
	Claims   []claimgraph.Claim          `json:"claims"`
	Times    []claimgraph.TimeExpr       `json:"times"`
	Reuse    []claimgraph.ReusePair      `json:"reuse"`
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPI)
	return err
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.documentFilter(r.URL.Query())
	if err != nil {
		return err
	}
	docs, err := s.store.Documents(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]DocumentJSON, len(docs))
	for i, d := range docs {
		out[i] = documentJSON(d, false)
	}
	writeJSON(w, http.StatusOK, newList(out, p))
	return nil
}

// documentDetail loads a document and its analysis.
func (s *Server) documentDetail(r *http.Request, id string) (*claimgraph.Document, *claimgraph.Analysis, error) {
	d, err := s.store.Document(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	a, err := s.store.Analysis(r.Context(), d.ID)
	if err != nil {
		return nil, nil, err
	}
	return d, a, nil
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	d, a, err := s.documentDetail(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	reuse, err := s.store.Reuse(r.Context(), claimgraph.ReuseFilter{Doc: d.ID, Limit: 100})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, DocumentDetail{
		Document: documentJSON(d, true), Analyzer: a.Analyzer,
		Mentions: nonNil(a.Mentions), Aliases: nonNil(a.Aliases), Quotes: nonNil(a.Quotes),
		Claims: nonNil(a.Claims), Times: nonNil(a.Times), Reuse: nonNil(reuse),
	})
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// documentFilter reads a document listing's parameters; Limit is one more
// than the page, to tell whether a next page exists.
func (s *Server) documentFilter(q url.Values) (claimgraph.DocumentFilter, paging, error) {
	p, err := s.paging(q)
	f := claimgraph.DocumentFilter{Outlet: q.Get("outlet"), Sort: q.Get("sort"), Offset: p.Offset, Limit: p.Limit + 1}
	switch f.Sort {
	case "", "date", "-date":
	default:
		if err == nil {
			err = claimgraph.Errorf(claimgraph.EINVALID, "sort must be date or -date (newest first), not %q", f.Sort)
		}
	}
	return f, p, err
}

// docScope reads the outlet and the publication-date range (from, to) a
// listing is narrowed to.
func docScope(q url.Values) (claimgraph.DocScope, error) {
	sc := claimgraph.DocScope{Outlet: q.Get("outlet"), From: q.Get("from"), To: q.Get("to")}
	for name, v := range map[string]string{"from": sc.From, "to": sc.To} {
		if err := checkDate(name, v); err != nil {
			return sc, err
		}
	}
	return sc, nil
}

// withScope reads a listing's scope after its paging.
func withScope(q url.Values, err error) (claimgraph.DocScope, error) {
	if err != nil {
		return claimgraph.DocScope{}, err
	}
	return docScope(q)
}

// entityFilter reads an entity listing's parameters.
func (s *Server) entityFilter(q url.Values) (claimgraph.EntityFilter, paging, error) {
	p, err := s.paging(q)
	if err != nil {
		return claimgraph.EntityFilter{}, p, err
	}
	f := claimgraph.EntityFilter{Type: strings.ToUpper(q.Get("type")), Query: q.Get("q"), Sort: q.Get("sort"), Offset: p.Offset, Limit: p.Limit + 1}
	if f.Docs, err = docScope(q); err != nil {
		return f, p, err
	}
	switch f.Type {
	case "", claimgraph.TypePER, claimgraph.TypeORG, claimgraph.TypeLOC, claimgraph.TypeMISC:
	default:
		return f, p, claimgraph.Errorf(claimgraph.EINVALID, "type must be PER, ORG, LOC or MISC, not %q", q.Get("type"))
	}
	switch f.Sort {
	case "", "mentions", "docs", "name":
	default:
		return f, p, claimgraph.Errorf(claimgraph.EINVALID, "sort must be mentions, docs or name, not %q", f.Sort)
	}
	return f, p, nil
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.entityFilter(r.URL.Query())
	if err != nil {
		return err
	}
	es, err := s.store.Entities(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(es, p))
	return nil
}

// EntityJSON is an entity page in the API. claimgraph.EntityDetail's list
// of mentions shadows the entity's mention count in JSON; here the count
// stays "mentions" and the spans are "mention_spans".
type EntityJSON struct {
	claimgraph.Entity
	Documents    []claimgraph.EntityDoc   `json:"documents"`
	CoOccurring  []claimgraph.EntityCount `json:"co_occurring"`
	MentionSpans []claimgraph.Mention     `json:"mention_spans"`
	Ambiguous    []claimgraph.Mention     `json:"ambiguous"`
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	e, err := s.store.Entity(r.Context(), r.PathValue("ref"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, EntityJSON{Entity: e.Entity, Documents: nonNil(e.Documents), CoOccurring: nonNil(e.CoOccurring),
		MentionSpans: nonNil(e.Mentions), Ambiguous: nonNil(e.Ambiguous)})
	return nil
}

func (s *Server) quoteFilter(q url.Values) (claimgraph.QuoteFilter, paging, error) {
	p, err := s.paging(q)
	sc, err := withScope(q, err)
	return claimgraph.QuoteFilter{Speaker: q.Get("speaker"), About: q.Get("about"), Doc: q.Get("doc"), Docs: sc, Offset: p.Offset, Limit: p.Limit + 1}, p, err
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.quoteFilter(r.URL.Query())
	if err != nil {
		return err
	}
	qs, err := s.store.Quotes(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(qs, p))
	return nil
}

// maxClusterClaims is how many claims of a cluster a listing shows (the
// earliest; claim_count counts them all): a line every outlet repeats makes
// a cluster of thousands, and a page of fifty such clusters megabytes. The
// edge page lists every claim between two entities.
const maxClusterClaims = 10

// Claim listings are the heaviest pages: a cluster of the first page has
// its 10 claims (a page of 50 was 650 KB of JSON at 100k documents, 17 ms
// of CPU to build, and the HTML page 30 ms). A listing's page holds
// claimsPageSize clusters unless limit asks for more, and the HTML page
// shows the earliest pageClusterClaims claims of each, linking to all of
// them (the edge page) when both ends are entities.
const (
	claimsPageSize    = 20
	pageClusterClaims = 3
)

func (s *Server) claimFilter(q url.Values) (claimgraph.ClaimFilter, paging, error) {
	if q.Get("limit") == "" {
		q = cloneValues(q)
		q.Set("limit", strconv.Itoa(min(claimsPageSize, s.opts.PageSize)))
	}
	p, err := s.paging(q)
	sc, err := withScope(q, err)
	return claimgraph.ClaimFilter{About: q.Get("about"), Doc: q.Get("doc"), Docs: sc, Offset: p.Offset, Limit: p.Limit + 1, MaxClaims: maxClusterClaims}, p, err
}

// cloneValues copies query parameters, to change them without changing
// the request's.
func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

func (s *Server) apiClaims(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.claimFilter(r.URL.Query())
	if err != nil {
		return err
	}
	cs, err := s.store.Claims(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(cs, p))
	return nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p, err := s.paging(q)
	if err != nil {
		return err
	}
	text := strings.TrimSpace(q.Get("q"))
	if text == "" {
		return claimgraph.Errorf(claimgraph.EINVALID, "search needs q, the words to look for")
	}
	if strings.Count(text, `"`)%2 == 1 {
		return claimgraph.Errorf(claimgraph.EINVALID, "q has an unterminated quotation mark: %s", text)
	}
	hits, err := s.store.Search(r.Context(), text, p.Offset, p.Limit+1)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(hits, p))
	return nil
}

// graphQuery reads a graph request: entity (id, name or alias), depth (1 or
// 2), kinds (comma-separated: claim, cooccur), min_sources, max_nodes, and
// the documents counted (outlet, from, to).
func (s *Server) graphQuery(r *http.Request) (claimgraph.GraphQuery, *claimgraph.EntityDetail, error) {
	q := r.URL.Query()
	g := claimgraph.GraphQuery{Depth: 1, MaxNodes: s.opts.GraphNodes}
	ref := strings.TrimSpace(q.Get("entity"))
	if ref == "" {
		return g, nil, claimgraph.Errorf(claimgraph.EINVALID, "graph needs entity, an entity id, name or alias")
	}
	var err error
	if v := q.Get("depth"); v != "" {
		if g.Depth, err = atoi("depth", v); err != nil {
			return g, nil, err
		}
		if g.Depth < 1 || g.Depth > 2 {
			return g, nil, claimgraph.Errorf(claimgraph.EINVALID, "depth must be 1 or 2, not %d", g.Depth)
		}
	}
	for _, k := range strings.Split(q.Get("kinds"), ",") {
		switch k = strings.TrimSpace(k); k {
		case "":
		case "claim", "cooccur":
			g.EdgeKinds = append(g.EdgeKinds, k)
		default:
			return g, nil, claimgraph.Errorf(claimgraph.EINVALID, "edge kind must be claim or cooccur, not %q", k)
		}
	}
	if v := q.Get("min_sources"); v != "" {
		if g.MinSources, err = atoi("min_sources", v); err != nil {
			return g, nil, err
		}
	}
	if v := q.Get("max_nodes"); v != "" {
		if g.MaxNodes, err = atoi("max_nodes", v); err != nil {
			return g, nil, err
		}
		if g.MaxNodes < 2 {
			return g, nil, claimgraph.Errorf(claimgraph.EINVALID, "max_nodes must be at least 2")
		}
		if g.MaxNodes > s.opts.GraphMaxNodes {
			g.MaxNodes = s.opts.GraphMaxNodes
		}
	}
	if g.Docs, err = docScope(q); err != nil {
		return g, nil, err
	}
	// An id needs no entity page's worth of reading (its documents and
	// mentions were most of a graph request's time at 100k documents):
	// graphOf takes the name from the graph's center, and resolves an id
	// the graph does not know (absorbed by another entity) as a name.
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil && id > 0 {
		g.Entity = id
		return g, nil, nil
	}
	e, err := s.store.Entity(r.Context(), ref)
	if err != nil {
		return g, nil, err
	}
	g.Entity = e.ID
	return g, e, nil
}

// graphOf returns the graph gq asks for and its center entity (e, or the
// graph's first node when graphQuery resolved no entity).
func (s *Server) graphOf(r *http.Request, gq claimgraph.GraphQuery, e *claimgraph.EntityDetail) (claimgraph.GraphQuery, *claimgraph.EntityDetail, *claimgraph.Graph, error) {
	g, err := s.store.Graph(r.Context(), gq)
	if e == nil && claimgraph.ErrorCode(err) == claimgraph.ENOTFOUND {
		if e, err = s.store.Entity(r.Context(), strconv.FormatInt(gq.Entity, 10)); err != nil {
			return gq, nil, nil, err
		}
		gq.Entity = e.ID
		g, err = s.store.Graph(r.Context(), gq)
	}
	if err != nil {
		return gq, nil, nil, err
	}
	if e == nil && len(g.Nodes) > 0 {
		c := g.Nodes[0] // Graph lists the center first
		e = &claimgraph.EntityDetail{Entity: claimgraph.Entity{ID: c.ID, Name: c.Name, Type: c.Type, Mentions: c.Mentions}}
	}
	if e == nil {
		return gq, nil, nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "no entity %d", gq.Entity)
	}
	return gq, e, g, nil
}

func (s *Server) apiGraph(w http.ResponseWriter, r *http.Request) error {
	gq, e, err := s.graphQuery(r)
	if err != nil {
		return err
	}
	gq, _, g, err := s.graphOf(r, gq, e)
	if err != nil {
		return err
	}
	fixGraph(g, gq)
	writeJSON(w, http.StatusOK, g)
	return nil
}

// fixGraph makes lists non-nil and makes sure a truncated graph says so in
// words.
func fixGraph(g *claimgraph.Graph, q claimgraph.GraphQuery) {
	g.Nodes, g.Edges = nonNil(g.Nodes), nonNil(g.Edges)
	if g.Truncated && g.Message == "" {
		g.Message = "The graph was cut to the " + strconv.Itoa(q.MaxNodes) + " best-connected entities; raise min_sources or max_nodes, or pick one edge kind, to see others."
	}
}

// edgeEnds reads the two entity ids of an edge.
func edgeEnds(q url.Values) (int64, int64, error) {
	a, err1 := strconv.ParseInt(q.Get("a"), 10, 64)
	b, err2 := strconv.ParseInt(q.Get("b"), 10, 64)
	if err1 != nil || err2 != nil || a <= 0 || b <= 0 {
		return 0, 0, claimgraph.Errorf(claimgraph.EINVALID, "an edge needs a and b, two entity ids")
	}
	return a, b, nil
}

func (s *Server) apiEdge(w http.ResponseWriter, r *http.Request) error {
	a, b, err := edgeEnds(r.URL.Query())
	if err != nil {
		return err
	}
	ev, err := s.store.Edge(r.Context(), a, b)
	if err != nil {
		return err
	}
	ev.Claims, ev.Sentences = nonNil(ev.Claims), nonNil(ev.Sentences)
	writeJSON(w, http.StatusOK, ev)
	return nil
}

func (s *Server) timelineQuery(q url.Values) (claimgraph.TimelineQuery, paging, error) {
	p, err := s.paging(q)
	t := claimgraph.TimelineQuery{Entity: q.Get("entity"), From: q.Get("from"), To: q.Get("to"), Docs: claimgraph.DocScope{Outlet: q.Get("outlet")}, Offset: p.Offset, Limit: p.Limit + 1}
	if err != nil {
		return t, p, err
	}
	for _, name := range []string{"from", "to"} {
		if err := checkDate(name, q.Get(name)); err != nil {
			return t, p, err
		}
	}
	return t, p, nil
}

// checkDate accepts an empty value or a calendar date of year, month or
// day precision (2015, 2015-11, 2015-11-13), the forms timeline bounds are
// compared in; anything else is a bad parameter, not an empty answer.
func checkDate(name, v string) error {
	if v == "" {
		return nil
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(v)]
	if layout != "" {
		if _, err := time.Parse(layout, v); err == nil {
			return nil
		}
	}
	return claimgraph.Errorf(claimgraph.EINVALID, "%s must be a date: YYYY, YYYY-MM or YYYY-MM-DD, not %q", name, v)
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) error {
	tq, p, err := s.timelineQuery(r.URL.Query())
	if err != nil {
		return err
	}
	es, err := s.store.Timeline(r.Context(), tq)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(es, p))
	return nil
}

func (s *Server) reuseFilter(q url.Values) (claimgraph.ReuseFilter, paging, error) {
	p, err := s.paging(q)
	f := claimgraph.ReuseFilter{Doc: q.Get("doc"), Offset: p.Offset, Limit: p.Limit + 1}
	if err != nil {
		return f, p, err
	}
	if v := q.Get("min"); v != "" {
		m, err := strconv.ParseFloat(v, 64)
		if err != nil || !(m >= 0 && m <= 1) { // NaN compares false

			return f, p, claimgraph.Errorf(claimgraph.EINVALID, "min must be a number in [0,1], not %q", v)
		}
		f.Min = m
	}
	return f, p, nil
}

// OutletsJSON is what /api/outlets returns: the outlets to filter by and
// the store's range of publication dates.
type OutletsJSON struct {
	Outlets []claimgraph.OutletCount `json:"outlets"`
	From    string                   `json:"from"`
	To      string                   `json:"to"`
}

func (s *Server) apiOutlets(w http.ResponseWriter, r *http.Request) error {
	sf, err := s.scopeForm(r, claimgraph.DocScope{}, true)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, OutletsJSON{Outlets: sf.Outlets, From: sf.Min, To: sf.Max})
	return nil
}

func (s *Server) apiReuse(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.reuseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	rs, err := s.store.Reuse(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, newList(rs, p))
	return nil
}

package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph"
	"golang.org/x/text/unicode/norm"
)

// pageTemplate is one page: the layout with the page's own blocks.
type pageTemplate = template.Template

// page is what every page template receives.
type page struct {
	Title string
	Q     string // the search box's text
	Nav   string // the highlighted menu entry
	Data  any
}

var funcs = template.FuncMap{
	"entityURL": func(id int64) string { return "/entities/" + strconv.FormatInt(id, 10) },
	"entityRef": func(ref string) string { return "/entities/" + url.PathEscape(ref) },
	"docURL":    func(id string) string { return "/documents/" + url.PathEscape(id) },
	// spanURL opens a document with one span highlighted and in view.
	"spanURL": func(doc string, start, end int) string {
		return "/documents/" + url.PathEscape(doc) + "?hl=" + strconv.Itoa(start) + "-" + strconv.Itoa(end) + "#hl"
	},
	"short": shorten,
	"shortID": func(id string) string {
		if len(id) > 8 {
			return id[:8]
		}
		return id
	},
	"pct":    func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"add":    func(a, b int) int { return a + b },
	"join":   strings.Join,
	"marked": markTerms,
	"speaker": func(sp *claimgraph.Speaker) string {
		return speakerName(sp)
	},
	"nonzero": func(f float64) bool { return f != 0 },
	// readTime is a person's reading of a TIMEX3 value, "" when the value
	// reads as it is.
	"readTime": claimgraph.ReadTimeValue,
	// sourceLabel names a claim's voice for people: an outlet by its name,
	// a document without outlet by its title, never "document:<hash>".
	"sourceLabel": sourceLabel,
	// clusterSources names a cluster's independent sources the same way.
	"clusterSources": func(cl claimgraph.ClaimCluster) string {
		titles := map[string]string{}
		for _, c := range cl.Claims {
			titles[c.Doc] = c.Title
		}
		out := make([]string, len(cl.SourceNames))
		for i, n := range cl.SourceNames {
			id := strings.TrimPrefix(n, "document:")
			out[i] = sourceLabel(n, titles[id], id)
		}
		return strings.Join(out, ", ")
	},
	// aliasNames lists an entity's other names once each, at most n.
	"aliasNames": func(e claimgraph.Entity, n int) string {
		seen := map[string]bool{strings.ToLower(e.Name): true}
		var out []string
		for _, a := range e.Aliases {
			if k := strings.ToLower(a.Name); !seen[k] && len(out) < n {
				seen[k] = true
				out = append(out, a.Name)
			}
		}
		return strings.Join(out, ", ")
	},
}

// parsePages parses every page with the layout.
func parsePages() (map[string]*pageTemplate, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*pageTemplate{}
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", n, err)
		}
		pages[base] = t
	}
	return pages, nil
}

// render executes a page into a buffer first, so that a failing template
// becomes a clean error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	t := s.pages[name]
	var buf bytes.Buffer
	if p.Q == "" {
		p.Q = r.URL.Query().Get("q")
	}
	if t == nil {
		s.log.Error("no template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := t.Execute(&buf, p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		if name != "error" {
			s.error(w, r, fmt.Errorf("render %s: %w", name, err))
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// Pager links to the previous and next pages of a listing.
type Pager struct {
	From, To   int // 1-based positions shown
	Prev, Next string
}

// pager builds the links of a listing that fetched limit+1 items.
func pager(r *http.Request, p paging, got int) Pager {
	pg := Pager{From: p.Offset + 1, To: p.Offset + min(got, p.Limit)}
	link := func(off int) string {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(off))
		return r.URL.Path + "?" + q.Encode()
	}
	if p.Offset > 0 {
		pg.Prev = link(max(0, p.Offset-p.Limit))
	}
	if got > p.Limit {
		pg.Next = link(p.Offset + p.Limit)
	}
	return pg
}

func trim[T any](items []T, p paging) []T {
	if len(items) > p.Limit {
		return items[:p.Limit]
	}
	return items
}

// Mark is a piece of a search snippet, marked when it matches a term.
type Mark struct {
	Text string
	Hit  bool
}

// markTerms splits a search snippet into text and matches. The store marks
// matches "[like this]"; a bracketed run counts as a match only when it is
// one of the query's words, so brackets of the article itself stay text.
// The template marks the matches: no markup is ever taken from the text.
func markTerms(snippet, query string) []Mark {
	terms := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(query), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		terms[w] = true
	}
	var out []Mark
	text := func(t string) {
		if t == "" {
			return
		}
		if n := len(out); n > 0 && !out[n-1].Hit {
			out[n-1].Text += t
			return
		}
		out = append(out, Mark{Text: t})
	}
	rest := snippet
	for {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			text(rest)
			break
		}
		j := strings.IndexByte(rest[i+1:], ']')
		if j < 0 {
			text(rest)
			break
		}
		inner := rest[i+1 : i+1+j]
		if isTerm(inner, terms) {
			text(rest[:i])
			out = append(out, Mark{Text: inner, Hit: true})
		} else {
			text(rest[:i+1+j+1])
		}
		rest = rest[i+1+j+1:]
	}
	return out
}

// isTerm reports whether a marked run is one of the query's words, folding
// case and diacritics the way the full-text index does (roughly: a run that
// differs only in accents has the same length in letters).
func isTerm(s string, terms map[string]bool) bool {
	l := strings.ToLower(s)
	if terms[l] {
		return true
	}
	if strings.ContainsAny(s, "[] ") || s == "" {
		return false
	}
	l = foldMarks(l)
	for t := range terms {
		if foldMarks(t) == l {
			return true
		}
	}
	return false
}

// foldMarks removes diacritics: the decomposed form without its marks.
func foldMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Pages.

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	es, err := s.store.Entities(ctx, claimgraph.EntityFilter{Limit: 30})
	if err != nil {
		return err
	}
	docs, err := s.store.Documents(ctx, claimgraph.DocumentFilter{Limit: 20})
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "home", &page{Title: "claimgraph", Nav: "home", Data: map[string]any{"Entities": es, "Documents": docs}})
	return nil
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	data := map[string]any{"Q": text}
	if text != "" {
		p, err := s.paging(q)
		if err != nil {
			return err
		}
		if p.Offset == 0 {
			es, err := s.store.Entities(r.Context(), claimgraph.EntityFilter{Query: text, Limit: 20})
			if err != nil {
				return err
			}
			data["Entities"] = es
		}
		hits, err := s.store.Search(r.Context(), text, p.Offset, p.Limit+1)
		if err != nil {
			return err
		}
		data["Hits"] = trim(hits, p)
		data["Pager"] = pager(r, p, len(hits))
	}
	s.render(w, r, http.StatusOK, "search", &page{Title: "Search: " + text, Q: text, Nav: "search", Data: data})
	return nil
}

func (s *Server) pageEntities(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.entityFilter(r.URL.Query())
	if err != nil {
		return err
	}
	es, err := s.store.Entities(r.Context(), f)
	if err != nil {
		return err
	}
	sf, err := s.scopeForm(r, f.Docs, true)
	if err != nil {
		return err
	}
	data := map[string]any{"Entities": trim(es, p), "Pager": pager(r, p, len(es)), "Filter": f, "Scope": sf,
		"Types": []string{"", claimgraph.TypePER, claimgraph.TypeORG, claimgraph.TypeLOC, claimgraph.TypeMISC}}
	s.render(w, r, http.StatusOK, "entities", &page{Title: "Entities", Nav: "entities", Data: data})
	return nil
}

// entityPage is everything on an entity page.
type entityPage struct {
	E          *claimgraph.EntityDetail
	QuotesBy   []claimgraph.QuoteView
	QuotesAbt  []claimgraph.QuoteView
	Claims     []claimgraph.ClaimCluster
	Docs       []claimgraph.EntityDoc
	MoreDocs   int
	CoOccur    []claimgraph.EntityCount
	MoreCo     int
	Asserted   []aliasGroup
	OtherNames []claimgraph.Alias
	Ref        string
	Section    int             // items per section
	Deferred   map[string]bool // sections left to the browser: quotes-by, quotes-about, claims
	Curate     *curationForm   // the curation forms, for a request with a write token
}

// aliasGroup is one name of an entity with every piece of evidence for it.
type aliasGroup struct {
	Name  string
	Items []claimgraph.Alias
	More  int // pieces of evidence past maxAliasEvidence, not shown
}

// maxAliasEvidence caps the evidence shown for one name: a wire story or a
// site-wide sidebar repeats the same assertion in thousands of documents.
const maxAliasEvidence = 5

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	const n = 20
	// The entity's quotes and claims can take seconds for an actor named in
	// tens of thousands of documents. They are asked for at once, within the
	// page's time budget (counted from the request); a list not ready in
	// time is left to the browser, which asks the API for it (a link says
	// where it is without script). For an entity named in more than
	// DeferDocs documents the lists go to the browser straight away.
	budget, cancel := context.WithTimeout(ctx, s.opts.SectionBudget)
	defer cancel()
	e, err := s.entityForPage(ctx, r.PathValue("ref"))
	if err != nil {
		return err
	}
	ref := strconv.FormatInt(e.ID, 10)
	ep := &entityPage{E: e, Ref: ref, Section: n, Deferred: map[string]bool{}, Curate: s.curationFor(r)}
	type section struct {
		name   string
		quotes []claimgraph.QuoteView
		claims []claimgraph.ClaimCluster
		err    error
	}
	ch := make(chan section, 3) // buffered: a late list never blocks its goroutine
	pending := map[string]bool{"quotes-by": true, "quotes-about": true, "claims": true}
	if e.Docs > s.opts.DeferDocs {
		ep.Deferred, pending = pending, nil
	} else {
		go func() {
			q, err := s.store.Quotes(budget, claimgraph.QuoteFilter{Speaker: ref, Limit: n})
			ch <- section{name: "quotes-by", quotes: q, err: err}
		}()
		go func() {
			q, err := s.store.Quotes(budget, claimgraph.QuoteFilter{About: ref, Limit: n})
			ch <- section{name: "quotes-about", quotes: q, err: err}
		}()
		go func() {
			c, err := s.store.Claims(budget, claimgraph.ClaimFilter{About: ref, Limit: n, MaxClaims: maxClusterClaims})
			ch <- section{name: "claims", claims: c, err: err}
		}()
	}
wait:
	for len(pending) > 0 {
		select {
		case r := <-ch:
			delete(pending, r.name)
			switch {
			case r.err != nil && budget.Err() != nil && ctx.Err() == nil:
				ep.Deferred[r.name] = true
			case r.err != nil:
				return r.err
			case r.name == "quotes-by":
				ep.QuotesBy = r.quotes
			case r.name == "quotes-about":
				ep.QuotesAbt = r.quotes
			default:
				ep.Claims = r.claims
			}
		case <-budget.Done():
			if ctx.Err() != nil {
				return ctx.Err()
			}
			for name := range pending {
				ep.Deferred[name] = true
			}
			break wait
		}
	}
	ep.Docs, ep.CoOccur = e.Documents, e.CoOccurring
	if len(ep.Docs) > entityPageDocs {
		ep.Docs = ep.Docs[:entityPageDocs]
	}
	ep.MoreDocs = max(e.Docs-len(ep.Docs), 0)
	if len(ep.CoOccur) > 40 {
		ep.MoreCo = len(ep.CoOccur) - 40
		ep.CoOccur = ep.CoOccur[:40]
	}
	groups := map[string]int{}
	for _, a := range e.Aliases {
		if a.Source == claimgraph.AliasMention {
			ep.OtherNames = append(ep.OtherNames, a)
			continue
		}
		i, ok := groups[a.Name]
		if !ok {
			i = len(ep.Asserted)
			groups[a.Name] = i
			ep.Asserted = append(ep.Asserted, aliasGroup{Name: a.Name})
		}
		if g := &ep.Asserted[i]; len(g.Items) < maxAliasEvidence {
			g.Items = append(g.Items, a)
		} else {
			g.More++
		}
	}
	s.render(w, r, http.StatusOK, "entity", &page{Title: e.Name, Nav: "entities", Data: ep})
	return nil
}

// entityPageDocs is how many of an entity's documents its page lists (the
// most mentioning first; the count says how many more there are).
const entityPageDocs = 100

// entityLimited is a store that reads an entity with fewer documents and
// mentions than Entity does (both of claimgraph's stores).
type entityLimited interface {
	EntityLimited(ctx context.Context, ref string, maxDocs, maxMentions int) (*claimgraph.EntityDetail, error)
}

// entityForPage reads the entity as its page shows it: its first
// entityPageDocs documents and none of its mentions.
func (s *Server) entityForPage(ctx context.Context, ref string) (*claimgraph.EntityDetail, error) {
	if st, ok := s.store.(entityLimited); ok {
		return st.EntityLimited(ctx, ref, entityPageDocs, 0)
	}
	return s.store.Entity(ctx, ref)
}

func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.documentFilter(r.URL.Query())
	if err != nil {
		return err
	}
	docs, err := s.store.Documents(r.Context(), f)
	if err != nil {
		return err
	}
	sf, err := s.scopeForm(r, claimgraph.DocScope{Outlet: f.Outlet}, false)
	if err != nil {
		return err
	}
	data := map[string]any{"Documents": trim(docs, p), "Pager": pager(r, p, len(docs)), "Outlet": f.Outlet, "Sort": f.Sort, "Scope": sf}
	s.render(w, r, http.StatusOK, "documents", &page{Title: "Documents", Nav: "documents", Data: data})
	return nil
}

// readerPage is the document reader.
type readerPage struct {
	D       *claimgraph.Document
	A       *claimgraph.Analysis
	Blocks  []Block
	Reuse   []claimgraph.ReusePair
	Regions map[string]int
	NonMain bool // some region is not main text: the key explains the grey
	Meta    []string
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) error {
	d, a, err := s.documentDetail(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	reuse, err := s.store.Reuse(r.Context(), claimgraph.ReuseFilter{Doc: d.ID, Limit: 50})
	if err != nil {
		return err
	}
	rp := &readerPage{D: d, A: a, Blocks: buildBlocks(d, a, parseHighlight(r.URL.Query().Get("hl"))), Reuse: reuse, Regions: map[string]int{}}
	for _, rg := range d.Regions {
		rp.Regions[string(rg.Kind)]++
		rp.NonMain = rp.NonMain || rg.Kind != claimgraph.RegionMain
	}
	for k, v := range d.Meta {
		rp.Meta = append(rp.Meta, k+": "+v)
	}
	sort.Strings(rp.Meta)
	title := d.Title
	if title == "" {
		title = "Document " + d.ID
	}
	s.render(w, r, http.StatusOK, "document", &page{Title: title, Nav: "documents", Data: rp})
	return nil
}

func (s *Server) pageQuotes(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.quoteFilter(r.URL.Query())
	if err != nil {
		return err
	}
	qs, err := s.store.Quotes(r.Context(), f)
	if err != nil {
		return err
	}
	sf, err := s.scopeForm(r, f.Docs, true)
	if err != nil {
		return err
	}
	data := map[string]any{"Quotes": trim(qs, p), "Pager": pager(r, p, len(qs)), "Filter": f, "Scope": sf}
	s.render(w, r, http.StatusOK, "quotes", &page{Title: "Quotes", Nav: "quotes", Data: data})
	return nil
}

func (s *Server) pageClaims(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.claimFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.MaxClaims = pageClusterClaims
	cs, err := s.store.Claims(r.Context(), f)
	if err != nil {
		return err
	}
	sf, err := s.scopeForm(r, f.Docs, true)
	if err != nil {
		return err
	}
	data := map[string]any{"Claims": trim(cs, p), "Pager": pager(r, p, len(cs)), "Filter": f, "Scope": sf}
	s.render(w, r, http.StatusOK, "claims", &page{Title: "Claims", Nav: "claims", Data: data})
	return nil
}

// graphPage is the graph view.
type graphPage struct {
	Entity     *claimgraph.EntityDetail
	Query      claimgraph.GraphQuery
	Kinds      string
	Graph      *claimgraph.Graph
	SVG        SVGGraph
	Names      map[int64]string
	APIURL     string
	APIQuery   string // the graph's API query with the entity's id, for graph.js
	Ref        string
	ClaimEdges int
	Scope      *scopeForm
	Exports    []exportLink // the graph's export in each format, with its filters
	MaxNodes   int          // the most nodes one request may ask for
}

// exportLink is a download of an export.
type exportLink struct{ Format, Label, URL string }

// exportLabels names the export formats for people, in export.Formats order.
var exportLabels = []exportLink{{"graphml", "GraphML", ""}, {"gexf", "GEXF", ""}, {"csv", "CSV", ""},
	{"ftm", "FollowTheMoney", ""}, {"jsonld", "JSON-LD", ""}, {"jsonl", "JSON Lines", ""}}

// graphExports links the export of a graph: its entity, depth, minimum of
// sources and documents counted.
func graphExports(q claimgraph.GraphQuery) []exportLink {
	v := url.Values{"entity": {strconv.FormatInt(q.Entity, 10)}, "depth": {strconv.Itoa(q.Depth)}, "min_sources": {strconv.Itoa(q.MinSources)}}
	for k, x := range map[string]string{"outlet": q.Docs.Outlet, "from": q.Docs.From, "to": q.Docs.To} {
		if x != "" {
			v.Set(k, x)
		}
	}
	out := make([]exportLink, len(exportLabels))
	for i, l := range exportLabels {
		v.Set("format", l.Format)
		out[i] = exportLink{l.Format, l.Label, "/api/export?" + v.Encode()}
	}
	return out
}

func (s *Server) pageGraph(w http.ResponseWriter, r *http.Request) error {
	gp := &graphPage{Ref: r.URL.Query().Get("entity"), MaxNodes: s.opts.GraphMaxNodes}
	sc, err := docScope(r.URL.Query())
	if err != nil {
		return err
	}
	if gp.Scope, err = s.scopeForm(r, sc, true); err != nil {
		return err
	}
	if strings.TrimSpace(gp.Ref) == "" {
		s.render(w, r, http.StatusOK, "graph", &page{Title: "Graph", Nav: "graph", Data: gp})
		return nil
	}
	gq, e, err := s.graphQuery(r)
	if err != nil {
		return err
	}
	gq, e, g, err := s.graphOf(r, gq, e)
	if err != nil {
		return err
	}
	fixGraph(g, gq)
	gp.Entity, gp.Query, gp.Graph, gp.Kinds = e, gq, g, kindsParam(gq.EdgeKinds)
	gp.Exports = graphExports(gq)
	gp.SVG = layoutGraph(g, e.ID)
	gp.Names = map[int64]string{}
	for _, n := range g.Nodes {
		gp.Names[n.ID] = n.Name
	}
	for _, e := range g.Edges {
		if e.Kind == "claim" {
			gp.ClaimEdges++
		}
	}
	gp.APIURL = "/api/graph?" + r.URL.RawQuery
	q := r.URL.Query()
	q.Set("entity", strconv.FormatInt(e.ID, 10))
	gp.APIQuery = q.Encode()
	s.render(w, r, http.StatusOK, "graph", &page{Title: "Graph: " + e.Name, Nav: "graph", Data: gp})
	return nil
}

func (s *Server) pageEdge(w http.ResponseWriter, r *http.Request) error {
	a, b, err := edgeEnds(r.URL.Query())
	if err != nil {
		return err
	}
	ev, err := s.store.Edge(r.Context(), a, b)
	if err != nil {
		return err
	}
	ea, eb, err := s.edgeEnds(r.Context(), a, b)
	if err != nil {
		return err
	}
	data := map[string]any{"A": ea, "B": eb, "Evidence": ev}
	s.render(w, r, http.StatusOK, "edge", &page{Title: "Evidence: " + ea.Name + " — " + eb.Name, Nav: "graph", Data: data})
	return nil
}

// entityNodes is a store that reads entities' names without their
// documents, mentions and neighbours (both of claimgraph's stores).
type entityNodes interface {
	EntityNodes(ctx context.Context, ids []int64) ([]claimgraph.GraphNode, error)
}

// edgeEnds returns the two entities of an edge with their names: the page
// shows no more of them (a whole entity detail is its 500 documents and
// 500 mentions, two thirds of the page's cost at 100k documents).
func (s *Server) edgeEnds(ctx context.Context, a, b int64) (*claimgraph.GraphNode, *claimgraph.GraphNode, error) {
	if st, ok := s.store.(entityNodes); ok {
		ns, err := st.EntityNodes(ctx, []int64{a, b})
		if err != nil {
			return nil, nil, err
		}
		byID := map[int64]*claimgraph.GraphNode{}
		for i := range ns {
			byID[ns[i].ID] = &ns[i]
		}
		for _, id := range []int64{a, b} {
			if byID[id] == nil {
				return nil, nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "no entity %d", id)
			}
		}
		return byID[a], byID[b], nil
	}
	var out [2]*claimgraph.GraphNode
	for i, id := range []int64{a, b} {
		e, err := s.store.Entity(ctx, strconv.FormatInt(id, 10))
		if err != nil {
			return nil, nil, err
		}
		out[i] = &claimgraph.GraphNode{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: e.Entity.Mentions}
	}
	return out[0], out[1], nil
}

// timelinePage is the timeline.
type timelinePage struct {
	Scope      *scopeForm
	EntityName string // the entity asked for, by name (the query may hold its id)
	Query      claimgraph.TimelineQuery
	Entries    []claimgraph.TimelineEntry
	SVG        SVGTimeline
	Pager      Pager
}

func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) error {
	tq, p, err := s.timelineQuery(r.URL.Query())
	if err != nil {
		return err
	}
	es, err := s.store.Timeline(r.Context(), tq)
	if err != nil {
		return err
	}
	sf, err := s.scopeForm(r, tq.Docs, false)
	if err != nil {
		return err
	}
	tp := &timelinePage{Query: tq, Entries: trim(es, p), Pager: pager(r, p, len(es)), Scope: sf}
	tp.SVG = layoutTimeline(tp.Entries)
	if tq.Entity != "" {
		if e, err := s.store.Entity(r.Context(), tq.Entity); err == nil {
			tp.EntityName = e.Name
		}
	}
	s.render(w, r, http.StatusOK, "timeline", &page{Title: "Timeline", Nav: "timeline", Data: tp})
	return nil
}

func (s *Server) pageReuse(w http.ResponseWriter, r *http.Request) error {
	f, p, err := s.reuseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	rs, err := s.store.Reuse(r.Context(), f)
	if err != nil {
		return err
	}
	data := map[string]any{"Pairs": trim(rs, p), "Pager": pager(r, p, len(rs)), "Filter": f}
	s.render(w, r, http.StatusOK, "reuse", &page{Title: "Text reuse", Nav: "reuse", Data: data})
	return nil
}

// scopeForm fills the outlet and date fields of a listing's filter form:
// the outlets listed from the store, and placeholders from the store's own
// range of publication dates.
type scopeForm struct {
	Outlets          []claimgraph.OutletCount
	Outlet, From, To string
	Min, Max         string // the store's earliest and latest publication dates
	Dates            bool   // the listing filters by publication date
}

func (s *Server) scopeForm(r *http.Request, sc claimgraph.DocScope, dates bool) (*scopeForm, error) {
	outlets, err := s.store.Outlets(r.Context())
	if err != nil {
		return nil, err
	}
	min, max, err := s.store.DateRange(r.Context())
	if err != nil {
		return nil, err
	}
	return &scopeForm{Outlets: outlets, Outlet: sc.Outlet, From: sc.From, To: sc.To, Min: min, Max: max, Dates: dates}, nil
}

// sourceLabel turns a stored source key ("outlet:Example Times",
// "speaker:he", "document:ID") into words: the outlet, the speaker's words,
// or the document's title (its short id when it has none).
func sourceLabel(key, title, doc string) string {
	switch {
	case strings.HasPrefix(key, "outlet:"):
		return strings.TrimPrefix(key, "outlet:")
	case strings.HasPrefix(key, "speaker:"):
		return strings.TrimPrefix(key, "speaker:") + " (unresolved)"
	case strings.HasPrefix(key, "document:"):
		if title != "" {
			return "“" + shorten(title, 60) + "”"
		}
		if len(doc) > 8 {
			doc = doc[:8]
		}
		return "document " + doc
	}
	return key
}

// choosePage answers a name that fits several entities: the candidates,
// most mentioned first, each linked to the page asked for with its id.
type choosePage struct {
	Name    string
	Choices []entityChoice
	More    int // candidates past maxChoices, not listed
}

// entityChoice is one candidate with the link that picks it.
type entityChoice struct {
	claimgraph.EntityCandidate
	URL string
}

// maxChoices caps the candidates listed: a bare common surname may fit
// hundreds of entities, and a fuller name is the better answer then.
const maxChoices = 100

// actorParams are the query parameters that take an entity by name, in the
// order the store resolves them (quotes resolve speaker before about).
var actorParams = []string{"speaker", "about", "entity"}

// chooseEntity builds the choice page for r. The link of a candidate puts
// its id where the name was: the ref of an entity page, else the first
// actor parameter holding the name (a second ambiguous one gets its own
// choice next), with the paging reset. A name in none of them (a form
// that is not a listing) links to the entity pages.
func chooseEntity(r *http.Request, amb *claimgraph.AmbiguousNameError) *choosePage {
	cp := &choosePage{Name: amb.Name}
	cands := amb.Candidates
	if len(cands) > maxChoices {
		cp.More, cands = len(cands)-maxChoices, cands[:maxChoices]
	}
	link := func(id int64) string { return "/entities/" + strconv.FormatInt(id, 10) }
	if ref := r.PathValue("ref"); ref == "" || strings.TrimSpace(ref) != amb.Name {
		q := r.URL.Query()
		for _, k := range actorParams {
			if strings.TrimSpace(q.Get(k)) != amb.Name {
				continue
			}
			link = func(id int64) string {
				q := r.URL.Query()
				q.Set(k, strconv.FormatInt(id, 10))
				q.Del("offset")
				return r.URL.Path + "?" + q.Encode()
			}
			break
		}
	}
	for _, c := range cands {
		cp.Choices = append(cp.Choices, entityChoice{EntityCandidate: c, URL: link(c.ID)})
	}
	return cp
}

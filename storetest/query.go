package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

// EntityStore is a store whose read side can be tested: it answers queries
// and lets the suite write the entity layer that resolution would compute.
type EntityStore interface {
	claimgraph.QueryStore
	ReplaceEntities(ctx context.Context, entities []claimgraph.Entity, mentionEntity map[int64]int64) error
	AllMentions(ctx context.Context) ([]claimgraph.Mention, error)
}

// QueryOpener returns a fresh, empty store for one test.
type QueryOpener func(t *testing.T) EntityStore

// RunQueries runs the read-side contract against stores made by open. Each
// test fills a store with the Corpus through PutDocument and ReplaceEntities.
func RunQueries(t *testing.T, open QueryOpener) {
	t.Run("Entities", func(t *testing.T) { testEntities(t, LoadCorpus(t, open(t))) })
	t.Run("Entity", func(t *testing.T) { testEntity(t, LoadCorpus(t, open(t))) })
	t.Run("Quotes", func(t *testing.T) { testQuotes(t, LoadCorpus(t, open(t))) })
	t.Run("Claims", func(t *testing.T) { testClaims(t, LoadCorpus(t, open(t))) })
	t.Run("DerivedListings", func(t *testing.T) { testDerivedListings(t, LoadCorpus(t, open(t))) })
	t.Run("DerivedTimelineAfterReanalysis", func(t *testing.T) { testTimelineAfterReanalysis(t, LoadCorpus(t, open(t))) })
	t.Run("Search", func(t *testing.T) { testSearch(t, LoadCorpus(t, open(t))) })
	t.Run("Graph", func(t *testing.T) { testGraph(t, LoadCorpus(t, open(t))) })
	t.Run("Edge", func(t *testing.T) { testEdge(t, LoadCorpus(t, open(t))) })
	t.Run("Timeline", func(t *testing.T) { testTimeline(t, LoadCorpus(t, open(t))) })
	t.Run("Reuse", func(t *testing.T) { testReuse(t, LoadCorpus(t, open(t))) })
	t.Run("EmptyStore", func(t *testing.T) { testEmptyQueries(t, open(t)) })
	t.Run("DateRange", func(t *testing.T) { testDateRange(t, open(t)) })
}

func testEntities(t *testing.T, c *Corpus) {
	ctx := context.Background()
	tests := []struct {
		name string
		f    claimgraph.EntityFilter
		want []int64
	}{
		{"all by mentions", claimgraph.EntityFilter{}, []int64{EntBlue, EntAcme, EntRoe, EntMary, EntJohn, EntParis}},
		{"type", claimgraph.EntityFilter{Type: "ORG"}, []int64{EntBlue, EntAcme}},
		{"alias prefix, any case", claimgraph.EntityFilter{Query: "acm"}, []int64{EntAcme}},
		{"asserted alias", claimgraph.EntityFilter{Query: "ACME"}, []int64{EntAcme}},
		{"wildcards are literal", claimgraph.EntityFilter{Query: "%"}, []int64{}},
		// Search matches whole words and word prefixes, not the inside of a
		// word: "Assad" must not find an "ambassador".
		{"inside a word", claimgraph.EntityFilter{Query: "ANE R"}, []int64{}},
		{"word prefix across words, any case", claimgraph.EntityFilter{Query: "JANE R"}, []int64{EntRoe}},
		{"later word prefix", claimgraph.EntityFilter{Query: "Ro"}, []int64{EntRoe}},
		{"two letters inside words", claimgraph.EntityFilter{Query: "oe"}, []int64{}},
		{"shared surname", claimgraph.EntityFilter{Query: " Doe"}, []int64{EntMary, EntJohn}},
		{"quotes and operators are literal", claimgraph.EntityFilter{Query: `"Roe" OR *`}, []int64{}},
		{"no such name", claimgraph.EntityFilter{Query: "Acme Corpse"}, []int64{}},
		{"by name", claimgraph.EntityFilter{Sort: "name"}, []int64{EntAcme, EntBlue, EntRoe, EntJohn, EntMary, EntParis}},
		{"by docs, paged", claimgraph.EntityFilter{Sort: "docs", Offset: 1, Limit: 1}, []int64{EntAcme}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Store.Entities(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			ids := []int64{}
			for _, e := range got {
				ids = append(ids, e.ID)
				if e.Aliases == nil {
					t.Errorf("entity %d has nil aliases, want a list", e.ID)
				}
			}
			if !equalIDs(ids, tt.want) {
				t.Errorf("Entities(%+v) = %v, want %v", tt.f, ids, tt.want)
			}
		})
	}
	got, err := c.Store.Entities(ctx, claimgraph.EntityFilter{Type: "ORG"})
	if err != nil || len(got) == 0 {
		t.Fatalf("Entities ORG = %v, %v", got, err)
	}
	for _, a := range got[1].Aliases {
		if a.Region != "" {
			t.Errorf("Acme's alias %q: region %q, want main text (\"\")", a.Name, a.Region)
		}
	}
	paris, err := c.Store.Entities(ctx, claimgraph.EntityFilter{Type: "LOC"})
	if err != nil || len(paris) != 1 || len(paris[0].Aliases) != 2 || paris[0].Aliases[1].Region != claimgraph.RegionRepeated {
		t.Errorf("Paris = %+v, %v; want its second alias's evidence in the repeated region", paris, err)
	}
	if e := got[1]; e.Name != "Acme Corp" || e.Mentions != 6 || e.Docs != 3 || len(e.Aliases) != 2 {
		t.Errorf("Acme = %+v; want 6 mentions in 3 documents, 2 aliases", e)
	}
	if _, err := c.Store.Entities(ctx, claimgraph.EntityFilter{Sort: "bogus"}); claimgraph.ErrorCode(err) != claimgraph.EINVALID {
		t.Errorf("unknown sort: error %v, want EINVALID", err)
	}
}

func testEntity(t *testing.T, c *Corpus) {
	ctx := context.Background()
	for _, ref := range []string{"Acme Corp", "acme corp", "ACME", "acme", "2"} {
		d, err := c.Store.Entity(ctx, ref)
		if err != nil {
			t.Fatalf("Entity(%q): %v", ref, err)
		}
		if d.ID != EntAcme {
			t.Errorf("Entity(%q) = %d, want %d", ref, d.ID, EntAcme)
		}
	}
	for _, ref := range []string{"Nobody Known", "999", ""} {
		if _, err := c.Store.Entity(ctx, ref); claimgraph.ErrorCode(err) == "" || claimgraph.ErrorCode(err) == claimgraph.EINTERNAL {
			t.Errorf("Entity(%q) error = %v, want not found or invalid", ref, err)
		}
	}
	d, err := c.Store.Entity(ctx, "ACME")
	if err != nil {
		t.Fatal(err)
	}
	var asserted *claimgraph.Alias
	for i, a := range d.Aliases {
		if a.Source == claimgraph.AliasAsserted {
			asserted = &d.Aliases[i]
		}
	}
	if asserted == nil || asserted.Doc != c.A.ID || asserted.Evidence != "Acme Corp, also known as ACME" ||
		c.A.Text[asserted.Start:asserted.End] != asserted.Evidence {
		t.Errorf("asserted alias = %+v, want the evidence span of document A", asserted)
	}
	docs := map[string]int{}
	for _, ed := range d.Documents {
		docs[ed.Doc] = ed.Mentions
	}
	if want := map[string]int{c.A.ID: 3, c.B.ID: 1, c.C.ID: 2}; !equalCounts(docs, want) {
		t.Errorf("documents of Acme = %v, want %v", docs, want)
	}
	if len(d.CoOccurring) < 2 || d.CoOccurring[0].ID != EntBlue || d.CoOccurring[0].Docs != 3 || d.CoOccurring[1].ID != EntRoe {
		t.Errorf("co-occurring = %+v, want Blue Party (3 documents) then Jane Roe", d.CoOccurring)
	}
	if len(d.Mentions) != 6 {
		t.Errorf("mentions = %d, want 6", len(d.Mentions))
	}
	for _, m := range d.Mentions {
		if m.Entity != EntAcme || c.Text(m.Doc)[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: wrong entity or span", m)
		}
	}
	mary, err := c.Store.Entity(ctx, "Mary Doe")
	if err != nil {
		t.Fatal(err)
	}
	if len(mary.Ambiguous) != 1 || mary.Ambiguous[0].Text != "Doe" || mary.Ambiguous[0].Entity != 0 {
		t.Errorf("ambiguous of Mary Doe = %+v, want the bare unresolved \"Doe\"", mary.Ambiguous)
	}
	if len(d.Ambiguous) != 0 {
		t.Errorf("ambiguous of Acme = %+v, want none", d.Ambiguous)
	}
	// A bare surname two entities share is a conflict that carries both,
	// typed and counted, so that a caller can offer the choice.
	_, err = c.Store.Entity(ctx, "Doe")
	var amb *claimgraph.AmbiguousNameError
	if !errors.As(err, &amb) || claimgraph.ErrorCode(err) != claimgraph.ECONFLICT || amb.Name != "Doe" {
		t.Fatalf("Entity(Doe) error = %v, want a conflict carrying the candidates", err)
	}
	got := map[int64]claimgraph.EntityCandidate{}
	for _, cand := range amb.Candidates {
		got[cand.ID] = cand
	}
	if len(got) != 2 || got[EntMary].Name != "Mary Doe" || got[EntJohn].Name != "John Doe" ||
		got[EntMary].Type != claimgraph.TypePER || got[EntJohn].Type != claimgraph.TypePER ||
		got[EntMary].Mentions == 0 || got[EntJohn].Mentions == 0 {
		t.Errorf("candidates of Doe = %+v, want Mary and John Doe, PER, with their mentions", amb.Candidates)
	}
}

func testQuotes(t *testing.T, c *Corpus) {
	ctx := context.Background()
	tests := []struct {
		name string
		f    claimgraph.QuoteFilter
		want []string // contents
	}{
		{"all in date order", claimgraph.QuoteFilter{}, []string{QuoteRoeTies, QuoteRoeTransfers, QuoteDoeWin}},
		{"by speaker name", claimgraph.QuoteFilter{Speaker: "Jane Roe"}, []string{QuoteRoeTies, QuoteRoeTransfers}},
		{"by speaker id", claimgraph.QuoteFilter{Speaker: "1"}, []string{QuoteRoeTies, QuoteRoeTransfers}},
		{"about", claimgraph.QuoteFilter{About: "Blue Party"}, []string{QuoteRoeTies, QuoteDoeWin}},
		{"speaker and about", claimgraph.QuoteFilter{Speaker: "Jane Roe", About: "Blue Party"}, []string{QuoteRoeTies}},
		{"by document", claimgraph.QuoteFilter{Doc: c.D.ID}, []string{QuoteDoeWin}},
		{"paged", claimgraph.QuoteFilter{Offset: 1, Limit: 1}, []string{QuoteRoeTransfers}},
		{"speaker of nothing", claimgraph.QuoteFilter{Speaker: "Paris"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Store.Quotes(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, q := range got {
				texts = append(texts, q.Content.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Quotes(%+v) = %q, want %q", tt.f, texts, tt.want)
			}
		})
	}
	all, err := c.Store.Quotes(ctx, claimgraph.QuoteFilter{})
	if err != nil || len(all) != 3 {
		t.Fatalf("Quotes = %d, %v", len(all), err)
	}
	// "Roe" in the second quote is resolved: the name is the canonical one.
	if s := all[1].Speaker; s == nil || s.Name != "Jane Roe" || s.Text != "Roe" || s.Entity != EntRoe {
		t.Errorf("speaker of the second quote = %+v, want Jane Roe written as Roe", s)
	}
	// The bare "Doe" is ambiguous and unresolved: the speaker is unknown.
	if s := all[2].Speaker; s == nil || s.Name != "" || s.Entity != 0 || s.Text != "Doe" {
		t.Errorf("speaker of the third quote = %+v, want an unresolved \"Doe\"", s)
	}
	if all[0].Outlet != "Daily Ledger" || all[0].Date != "2015-02-10" || all[0].Title == "" {
		t.Errorf("quote document fields = %q %q %q", all[0].Outlet, all[0].Date, all[0].Title)
	}
	if _, err := c.Store.Quotes(ctx, claimgraph.QuoteFilter{Speaker: "Nobody Known"}); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("unknown speaker: %v, want ENOTFOUND", err)
	}
}

func testClaims(t *testing.T, c *Corpus) {
	ctx := context.Background()
	got, err := c.Store.Claims(ctx, claimgraph.ClaimFilter{About: "ACME"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Claims about ACME = %d clusters, want 2: %+v", len(got), got)
	}
	ties := got[0]
	if ties.SubjectEntity != EntAcme || ties.ObjectEntity != EntBlue || ties.Relation != claimgraph.RelationKey("have ties with") || ties.Subject != "Acme Corp" {
		t.Errorf("first cluster = %+v, want Acme Corp –tied to– Blue Party", ties)
	}
	// Jane Roe in A, the Morning Wire's own voice in B (a copy of A: one
	// source with it), document C's own voice: two independent sources.
	if ties.Sources != 2 || ties.Docs != 3 || len(ties.Claims) != 3 {
		t.Errorf("ties: %d sources, %d docs, %d claims; want 2, 3, 3", ties.Sources, ties.Docs, len(ties.Claims))
	}
	if strings.Join(ties.SourceNames, "|") != "Jane Roe|document:"+c.C.ID {
		t.Errorf("source names = %q", ties.SourceNames)
	}
	if strings.Join(ties.Chain, "|") != c.A.ID+"|"+c.B.ID {
		t.Errorf("chain = %v, want A then B", ties.Chain)
	}
	wantSources := []string{"Jane Roe", "outlet:Morning Wire", "document:" + c.C.ID}
	for i, v := range ties.Claims {
		if v.Source != wantSources[i] {
			t.Errorf("claim %d source = %q, want %q", i, v.Source, wantSources[i])
		}
		if c.Text(v.Doc)[v.Evidence.Start:v.Evidence.End] != v.Evidence.Text {
			t.Errorf("claim %d evidence span does not match its text", i)
		}
	}
	if s := ties.Claims[0].Speaker; s == nil || s.Name != "Jane Roe" || s.Entity != EntRoe || ties.Claims[0].Cue == nil {
		t.Errorf("claim 0 speaker = %+v, cue %v", s, ties.Claims[0].Cue)
	}
	denial := got[1]
	if !denial.Claims[0].Negated || denial.Sources != 1 || !strings.HasSuffix(denial.Key, "|not") {
		t.Errorf("denial cluster = %+v, want a negated claim apart from the affirmative ones", denial)
	}
	all, err := c.Store.Claims(ctx, claimgraph.ClaimFilter{})
	if err != nil || len(all) != 2 {
		t.Errorf("all claims = %d clusters, %v; want 2", len(all), err)
	}
	one, err := c.Store.Claims(ctx, claimgraph.ClaimFilter{Doc: c.C.ID})
	if err != nil || len(one) != 1 || one[0].Sources != 1 || one[0].Docs != 1 {
		t.Errorf("claims of C = %+v, %v; want one cluster of one source", one, err)
	}
	none, err := c.Store.Claims(ctx, claimgraph.ClaimFilter{About: "Paris"})
	if err != nil || none == nil || len(none) != 0 {
		t.Errorf("claims about Paris = %v, %v; want an empty list", none, err)
	}
}

// testDerivedListings checks that the listings a store derives with the
// entity layer equal the ones computed from what is stored: claims whole, paged and
// about an entity; an entity's quotes, spoken and naming it.
func testDerivedListings(t *testing.T, c *Corpus) {
	ctx := context.Background()
	live, ok := c.Store.(interface{ SetLiveListings(bool) })
	if !ok {
		t.Skip("the store derives no listings")
	}
	filters := []claimgraph.ClaimFilter{{}, {Limit: 1}, {Offset: 1, Limit: 5}, {Offset: 7}, {About: "ACME"}, {About: "ACME", Offset: 1, Limit: 1}, {About: "Paris"}, {About: "Jane Roe"}, {MaxClaims: 1}, {About: "ACME", Limit: 5, MaxClaims: 2}}
	quoteFilters := []claimgraph.QuoteFilter{{Speaker: "Jane Roe"}, {About: "ACME"}, {About: "Acme Corp", Offset: 1, Limit: 1}, {Speaker: "Paris"}, {About: "Blue Party", Limit: 1}}
	timelineQueries := []claimgraph.TimelineQuery{{}, {Limit: 2}, {Offset: 1, Limit: 2}, {Entity: "ACME"}, {Entity: "Jane Roe"}, {Entity: "ACME", Offset: 1, Limit: 1},
		{From: "2014"}, {To: "2015-06"}, {Docs: claimgraph.DocScope{Outlet: "Daily Ledger"}}}
	read := func() []string {
		var out []string
		for _, f := range filters {
			cs, err := c.Store.Claims(ctx, f)
			if err != nil {
				t.Fatalf("Claims(%+v): %v", f, err)
			}
			b, err := json.Marshal(cs)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		for _, f := range quoteFilters {
			qs, err := c.Store.Quotes(ctx, f)
			if err != nil {
				t.Fatalf("Quotes(%+v): %v", f, err)
			}
			b, err := json.Marshal(qs)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		for _, f := range timelineQueries {
			es, err := c.Store.Timeline(ctx, f)
			if err != nil {
				t.Fatalf("Timeline(%+v): %v", f, err)
			}
			b, err := json.Marshal(es)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		return out
	}
	listed := read()
	live.SetLiveListings(true)
	computed := read()
	live.SetLiveListings(false)
	for i := range computed {
		if computed[i] == listed[i] {
			continue
		}
		switch {
		case i < len(filters):
			t.Errorf("Claims(%+v):\n derived listing %s\n clustered live  %s", filters[i], listed[i], computed[i])
		case i >= len(filters)+len(quoteFilters):
			t.Errorf("Timeline(%+v):\n derived %s\n live    %s", timelineQueries[i-len(filters)-len(quoteFilters)], listed[i], computed[i])
		default:
			t.Errorf("Quotes(%+v):\n derived %s\n live    %s", quoteFilters[i-len(filters)], listed[i], computed[i])
		}
	}
	if len(listed[0]) < 100 {
		t.Errorf("the whole listing is %s; the corpus has claims", listed[0])
	}
	if tl := listed[len(filters)+len(quoteFilters)]; len(tl) < 100 {
		t.Errorf("the whole timeline is %s; the corpus has dated claims", tl)
	}
	if q := listed[len(filters)]; len(q) < 100 {
		t.Errorf("the quotes of Jane Roe are %s; the corpus has two", q)
	}
}

func testSearch(t *testing.T, c *Corpus) {
	ctx := context.Background()
	tests := []struct {
		q    string
		want []string
	}{
		{"transfers", []string{c.A.ID}},
		{"TIES blue", []string{c.A.ID, c.B.ID, c.C.ID}},
		{"Paris", []string{c.D.ID}},
		{`"unbalanced (NEAR* OR ties`, nil}, // words: unbalanced, NEAR, OR, ties — none has all
		{`ties:* ^blue`, []string{c.A.ID, c.B.ID, c.C.ID}},
		{"   ", nil},
		{"nothingmatches", nil},
	}
	for _, tt := range tests {
		got, err := c.Store.Search(ctx, tt.q, 0, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.q, err)
			continue
		}
		ids := map[string]bool{}
		for _, h := range got {
			ids[h.Doc] = true
			if !strings.Contains(h.Snippet, "[") || h.Title == "" {
				t.Errorf("Search(%q) hit %+v: want a marked snippet and a title", tt.q, h)
			}
		}
		if len(ids) != len(tt.want) || len(got) != len(tt.want) {
			t.Errorf("Search(%q) = %d hits %v, want %v", tt.q, len(got), ids, tt.want)
		}
		for _, w := range tt.want {
			if !ids[w] {
				t.Errorf("Search(%q) misses %s", tt.q, w)
			}
		}
	}
	page, err := c.Store.Search(ctx, "blue", 1, 1)
	if err != nil || len(page) != 1 {
		t.Errorf("Search page = %v, %v", page, err)
	}
}

func testGraph(t *testing.T, c *Corpus) {
	ctx := context.Background()
	g, err := c.Store.Graph(ctx, claimgraph.GraphQuery{Entity: EntAcme, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	if g.Truncated || len(g.Nodes) != 3 || g.Nodes[0].ID != EntAcme {
		t.Errorf("depth 1 nodes = %+v (truncated %v), want Acme, Blue Party, Jane Roe", g.Nodes, g.Truncated)
	}
	var claimEdge *claimgraph.GraphEdge
	for i, e := range g.Edges {
		if e.Kind == "claim" && e.Label == claimgraph.RelationKey("have ties with") {
			claimEdge = &g.Edges[i]
		}
	}
	if claimEdge == nil || claimEdge.Source != EntAcme || claimEdge.Target != EntBlue || claimEdge.Sources != 2 || claimEdge.Docs != 3 {
		t.Errorf("claim edge = %+v, want Acme→Blue Party with 2 sources in 3 documents", claimEdge)
	}
	// Edges among the neighbours are kept too: Jane Roe and the Blue Party
	// share documents A and B.
	var between bool
	for _, e := range g.Edges {
		if e.Kind == "cooccur" && e.Source == EntRoe && e.Target == EntBlue && e.Docs == 2 && e.Sources == 2 {
			between = true
		}
	}
	if !between {
		t.Errorf("depth 1 edges = %+v, want the co-occurrence of Jane Roe and Blue Party (2 documents, 2 outlets)", g.Edges)
	}
	two, err := c.Store.Graph(ctx, claimgraph.GraphQuery{Entity: EntBlue, Depth: 2, EdgeKinds: []string{"cooccur"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(two.Nodes) != 6 {
		t.Errorf("depth 2 co-occurrence from Blue Party = %d nodes, want all 6", len(two.Nodes))
	}
	for _, e := range two.Edges {
		if e.Kind != "cooccur" {
			t.Errorf("edge kind %q with only cooccur asked", e.Kind)
		}
	}
	capped, err := c.Store.Graph(ctx, claimgraph.GraphQuery{Entity: EntBlue, Depth: 2, MaxNodes: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !capped.Truncated || len(capped.Nodes) != 2 || capped.Message == "" || capped.Nodes[1].ID != EntAcme {
		t.Errorf("capped graph = %+v, want 2 nodes (Blue Party, Acme), truncated, with a message", capped)
	}
	strong, err := c.Store.Graph(ctx, claimgraph.GraphQuery{Entity: EntAcme, MinSources: 2, EdgeKinds: []string{"claim"}})
	if err != nil || len(strong.Edges) != 1 {
		t.Errorf("min 2 sources: %+v, %v; want the one corroborated claim edge", strong, err)
	}
	testGraphScope(t, c)
	for _, q := range []claimgraph.GraphQuery{{Entity: 999}, {Entity: EntAcme, Depth: 3}, {Entity: EntAcme, EdgeKinds: []string{"x"}},
		{Entity: EntAcme, Docs: claimgraph.DocScope{From: "last week"}}} {
		if _, err := c.Store.Graph(ctx, q); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND && claimgraph.ErrorCode(err) != claimgraph.EINVALID {
			t.Errorf("Graph(%+v) error = %v, want not found or invalid", q, err)
		}
	}
}

// testGraphScope checks a graph counted over the documents of an outlet or
// a range of dates: links and entities outside the scope drop out, and the
// independent sources are those in scope.
func testGraphScope(t *testing.T, c *Corpus) {
	ctx := context.Background()
	tests := []struct {
		name       string
		q          claimgraph.GraphQuery
		nodes      []int64
		claimEdges []string // source-target:sources/docs of each claim edge
		cooccur    []string
	}{
		// From March 2015 only C (no outlet) speaks of Acme: Jane Roe (A
		// and B, February) is gone, and the claim stands on C alone.
		{"from a month", claimgraph.GraphQuery{Entity: EntAcme, Docs: claimgraph.DocScope{From: "2015-03"}},
			[]int64{EntAcme, EntBlue}, []string{"2-3:1/1"}, []string{"2-3:1/1"}},
		// The Morning Wire's one document (B): its own voice, and Jane Roe
		// named beside both.
		{"one outlet", claimgraph.GraphQuery{Entity: EntAcme, Docs: claimgraph.DocScope{Outlet: "Morning Wire"}},
			[]int64{EntAcme, EntBlue, EntRoe}, []string{"2-3:1/1"}, []string{"1-2:1/1", "1-3:1/1", "2-3:1/1"}},
		// Up to February: A and B, two outlets, so two sources.
		{"up to a month", claimgraph.GraphQuery{Entity: EntAcme, Docs: claimgraph.DocScope{To: "2015-02"}, EdgeKinds: []string{"cooccur"}},
			[]int64{EntAcme, EntBlue, EntRoe}, nil, []string{"1-2:2/2", "1-3:2/2", "2-3:2/2"}},
		{"outlet and dates with nothing in them", claimgraph.GraphQuery{Entity: EntAcme, Docs: claimgraph.DocScope{Outlet: "Morning Wire", From: "2015-03"}},
			[]int64{EntAcme}, nil, nil},
		// From 12 February: B (the Morning Wire) and C (no outlet, its own
		// voice) are two sources; Jane Roe, named in B only, has one.
		{"min sources in scope", claimgraph.GraphQuery{Entity: EntAcme, MinSources: 2, Docs: claimgraph.DocScope{From: "2015-02-12"}},
			[]int64{EntAcme, EntBlue}, []string{"2-3:2/2"}, []string{"2-3:2/2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := c.Store.Graph(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, n := range g.Nodes {
				ids = append(ids, n.ID)
			}
			if !sameSet(ids, tt.nodes) {
				t.Errorf("nodes = %v, want %v", ids, tt.nodes)
			}
			var claims, co []string
			for _, e := range g.Edges {
				s := fmt.Sprintf("%d-%d:%d/%d", min(e.Source, e.Target), max(e.Source, e.Target), e.Sources, e.Docs)
				if e.Kind == "claim" {
					claims = append(claims, s)
				} else {
					co = append(co, s)
				}
			}
			slices.Sort(claims)
			slices.Sort(co)
			if !slices.Equal(claims, tt.claimEdges) || !slices.Equal(co, tt.cooccur) {
				t.Errorf("claim edges = %v, co-occurrence = %v; want %v and %v", claims, co, tt.claimEdges, tt.cooccur)
			}
		})
	}
}

// sameSet reports whether two id lists hold the same ids.
func sameSet(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func testEdge(t *testing.T, c *Corpus) {
	ctx := context.Background()
	ev, err := c.Store.Edge(ctx, EntBlue, EntAcme)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Claims) != 4 {
		t.Errorf("claims between Acme and Blue Party = %d, want 4", len(ev.Claims))
	}
	if len(ev.Sentences) == 0 {
		t.Fatal("no sentences naming both")
	}
	for _, s := range ev.Sentences {
		txt := c.Text(s.Doc)
		if txt[s.Start:s.End] != s.Text || !strings.Contains(s.Text, "Acme") || !strings.Contains(s.Text, "Blue Party") {
			t.Errorf("sentence %+v: span or content wrong", s)
		}
		if strings.Contains(s.Text, "Roe told") {
			t.Errorf("sentence %q runs into the next one", s.Text)
		}
	}
	// The documents naming both, earliest first: A, B and C (D does not
	// name Acme).
	var docs []string
	for _, d := range ev.Documents {
		docs = append(docs, d.Doc)
		if d.Mentions < 2 {
			t.Errorf("document %s counts %d mentions of the two, want 2 or more", d.Doc, d.Mentions)
		}
	}
	if want := []string{c.A.ID, c.B.ID, c.C.ID}; !slices.Equal(docs, want) {
		t.Errorf("documents naming both = %v, want %v (by date)", docs, want)
	}
	if _, err := c.Store.Edge(ctx, EntAcme, 999); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("Edge to a missing entity: %v, want ENOTFOUND", err)
	}
}

func testTimeline(t *testing.T, c *Corpus) {
	ctx := context.Background()
	tests := []struct {
		name string
		q    claimgraph.TimelineQuery
		want []string // value/kind/precision
	}{
		{"all", claimgraph.TimelineQuery{}, []string{"2014/sentence/year", "2015-02-09/claim/day", "2015-02-09/claim/day"}},
		{"entity as speaker", claimgraph.TimelineQuery{Entity: "Jane Roe"}, []string{"2015-02-09/claim/day"}},
		{"entity named", claimgraph.TimelineQuery{Entity: "Blue Party"}, []string{"2014/sentence/year", "2015-02-09/claim/day", "2015-02-09/claim/day"}},
		{"from", claimgraph.TimelineQuery{From: "2015"}, []string{"2015-02-09/claim/day", "2015-02-09/claim/day"}},
		{"to is a prefix bound", claimgraph.TimelineQuery{To: "2014"}, []string{"2014/sentence/year"}},
		{"paged", claimgraph.TimelineQuery{Offset: 2, Limit: 5}, []string{"2015-02-09/claim/day"}},
		{"entity without dates", claimgraph.TimelineQuery{Entity: "Paris"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Store.Timeline(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, e := range got {
				s = append(s, e.Value+"/"+e.Kind+"/"+e.Precision)
				if c.Text(e.Evidence.Doc)[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
					t.Errorf("entry %+v: evidence span does not match", e)
				}
				if e.Time.Start < e.Evidence.Start || e.Time.End > e.Evidence.End {
					t.Errorf("entry %+v: time outside its evidence", e)
				}
			}
			if strings.Join(s, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Timeline(%+v) = %v, want %v", tt.q, s, tt.want)
			}
		})
	}
	got, err := c.Store.Timeline(ctx, claimgraph.TimelineQuery{To: "2014"})
	if err != nil || len(got) != 1 {
		t.Fatalf("timeline to 2014 = %v, %v", got, err)
	}
	if e := got[0]; strings.Join(e.Entities, "|") != "Blue Party|Acme Corp" || e.Evidence.Text != "In 2014 the Blue Party met Acme Corp." {
		t.Errorf("sentence entry = %+v", e)
	}
}

func testReuse(t *testing.T, c *Corpus) {
	ctx := context.Background()
	tests := []struct {
		name string
		f    claimgraph.ReuseFilter
		want int
	}{
		{"all", claimgraph.ReuseFilter{}, 2},
		{"by document prefix", claimgraph.ReuseFilter{Doc: c.B.ID[:8]}, 1},
		{"min keeps the copy", claimgraph.ReuseFilter{Min: 0.5}, 1},
		{"min above all", claimgraph.ReuseFilter{Min: 0.95}, 0},
		{"document without reuse", claimgraph.ReuseFilter{Doc: c.C.ID}, 0},
	}
	for _, tt := range tests {
		got, err := c.Store.Reuse(ctx, tt.f)
		if err != nil || got == nil || len(got) != tt.want {
			t.Errorf("Reuse %s = %d pairs, %v; want %d", tt.name, len(got), err, tt.want)
		}
	}
	got, err := c.Store.Reuse(ctx, claimgraph.ReuseFilter{Doc: c.B.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("Reuse of B = %v, %v", got, err)
	}
	p := got[0]
	if p.DocA != c.A.ID || p.DocB != c.B.ID || len(p.Passages) != 1 {
		t.Fatalf("pair = %+v, want A→B with one passage", p)
	}
	ps := p.Passages[0]
	if c.A.Text[ps.AStart:ps.AEnd] != ps.AText || c.B.Text[ps.BStart:ps.BEnd] != ps.BText {
		t.Errorf("passage spans do not match their texts: %+v", ps)
	}
	if _, err := c.Store.Reuse(ctx, claimgraph.ReuseFilter{Doc: "ffffffffffffffff"}); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("Reuse of a missing document: %v, want ENOTFOUND", err)
	}
}

func testEmptyQueries(t *testing.T, s EntityStore) {
	ctx := context.Background()
	if es, err := s.Entities(ctx, claimgraph.EntityFilter{}); err != nil || es == nil || len(es) != 0 {
		t.Errorf("Entities on empty store = %v, %v; want an empty list", es, err)
	}
	if qs, err := s.Quotes(ctx, claimgraph.QuoteFilter{}); err != nil || qs == nil || len(qs) != 0 {
		t.Errorf("Quotes on empty store = %v, %v", qs, err)
	}
	if cs, err := s.Claims(ctx, claimgraph.ClaimFilter{}); err != nil || cs == nil || len(cs) != 0 {
		t.Errorf("Claims on empty store = %v, %v", cs, err)
	}
	if hs, err := s.Search(ctx, "anything", 0, 10); err != nil || hs == nil || len(hs) != 0 {
		t.Errorf("Search on empty store = %v, %v", hs, err)
	}
	if tl, err := s.Timeline(ctx, claimgraph.TimelineQuery{}); err != nil || tl == nil || len(tl) != 0 {
		t.Errorf("Timeline on empty store = %v, %v", tl, err)
	}
	if _, err := s.Entity(ctx, "anyone"); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("Entity on empty store: %v, want ENOTFOUND", err)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// testTimelineAfterReanalysis replaces a document's analysis (as learning
// site boilerplate does) with one without its claims, recomputes the
// entity layer, and checks that the derived timeline follows: the
// document's time expression stands in other evidence, as the timeline
// computed live from what is stored says.
func testTimelineAfterReanalysis(t *testing.T, c *Corpus) {
	ctx := context.Background()
	live, ok := c.Store.(interface{ SetLiveListings(bool) })
	re, ok2 := c.Store.(interface {
		Analysis(ctx context.Context, id string) (*claimgraph.Analysis, error)
		ReplaceAnalysis(ctx context.Context, id string, regions []claimgraph.Region, a *claimgraph.Analysis) error
	})
	if !ok || !ok2 {
		t.Skip("the store derives no listings or replaces no analysis")
	}
	kinds := func() map[string]string {
		es, err := c.Store.Timeline(ctx, claimgraph.TimelineQuery{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, e := range es {
			out[e.Evidence.Doc] += e.Kind + " "
		}
		return out
	}
	before := kinds()
	// The mentions keep their spans (a replaced analysis gets new mention
	// ids): the entity of each is carried over by document and span.
	ms, err := c.Store.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byOrd := map[string]int64{}
	for _, m := range ms {
		byOrd[fmt.Sprint(m.Doc, m.Start, m.End)] = m.Entity
	}
	a, err := re.Analysis(ctx, c.A.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Claims = nil
	if err := re.ReplaceAnalysis(ctx, c.A.ID, c.A.Regions, a); err != nil {
		t.Fatal(err)
	}
	ents, err := c.Store.Entities(ctx, claimgraph.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if ms, err = c.Store.AllMentions(ctx); err != nil {
		t.Fatal(err)
	}
	me := map[int64]int64{}
	for _, m := range ms {
		if e := byOrd[fmt.Sprint(m.Doc, m.Start, m.End)]; e != 0 {
			me[m.ID] = e
		}
	}
	if err := c.Store.ReplaceEntities(ctx, ents, me); err != nil {
		t.Fatal(err)
	}
	after := kinds()
	if !strings.Contains(before[c.A.ID], "claim") || strings.Contains(after[c.A.ID], "claim") || after[c.A.ID] == "" {
		t.Errorf("document A's timeline entries: %q before, %q after its claims went; want claim before and other evidence after", before[c.A.ID], after[c.A.ID])
	}
	for _, q := range []claimgraph.TimelineQuery{{}, {Entity: "ACME"}, {Entity: "Jane Roe"}} {
		derived, err := c.Store.Timeline(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		live.SetLiveListings(true)
		computed, err := c.Store.Timeline(ctx, q)
		live.SetLiveListings(false)
		if err != nil {
			t.Fatal(err)
		}
		if d, l := mustJSON(t, derived), mustJSON(t, computed); d != l {
			t.Errorf("Timeline(%+v) after a replaced analysis:\n derived %s\n live    %s", q, d, l)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testDateRange checks the first and last day of the stored documents'
// dates: a date with a time counts by its day, an undated document is left
// out, and an empty store (or one of undated documents only) has none.
func testDateRange(t *testing.T, s EntityStore) {
	ctx := context.Background()
	check := func(when, wantFrom, wantTo string) {
		t.Helper()
		from, to, err := s.DateRange(ctx)
		if err != nil || from != wantFrom || to != wantTo {
			t.Errorf("DateRange %s = %q, %q, %v; want %q, %q", when, from, to, err, wantFrom, wantTo)
		}
	}
	check("of an empty store", "", "")
	for i, date := range []string{"", "2016-01-02", "2014-05-06T10:00:00Z", "", "2015-07-01"} {
		d := SampleDocument(fmt.Sprintf("Document number %d of the date range test.", i))
		d.Date = date
		if _, err := s.PutDocument(ctx, d, nil); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			check("with an undated document only", "", "")
		}
	}
	check("of dated and undated documents", "2014-05-06", "2016-01-02")
}

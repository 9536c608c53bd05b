package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/sqlite"
)

// BenchmarkAPILatency measures request latency (p50, p95) of the entity
// page, search and the graph over real HTTP on a large store built here:
//
//	CLAIMGRAPH_BENCH_DOCS  documents in the store (default 2000; 100000 for the figure)
//	CLAIMGRAPH_BENCH_DB    keep the store in this file and reuse it when it has that many documents
//
// go test -run '^$' -bench APILatency -benchtime 300x ./httpapi
func BenchmarkAPILatency(b *testing.B) {
	n := 2000
	if v := os.Getenv("CLAIMGRAPH_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 10 {
			b.Fatalf("CLAIMGRAPH_BENCH_DOCS=%q", v)
		}
	}
	path := os.Getenv("CLAIMGRAPH_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	have, err := db.CountDocuments(ctx)
	if err != nil {
		b.Fatal(err)
	}
	c := newCorpus(n)
	if have != n {
		if have != 0 {
			b.Fatalf("%s holds %d documents, not %d: remove it", path, have, n)
		}
		start := time.Now()
		if err := c.fill(ctx, db); err != nil {
			b.Fatal(err)
		}
		b.Logf("built a store of %d documents in %s", n, time.Since(start).Round(time.Second))
	}
	srv := httptest.NewServer(httpapi.New(db, httpapi.DefaultOptions()))
	defer srv.Close()
	client := srv.Client()

	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 300; k++ {
		d, _ := c.doc(rng.IntN(n))
		c.ids = append(c.ids, d.ID)
	}
	// Hot entities are named in a large share of all documents: the worst
	// case for an entity page.
	entity := func() string { return strconv.FormatInt(c.pickEntity(rng), 10) }
	cases := []struct {
		name string
		path func() string
	}{
		{"entity-page", func() string { return "/entities/" + entity() }},
		{"entity-page-hot", func() string { return "/entities/" + strconv.Itoa(1+rng.IntN(3)) }},
		{"entity-api", func() string { return "/api/entities/" + entity() }},
		{"search", func() string {
			return "/api/search?q=" + c.words[rng.IntN(len(c.words))] + "+" + c.words[rng.IntN(len(c.words))]
		}},
		// A name matches the documents that mention it; two common words
		// match nearly every document, the worst case for ranking.
		{"search-name", func() string {
			e := c.entities[rng.IntN(len(c.entities))]
			return "/api/search?q=" + strings.ReplaceAll(e.name, " ", "+")
		}},
		{"search-page", func() string { return "/search?q=" + c.words[rng.IntN(len(c.words))] }},
		{"graph", func() string { return "/api/graph?entity=" + entity() }},
		{"graph-page", func() string { return "/graph?entity=" + entity() }},
		{"document", func() string { return "/documents/" + c.ids[rng.IntN(len(c.ids))] }},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				p := tc.path()
				t0 := time.Now()
				res, err := client.Get(srv.URL + p)
				if err != nil {
					b.Fatal(err)
				}
				_, err = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				lat = append(lat, time.Since(t0))
				if err != nil || res.StatusCode != http.StatusOK {
					b.Fatalf("GET %s = %d %v", p, res.StatusCode, err)
				}
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			q := func(f float64) float64 { return float64(lat[int(f*float64(len(lat)-1))].Microseconds()) / 1000 }
			b.ReportMetric(q(0.50), "p50-ms")
			b.ReportMetric(q(0.95), "p95-ms")
			b.ReportMetric(float64(n), "docs")
		})
	}
}

// corpus generates articles about a cast of actors: a few named in a large
// share of documents, most rarely (Zipf), with quotes, claims and dates, all
// with exact spans.
type corpus struct {
	n        int
	entities []benchEntity
	words    []string
	ids      []string
}

type benchEntity struct {
	id   int64
	name string
	typ  string
}

func newCorpus(n int) *corpus {
	c := &corpus{n: n}
	first := []string{"Ali", "Maryam", "Nouri", "Hassan", "Leila", "Omar", "Sara", "Karim", "Dana", "Yusuf", "Nadia", "Tariq", "Hana", "Rami", "Zeynep", "Farid"}
	last := []string{"Rajavi", "Maliki", "Hosseini", "Abadi", "Karimi", "Sadr", "Barzani", "Hakim", "Jafari", "Nasser", "Tehrani", "Mosuli", "Basri", "Kurdi", "Samarrai", "Najafi"}
	orgs := []string{"Council", "Front", "Movement", "Party", "Ministry", "Brigade", "Committee", "Agency", "Union", "League"}
	places := []string{"Baghdad", "Tehran", "Mosul", "Basra", "Erbil", "Paris", "Tirana", "Kirkuk", "Najaf", "Ashraf"}
	c.entities = append(c.entities, benchEntity{1, "People's Mojahedin Organization", "ORG"}, benchEntity{2, "Nouri al-Maliki", "PER"}, benchEntity{3, "Iraq", "LOC"})
	id := int64(4)
	for _, f := range first {
		for _, l := range last {
			c.entities = append(c.entities, benchEntity{id, f + " " + l, "PER"})
			id++
		}
	}
	for _, p := range places {
		c.entities = append(c.entities, benchEntity{id, p, "LOC"})
		id++
		for _, o := range orgs {
			c.entities = append(c.entities, benchEntity{id, p + " " + o, "ORG"})
			id++
		}
	}
	c.words = []string{"talks", "ceasefire", "election", "militia", "camp", "refugees", "oil", "border", "sanctions", "protest",
		"court", "ministry", "attack", "agreement", "parliament", "budget", "spies", "weapons", "defector", "statement"}
	return c
}

func (c *corpus) pickEntity(rng *rand.Rand) int64 {
	return c.entities[rng.IntN(len(c.entities))].id
}

// doc builds the i-th document and its analysis.
func (c *corpus) doc(i int) (*claimgraph.Document, *claimgraph.Analysis) {
	rng := rand.New(rand.NewPCG(uint64(i), 99))
	var b strings.Builder
	a := &claimgraph.Analysis{Analyzer: "bench"}
	mention := func(e benchEntity) {
		a.Mentions = append(a.Mentions, claimgraph.Mention{Start: b.Len(), End: b.Len() + len(e.name), Text: e.name, Type: e.typ, Kind: "name", Name: e.name, Confidence: 0.9})
		b.WriteString(e.name)
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(c.entities)-1))
	pick := func() benchEntity { return c.entities[int(zipf.Uint64())] }
	w := func() string { return c.words[rng.IntN(len(c.words))] }
	year := 1980 + rng.IntN(40)
	for s := 0; s < 8; s++ {
		switch s % 4 {
		case 0:
			mention(pick())
			fmt.Fprintf(&b, " discussed the %s and the %s with ", w(), w())
			mention(pick())
			b.WriteString(". ")
		case 1:
			q0 := b.Len()
			fmt.Fprintf(&b, "\"The %s will not stop the %s,\"", w(), w())
			q1 := b.Len()
			b.WriteString(" ")
			sp := pick()
			spOrd := len(a.Mentions)
			s0 := b.Len()
			mention(sp)
			b.WriteString(" said. ")
			a.Quotes = append(a.Quotes, claimgraph.Quote{Kind: "direct", Content: claimgraph.TextSpan{Text: b.String()[q0+1 : q1-2], Start: q0 + 1, End: q1 - 2},
				Speaker: &claimgraph.Speaker{Name: sp.name, Text: sp.name, Start: s0, End: s0 + len(sp.name), Mention: spOrd, Type: sp.typ, Confidence: 0.9},
				Cue:     claimgraph.TextSpan{Text: "said", Start: s0 + len(sp.name) + 1, End: s0 + len(sp.name) + 5}, CueLemma: "say"})
		case 2:
			e0 := b.Len()
			subj := pick()
			mention(subj)
			r0 := b.Len() + 1
			b.WriteString(" accused ")
			o0 := b.Len()
			obj := pick()
			mention(obj)
			fmt.Fprintf(&b, " of %s. ", w())
			text := b.String()
			a.Claims = append(a.Claims, claimgraph.Claim{Subject: claimgraph.TextSpan{Text: subj.name, Start: e0, End: e0 + len(subj.name)},
				Relation: claimgraph.TextSpan{Text: "accused", Start: r0, End: r0 + 7}, RelationLemma: "accuse",
				Object:   claimgraph.TextSpan{Text: obj.name, Start: o0, End: o0 + len(obj.name)},
				Evidence: claimgraph.TextSpan{Text: text[e0 : len(text)-1], Start: e0, End: len(text) - 1}, Quote: -1, Time: -1, Hedges: []string{}, Confidence: 0.7})
		case 3:
			b.WriteString("In ")
			t0 := b.Len()
			ys := strconv.Itoa(year)
			b.WriteString(ys)
			a.Times = append(a.Times, claimgraph.TimeExpr{Start: t0, End: t0 + 4, Text: ys, Type: "DATE", Value: ys, Rule: "bench"})
			fmt.Fprintf(&b, " the %s in ", w())
			mention(pick())
			fmt.Fprintf(&b, " drew the %s of %s. ", w(), w())
		}
	}
	text := b.String() + fmt.Sprintf("(Article %d.)", i)
	d := &claimgraph.Document{ID: claimgraph.DocumentID(text), Source: fmt.Sprintf("bench:%d", i), Format: "txt",
		Outlet: fmt.Sprintf("Outlet %d", i%50), Title: fmt.Sprintf("The %s and the %s, report %d", w(), w(), i),
		Date: fmt.Sprintf("%d-%02d-%02d", 2000+i%20, 1+i%12, 1+i%28), DateSource: "bench", Encoding: "utf-8", Text: text,
		Regions: []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text)}}, IngestedAt: time.Unix(int64(i), 0).UTC()}
	for k := range a.Mentions {
		a.Mentions[k].Doc = d.ID
	}
	for k := range a.Quotes {
		a.Quotes[k].Doc = d.ID
	}
	for k := range a.Claims {
		a.Claims[k].Doc = d.ID
	}
	for k := range a.Times {
		a.Times[k].Doc = d.ID
	}
	return d, a
}

// fill stores every document and then the entity layer.
func (c *corpus) fill(ctx context.Context, db *sqlite.DB) error {
	byName := map[string]int64{}
	for _, e := range c.entities {
		byName[e.name] = e.id
	}
	for i := 0; i < c.n; i++ {
		d, a := c.doc(i)
		if _, err := db.PutDocument(ctx, d, a); err != nil {
			return fmt.Errorf("document %d: %w", i, err)
		}
	}
	me := map[int64]int64{}
	if err := db.EachMention(ctx, func(m claimgraph.Mention) error {
		me[m.ID] = byName[m.Name]
		return nil
	}); err != nil {
		return err
	}
	ents := make([]claimgraph.Entity, len(c.entities))
	for i, e := range c.entities {
		ents[i] = claimgraph.Entity{ID: e.id, Name: e.name, Type: e.typ, Aliases: []claimgraph.Alias{{Name: e.name, Source: claimgraph.AliasMention}}}
	}
	ents[0].Aliases = append(ents[0].Aliases, claimgraph.Alias{Name: "MKO", Source: claimgraph.AliasRule, Rule: "acronym"})
	return db.ReplaceEntities(ctx, ents, me)
}

package sqlite_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/sqlite"
)

// The read-side benchmarks run on one store of synthetic news-like articles
// built once per test process: -querybench.docs sets its size (the issue's
// target is 100000; the default keeps a casual -bench run short).
var (
	benchDocs = flag.Int("querybench.docs", 5000, "documents in the query benchmark store")
	benchPath = flag.String("querybench.db", "", "keep the benchmark store in this file, and reuse it when it exists")
)

var (
	benchOnce  sync.Once
	benchStore *sqlite.DB
	benchErr   error
	benchDir   string
)

// benchDB returns the shared benchmark store, building it on first use.
func benchDB(b *testing.B) *sqlite.DB {
	b.Helper()
	benchOnce.Do(func() {
		path := *benchPath
		if path != "" {
			if _, err := os.Stat(path); err == nil {
				benchStore, benchErr = sqlite.Open(context.Background(), path)
				return
			}
		} else {
			if benchDir, benchErr = os.MkdirTemp("", "claimgraph-querybench-"); benchErr != nil {
				return
			}
			path = filepath.Join(benchDir, "bench.db")
		}
		start := time.Now()
		benchStore, benchErr = buildBenchStore(context.Background(), path, *benchDocs)
		if benchErr == nil {
			fmt.Fprintf(os.Stderr, "querybench: built a store of %d documents in %s\n", *benchDocs, time.Since(start).Round(time.Second))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// synthetic vocabulary: names combine into a few thousand actors whose
// frequencies follow a Zipf law, as news names do.
var (
	benchFirst  = strings.Fields("Ali Maria Tomas Leila Omar Sara Jonas Nadia Karim Elena Pavel Hana Yusuf Ines Marek Dina Farid Lucia Anton Rana Samir Vera Emil Noor Igor Aida Hugo Zara Felix Mina")
	benchLast   = strings.Fields("Haddad Lindqvist Berg Rahimi Novak Petrov Karimi Santos Weber Okafor Tanaka Moreau Costa Nasser Ivanova Jensen Duarte Hakimi Rossi Kowalski Farouk Muller Silva Varga Sato Dubois Nilsson Aziz Popescu Horvat")
	benchOrgs   = strings.Fields("Council Front Movement Bank Ministry League Union Party Agency Institute")
	benchPlaces = strings.Fields("Harbor Ridge Valley Mesa Delta Port Lake Cape Bay Falls")
	benchWords  = strings.Fields("report talks budget election protest ceiling transfer border convoy tariff ruling strike vaccine pipeline embassy ceasefire audit merger drought rally")
	benchVerbs  = []string{"has ties with", "funds", "accused", "met", "supports"}
)

type benchActor struct{ name, typ string }

func benchActors() []benchActor {
	var out []benchActor
	for _, l := range benchLast {
		for _, f := range benchFirst {
			out = append(out, benchActor{f + " " + l, "PER"})
		}
		for _, o := range benchOrgs {
			out = append(out, benchActor{l + " " + o, "ORG"})
		}
	}
	for _, p := range benchPlaces {
		for _, l := range benchLast[:10] {
			out = append(out, benchActor{l + " " + p, "LOC"})
		}
	}
	return out
}

// buildBenchStore writes n articles through PutDocument, each with
// mentions, a quote, a claim, dates and (for one in twenty) a reuse pair
// with the article before it, then writes the entity layer.
func buildBenchStore(ctx context.Context, path string, n int) (*sqlite.DB, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	actors := benchActors()
	rng := rand.New(rand.NewSource(1))
	zipf := rand.NewZipf(rng, 1.1, 8, uint64(len(actors)-1))
	pick := func(typ string) int {
		for {
			if i := int(zipf.Uint64()); actors[i].typ == typ {
				return i
			}
		}
	}
	type link struct {
		doc    string
		start  int
		entity int64
	}
	var links []link
	prev := ""
	for i := 0; i < n; i++ {
		var b strings.Builder
		a := &claimgraph.Analysis{Analyzer: "bench"}
		doc := ""
		mention := func(ai int) int {
			ac := actors[ai]
			a.Mentions = append(a.Mentions, claimgraph.Mention{Start: b.Len(), End: b.Len() + len(ac.name), Text: ac.name, Type: ac.typ, Kind: "name", Name: ac.name, Chain: len(a.Mentions), Confidence: 0.9})
			links = append(links, link{"", b.Len(), int64(ai + 1)})
			b.WriteString(ac.name)
			return len(a.Mentions) - 1
		}
		p, o1, o2, l := pick("PER"), pick("ORG"), pick("ORG"), pick("LOC")
		day := fmt.Sprintf("20%02d-%02d-%02d", 10+rng.Intn(10), 1+rng.Intn(12), 1+rng.Intn(28))
		// Sentence 1: "P said on DATE that O1 VERB O2."
		s0 := b.Len()
		pm := mention(p)
		b.WriteString(" said on ")
		ts := b.Len()
		b.WriteString(day)
		te := b.Len()
		b.WriteString(" that ")
		cs := b.Len()
		sm := b.Len()
		mention(o1)
		se := b.Len()
		b.WriteString(" ")
		rs := b.Len()
		verb := benchVerbs[rng.Intn(len(benchVerbs))]
		b.WriteString(verb)
		re := b.Len()
		b.WriteString(" ")
		os := b.Len()
		mention(o2)
		oe := b.Len()
		ce := b.Len()
		b.WriteString(". ")
		// Sentences 2..: filler with more mentions and a year.
		for k := 0; k < 6; k++ {
			b.WriteString("The ")
			for w := 0; w < 8; w++ {
				b.WriteString(benchWords[rng.Intn(len(benchWords))])
				b.WriteString(" ")
			}
			if k%2 == 0 {
				b.WriteString("was discussed by ")
				mention(pick("PER"))
				b.WriteString(" in ")
				mention(l)
			} else {
				b.WriteString("drew comment from ")
				mention(pick("ORG"))
			}
			b.WriteString(". ")
		}
		text := strings.TrimSpace(b.String()) + fmt.Sprintf(" Article %d.", i)
		doc = claimgraph.DocumentID(text)
		for j := range a.Mentions {
			a.Mentions[j].Doc = doc
		}
		for j := len(links) - len(a.Mentions); j < len(links); j++ {
			links[j].doc = doc
		}
		sp := &claimgraph.Speaker{Name: actors[p].name, Text: actors[p].name, Start: s0, End: s0 + len(actors[p].name), Mention: pm, Type: "PER", Confidence: 0.9}
		cue := claimgraph.TextSpan{Text: "said", Start: s0 + len(actors[p].name) + 1, End: s0 + len(actors[p].name) + 5}
		a.Quotes = []claimgraph.Quote{{Doc: doc, Kind: claimgraph.QuoteIndirect, Content: claimgraph.TextSpan{Text: text[cs:ce], Start: cs, End: ce}, Speaker: sp, Cue: cue, CueLemma: "say"}}
		a.Claims = []claimgraph.Claim{{Doc: doc, Subject: claimgraph.TextSpan{Text: text[sm:se], Start: sm, End: se},
			Relation: claimgraph.TextSpan{Text: verb, Start: rs, End: re}, RelationLemma: verb, Object: claimgraph.TextSpan{Text: text[os:oe], Start: os, End: oe},
			Evidence: claimgraph.TextSpan{Text: text[s0 : ce+1], Start: s0, End: ce + 1}, Quote: 0, Speaker: sp, Cue: &cue, Hedges: []string{}, Time: 0}}
		a.Times = []claimgraph.TimeExpr{{Doc: doc, Start: ts, End: te, Text: day, Type: "DATE", Value: day}}
		if i%20 == 19 && prev != "" {
			a.Reuse = []claimgraph.ReusePair{{DocA: prev, DocB: doc, Similarity: 0.7, Containment: 0.85,
				Passages: []claimgraph.Passage{{AStart: 0, AEnd: 10, BStart: 0, BEnd: 10, AText: "x", BText: "x", Score: 0.9}}}}
		}
		d := &claimgraph.Document{ID: doc, Source: "bench", Format: "txt", Outlet: fmt.Sprintf("Outlet %d", rng.Intn(50)),
			Title: fmt.Sprintf("Bench article %d", i), Date: day, Text: text,
			Regions: []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text)}}}
		if _, err := db.PutDocument(ctx, d, a); err != nil {
			db.Close()
			return nil, err
		}
		prev = doc
	}
	ms, err := db.AllMentions(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	ids := map[[2]any]int64{}
	for _, m := range ms {
		ids[[2]any{m.Doc, m.Start}] = m.ID
	}
	me := make(map[int64]int64, len(links))
	used := map[int64]bool{}
	for _, l := range links {
		me[ids[[2]any{l.doc, l.start}]] = l.entity
		used[l.entity] = true
	}
	var ents []claimgraph.Entity
	for i, ac := range actors {
		if used[int64(i+1)] {
			ents = append(ents, claimgraph.Entity{ID: int64(i + 1), Name: ac.name, Type: ac.typ, Aliases: []claimgraph.Alias{{Name: ac.name, Source: claimgraph.AliasMention}}})
		}
	}
	if err := db.ReplaceEntities(ctx, ents, me); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// benchEntities returns the most mentioned entity (the worst case for an
// entity page) and one from the middle of the list.
func benchEntities(b *testing.B, db *sqlite.DB) (top, mid claimgraph.Entity) {
	b.Helper()
	es, err := db.Entities(context.Background(), claimgraph.EntityFilter{})
	if err != nil || len(es) < 3 {
		b.Fatalf("entities: %d, %v", len(es), err)
	}
	return es[0], es[len(es)/2]
}

func BenchmarkEntity(b *testing.B) {
	db := benchDB(b)
	top, mid := benchEntities(b, db)
	for _, e := range []struct {
		name string
		ent  claimgraph.Entity
	}{{"top", top}, {"mid", mid}} {
		b.Run(e.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Entity(context.Background(), e.ent.Name); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(e.ent.Docs), "entity-docs")
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	db := benchDB(b)
	for _, q := range []string{"ceasefire", "pipeline embassy", "Haddad Council funds"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(context.Background(), q, 0, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGraph(b *testing.B) {
	db := benchDB(b)
	top, mid := benchEntities(b, db)
	for _, tt := range []struct {
		name  string
		id    int64
		depth int
	}{{"top/depth1", top.ID, 1}, {"top/depth2", top.ID, 2}, {"mid/depth2", mid.ID, 2}} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Graph(context.Background(), claimgraph.GraphQuery{Entity: tt.id, Depth: tt.depth, MaxNodes: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// nameInfix is a piece from inside a name: its middle, at most six bytes.
func nameInfix(name string) string {
	if len(name) <= 6 {
		return name
	}
	i := (len(name) - 6) / 2
	return strings.ToValidUTF8(name[i:i+6], "")
}

func BenchmarkReadLists(b *testing.B) {
	db := benchDB(b)
	_, mid := benchEntities(b, db)
	ctx := context.Background()
	ref := fmt.Sprint(mid.ID)
	cases := []struct {
		name string
		f    func() error
	}{
		{"quotes-speaker", func() error { _, err := db.Quotes(ctx, claimgraph.QuoteFilter{Speaker: ref, Limit: 50}); return err }},
		{"claims-about", func() error { _, err := db.Claims(ctx, claimgraph.ClaimFilter{About: ref, Limit: 50}); return err }},
		{"timeline-entity", func() error { _, err := db.Timeline(ctx, claimgraph.TimelineQuery{Entity: ref, Limit: 50}); return err }},
		{"timeline-all", func() error { _, err := db.Timeline(ctx, claimgraph.TimelineQuery{Limit: 50}); return err }},
		{"entities-page", func() error { _, err := db.Entities(ctx, claimgraph.EntityFilter{Limit: 50}); return err }},
		// the search page's name lookup: a part of a name, anywhere in it
		{"entities-query", func() error {
			_, err := db.Entities(ctx, claimgraph.EntityFilter{Query: nameInfix(mid.Name), Limit: 20})
			return err
		}},
		{"reuse-page", func() error { _, err := db.Reuse(ctx, claimgraph.ReuseFilter{Limit: 50}); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

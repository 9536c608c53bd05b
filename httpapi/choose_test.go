package httpapi_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/sqlite"
)

// Two different people sharing a surname, each in an article of their own,
// written for this test.
const (
	textAna = `Ana Okafor said: "The bridge will open in May." Ana Okafor spoke in Lagos.`
	textBen = `"We oppose the toll," said Ben Okafor, head of the drivers' union in Lagos.`
)

const (
	entAna, entBen, entLagos = 201, 202, 203
)

// newNamesakes stores the two articles with one entity per person and an
// alias only Ben goes by, and serves the store.
func newNamesakes(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	dA := document(textAna, "Bridge to open", "Example Times", "2024-03-01", nil)
	dB := document(textBen, "Drivers oppose toll", "Other Daily", "2024-03-02", nil)
	as, ae := span(t, textAna, "Ana Okafor", 0)
	bs, be := span(t, textBen, "Ben Okafor", 0)
	aA := &claimgraph.Analysis{
		Mentions: []claimgraph.Mention{
			mention(t, dA.ID, textAna, "Ana Okafor", 0, "PER", "Ana Okafor"),
			mention(t, dA.ID, textAna, "Ana Okafor", 1, "PER", "Ana Okafor"),
			mention(t, dA.ID, textAna, "Lagos", 0, "LOC", "Lagos"),
		},
		Quotes: []claimgraph.Quote{{Doc: dA.ID, Kind: claimgraph.QuoteDirect, Content: textSpan(t, textAna, "The bridge will open in May."),
			Speaker: &claimgraph.Speaker{Name: "Ana Okafor", Text: "Ana Okafor", Start: as, End: ae, Mention: 0, Type: "PER", Confidence: 0.9},
			Cue:     textSpan(t, textAna, "said"), CueLemma: "say"}},
		Analyzer: "test",
	}
	aB := &claimgraph.Analysis{
		Mentions: []claimgraph.Mention{
			mention(t, dB.ID, textBen, "Ben Okafor", 0, "PER", "Ben Okafor"),
			mention(t, dB.ID, textBen, "Lagos", 0, "LOC", "Lagos"),
		},
		Quotes: []claimgraph.Quote{{Doc: dB.ID, Kind: claimgraph.QuoteDirect, Content: textSpan(t, textBen, "We oppose the toll,"),
			Speaker: &claimgraph.Speaker{Name: "Ben Okafor", Text: "Ben Okafor", Start: bs, End: be, Mention: 0, Type: "PER", Confidence: 0.9},
			Cue:     textSpan(t, textBen, "said"), CueLemma: "say"}},
		Analyzer: "test",
	}
	byName := map[string]int64{"Ana Okafor": entAna, "Ben Okafor": entBen, "Lagos": entLagos}
	me := map[int64]int64{}
	for _, p := range []struct {
		d *claimgraph.Document
		a *claimgraph.Analysis
	}{{dA, aA}, {dB, aB}} {
		if _, err := db.PutDocument(ctx, p.d, p.a); err != nil {
			t.Fatalf("put %s: %v", p.d.Title, err)
		}
		a, err := db.Analysis(ctx, p.d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			me[m.ID] = byName[m.Name]
		}
	}
	entities := []claimgraph.Entity{
		{ID: entAna, Name: "Ana Okafor", Type: "PER", Aliases: []claimgraph.Alias{{Name: "Ana Okafor", Source: claimgraph.AliasMention}}},
		{ID: entBen, Name: "Ben Okafor", Type: "PER", Aliases: []claimgraph.Alias{{Name: "Ben Okafor", Source: claimgraph.AliasMention},
			{Name: "Benedict Okafor", Source: claimgraph.AliasRule, Rule: "test"}}},
		{ID: entLagos, Name: "Lagos", Type: "LOC", Aliases: []claimgraph.Alias{{Name: "Lagos", Source: claimgraph.AliasMention}}},
	}
	if err := db.ReplaceEntities(ctx, entities, me); err != nil {
		t.Fatalf("replace entities: %v", err)
	}
	f := &fixture{store: db, srv: httptest.NewServer(httpapi.New(db, httpapi.Options{}))}
	t.Cleanup(f.srv.Close)
	return f
}

// TestChooseAmongNamesakes checks that every page taking an actor by name,
// given a name that fits two entities, lists both (name, type, id, mention
// count), most mentioned first, each linked to the same page with its id in
// the name's place; and that a name only one entity goes by leads straight
// to it.
func TestChooseAmongNamesakes(t *testing.T) {
	f := newNamesakes(t)
	ana, ben := strconv.Itoa(entAna), strconv.Itoa(entBen)
	row := regexp.MustCompile(`<tr><td><a class="ent ent-PER" href="([^"]+)">([^<]+)</a></td><td>PER</td><td class="num">(\d+)</td><td class="num">(\d+)</td></tr>`)
	for _, tc := range []struct {
		path          string
		wantAna       string // the link to Ana's choice
		wantBen       string
		afterAna, not string // on the page Ana's link leads to: shown, not shown
	}{
		{"/entities/Okafor", "/entities/" + ana, "/entities/" + ben, `data-entity="` + ana + `"`, `data-entity="` + ben + `"`},
		{"/entities/%20okafor%20", "/entities/" + ana, "/entities/" + ben, `data-entity="` + ana + `"`, `data-entity="` + ben + `"`},
		{"/quotes?speaker=Okafor&offset=20", "/quotes?speaker=" + ana, "/quotes?speaker=" + ben, "The bridge will open in May.", "We oppose the toll,"},
		{"/quotes?outlet=Example+Times&speaker=Okafor", "/quotes?outlet=Example+Times&speaker=" + ana, "/quotes?outlet=Example+Times&speaker=" + ben, "The bridge will open in May.", "We oppose the toll,"},
		{"/quotes?about=Lagos&speaker=Okafor", "/quotes?about=Lagos&speaker=" + ana, "/quotes?about=Lagos&speaker=" + ben, "", ""},
		{"/quotes?about=Okafor", "/quotes?about=" + ana, "/quotes?about=" + ben, "", ""},
		{"/claims?about=Okafor", "/claims?about=" + ana, "/claims?about=" + ben, "", ""},
		{"/timeline?entity=Okafor", "/timeline?entity=" + ana, "/timeline?entity=" + ben, "Ana Okafor", ""},
		{"/graph?entity=Okafor", "/graph?entity=" + ana, "/graph?entity=" + ben, "Graph: Ana Okafor", "Graph: Ben Okafor"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			body := f.page(t, tc.path, http.StatusConflict)
			contains(t, "choice page", strings.ToLower(body), "which “okafor”?")
			rows := row.FindAllStringSubmatch(body, -1)
			if len(rows) != 2 {
				t.Fatalf("%d candidates listed, want Ana and Ben Okafor:\n%s", len(rows), body)
			}
			want := [][]string{{tc.wantAna, "Ana Okafor", ana, "2"}, {tc.wantBen, "Ben Okafor", ben, "1"}}
			for i, r := range rows {
				if got := []string{html.UnescapeString(r[1]), r[2], r[3], r[4]}; strings.Join(got, "|") != strings.Join(want[i], "|") {
					t.Errorf("candidate %d = %q, want %q (link, name, id, mentions)", i, got, want[i])
				}
			}
			after := f.page(t, tc.wantAna, http.StatusOK)
			if tc.afterAna != "" && !strings.Contains(after, tc.afterAna) {
				t.Errorf("%s lacks %q", tc.wantAna, tc.afterAna)
			}
			if tc.not != "" && strings.Contains(after, tc.not) {
				t.Errorf("%s shows %q, which is Ben's", tc.wantAna, tc.not)
			}
		})
	}
	// A name only Ben goes by leads straight to him, no choice.
	contains(t, "Benedict Okafor's page", f.page(t, "/entities/Benedict%20Okafor", http.StatusOK), `data-entity="`+ben+`"`)
	quotes := f.page(t, "/quotes?speaker=Benedict+Okafor", http.StatusOK)
	contains(t, "quotes by Benedict Okafor", quotes, "We oppose the toll,")
	if strings.Contains(quotes, "The bridge will open in May.") {
		t.Error("quotes by Benedict Okafor list Ana Okafor's quote")
	}
	// The API keeps its JSON conflict, with the candidates.
	var e struct {
		Error struct {
			Code       string                       `json:"code"`
			Message    string                       `json:"message"`
			Candidates []claimgraph.EntityCandidate `json:"candidates"`
		} `json:"error"`
	}
	f.getJSON(t, "/api/quotes?speaker=Okafor", http.StatusConflict, &e)
	if e.Error.Code != claimgraph.ECONFLICT || !strings.Contains(e.Error.Message, ana+" Ana Okafor") {
		t.Errorf("API conflict = %+v", e.Error)
	}
	wantCands := []claimgraph.EntityCandidate{{ID: entAna, Name: "Ana Okafor", Type: "PER", Mentions: 2}, {ID: entBen, Name: "Ben Okafor", Type: "PER", Mentions: 1}}
	if fmt.Sprint(e.Error.Candidates) != fmt.Sprint(wantCands) {
		t.Errorf("API conflict candidates = %v, want %v", e.Error.Candidates, wantCands)
	}
	var nf struct {
		Error map[string]any `json:"error"`
	}
	f.getJSON(t, "/api/quotes?speaker=Nobody+Atall", http.StatusNotFound, &nf)
	if _, ok := nf.Error["candidates"]; ok {
		t.Errorf("a not-found error holds candidates: %v", nf.Error)
	}
}

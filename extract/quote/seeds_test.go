package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/nlp"
)

type seedGold struct {
	Documents map[string]string `json:"documents"`
	Quotes    []struct {
		Doc, Kind, Speaker, Verb, Via string
		TextPrefix                    string   `json:"text_prefix"`
		KindAlso                      []string `json:"kind_also"`
	} `json:"quotes"`
	NotQuotes []struct{ Doc, Text string } `json:"not_quotes"`
	Entities  []struct {
		ID           string   `json:"id"`
		Names        []string `json:"names"`
		Descriptions []string `json:"descriptions"`
	} `json:"entities"`
	Boilerplate []struct {
		Doc        string `json:"doc"`
		StartsWith string `json:"starts_with"`
	} `json:"boilerplate"`
}

func TestSeedsDump(t *testing.T) {
	gp := shareddata.Path(t, "gold/seeds.json")
	dir := shareddata.Path(t, "seeds")
	var g seedGold
	data, _ := os.ReadFile(gp)
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	for id, f := range g.Documents {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		text := string(b)
		a := nlp.Default().Analyze(text)
		qs := Extract(id, text, a, nil, nil)
		t.Logf("=== %s", id)
		for _, q := range qs {
			sp := "<nil>"
			if q.Speaker != nil {
				sp = q.Speaker.Text + "->" + q.Speaker.Name
			}
			c := q.Content.Text
			if len(c) > 60 {
				c = c[:60]
			}
			t.Logf("%s | %s | %s | %s | via=%s", q.Kind, strings.ReplaceAll(c, "\n", " "), sp, q.Cue.Text, q.Via)
		}
	}
	_ = claimgraph.QuoteDirect
}

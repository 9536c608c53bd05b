package timex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// TestSeeds checks every timex item of the shared seed gold: each must be
// recognized with its exact span (at every place its text occurs) and, where
// the gold has a value, that value. It then checks the one anchored case the
// issue names: with a creation time of 2015-02-15, "last June" in seed 000
// is June 2014.
func TestSeeds(t *testing.T) {
	goldPath := shareddata.Path(t, "gold/seeds.json")
	b, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Documents map[string]string `json:"documents"`
		Timex     []struct {
			Doc       string   `json:"doc"`
			Text      string   `json:"text"`
			Value     *string  `json:"value"`
			ValueAlso []string `json:"value_also"`
			Kind      string   `json:"kind"`
		} `json:"timex"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("parse %s: %v", goldPath, err)
	}
	if len(gold.Timex) == 0 {
		t.Fatal("no timex items in the seed gold")
	}
	texts := map[string]string{}
	for id, name := range gold.Documents {
		p := shareddata.Path(t, filepath.Join("seeds", name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[id] = string(b)
	}
	found := 0
	for _, g := range gold.Timex {
		text, ok := texts[g.Doc]
		if !ok {
			t.Errorf("gold names unknown document %q", g.Doc)
			continue
		}
		exprs := Recognize(text, nil, "")
		offs := occurrences(text, g.Text)
		if len(offs) == 0 {
			t.Errorf("%s: gold text %q does not occur in the document", g.Doc, g.Text)
			continue
		}
		for _, off := range offs {
			x, ok := exactly(exprs, off, off+len(g.Text))
			if !ok {
				t.Errorf("%s: %q at %d not recognized with its span (got %v)", g.Doc, g.Text, off, near(exprs, off))
				continue
			}
			found++
			if g.Kind == "duration" && x.Type != claimgraph.TimexDuration {
				t.Errorf("%s: %q type %s, want DURATION", g.Doc, g.Text, x.Type)
			}
			if g.Value == nil {
				if x.Value != "" && x.Relative {
					t.Errorf("%s: %q has value %q without a creation time", g.Doc, g.Text, x.Value)
				}
				continue
			}
			if x.Value != *g.Value && !contains(g.ValueAlso, x.Value) {
				t.Errorf("%s: %q value %q, want %q (or one of %v)", g.Doc, g.Text, x.Value, *g.Value, g.ValueAlso)
			}
		}
	}
	t.Logf("%d gold occurrences recognized", found)

	text := texts["000"]
	off := strings.Index(text, "last June")
	if off < 0 {
		t.Fatal(`seed 000 has no "last June"`)
	}
	x, ok := exactly(Recognize(text, nil, "2015-02-15"), off, off+len("last June"))
	if !ok || x.Value != "2014-06" {
		t.Errorf(`with DCT 2015-02-15, "last June" in 000 = %+v, want value 2014-06`, x)
	}
	// Reanchoring the undated expression gives the same value.
	x, _ = exactly(Recognize(text, nil, ""), off, off+len("last June"))
	if y := Reanchor(text, x, "2015-02-15"); y.Value != "2014-06" || y.Anchor != "2015-02-15" {
		t.Errorf("Reanchor(last June, 2015-02-15) = %+v, want value 2014-06", y)
	}
}

func occurrences(text, s string) []int {
	var offs []int
	for i := 0; ; {
		k := strings.Index(text[i:], s)
		if k < 0 {
			return offs
		}
		offs = append(offs, i+k)
		i += k + len(s)
	}
}

func exactly(xs []claimgraph.TimeExpr, s, e int) (claimgraph.TimeExpr, bool) {
	for _, x := range xs {
		if x.Start == s && x.End == e {
			return x, true
		}
	}
	return claimgraph.TimeExpr{}, false
}

func near(xs []claimgraph.TimeExpr, off int) []string {
	var out []string
	for _, x := range xs {
		if x.End > off-40 && x.Start < off+40 {
			out = append(out, x.Text)
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

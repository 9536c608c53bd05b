// Package seedgold loads the analyst's gold for the seed articles
// (../shared/gold/seeds.json) and the articles themselves, for the tests of
// every stage; tests skip cleanly when ../shared is absent.
package seedgold

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// Gold is what an analyst recorded from the seed articles (the parts the
// tests score).
type Gold struct {
	Documents map[string]string `json:"documents"` // key ("000") -> file name
	Entities  []struct {
		ID        string   `json:"id"`
		Type      string   `json:"type"`
		Canonical string   `json:"canonical"`
		Names     []string `json:"names"`
		Docs      []string `json:"docs"`
		Asserted  []struct {
			Doc      string `json:"doc"`
			Evidence string `json:"evidence"`
		} `json:"asserted_aliases"`
	} `json:"entities"`
	NotOne []struct {
		Names []string `json:"names"`
	} `json:"not_one_entity"`
	Quotes []struct {
		Doc        string   `json:"doc"`
		Kind       string   `json:"kind"`
		KindAlso   []string `json:"kind_also"`
		Speaker    string   `json:"speaker"`
		Verb       string   `json:"verb"`
		Via        string   `json:"via"`
		TextPrefix string   `json:"text_prefix"`
	} `json:"quotes"`
	NotQuotes []struct {
		Doc  string `json:"doc"`
		Text string `json:"text"`
	} `json:"not_quotes"`
	Timex []struct {
		Doc   string  `json:"doc"`
		Text  string  `json:"text"`
		Value *string `json:"value"`
	} `json:"timex"`
	Claims []struct {
		Doc          string `json:"doc"`
		Subject      string `json:"subject"`
		Object       string `json:"object"`
		Relation     string `json:"relation"`
		AttributedTo string `json:"attributed_to"`
	} `json:"claims"`
	Boilerplate []struct {
		Doc        string `json:"doc"`
		StartsWith string `json:"starts_with"`
	} `json:"boilerplate"`
}

// Doc is one seed article.
type Doc struct {
	Key  string // "000"
	File string // its file name
	Path string // its path
	Text string
	// Cut is where the boilerplate the gold names starts (len(Text) when
	// none): tests of stages after the cleaner analyse Text[:Cut].
	Cut int
}

// Load reads the gold and the seed articles, ordered by key; it skips the
// test when ../shared is absent.
func Load(tb testing.TB) (*Gold, []Doc) {
	tb.Helper()
	gp := shareddata.Path(tb, "gold/seeds.json")
	dir := shareddata.Path(tb, "seeds")
	raw, err := os.ReadFile(gp)
	if err != nil {
		tb.Fatal(err)
	}
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		tb.Fatalf("parse %s: %v", gp, err)
	}
	var docs []Doc
	for key, file := range g.Documents {
		p := filepath.Join(dir, file)
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		d := Doc{Key: key, File: file, Path: p, Text: string(b), Cut: len(b)}
		for _, bp := range g.Boilerplate {
			if bp.Doc != key {
				continue
			}
			if i := strings.Index(d.Text, "\n"+bp.StartsWith); i >= 0 {
				d.Cut = i + 1
			}
		}
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Key < docs[j].Key })
	return &g, docs
}

// Norm folds a name or text for matching: lower case, white space folded.
func Norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// EntityOfName maps every listed name (normalized) to its gold entity id.
func (g *Gold) EntityOfName() map[string]string {
	out := map[string]string{}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			out[Norm(n)] = e.ID
		}
	}
	return out
}

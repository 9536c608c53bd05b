package ingest

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/golden"
)

// goldenItem is what the golden file records of one item: every document
// field the readers fill, the raw bytes by length only.
type goldenItem struct {
	Source     string            `json:"source"`
	Err        string            `json:"err,omitempty"`
	Format     string            `json:"format,omitempty"`
	URL        string            `json:"url,omitempty"`
	Outlet     string            `json:"outlet,omitempty"`
	Title      string            `json:"title,omitempty"`
	Author     string            `json:"author,omitempty"`
	Date       string            `json:"date,omitempty"`
	DateSource string            `json:"date_source,omitempty"`
	Lang       string            `json:"lang,omitempty"`
	Encoding   string            `json:"encoding,omitempty"`
	Text       string            `json:"text,omitempty"`
	RawBytes   int               `json:"raw_bytes,omitempty"`
	Meta       map[string]string `json:"meta,omitempty"`
}

func toGolden(base string, it Item) goldenItem {
	g := goldenItem{Source: filepath.ToSlash(strings.TrimPrefix(it.Source, base+string(filepath.Separator)))}
	if it.Err != nil {
		g.Err = it.Err.Error()
	}
	if d := it.Doc; d != nil {
		g.Format, g.URL, g.Outlet, g.Title, g.Author = d.Format, d.URL, d.Outlet, d.Title, d.Author
		g.Date, g.DateSource, g.Lang, g.Encoding, g.Text = d.Date, d.DateSource, d.Lang, d.Encoding, d.Text
		g.RawBytes, g.Meta = len(d.Raw), d.Meta
	}
	return g
}

// TestCorpusGolden reads every fixture in testdata/corpus (each format, each
// encoding, good and bad JSON Lines records) and compares the items with
// testdata/corpus.golden.json; go test -update rewrites it.
func TestCorpusGolden(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	var got []goldenItem
	for _, it := range readAll(t, []string{dir}, nil, DefaultOptions()) {
		got = append(got, toGolden(dir, it))
	}
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, '\n')
	goldenPath := filepath.Join("testdata", "corpus.golden.json")
	golden.Check(t, goldenPath, string(out))
}

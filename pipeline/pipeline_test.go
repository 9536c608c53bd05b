package pipeline

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func TestAnalyzeKeepsSpansInMainText(t *testing.T) {
	text := "Court clears mayor\n\nJudge Ann Miller said on Monday that the mayor had broken no law.\n\n" +
		"\"The evidence does not support the charge,\" Miller told the court in Springfield.\n\n" +
		"Most viewed\n\nPresident Tom Blake visits Paris\n\nThe visit was planned for months...\n"
	d := &claimgraph.Document{Text: text, Format: "txt", Date: "2021-03-10"}
	p := New()
	var st Stats
	p.Prepare(d, &st)
	if d.ID != claimgraph.DocumentID(text) || d.Title != "Court clears mayor" {
		t.Errorf("Prepare: id %s title %q", d.ID, d.Title)
	}
	a := p.Analyze(d, &st)
	if a.Analyzer != Version || st.Words == 0 {
		t.Errorf("analyzer %q words %d", a.Analyzer, st.Words)
	}
	check := func(kind string, start, end int, what string) {
		t.Helper()
		if start < 0 || end > len(text) || start >= end {
			t.Errorf("%s span [%d,%d) out of the text", kind, start, end)
			return
		}
		if !d.MainText(start) {
			t.Errorf("%s %q at %d is outside the main text", kind, text[start:end], start)
		}
		if what != "" && text[start:end] != what {
			t.Errorf("%s text %q does not match its span %q", kind, what, text[start:end])
		}
	}
	var names []string
	for _, m := range a.Mentions {
		check("mention", m.Start, m.End, m.Text)
		names = append(names, m.Name)
	}
	for _, q := range a.Quotes {
		check("quote", q.Content.Start, q.Content.End, q.Content.Text)
	}
	for _, x := range a.Times {
		check("time", x.Start, x.End, x.Text)
	}
	joined := strings.Join(names, "|")
	if strings.Contains(joined, "Tom Blake") || strings.Contains(joined, "Paris") {
		t.Errorf("sidebar names were analysed: %s", joined)
	}
	if !strings.Contains(joined, "Ann Miller") {
		t.Errorf("mentions %s lack the judge", joined)
	}
	var monday bool
	for _, x := range a.Times {
		if x.Text == "Monday" || x.Text == "on Monday" {
			monday = x.Value == "2021-03-08"
		}
	}
	if !monday {
		t.Errorf("Monday not resolved against the 2021-03-10 date: %+v", a.Times)
	}
	if len(a.Quotes) == 0 {
		t.Errorf("no quote found")
	}
}

// TestSidebarAliasesKept checks that an alias a sidebar asserts is recorded
// with its evidence while nothing in the sidebar becomes a mention.
func TestSidebarAliasesKept(t *testing.T) {
	text := "Court clears mayor\n\nJudge Ann Miller said on Monday that the Western Trade Council had broken no law.\n\n" +
		"Most viewed\n\nCritics of the Western Trade Council (WTC) meet in Paris\n\nPresident Tom Blake visits Paris\n\nThe visit was planned for months...\n"
	d := &claimgraph.Document{Text: text, Format: "txt"}
	p := New()
	p.Prepare(d, nil)
	if d.MainText(strings.Index(text, "(WTC)")) {
		t.Fatalf("the sidebar is main text: %+v", d.Regions)
	}
	a := p.Analyze(d, nil)
	var found bool
	for _, x := range a.Aliases {
		if x.Name == "Western Trade Council" && x.Alias == "WTC" && text[x.Start:x.End] == x.Evidence && !d.MainText(x.Start) {
			found = true
		}
	}
	if !found {
		t.Errorf("the sidebar's assertion is missing: %+v", a.Aliases)
	}
	for _, m := range a.Mentions {
		if !d.MainText(m.Start) {
			t.Errorf("mention %q in the sidebar", m.Text)
		}
	}
}

// BenchmarkPipeline measures cleaning plus analysis (NLP and extractors) on
// the GUM documents, in words per second.
func BenchmarkPipeline(b *testing.B) {
	dir := shareddata.Path(b, "data/gum/dep")
	files, _ := filepath.Glob(filepath.Join(dir, "*.conllu"))
	var docs []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		var sb strings.Builder
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if l := sc.Text(); strings.HasPrefix(l, "# text = ") {
				sb.WriteString(strings.TrimPrefix(l, "# text = "))
				sb.WriteString(" ")
			}
		}
		fh.Close()
		docs = append(docs, sb.String())
	}
	p := New()
	words := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text := docs[i%len(docs)]
		d := &claimgraph.Document{Text: text, Format: "txt"}
		var st Stats
		p.Prepare(d, &st)
		p.Analyze(d, &st)
		words += st.Words
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}

// TestPrepareReturnsRepeats checks that the passages the cleaner marks as
// repeated come back as the document's reuse pair with itself.
func TestPrepareReturnsRepeats(t *testing.T) {
	s := "The council voted to close the old river bridge to heavy traffic for two years."
	text := s + " Engineers had warned about cracks since the spring. Residents asked for a ferry. " + s + "\n"
	d := &claimgraph.Document{Text: text, Format: "txt"}
	self := New().Prepare(d, nil)
	if self == nil || self.DocA != d.ID || self.DocB != d.ID || len(self.Passages) != 1 {
		t.Fatalf("self pair = %+v", self)
	}
	p := self.Passages[0]
	// Passages span words; the final full stop is not part of one.
	if p.AStart != 0 || text[p.BStart:p.BEnd] != strings.TrimSuffix(s, ".") {
		t.Errorf("passage %+v: B side %q", p, text[p.BStart:p.BEnd])
	}
	var repeated bool
	for _, r := range d.Regions {
		repeated = repeated || (r.Kind == claimgraph.RegionRepeated && r.Start == p.BStart)
	}
	if !repeated {
		t.Errorf("the repeated region is not marked: %+v", d.Regions)
	}
	if New().Prepare(&claimgraph.Document{Text: "Nothing repeats here at all.", Format: "txt"}, nil) != nil {
		t.Errorf("a pair for a text without repeats")
	}
}

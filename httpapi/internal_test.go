package httpapi

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

// Markup left in article text is shown as a muted mark naming the tag, with
// the tag itself in the title, never as raw text.
func TestReaderMutesMarkup(t *testing.T) {
	text := `The minister wrote <tweet id="9" user="x">We will win</tweet> on Monday.`
	d := &claimgraph.Document{ID: "d", Text: text, Regions: []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text)}}}
	a := &claimgraph.Analysis{Mentions: []claimgraph.Mention{{Start: 4, End: 12, Text: "minister", Name: "minister", Type: "PER"}}}
	var shown strings.Builder
	var marks []string
	for _, b := range buildBlocks(d, a, nil) {
		for _, s := range b.Segs {
			shown.WriteString(s.Text)
			if strings.Contains(s.Class, "markup") {
				marks = append(marks, s.Text+"|"+s.Title)
			}
		}
	}
	if got, want := shown.String(), "The minister wrote ‹tweet›We will win‹/tweet› on Monday."; got != want {
		t.Errorf("shown %q, want %q", got, want)
	}
	if len(marks) != 2 || !strings.Contains(marks[0], `<tweet id="9" user="x">`) {
		t.Errorf("marks %q", marks)
	}
	for in, want := range map[string]string{`<tweet id="1">`: "tweet", "</p>": "/p", "<br/>": "br", "<img src=x>": "img"} {
		if got := tagName(in); got != want {
			t.Errorf("tagName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSourceLabel(t *testing.T) {
	for _, c := range []struct{ key, title, doc, want string }{
		{"outlet:Example Times", "", "", "Example Times"},
		{"speaker:he", "", "", "he (unresolved)"},
		{"document:abcdef1234567890", "Port reopens", "abcdef1234567890", "“Port reopens”"},
		{"document:abcdef1234567890", "", "abcdef1234567890", "document abcdef12"},
		{"Jane Roe", "", "", "Jane Roe"},
	} {
		if got := sourceLabel(c.key, c.title, c.doc); got != c.want {
			t.Errorf("sourceLabel(%q) = %q, want %q", c.key, got, c.want)
		}
	}
	cl := claimgraph.ClaimCluster{SourceNames: []string{"outlet:Daily", "document:abcdef1234567890"},
		Claims: []claimgraph.ClaimView{{Claim: claimgraph.Claim{Doc: "abcdef1234567890"}, Title: "Port reopens"}}}
	if got := funcs["clusterSources"].(func(claimgraph.ClaimCluster) string)(cl); got != "Daily, “Port reopens”" {
		t.Errorf("clusterSources = %q", got)
	}
}

package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/longdoc"
)

// The per-document limits cut the analysis and say so in Stats.Notes.
func TestAnalyzeLimits(t *testing.T) {
	text := longdoc.Sentences(30000, 1)
	cases := []struct {
		name   string
		lim    Limits
		check  func(a *claimgraph.Analysis) string
		inNote string
	}{
		{"mentions", Limits{MaxMentions: 40}, func(a *claimgraph.Analysis) string {
			if len(a.Mentions) > 40 || len(a.Mentions) == 0 {
				return "mentions not capped at 40"
			}
			return ""
		}, "capped at 40"},
		{"quote length", Limits{MaxQuoteBytes: 10}, func(a *claimgraph.Analysis) string {
			for _, q := range a.Quotes {
				if q.Content.End-q.Content.Start > 10 {
					return "a quote over 10 bytes kept"
				}
			}
			return ""
		}, "quotes longer than 10 bytes dropped"},
		{"budget", Limits{Budget: time.Nanosecond}, func(a *claimgraph.Analysis) string {
			if len(a.Mentions)+len(a.Quotes)+len(a.Claims) > 0 {
				return "stages after the budget ran"
			}
			return ""
		}, "time budget"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := New()
			p.Limits = c.lim
			d := &claimgraph.Document{Text: text, Format: "txt"}
			var st Stats
			p.Prepare(d, &st)
			a := p.Analyze(d, &st)
			if msg := c.check(a); msg != "" {
				t.Error(msg)
			}
			if !strings.Contains(strings.Join(st.Notes, "\n"), c.inNote) {
				t.Errorf("notes %q lack %q", st.Notes, c.inNote)
			}
		})
	}
	// The defaults cut nothing from an ordinary long article.
	p := New()
	d := &claimgraph.Document{Text: text, Format: "txt"}
	var st Stats
	p.Prepare(d, &st)
	if a := p.Analyze(d, &st); len(st.Notes) > 0 || len(a.Mentions) == 0 || len(a.Quotes) == 0 {
		t.Errorf("defaults: notes %q, %d mentions, %d quotes", st.Notes, len(a.Mentions), len(a.Quotes))
	}
}

package claim

import (
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/nlp"
)

// FuzzExtract runs the real tagger and both extractors over arbitrary text:
// no panic, and every claim span lies in the text and matches it.
func FuzzExtract(f *testing.F) {
	f.Add("The group was given a camp by Saddam Hussein, and it reportedly did not attack the Front.")
	f.Add(`"X supported Y," he said. X's ties with Y. X–Y alliance. the group (the) , and`)
	f.Fuzz(func(t *testing.T, text string) {
		a := nlp.Default().Analyze(text)
		ms := Chunks("d", a)
		qs := quote.Extract("d", text, a, ms, nil)
		for _, c := range Extract("d", text, a, ms, qs, nil) {
			for _, s := range []struct {
				text       string
				start, end int
			}{{c.Subject.Text, c.Subject.Start, c.Subject.End}, {c.Object.Text, c.Object.Start, c.Object.End}, {c.Relation.Text, c.Relation.Start, c.Relation.End}, {c.Evidence.Text, c.Evidence.Start, c.Evidence.End}} {
				if s.start < 0 || s.end < s.start || s.end > len(text) || text[s.start:s.end] != s.text {
					t.Fatalf("span %q at %d-%d does not match the text", s.text, s.start, s.end)
				}
			}
			if c.Factuality == "" {
				t.Fatalf("claim %q without factuality", c.Evidence.Text)
			}
		}
		for _, s := range a.Sentences {
			for _, x := range OpenIE(text, a.Tokens, s.First, s.Limit) {
				for _, sp := range append([]claimgraph.TextSpan{x.Arg1, x.Relation}, x.Args...) {
					if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) || text[sp.Start:sp.End] != sp.Text {
						t.Fatalf("open IE span %q at %d-%d does not match the text", sp.Text, sp.Start, sp.End)
					}
				}
			}
			for p := s.First; p < s.Limit; p++ {
				Factuality(a.Tokens, s.First, s.Limit, p)
			}
		}
	})
}

package quote

import (
	"testing"

	"github.com/claimgraph/claimgraph/nlp"
)

// FuzzExtract feeds arbitrary text through tokenizing and quote extraction:
// no panic, and every span must lie in the text and match it.
func FuzzExtract(f *testing.F) {
	f.Add(`"We will win," he said, "and soon." She added: “Never.”`)
	f.Add("According to officials, the port closed. X was quoted by Y as saying that it \"failed\"\n\n\"More")
	f.Add(`said:”We know” "scare" ‘single’ , he reiterated.`)
	f.Fuzz(func(t *testing.T, text string) {
		toks := nlp.Tokenize(text)
		a := &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
		for _, q := range Extract("d", text, a, nil, [][2]int{{0, len(text) / 2}, {len(text) / 2, len(text)}}) {
			for _, s := range [][2]int{{q.Content.Start, q.Content.End}, {q.Cue.Start, q.Cue.End}} {
				if s[0] < 0 || s[1] < s[0] || s[1] > len(text) {
					t.Fatalf("span %v outside text of %d bytes", s, len(text))
				}
			}
			if text[q.Content.Start:q.Content.End] != q.Content.Text || q.Content.Text == "" {
				t.Fatalf("content %q does not match text at %d-%d", q.Content.Text, q.Content.Start, q.Content.End)
			}
			if q.Speaker != nil && text[q.Speaker.Start:q.Speaker.End] != q.Speaker.Text {
				t.Fatalf("speaker %q does not match text", q.Speaker.Text)
			}
		}
	})
}

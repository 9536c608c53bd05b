package resolve

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// analysis tokenizes text and marks as entities every token-aligned
// occurrence of each "TYPE:surface" spec, earlier specs first, as a NER model
// would: it is how these tests stand in for the model without mocking it.
func analysis(t testing.TB, text string, specs ...string) *nlp.Analysis {
	t.Helper()
	toks := nlp.Tokenize(text)
	a := &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
	used := make([]bool, len(toks))
	for _, spec := range specs {
		typ, surface, ok := strings.Cut(spec, ":")
		if !ok {
			t.Fatalf("bad spec %q", spec)
		}
		found := false
		for off := 0; ; {
			i := strings.Index(text[off:], surface)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(surface)
			off = end
			first, limit := -1, -1
			for k, tk := range toks {
				if tk.Start == start {
					first = k
				}
				if tk.End == end {
					limit = k + 1
				}
			}
			if first < 0 || limit <= first {
				continue
			}
			free := true
			for k := first; k < limit; k++ {
				free = free && !used[k]
			}
			if !free {
				continue
			}
			for k := first; k < limit; k++ {
				used[k] = true
			}
			found = true
			a.Entities = append(a.Entities, nlp.Entity{Start: start, End: end, First: first, Limit: limit, Type: typ, Text: surface, Confidence: 0.9})
		}
		if !found {
			t.Fatalf("spec %q not found in text", spec)
		}
	}
	return a
}

func checkMentionSpans(t testing.TB, text string, ms []claimgraph.Mention) {
	t.Helper()
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("mention span %d:%d does not hold %q", m.Start, m.End, m.Text)
		}
		if m.Name == "" {
			t.Fatalf("mention %q without a name", m.Text)
		}
	}
}

// find returns the mentions whose text is s.
func find(ms []claimgraph.Mention, s string) []claimgraph.Mention {
	var out []claimgraph.Mention
	for _, m := range ms {
		if m.Text == s {
			out = append(out, m)
		}
	}
	return out
}

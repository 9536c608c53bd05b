package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/internal/golden"
	"github.com/claimgraph/claimgraph/nlp"
)

var markup = regexp.MustCompile(`\[(PER|ORG|LOC|MISC) ([^\]]+)\]`)

// parseMarkup turns "[PER Ilse Brandt] met ..." into the plain text and an
// analysis whose entities are the bracketed spans, as a NER model would give.
func parseMarkup(t testing.TB, src string) (string, *nlp.Analysis) {
	t.Helper()
	var b strings.Builder
	type span struct {
		start, end int
		typ        string
	}
	var spans []span
	last := 0
	for _, m := range markup.FindAllStringSubmatchIndex(src, -1) {
		b.WriteString(src[last:m[0]])
		start := b.Len()
		b.WriteString(src[m[4]:m[5]])
		spans = append(spans, span{start, b.Len(), src[m[2]:m[3]]})
		last = m[1]
	}
	b.WriteString(src[last:])
	text := b.String()
	toks := nlp.Tokenize(text)
	a := &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
	for _, s := range spans {
		first, limit := -1, -1
		for i, tk := range toks {
			if tk.Start == s.start {
				first = i
			}
			if tk.End == s.end {
				limit = i + 1
			}
		}
		if first < 0 || limit <= first {
			t.Fatalf("entity %q is not token-aligned", text[s.start:s.end])
		}
		a.Entities = append(a.Entities, nlp.Entity{Start: s.start, End: s.end, First: first, Limit: limit, Type: s.typ, Text: text[s.start:s.end], Confidence: 0.9})
	}
	return text, a
}

func renderMentions(ms []claimgraph.Mention) string {
	var b strings.Builder
	for _, m := range ms {
		amb := ""
		if m.Ambiguous {
			amb = " ambiguous"
		}
		fmt.Fprintf(&b, "%d:%d\t%s %s\t%q\tname=%q chain=%d%s\n", m.Start, m.End, m.Type, m.Kind, m.Text, m.Name, m.Chain, amb)
	}
	return b.String()
}

// TestMentionsGolden runs alias.Find and Mentions on each
// testdata/mentions/*.txt (entities in brackets) against its .golden file.
func TestMentionsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/mentions/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			text, a := parseMarkup(t, string(src))
			as := alias.Find("d", text, a, nil)
			ms := Mentions("d", text, a, as)
			checkMentionSpans(t, text, ms)
			got := renderMentions(ms)
			goldenPath := strings.TrimSuffix(in, ".txt") + ".golden"
			golden.Check(t, goldenPath, got)
		})
	}
}

func FuzzMentions(f *testing.F) {
	for _, s := range []string{"[PER Ilse Brandt] met the WTC.", "A (B) [ORG C D] 's E 737", "so-called X. [LOC Y]'s Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		text, a := parseMarkupLoose(src)
		ms := Mentions("d", text, a, alias.Find("d", text, a, nil))
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text || m.Name == "" {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
		}
	})
}

// parseMarkupLoose is parseMarkup for fuzzing: entities that do not align
// with tokens are dropped instead of failing.
func parseMarkupLoose(src string) (string, *nlp.Analysis) {
	text := markup.ReplaceAllString(src, "$2")
	toks := nlp.Tokenize(text)
	a := &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
	for i := 0; i+1 < len(toks); i += 3 {
		if capitalized(toks[i].Text) {
			a.Entities = append(a.Entities, nlp.Entity{Start: toks[i].Start, End: toks[i+1].End, First: i, Limit: i + 2, Type: []string{"PER", "ORG", "LOC"}[i%3], Text: text[toks[i].Start:toks[i+1].End]})
		}
	}
	return text, a
}

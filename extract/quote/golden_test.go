package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/golden"
)

// parseMarked reads a fixture whose mentions are marked inline as
// {{text|TYPE|chain}} or {{text|TYPE|chain|kind}} and returns the plain text
// with the mentions it marks. A mention's Name is its chain's first name.
func parseMarked(t testing.TB, src string) (string, []claimgraph.Mention) {
	t.Helper()
	var b strings.Builder
	var ms []claimgraph.Mention
	chains := map[string]int{}
	names := map[int]string{}
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			b.WriteString(src)
			break
		}
		j := strings.Index(src[i:], "}}")
		if j < 0 {
			t.Fatalf("unclosed mention in %q", src[i:])
		}
		b.WriteString(src[:i])
		f := strings.Split(src[i+2:i+j], "|")
		if len(f) < 3 {
			t.Fatalf("mention %q needs text|TYPE|chain", src[i:i+j+2])
		}
		kind := claimgraph.MentionName
		if len(f) > 3 {
			kind = map[string]string{"desc": claimgraph.MentionDescription, "pronoun": claimgraph.MentionPronoun, "acronym": claimgraph.MentionAcronym}[f[3]]
		}
		c, ok := chains[f[2]]
		if !ok {
			c = len(chains)
			chains[f[2]] = c
		}
		start := b.Len()
		b.WriteString(f[0])
		m := claimgraph.Mention{Doc: "d", Start: start, End: b.Len(), Text: f[0], Type: f[1], Kind: kind, Chain: c, Confidence: 0.9}
		if (kind == claimgraph.MentionName || kind == claimgraph.MentionAcronym) && names[c] == "" {
			names[c] = f[0]
		}
		ms = append(ms, m)
		src = src[i+j+2:]
	}
	for i := range ms {
		ms[i].Name = names[ms[i].Chain]
	}
	return b.String(), ms
}

// render prints quotes in a form a reviewer can read in a diff.
func render(text string, qs []claimgraph.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		if text[q.Content.Start:q.Content.End] != q.Content.Text {
			fmt.Fprintf(&b, "!! content span does not match its text\n")
		}
		fmt.Fprintf(&b, "%s %s %s [%d,%d) %q\n", q.Kind, q.Attribution, q.Factuality, q.Content.Start, q.Content.End, q.Content.Text)
		for _, f := range q.Fragments {
			if text[f.Start:f.End] != f.Text {
				fmt.Fprintf(&b, "!! fragment span does not match its text\n")
			}
			fmt.Fprintf(&b, "  fragment [%d,%d) %q\n", f.Start, f.End, f.Text)
		}
		if q.Speaker == nil {
			b.WriteString("  speaker: <unknown>\n")
		} else {
			s := q.Speaker
			fmt.Fprintf(&b, "  speaker: %q [%d,%d) -> %q %s %.2f\n", s.Text, s.Start, s.End, s.Name, s.Type, s.Confidence)
		}
		if q.Cue.End > 0 {
			fmt.Fprintf(&b, "  cue: %q [%d,%d) %s\n", q.Cue.Text, q.Cue.Start, q.Cue.End, q.CueLemma)
		}
		if q.Via != "" {
			fmt.Fprintf(&b, "  via: %q\n", q.Via)
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, ms := parseMarked(t, string(src))
			got := render(text, Extract("d", text, nil, ms, nil))
			gf := strings.TrimSuffix(f, ".txt") + ".golden"
			golden.Check(t, gf, got)
		})
	}
}

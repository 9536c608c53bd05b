package claim

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/internal/golden"
	"github.com/claimgraph/claimgraph/nlp"
)

// parseMarked reads a fixture whose mentions are marked inline as
// {{text|TYPE|chain}} or {{text|TYPE|chain|kind}}; a mention's Name is its
// chain's first name.
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
		if kind == claimgraph.MentionName && names[c] == "" {
			names[c] = f[0]
		}
		ms = append(ms, claimgraph.Mention{Doc: "d", Start: start, End: b.Len(), Text: f[0], Type: f[1], Kind: kind, Chain: c, Entity: int64(c + 1), Confidence: 0.9})
		src = src[i+j+2:]
	}
	for i := range ms {
		ms[i].Name = names[ms[i].Chain]
	}
	return b.String(), ms
}

func render(text string, cs []claimgraph.Claim) string {
	var b strings.Builder
	for _, c := range cs {
		voice := "<document>"
		if c.Speaker != nil {
			voice = c.Speaker.Name
			if voice == "" {
				voice = c.Speaker.Text
			}
		}
		for _, s := range []claimgraph.TextSpan{c.Subject, c.Relation, c.Object, c.Evidence} {
			if text[s.Start:s.End] != s.Text {
				b.WriteString("!! span does not match its text\n")
			}
		}
		fmt.Fprintf(&b, "%s | %s [%s] | %s\n", c.Subject.Text, c.Relation.Text, c.RelationLemma, c.Object.Text)
		fmt.Fprintf(&b, "  voice: %s %s", voice, c.Factuality)
		if c.Cue != nil {
			fmt.Fprintf(&b, " cue=%q", c.Cue.Text)
		}
		if c.Via != "" {
			fmt.Fprintf(&b, " via=%q", c.Via)
		}
		if len(c.Hedges) > 0 {
			fmt.Fprintf(&b, " hedges=%s", strings.Join(c.Hedges, ","))
		}
		if c.Negated {
			b.WriteString(" negated")
		}
		if c.Modality != "" {
			fmt.Fprintf(&b, " modality=%s", c.Modality)
		}
		if c.Time >= 0 {
			fmt.Fprintf(&b, " time=%d", c.Time)
		}
		fmt.Fprintf(&b, " conf=%.2f\n", c.Confidence)
	}
	return b.String()
}

// timesFor marks years and "last June"-like phrases as time expressions, a
// stand-in for extract/timex that keeps this test about claims.
func timesFor(text string) []claimgraph.TimeExpr {
	var ts []claimgraph.TimeExpr
	for _, w := range []string{"2004", "1986", "last June", "next year"} {
		if i := strings.Index(text, w); i >= 0 {
			ts = append(ts, claimgraph.TimeExpr{Start: i, End: i + len(w), Text: w, Type: claimgraph.TimexDate})
		}
	}
	return ts
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
			a := nlp.Default().Analyze(text)
			qs := quote.Extract("d", text, a, ms, nil)
			got := render(text, Extract("d", text, a, ms, qs, timesFor(text)))
			gf := strings.TrimSuffix(f, ".txt") + ".golden"
			golden.Check(t, gf, got)
		})
	}
}

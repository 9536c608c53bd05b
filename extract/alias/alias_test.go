package alias

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/golden"
	"github.com/claimgraph/claimgraph/nlp"
)

func render(as []claimgraph.AliasAssertion) string {
	var b strings.Builder
	for _, a := range as {
		fmt.Fprintf(&b, "%s\t%q = %q\t[%d:%d] %q\n", a.Pattern, a.Name, a.Alias, a.Start, a.End, a.Evidence)
	}
	return b.String()
}

// TestFindGolden runs Find without NER (the capitalized-phrase fallback) on
// each testdata/*.txt and compares with its .golden file.
func TestFindGolden(t *testing.T) {
	golden.Each(t, "testdata/*.txt", func(t *testing.T, text string) string {
		as := Find("d", text, nil, nil)
		checkSpans(t, text, as)
		return render(as)
	})
}

func checkSpans(t testing.TB, text string, as []claimgraph.AliasAssertion) {
	t.Helper()
	for _, a := range as {
		if a.Start < 0 || a.End > len(text) || a.Start >= a.End || text[a.Start:a.End] != a.Evidence {
			t.Fatalf("bad evidence span %+v", a)
		}
		if !strings.Contains(a.Evidence, a.Name) || !strings.Contains(a.Evidence, a.Alias) {
			t.Fatalf("evidence %q lacks %q or %q", a.Evidence, a.Name, a.Alias)
		}
		if a.Name == a.Alias {
			t.Fatalf("self alias %+v", a)
		}
	}
}

// TestFindUsesEntities checks that NER spans decide the names when present:
// without them the capitalized run would start at "Minister".
func TestFindUsesEntities(t *testing.T) {
	text := "Deputy Minister Ilse Brandt (IB) left. Springfield (Illinois) voted."
	toks := nlp.Tokenize(text)
	a := &nlp.Analysis{Text: text, Tokens: toks, Sentences: nlp.SplitSentences(text, toks)}
	ent := func(first, limit int, typ string) nlp.Entity {
		return nlp.Entity{First: first, Limit: limit, Start: toks[first].Start, End: toks[limit-1].End, Type: typ, Text: text[toks[first].Start:toks[limit-1].End]}
	}
	a.Entities = []nlp.Entity{ent(2, 4, "PER"), ent(8, 9, "LOC"), ent(10, 11, "LOC")}
	as := Find("d", text, a, nil)
	if len(as) != 1 || as[0].Name != "Ilse Brandt" || as[0].Alias != "IB" || as[0].Type != "PER" {
		t.Fatalf("Find = %+v, want one PER assertion Ilse Brandt = IB", as)
	}
}

// TestFindRanges checks that only the given byte ranges are searched.
func TestFindRanges(t *testing.T) {
	text := "Alpha Beta Gamma (ABG) met. Delta Echo Force (DEF) left."
	all := Find("d", text, nil, nil)
	if len(all) != 2 {
		t.Fatalf("whole text: %d assertions, want 2: %+v", len(all), all)
	}
	second := strings.Index(text, "Delta")
	got := Find("d", text, nil, [][2]int{{second, len(text)}})
	if len(got) != 1 || got[0].Alias != "DEF" {
		t.Fatalf("ranged: %+v, want only DEF", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"A B (AB)", "X, also known as Y, Z and W", "(also known as", "a.k.a.", "Q (", "Ü Ö (ÜÖ) dubbed \"Ä\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Find("d", text, nil, nil))
	})
}

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile("testdata/patterns.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(text), 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find("d", s, nil, nil)
	}
}

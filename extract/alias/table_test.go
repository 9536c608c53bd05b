package alias

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// TestAliasTable runs Find with the project's NER on the constructed
// sentences of testdata/table.tsv: each "yes" row must assert its two names
// as one actor, each "no" row (a near miss: a list running into a clause, a
// party-state tag, an age, a date, a role, a country of affiliation, a
// ticker, "the former", nested brackets, quotes inside brackets) must not
// give its alias to anything.
func TestAliasTable(t *testing.T) {
	f, err := os.Open("testdata/table.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pipe := nlp.Default()
	sc := bufio.NewScanner(f)
	rows, yes, no := 0, 0, 0
	classes := map[string]bool{}
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 5 {
			t.Fatalf("table.tsv:%d: %d columns, want 5", line, len(cols))
		}
		want, class, name, al, text := cols[0], cols[1], cols[2], cols[3], cols[4]
		rows++
		classes[class] = true
		ranges := [][2]int{{0, len(text)}}
		as := Find("d", text, pipe.AnalyzeRanges(text, ranges), ranges)
		checkSpans(t, text, as)
		switch want {
		case "yes":
			yes++
			if !asserts(as, name, al) {
				t.Errorf("table.tsv:%d (%s): %q = %q not asserted in %q; got %s", line, class, name, al, text, render(as))
			}
		case "no":
			no++
			for _, a := range as {
				if strings.Contains(a.Name, al) || strings.Contains(a.Alias, al) || asserts([]claimgraph.AliasAssertion{a}, name, al) {
					t.Errorf("table.tsv:%d (%s): near miss asserted in %q: %s", line, class, text, render([]claimgraph.AliasAssertion{a}))
				}
			}
		default:
			t.Fatalf("table.tsv:%d: want %q, not yes or no", line, want)
		}
	}
	if rows < 80 || yes*3 < rows || no*3 < rows {
		t.Fatalf("table has %d rows (%d yes, %d no): want at least 80, about half of each", rows, yes, no)
	}
}

// asserts reports whether the assertions tie the two names, in either order.
func asserts(as []claimgraph.AliasAssertion, a, b string) bool {
	for _, x := range as {
		if x.Name == a && x.Alias == b || x.Name == b && x.Alias == a {
			return true
		}
	}
	return false
}

package resolve

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// TestFailureClasses resolves the constructed articles of
// testdata/classes with the project's NER and checks one pair of mentions
// for each class of failure seen on real news: a name inside a longer name
// is not the place it contains; a place's team is not the place; titles and
// headline descriptors are not part of a person's name, whose canonical name
// is the full proper name; middle initials and names, "Mr." forms and
// transliterations of one name join.
func TestFailureClasses(t *testing.T) {
	files, err := filepath.Glob("testdata/classes/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	var texts []Text
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, Text{Doc: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	out, res := ResolveTextsResult(nlp.Default(), texts, nil)
	// entityOf returns the entity of the mention of doc with exactly text,
	// the nth such (0-based); 0 when there is none.
	entityOf := func(doc, text string, nth int) (int64, claimgraph.Mention) {
		for i, d := range texts {
			if d.Doc != doc {
				continue
			}
			for _, m := range out[i] {
				if m.Text == text {
					if nth == 0 {
						return m.Entity, m
					}
					nth--
				}
			}
		}
		return 0, claimgraph.Mention{}
	}
	type ref struct {
		doc, text string
		nth       int
	}
	for _, c := range []struct {
		class string
		a, b  ref
		same  bool
	}{
		{"nested: the United States is not its Treasury", ref{"02_nested", "United States", 0}, ref{"01_nested", "U.S. Treasury Department", 0}, false},
		{"nested: U.S. in a longer name is no mention of it", ref{"02_nested", "United States", 0}, ref{"01_nested", "Halvorsen Motors", 0}, false},
		{"nested: New York is not the New York Times", ref{"02_nested", "New York", 0}, ref{"01_nested", "New York Times", 0}, false},
		{"metonymy: a team is not its country", ref{"04_place", "Australia", 0}, ref{"03_sport", "Australia", 0}, false},
		{"metonymy: the country stays itself after a comma", ref{"04_place", "Australia", 0}, ref{"03_sport", "Australia", 2}, true},
		{"metonymy: words shared with sport make no sports report", ref{"04_place", "Australia", 0}, ref{"11_politics", "Australia", 1}, true},
		{"split: middle initial", ref{"05_people", "Vladimir V. Putin", 0}, ref{"06_people", "Vladimir Putin", 0}, true},
		{"split: middle name", ref{"05_people", "Hillary Rodham Clinton", 0}, ref{"06_people", "Hillary Clinton", 0}, true},
		{"split: Mr. form", ref{"05_people", "Putin", 0}, ref{"06_people", "Vladimir Putin", 0}, true},
		{"split: transliteration of a place", ref{"07_translit", "Raqqa", 0}, ref{"08_translit", "Raqqah", 0}, true},
		{"split: transliteration of a group", ref{"07_translit", "Al-Qaeda", 0}, ref{"08_translit", "al-Qaida", 0}, true},
		{"descriptor: headline word is no name", ref{"09_headline", "Gordon Ashby", 0}, ref{"10_headline", "Gordon Ashby", 0}, true},
	} {
		ea, ma := entityOf(c.a.doc, c.a.text, c.a.nth)
		eb, mb := entityOf(c.b.doc, c.b.text, c.b.nth)
		if c.same && (ea == 0 || ea != eb) || !c.same && ea != 0 && ea == eb {
			t.Errorf("%s: %q (%s, entity %d, %+v) and %q (%s, entity %d, %+v): same = %v, want %v",
				c.class, c.a.text, c.a.doc, ea, ma, c.b.text, c.b.doc, eb, mb, ea == eb, c.same)
		}
	}
	// Canonical names: the full proper name, never a headline's descriptor.
	for _, c := range []struct{ name, canonical string }{
		{"Gordon Ashby", "Gordon Ashby"},
		{"Putin", "Vladimir( V\\.)? Putin"},
		{"Hillary Clinton", "Hillary( Rodham)? Clinton"},
	} {
		es := res.Lookup(c.name)
		if len(es) != 1 || !regexp.MustCompile("^"+c.canonical+"$").MatchString(es[0].Name) {
			var got []string
			for _, e := range es {
				got = append(got, e.Name)
			}
			t.Errorf("canonical name of %q = %q, want %q", c.name, got, c.canonical)
		}
	}
}

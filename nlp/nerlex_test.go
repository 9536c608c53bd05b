package nlp

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// testGazetteer loads a gazetteer of the given lines ("class\tname"), as
// BuildGazetteer writes them.
func testGazetteer(t *testing.T, lines ...string) *gazetteer {
	t.Helper()
	g, err := loadGazetteer(gzipped([]byte(strings.Join(lines, "\n") + "\n")))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// gzipped returns data compressed, as the gazetteer file is.
func gzipped(data []byte) *bytes.Buffer {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data) // a bytes.Buffer does not fail
	zw.Close()
	return &buf
}

// matchedNames lists the listed names match found in c, each as its words
// and its classes ("New York City=16").
func matchedNames(c *sentCtx) []string {
	var got []string
	for i := 0; i < len(c.words); {
		if !c.gazBegin[i] {
			i++
			continue
		}
		j := c.gazEnd(i)
		got = append(got, fmt.Sprintf("%s=%d", strings.Join(c.words[i:j], " "), c.gazClass[i]))
		i = j
	}
	return got
}

// The longest listed name wins at each start, up to gazMaxLen words, and
// a name is tried only as long as the longest one its first word begins.
func TestNERLexiconMatchesLongestName(t *testing.T) {
	city, org, country := fmt.Sprint(gazCity), fmt.Sprint(gazOrg), fmt.Sprint(gazCountry)
	g := testGazetteer(t,
		city+"\tnew york",
		city+"\tnew york city",
		org+"\tbank of new york",
		org+"\tbank of the united states", // five words: longer than gazMaxLen
		country+"\tunited states",
		org+"\tunited nations",
	)
	lex := newNERLexicon(g, nil)
	words := strings.Fields("The Bank of New York and New York City left the Bank of the United States and the United Nations .")
	c := &sentCtx{}
	c.reset(words)
	lex.match(c)
	got := matchedNames(c)
	want := []string{
		"Bank of New York=" + org,
		"New York City=" + city,
		"United States=" + country, // inside the five-word name, which is too long
		"United Nations=" + org,
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("matched %q, want %q", got, want)
	}
}

// A listed name with a hyphen matches where the taggers see it: split into
// its parts and hyphens, as getCtx splits the token. Keyed as one word, as
// the gazetteer file writes it, it never matched.
func TestNERLexiconMatchesHyphenatedNames(t *testing.T) {
	org, country, city := fmt.Sprint(gazOrg), fmt.Sprint(gazCountry), fmt.Sprint(gazCity)
	g := testGazetteer(t,
		country+"\tguinea-bissau",
		org+"\tagence france-presse",
		city+"\twilkes-barre",
	)
	lex := newNERLexicon(g, nil)
	toks := Tokenize("Agence France-Presse reported from Guinea-Bissau, not Wilkes-Barre.")
	c := getCtx(toks)
	defer putCtx(c)
	lex.match(c)
	got := matchedNames(c)
	want := []string{
		"Agence France - Presse=" + org,
		"Guinea - Bissau=" + country,
		"Wilkes - Barre=" + city,
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("matched %q, want %q", got, want)
	}
}

// loadGazetteer reads a file given to "train ner --gazetteer": any bytes
// give a gazetteer or an error naming the line, never a panic, and a
// loaded name matches itself.
func FuzzLoadGazetteer(f *testing.F) {
	f.Add([]byte("4\tguinea-bissau\n128\tagence france-presse\n"))
	f.Add([]byte("16\tnew york city\n"))
	f.Add([]byte("no tab\n"))
	f.Add([]byte("70000\tx\n"))
	f.Add([]byte("1\t-\n1\ta--b\n1\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := loadGazetteer(gzipped(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "load gazetteer") {
				t.Fatalf("error %q does not say what failed", err)
			}
			return
		}
		lex := newNERLexicon(g, nil)
		for _, line := range strings.Split(string(data), "\n") {
			// the loader reads lines as bufio.Scanner does, without a final "\r"
			cs, name, ok := strings.Cut(strings.TrimSuffix(line, "\r"), "\t")
			if !ok || name == "" {
				continue
			}
			v, _ := strconv.ParseUint(cs, 10, 16)
			cls := uint16(v) & lexGazMask
			words := nameWords(nil, name)
			c := &sentCtx{}
			c.reset(words)
			lex.match(c)
			switch n := len(words); {
			case n == 1 && c.gazSingle[0]&cls != cls:
				t.Fatalf("%q: classes %b, want %b among them", name, c.gazSingle[0], cls)
			case n > 1 && n <= gazMaxLen && !c.gazBegin[0]:
				t.Fatalf("%q (%q): listed, but no listed name begins it", name, words)
			}
		}
	})
}

package benchcorpus

import (
	"reflect"
	"strings"
	"testing"
)

const treebank = `# newdoc id = a
# meta::title = First
# meta::dateCreated = 2019-05-01
# newpar
# text = One two three.
1	One	_
# text = Four five.
1	Four	_
# newpar
# text = Six seven eight nine.
1	Six	_

# newdoc id = b
# text = Ten eleven.
1	Ten	_
`

func TestReadCoNLLU(t *testing.T) {
	got, err := ReadCoNLLU(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	want := []Article{
		{ID: "a", Title: "First", Date: "2019-05-01", Text: "One two three. Four five.\n\nSix seven eight nine."},
		{ID: "b", Text: "Ten eleven."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

func TestMix(t *testing.T) {
	src, err := ReadCoNLLU(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Seed: 7, Words: 6, Outlets: 2}
	a, err := Mix(src, 40, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Mix(src, 40, opts)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different articles")
	}
	paras := map[string]bool{"One two three. Four five.": true, "Six seven eight nine.": true, "Ten eleven.": true}
	firsts := map[string]bool{}
	for i, art := range a {
		ps := strings.Split(art.Text, "\n\n")
		seen := map[string]bool{}
		words := 0
		for _, p := range ps {
			if !paras[p] {
				t.Fatalf("article %d: paragraph %q is not from the sources", i, p)
			}
			if seen[p] {
				t.Fatalf("article %d repeats %q", i, p)
			}
			seen[p] = true
			words += len(strings.Fields(p))
		}
		if words < 6 && len(ps) < 3 {
			t.Errorf("article %d has %d words from %d paragraphs", i, words, len(ps))
		}
		if art.Outlet != "Outlet 0" && art.Outlet != "Outlet 1" || art.Date < "2000-01-01" || art.Date > "2019-12-31" || art.Title == "" {
			t.Errorf("article %d: %+v", i, art)
		}
		firsts[ps[0]] = true
	}
	if len(firsts) < 2 {
		t.Error("every article starts with the same paragraph")
	}
	if _, err := Mix(src[1:], 3, opts); err == nil {
		t.Error("one paragraph: want an error")
	}
}

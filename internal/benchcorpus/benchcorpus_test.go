package benchcorpus

import (
	"bytes"
	"os"
	"path/filepath"
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
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	for i := range want {
		g := got[i]
		g.paras = nil
		if !reflect.DeepEqual(g, want[i]) {
			t.Errorf("article %d: got %#v\nwant %#v", i, g, want[i])
		}
	}
	if !reflect.DeepEqual(got[0].paras, [][]string{{"One two three.", "Four five."}, {"Six seven eight nine."}}) {
		t.Errorf("sentences: %q", got[0].paras)
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
	if c, _ := Mix(src, 40, Options{Seed: 8, Words: 6, Outlets: 2}); reflect.DeepEqual(a, c) {
		t.Error("another seed, the same articles")
	}
	sentences := map[string]bool{"One two three.": true, "Four five.": true, "Six seven eight nine.": true, "Ten eleven.": true}
	firsts := map[string]bool{}
	for i, art := range a {
		var all []string
		for _, p := range strings.Split(art.Text, "\n\n") {
			all = append(all, strings.SplitAfter(p, ". ")...)
		}
		seen := map[string]bool{}
		words := 0
		for _, s := range all {
			s = strings.TrimSpace(s)
			if !sentences[s] {
				t.Fatalf("article %d: sentence %q is not from the sources", i, s)
			}
			if seen[s] {
				t.Fatalf("article %d repeats %q", i, s)
			}
			seen[s] = true
			words += len(strings.Fields(s))
		}
		if words < 6 && len(all) < 4 {
			t.Errorf("article %d has %d words from %d sentences", i, words, len(all))
		}
		if art.Outlet != "Outlet 0" && art.Outlet != "Outlet 1" || art.Date < "2000-01-01" || art.Date > "2019-12-31" || art.Title == "" {
			t.Errorf("article %d: %+v", i, art)
		}
		firsts[all[0]] = true
	}
	if len(firsts) < 2 {
		t.Error("every article starts with the same sentence")
	}
	if _, err := Mix(src[1:], 3, opts); err == nil {
		t.Error("one sentence: want an error")
	}
}

func TestReadFilesWriteJSONL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.conllu")
	if err := os.WriteFile(path, []byte(treebank), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := ReadFiles(path, path)
	if err != nil || len(arts) != 4 {
		t.Fatalf("ReadFiles: %d articles, %v", len(arts), err)
	}
	if _, err := ReadFiles(path + ".missing"); err == nil {
		t.Error("a missing file: want an error")
	}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, arts[:2]); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","title":"First","date":"2019-05-01","text":"One two three. Four five.\n\nSix seven eight nine."}` + "\n" +
		`{"id":"b","text":"Ten eleven."}` + "\n"
	if buf.String() != want {
		t.Errorf("WriteJSONL:\n%s\nwant\n%s", buf.String(), want)
	}
}

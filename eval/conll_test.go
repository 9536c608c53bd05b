package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name   string
		labels string
		want   []Chunk
	}{
		{"iob2", "B-PER I-PER O B-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1 opens with I", "I-PER I-PER O I-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1 B splits same type", "I-LOC B-LOC I-LOC", []Chunk{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"type change ends a chunk", "B-PER I-ORG", []Chunk{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"B B", "B-ORG B-ORG", []Chunk{{0, 1, "ORG"}, {1, 2, "ORG"}}},
		{"ends at the end", "O B-MISC I-MISC", []Chunk{{1, 3, "MISC"}}},
		{"iobes", "S-PER B-LOC E-LOC", []Chunk{{0, 1, "PER"}, {1, 3, "LOC"}}},
		{"none", "O O", nil},
	}
	for _, tt := range tests {
		got := Chunks(strings.Fields(tt.labels))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Chunks(%s) = %v, want %v", tt.name, tt.labels, got, tt.want)
		}
	}
}

func TestNERScoreTypes(t *testing.T) {
	gold := []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 6, "MISC"}}
	pred := []Chunk{{0, 2, "PER"}, {3, 4, "ORG"}, {7, 8, "MISC"}}
	s := NewNERScore([]string{"PER", "ORG", "LOC"})
	s.Add(gold, pred)
	s.Finish()
	// MISC is ignored on both sides: 2 gold, 2 predicted, 1 right.
	if s.All.Gold != 2 || s.All.Predicted != 2 || s.All.Correct != 1 {
		t.Fatalf("counts %+v, want gold 2 predicted 2 correct 1", s.All)
	}
	if s.All.F1 != 0.5 || s.ByType["PER"].F1 != 1 || s.ByType["LOC"].Recall != 0 || s.ByType["ORG"].Precision != 0 {
		t.Errorf("scores %+v by type %+v %+v %+v", s.All, *s.ByType["PER"], *s.ByType["LOC"], *s.ByType["ORG"])
	}
	all := NewNERScore(nil)
	all.Add(gold, pred)
	all.Finish()
	if all.All.Gold != 3 || all.All.Predicted != 3 {
		t.Errorf("without --types every type counts: %+v", all.All)
	}
	empty := NewNERScore(nil)
	empty.Finish()
	if empty.All.F1 != 0 || empty.All.Precision != 0 {
		t.Errorf("empty score %+v, want zeros", empty.All)
	}
}

func TestReadNERFormats(t *testing.T) {
	iob1, err := ReadNERFile("testdata/ner_iob1.conll", FormatCoNLL2003)
	if err != nil {
		t.Fatal(err)
	}
	iob2, err := ReadNERFile("testdata/ner_iob2.iob2", FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	if len(iob1) != 2 || len(iob2) != 2 {
		t.Fatalf("got %d and %d sentences, want 2 and 2 (-DOCSTART- is not a sentence)", len(iob1), len(iob2))
	}
	// -DOCSTART- separates the CoNLL file's two sentences; the IOB2 file,
	// without "# newdoc" lines, is one document.
	if iob1[0].Doc == iob1[1].Doc || iob2[0].Doc != iob2[1].Doc {
		t.Errorf("documents %d,%d and %d,%d, want two and one", iob1[0].Doc, iob1[1].Doc, iob2[0].Doc, iob2[1].Doc)
	}
	same, err := ReadNER(strings.NewReader("# newdoc id = d\n1\ta\tO\n\n1\tb\tO\n\n# newdoc id = e\n1\tc\tO\n"), FormatIOB2)
	if err != nil || len(same) != 3 || same[0].Doc != same[1].Doc || same[1].Doc == same[2].Doc {
		t.Errorf("newdoc grouping: %+v, %v", same, err)
	}
	if iob2[0].ID != "a-1" {
		t.Errorf("sentence id %q, want a-1", iob2[0].ID)
	}
	// The same entities written in IOB1 and IOB2 read alike.
	for i := range iob1 {
		if !reflect.DeepEqual(iob1[i].Tokens, iob2[i].Tokens) {
			t.Errorf("sentence %d tokens %v vs %v", i, iob1[i].Tokens, iob2[i].Tokens)
		}
		if a, b := Chunks(iob1[i].Labels), Chunks(iob2[i].Labels); !reflect.DeepEqual(a, b) {
			t.Errorf("sentence %d: IOB1 chunks %v, IOB2 chunks %v", i, a, b)
		}
	}
	if _, err := ReadNER(strings.NewReader("a\tb\n"), FormatIOB2); err == nil {
		t.Error("a short IOB2 line was accepted")
	}
	if _, err := ReadNER(strings.NewReader("1\ta\tPERSON\n"), FormatIOB2); err == nil {
		t.Error("a bad label was accepted")
	}
	if _, err := ReadNER(strings.NewReader(""), "xml"); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func FuzzReadNER(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nA NNP B-NP I-PER\nb x y O\n", FormatCoNLL2003)
	f.Add("# sent_id = x\n1\tA\tB-LOC\t-\t-\n\n1\tb\tO\n", FormatIOB2)
	f.Fuzz(func(t *testing.T, data, format string) {
		sents, err := ReadNER(strings.NewReader(data), format)
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) != len(s.Labels) || len(s.Tokens) == 0 {
				t.Fatalf("sentence with %d tokens and %d labels", len(s.Tokens), len(s.Labels))
			}
			for _, c := range Chunks(s.Labels) {
				if c.First < 0 || c.Limit > len(s.Labels) || c.First >= c.Limit || c.Type == "" {
					t.Fatalf("bad chunk %+v of %v", c, s.Labels)
				}
			}
		}
	})
}

func TestNERErrors(t *testing.T) {
	toks := strings.Fields("Anna Berg met Norland Bank staff in Oslo on Monday")
	gold := []Chunk{{0, 2, "PER"}, {3, 5, "ORG"}, {7, 8, "LOC"}}
	tests := []struct {
		name string
		pred []Chunk
		want []NERError
	}{
		{"all right", []Chunk{{0, 2, "PER"}, {3, 5, "ORG"}, {7, 8, "LOC"}}, nil},
		{"missed", []Chunk{{0, 2, "PER"}, {3, 5, "ORG"}}, []NERError{{Kind: "missed", Sentence: "s", Gold: "LOC Oslo"}}},
		{"type", []Chunk{{0, 2, "PER"}, {3, 5, "LOC"}, {7, 8, "LOC"}}, []NERError{{Kind: "type", Sentence: "s", Gold: "ORG Norland Bank", Got: "LOC Norland Bank"}}},
		{"boundary", []Chunk{{1, 2, "PER"}, {3, 5, "ORG"}, {7, 8, "LOC"}}, []NERError{{Kind: "boundary", Sentence: "s", Gold: "PER Anna Berg", Got: "PER Berg"}}},
		{"spurious", []Chunk{{0, 2, "PER"}, {3, 5, "ORG"}, {7, 8, "LOC"}, {9, 10, "PER"}}, []NERError{{Kind: "spurious", Sentence: "s", Got: "PER Monday"}}},
	}
	for _, tt := range tests {
		if got := nerErrors("s", toks, gold, tt.pred); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// With KeepErrors, AddDocuments lists the errors of the scored types,
// naming each sentence by its id or its number, and every gold entity not
// found is one missed, type or boundary error.
func TestAddDocumentsErrors(t *testing.T) {
	sents := []NERSentence{
		{ID: "a-1", Doc: 1, Tokens: strings.Fields("Anna visited Oslo"), Labels: strings.Fields("B-PER O B-LOC")},
		{Doc: 2, Tokens: strings.Fields("Norland Bank hired Dale"), Labels: strings.Fields("B-ORG I-ORG O B-MISC")},
	}
	s := NewNERScore([]string{"PER", "ORG", "LOC"})
	s.KeepErrors = true
	s.AddDocuments(sents, false, func(doc [][]string) [][]Chunk {
		out := make([][]Chunk, len(doc))
		if doc[0][0] == "Anna" {
			out[0] = []Chunk{{0, 1, "ORG"}, {2, 3, "LOC"}}
		} else {
			out[0] = []Chunk{{1, 2, "ORG"}, {3, 4, "MISC"}}
		}
		return out
	})
	want := []NERError{
		{Kind: "type", Sentence: "a-1", Gold: "PER Anna", Got: "ORG Anna"},
		{Kind: "boundary", Sentence: "2", Gold: "ORG Norland Bank", Got: "ORG Bank"},
	}
	if !reflect.DeepEqual(s.Errors, want) {
		t.Errorf("errors %+v, want %+v", s.Errors, want)
	}
	s.Finish()
	if s.All.Gold-s.All.Correct != 2 {
		t.Errorf("gold %d correct %d: every gold entity not found is one error", s.All.Gold, s.All.Correct)
	}
}

// With LineGenre set, each genre of line is scored apart and each error
// carries its line's genre.
func TestNERScoreByGenre(t *testing.T) {
	sents := []NERSentence{
		{Doc: 1, Tokens: []string{"Anna", "left"}, Labels: []string{"B-PER", "O"}},
		{Doc: 1, Tokens: []string{"Oslo", "3"}, Labels: []string{"B-ORG", "O"}},
	}
	sc := NewNERScore([]string{"PER", "ORG", "LOC"})
	sc.KeepErrors = true
	sc.LineGenre = func(toks []string) string {
		if toks[1] == "3" {
			return "table"
		}
		return "prose"
	}
	sc.AddDocuments(sents, false, func(doc [][]string) [][]Chunk {
		return [][]Chunk{{{First: 0, Limit: 1, Type: "PER"}}, {{First: 0, Limit: 1, Type: "LOC"}}}
	})
	sc.Finish()
	if p := sc.ByGenre["prose"]; p == nil || p.F1 != 1 {
		t.Errorf("prose: %+v, want F1 1", p)
	}
	if p := sc.ByGenre["table"]; p == nil || p.Gold != 1 || p.Correct != 0 {
		t.Errorf("table: %+v, want 1 gold, none correct", p)
	}
	if len(sc.Errors) != 1 || sc.Errors[0].Genre != "table" || sc.Errors[0].Kind != "type" {
		t.Errorf("errors %+v, want one type error on the table line", sc.Errors)
	}
}

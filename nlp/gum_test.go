package nlp

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/nerfile"
)

// gumSentence builds a sentence from "form/UPOS/Entity" items, the entity
// brackets as GUM writes them in MISC ("(1-person", "1)", "(2-place)").
func gumSentence(items ...string) *corpusSentence {
	s := &corpusSentence{}
	for _, it := range items {
		p := strings.SplitN(it, "/", 3)
		s.Forms = append(s.Forms, p[0])
		s.UPOS = append(s.UPOS, p[1])
		misc := "_"
		if len(p) == 3 {
			misc = "Entity=" + p[2]
		}
		s.Misc = append(s.Misc, misc)
	}
	return s
}

func TestGUMLabels(t *testing.T) {
	tests := []struct {
		name  string
		sent  *corpusSentence
		label string
	}{
		{"coordinated places are two names",
			gumSentence("Warsaw/PROPN/(1-place(2-place)", "and/CCONJ", "Wrocław/PROPN/(3-place)1)"),
			"B-LOC O B-LOC"},
		{"coordinated persons are two names",
			gumSentence("Ben/PROPN/(1-person(2-person", "Chan/PROPN/2)", "and/CCONJ", "Leung/PROPN/(3-person", "Cheung/PROPN/3)1)"),
			"B-PER I-PER O B-PER I-PER"},
		{"a person's party is not part of the name",
			gumSentence("Fernando/PROPN/(1-person", "Cheung/PROPN", "of/ADP", "the/DET/(2-organization", "Labour/PROPN", "Party/PROPN/2)1)"),
			"B-PER I-PER O O B-ORG I-ORG"},
		{"a group of members is no person",
			gumSentence("Members/NOUN/(1-person", "of/ADP", "the/DET/(2-organization", "Sea/PROPN", "Org/PROPN/2)1)"),
			"O O O B-ORG I-ORG"},
		{"one name with a conjunction stays whole",
			gumSentence("National/PROPN/(1-organization", "Aeronautics/PROPN", "and/CCONJ", "Space/PROPN", "Administration/PROPN/1)"),
			"B-ORG I-ORG I-ORG I-ORG I-ORG"},
		{"an organization named after a place stays whole",
			gumSentence("Bank/PROPN/(1-organization", "of/ADP", "America/PROPN/(2-place)1)"),
			"B-ORG I-ORG I-ORG"},
		{"a person named after a place stays whole",
			gumSentence("Hilary/PROPN/(1-person", "of/ADP", "Poitiers/PROPN/(2-place)1)"),
			"B-PER I-PER I-PER"},
		{"a coordination with a name word of its own stays whole",
			gumSentence("Rock/PROPN/(1-place(2-place", "and/CCONJ", "Roll/PROPN/2)", "Museum/PROPN/1)"),
			"B-LOC I-LOC I-LOC I-LOC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(gumLabels(tc.sent), " ")
			if got != tc.label {
				t.Errorf("labels %q, want %q (forms %v)", got, tc.label, tc.sent.Forms)
			}
		})
	}
}

// Each GUM file is one document of the IOB2 file, as training reads it:
// eval ner's document rules and genre stay within an article.
func TestWriteGUMIOB2Documents(t *testing.T) {
	var b strings.Builder
	files := []string{"testdata/train/tiny.conllu", "testdata/train/tiny.conllu"}
	if err := WriteGUMIOB2(&b, files); err != nil {
		t.Fatal(err)
	}
	sents, err := nerfile.Read(strings.NewReader(b.String()), nerfile.FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	one, err := readCoNLLU(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2*len(one) {
		t.Fatalf("%d sentences, want %d", len(sents), 2*len(one))
	}
	if first, second := sents[0].Doc, sents[len(one)].Doc; first == second || sents[len(one)-1].Doc != first {
		t.Errorf("documents %d and %d (last of the first file %d): want one per file", first, second, sents[len(one)-1].Doc)
	}
	if !strings.HasPrefix(b.String(), "# newdoc id = tiny\n") {
		t.Errorf("starts %q, want the file's newdoc line", b.String()[:min(40, b.Len())])
	}
}

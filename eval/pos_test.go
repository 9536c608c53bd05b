package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLUFile("testdata/pos_sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	// The multi-word token line and the empty node are skipped.
	if got, want := sents[1].Forms, []string{"do", "n't", "go"}; !reflect.DeepEqual(got, want) {
		t.Errorf("forms %v, want %v", got, want)
	}
	if got, want := sents[1].UPOS, []string{"AUX", "PART", "VERB"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
	if sents[0].ID != "p-1" {
		t.Errorf("id %q, want p-1", sents[0].ID)
	}
	if _, err := ReadCoNLLU(strings.NewReader("1\ta\tb\n")); err == nil {
		t.Error("a line with 3 columns was accepted")
	}
}

func TestPOSScore(t *testing.T) {
	var s POSScore
	if s.Accuracy() != 0 {
		t.Error("empty score is not 0")
	}
	s.Add([]string{"NOUN", "VERB", "PUNCT"}, []string{"NOUN", "NOUN", "PUNCT"})
	s.Add([]string{"ADJ"}, nil)
	if s.Words != 4 || s.Correct != 2 || s.Accuracy() != 0.5 {
		t.Errorf("score %+v accuracy %v, want 2 of 4", s, s.Accuracy())
	}
	if s.ByTag["VERB"] != [2]int{1, 0} || s.ByTag["NOUN"] != [2]int{1, 1} {
		t.Errorf("by tag %v", s.ByTag)
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add("# text = a\n1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\n\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\tX\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, data string) {
		sents, err := ReadCoNLLU(strings.NewReader(data))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Forms) != len(s.UPOS) || len(s.Forms) == 0 {
				t.Fatalf("sentence with %d forms and %d tags", len(s.Forms), len(s.UPOS))
			}
		}
	})
}

package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

func TestReadAIDA(t *testing.T) {
	docs, err := ReadAIDAFile("testdata/aida/sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "1" || docs[1].Name != "2" {
		t.Fatalf("docs = %+v", docs)
	}
	if want := "Lyra welcomed Ilse Brandt .\nBrandt met Oskar in Lyra ."; docs[0].Text != want {
		t.Errorf("text = %q, want %q", docs[0].Text, want)
	}
	// Oskar is --NME--: not scored.
	want := []XDocMention{
		{0, 0, "http://en.wikipedia.org/wiki/Lyra_Town", ""},
		{2, 3, "http://en.wikipedia.org/wiki/Ilse_Brandt", ""},
		{5, 5, "http://en.wikipedia.org/wiki/Ilse_Brandt", ""},
		{9, 9, "http://en.wikipedia.org/wiki/Lyra_FC", ""},
	}
	if len(docs[0].Gold) != len(want) {
		t.Fatalf("gold = %+v, want %+v", docs[0].Gold, want)
	}
	for i := range want {
		if docs[0].Gold[i] != want[i] {
			t.Errorf("gold[%d] = %+v, want %+v", i, docs[0].Gold[i], want[i])
		}
	}
	sents, err := ReadNERFile("testdata/aida/sample.conll", FormatCoNLL2003)
	if err != nil {
		t.Fatal(err)
	}
	if err := AIDATypes(docs, sents); err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Gold[3].Type; got != "MISC" {
		t.Errorf("type of the second Lyra = %q, want MISC", got)
	}
	if err := AIDATypes(docs[:1], sents); err == nil {
		t.Error("AIDATypes accepted files with different documents")
	}
}

func TestReadAIDAErrors(t *testing.T) {
	for _, in := range []string{
		"Lyra\n",                          // token before a document
		"-DOCSTART- (1)\nLyra\tB\tLyra\n", // too few columns
		"-DOCSTART- (1)\nLyra\tX\tLyra\tLyra_Town\n", // not B or I
	} {
		if _, err := ReadAIDA(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line ") {
			t.Errorf("ReadAIDA(%q) error = %v, want one naming the line", in, err)
		}
	}
}

// TestScoreAIDA: the two Lyras (a town and a club) are put in one entity
// (a wrong merge), the second Ilse Brandt is apart (a missed merge), and
// "Brandt" is bounded differently (a singleton).
func TestScoreAIDA(t *testing.T) {
	docs, err := ReadAIDAFile("testdata/aida/sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	span := func(d XDocDoc, first, last int, e int64) claimgraph.Mention {
		return claimgraph.Mention{Start: d.TokenSpans[first][0], End: d.TokenSpans[last][1], Kind: claimgraph.MentionName, Entity: e}
	}
	a, b := docs[0], docs[1]
	sc := ScoreAIDA(docs, nil, 5, func([]XDocDoc) [][]claimgraph.Mention {
		return [][]claimgraph.Mention{
			{span(a, 0, 0, 1), span(a, 2, 3, 2), span(a, 4, 5, 2), span(a, 9, 9, 1)},
			{span(b, 0, 1, 3)},
		}
	})
	if sc.Gold != 5 || sc.Found != 4 || math.Abs(sc.MentionsFound-0.8) > 1e-9 {
		t.Errorf("gold %d found %d (%.2f), want 5, 4 (0.80)", sc.Gold, sc.Found, sc.MentionsFound)
	}
	// Pairs: predicted together (Lyra, Lyra): 1, wrong. Gold together: the
	// three Ilse Brandts: 3 pairs, none predicted together.
	if sc.Pairwise.P != 0 || sc.Pairwise.R != 0 {
		t.Errorf("pairwise = %+v, want P 0 R 0", sc.Pairwise)
	}
	// B-cubed precision: Lyras 1/2 each, the rest 1: (0.5+0.5+1+1+1)/5.
	if math.Abs(sc.BCubed.P-0.8) > 1e-9 || math.Abs(sc.BCubed.R-(1+1+1.0/3*3)/5) > 1e-9 {
		t.Errorf("bcubed = %+v, want P 0.8 R 0.6", sc.BCubed)
	}
	if len(sc.WrongMerges) != 1 || len(sc.WrongMerges[0].Parts) != 2 || sc.WrongMerges[0].Pairs != 1 {
		t.Errorf("wrong merges = %+v, want the two Lyras", sc.WrongMerges)
	}
	if len(sc.MissedMerges) != 1 || !strings.Contains(sc.MissedMerges[0].Key, "Ilse_Brandt") || sc.MissedMerges[0].Pairs != 3 {
		t.Errorf("missed merges = %+v, want Ilse Brandt over 3 parts", sc.MissedMerges)
	}
	// Types are unset without AIDATypes: nothing is PER.
	if only := ScoreAIDA(docs, []string{"PER"}, 5, func([]XDocDoc) [][]claimgraph.Mention { return nil }); only.Gold != 0 {
		t.Errorf("PER-only gold = %d without types, want 0", only.Gold)
	}
}

func FuzzReadAIDA(f *testing.F) {
	for _, s := range []string{
		"-DOCSTART- (1 X)\nA\tB\tA\tA_\thttp://x/A\t1\t/m/1\nb\n\nC\tB\tC\t--NME--\n",
		"-DOCSTART-\nA\tI\tA\tA_\n",
		"-DOCSTART- (1)\r\nA\r\n\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadAIDA(strings.NewReader(in))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on several lines: %q", err)
			}
			return
		}
		for _, d := range docs {
			for _, s := range d.TokenSpans {
				if s[0] < 0 || s[1] > len(d.Text) || s[0] >= s[1] {
					t.Fatalf("bad token span %v in %q", s, d.Text)
				}
			}
			for _, g := range d.Gold {
				if g.First < 0 || g.Last < g.First || g.Last >= len(d.TokenSpans) || g.Cluster == "" {
					t.Fatalf("bad gold mention %+v", g)
				}
			}
		}
	})
}

package eval

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/catxml"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func TestReadXDoc(t *testing.T) {
	docs, err := ReadXDocPath("testdata/xdoc", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "a" || docs[1].Name != "b" {
		t.Fatalf("docs = %+v", docs)
	}
	a := docs[0]
	if a.Text != "Nordhilfe chief Ilse Brandt visited Lyra .\nBrandt left ." {
		t.Errorf("text = %q", a.Text)
	}
	want := []XDocMention{{0, 0, "ORG1", "ORG"}, {2, 3, "PER1", "PER"}, {5, 5, "a#12", "LOC"}, {7, 7, "PER1", "PER"}}
	if len(a.Gold) != len(want) {
		t.Fatalf("gold = %+v, want %+v (nominal mentions left out)", a.Gold, want)
	}
	for i := range want {
		if a.Gold[i] != want[i] {
			t.Errorf("gold[%d] = %+v, want %+v", i, a.Gold[i], want[i])
		}
	}
}

// mention builds a predicted mention over the tokens [first, last] of d.
func mention(d XDocDoc, first, last int, entity int64) claimgraph.Mention {
	return claimgraph.Mention{Doc: d.Name, Start: d.TokenSpans[first][0], End: d.TokenSpans[last][1], Kind: claimgraph.MentionName, Entity: entity}
}

func TestScoreXDoc(t *testing.T) {
	docs, err := ReadXDocPath("testdata/xdoc", 0)
	if err != nil {
		t.Fatal(err)
	}
	a, b := docs[0], docs[1]
	// The two Lyra mentions are one predicted entity but two gold clusters
	// (b's Lyra has no REFERS_TO target: a cluster of its own); "Brandt" of
	// a is predicted apart from Ilse Brandt; "chief" is spurious; the
	// description is not scored.
	sc := ScoreXDoc(docs, func([]XDocDoc) [][]claimgraph.Mention {
		return [][]claimgraph.Mention{
			{mention(a, 0, 0, 1), mention(a, 1, 1, 9), mention(a, 2, 3, 2), mention(a, 5, 5, 3), mention(a, 7, 7, 4),
				{Start: 0, End: 3, Kind: claimgraph.MentionDescription, Entity: 2}},
			{mention(b, 0, 1, 2), mention(b, 3, 3, 1), mention(b, 5, 5, 3)},
		}
	})
	if sc.Gold != 7 || sc.Predicted != 8 || sc.Mentions.Aligned != 7 || sc.Mentions.Exact != 7 {
		t.Fatalf("counts: %+v", sc)
	}
	// Items (gold/pred): ORG1/1 ×2, PER1/2 ×2, PER1/4, a#12/3, b#3/3.
	p := (1 + 1 + 1 + 1 + 1 + 0.5 + 0.5) / 7
	r := (1 + 1 + 2.0/3 + 2.0/3 + 1.0/3 + 1 + 1) / 7
	if math.Abs(sc.Precision-p) > 1e-9 || math.Abs(sc.Recall-r) > 1e-9 {
		t.Errorf("B-cubed P %.4f R %.4f, want %.4f %.4f", sc.Precision, sc.Recall, p, r)
	}
	if math.Abs(sc.Mentions.Precision-7.0/8) > 1e-9 || math.Abs(sc.Mentions.Recall-1) > 1e-9 {
		t.Errorf("mentions %+v", sc.Mentions)
	}
	// One split (Ilse Brandt over entities 2 and 4), one merge (entity 3: two Lyras).
	if len(sc.Errors) != 2 || sc.Errors[0].Kind != "split" || sc.Errors[0].Key != "PER1" || sc.Errors[0].Mentions != 3 ||
		sc.Errors[1].Kind != "merged" || sc.Errors[1].Key != "3" || len(sc.Errors[1].Parts) != 2 {
		t.Errorf("errors = %+v", sc.Errors)
	}
}

func TestXDocScope(t *testing.T) {
	docs, err := ReadXDocPath("testdata/xdoc/a.xml", 1)
	if err != nil {
		t.Fatal(err)
	}
	// The second sentence holds a gold mention, so the scope reaches it.
	if got := docs[0].Scope; got != 8 {
		t.Errorf("scope = %d tokens, want 8", got)
	}
	d := docs[0]
	sc := ScoreXDoc(docs, func([]XDocDoc) [][]claimgraph.Mention {
		return [][]claimgraph.Mention{{mention(d, 0, 0, 1), mention(d, 9, 9, 2)}}
	})
	if sc.Predicted != 1 {
		t.Errorf("a mention after the annotated scope was scored: predicted %d", sc.Predicted)
	}
}

func TestAlign(t *testing.T) {
	gold := []XDocMention{{First: 0, Last: 2}, {First: 5, Last: 5}, {First: 8, Last: 9}}
	pred := []predMention{{first: 1, last: 2}, {first: 5, last: 6}, {first: 20, last: 20}, {first: 0, last: 2}}
	got := align(gold, pred)
	want := map[[2]int]bool{{0, 3}: true, {1, 1}: true}
	if len(got) != len(want) {
		t.Fatalf("align = %v, want %v", got, want)
	}
	for _, a := range got {
		if !want[a] {
			t.Errorf("unexpected alignment %v", a)
		}
	}
}

// TestReadMeantime reads the shared MEANTIME corpora and checks their gold.
func TestReadMeantime(t *testing.T) {
	dir := shareddata.Path(t, "data/meantime-dev/intra_cross-doc_annotation")
	docs, err := ReadXDocPath(dir, 6)
	if err != nil {
		t.Fatal(err)
	}
	var gold, clustered int
	for _, d := range docs {
		for _, g := range d.Gold {
			gold++
			if !strings.Contains(g.Cluster, "#") {
				clustered++
			}
			if g.Last >= len(d.TokenSpans) || g.First > g.Last {
				t.Fatalf("%s: bad gold range %+v", d.Name, g)
			}
		}
	}
	if len(docs) < 2 || gold == 0 || clustered*2 < gold {
		t.Fatalf("%d docs, %d gold named mentions, %d with a corpus instance", len(docs), gold, clustered)
	}
	t.Logf("%d documents, %d gold named mentions, %d with a corpus instance", len(docs), gold, clustered)
}

func FuzzXDocFromCAT(f *testing.F) {
	for _, p := range []string{"testdata/xdoc/a.xml", "testdata/xdoc/b.xml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := catxml.Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		x := XDocFromCAT("f", d, 1)
		for _, g := range x.Gold {
			if g.First < 0 || g.Last >= len(x.TokenSpans) || g.First > g.Last || g.Cluster == "" || g.Last >= x.Scope {
				t.Fatalf("bad gold mention %+v", g)
			}
		}
	})
}

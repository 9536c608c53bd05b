package resolve

import (
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/internal/shareddata"
	"github.com/claimgraph/claimgraph/nlp"
)

// pipelineXDoc runs the entity layer as claimgraph eval xdoc does.
func pipelineXDoc(docs []eval.XDocDoc) [][]claimgraph.Mention {
	texts := make([]Text, len(docs))
	for i, d := range docs {
		texts[i] = Text{Doc: d.Name, Text: d.Text}
	}
	return ResolveTexts(nlp.Default(), texts, nil)
}

// TestMeantimeXDoc scores cross-document resolution on the MEANTIME dev
// corpora; the floor is B-cubed F1 0.80.
func TestMeantimeXDoc(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the NER model over 60 documents")
	}
	dir := shareddata.Path(t, "data/meantime-dev/intra_cross-doc_annotation")
	docs, err := eval.ReadXDocPath(dir, 6)
	if err != nil {
		t.Fatal(err)
	}
	sc := eval.ScoreXDoc(docs, pipelineXDoc)
	t.Logf("docs %d gold %d predicted %d aligned %d (exact %d); B-cubed P %.3f R %.3f F1 %.3f; mentions P %.3f R %.3f F1 %.3f; %d gold clusters, %d entities",
		sc.Docs, sc.Gold, sc.Predicted, sc.Mentions.Aligned, sc.Mentions.Exact, sc.BCubed.Precision, sc.BCubed.Recall, sc.BCubed.F1,
		sc.Mentions.Precision, sc.Mentions.Recall, sc.Mentions.F1, sc.GoldClust, sc.Entities)
	if sc.BCubed.F1 < 0.80 {
		t.Errorf("B-cubed F1 %.3f < 0.80", sc.BCubed.F1)
	}
}

package claim

import (
	"testing"

	"github.com/claimgraph/claimgraph/nlp"
)

// TestOpenIE: sentences written for this test, each with the extractions
// that must be among the output (arg1 | relation | arg2, arg2 "" for none).
func TestOpenIE(t *testing.T) {
	tests := []struct {
		text string
		want [][3]string
	}{
		{"The storm flooded the old harbor and damaged three bridges.", [][3]string{
			{"The storm", "flooded", "the old harbor"}, {"The storm", "damaged", "three bridges"}}},
		{"The council approved the plan, which was drafted by two engineers.", [][3]string{
			{"The council", "approved", "the plan"}, {"the plan", "was drafted by", "two engineers"}}},
		{"Maria Lind was born in a small town near the coast.", [][3]string{
			{"Maria Lind", "was born in", "a small town near the coast"}}},
		{"The mayor said the bridge would reopen in May.", [][3]string{
			{"The mayor", "said", "the bridge would reopen in May"}, {"the bridge", "would reopen in", "May"}}},
	}
	pipe := nlp.Default()
	for _, tc := range tests {
		a := pipe.Analyze(tc.text)
		got := map[[3]string]float64{}
		for _, x := range OpenIE(tc.text, a.Tokens, 0, len(a.Tokens)) {
			if tc.text[x.Arg1.Start:x.Arg1.End] != x.Arg1.Text || tc.text[x.Relation.Start:x.Relation.End] != x.Relation.Text {
				t.Errorf("%q: a span does not hold its text: %+v", tc.text, x)
			}
			if x.Confidence <= 0 || x.Confidence > 1 {
				t.Errorf("%q: confidence %.2f out of (0,1]", tc.text, x.Confidence)
			}
			k := [3]string{x.Arg1.Text, x.Relation.Text, ""}
			if len(x.Args) > 0 {
				k[2] = x.Args[0].Text
			}
			got[k] = x.Confidence
		}
		for _, w := range tc.want {
			if _, ok := got[w]; !ok {
				t.Errorf("%q: missing %q; got %v", tc.text, w, got)
			}
		}
	}
}

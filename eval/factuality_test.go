package eval

import (
	"bytes"
	"math"
	"testing"

	"github.com/claimgraph/claimgraph/catxml"
)

// TestScoreFactuality scores hand-written guesses on a fixture with two
// attributed events (the third has no attributes and is not scored).
func TestScoreFactuality(t *testing.T) {
	docs, err := ReadFactualityPath("testdata/factuality")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Events) != 2 {
		t.Fatalf("got %d docs, events %+v", len(docs), docs)
	}
	d := docs[0]
	if got := d.Text[d.Events[0].Start:d.Events[0].End]; got != "approve" {
		t.Fatalf("first event at %q", got)
	}
	// Both polarities right, the second certainty wrong, one time wrong.
	sc := ScoreFactuality(docs, func(text string, spans [][2]int) []FactGuess {
		return []FactGuess{{"NEG", "CERTAIN", "NON_FUTURE"}, {"POS", "CERTAIN", "NON_FUTURE"}}
	})
	want := map[string][2]float64{
		"polarity": {sc.PolarityAccuracy, 1}, "neg recall": {sc.NegRecall, 1}, "neg precision": {sc.NegPrecision, 1},
		"certainty": {sc.CertaintyAccuracy, 0.5}, "uncertain recall": {sc.UncertainRecall, 0}, "time": {sc.TimeAccuracy, 0.5},
	}
	for k, v := range want {
		if math.Abs(v[0]-v[1]) > 1e-9 {
			t.Errorf("%s %.3f, want %.3f", k, v[0], v[1])
		}
	}
	if _, err := ReadFactualityPath("testdata/no-such-dir"); err == nil {
		t.Error("a missing path gave no error")
	}
}

func FuzzFactDoc(f *testing.F) {
	f.Add([]byte(`<Document><token t_id="1" sentence="0" number="0">x</token><Markables><EVENT_MENTION m_id="1" polarity="NEG"><token_anchor t_id="1"/></EVENT_MENTION></Markables></Document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := catxml.Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		fd := factDoc("fuzz", d)
		for _, e := range fd.Events {
			if e.Start < 0 || e.End > len(fd.Text) || e.Start > e.End {
				t.Fatalf("event span %d-%d outside the text of %d bytes", e.Start, e.End, len(fd.Text))
			}
		}
		ScoreFactuality([]FactDoc{fd}, func(string, [][2]int) []FactGuess { return nil })
	})
}

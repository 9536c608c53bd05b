package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalQuotesJSON(t *testing.T) {
	out, errs, err := run(t, "", "eval", "quotes", "--json", "../../eval/testdata/brat")
	if err != nil {
		t.Fatalf("eval quotes: %v\n%s", err, errs)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"task", "precision", "recall", "f1", "gold", "predicted", "speaker_accuracy", "cue_accuracy"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing field %q in %s", k, out)
		}
	}
	if got["task"] != "quotes" || got["gold"] != 36.0 {
		t.Errorf("task/gold = %v/%v, want quotes/36", got["task"], got["gold"])
	}
	// The fixtures are constructed to cover the patterns the extractor
	// handles; a drop below these floors is a regression.
	if f1 := got["f1"].(float64); f1 < 0.9 {
		t.Errorf("f1 = %v, want >= 0.9", f1)
	}
	if a := got["speaker_accuracy"].(float64); a < 0.85 {
		t.Errorf("speaker_accuracy = %v, want >= 0.85", a)
	}
}

func TestEvalQuotesErrors(t *testing.T) {
	_, _, err := run(t, "", "eval", "quotes", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "no .ann files") {
		t.Errorf("err = %v, want a no .ann files error", err)
	}
}

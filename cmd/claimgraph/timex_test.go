package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/eval"
)

func runTimexCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

const timexInput = "The rebels seized the town last June. Two months ago, officials said on Wednesday, the siege had lasted 40 days."

func TestTimexCommand(t *testing.T) {
	out, _, err := runTimexCmd(t, timexInput, "timex", "--date", "2015-02-15")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\tDATE\t2014-06\t-\trel-unit\tlast June", "\tDATE\t2014-12\t-\tago\tTwo months ago", "\tDATE\t2015-02-11\t", "\tDURATION\tP40D\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runTimexCmd(t, timexInput, "timex", "--json", "-")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		File  string `json:"file"`
		Times []struct {
			Text     string `json:"text"`
			Value    string `json:"value"`
			Relative bool   `json:"relative"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
		} `json:"times"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got.File != "-" || len(got.Times) != 4 || got.Times[0].Text != "last June" || got.Times[0].Value != "" || !got.Times[0].Relative {
		t.Errorf("without --date: %+v", got)
	}
	for _, x := range got.Times {
		if timexInput[x.Start:x.End] != x.Text {
			t.Errorf("span %d-%d is not %q", x.Start, x.End, x.Text)
		}
	}
	if _, _, err := runTimexCmd(t, "", "timex", "testdata/absent.txt"); err == nil || !strings.Contains(err.Error(), "absent.txt") {
		t.Errorf("missing file: %v", err)
	}
}

// TestTimexTimeMLOut writes TimeML and scores it as gold against the same
// recognizer: a perfect score shows the files carry every expression.
func TestTimexTimeMLOut(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(in, []byte(timexInput), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "tml")
	if _, stderr, err := runTimexCmd(t, "", "timex", "--date", "2015-02-15", "--timeml-out", outDir, in); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	d, err := eval.ReadTimeMLFile(filepath.Join(outDir, "story.tml"))
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT != "2015-02-15" || d.Text != timexInput || len(d.Gold) != 4 || d.Gold[0].Value != "2014-06" {
		t.Errorf("TimeML read back: DCT %q, %d expressions %+v", d.DCT, len(d.Gold), d.Gold)
	}
	out, _, err := runTimexCmd(t, "", "eval", "timex", "--json", outDir)
	if err != nil {
		t.Fatal(err)
	}
	var sc map[string]any
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatal(err)
	}
	if sc["task"] != "timex" || sc["value_f1"] != 1.0 || sc["gold"] != 4.0 {
		t.Errorf("eval on our own TimeML: %s", out)
	}
}

func TestEvalTimexCommand(t *testing.T) {
	out, _, err := runTimexCmd(t, "", "eval", "timex", "--json", "../../eval/testdata/timex")
	if err != nil {
		t.Fatal(err)
	}
	var sc map[string]any
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"task", "precision", "recall", "f1", "gold", "predicted", "strict", "relaxed", "type_accuracy", "value_accuracy", "value_f1"} {
		if _, ok := sc[k]; !ok {
			t.Errorf("--json lacks %q: %s", k, out)
		}
	}
	if sc["gold"] != 9.0 || sc["recall"] != 1.0 {
		t.Errorf("fixture scores: %s", out)
	}
	text, _, err := runTimexCmd(t, "", "eval", "timex", "--errors", "5", "../../eval/testdata/timex")
	if err != nil || !strings.Contains(text, "value ") || !strings.Contains(text, "spurious") {
		t.Errorf("text output (%v):\n%s", err, text)
	}
	if _, _, err := runTimexCmd(t, "", "eval", "timex"); err == nil {
		t.Error("no paths: no error")
	}
	if _, _, err := runTimexCmd(t, "", "eval", "timex", "testdata/absent-dir"); err == nil {
		t.Error("missing path: no error")
	}
}

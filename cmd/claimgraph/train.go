package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/claimgraph/claimgraph/nlp"
)

// cmdTrain trains the POS tagger or the NER model from the shared annotated
// data (or files given on the command line) and writes a gzip model file.
func cmdTrain(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 || (args[0] != "pos" && args[0] != "ner") {
		fmt.Fprintln(m.Stderr, "Usage: claimgraph train pos|ner [--seed N] [--iters N] --out FILE [TRAIN FILES...]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return fmt.Errorf("train: want pos or ner")
	}
	what := args[0]
	fs := m.newFlags("train "+what, "[TRAIN FILES...]", `
Train the `+what+` model and write it (gzip) to --out. The same data and seed
give the same bytes. Without files, reads the project's shared data:
  pos: ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu
  ner: ../shared/data/uner-english-ewt/en_ewt-ud-train.iob2 and the person,
       organization and place names of ../shared/data/gum/dep/*.conllu
Files ending in .conllu are CoNLL-U; for ner, .iob2 files are Universal NER.`)
	seed := fs.Int64("seed", 1, "seed for the training order")
	iters := fs.Int("iters", 0, "passes over the training data (0: the default)")
	out := fs.String("out", "", "model file to write")
	shared := fs.String("shared", "", "shared data folder (default: ../shared beside the module, or $CLAIMGRAPH_SHARED)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return fmt.Errorf("train %s: --out is required", what)
	}
	files := fs.Args()
	if len(files) == 0 {
		root := *shared
		if root == "" {
			root = m.Getenv("CLAIMGRAPH_SHARED")
		}
		if root == "" {
			root = "../shared"
		}
		var err error
		files, err = defaultTrainFiles(what, root)
		if err != nil {
			return err
		}
	}
	logf := func(format string, a ...any) { fmt.Fprintf(m.Stderr, format+"\n", a...) }
	start := time.Now()
	var buf bytes.Buffer
	var err error
	switch what {
	case "pos":
		err = nlp.TrainPOS(&buf, files, nlp.POSOptions{Seed: *seed, Iters: *iters}, logf)
	case "ner":
		err = nlp.TrainNER(&buf, files, nlp.NEROptions{Seed: *seed, Iters: *iters}, logf)
	}
	if err != nil {
		return fmt.Errorf("train %s: %w", what, err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train %s: write %s: %w", what, *out, err)
	}
	fmt.Fprintf(m.Stdout, "wrote %s (%d bytes) in %s\n", *out, buf.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}

func defaultTrainFiles(what, root string) ([]string, error) {
	var files []string
	switch what {
	case "pos":
		files = []string{filepath.Join(root, "data/ud-english-ewt/en_ewt-ud-train.conllu")}
	case "ner":
		files = []string{filepath.Join(root, "data/uner-english-ewt/en_ewt-ud-train.iob2")}
		gum, err := filepath.Glob(filepath.Join(root, "data/gum/dep/*.conllu"))
		if err != nil {
			return nil, fmt.Errorf("list GUM files: %w", err)
		}
		files = append(files, gum...)
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("training data: %w (give --shared or the files)", err)
		}
	}
	return files, nil
}

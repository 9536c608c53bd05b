package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
)

// evalPOS scores the embedded POS tagger on CoNLL-U files' own words.
func evalPOS(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval pos", "FILE.conllu...", `
Tag the words of CoNLL-U files with the embedded tagger and print UPOS
accuracy, overall and by gold tag.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval pos: no files")
	}
	tagger := nlp.Default().POS()
	var sc eval.POSScore
	for _, path := range fs.Args() {
		sents, err := eval.ReadCoNLLUFile(path)
		if err != nil {
			return fmt.Errorf("eval pos: %w", err)
		}
		for _, s := range sents {
			if err := ctx.Err(); err != nil {
				return err
			}
			toks := make([]nlp.Token, len(s.Forms))
			for i, f := range s.Forms {
				toks[i] = nlp.Token{Text: f}
			}
			tagger.TagTokens(toks)
			pred := make([]string, len(toks))
			for i, t := range toks {
				pred[i] = t.POS
			}
			sc.Add(s.UPOS, pred)
		}
	}
	acc := sc.Accuracy()
	if *asJSON {
		byTag := map[string]float64{}
		for t, c := range sc.ByTag {
			byTag[t] = float64(c[1]) / float64(c[0])
		}
		// For a tagger, every word is both gold and predicted: precision,
		// recall and F1 all equal the accuracy.
		return json.NewEncoder(m.Stdout).Encode(map[string]any{
			"task": "pos", "accuracy": acc, "precision": acc, "recall": acc, "f1": acc,
			"gold": sc.Words, "predicted": sc.Words, "correct": sc.Correct, "by_tag": byTag,
		})
	}
	fmt.Fprintf(m.Stdout, "UPOS accuracy: %.2f%% (%d of %d words)\n", 100*acc, sc.Correct, sc.Words)
	tags := make([]string, 0, len(sc.ByTag))
	for t := range sc.ByTag {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		c := sc.ByTag[t]
		fmt.Fprintf(m.Stdout, "  %-6s %6.2f%% of %d\n", t, 100*float64(c[1])/float64(c[0]), c[0])
	}
	return nil
}

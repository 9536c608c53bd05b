package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/extract/timex"
)

// evalTimex scores the time-expression recognizer on TimeML or CAT XML files.
func evalTimex(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval timex", "PATH...", `
Run the time-expression recognizer on the text of TimeML (.tml) files or
NewsReader CAT XML files (a directory of either is taken whole), each with its
own creation time, and print strict and relaxed extent precision, recall and
F1, type and value accuracy over relaxed matches, and value F1. The top-level
precision, recall and f1 of --json are the relaxed ones.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	catScope := fs.Int("cat-sentences", 6, "score only the first N sentences of CAT XML files, the part MEANTIME annotates with time expressions (0: all)")
	errors := fs.Int("errors", 0, "also print up to N disagreements (missed, spurious, type, value)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval timex: no paths")
	}
	var docs []eval.TimexDoc
	for _, p := range fs.Args() {
		ds, err := eval.ReadTimexPath(p, *catScope)
		if err != nil {
			return fmt.Errorf("eval timex: %w", err)
		}
		docs = append(docs, ds...)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval timex: no TimeML or CAT XML documents in %v", fs.Args())
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	sc := eval.ScoreTimex(docs, func(text, dct string) []claimgraph.TimeExpr {
		return timex.Recognize(text, nil, dct)
	})
	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(sc)
	}
	fmt.Fprintf(m.Stdout, "documents %d, gold %d, predicted %d\n", sc.Docs, sc.Gold, sc.Predicted)
	fmt.Fprintf(m.Stdout, "strict  extent  P %.3f  R %.3f  F1 %.3f\n", sc.Strict.Precision, sc.Strict.Recall, sc.Strict.F1)
	fmt.Fprintf(m.Stdout, "relaxed extent  P %.3f  R %.3f  F1 %.3f\n", sc.Relaxed.Precision, sc.Relaxed.Recall, sc.Relaxed.F1)
	fmt.Fprintf(m.Stdout, "type accuracy %.3f, value accuracy %.3f (over relaxed matches)\n", sc.TypeAccuracy, sc.ValueAccuracy)
	fmt.Fprintf(m.Stdout, "value           P %.3f  R %.3f  F1 %.3f\n", sc.Value.Precision, sc.Value.Recall, sc.ValueF1)
	for i, e := range sc.Errors {
		if i >= *errors {
			break
		}
		fmt.Fprintf(m.Stdout, "%-8s %s@%d  gold=%q  pred=%q\n", e.Kind, e.Doc, e.Start, e.Gold, e.Pred)
	}
	return nil
}

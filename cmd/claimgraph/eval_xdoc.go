package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

// evalXDoc scores cross-document entity resolution on NewsReader CAT XML.
func evalXDoc(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval xdoc", "PATH...", `
Run the project's entity pipeline (NER, alias assertions, within-document
mentions and chains, cross-document resolution) on the text of NewsReader CAT
XML documents rebuilt from their tokens (a directory is read whole, all its
documents resolved together), align the predicted named mentions to the gold
named mentions (syntactic_type NAM) by token span, and print B-cubed
precision, recall and F1 of the cross-document clustering over the aligned
mentions, and mention-detection precision, recall and F1. The top-level
precision, recall and f1 of --json are the B-cubed ones.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	errs := fs.Int("errors", 0, "also print the N largest clustering mistakes (gold clusters split, entities merging clusters)")
	scope := fs.Int("cat-sentences", 6, "score only mentions in the first N sentences of each document, the part MEANTIME annotates with entity mentions (0: all)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval xdoc: no paths")
	}
	var docs []eval.XDocDoc
	for _, p := range fs.Args() {
		ds, err := eval.ReadXDocPath(p, *scope)
		if err != nil {
			return fmt.Errorf("eval xdoc: %w", err)
		}
		docs = append(docs, ds...)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval xdoc: no CAT XML documents in %v", fs.Args())
	}
	pipe := nlp.Default()
	var cancelled error
	sc := eval.ScoreXDoc(docs, func(docs []eval.XDocDoc) [][]claimgraph.Mention {
		return resolve.ResolveTexts(pipe, xdocTexts(docs), func() bool {
			cancelled = ctx.Err()
			return cancelled != nil
		})
	})
	if cancelled != nil {
		return cancelled
	}
	if len(sc.Errors) > *errs {
		sc.Errors = sc.Errors[:*errs]
	}
	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(sc)
	}
	fmt.Fprintf(m.Stdout, "documents %d, gold named mentions %d, predicted %d, aligned %d (%d exact)\n",
		sc.Docs, sc.Gold, sc.Predicted, sc.Mentions.Aligned, sc.Mentions.Exact)
	fmt.Fprintf(m.Stdout, "B-cubed   P %.3f  R %.3f  F1 %.3f  (%d gold clusters, %d predicted entities over aligned mentions)\n",
		sc.BCubed.Precision, sc.BCubed.Recall, sc.BCubed.F1, sc.GoldClust, sc.Entities)
	fmt.Fprintf(m.Stdout, "mentions  P %.3f  R %.3f  F1 %.3f\n", sc.Mentions.Precision, sc.Mentions.Recall, sc.Mentions.F1)
	for _, e := range sc.Errors {
		fmt.Fprintf(m.Stdout, "%-6s %s (%d mentions):", e.Kind, e.Key, e.Mentions)
		keys := make([]string, 0, len(e.Parts))
		for k := range e.Parts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(m.Stdout, " [%s: %q]", k, e.Parts[k])
		}
		fmt.Fprintln(m.Stdout)
	}
	return nil
}

// xdocTexts turns scored documents into the texts the entity layer reads.
func xdocTexts(docs []eval.XDocDoc) []resolve.Text {
	out := make([]resolve.Text, len(docs))
	for i, d := range docs {
		out[i] = resolve.Text{Doc: d.Name, Text: d.Text}
	}
	return out
}

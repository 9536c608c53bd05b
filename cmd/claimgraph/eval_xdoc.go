package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

// evalXDoc scores cross-document entity resolution on NewsReader CAT XML
// or the AIDA CoNLL-YAGO TSV.
func evalXDoc(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval xdoc", "PATH...", `
With --format aida (PATH: an AIDA CoNLL-YAGO TSV file), each document is
rebuilt from its tokens (a sentence a line) and analysed as an article, all
resolved together; every gold name linked to a Wikipedia article is mapped to
the mention found with exactly its span (one missed or bounded differently
stays alone), and B-cubed and pairwise precision, recall and F1 are printed,
with the system entities mixing most articles (wrong merges) and the articles
spread over most entities (missed merges). --conll gives the CoNLL-2003 file
of the same documents: only its PER, ORG and LOC names are then scored.

With --format cat (the default), run the project's entity pipeline (NER, alias assertions, within-document
mentions and chains, cross-document resolution) on the text of NewsReader CAT
XML documents rebuilt from their tokens (a directory is read whole, all its
documents resolved together), align the predicted named mentions to the gold
named mentions (syntactic_type NAM) by token span, and print B-cubed
precision, recall and F1 of the cross-document clustering over the aligned
mentions, and mention-detection precision, recall and F1. The top-level
precision, recall and f1 of --json are the B-cubed ones.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	errs := fs.Int("errors", -1, "also print the N largest clustering mistakes (gold clusters split, entities merging clusters); default 0 for cat, 10 for aida")
	format := fs.String("format", "cat", "input format: cat (NewsReader CAT XML files or directories) or aida (AIDA CoNLL-YAGO TSV)")
	conll := fs.String("conll", "", "with --format aida: the CoNLL-2003 file of the same documents, for PER/ORG/LOC types")
	scope := fs.Int("cat-sentences", 6, "score only mentions in the first N sentences of each document, the part MEANTIME annotates with entity mentions (0: all)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval xdoc: no paths")
	}
	switch *format {
	case "aida":
		return evalAIDA(ctx, m, fs.Args(), *conll, *asJSON, *errs)
	case "cat":
	default:
		return fmt.Errorf("eval xdoc: unknown --format %q (want cat or aida)", *format)
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
	if *errs < 0 {
		*errs = 0
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

// evalAIDA is eval xdoc --format aida.
func evalAIDA(ctx context.Context, m *Main, paths []string, conll string, asJSON bool, top int) error {
	if top < 0 {
		top = 10
	}
	var docs []eval.XDocDoc
	for _, p := range paths {
		ds, err := eval.ReadAIDAFile(p)
		if err != nil {
			return fmt.Errorf("eval xdoc: %w", err)
		}
		docs = append(docs, ds...)
	}
	var types []string
	if conll != "" {
		sents, err := eval.ReadNERFile(conll, eval.FormatCoNLL2003)
		if err != nil {
			return fmt.Errorf("eval xdoc: %w", err)
		}
		if err := eval.AIDATypes(docs, sents); err != nil {
			return fmt.Errorf("eval xdoc: %s and %s: %w", conll, strings.Join(paths, ", "), err)
		}
		types = []string{claimgraph.TypePER, claimgraph.TypeORG, claimgraph.TypeLOC}
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval xdoc: no documents in %v", paths)
	}
	pipe := nlp.Default()
	var cancelled error
	sc := eval.ScoreAIDA(docs, types, top, func(docs []eval.XDocDoc) [][]claimgraph.Mention {
		return resolve.ResolveTexts(pipe, xdocTexts(docs), func() bool {
			cancelled = ctx.Err()
			return cancelled != nil
		})
	})
	if cancelled != nil {
		return cancelled
	}
	if asJSON {
		return json.NewEncoder(m.Stdout).Encode(sc)
	}
	w := m.Stdout
	fmt.Fprintf(w, "documents %d, gold linked mentions %d, found with the exact span %d (%.3f)\n", sc.Docs, sc.Gold, sc.Found, sc.MentionsFound)
	fmt.Fprintf(w, "B-cubed   P %.3f  R %.3f  F1 %.3f\n", sc.BCubed.P, sc.BCubed.R, sc.BCubed.F1)
	fmt.Fprintf(w, "pairwise  P %.3f  R %.3f  F1 %.3f\n", sc.Pairwise.P, sc.Pairwise.R, sc.Pairwise.F1)
	show := func(title string, ms []eval.AIDAMixing) {
		if len(ms) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, x := range ms {
			fmt.Fprintf(w, "%s (%d wrong pairs)\n", x.Key, x.Pairs)
			for _, p := range x.Parts {
				fmt.Fprintf(w, "    %5d  %s: %s\n", p.Mentions, p.Key, strings.Join(p.Examples, "; "))
			}
		}
	}
	show("wrong merges (system entities mixing gold articles):", sc.WrongMerges)
	show("missed merges (gold articles spread over system entities):", sc.MissedMerges)
	return nil
}

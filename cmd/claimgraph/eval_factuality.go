package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/extract/claim"
	"github.com/claimgraph/claimgraph/nlp"
)

// evalFactuality scores the factuality of predicates on NewsReader CAT XML.
func evalFactuality(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval factuality", "FILE|DIR...", `
Score factuality on NewsReader CAT XML (MEANTIME): for each gold EVENT_MENTION
with polarity, certainty or time, the program's factuality of the predicate
at the event's first token (on the text rebuilt from the tokens, tagged by
the project's pipeline) is compared with the gold attributes. Prints the
accuracy of each attribute over the events that have it (certainty over
CERTAIN, PROBABLE and POSSIBLE), the recall and precision of NEG, and the
recall and precision of non-CERTAIN certainty. The top-level precision,
recall and f1 of --json are NEG's.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	showErrors := fs.Int("errors", 0, "print up to N wrong polarities and certainties (human output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval factuality: no paths")
	}
	var docs []eval.FactDoc
	for _, p := range fs.Args() {
		ds, err := eval.ReadFactualityPath(p)
		if err != nil {
			return fmt.Errorf("eval factuality: %w", err)
		}
		docs = append(docs, ds...)
	}
	pipe := nlp.Default()
	sc := eval.ScoreFactuality(docs, func(text string, spans [][2]int) []eval.FactGuess {
		if ctx.Err() != nil {
			return nil
		}
		a := pipe.Analyze(text)
		out := make([]eval.FactGuess, len(spans))
		for i, sp := range spans {
			p := sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k].End > sp[0] })
			if p >= len(a.Tokens) {
				continue
			}
			sf, sl := 0, len(a.Tokens)
			for _, s := range a.Sentences {
				if s.First <= p && p < s.Limit {
					sf, sl = s.First, s.Limit
				}
			}
			f := claim.Factuality(a.Tokens, sf, sl, p)
			out[i] = eval.FactGuess{Polarity: f.Polarity, Certainty: f.Certainty, Time: f.Time}
		}
		return out
	})
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("eval factuality: %w", err)
	}
	if *asJSON {
		errs := sc.Errors
		sc.Errors = nil
		defer func() { sc.Errors = errs }()
		return m.printJSON(sc)
	}
	w := m.Stdout
	fmt.Fprintf(w, "documents %d  events %d\n", sc.Documents, sc.Events)
	fmt.Fprintf(w, "polarity  accuracy %.3f  NEG recall %.3f  precision %.3f (gold %d, predicted %d)\n", sc.PolarityAccuracy, sc.NegRecall, sc.NegPrecision, sc.Gold, sc.Predicted)
	fmt.Fprintf(w, "certainty accuracy %.3f  non-CERTAIN recall %.3f  precision %.3f\n", sc.CertaintyAccuracy, sc.UncertainRecall, sc.UncertainPrecision)
	fmt.Fprintf(w, "time      accuracy %.3f\n", sc.TimeAccuracy)
	for i, e := range sc.Errors {
		if i >= *showErrors {
			break
		}
		fmt.Fprintf(w, "%-9s %s: got %s want %s: %s\n", e.Attribute, e.Doc, e.Got, e.Want, e.Context)
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/extract/alias"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/nlp"
	"github.com/claimgraph/claimgraph/resolve"
)

// evalQuotes scores quote extraction on brat standoff attribution files.
func evalQuotes(ctx context.Context, m *Main, args []string) (retErr error) {
	fs := m.newFlags("eval quotes", "DIR...", `
Score quote extraction on brat standoff files: every NAME.ann under DIR with
its NAME.txt, where T lines are spans typed Source, Cue or Content and each
attribution is an E line (Cue:T Source:T Content:T) or R lines linking them.
A predicted content matches a gold one when they overlap by at least half of
the longer span (one-to-one), or when it half-overlaps one fragment of a
discontinuous gold content. Over matched contents, speaker accuracy counts
predicted speaker spans that overlap the gold Source span, and cue accuracy
predicted cue spans that overlap the gold Cue span. A speaker also counts
when it resolves to the gold source's name ("he" resolved to the person
the gold source names), and a speaker that is the antecedent of a gold
source written as a relative pronoun ("X, who said"). The scores are also
broken down by form (direct, mixed, indirect: the gold content's quote marks,
the prediction's own form) and by cue class (speech: verbs of saying and
"according to"; other: beliefs, intentions, findings, accusations, ...);
--json gives them as "by_form" and "by_cue". The pipeline is the ingest one: tagging and
entities, within-document mentions, then quotes.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	showErrors := fs.Int("errors", 0, "print up to N scoring errors (human output)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval quotes: no directory given")
	}
	var docs []eval.BratDoc
	var skipped error
	for _, dir := range fs.Args() {
		d, err := eval.ReadBratDir(dir)
		if err != nil && len(d) == 0 {
			return fmt.Errorf("eval quotes: %w", err)
		}
		if err != nil {
			// Each unreadable file is reported on its own line; the rest
			// are scored and the exit status says something failed.
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintf(m.Stderr, "claimgraph: eval quotes: %s\n", line)
			}
			skipped = fmt.Errorf("eval quotes: %s: some files could not be read", dir)
		}
		docs = append(docs, d...)
	}
	defer func() {
		if skipped != nil && retErr == nil {
			retErr = skipped
		}
	}()
	pipe := nlp.Default()
	sc := eval.ScoreQuotes(docs, func(name, text string) []claimgraph.Quote {
		if ctx.Err() != nil {
			return nil
		}
		a := pipe.Analyze(text)
		ms := resolve.Mentions(name, text, a, alias.Find(name, text, a, nil))
		return quote.Extract(name, text, a, ms, nil)
	})
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	if *asJSON {
		errs := sc.Errors
		sc.Errors = nil
		defer func() { sc.Errors = errs }()
		return m.printJSON(sc)
	}
	w := m.Stdout
	fmt.Fprintf(w, "documents %d  gold %d  predicted %d  matched %d\n", sc.Documents, sc.Gold, sc.Predicted, sc.Matched)
	fmt.Fprintf(w, "content   P %.3f  R %.3f  F1 %.3f\n", sc.Precision, sc.Recall, sc.F1)
	fmt.Fprintf(w, "speaker   %.3f (%d/%d)\n", sc.SpeakerAccuracy, sc.SpeakerCorrect, sc.SpeakerScored)
	fmt.Fprintf(w, "cue       %.3f (%d/%d)\n", sc.CueAccuracy, sc.CueCorrect, sc.CueScored)
	for _, part := range []struct {
		name string
		m    map[string]*eval.QuoteBreakdown
	}{{"form", sc.ByForm}, {"cue", sc.ByCue}} {
		keys := make([]string, 0, len(part.m))
		for k := range part.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b := part.m[k]
			fmt.Fprintf(w, "%-4s %-9s P %.3f  R %.3f  F1 %.3f  (gold %d, predicted %d)\n", part.name, k, b.Precision, b.Recall, b.F1, b.Gold, b.Predicted)
		}
	}
	for i, e := range sc.Errors {
		if i >= *showErrors {
			break
		}
		fmt.Fprintf(w, "%-8s %s: %q", e.Class, e.Doc, e.Text)
		if e.Got != "" || e.Want != "" {
			fmt.Fprintf(w, " got %q want %q", e.Got, e.Want)
		}
		fmt.Fprintln(w)
	}
	return nil
}

package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/eval"

	"github.com/claimgraph/claimgraph/extract/claim"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/nlp"
)

// cmdOpenIE runs Open IE over one sentence a line and prints what Open IE
// benchmark scorers read.
func cmdOpenIE(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("openie", "< SENTENCES", `
Read one sentence a line on stdin and print, per extraction,
sentence<TAB>confidence<TAB>relation<TAB>arg1[<TAB>arg2] (the tab-separated
form the CaRB and OIE2016 scorers read; a passive keeps its surface order). One extraction per verb group:
arg1 is the phrase before it back to its clause's start (or a relative
pronoun's antecedent, or the subject of the verb it is coordinated with),
the relation is the verb group with a preposition right after it, arg2 the
rest of the clause as a whole phrase; confidence falls for inherited
subjects, long phrases and verbs without a complement. --named prints
claimgraph's own claims instead (named actors as arguments, reported speech
as said(speaker, content)). Lines that yield nothing print nothing.`)
	format := fs.String("format", "carb", "output format: carb")
	named := fs.Bool("named", false, "only named entities as arguments (claimgraph's own claims)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *format != "carb" {
		return fmt.Errorf("openie: unknown --format %q (want carb)", *format)
	}
	pipe := nlp.Default()
	w := bufio.NewWriter(m.Stdout)
	defer w.Flush()
	sc := bufio.NewScanner(m.Stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("openie: line %d: %w", line, err)
		}
		sent := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(sent) == "" {
			continue
		}
		for _, e := range openIE(pipe, sent, *named) {
			fmt.Fprintf(w, "%s\t%.2f\t%s", sent, e.Confidence, tabless(e.Relation))
			for _, arg := range e.Args {
				fmt.Fprintf(w, "\t%s", tabless(arg))
			}
			fmt.Fprintln(w)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("openie: read line %d: %w", line+1, err)
	}
	return nil
}

func tabless(s string) string { return strings.Join(strings.Fields(s), " ") }

// openIE returns the extractions of one sentence: one per verb group with
// whole phrases as arguments, or with named set claimgraph's claims between
// named actors and reported speech as said(speaker, content).
func openIE(pipe *nlp.Pipeline, sent string, named bool) []eval.OIEExtraction {
	a := pipe.Analyze(sent)
	// The line is one sentence, whatever the splitter thinks.
	if len(a.Tokens) > 0 {
		a.Sentences = []nlp.Sentence{{Start: a.Tokens[0].Start, End: a.Tokens[len(a.Tokens)-1].End, First: 0, Limit: len(a.Tokens)}}
	}
	mentions := claim.Chunks("", a)
	if named {
		mentions = nil
	}
	var out []eval.OIEExtraction
	qs := quote.Extract("", sent, a, mentions, nil)
	for _, q := range qs {
		if !named {
			break // the verb groups below read speech as any other verb
		}
		if q.Speaker != nil && q.Cue.End > q.Cue.Start {
			out = append(out, eval.OIEExtraction{Sentence: sent, Confidence: q.Speaker.Confidence, Relation: q.Cue.Text, Args: []string{q.Speaker.Text, q.Content.Text}})
		}
	}
	if named {
		for _, c := range claim.Extract("", sent, a, mentions, qs, nil) {
			out = append(out, eval.OIEExtraction{Sentence: sent, Confidence: c.Confidence, Relation: c.Relation.Text, Args: []string{c.Subject.Text, c.Object.Text}})
		}
		return out
	}
	for _, x := range claim.OpenIE(sent, a.Tokens, 0, len(a.Tokens)) {
		e := eval.OIEExtraction{Sentence: sent, Confidence: x.Confidence, Relation: x.Relation.Text, Args: []string{x.Arg1.Text}}
		for _, arg := range x.Args {
			e.Args = append(e.Args, arg.Text)
		}
		out = append(out, e)
	}
	return out
}

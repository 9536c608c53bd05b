package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/extract/claim"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/nlp"
)

// cmdOpenIE runs claim extraction over one sentence a line, with any noun
// phrase as an argument, and prints what Open IE benchmark scorers read.
func cmdOpenIE(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("openie", "< SENTENCES", `
Read one sentence a line on stdin and print, per extraction,
sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2 (the tab-separated
form the CaRB and OIE2016 scorers read). Arguments are noun phrases; a
passive is printed in its active direction ("X was trained by Y" gives
trained(Y, X)). Lines that yield nothing print nothing.`)
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
		a := pipe.Analyze(sent)
		// The line is one sentence, whatever the splitter thinks.
		if len(a.Tokens) > 0 {
			a.Sentences = []nlp.Sentence{{Start: a.Tokens[0].Start, End: a.Tokens[len(a.Tokens)-1].End, First: 0, Limit: len(a.Tokens)}}
		}
		mentions := claim.Chunks("", a)
		if *named {
			mentions = nil
		}
		qs := quote.Extract("", sent, a, mentions, nil)
		// Reported speech is an extraction of its own: said(speaker, content).
		for _, q := range qs {
			if q.Speaker != nil && q.Cue.End > q.Cue.Start {
				fmt.Fprintf(w, "%s\t%.2f\t%s\t%s\t%s\n", sent, q.Speaker.Confidence, tabless(q.Cue.Text), tabless(q.Speaker.Text), tabless(q.Content.Text))
			}
		}
		for _, c := range claim.Extract("", sent, a, mentions, qs, nil) {
			fmt.Fprintf(w, "%s\t%.2f\t%s\t%s\t%s\n", sent, c.Confidence, tabless(c.Relation.Text), tabless(c.Subject.Text), tabless(c.Object.Text))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("openie: read line %d: %w", line+1, err)
	}
	return nil
}

func tabless(s string) string { return strings.Join(strings.Fields(s), " ") }

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/nlp"
)

// cmdTag analyses text from stdin and prints tokens, sentences, POS, lemmas
// and entities with their byte offsets.
func cmdTag(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("tag", "< TEXT", `
Read text on stdin; print each sentence with its tokens (byte offsets, UPOS,
lemma) and the named entities (PER, ORG, LOC, MISC) with byte offsets and
confidence. --json prints the analysis as one JSON object.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	data, err := io.ReadAll(m.Stdin)
	if err != nil {
		return fmt.Errorf("tag: read stdin: %w", err)
	}
	a := nlp.Default().Analyze(string(data))
	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(a)
	}
	ent := 0
	for i, s := range a.Sentences {
		fmt.Fprintf(m.Stdout, "# sentence %d [%d,%d)\n", i+1, s.Start, s.End)
		for k := s.First; k < s.Limit; k++ {
			t := a.Tokens[k]
			fmt.Fprintf(m.Stdout, "%d\t%d\t%s\t%s\t%s\n", t.Start, t.End, t.Text, t.POS, t.Lemma)
		}
		for ent < len(a.Entities) && a.Entities[ent].First < s.Limit {
			e := a.Entities[ent]
			fmt.Fprintf(m.Stdout, "= %s\t%d\t%d\t%s\t%.2f\n", e.Type, e.Start, e.End, e.Text, e.Confidence)
			ent++
		}
	}
	return nil
}

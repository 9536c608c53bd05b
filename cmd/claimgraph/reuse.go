package main

import (
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph"
)

func cmdReuse(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("reuse", "", `
List text reuse between stored documents: near-duplicates, excerpts and copied
passages, best containment first, each with its aligned passages (both spans and
their text). doc_a equals doc_b for a passage repeated inside one document.
--json prints JSON Lines, one pair a line.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one pair a line")
	doc := fs.String("doc", "", "only pairs of this document (id or prefix)")
	minSim := fs.Float64("min", 0, "only pairs whose similarity or containment reaches this (0-1)")
	limit := fs.Int("limit", 0, "at most this many (0: all)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("reuse: unexpected argument %q", fs.Arg(0))
	}
	if *minSim < 0 || *minSim > 1 {
		return claimgraph.Errorf(claimgraph.EINVALID, "reuse: --min %v is not in [0, 1]", *minSim)
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	pairs, err := store.Reuse(ctx, claimgraph.ReuseFilter{Doc: *doc, Min: *minSim, Limit: *limit})
	if err != nil {
		return err
	}
	w := m.Stdout
	for _, p := range pairs {
		if p.Passages == nil {
			p.Passages = []claimgraph.Passage{}
		}
		if *asJSON {
			if err := m.printJSONLine(p); err != nil {
				return err
			}
			continue
		}
		what := "shares text with"
		if p.DocA == p.DocB {
			what = "repeats itself"
		}
		fmt.Fprintf(w, "%s %s %s: similarity %.2f, containment %.2f, %d passage(s)\n", p.DocA, what, p.DocB, p.Similarity, p.Containment, len(p.Passages))
		for _, ps := range p.Passages {
			fmt.Fprintf(w, "  A[%d:%d] ↔ B[%d:%d] (%.2f) %q\n", ps.AStart, ps.AEnd, ps.BStart, ps.BEnd, ps.Score, clip(oneLine(ps.AText), 120))
		}
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/clean"
	"github.com/claimgraph/claimgraph/pipeline"
	"github.com/claimgraph/claimgraph/reuse"
	"github.com/claimgraph/claimgraph/sqlite"
)

// Layers derived across documents after an ingest batch. Each step is
// idempotent, so a run killed in the middle of one redoes it next time.

// outletWindow is how many recent documents of an outlet site boilerplate
// is learned from.
const outletWindow = 2000

// learnBoilerplate learns the blocks that recur across the documents of each
// outlet and re-cleans the documents that carry them: their regions gain
// the boilerplate marking (with its reason) and their analysis is redone on
// the smaller main text. It returns the number of documents re-cleaned.
func learnBoilerplate(ctx context.Context, store *sqlite.DB, p *pipeline.Pipeline, outlets []string) (int, error) {
	sort.Strings(outlets)
	n := 0
	for _, outlet := range outlets {
		docs, err := store.OutletDocuments(ctx, outlet, outletWindow)
		if err != nil {
			return n, err
		}
		marks := reuse.Boilerplate(docs, reuse.DefaultBoilerplateOptions())
		byDoc := map[string][]claimgraph.Region{}
		for _, mk := range marks {
			byDoc[mk.Doc] = append(byDoc[mk.Doc], mk.Region)
		}
		for _, d := range docs {
			extra := byDoc[d.ID]
			if len(extra) == 0 {
				continue
			}
			d.Regions = clean.Mark(d.Text, d.Regions, extra)
			a := p.Analyze(d, nil)
			if err := store.ReplaceAnalysis(ctx, d.ID, d.Regions, a); err != nil {
				return n, fmt.Errorf("site boilerplate of %s: %w", outlet, err)
			}
			n++
		}
	}
	return n, nil
}

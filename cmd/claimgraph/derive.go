package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/clean"
	"github.com/claimgraph/claimgraph/pipeline"
	"github.com/claimgraph/claimgraph/resolve"
	"github.com/claimgraph/claimgraph/reuse"
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
func learnBoilerplate(ctx context.Context, store claimgraph.Store, p *pipeline.Pipeline, outlets []string) (int, error) {
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

// resolveEntities recomputes the entity layer from every stored mention,
// alias assertion and curated decision when documents were added since the
// last computation, or always when force is set (after a decision changed).
// Mentions are never rewritten; the layer above them is replaced whole.
func resolveEntities(ctx context.Context, store claimgraph.Store, force bool) (*resolve.Result, error) {
	if !force {
		stale, err := store.EntitiesStale(ctx)
		if err != nil || !stale {
			return nil, err
		}
	}
	mentions, err := store.AllMentions(ctx)
	if err != nil {
		return nil, err
	}
	asserted, err := store.AllAliasAssertions(ctx)
	if err != nil {
		return nil, err
	}
	decisions, err := storedDecisions(ctx, store)
	if err != nil {
		return nil, err
	}
	res := resolve.Resolve(mentions, asserted, decisions)
	byMention := make(map[int64]int64, len(mentions))
	for i, m := range mentions {
		if res.Mention[i] != 0 {
			byMention[m.ID] = res.Mention[i]
		}
	}
	if err := store.ReplaceEntities(ctx, res.Entities, byMention); err != nil {
		return nil, fmt.Errorf("store entities: %w", err)
	}
	return res, nil
}

// storedDecisions parses the store's curated decisions, in order.
func storedDecisions(ctx context.Context, store claimgraph.Store) ([]resolve.Decision, error) {
	rows, err := store.Decisions(ctx)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, r.Line)
	}
	ds, err := resolve.ParseDecisions(strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		return nil, fmt.Errorf("stored decisions: %w", err)
	}
	return ds, nil
}

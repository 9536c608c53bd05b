package main

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

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
// outlet marked pending (each document marks its outlet in its own
// transaction, so outlets a killed run left are learned too) and re-cleans
// the documents that carry them: their regions gain the boilerplate marking
// (with its reason) and their analysis is redone on the smaller main text.
// An outlet's mark is cleared when it is done, unless a document of it
// arrived meanwhile. It returns the number of documents re-cleaned.
func learnBoilerplate(ctx context.Context, store claimgraph.Store, p *pipeline.Pipeline) (int, error) {
	pending, err := store.PendingOutlets(ctx)
	if err != nil {
		return 0, err
	}
	outlets := make([]string, 0, len(pending))
	for o := range pending {
		outlets = append(outlets, o)
	}
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
			regions := clean.Mark(d.Text, d.Regions, extra)
			if reflect.DeepEqual(regions, d.Regions) {
				continue // learned before: a re-run changes nothing
			}
			d.Regions = regions
			a := p.Analyze(d, nil)
			if err := store.ReplaceAnalysis(ctx, d.ID, d.Regions, a); err != nil {
				return n, fmt.Errorf("site boilerplate of %s: %w", outlet, err)
			}
			n++
			crashPoint("boilerplate")
		}
		if err := store.DoneOutlet(ctx, outlet, pending[outlet]); err != nil {
			return n, err
		}
	}
	return n, nil
}

// maxResolveRounds bounds how often one run recomputes the entity layer
// while other writers keep changing the store; the last writer to finish
// brings it up to date.
const maxResolveRounds = 4

// resolveEntities recomputes the entity layer from every stored mention,
// alias assertion and curated decision when the store changed since the
// layer was computed (its generation moved: documents, re-cleaned analyses,
// decisions, each bumping it in its own transaction), or always when force
// is set. One process at a time recomputes, under the store's lock; a
// layer built while another process wrote is recorded at the generation it
// was read at, so it stays stale and is built again, never marked fresh
// over mentions it has not seen. Mentions are never rewritten; the layer
// above them is replaced whole.
func resolveEntities(ctx context.Context, store claimgraph.Store, force bool) (*resolve.Result, error) {
	unlock, err := store.LockEntities(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if os.Getenv("GOGC") == "" {
		// The pass holds every mention of the store (549 MB live at 100k
		// documents); the collector's default lets the heap grow to twice
		// that before collecting. Half as much headroom: the pass alone at
		// 100k peaked 300 MB lower (1.66 -> 1.36 GB, with the writer's map
		// at 256 MiB), and its CPU time did not measurably grow.
		defer debug.SetGCPercent(debug.SetGCPercent(50))
	}
	var res *resolve.Result
	for round := 0; round < maxResolveRounds; round++ {
		current, built, err := store.EntityGeneration(ctx)
		if err != nil {
			return res, err
		}
		if current == built && !force {
			return res, nil
		}
		force = false
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
		res = resolve.Resolve(mentions, asserted, decisions)
		// Ids survive the recomputation; absorbed ones are redirected,
		// before the layer is replaced (see RedirectEntities).
		if err := store.RedirectEntities(ctx, keepEntityIDs(mentions, res)); err != nil {
			return nil, err
		}
		byMention := make(map[int64]int64, len(mentions))
		for i, m := range mentions {
			if res.Mention[i] != 0 {
				byMention[m.ID] = res.Mention[i]
			}
		}
		crashPoint("entities")
		if err := store.ReplaceEntities(ctx, res.Entities, byMention); err != nil {
			return nil, fmt.Errorf("store entities: %w", err)
		}
		if err := store.MarkEntitiesBuilt(ctx, current); err != nil {
			return nil, err
		}
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

// crashPoint kills the process with SIGKILL at the named point when
// $CLAIMGRAPH_CRASH_AT names it, so that the kill tests stop a real process
// exactly where a crash does most harm: half-way through boilerplate
// learning ("boilerplate"), or with a new entity layer computed and not yet
// stored ("entities"). Unset, it does nothing.
func crashPoint(name string) {
	if os.Getenv("CLAIMGRAPH_CRASH_AT") == name {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
	}
}

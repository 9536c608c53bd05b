package main

import (
	"context"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/resolve"
	"github.com/claimgraph/claimgraph/sqlite"
)

// curationLog is the store side of curation's history (both stores keep
// it: SQLite's migration 0017, PostgreSQL's 0006).
type curationLog interface {
	LogCuration(ctx context.Context, e sqlite.CurationEntry) error
	CurationLog(ctx context.Context, limit int) ([]sqlite.CurationEntry, error)
}

// curator applies the browser's curated decisions as `claimgraph entity`
// does: the decision is stored, the entity layer recomputed, and the action
// logged with who made it and why. One at a time.
type curator struct {
	mu    sync.Mutex
	store fullStore
	log   curationLog
}

var _ httpapi.Curator = (*curator)(nil)

func newCurator(store fullStore) (*curator, error) {
	log, ok := store.(curationLog)
	if !ok {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "curation in the browser needs a store that keeps a curation log")
	}
	return &curator{store: store, log: log}, nil
}

func (c *curator) Decide(ctx context.Context, op string, names []string, to, who, note string) (int64, string, error) {
	d := resolve.Decision{Op: op, Names: names, To: to}
	if op == "type" {
		d.To = strings.ToUpper(to)
	}
	if err := d.Validate(); err != nil {
		return 0, "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	line := d.String()
	seq, err := c.store.AddDecision(ctx, line)
	if err != nil {
		return 0, "", err
	}
	if _, err := resolveEntities(ctx, c.store, true); err != nil {
		return 0, "", err
	}
	return seq, line, c.log.LogCuration(ctx, sqlite.CurationEntry{Who: who, Action: "decide", Seq: seq, Line: line, Note: note})
}

func (c *curator) Undo(ctx context.Context, seq int64, who, note string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds, err := c.store.Decisions(ctx)
	if err != nil {
		return err
	}
	line := ""
	for _, d := range ds {
		if d.Seq == seq {
			line = d.Line
		}
	}
	if line == "" {
		return claimgraph.Errorf(claimgraph.ENOTFOUND, "no decision %d in force", seq)
	}
	if err := c.store.RemoveDecision(ctx, seq); err != nil {
		return err
	}
	if _, err := resolveEntities(ctx, c.store, true); err != nil {
		return err
	}
	return c.log.LogCuration(ctx, sqlite.CurationEntry{Who: who, Action: "undo", Seq: seq, Line: line, Note: note})
}

func (c *curator) Log(ctx context.Context, limit int) ([]httpapi.CurationEntry, error) {
	es, err := c.log.CurationLog(ctx, limit)
	if err != nil {
		return nil, err
	}
	out := make([]httpapi.CurationEntry, len(es))
	for i, e := range es {
		out[i] = httpapi.CurationEntry{At: e.At, Who: e.Who, Action: e.Action, Seq: e.Seq, Line: e.Line, Note: e.Note, Undone: e.Undone}
	}
	return out, nil
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

func cmdReuse(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("reuse", "", `
List text reuse between stored documents: near-duplicates, excerpts and copied
passages, best containment first, each with its aligned passages (both spans and
their text). doc_a equals doc_b for a passage repeated inside one document.
A document is paired with every earlier one it copies or that copies it
(containment 0.5 or more); a passage it shares with many earlier documents is
paired with the first three of them (by ingest order), not with every one.
--json prints JSON Lines, one pair a line.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one pair a line")
	doc := fs.String("doc", "", "only pairs of this document (id or prefix)")
	minSim := fs.Float64("min", 0, "only pairs whose similarity or containment reaches this (0-1)")
	page := listFlags(fs, "reuse", "pairs")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := page.check(); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("reuse: unexpected argument %q", fs.Arg(0))
	}
	if !(*minSim >= 0 && *minSim <= 1) { // NaN too
		return claimgraph.Errorf(claimgraph.EINVALID, "reuse: --min %v is not in [0, 1]", *minSim)
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	off, lim := page.ask()
	pairs, err := store.Reuse(ctx, claimgraph.ReuseFilter{Doc: *doc, Min: *minSim, Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	pairs = pairs[:page.cut(m, len(pairs))]
	w := m.Stdout
	docs := docCache{ctx: ctx, store: store, m: map[string]*claimgraph.Document{}}
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
		if p.DocA == p.DocB {
			d := docs.get(p.DocA)
			fmt.Fprintf(w, "%s repeats itself: %s; containment %.2f, %d passage(s)\n", p.DocA, docs.label(d), p.Containment, len(p.Passages))
		} else {
			a, b := docs.get(p.DocA), docs.get(p.DocB)
			first, why := a, "stored first"
			if a != nil && b != nil && len(a.Date) >= 10 && len(b.Date) >= 10 && a.Date[:10] != b.Date[:10] {
				why = "published first"
				if b.Date[:10] < a.Date[:10] {
					first = b
				}
			}
			fmt.Fprintf(w, "similarity %.2f, containment %.2f, %d passage(s)\n", p.Similarity, p.Containment, len(p.Passages))
			for _, x := range []struct {
				tag string
				id  string
				d   *claimgraph.Document
			}{{"A", p.DocA, a}, {"B", p.DocB, b}} {
				mark := ""
				if x.d != nil && x.d == first {
					mark = "  ← " + why
				}
				fmt.Fprintf(w, "  %s %s %s%s\n", x.tag, x.id, docs.label(x.d), mark)
			}
		}
		for _, ps := range p.Passages {
			fmt.Fprintf(w, "  A[%d:%d] ↔ B[%d:%d] (%.2f) %q\n", ps.AStart, ps.AEnd, ps.BStart, ps.BEnd, ps.Score, clip(oneLine(ps.AText), 120))
		}
	}
	return nil
}

// docCache looks documents up once for a listing that names them often.
type docCache struct {
	ctx   context.Context
	store claimgraph.QueryStore
	m     map[string]*claimgraph.Document
}

// get returns the stored document, nil when it cannot be read.
func (c docCache) get(id string) *claimgraph.Document {
	if d, ok := c.m[id]; ok {
		return d
	}
	d, err := c.store.Document(c.ctx, id)
	if err != nil {
		d = nil
	}
	c.m[id] = d
	return d
}

// label names a document for people: its title (or source), outlet and date.
func (c docCache) label(d *claimgraph.Document) string {
	if d == nil {
		return "(not found)"
	}
	name := d.Title
	if name == "" {
		name = d.Source
	}
	out := fmt.Sprintf("%q", clip(name, 70))
	var meta []string
	if d.Outlet != "" {
		meta = append(meta, esc(d.Outlet))
	}
	if d.Date != "" {
		meta = append(meta, esc(d.Date))
	} else {
		meta = append(meta, "undated")
	}
	return out + " (" + strings.Join(meta, ", ") + ")"
}

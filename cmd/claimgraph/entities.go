package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph"
)

func cmdEntities(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("entities", "", `
List the actors found across documents, each with every name it goes by.
--json prints JSON Lines: one entity a line with id, name, type, aliases
(objects with name, source, and the evidence or rule that joined them),
mentions and docs.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one entity a line")
	typ := fs.String("type", "", "only entities of this type (PER, ORG, LOC, MISC)")
	page := listFlags(fs, "entities", "entities")
	top := fs.Int("top", 0, "the same as --limit (kept for scripts)")
	query := fs.String("query", "", "only entities with a name containing this (any case)")
	sortBy := fs.String("sort", "mentions", "order: mentions, docs or name")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("entities: unexpected argument %q", fs.Arg(0))
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	m.warnStale(ctx, store)
	if *top > 0 {
		*page.limit = *top
	}
	if err := page.check(); err != nil {
		return err
	}
	off, lim := page.ask()
	es, err := store.Entities(ctx, claimgraph.EntityFilter{Type: strings.ToUpper(*typ), Query: *query, Sort: *sortBy, Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	es = es[:page.cut(m, len(es))]
	if *asJSON {
		for _, e := range es {
			if err := m.printJSONLine(e); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tMENTIONS\tDOCS\tNAME\tALIASES")
	for _, e := range es {
		var names []string
		for _, a := range e.Aliases {
			if a.Name != e.Name && !contains(names, a.Name) {
				names = append(names, a.Name)
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\t%s\n", e.ID, e.Type, e.Mentions, e.Docs, e.Name, clip(strings.Join(names, "; "), 80))
	}
	return tw.Flush()
}

// entityJSON is an entity page. It names the mention count apart from the
// mention list, which claimgraph.EntityDetail's JSON form lets shadow it.
type entityJSON struct {
	ID           int64                    `json:"id"`
	Name         string                   `json:"name"`
	Type         string                   `json:"type"`
	Aliases      []claimgraph.Alias       `json:"aliases"`
	MentionCount int                      `json:"mention_count"`
	Docs         int                      `json:"docs"`
	Documents    []claimgraph.EntityDoc   `json:"documents"`
	CoOccurring  []claimgraph.EntityCount `json:"co_occurring"`
	Mentions     []claimgraph.Mention     `json:"mentions"`
	Ambiguous    []claimgraph.Mention     `json:"ambiguous"`
}

func cmdEntity(ctx context.Context, m *Main, args []string) error {
	// "entity merge|split|rename|type|decisions|undo" record curated decisions.
	if len(args) > 0 {
		if _, ok := entityEditOps[args[0]]; ok {
			return cmdEntityEdit(ctx, m, args[0], args[1:])
		}
	}
	fs := m.newFlags("entity", "NAME", `
Show an entity by canonical name, alias (any case) or id: its type, every name it
goes by with the evidence (document and quoted span) or rule behind it, its mention
counts per document, the entities it appears beside, and ambiguous mentions (a bare
surname shared by two people) that could be it.

Curated decisions: claimgraph entity merge|split|rename|type|decisions|undo ...`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("entity: want a name, alias or id")
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	m.warnStale(ctx, store)
	d, err := store.Entity(ctx, strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	if *asJSON {
		return m.printJSON(entityJSON{ID: d.ID, Name: d.Name, Type: d.Type, Aliases: d.Aliases, MentionCount: d.Entity.Mentions, Docs: d.Docs,
			Documents: d.Documents, CoOccurring: d.CoOccurring, Mentions: d.Mentions, Ambiguous: orNone(d.Ambiguous)})
	}
	w := m.Stdout
	fmt.Fprintf(w, "%s (%s), entity %d: %d mentions in %d documents\n", d.Name, d.Type, d.ID, d.Entity.Mentions, d.Docs)
	fmt.Fprintln(w, "\naliases:")
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, a := range d.Aliases {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", a.Name, a.Source, aliasWhy(a))
	}
	tw.Flush()
	fmt.Fprintln(w, "\ndocuments:")
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, e := range d.Documents {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d mentions\t%s\n", e.Doc, orDash(e.Date), orDash(e.Outlet), e.Mentions, clip(e.Title, 60))
	}
	tw.Flush()
	if len(d.CoOccurring) > 0 {
		fmt.Fprintln(w, "\nappears beside:")
		tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		for _, c := range d.CoOccurring {
			fmt.Fprintf(tw, "  %s\t%s\t%d documents\n", c.Name, c.Type, c.Docs)
		}
		tw.Flush()
	}
	if len(d.Ambiguous) > 0 {
		fmt.Fprintln(w, "\nambiguous mentions that could be it (not resolved):")
		for _, a := range d.Ambiguous {
			fmt.Fprintf(w, "  %s [%d:%d] %q\n", a.Doc, a.Start, a.End, a.Text)
		}
	}
	return nil
}

// aliasWhy says what stands behind an alias: the asserting document and
// its quoted span, or the rule that joined it.
func aliasWhy(a claimgraph.Alias) string {
	switch {
	case a.Doc != "" && a.Evidence != "" && a.Region != "":
		return fmt.Sprintf("%s in %s [%d:%d] %q (in %s)", orDash(a.Rule), a.Doc, a.Start, a.End, clip(oneLine(a.Evidence), 80), a.Region)
	case a.Doc != "" && a.Evidence != "":
		return fmt.Sprintf("%s in %s [%d:%d] %q", orDash(a.Rule), a.Doc, a.Start, a.End, clip(oneLine(a.Evidence), 80))
	case a.Rule != "":
		return "rule " + a.Rule
	}
	return ""
}

// warnStale tells the user when documents were added since the entity
// layer was computed, so listings may miss them.
func (m *Main) warnStale(ctx context.Context, store claimgraph.Store) {
	if stale, err := store.EntitiesStale(ctx); err == nil && stale {
		fmt.Fprintln(m.Stderr, "claimgraph: note: documents were added since entities were last resolved; run ingest again to update them")
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func orNone[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

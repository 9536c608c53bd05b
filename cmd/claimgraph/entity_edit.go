package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/resolve"
)

// entityEditOps are the "entity" subcommands that record a curated decision.
var entityEditOps = map[string]string{
	"merge":     "merge NAME NAME...   the names denote one entity",
	"split":     "split NAME NAME...   the names denote different entities (undoes a merge)",
	"rename":    "rename NAME NEW      the entity going by NAME is called NEW",
	"type":      "type NAME TYPE       the entity going by NAME has TYPE (PER, ORG, LOC, MISC)",
	"decisions": "decisions            list the curated decisions with their numbers",
	"undo":      "undo N               remove decision N; the entities are as if it had never been made",
}

// cmdEntityEdit records a curated decision about entities (or lists or
// removes one) and recomputes the entity layer. Decisions are kept apart from
// the mentions, which never change, so every one of them can be undone.
func cmdEntityEdit(ctx context.Context, m *Main, op string, args []string) error {
	fs := m.newFlags("entity "+op, strings.TrimPrefix(strings.SplitN(entityEditOps[op], "  ", 2)[0], op+" "), `
Curated decisions about entities: merge, split, rename, type; list them; undo one.
Decisions are stored apart from the mentions and applied on every resolution, so
they survive re-ingest and can be undone exactly (see also 'claimgraph aliases').`)
	db := m.dbFlag(fs)
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	store, err := m.openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch op {
	case "decisions":
		rows, err := store.Decisions(ctx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			fmt.Fprintf(m.Stdout, "%d\t%s\n", r.Seq, r.Line)
		}
		return nil
	case "undo":
		if fs.NArg() != 1 {
			return claimgraph.Errorf(claimgraph.EINVALID, "entity undo: want one decision number (see 'claimgraph entity decisions')")
		}
		seq, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if err != nil {
			return claimgraph.Errorf(claimgraph.EINVALID, "entity undo: %q is not a decision number", fs.Arg(0))
		}
		if err := store.RemoveDecision(ctx, seq); err != nil {
			return err
		}
		if _, err := resolveEntities(ctx, store, true); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "removed decision %d\n", seq)
		return nil
	}
	// Decisions name entities by their names, which survive re-resolution;
	// an id (as split and merge print them) stands for the canonical name
	// of the entity it denotes now.
	args = fs.Args()
	for i, a := range args {
		if op == "rename" || op == "type" {
			if i > 0 {
				break
			}
		}
		if _, err := strconv.ParseInt(a, 10, 64); err != nil {
			continue
		}
		e, err := store.Entity(ctx, a)
		if err != nil {
			return fmt.Errorf("entity %s: %s: %w", op, a, err)
		}
		args[i] = e.Name
	}
	d := resolve.Decision{Op: op, Names: args}
	if op == "rename" || op == "type" {
		if fs.NArg() != 2 {
			return claimgraph.Errorf(claimgraph.EINVALID, "entity %s: want two arguments: %s", op, entityEditOps[op])
		}
		d.Names, d.To = args[:1], args[1]
		if op == "type" {
			d.To = strings.ToUpper(d.To)
		}
	}
	if err := d.Validate(); err != nil {
		return err
	}
	seq, err := store.AddDecision(ctx, d.String())
	if err != nil {
		return err
	}
	res, err := resolveEntities(ctx, store, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "decision %d: %s\n", seq, d.String())
	for _, e := range res.Lookup(d.Names[0]) {
		var names []string
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
		fmt.Fprintf(m.Stdout, "  entity %d %s (%s): %s\n", e.ID, e.Name, e.Type, strings.Join(uniq(names), ", "))
	}
	if len(res.Unmatched) > 0 {
		fmt.Fprintf(m.Stdout, "  not yet mentioned in any document (kept for later): %s\n", strings.Join(res.Unmatched, ", "))
	}
	return nil
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// cmdAliases imports and exports the curated decisions as an aliases file, so
// that a team can keep them in version control.
func cmdAliases(ctx context.Context, m *Main, args []string) error {
	usage := `Usage: claimgraph aliases export [--db FILE] FILE|-
       claimgraph aliases import [--db FILE] [--append] FILE|-

The aliases file holds one curated decision a line ('#' starts a comment):

  merge: MKO = MEK = PMOI                      # one entity
  split: NCR | MKO                             # never one entity
  rename: MKO -> Mojahedin-e Khalq Organization
  type: Shin Bet = ORG                         # PER, ORG, LOC or MISC

Names match case-insensitively and across transliterations. A later line about the
same names overrides an earlier one. Import replaces the stored decisions (or adds
to them with --append) and recomputes the entities; export writes them back.`
	if len(args) == 0 || (args[0] != "import" && args[0] != "export") {
		fmt.Fprintln(m.Stderr, usage)
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
			return nil
		}
		return fmt.Errorf("aliases: unknown subcommand %q", args[0])
	}
	op := args[0]
	fs := m.newFlags("aliases "+op, "FILE|-", usage)
	db := m.dbFlag(fs)
	appendMode := fs.Bool("append", false, "import: add to the stored decisions instead of replacing them")
	if err := parseArgs(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return claimgraph.Errorf(claimgraph.EINVALID, "aliases %s: want one file (or - for standard input/output)", op)
	}
	store, err := m.openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if op == "export" {
		ds, err := storedDecisions(ctx, store)
		if err != nil {
			return err
		}
		w := m.Stdout
		if fs.Arg(0) != "-" {
			f, err := os.Create(fs.Arg(0))
			if err != nil {
				return err
			}
			defer f.Close()
			w = f
		}
		fmt.Fprintln(w, "# claimgraph aliases file: curated decisions about entities, one a line")
		if err := resolve.FormatDecisions(w, ds); err != nil {
			return err
		}
		if err := writeMachineLinks(ctx, w, store); err != nil {
			return err
		}
		if f, ok := w.(*os.File); ok && f != os.Stdout {
			return f.Close()
		}
		return nil
	}
	var r io.Reader = m.Stdin
	name := "stdin"
	if fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, fs.Arg(0)
	}
	ds, err := resolve.ParseDecisions(r)
	if err != nil {
		return fmt.Errorf("aliases import %s: %w", name, err)
	}
	var lines []string
	if *appendMode {
		old, err := storedDecisions(ctx, store)
		if err != nil {
			return err
		}
		for _, d := range old {
			lines = append(lines, d.String())
		}
	}
	for _, d := range ds {
		lines = append(lines, d.String())
	}
	if err := store.ReplaceDecisions(ctx, lines); err != nil {
		return err
	}
	res, err := resolveEntities(ctx, store, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "imported %d decisions from %s; %d entities\n", len(ds), name, len(res.Entities))
	return nil
}

// writeMachineLinks appends to an aliases file, as comments, the names that
// rules joined and the assertions splits rejected, each with the mention or
// evidence behind it, so a reviewer can turn any of them into a decision.
func writeMachineLinks(ctx context.Context, w io.Writer, store interface {
	Entities(context.Context, claimgraph.EntityFilter) ([]claimgraph.Entity, error)
}) error {
	es, err := store.Entities(ctx, claimgraph.EntityFilter{})
	if err != nil {
		return err
	}
	header := false
	for _, e := range es {
		for _, a := range e.Aliases {
			if a.Source != claimgraph.AliasRule && a.Source != claimgraph.AliasRejected || a.Name == e.Name {
				continue
			}
			if !header {
				fmt.Fprintln(w, "\n# Machine-made: names joined by rules and assertions a split rejected, with their")
				fmt.Fprintln(w, "# evidence. Not decisions; write a merge: or split: line above to decide.")
				header = true
			}
			how := a.Source + " " + a.Rule
			if a.Source == claimgraph.AliasRule {
				how = "rule " + a.Rule
			}
			where := ""
			if a.Doc != "" {
				where = fmt.Sprintf(" in %s [%d:%d] %q", a.Doc, a.Start, a.End, clip(oneLine(a.Evidence), 80))
			}
			fmt.Fprintf(w, "# %s (entity %d) ~ %s: %s%s\n", e.Name, e.ID, a.Name, how, where)
		}
	}
	return nil
}

package main

import (
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/timex"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/pipeline"
)

func cmdDoc(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 || args[0] != "set-date" {
		fmt.Fprintln(m.Stderr, "Usage: claimgraph doc set-date [--db FILE] DOC ISO-DATE")
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
			return nil
		}
		return fmt.Errorf("doc: unknown subcommand %q", args[0])
	}
	fs := m.newFlags("doc set-date", "DOC ISO-DATE", `
Set a document's publication date and resolve its relative time expressions
("last June", "two months ago") against it, without re-running the other stages.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the document's time expressions as JSON")
	if err := parseArgs(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("doc set-date: want a document id and a date")
	}
	date, ok := ingest.NormalizeDate(fs.Arg(1))
	if !ok {
		return claimgraph.Errorf(claimgraph.EINVALID, "doc set-date: %q is not an ISO 8601 date", fs.Arg(1))
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	d, a, err := documentAndAnalysis(ctx, store, fs.Arg(0))
	if err != nil {
		return err
	}
	d.Date = date
	dct := date
	if len(dct) > 10 {
		dct = dct[:10]
	}
	// The same ranges ingest analysed, so values equal those of an ingest
	// with this date.
	changed := timex.ReanchorAll(d.Text, pipeline.MainRanges(d), a.Times, dct)
	if err := store.SetDocumentDate(ctx, d.ID, date, "user", changed); err != nil {
		return err
	}
	if *asJSON {
		return m.printJSON(map[string]any{"doc": d.ID, "date": date, "date_source": "user", "times": changed})
	}
	fmt.Fprintf(m.Stdout, "%s: date %s (user); %d time expressions re-anchored\n", d.ID, date, len(changed))
	for _, t := range changed {
		if t.Relative {
			fmt.Fprintf(m.Stdout, "  %-24q %-8s %s\n", t.Text, t.Type, orDash(t.Value))
		}
	}
	return nil
}

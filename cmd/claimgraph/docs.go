package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/claimgraph/claimgraph"
)

// docJSON is a document as listings print it.
type docJSON struct {
	ID         string `json:"id"`
	Source     string `json:"source"`
	Format     string `json:"format"`
	Title      string `json:"title"`
	Outlet     string `json:"outlet"`
	Author     string `json:"author"`
	Date       string `json:"date"`
	DateSource string `json:"date_source"`
	URL        string `json:"url,omitempty"`
	Encoding   string `json:"encoding"`
	Bytes      int    `json:"bytes"`
}

func toDocJSON(d *claimgraph.Document) docJSON {
	return docJSON{ID: d.ID, Source: d.Source, Format: d.Format, Title: d.Title, Outlet: d.Outlet, Author: d.Author,
		Date: d.Date, DateSource: d.DateSource, URL: d.URL, Encoding: d.Encoding, Bytes: d.Bytes}
}

func cmdDocs(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("docs", "", "List stored documents in ingest order.")
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one document a line")
	outlet := fs.String("outlet", "", "only documents of this outlet")
	page := listFlags(fs, "docs", "documents")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := page.check(); err != nil {
		return err
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	off, lim := page.ask()
	docs, err := store.Documents(ctx, claimgraph.DocumentFilter{Outlet: *outlet, Limit: lim, Offset: off})
	if err != nil {
		return err
	}
	docs = docs[:page.cut(m, len(docs))]
	if *asJSON {
		for _, d := range docs {
			if err := m.printJSONLine(toDocJSON(d)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tOUTLET\tBYTES\tTITLE\tSOURCE")
	for _, d := range docs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", d.ID, esc(d.Date), esc(d.Outlet), d.Bytes, clip(d.Title, 60), esc(d.Source))
	}
	return tw.Flush()
}

// clip shortens s to at most n runes, marking the cut, with control
// characters escaped.
func clip(s string, n int) string {
	s = esc(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

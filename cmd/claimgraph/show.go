package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// showJSON is a document with its text, regions and analysis.
type showJSON struct {
	docJSON
	Meta     map[string]string      `json:"meta,omitempty"`
	Text     string                 `json:"text"`
	Regions  []claimgraph.Region    `json:"regions"`
	Analysis *claimgraph.Analysis   `json:"analysis,omitempty"`
	Reuse    []claimgraph.ReusePair `json:"reuse"`
}

func cmdShow(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("show", "DOC", `
Print a document (by id or unique id prefix): its metadata, its original text, and
its regions (main, boilerplate, repeated, footnote, byline) as byte offsets of the text.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("show: want one document id")
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	d, a, err := documentAndAnalysis(ctx, store, fs.Arg(0))
	if err != nil {
		return err
	}
	pairs, err := store.Reuse(ctx, claimgraph.ReuseFilter{Doc: d.ID})
	if err != nil {
		return err
	}
	if pairs == nil {
		pairs = []claimgraph.ReusePair{}
	}
	if *asJSON {
		return m.printJSON(showJSON{docJSON: toDocJSON(d), Meta: d.Meta, Text: d.Text, Regions: d.Regions, Analysis: a, Reuse: pairs})
	}
	w := m.Stdout
	fmt.Fprintf(w, "id:       %s\nsource:   %s\nformat:   %s (%s)\ntitle:    %s\noutlet:   %s\nauthor:   %s\ndate:     %s (%s)\nbytes:    %d\n",
		d.ID, esc(d.Source), d.Format, d.Encoding, esc(d.Title), esc(d.Outlet), esc(d.Author), esc(d.Date), orDash(d.DateSource), d.Bytes)
	fmt.Fprintln(w, "\nregions:")
	for _, r := range d.Regions {
		fmt.Fprintf(w, "  %-11s %6d-%-6d %s  %s\n", r.Kind, r.Start, r.End, clip(oneLine(d.Text[r.Start:r.End]), 50), r.Why)
	}
	if len(pairs) > 0 {
		fmt.Fprintln(w, "\ntext reuse:")
		for _, p := range pairs {
			other := p.DocA
			if other == d.ID {
				other = p.DocB
			}
			if p.DocA == p.DocB {
				other = "(itself)"
			}
			fmt.Fprintf(w, "  %-16s similarity %.2f containment %.2f, %d passages\n", other, p.Similarity, p.Containment, len(p.Passages))
		}
	}
	fmt.Fprintln(w, "\ntext:")
	for _, r := range d.Regions {
		seg := d.Text[r.Start:r.End]
		if r.Kind != claimgraph.RegionMain {
			seg = "[" + string(r.Kind) + ": " + seg + "]"
		}
		fmt.Fprint(w, escBlock(seg))
	}
	fmt.Fprintln(w)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine puts s on one line: white space collapsed, controls escaped.
func oneLine(s string) string { return esc(strings.Join(strings.Fields(s), " ")) }

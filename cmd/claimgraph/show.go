package main

import (
	"context"
	"fmt"
	"io"
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
Print a document (by id or unique id prefix): its metadata, its regions (main,
boilerplate, repeated, footnote, byline) as byte offsets of the text, its analysis
(the names found, the quotes with their speakers, the dates with their readings),
its text reuse with other documents, and its original text.`)
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
	if a != nil {
		printAnalysis(w, a)
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

// printAnalysis prints a document's analysis for people: counts, then the
// names (with their mentions), the quotes and the dates.
func printAnalysis(w io.Writer, a *claimgraph.Analysis) {
	fmt.Fprintf(w, "\nanalysis (%s): %d mentions, %d quotes, %d claims, %d time expressions\n",
		a.Analyzer, len(a.Mentions), len(a.Quotes), len(a.Claims), len(a.Times))
	type name struct {
		name, typ string
		n         int
	}
	var names []*name
	seen := map[string]*name{}
	for _, mn := range a.Mentions {
		k := mn.Type + "\x00" + mn.Name
		if seen[k] == nil {
			seen[k] = &name{name: mn.Name, typ: mn.Type}
			names = append(names, seen[k])
		}
		seen[k].n++
	}
	if len(names) > 0 {
		fmt.Fprintln(w, "names:")
		for _, n := range names {
			fmt.Fprintf(w, "  %-4s %s ×%d\n", n.typ, oneLine(n.name), n.n)
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintln(w, "quotes:")
		for _, q := range a.Quotes {
			fmt.Fprintf(w, "  [%d:%d] %s %s: %q\n", q.Content.Start, q.Content.End, q.Kind, esc(speakerLabel(q.Speaker)), clip(oneLine(q.Content.Text), 120))
		}
	}
	if len(a.Times) > 0 {
		fmt.Fprintln(w, "dates:")
		for _, t := range a.Times {
			v := orDash(t.Value)
			if r := claimgraph.ReadTimeValue(t.Value); r != "" {
				v += " (" + r + ")"
			}
			fmt.Fprintf(w, "  [%d:%d] %q %s %s\n", t.Start, t.End, oneLine(t.Text), t.Type, v)
		}
	}
}

package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

func cmdTimeline(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("timeline", "", `
Print dated events in order of their date: claims and quotes holding a date or time
expression, and sentences naming an actor and a date, each with its evidence span and
the precision of its date (day, month, season, year, decade, century). Durations and
repeating times are left out. --json prints JSON Lines, one entry a line.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one entry a line")
	entity := fs.String("entity", "", "only entries naming this entity (name, alias or id)")
	from := fs.String("from", "", "only dates from this TIMEX3 value on (a prefix: 2014, 2014-06)")
	to := fs.String("to", "", "only dates up to this TIMEX3 value (a prefix, inclusive)")
	page := listFlags(fs, "timeline", "entries")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := page.check(); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("timeline: unexpected argument %q", fs.Arg(0))
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	off, lim := page.ask()
	es, err := store.Timeline(ctx, claimgraph.TimelineQuery{Entity: *entity, From: *from, To: *to, Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	es = es[:page.cut(m, len(es))]
	for _, e := range es {
		if *asJSON {
			if e.Entities == nil {
				e.Entities = []string{}
			}
			if err := m.printJSONLine(e); err != nil {
				return err
			}
			continue
		}
		who := strings.Join(e.Entities, ", ")
		if e.Speaker != "" {
			who = e.Speaker + " says; " + who
		}
		when := e.Value
		if r := claimgraph.ReadTimeValue(e.Value); r != "" {
			when += " (" + r + ")"
		}
		fmt.Fprintf(m.Stdout, "%-26s %-7s %-8s %s [%d:%d] %q  [%s] %s\n", when, e.Precision, e.Kind, e.Evidence.Doc,
			e.Evidence.Start, e.Evidence.End, clip(oneLine(e.Evidence.Text), 140), oneLine(e.Time.Text), oneLine(who))
	}
	return nil
}

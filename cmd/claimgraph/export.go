package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/export"
)

func cmdExport(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("export", "", `
Export the graph, or the part the filters select, for the tools investigators use:
  graphml  entities and their edges for Gephi, Cytoscape, NetworkX
  gexf     the same for Gephi with time intervals (dynamic mode: the timeline plays it)
  csv      documents, entities, aliases, mentions, quotes, claims, times, reuse, edges:
           one CSV file each (RFC 4180, UTF-8, header), ids joining across files;
           --out DIR writes a folder, --out FILE.zip (or stdout) a zip
  ftm      FollowTheMoney entities (JSON Lines) for Aleph and the ftm tools
  jsonld   JSON-LD with PROV-O and Web Annotation: quotes, claims and aliases as
           annotations of their documents' spans
  jsonl    claimgraph's own JSON Lines, one record a line
Every edge and name keeps its document ids and byte spans; every claim keeps its
source, cue and factuality. The export streams: memory stays flat however large
the store.`)
	db := m.dbFlag(fs)
	format := fs.String("format", "", "graphml, gexf, csv, ftm, jsonld or jsonl (required)")
	out := fs.String("out", "", "write to this file (or folder for csv); stdout when empty")
	f := exportFilterFlags(fs)
	quiet := fs.Bool("q", false, "no progress on the terminal")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("export: unexpected argument %q", fs.Arg(0))
	}
	if *format == "" {
		fs.Usage()
		return errors.New("export: --format is required")
	}
	if err := export.CheckFormat(*format); err != nil {
		return err
	}
	store, err := m.openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	m.warnStale(ctx, store)
	es, ok := store.(claimgraph.ExportStore)
	if !ok {
		return claimgraph.Errorf(claimgraph.EINVALID, "export: the %s store cannot export yet; export from a SQLite store", store.Dialect())
	}
	sel, err := es.Export(ctx, *f)
	if err != nil {
		return err
	}
	defer sel.Close()
	var opts export.Options
	if !*quiet && isTerminal(m.Stderr) {
		opts.Progress = func(n int) { fmt.Fprintf(m.Stderr, "\rexport %s: %d rows", *format, n) }
		defer fmt.Fprintln(m.Stderr)
	}
	var counts export.Counts
	switch {
	case *format == export.CSV && *out != "" && !strings.HasSuffix(strings.ToLower(*out), ".zip"):
		counts, err = export.WriteCSVDir(ctx, sel, *out, opts)
	case *out != "":
		counts, err = writeExportFile(ctx, sel, *format, *out, opts)
	default:
		counts, err = export.Write(ctx, sel, *format, m.Stdout, opts)
	}
	if err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(m.Stderr, "claimgraph: export: wrote %s (%s)\n", *out, countLine(counts))
	}
	return nil
}

// exportFilterFlags adds the filters the listings have.
func exportFilterFlags(fs *flag.FlagSet) *claimgraph.ExportFilter {
	f := &claimgraph.ExportFilter{}
	fs.StringVar(&f.Entity, "entity", "", "only this entity's neighbourhood (name, alias or id)")
	fs.IntVar(&f.Depth, "depth", 1, "neighbourhood depth with --entity: 1 or 2")
	fs.StringVar(&f.Type, "type", "", "only entities of this type (PER, ORG, LOC, MISC) and the documents naming them")
	fs.StringVar(&f.Outlet, "outlet", "", "only documents of this outlet")
	fs.StringVar(&f.From, "from", "", "only documents dated on or after this ISO date (or prefix: 2013, 2013-09)")
	fs.StringVar(&f.To, "to", "", "only documents dated on or before this ISO date (or prefix)")
	fs.IntVar(&f.MinSources, "min-sources", 0, "drop edges with fewer independent sources")
	return f
}

// writeExportFile writes to a temporary file beside path and renames it, so
// a failed export leaves no half file under the name asked for.
func writeExportFile(ctx context.Context, sel claimgraph.ExportSelection, format, path string, opts export.Options) (export.Counts, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name())
	counts, err := export.Write(ctx, sel, format, tmp, opts)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644) // CreateTemp makes it private
	}
	if err != nil {
		return counts, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return counts, fmt.Errorf("export: %w", err)
	}
	return counts, nil
}

// countLine lists the counts, sorted by name: "claims 12, documents 5".
func countLine(c export.Counts) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, c[k])
	}
	return strings.Join(parts, ", ")
}

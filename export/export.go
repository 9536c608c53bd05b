// Package export writes a selection of the store in the formats
// investigators' tools read: GraphML and GEXF (Gephi, Cytoscape, NetworkX),
// CSV (spreadsheets; a folder or a zip), FollowTheMoney JSON Lines (Aleph,
// ftm), JSON-LD with PROV-O and Web Annotation (linked-data stores), and
// claimgraph's own JSON Lines.
//
// Every writer streams the rows of a claimgraph.ExportSelection one at a
// time, so an export runs in constant memory however large the store. Every
// name and edge keeps the way back to its document and byte span, and every
// claim keeps its source, cue and factuality, in every format.
package export

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// The formats, as --format and /api/export?format= name them.
const (
	GraphML = "graphml"
	GEXF    = "gexf"
	CSV     = "csv"
	FtM     = "ftm"
	JSONLD  = "jsonld"
	JSONL   = "jsonl"
)

// Formats lists every format.
var Formats = []string{GraphML, GEXF, CSV, FtM, JSONLD, JSONL}

// Options configure a writer.
type Options struct {
	// Progress, when not nil, is called after every 1000 rows and once at
	// the end with the rows written so far.
	Progress func(rows int)
}

// Counts is what an export wrote: rows per section ("documents",
// "entities", "aliases", "mentions", "quotes", "claims", "times", "reuse",
// "edges", and per format the rows it adds, e.g. "ftm:Person").
type Counts map[string]int

// CheckFormat returns an EINVALID error naming the formats when f is not one.
func CheckFormat(f string) error {
	for _, x := range Formats {
		if x == f {
			return nil
		}
	}
	return claimgraph.Errorf(claimgraph.EINVALID, "unknown export format %q (want %s)", f, strings.Join(Formats, ", "))
}

// ContentType is the media type of a format's single-stream form (CSV is a
// zip of files).
func ContentType(format string) string {
	switch format {
	case GraphML:
		return "application/graphml+xml"
	case GEXF:
		return "application/gexf+xml"
	case CSV:
		return "application/zip"
	case FtM, JSONL:
		return "application/x-ndjson"
	case JSONLD:
		return "application/ld+json"
	}
	return "application/octet-stream"
}

// FileName is the file name of a format's single-stream form.
func FileName(format string) string {
	switch format {
	case CSV:
		return "claimgraph-csv.zip"
	case FtM:
		return "claimgraph.ftm.json"
	case JSONLD:
		return "claimgraph.jsonld"
	}
	return "claimgraph." + format
}

// Write writes the selection in format to w; CSV is written as a zip.
func Write(ctx context.Context, sel claimgraph.ExportSelection, format string, w io.Writer, opts Options) (Counts, error) {
	if err := CheckFormat(format); err != nil {
		return nil, err
	}
	c := &counter{counts: Counts{}, progress: opts.Progress}
	var err error
	switch format {
	case GraphML:
		err = writeGraphML(ctx, sel, w, c)
	case GEXF:
		err = writeGEXF(ctx, sel, w, c)
	case CSV:
		err = WriteCSVZip(ctx, sel, w, c)
	case FtM:
		err = writeFtM(ctx, sel, w, c)
	case JSONLD:
		err = writeJSONLD(ctx, sel, w, c)
	case JSONL:
		err = writeJSONL(ctx, sel, w, c)
	}
	c.done()
	if err != nil {
		return c.counts, fmt.Errorf("export %s: %w", format, err)
	}
	return c.counts, nil
}

// counter counts rows per section and reports progress.
type counter struct {
	counts   Counts
	total    int
	progress func(int)
}

func (c *counter) add(section string) {
	c.counts[section]++
	c.total++
	if c.progress != nil && c.total%1000 == 0 {
		c.progress(c.total)
	}
}

func (c *counter) done() {
	if c.progress != nil {
		c.progress(c.total)
	}
}

// newCounter returns a counter for writers called outside Write.
func newCounter(opts Options) *counter {
	return &counter{counts: Counts{}, progress: opts.Progress}
}

// errWriter remembers the first write error, so writers can emit many small
// pieces and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) WriteString(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	var n int
	n, e.err = e.w.Write(p)
	return n, e.err
}

// isoDay returns the YYYY-MM-DD day of an ISO date or date-time, "" when it
// has no full day.
func isoDay(d string) string {
	if len(d) < 10 {
		return ""
	}
	for i, c := range d[:10] {
		if (i == 4 || i == 7) != (c == '-') || (c != '-' && (c < '0' || c > '9')) {
			return ""
		}
	}
	return d[:10]
}

// aliasNames returns the distinct names of an entity's aliases other than
// its canonical name, in order.
func aliasNames(e *claimgraph.ExportEntity) []string {
	seen := map[string]bool{e.Name: true}
	var out []string
	for _, a := range e.Aliases {
		if !seen[a.Name] {
			seen[a.Name] = true
			out = append(out, a.Name)
		}
	}
	return out
}

// aliasEvidence describes where each asserted or curated alias comes from:
// "MEK: doc 0123abcd [120:158] also-known-as". Aliases that are plain
// mentions lead back through the mention rows.
func aliasEvidence(e *claimgraph.ExportEntity) []string {
	var out []string
	for _, a := range e.Aliases {
		if a.Doc == "" {
			if a.Source != claimgraph.AliasMention {
				out = append(out, fmt.Sprintf("%s: %s %s", a.Name, a.Source, a.Rule))
			}
			continue
		}
		out = append(out, fmt.Sprintf("%s: doc %s [%d:%d] %s", a.Name, a.Doc, a.Start, a.End, a.Rule))
	}
	return out
}

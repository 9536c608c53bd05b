package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// graphKey is one GraphML/GEXF attribute of nodes or edges.
type graphKey struct {
	id, typ string // typ: string, int, double, boolean
}

var nodeKeys = []graphKey{
	{"name", "string"}, {"type", "string"}, {"mentions", "int"}, {"documents", "int"},
	{"aliases", "string"}, {"alias_evidence", "string"}, {"first", "string"}, {"last", "string"},
}

var edgeKeys = []graphKey{
	{"kind", "string"}, {"directed", "boolean"}, {"label", "string"}, {"factuality", "string"}, {"hedges", "string"}, {"cues", "string"},
	{"weight", "double"}, {"sources", "int"}, {"source_names", "string"},
	{"first", "string"}, {"last", "string"}, {"docs", "string"}, {"items", "string"},
}

// nodeValues are an entity's attribute values in nodeKeys order.
func nodeValues(e *claimgraph.ExportEntity) []string {
	return []string{e.Name, e.Type, strconv.Itoa(e.Mentions), strconv.Itoa(e.Docs),
		strings.Join(aliasNames(e), "; "), strings.Join(aliasEvidence(e), "; "), e.First, e.Last}
}

// edgeValues are an edge's attribute values in edgeKeys order. Docs and
// items are space-separated ids: the documents and the claim or quote rows
// (with their byte spans) behind the edge.
func edgeValues(e *claimgraph.ExportEdge) []string {
	items := make([]string, len(e.Items))
	for i, it := range e.Items {
		items[i] = strconv.FormatInt(it, 10)
	}
	return []string{e.Kind, strconv.FormatBool(e.Directed), e.Label, strings.Join(e.Factuality, " "), strings.Join(e.Hedges, "; "), strings.Join(e.Cues, "; "),
		strconv.Itoa(e.Weight), strconv.Itoa(e.Sources), strings.Join(e.SourceNames, "; "),
		e.First, e.Last, strings.Join(e.Docs, " "), strings.Join(items, " ")}
}

// xmlText escapes s for XML text and attribute values; characters XML
// cannot hold become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// edgeID names an edge uniquely within an export: its kind and its number
// in the order written.
func edgeID(e *claimgraph.ExportEdge, n int) string {
	return fmt.Sprintf("%s-%d", e.Kind, n)
}

func writeGraphML(ctx context.Context, sel claimgraph.ExportSelection, out io.Writer, c *counter) error {
	w := &errWriter{w: out}
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, k := range nodeKeys {
		fmt.Fprintf(w, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.id, k.id, k.typ)
	}
	for _, k := range edgeKeys {
		fmt.Fprintf(w, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.id, k.id, k.typ)
	}
	w.WriteString("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n")
	err := sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
		fmt.Fprintf(w, "    <node id=\"e%d\">\n", e.ID)
		for i, v := range nodeValues(e) {
			if v != "" {
				fmt.Fprintf(w, "      <data key=\"n_%s\">%s</data>\n", nodeKeys[i].id, xmlText(v))
			}
		}
		w.WriteString("    </node>\n")
		c.add("entities")
		return w.err
	})
	if err != nil {
		return err
	}
	n := 0
	err = sel.Edges(ctx, func(e *claimgraph.ExportEdge) error {
		n++
		// Co-mention edges are undirected; NetworkX refuses a directed
		// graph with undirected edges, so they say it in the "directed"
		// attribute instead (source is the lower id).
		fmt.Fprintf(w, "    <edge id=\"%s\" source=\"e%d\" target=\"e%d\">\n", edgeID(e, n), e.Source, e.Target)
		for i, v := range edgeValues(e) {
			if v != "" {
				fmt.Fprintf(w, "      <data key=\"e_%s\">%s</data>\n", edgeKeys[i].id, xmlText(v))
			}
		}
		w.WriteString("    </edge>\n")
		c.add("edges")
		return w.err
	})
	if err != nil {
		return err
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return w.err
}

package export

import (
	"context"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph"
)

// writeGEXF writes GEXF 1.2 in dynamic mode: each node lives from the first
// to the last dated document naming it and each edge from its first to its
// last evidence, so Gephi's timeline plays the graph over time. Undated
// nodes and edges have no bounds (always present).
func writeGEXF(ctx context.Context, sel claimgraph.ExportSelection, out io.Writer, c *counter) error {
	w := &errWriter{w: out}
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta>
    <creator>claimgraph</creator>
    <description>Entities of news articles linked by claims, quotes and co-mentions, each with the documents behind it</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
`)
	attrs := func(class string, keys []graphKey) {
		fmt.Fprintf(w, "    <attributes class=\"%s\" mode=\"static\">\n", class)
		for i, k := range keys {
			typ := k.typ
			if typ == "int" {
				typ = "integer"
			}
			fmt.Fprintf(w, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, k.id, typ)
		}
		w.WriteString("    </attributes>\n")
	}
	attrs("node", nodeKeys)
	attrs("edge", edgeKeys)
	values := func(vs []string) {
		w.WriteString("        <attvalues>\n")
		for i, v := range vs {
			if v != "" {
				fmt.Fprintf(w, "          <attvalue for=\"%d\" value=\"%s\"/>\n", i, xmlText(v))
			}
		}
		w.WriteString("        </attvalues>\n")
	}
	w.WriteString("    <nodes>\n")
	err := sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
		fmt.Fprintf(w, "      <node id=\"e%d\" label=\"%s\"%s>\n", e.ID, xmlText(e.Name), spell(e.First, e.Last))
		values(nodeValues(e))
		w.WriteString("      </node>\n")
		c.add("entities")
		return w.err
	})
	if err != nil {
		return err
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	n := 0
	err = sel.Edges(ctx, func(e *claimgraph.ExportEdge) error {
		n++
		// Undirected co-mention edges say so in the "directed" attribute:
		// NetworkX refuses edges of both kinds in one graph.
		fmt.Fprintf(w, "      <edge id=\"%s\" source=\"e%d\" target=\"e%d\" label=\"%s\" weight=\"%d\"%s>\n",
			edgeID(e, n), e.Source, e.Target, xmlText(e.Label), e.Weight, spell(e.First, e.Last))
		values(edgeValues(e))
		w.WriteString("      </edge>\n")
		c.add("edges")
		return w.err
	})
	if err != nil {
		return err
	}
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return w.err
}

// spell returns the start and end attributes of a dynamic element, empty
// when either date lacks a full day.
func spell(first, last string) string {
	f, l := isoDay(first), isoDay(last)
	if f == "" || l == "" {
		return ""
	}
	return fmt.Sprintf(` start="%s" end="%s"`, f, l)
}

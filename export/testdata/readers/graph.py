"""Reads a claimgraph GraphML or GEXF export with NetworkX and prints what it
holds as JSON: node and edge counts, edges per kind, and every edge's
endpoints, kind, label, sources and documents, for the export tests to
compare with the store's listings.

Usage: python3 graph.py graphml|gexf FILE
"""
import collections
import json
import sys

import networkx as nx


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    kinds = collections.Counter()
    edges = []
    for u, v, d in g.edges(data=True):
        kinds[d["kind"]] += 1
        edges.append({"source": u, "target": v, "kind": d["kind"], "label": d.get("label", ""),
                      "sources": int(d.get("sources", 0)), "weight": float(d.get("weight", 0)),
                      "docs": d.get("docs", "").split(), "items": d.get("items", "").split(),
                      "factuality": d.get("factuality", "")})
    nodes = {n: {"name": d.get("name", ""), "type": d.get("type", ""), "mentions": int(d.get("mentions", 0))}
             for n, d in g.nodes(data=True)}
    json.dump({"graph": type(g).__name__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
               "kinds": kinds, "node_list": nodes, "edge_list": edges}, sys.stdout)


if __name__ == "__main__":
    main()

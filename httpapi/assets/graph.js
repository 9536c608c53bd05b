// claimgraph graph explorer: the server-drawn SVG of the graph page becomes
// a graph one explores (sigma.js and graphology, bundled in
// /assets/vendor/graph-lib.js): pan and zoom, drag nodes, a force-directed
// layout, a click on a node adds its neighbours, a click on an edge shows its
// evidence, and filters by type and minimum independent sources. Without
// scripts (or WebGL) the SVG stays. Text is only written with textContent.
"use strict";

(function () {
  const lib = window.ClaimgraphGraphLib;
  const box = document.getElementById("graph-explore");
  if (!lib || !box) return;
  const { Graph, forceAtlas2, Sigma } = lib;
  const colors = { PER: "#2471a3", ORG: "#b03a2e", LOC: "#1e8449", MISC: "#7d6608" };
  const params = new URLSearchParams(box.dataset.query || "");

  // Entity ids are 64-bit: JSON numbers would lose digits in JavaScript,
  // so they are read as strings.
  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const text = await res.text();
    const data = JSON.parse(text.replace(/("(?:id|source|target)":\s*)(-?\d+)/g, '$1"$2"'));
    if (!res.ok) throw new Error(data.error ? data.error.message : res.statusText);
    return data;
  }

  const graph = new Graph({ multi: true, type: "undirected" });
  const status = document.getElementById("graph-status");
  function say(s) { if (status) status.textContent = s; }

  function edgeKey(e) { return e.kind + ":" + (e.source < e.target ? e.source + "-" + e.target : e.target + "-" + e.source); }

  // add merges a graph from the API; new nodes start near `near`.
  function add(data, near) {
    let added = 0;
    const base = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
    for (const n of data.nodes) {
      if (graph.hasNode(n.id)) continue;
      const a = Math.random() * 2 * Math.PI;
      graph.addNode(n.id, {
        label: n.name, name: n.name, etype: n.type, mentions: n.mentions,
        x: base.x + Math.cos(a) * 10, y: base.y + Math.sin(a) * 10,
        size: 4 + Math.min(14, Math.sqrt(n.mentions || 1)), color: colors[n.type] || "#555",
      });
      added++;
    }
    for (const e of data.edges) {
      const k = edgeKey(e);
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(k)) continue;
      graph.addEdgeWithKey(k, e.source, e.target, {
        kind: e.kind, label: e.kind === "claim" ? e.label : "", sources: e.sources, docs: e.docs,
        size: 1 + Math.min(6, e.sources), color: e.kind === "claim" ? "#8e44ad" : "#bbb",
      });
    }
    return added;
  }

  function layout(iterations) {
    if (graph.order < 2) return;
    forceAtlas2.assign(graph, { iterations, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 } });
  }

  // Filters: entity types shown, and the least independent sources of an edge.
  const hiddenTypes = new Set();
  let minSources = 0;
  function nodeReducer(node, attrs) {
    if (hiddenTypes.has(attrs.etype)) return { ...attrs, hidden: true };
    return attrs;
  }
  function edgeReducer(edge, attrs) {
    if (attrs.sources < minSources) return { ...attrs, hidden: true };
    return attrs;
  }

  let renderer;
  async function start() {
    say("Loading the graph…");
    let data;
    try {
      data = await getJSON("/api/graph?" + params.toString());
    } catch (err) {
      say("Could not load the graph: " + err.message);
      return;
    }
    add(data, null);
    // A circle to start from, then the force-directed layout.
    let i = 0;
    graph.forEachNode((n) => {
      const a = (2 * Math.PI * i++) / graph.order;
      graph.mergeNodeAttributes(n, { x: 100 * Math.cos(a), y: 100 * Math.sin(a) });
    });
    layout(200);
    box.hidden = false; // sigma measures its container
    try {
      renderer = new Sigma(graph, box, { enableEdgeEvents: true, renderEdgeLabels: true, nodeReducer, edgeReducer, labelRenderedSizeThreshold: 6 });
    } catch (err) {
      box.hidden = true;
      say("This browser cannot draw the interactive graph (" + err.message + "); the drawing below is the same graph.");
      return;
    }
    document.body.classList.add("graph-live");
    renderer.refresh();
    // For the browser test and for the console: the graph and its renderer.
    window.claimgraphGraph = { graph, renderer };
    wire();
    say(graph.order + " entities, " + graph.size + " edges. Drag to pan, scroll to zoom, drag a node to move it; click a node to add its neighbours, an edge for its evidence.");
  }

  function wire() {
    // Dragging a node moves it; a press without a move is a click.
    let dragged = null, moved = false;
    renderer.on("downNode", (e) => { dragged = e.node; moved = false; });
    const captor = renderer.getMouseCaptor();
    captor.on("mousemovebody", (e) => {
      if (!dragged) return;
      moved = true;
      const p = renderer.viewportToGraph(e);
      graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    captor.on("mouseup", () => { dragged = null; });
    renderer.on("clickNode", async (e) => {
      if (moved) return;
      const id = e.node;
      const name = graph.getNodeAttribute(id, "name");
      showNode(id, name);
      const q = new URLSearchParams(params);
      q.set("entity", id);
      q.set("depth", "1");
      say("Adding the neighbours of " + name + "…");
      try {
        const n = add(await getJSON("/api/graph?" + q.toString()), id);
        layout(60);
        say(n ? "Added " + n + " neighbour(s) of " + name + ". " + graph.order + " entities, " + graph.size + " edges." : name + " has no other neighbours with these settings.");
      } catch (err) {
        say("Could not expand " + name + ": " + err.message);
      }
    });
    renderer.on("clickEdge", (e) => {
      const [a, b] = graph.extremities(e.edge);
      const at = graph.getEdgeAttributes(e.edge);
      const title = graph.getNodeAttribute(a, "name") + " — " + graph.getNodeAttribute(b, "name") + ": " + at.kind +
        (at.label ? " “" + at.label + "”" : "") + ", " + at.sources + " source(s), " + at.docs + " document(s)";
      if (window.claimgraphShowEdge) window.claimgraphShowEdge(a, b, title);
    });
    for (const cb of document.querySelectorAll("#graph-filters input[data-type]")) {
      cb.addEventListener("change", () => {
        if (cb.checked) hiddenTypes.delete(cb.dataset.type); else hiddenTypes.add(cb.dataset.type);
        renderer.refresh();
      });
    }
    const ms = document.getElementById("graph-min-sources");
    if (ms) {
      ms.addEventListener("input", () => {
        minSources = Number(ms.value) || 0;
        document.getElementById("graph-min-sources-value").textContent = String(minSources);
        renderer.refresh();
      });
    }
    const relayout = document.getElementById("graph-relayout");
    if (relayout) relayout.addEventListener("click", () => { layout(150); renderer.refresh(); });
  }

  function showNode(id, name) {
    const p = document.getElementById("graph-node");
    if (!p) return;
    p.replaceChildren();
    const a = document.createElement("a");
    a.href = "/entities/" + encodeURIComponent(id);
    a.textContent = name;
    p.append("Selected: ", a, " (its page)");
  }

  start();
})();

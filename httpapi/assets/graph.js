// claimgraph graph explorer: the server-drawn SVG of the graph page becomes
// a graph one explores (sigma.js and graphology, bundled in
// /assets/vendor/graph-lib.js): pan and zoom, drag nodes, a force-directed
// layout, a click on a node adds its neighbours, a click on an edge shows its
// evidence, filters by type and minimum independent sources (in the page),
// by outlet and publication dates (asked of the server again), and "show
// more" when the server cut the graph. Without scripts (or WebGL) the SVG
// stays. Text is only written with textContent.
//
// Thousands of nodes stay smooth: ForceAtlas2 runs in a web worker
// (/assets/vendor/fa2-worker.js) for graphs past a few hundred nodes and
// stops once the nodes barely move; labels are drawn only for nodes large
// enough on screen (so fewer as one zooms out), edge labels only on small
// graphs, and edges are hidden while the view moves on large ones.
"use strict";

(function () {
  const lib = window.ClaimgraphGraphLib;
  const box = document.getElementById("graph-explore");
  if (!lib || !box) return;
  const { Graph, forceAtlas2, FA2Layout, Sigma } = lib;
  const colors = { PER: "#2471a3", ORG: "#b03a2e", LOC: "#1e8449", MISC: "#7d6608" };
  const params = new URLSearchParams(box.dataset.query || "");
  const center = params.get("entity");
  const nodeCap = Number(box.dataset.maxNodes) || 500;

  // Past this many nodes and edges the layout leaves the page's thread.
  const WORKER_FROM = 600;

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
  function counts() {
    return graph.order + " entities, " + graph.size + " edges" + (undrawn ? " (" + undrawn + " weaker links not drawn; raise the minimum of sources to see others)" : "");
  }

  function edgeKey(e) { return e.kind + ":" + (e.source < e.target ? e.source + "-" + e.target : e.target + "-" + e.source) + ":" + (e.label || ""); }

  // add merges a graph from the API; new nodes start near `near`.
  function add(data, near) {
    let added = 0;
    const base = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
    const spread = 10 + Math.sqrt(data.nodes.length) * 3;
    for (const n of data.nodes) {
      if (graph.hasNode(n.id)) continue;
      const a = Math.random() * 2 * Math.PI, r = spread * (0.5 + Math.random());
      graph.addNode(n.id, {
        label: n.name, name: n.name, etype: n.type, mentions: n.mentions,
        x: base.x + Math.cos(a) * r, y: base.y + Math.sin(a) * r,
        size: 4 + Math.min(14, Math.sqrt(n.mentions || 1)), color: colors[n.type] || "#555",
      });
      added++;
    }
    for (const e of data.edges) {
      const k = edgeKey(e);
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || known.has(k)) continue;
      known.set(k, e);
    }
    drawEdges();
    return added;
  }

  // The edges drawn. Around a few hubs of a dense corpus the server gives
  // tens of thousands of co-occurrence links (every pair of entities named
  // in one document); drawn all, they hide the graph and slow every frame.
  // So at most edgeBudget() are drawn: every node's strongest link, then
  // the strongest others, claims before co-occurrence; the rest are known
  // (the filters and the status count them) but not drawn.
  const known = new Map(); // key → edge from the API, between drawn nodes
  let undrawn = 0;
  function edgeBudget() { return Math.max(1500, 3 * graph.order); }
  function rank(a, b) {
    return (b.kind === "claim") - (a.kind === "claim") || b.sources - a.sources || b.docs - a.docs;
  }
  function drawEdges() {
    for (const [k, e] of known) if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) known.delete(k);
    const all = [...known.entries()].filter(([, e]) => e.sources >= minSources).sort((x, y) => rank(x[1], y[1]));
    const chosen = new Set();
    const linked = new Set();
    for (const [k, e] of all) {
      if (!linked.has(e.source) || !linked.has(e.target)) { chosen.add(k); linked.add(e.source); linked.add(e.target); }
    }
    const budget = edgeBudget();
    for (const [k] of all) {
      if (chosen.size >= budget) break;
      chosen.add(k);
    }
    for (const k of graph.filterEdges((k) => !chosen.has(k))) graph.dropEdge(k);
    for (const k of chosen) {
      if (graph.hasEdge(k)) continue;
      const e = known.get(k);
      graph.addEdgeWithKey(k, e.source, e.target, {
        kind: e.kind, label: e.kind === "claim" ? e.label : "", sources: e.sources, docs: e.docs,
        size: 1 + Math.min(6, e.sources), color: e.kind === "claim" ? "#8e44ad" : "#bbb",
      });
    }
    undrawn = all.length - chosen.size;
  }

  // The layout. A small graph is laid out at once on the page's thread (a
  // few milliseconds); a large one in the worker, watched twice a second
  // and stopped when the nodes have settled (or after maxLayoutMs).
  let worker = null, watch = null, layoutStarted = 0, layoutMs = 0;
  const maxLayoutMs = 15000;
  function settings() {
    return { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 };
  }
  function layout(iterations) {
    if (graph.order < 2) return;
    stopLayout();
    const t0 = performance.now();
    if (graph.order + graph.size < WORKER_FROM || !FA2Layout || typeof Worker === "undefined") {
      forceAtlas2.assign(graph, { iterations, settings: settings() });
      layoutMs = performance.now() - t0;
      return;
    }
    try {
      worker = new FA2Layout(graph, { settings: settings() });
      worker.start();
    } catch (err) {
      worker = null;
      forceAtlas2.assign(graph, { iterations: Math.min(iterations, 30), settings: settings() });
      layoutMs = performance.now() - t0;
      return;
    }
    layoutStarted = t0;
    let last = positions();
    rounds = 0;
    let seen = 0;
    watch = setInterval(() => {
      const now = positions();
      const its = rounds - seen;
      seen = rounds;
      if (its === 0) return; // the worker has not answered yet
      // Mean move of a node per answer of the worker (about 40 ms of
      // iterations) in the last half second, against the graph's extent:
      // under 0.1% the picture no longer changes.
      let move = 0;
      for (const [n, p] of now) {
        const q = last.get(n);
        if (q) move += Math.hypot(p.x - q.x, p.y - q.y);
      }
      move /= Math.max(1, now.size) * its;
      last = now;
      if ((rounds >= 20 && move < 0.001 * extent()) || performance.now() - layoutStarted > maxLayoutMs) stopLayout();
    }, 500);
  }
  // The worker's positions arrive all nodes at once, about every 40 ms.
  let rounds = 0;
  graph.on("eachNodeAttributesUpdated", () => { rounds++; });
  function positions() {
    const m = new Map();
    graph.forEachNode((n, a) => m.set(n, { x: a.x, y: a.y }));
    return m;
  }
  function extent() {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    graph.forEachNode((n, a) => { x0 = Math.min(x0, a.x); x1 = Math.max(x1, a.x); y0 = Math.min(y0, a.y); y1 = Math.max(y1, a.y); });
    return Math.max(1, x1 - x0, y1 - y0);
  }
  function stopLayout() {
    if (watch) { clearInterval(watch); watch = null; }
    if (worker) {
      worker.kill();
      worker = null;
      layoutMs = performance.now() - layoutStarted;
    }
  }

  // Filters in the page: entity types shown, and the least independent
  // sources of an edge.
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

  // What the server is asked: the page's query, the node cap ("show more"
  // raises it) and the nodes expanded so far.
  let maxNodes = Number(params.get("max_nodes")) || Number(box.dataset.defaultNodes) || 40;
  const expanded = [];
  let truncated = false;

  function query(extra) {
    const q = new URLSearchParams(params);
    q.set("max_nodes", String(maxNodes));
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    return "/api/graph?" + q.toString();
  }

  // load asks the server for the graph (the center, then each expanded
  // node's neighbours) and makes the drawn graph that one: nodes already
  // drawn keep their places, the others are added, the rest dropped.
  async function fetchGraph() {
    const parts = [await getJSON(query())];
    for (const id of expanded) parts.push(await getJSON(query({ entity: id, depth: "1" })));
    return parts;
  }
  function load(parts) {
    const first = parts[0];
    truncated = first.truncated;
    const keep = new Set();
    for (const p of parts) for (const n of p.nodes) keep.add(n.id);
    graph.clearEdges();
    known.clear();
    for (const n of graph.nodes()) if (!keep.has(n)) graph.dropNode(n);
    const fresh = graph.order === 0;
    add(first, center);
    for (let i = 0; i < expanded.length; i++) add(parts[i + 1], expanded[i]);
    if (fresh) {
      // A circle to start from, then the force-directed layout.
      let i = 0;
      graph.forEachNode((n) => {
        const a = (2 * Math.PI * i++) / graph.order;
        graph.mergeNodeAttributes(n, { x: 100 * Math.cos(a), y: 100 * Math.sin(a) });
      });
    }
    showMore();
  }

  function showMore() {
    const b = document.getElementById("graph-more");
    if (!b) return;
    b.hidden = !truncated || maxNodes >= nodeCap;
    b.textContent = "Show more (up to " + Math.min(nodeCap, maxNodes * 2) + " entities)";
  }

  let renderer;
  async function start() {
    say("Loading the graph…");
    try {
      load(await fetchGraph());
    } catch (err) {
      say("Could not load the graph: " + err.message);
      return;
    }
    layout(200);
    box.hidden = false; // sigma measures its container
    try {
      renderer = new Sigma(graph, box, {
        enableEdgeEvents: true, renderEdgeLabels: graph.size < 400, nodeReducer, edgeReducer,
        labelRenderedSizeThreshold: 7, labelDensity: 0.5, hideEdgesOnMove: graph.size > 2000, hideLabelsOnMove: graph.order > 1000,
      });
    } catch (err) {
      box.hidden = true;
      stopLayout();
      say("This browser cannot draw the interactive graph (" + err.message + "); the drawing below is the same graph.");
      return;
    }
    document.body.classList.add("graph-live");
    renderer.refresh();
    // For the browser test and for the console: the graph, its renderer,
    // and the layout's state.
    window.claimgraphGraph = { graph, renderer, layoutRunning: () => worker !== null, layoutMs: () => layoutMs, stopLayout };
    wire();
    say(counts() + ". Drag to pan, scroll to zoom, drag a node to move it; click a node to add its neighbours, an edge for its evidence.");
  }

  // tune adapts the renderer's costs to the graph's size.
  function tune() {
    renderer.setSetting("renderEdgeLabels", graph.size < 400);
    renderer.setSetting("hideEdgesOnMove", graph.size > 2000);
    renderer.setSetting("hideLabelsOnMove", graph.order > 1000);
  }

  function wire() {
    // Dragging a node moves it (and stops the layout, which would move it
    // back); a press without a move is a click.
    let dragged = null, moved = false;
    renderer.on("downNode", (e) => { dragged = e.node; moved = false; stopLayout(); });
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
      say("Adding the neighbours of " + name + "…");
      try {
        const data = await getJSON(query({ entity: id, depth: "1" }));
        stopLayout(); // the worker would restart on every node and edge added
        const n = add(data, id);
        if (!expanded.includes(id) && id !== center) expanded.push(id);
        tune();
        layout(60);
        say(n ? "Added " + n + " neighbour(s) of " + name + ". " + counts() + "." : name + " has no other neighbours with these settings.");
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
        drawEdges(); // links held back for the budget may now be drawn
        renderer.refresh();
      });
    }
    // Outlet and publication dates: the graph is counted again by the
    // server over those documents; the address keeps them.
    const scope = { outlet: document.getElementById("graph-outlet"), from: document.getElementById("graph-from"), to: document.getElementById("graph-to") };
    for (const [k, el] of Object.entries(scope)) {
      if (!el) continue;
      el.addEventListener("change", () => {
        const v = el.value.trim();
        if (k !== "outlet" && v !== "" && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
          say("Dates are written 2015, 2015-11 or 2015-11-13.");
          return;
        }
        if (v) params.set(k, v); else params.delete(k);
        reload("Counting the graph again over " + describeScope() + "…");
      });
    }
    const more = document.getElementById("graph-more");
    if (more) {
      more.addEventListener("click", () => {
        maxNodes = Math.min(nodeCap, maxNodes * 2);
        params.set("max_nodes", String(maxNodes));
        reload("Loading up to " + maxNodes + " entities…");
      });
    }
    const relayout = document.getElementById("graph-relayout");
    if (relayout) relayout.addEventListener("click", () => { layout(150); renderer.refresh(); });
  }

  function describeScope() {
    const o = params.get("outlet"), f = params.get("from"), t = params.get("to");
    let s = o ? "the documents of " + o : "every outlet's documents";
    if (f && t) s += ", published " + f + " to " + t;
    else if (f) s += ", published from " + f;
    else if (t) s += ", published up to " + t;
    return s;
  }

  let loading = 0;
  async function reload(msg) {
    const mine = ++loading;
    say(msg);
    stopLayout();
    let parts;
    try {
      parts = await fetchGraph();
    } catch (err) {
      say("Could not load the graph: " + err.message);
      return;
    }
    if (mine !== loading) return; // a newer change is loading
    load(parts);
    history.replaceState(null, "", "/graph?" + params.toString());
    tune();
    layout(100);
    renderer.refresh();
    renderer.getCamera().animatedReset({ duration: 300 }); // the whole new graph in view
    say(counts() + " over " + describeScope() + "." + (truncated ? " More are linked: show more, or raise the minimum of sources." : ""));
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

// Measures the graph explorer on a large store in a real headless Chromium:
// how long until the first graph is drawn, how long the layout runs, and
// the frame times while the graph grows to thousands of nodes and while one
// pans and zooms over it. Not a test (nothing is asserted): numbers for
// people, printed as JSON. Run against a server of a large store:
//
//   go run ./scripts/benchcorpus -n 3000 -seed 1 ../shared/data/ud-english-ewt/*.conllu \
//       ../shared/data/gum/dep/*.conllu > /tmp/mix3k.jsonl
//   bin/claimgraph ingest --db /tmp/big.db /tmp/mix3k.jsonl
//   bin/claimgraph serve --db /tmp/big.db --addr 127.0.0.1:8099 &
//   (cd httpapi/e2e && BASE_URL=http://127.0.0.1:8099 ENTITY="United States" node perf.mjs)
//
// ENTITY names the graph's center (the most mentioned entity by default);
// NODES the size to grow the graph to by expanding the best-connected
// nodes (2000 by default).
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const want = Number(process.env.NODES || 2000);
// Growing stops after GROW_SECONDS (240 by default), so a slow explorer
// still reports.
const growFor = Number(process.env.GROW_SECONDS || 240) * 1000;
if (!base) {
  console.error("BASE_URL is not set");
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "claimgraph-perf-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Frame times: every requestAnimationFrame's distance from the previous one,
// and the long tasks (over 50 ms) of the page's thread.
const probe = () => {
  window.__frames = [];
  window.__long = [];
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ entryTypes: ["longtask"] });
};

function summary(frames, long) {
  const f = [...frames].sort((a, b) => a - b);
  const q = (p) => (f.length ? Math.round(f[Math.min(f.length - 1, Math.floor(p * f.length))] * 10) / 10 : 0);
  return {
    frames: f.length, p50_ms: q(0.5), p95_ms: q(0.95), max_ms: q(1), over_50ms: f.filter((x) => x > 50).length,
    long_tasks: long.length, longest_task_ms: Math.round(Math.max(0, ...long)),
  };
}

async function window_(page, ms) {
  await page.evaluate(() => { window.__frames.length = 0; window.__long.length = 0; });
  await page.waitForTimeout(ms);
  return page.evaluate(() => ({ frames: window.__frames.slice(1), long: window.__long.slice() }));
}

// panZoom drags the view about and zooms in and out, three times, and
// returns the frame times meanwhile.
async function panZoom(page) {
  const r = await page.locator("#graph-explore").boundingBox();
  const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
  await page.evaluate(() => { window.__frames.length = 0; window.__long.length = 0; window.__render.length = 0; });
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 3; i++) {
    await page.mouse.down();
    await page.mouse.move(cx + 200, cy + 120, { steps: 30 });
    await page.mouse.move(cx - 150, cy - 80, { steps: 30 });
    await page.mouse.up();
    for (let k = 0; k < 10; k++) { await page.mouse.wheel(0, k < 5 ? -200 : 200); await page.waitForTimeout(30); }
  }
  const pz = await page.evaluate(() => ({ frames: window.__frames.slice(1), long: window.__long.slice(), render: window.__render.slice() }));
  const r2 = [...pz.render].sort((a, b) => a - b);
  return { ...summary(pz.frames, pz.long), renders: r2.length, render_p50_ms: Math.round(r2[Math.floor(r2.length / 2)] || 0), render_p95_ms: Math.round(r2[Math.floor(r2.length * 0.95)] || 0) };
}

try {
  const page = browser.pages()[0] || (await browser.newPage());
  page.setDefaultTimeout(120000);
  await page.addInitScript(probe);
  let entity = process.env.ENTITY;
  if (!entity) {
    const res = await page.request.get(base + "/api/entities?limit=1");
    entity = (await res.json()).items[0].name;
  }
  const out = { entity, target_nodes: want };
  const t0 = Date.now();
  await page.goto(base + "/graph?entity=" + encodeURIComponent(entity) + "&depth=2&max_nodes=500", { waitUntil: "load" });
  await page.waitForFunction(() => window.claimgraphGraph, null, { timeout: 120000 });
  out.first_draw_ms = Date.now() - t0;
  // The renderer's own time per frame drawn.
  await page.evaluate(() => {
    window.__render = [];
    const { renderer } = window.claimgraphGraph;
    let t = 0;
    renderer.on("beforeRender", () => { t = performance.now(); });
    renderer.on("afterRender", () => { window.__render.push(performance.now() - t); });
  });
  out.initial = await page.evaluate(() => ({ nodes: window.claimgraphGraph.graph.order, edges: window.claimgraphGraph.graph.size }));
  const settle = async () => {
    const t = Date.now();
    await page.waitForFunction(() => !(window.claimgraphGraph.layoutRunning && window.claimgraphGraph.layoutRunning()), null, { timeout: 120000 });
    return Date.now() - t;
  };
  // Frames while the first layout runs, then its time.
  const during = await window_(page, 1500);
  out.first_layout_frames = summary(during.frames, during.long);
  await settle();
  out.first_layout_ms = await page.evaluate(() => (window.claimgraphGraph.layoutMs ? Math.round(window.claimgraphGraph.layoutMs()) : null));
  console.error(JSON.stringify(out));
  out.pan_zoom_initial = await panZoom(page);
  // Grow: expand the best-connected nodes not expanded yet, through the
  // page's own click handler path (the API, then add and lay out).
  const grow = [];
  const tried = new Set();
  while (true) {
    const n = await page.evaluate(() => window.claimgraphGraph.graph.order);
    if (n >= want || tried.size > 40 || Date.now() - t0 > growFor) break;
    const next = await page.evaluate((tried) => {
      const { graph } = window.claimgraphGraph;
      let best = null, deg = -1;
      graph.forEachNode((id) => { if (!tried.includes(id) && graph.degree(id) > deg) { best = id; deg = graph.degree(id); } });
      return best;
    }, [...tried]);
    if (!next) break;
    tried.add(next);
    const t = Date.now();
    await page.evaluate(() => { document.getElementById("graph-status").textContent = ""; });
    await page.evaluate((id) => {
      const { graph, renderer } = window.claimgraphGraph;
      // A click as sigma reports one: a press on the node, a release, a click.
      const ev = { node: id, event: { original: new MouseEvent("click") } };
      renderer.emit("downNode", ev);
      renderer.emit("clickNode", ev);
      return graph.order;
    }, next);
    await page.mouse.up(); // the press's release: the node is not dragged
    await page.waitForFunction(() => /Added|no other neighbours|Could not/.test(document.getElementById("graph-status").textContent), null, { timeout: 60000 });
    const expandMs = Date.now() - t;
    const w = await window_(page, 1000);
    grow.push({ nodes: await page.evaluate(() => window.claimgraphGraph.graph.order), expand_ms: expandMs, ...summary(w.frames, w.long) });
    console.error(JSON.stringify(grow[grow.length - 1]));
  }
  out.grow = grow;
  out.final = await page.evaluate(() => ({ nodes: window.claimgraphGraph.graph.order, edges: window.claimgraphGraph.graph.size }));
  out.final_layout_settle_ms = await settle();
  out.final_layout_ms = await page.evaluate(() => (window.claimgraphGraph.layoutMs ? Math.round(window.claimgraphGraph.layoutMs()) : null));
  // Pan and zoom over the whole graph.
  console.error(JSON.stringify(out));
  out.pan_zoom = await panZoom(page);
  console.log(JSON.stringify(out, null, 1));
} finally {
  await browser.close();
}

// End-to-end test of the claimgraph web UI in a real headless Chromium,
// driven by playwright-core. Run by httpapi's TestBrowser, which builds the
// binary, ingests the articles, starts `claimgraph serve` and passes:
//   BASE_URL   the server's address
//   CHROMIUM   the browser executable (Debian's /usr/bin/chromium)
//   SEEDS=1    when the shared seed articles were ingested (MKO steps run)
//   SHOTS=DIR  optional: also write screenshots there
// It exits non-zero on the first failed assertion, saying what was expected.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE_URL;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const seeds = process.env.SEEDS === "1";
if (!base) {
  console.error("BASE_URL is not set");
  process.exit(2);
}

let step = "start";
function check(cond, what) {
  if (!cond) throw new Error(`[${step}] ${what}`);
  console.log(`ok   [${step}] ${what}`);
}

const dialogs = [];
const pageErrors = [];
const cspViolations = [];

const profile = mkdtempSync(join(tmpdir(), "claimgraph-e2e-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

try {
  const page = browser.pages()[0] || (await browser.newPage());
  page.setDefaultTimeout(15000);
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  const goto = async (path) => {
    const res = await page.goto(base + path, { waitUntil: "load" });
    return res;
  };
  const noXSS = async (where) => {
    const state = await page.evaluate(() => ({ xss: window.__xss, title: document.title }));
    check(state.xss === undefined, `${where}: no payload ran (window.__xss is ${state.xss})`);
    check(state.title !== "pwned" && / · claimgraph$/.test(state.title), `${where}: document.title is the page's own (${state.title})`);
    check(dialogs.length === 0, `${where}: no dialog opened (${dialogs.join("; ")})`);
    check(cspViolations.length === 0, `${where}: no inline script was even attempted (${cspViolations.join("; ")})`);
  };

  // The start page and its search box.
  step = "home";
  let res = await goto("/");
  check(res.status() === 200, "start page answers 200");
  check(await page.locator("form.search input[name=q]").count() === 1, "search box present");

  if (seeds) {
    // Find the MKO through the search box, open its entity page.
    step = "search MKO";
    await page.fill("form.search input[name=q]", "MKO");
    await Promise.all([page.waitForURL(/\/search\?q=MKO/), page.click("form.search button")]);
    const hits = await page.locator("ol.hits li").count();
    check(hits >= 3, `search for MKO lists documents (${hits})`);
    const marks = await page.locator("ol.hits mark").allTextContents();
    check(marks.some((m) => m.toUpperCase() === "MKO"), "matches are marked in the snippets");
    const actor = page.locator("section ul.entities a.ent").first();
    check(await actor.count() === 1, "search lists the matching actor");
    await Promise.all([page.waitForURL(/\/entities\/\d+/), actor.click()]);

    step = "MKO entity page";
    const name = (await page.locator("h1.entity-name").textContent()).trim();
    check(/Moja?hedin|Khalq|MKO/i.test(name), `entity page is the MKO's: "${name}"`);
    const aliasNames = await page.locator("#aliases .alias").allTextContents();
    for (const want of ["MEK", "PMOI"]) {
      check(aliasNames.some((a) => a.trim() === want), `alias ${want} listed (${[...new Set(aliasNames)].join(", ")})`);
    }
    const evidence = page.locator("#aliases a.evidence");
    check(await evidence.count() >= 2, "aliases come with their evidence");
    const evText = (await evidence.first().textContent()).replace(/[“”]/g, "").trim();
    const docsListed = await page.locator("#documents ul.docs li").count();
    check(docsListed >= 3, `mentioned in at least 3 documents (${docsListed})`);
    check(await page.locator("#cooccurring ul.entities li").count() >= 3, "co-occurring actors listed");
    const entityURL = page.url();
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "entity.png"), fullPage: false });

    // The same page when the server left its lists to the browser: they
    // arrive from the API and are built as text.
    if (process.env.DEFERRED_URL) {
      step = "deferred lists";
      await page.goto(process.env.DEFERRED_URL + new URL(entityURL).pathname);
      check(await page.locator("div.deferred").count() === 3, "the server deferred three lists");
      await page.waitForFunction(() => document.querySelectorAll("div.deferred.loaded").length === 3);
      const quotesAbout = await page.locator("#quotes-about div.deferred blockquote.quote").count();
      const speakerLinks = await page.locator("#quotes-about div.deferred footer a[href^='/entities/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      check(quotesAbout >= 1, `quotes about the MKO loaded (${quotesAbout})`);
      check(speakerLinks.every((h) => /^\/entities\/\d+$/.test(h)), "speaker links keep their exact ids");
      if (speakerLinks.length) {
        const r = await page.request.get(process.env.DEFERRED_URL + speakerLinks[0].replace("/entities/", "/api/entities/"));
        check(r.status() === 200, `speaker link ${speakerLinks[0]} names a stored entity`);
      }
      await page.goto(entityURL);
    }

    // Follow an alias's evidence into the document: the span is highlighted.
    step = "alias evidence";
    await Promise.all([page.waitForURL(/\/documents\/[0-9a-f]+\?hl=\d+-\d+/), evidence.first().click()]);
    const hl = page.locator("#hl");
    check(await hl.count() === 1, "the followed span is marked in the reader");
    await hl.waitFor({ state: "visible" });
    const hlText = (await page.locator(".hl").allTextContents()).join("");
    check(hlText === evText, `highlighted text is the evidence ("${hlText}" vs "${evText}")`);
    check(await hl.isVisible() && (await hl.boundingBox()) !== null, "highlight is on screen");

    // The graph: nodes, edges sized by sources, clicking an edge opens its evidence.
    // The server-drawn SVG is the fallback without the explorer's scripts:
    // checked here with them blocked, then the explorer itself.
    step = "graph";
    const blockExplorer = (route) => route.fulfill({ status: 404, body: "" });
    await page.route(/\/assets\/(graph\.js|vendor\/graph-lib\.js)$/, blockExplorer);
    await goto(new URL(entityURL).pathname);
    await Promise.all([page.waitForURL(/\/graph\?entity=/), page.click("a[href^='/graph?entity=']")]);
    const graphURL = page.url();
    const nodes = await page.locator("svg.graph a.node").count();
    const edges = await page.locator("svg.graph a.edge").count();
    check(nodes >= 5 && edges >= 4, `graph drawn (${nodes} nodes, ${edges} edges)`);
    check(await page.locator("svg.graph a.node.center").count() === 1, "the MKO is the centre");
    const widths = await page.locator("svg.graph line.stroke").evaluateAll((ls) => ls.map((l) => +l.getAttribute("stroke-width")));
    check(Math.max(...widths) > Math.min(...widths), "edge widths differ with the number of sources");
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "graph.png"), fullPage: false });
    // Click edges of the MKO where nothing else covers them, widest first,
    // until one shows evidence (two actors may share a document without
    // sharing a sentence: then the panel says so).
    const order = widths.map((w, i) => [w, i]).sort((a, b) => b[0] - a[0]).map((x) => x[1]);
    let edge = null, shown = [], clicked = 0;
    for (const i of order.slice(0, 60)) {
      const cand = page.locator("svg.graph a.edge").nth(i);
      if (await cand.evaluate((a) => a.classList.contains("peripheral"))) continue;
      const at = await cand.evaluate((a) => {
        const l = a.querySelector("line.hit");
        const m = l.getScreenCTM();
        const p = (x, y) => { const pt = l.ownerSVGElement.createSVGPoint(); pt.x = x; pt.y = y; return pt.matrixTransform(m); };
        const s = p(+l.getAttribute("x1"), +l.getAttribute("y1")), e = p(+l.getAttribute("x2"), +l.getAttribute("y2"));
        for (let t = 0.5; t < 0.95; t += 0.05) {
          for (const u of [t, 1 - t]) {
            const x = s.x + (e.x - s.x) * u, y = s.y + (e.y - s.y) * u;
            const top = document.elementFromPoint(x, y);
            if (top && a.contains(top)) return { x, y };
          }
        }
        return null;
      });
      if (!at) continue;
      await page.mouse.click(at.x, at.y);
      clicked++;
      await page.locator("#edge-panel").waitFor({ state: "visible" });
      await page.waitForFunction(() => !/Loading/.test(document.getElementById("edge-body").textContent));
      check(/edge-open|edge/.test(await page.locator("#edge-open").getAttribute("href")), "the panel links to the evidence page");
      check(!(await page.locator("#edge-body .error").count()), "the evidence loaded without error");
      shown = await page.locator("#edge-body .evidence").allTextContents();
      if (shown.length > 0) { edge = cand; break; }
      console.log("     edge without evidence: " + (await page.locator("#edge-panel").innerText()).replace(/\s+/g, " ").slice(0, 200));
    }
    check(edge !== null, `clicking an edge shows its evidence (${shown.length} pieces after ${clicked} clicks)`);
    check(shown[0].length > 20, `evidence is a sentence: "${shown[0]}"`);
    check(await edge.evaluate((e) => e.classList.contains("selected")), "the clicked edge is selected");
    check(page.url().includes("/graph?"), "clicking edges stayed on the graph page");
    const evidenceHref = await page.locator("#edge-open").getAttribute("href");
    await page.unroute(/\/assets\/(graph\.js|vendor\/graph-lib\.js)$/, blockExplorer);

    // The explorer: drawn by sigma.js over the same graph; drag, expand a
    // node's neighbours, filter by type and sources, an edge's evidence.
    step = "graph explorer";
    await goto(new URL(graphURL).pathname + new URL(graphURL).search);
    try {
      await page.waitForFunction(() => document.body.classList.contains("graph-live") && window.claimgraphGraph, null, { timeout: 20000 });
    } catch (err) {
      throw new Error(`[${step}] the explorer did not start: "${await page.locator("#graph-status").textContent()}" ${pageErrors.join("; ")}`);
    }
    check(!(await page.locator("svg.graph").isVisible()), "the explorer replaces the SVG");
    check(await page.locator("#graph-explore canvas").count() > 0, "the explorer draws on canvases");
    const order0 = await page.evaluate(() => window.claimgraphGraph.graph.order);
    check(order0 >= 5, `explorer graph loaded (${order0} nodes)`);
    const labels = await page.evaluate(() => window.claimgraphGraph.graph.mapNodes((n, a) => a.label));
    check(labels.every((l) => l && !/^\d+$/.test(l)), "nodes are labelled with names, not ids");
    // Viewport position of a node, for the mouse.
    const at = (node) => page.evaluate((n) => {
      const { graph, renderer } = window.claimgraphGraph;
      const p = renderer.graphToViewport(graph.getNodeAttributes(n));
      const r = document.querySelector("#graph-explore").getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, node);
    const inView = await page.evaluate(() => {
      const { graph, renderer } = window.claimgraphGraph;
      const r = document.querySelector("#graph-explore").getBoundingClientRect();
      return graph.filterNodes((n, a) => {
        const p = renderer.graphToViewport(a);
        return p.x > 20 && p.y > 20 && p.x < r.width - 20 && p.y < r.height - 20;
      });
    });
    // Drag: a node follows the mouse (a node may lie under another's
    // label: the next one is tried).
    const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    let dragged = false;
    for (const dragNode of inView.slice(-4).reverse()) {
      await frame();
      const p0 = await at(dragNode);
      const before = await page.evaluate((n) => ({ ...window.claimgraphGraph.graph.getNodeAttributes(n) }), dragNode);
      await page.mouse.move(p0.x, p0.y);
      await frame();
      await page.mouse.down();
      await page.mouse.move(p0.x + 40, p0.y + 30, { steps: 8 });
      await page.mouse.up();
      const after = await page.evaluate((n) => ({ ...window.claimgraphGraph.graph.getNodeAttributes(n) }), dragNode);
      if (after.x !== before.x || after.y !== before.y) { dragged = true; break; }
    }
    check(dragged, "dragging a node moves it");
    // Expand: clicking nodes adds their neighbours.
    let grown = false;
    for (const n of inView.slice(0, 8)) {
      const o = await page.evaluate(() => window.claimgraphGraph.graph.order);
      const p = await at(n);
      await page.evaluate(() => { document.getElementById("graph-status").textContent = ""; });
      await frame();
      await page.mouse.click(p.x, p.y);
      try {
        await page.waitForFunction(() => /Added|no other neighbours|Could not/.test(document.getElementById("graph-status").textContent), null, { timeout: 15000 });
      } catch {
        continue; // the click fell on a label or an edge, not the node: try the next
      }
      check(!/Could not/.test(await page.locator("#graph-status").textContent()), "expanding a node loaded without error");
      if (await page.evaluate(() => window.claimgraphGraph.graph.order) > o) { grown = true; break; }
    }
    check(grown, `clicking a node adds its neighbours (${await page.evaluate(() => window.claimgraphGraph.graph.order)} nodes now)`);
    check(await page.locator("#graph-node a[href^='/entities/']").count() === 1, "the selected node links to its page");
    // Filters: people hidden; edges under a source count hidden.
    await page.locator("#graph-filters input[data-type=PER]").uncheck();
    const perShown = await page.evaluate(() => {
      const { graph, renderer } = window.claimgraphGraph;
      return graph.filterNodes((n, a) => a.etype === "PER" && !renderer.getNodeDisplayData(n).hidden).length;
    });
    check(perShown === 0, "unchecking people hides every person");
    await page.locator("#graph-filters input[data-type=PER]").check();
    await page.locator("#graph-min-sources").fill("2");
    const weakShown = await page.evaluate(() => {
      const { graph, renderer } = window.claimgraphGraph;
      return graph.filterEdges((e, a) => a.sources < 2 && !renderer.getEdgeDisplayData(e).hidden).length;
    });
    check(weakShown === 0, "the minimum of sources hides weaker edges");
    await page.locator("#graph-min-sources").fill("0");
    // An edge's evidence, one click away. The force layout may still move
    // the nodes between reading an edge's midpoint and clicking it, so each
    // of a few edges is tried, read afresh just before its click.
    const edgePoint = (skip) => page.evaluate((skip) => {
      const { graph, renderer } = window.claimgraphGraph;
      const r = document.querySelector("#graph-explore").getBoundingClientRect();
      const best = graph.filterEdges((e, a) => a.sources >= 1).map((e) => [graph.getEdgeAttribute(e, "sources"), e]).sort((x, y) => y[0] - x[0]);
      let seen = 0;
      for (const [, e] of best) {
        const [s, t] = graph.extremities(e);
        const ps = renderer.graphToViewport(graph.getNodeAttributes(s)), pt = renderer.graphToViewport(graph.getNodeAttributes(t));
        for (const u of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const x = ps.x + (pt.x - ps.x) * u, y = ps.y + (pt.y - ps.y) * u;
          if (x < 5 || y < 5 || x > r.width - 5 || y > r.height - 5) continue;
          if (graph.someNode((n, a) => { const p = renderer.graphToViewport(a); return Math.hypot(p.x - x, p.y - y) < 25; })) continue;
          if (seen++ < skip) break; // one point an edge; skip the edges tried already
          return { x: r.left + x, y: r.top + y };
        }
      }
      return null;
    }, skip);
    let mid = null, opened = false;
    for (let attempt = 0; attempt < 8 && !opened; attempt++) {
      const p = await edgePoint(attempt);
      if (p === null) break;
      mid = p;
      await page.evaluate(() => { document.getElementById("edge-panel").hidden = true; });
      await page.mouse.click(p.x, p.y);
      try {
        await page.locator("#edge-panel").waitFor({ state: "visible", timeout: 3000 });
        opened = true;
      } catch {
        // the edge moved under the click: try the next one
      }
    }
    check(mid !== null, "an edge can be clicked clear of the nodes");
    check(opened, "clicking an explorer edge opens its evidence panel");
    await page.waitForFunction(() => !/Loading/.test(document.getElementById("edge-body").textContent));
    check(!(await page.locator("#edge-body .error").count()), "clicking an explorer edge loads its evidence");
    // Outlet and publication dates: the server counts the graph again over
    // those documents (the seeds were ingested as two outlets' and some
    // undated ones). Co-occurrence sources are distinct outlets, so within
    // one outlet, or one outlet's dates, none counts more than one.
    // The status says "Counting the graph again over …" while it loads,
    // then "N entities, M edges … over …".
    const scoped = async (what, pattern) => {
      await page.waitForFunction((p) => new RegExp("^\\d+ entities, .*" + p).test(document.getElementById("graph-status").textContent), pattern, { timeout: 20000 });
      return page.evaluate(() => {
        const { graph } = window.claimgraphGraph;
        return { order: graph.order, most: Math.max(0, ...graph.filterEdges((e, a) => a.kind === "cooccur").map((e) => graph.getEdgeAttribute(e, "sources"))) };
      });
    };
    const whole = await page.evaluate(() => ({ order: window.claimgraphGraph.graph.order }));
    const outletNames = await page.locator("#graph-outlet option").evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
    check(outletNames.includes("Seed Ledger"), `the explorer lists the store's outlets (${outletNames.join(", ")})`);
    await page.selectOption("#graph-outlet", "Seed Ledger");
    const ledger = await scoped("outlet", "over the documents of Seed Ledger");
    check(ledger.most <= 1 && ledger.order <= whole.order && ledger.order >= 1, `one outlet's graph (${ledger.order} of ${whole.order} nodes, at most ${ledger.most} source(s) an edge)`);
    check(page.url().includes("outlet=Seed+Ledger"), "the address keeps the outlet");
    await page.selectOption("#graph-outlet", "");
    await page.locator("#graph-from").fill("2015-09");
    await page.locator("#graph-from").press("Enter");
    const later = await scoped("from", "published from 2015-09");
    check(later.most <= 1 && later.order <= whole.order, `the graph from September 2015 (${later.order} nodes, at most ${later.most} source(s) an edge)`);
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "graph-explorer-filters.png"), fullPage: false });
    await page.locator("#graph-from").fill("");
    await page.locator("#graph-from").press("Enter");
    const back = await scoped("none", "over every outlet's documents");
    check(back.order === whole.order, `without outlet and dates the whole graph is back (${back.order} nodes)`);
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "graph-explorer.png"), fullPage: false });
    // Show more: a graph cut at 10 nodes offers more, and gives them.
    const small = new URL(graphURL);
    small.searchParams.set("max_nodes", "10");
    await goto(small.pathname + small.search);
    await page.waitForFunction(() => document.body.classList.contains("graph-live") && window.claimgraphGraph, null, { timeout: 20000 });
    const cut = await page.evaluate(() => window.claimgraphGraph.graph.order);
    check(cut === 10 && await page.locator("#graph-more").isVisible(), `a graph cut at 10 nodes offers more (${cut} nodes)`);
    await page.click("#graph-more");
    await page.waitForFunction(() => /^\d+ entities, /.test(document.getElementById("graph-status").textContent) && /max_nodes=20/.test(location.search), null, { timeout: 20000 });
    const more = await page.evaluate(() => window.claimgraphGraph.graph.order);
    check(more > cut && more <= 20, `show more adds entities (${cut} → ${more})`);

    step = "edge evidence page";
    await goto(evidenceHref);
    check(/Evidence:/.test(await page.locator("h1").textContent()), "evidence page opened");
    const sentence = page.locator("#edge-sentences li, #edge-claims li.claim").first();
    check(await sentence.count() === 1, "evidence page lists sentences or claims");
    const sentenceLink = page.locator("#edge-sentences li a[href*='?hl='], #edge-claims li.claim a[href*='?hl=']").first();
    const sentText = (await page.locator("#edge-sentences li q.evidence, #edge-claims li.claim q.evidence").first().textContent()).trim();
    await Promise.all([page.waitForURL(/\/documents\/.*\?hl=/), sentenceLink.click()]);
    const marked = (await page.locator(".hl").allTextContents()).join("").trim();
    check(marked === sentText, "the evidence sentence is highlighted in its document");

    // The 002 document: sidebar greyed, mentions link to entity pages.
    step = "document 002";
    const docs = await (await page.request.get(base + "/api/documents?limit=500")).json();
    const d002 = docs.items.find((d) => /(^|\/)002_/.test(d.source));
    check(d002 !== undefined, "document 002 is stored");
    await goto("/documents/" + d002.id);
    const grey = page.locator(".region-boilerplate");
    check(await grey.count() >= 1, "a boilerplate region is marked");
    const color = await grey.first().evaluate((e) => getComputedStyle(e).color);
    check(color === "rgb(154, 154, 154)", `boilerplate is greyed (${color})`);
    const mainText = await page.locator(".region-main").first().textContent();
    check(mainText.length > 200, "main text shown");
    const mention = page.locator(".region-main a.m").first();
    check(await mention.count() === 1, "mentions are links");
    const quoteMarks = await page.locator(".q[data-speaker]").count();
    check(quoteMarks >= 1, `quotes marked with their speaker (${quoteMarks})`);
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "document-002.png"), fullPage: true });
    const mentionText = (await mention.textContent()).trim();
    await Promise.all([page.waitForURL(/\/entities\//), mention.click()]);
    check(await page.locator("h1.entity-name").count() === 1, `mention "${mentionText}" opens an entity page`);

    step = "timeline";
    await goto("/timeline");
    const entries = await page.locator("ol.timeline-list li").count();
    if (entries > 0) {
      check(await page.locator("svg.timeline a.dot").count() >= 1, `timeline drawn (${entries} entries)`);
    } else {
      check(await page.locator("p.empty").count() === 1, "empty timeline says so");
    }
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "timeline.png"), fullPage: false });
  }

  // Filters: outlet choices from the store, placeholders from its dates,
  // documents newest first.
  step = "filters";
  await goto("/quotes");
  const outlets = await page.locator("select[name=outlet] option").evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
  check(outlets.length >= 1, `outlets listed from the store (${outlets.length})`);
  const ph = await page.locator("input[name=from]").getAttribute("placeholder");
  check(/^\d{4}-\d{2}-\d{2}$/.test(ph), `the date placeholder is the store's first date (${ph})`);
  await page.selectOption("select[name=outlet]", outlets[0]);
  await Promise.all([page.waitForURL(/outlet=/), page.click("form.filter button[type=submit]")]);
  const footers = await page.locator("blockquote.quote footer").allTextContents();
  check(footers.every((f) => f.includes(outlets[0])), `every quote shown is from ${outlets[0]} (${footers.length})`);
  await goto("/documents?sort=-date");
  const dates = (await page.locator("table.list tbody tr td:nth-child(3)").allTextContents()).filter((d) => d);
  check(dates.every((d, i) => i === 0 || d <= dates[i - 1]), `documents newest first (${dates.slice(0, 3).join(", ")}…)`);
  if (process.env.SHOTS) {
    await goto("/quotes");
    await page.screenshot({ path: join(process.env.SHOTS, "quotes-filters.png"), fullPage: false });
  }

  // Downloads: the export links of the claims, entity and graph pages give
  // files that begin as their format does.
  step = "downloads";
  await goto("/entities");
  const firstEntity = await page.locator("main a[href^='/entities/']").first().getAttribute("href");
  const id = firstEntity.split("/").pop();
  const magic = { graphml: "<?xml", gexf: "<?xml", csv: "PK", ftm: "{", jsonld: "{", jsonl: "{" };
  for (const path of ["/claims", firstEntity, `/graph?entity=${id}`]) {
    await goto(path);
    const links = page.locator("a.export-link");
    const n = await links.count();
    // The graph page offers downloads only when it drew edges.
    if (path.startsWith("/graph") && n === 0) continue;
    check(n === 6, `${path}: six download links (${n})`);
    for (const format of path === "/claims" ? Object.keys(magic) : ["graphml", "csv"]) {
      const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`a.export-link[data-format=${format}]`)]);
      const file = readFileSync(await dl.path());
      check(file.length > 0 && file.subarray(0, magic[format].length).toString() === magic[format],
        `${path}: ${format} downloads as ${dl.suggestedFilename()} (${file.length} bytes)`);
    }
  }

  // Script payloads in every field of ingested articles never run.
  step = "xss";
  await goto("/search?q=xsscanary");
  const xssHits = await page.locator("ol.hits li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  check(xssHits.length >= 2, `payload articles are found (${xssHits.length})`);
  await noXSS("search");
  const body = await page.locator("main").textContent();
  check(body.includes("<script>"), "payloads are shown as text on the search page");
  const visited = ["/", "/documents", "/quotes", "/entities?q=xss", "/claims", "/timeline", "/reuse"];
  for (const href of xssHits) visited.push(href);
  for (const path of visited) {
    await goto(path);
    await noXSS(path);
  }
  for (const href of xssHits) {
    await goto(href);
    const text = await page.locator("article.reader").textContent();
    const marks = (await page.locator("article.reader .markup").evaluateAll((es) => es.map((e) => e.title))).join(" ");
    check(text.includes("window.__xss") || marks.includes("window.__xss"), `${href}: the payload is in the reader as text (or as a muted markup mark)`);
    const title = await page.locator("h1").first().textContent();
    const metaText = await page.locator("main").textContent();
    check(/<script>|<img|<svg/.test(title + metaText), `${href}: title and metadata payloads are text`);
    // Follow every entity link in the payload document once.
    const links = await page.locator("article.reader a.m").evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
    for (const l of links.slice(0, 10)) {
      await goto(l);
      await noXSS(l);
    }
  }
  // Curation in the browser, behind the write token: rename an entity with
  // a note, see it in the log with the token's name, undo it; an alias can
  // be rejected from its evidence. Read-only without the token.
  if (process.env.CURATE_URL) {
    step = "curation";
    const cur = process.env.CURATE_URL;
    const ents = await (await page.request.get(cur + "/api/entities?limit=20")).text();
    const ent = JSON.parse(ents.replace(/("id":\s*)(\d+)/g, '$1"$2"')).items.find((e) => e.aliases.some((a) => a.name !== e.name)) ||
      JSON.parse(ents.replace(/("id":\s*)(\d+)/g, '$1"$2"')).items[0];
    await page.goto(cur + "/entities/" + ent.id, { waitUntil: "load" });
    check(await page.locator("#curate").count() === 0, "no curation forms without the write token");
    await page.goto(cur + "/entities/" + ent.id + "?write_token=" + process.env.WRITE_TOKEN, { waitUntil: "load" });
    check(!page.url().includes("write_token"), "the write token leaves the address bar");
    check(await page.locator("#curate form").count() >= 4, "rename, retype, merge and split forms shown with the token");
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, "curation.png"), fullPage: false });
    const newName = ent.name + " (curated)";
    const rename = page.locator("#curate form:has(input[value=rename])");
    await rename.locator("input[name=to]").fill(newName);
    await rename.locator("input[name=note]").fill("e2e: checking the rename");
    await Promise.all([page.waitForURL(/\/curate/), rename.locator("button").click()]);
    const first = page.locator("ol.curation-log li").first();
    if (await first.count() === 0) throw new Error(`[${step}] no curation log at ${page.url()}: ${(await page.locator("main").textContent()).replace(/\s+/g, " ").slice(0, 300)}`);
    const entry = await first.textContent();
    check(entry.includes("e2e") && entry.includes("rename:") && entry.includes("e2e: checking the rename"), `the decision is logged with its author and note (${entry.replace(/\s+/g, " ").slice(0, 120)})`);
    const renamed = await (await page.request.get(cur + "/api/entities/" + encodeURIComponent(newName))).json();
    check(renamed.name === newName, "the rename is applied");
    await first.locator("input[name=note]").fill("e2e: undo");
    await Promise.all([page.waitForURL(/\/curate/), first.locator("button.undo").click()]);
    check((await page.locator("ol.curation-log li").first().textContent()).includes("undid decision"), "the undo is logged");
    const back = await page.request.get(cur + "/api/entities/" + encodeURIComponent(ent.name));
    check(back.ok() && (await back.json()).name === ent.name, "after the undo the entity has its name again");
    await noXSS("/curate");
    await page.goto(cur + "/entities/" + encodeURIComponent(ent.name), { waitUntil: "load" });
    const reject = page.locator("form.curate-inline button.reject");
    if (await reject.count() > 0) {
      const form = page.locator("form.curate-inline:has(button.reject)").first();
      const alias = await form.locator("input[name=name]").nth(1).getAttribute("value");
      await form.locator("input[name=note]").fill("e2e: not the same");
      await Promise.all([page.waitForURL(/\/curate/), form.locator("button.reject").click()]);
      check((await page.locator("ol.curation-log li").first().textContent()).includes("split:"), `rejecting the alias ${alias} records a split`);
      await page.locator("ol.curation-log li").first().locator("button.undo").click();
      await page.waitForURL(/\/curate/);
    }
  }
  check(pageErrors.length === 0, `no script errors on any page (${pageErrors.join("; ")})`);
  console.log("PASS");
} catch (err) {
  console.error("FAIL", err.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}

// claimgraph web UI: small progressive enhancements. Every page works without
// this script. Document content is only ever written with textContent.
"use strict";

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function spanURL(doc, start, end) {
  return "/documents/" + encodeURIComponent(doc) + "?hl=" + start + "-" + end + "#hl";
}

// Graph: clicking an edge shows its evidence beside the graph.
function initGraph() {
  const svg = document.querySelector("svg.graph");
  const panel = document.getElementById("edge-panel");
  if (!svg || !panel) return;
  svg.addEventListener("click", async (ev) => {
    const a = ev.target.closest("a.edge");
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    for (const x of svg.querySelectorAll("a.edge.selected")) x.classList.remove("selected");
    a.classList.add("selected");
    const ids = "a=" + encodeURIComponent(a.dataset.a) + "&b=" + encodeURIComponent(a.dataset.b);
    const title = document.getElementById("edge-title");
    const body = document.getElementById("edge-body");
    const t = a.querySelector("title");
    title.textContent = t ? t.textContent : "";
    body.replaceChildren(el("p", "meta", "Loading…"));
    document.getElementById("edge-open").href = "/edge?" + ids;
    panel.hidden = false;
    try {
      const res = await fetch("/api/edge?" + ids, { headers: { Accept: "application/json" } });
      const data = await res.json();
      if (!res.ok) throw new Error(data.error ? data.error.message : res.statusText);
      body.replaceChildren();
      for (const c of data.claims) {
        const p = el("div", "claim");
        p.append(el("strong", "", c.subject.text + " " + c.relation.text + " " + c.object.text));
        p.append(el("div", "src", "according to " + (c.speaker ? (c.speaker.name || c.speaker.text) : "the outlet's own voice") + (c.source ? " (" + c.source + ")" : "")));
        const q = el("a", "evidence", c.evidence.text);
        q.href = spanURL(c.doc, c.evidence.start, c.evidence.end);
        p.append(q);
        body.append(p);
      }
      for (const s of data.sentences) {
        const q = el("a", "evidence sentence", s.text);
        q.href = spanURL(s.doc, s.start, s.end);
        const p = el("div", "sentence");
        p.append(q, el("span", "meta", " — " + (s.title || s.doc)));
        body.append(p);
      }
      if (!data.claims.length && !data.sentences.length) body.append(el("p", "empty", "No evidence stored for this edge."));
    } catch (err) {
      body.replaceChildren(el("p", "error", "Could not load the evidence: " + err.message));
    }
  });
}

// Reader: hovering a quote highlights all of its pieces.
function initReader() {
  const reader = document.querySelector("article.reader");
  if (!reader) return;
  const target = document.getElementById("hl");
  if (target) target.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  initGraph();
  initReader();
});

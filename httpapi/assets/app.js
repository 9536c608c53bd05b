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

// Graph: clicking an edge (of the SVG, or of the explorer in graph.js)
// shows its evidence beside the graph.
async function showEdge(aID, bID, titleText) {
  const panel = document.getElementById("edge-panel");
  if (!panel) return;
  const ids = "a=" + encodeURIComponent(aID) + "&b=" + encodeURIComponent(bID);
  const title = document.getElementById("edge-title");
  const body = document.getElementById("edge-body");
  title.textContent = titleText || "";
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
    // Named in the same documents but never in one sentence: the
    // documents are the evidence.
    if (!data.sentences.length && data.documents && data.documents.length) {
      body.append(el("p", "meta", "Named together in " + data.documents.length + " document(s), never in one sentence:"));
      const ul = el("ul", "edge-docs");
      for (const d of data.documents) {
        const a = el("a", "", d.title || d.doc.slice(0, 8));
        a.href = "/documents/" + encodeURIComponent(d.doc);
        const li = el("li");
        li.append(a, el("span", "meta", [d.outlet, d.date].filter((x) => x).map((x) => " · " + x).join("")));
        ul.append(li);
      }
      body.append(ul);
    }
    if (!data.claims.length && !data.sentences.length && !(data.documents && data.documents.length)) body.append(el("p", "empty", "No evidence stored for this edge."));
  } catch (err) {
    body.replaceChildren(el("p", "error", "Could not load the evidence: " + err.message));
  }
}
window.claimgraphShowEdge = showEdge;

function initGraph() {
  const svg = document.querySelector("svg.graph");
  if (!svg) return;
  svg.addEventListener("click", (ev) => {
    const a = ev.target.closest("a.edge");
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    for (const x of svg.querySelectorAll("a.edge.selected")) x.classList.remove("selected");
    a.classList.add("selected");
    const t = a.querySelector("title");
    showEdge(a.dataset.a, a.dataset.b, t ? t.textContent : "");
  });
}

// Reader: hovering a quote highlights all of its pieces.
function initReader() {
  const reader = document.querySelector("article.reader");
  if (!reader) return;
  const target = document.getElementById("hl");
  if (target) target.scrollIntoView({ block: "center" });
}

// Entity ids exceed 2^53: keep the JSON source text of id fields, so links
// point at the right entity (JSON.parse source access, Chromium 114+).
const ID_KEYS = new Set(["id", "entity", "subject_entity", "object_entity"]);
function parseJSON(text) {
  return JSON.parse(text, (key, value, ctx) => (ID_KEYS.has(key) && ctx && ctx.source ? ctx.source : value));
}

function entityLink(id, name) {
  const a = el("a", "", name);
  a.href = "/entities/" + encodeURIComponent(id && id !== "0" ? id : name);
  return a;
}

function docLabel(v) {
  return v.title ? (v.title.length > 80 ? v.title.slice(0, 79) + "…" : v.title) : v.doc.slice(0, 8);
}

function quoteNode(q) {
  const b = el("blockquote", "quote");
  b.append(el("p", "", "“" + q.content.text + "”"));
  const f = el("footer");
  f.append("— ");
  if (q.speaker) {
    const who = q.speaker.name || q.speaker.text || "unknown speaker";
    f.append(q.speaker.entity && q.speaker.entity !== "0" ? entityLink(q.speaker.entity, who) : who);
  } else {
    f.append(el("em", "", "unknown speaker"));
  }
  if (q.cue && q.cue.text) f.append(", ", el("span", "cue", q.cue.text));
  if (q.via) f.append(" (via " + q.via + ")");
  f.append(" · " + q.kind + " quote · ");
  const d = el("a", "", docLabel(q));
  d.href = spanURL(q.doc, q.content.start, q.content.end);
  f.append(d);
  if (q.outlet) f.append(" · " + q.outlet);
  if (q.date) f.append(" · " + q.date);
  b.append(f);
  return b;
}

function clusterNode(c) {
  const art = el("article", "cluster");
  const h = el("h3");
  const part = (cls, text, id) => {
    const s = el("span", cls);
    s.append(id && id !== "0" ? entityLink(id, text) : text);
    return s;
  };
  h.append(part("subj", c.subject, c.subject_entity), " ", el("span", "rel", c.relation), " ", part("obj", c.object, c.object_entity));
  art.append(h);
  const p = el("p", "sources");
  p.append(el("strong", "count", c.sources + " independent source" + (c.sources === 1 ? "" : "s")));
  p.append(" in " + c.docs + " document" + (c.docs === 1 ? "" : "s") + (c.source_names && c.source_names.length ? ": " + c.source_names.join(", ") : ""));
  art.append(p);
  const ul = el("ul", "claims");
  for (const v of c.claims || []) {
    const li = el("li", "claim");
    li.append(el("span", "subj", v.subject.text), " ", el("span", "rel", v.relation.text), " ", el("span", "obj", v.object.text));
    if (v.negated) li.append(el("span", "flag", "negated"));
    for (const hd of v.hedges || []) li.append(el("span", "flag hedge", hd));
    const src = el("div", "src");
    src.append("according to ", el("strong", "", v.speaker ? (v.speaker.name || v.speaker.text) : "the outlet's own voice"));
    if (v.source) src.append(" (" + v.source + ")");
    src.append(" in ");
    const d = el("a", "", docLabel(v));
    d.href = spanURL(v.doc, v.evidence.start, v.evidence.end);
    src.append(d);
    li.append(src, el("q", "evidence", v.evidence.text));
    ul.append(li);
  }
  art.append(ul);
  return art;
}

// Entity page: lists the server left for later (an entity named in very
// many documents) are fetched from the API and built with textContent.
async function initDeferred() {
  for (const box of document.querySelectorAll("div.deferred[data-src]")) {
    try {
      const res = await fetch(box.dataset.src, { headers: { Accept: "application/json" } });
      const data = parseJSON(await res.text());
      if (!res.ok) throw new Error(data.error ? data.error.message : res.statusText);
      const more = box.querySelector("a");
      box.replaceChildren();
      for (const item of data.items) box.append(box.dataset.kind === "claims" ? clusterNode(item) : quoteNode(item));
      if (!data.items.length) box.append(el("p", "empty", "None found."));
      if (data.next !== undefined && more) {
        more.textContent = "More →";
        const p = el("p");
        p.append(more);
        box.append(p);
      }
      box.classList.add("loaded");
    } catch (err) {
      box.append(el("p", "error", "Could not load this list: " + err.message));
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  initGraph();
  initReader();
  initDeferred();
});

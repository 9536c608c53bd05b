// The graph page's libraries, exposed as one global for assets/graph.js
// (the page's Content-Security-Policy allows scripts from the server only,
// so they are bundled here and embedded, never fetched from elsewhere).
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker.js";
import helpers from "graphology-layout-forceatlas2/helpers.js";
import Sigma from "sigma";

// The layout's web worker: the library makes one from a blob: URL, which the
// Content-Security-Policy (worker-src falls back to script-src 'self')
// refuses; the same worker code is served as a script of its own instead
// (fa2-worker.mjs, bundled to ../assets/vendor/fa2-worker.js).
helpers.createWorker = () => new Worker("/assets/vendor/fa2-worker.js");

window.ClaimgraphGraphLib = { Graph, forceAtlas2, FA2Layout, Sigma };

// The graph page's libraries, exposed as one global for assets/graph.js
// (the page's Content-Security-Policy allows scripts from the server only,
// so they are bundled here and embedded, never fetched from elsewhere).
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";

window.ClaimgraphGraphLib = { Graph, forceAtlas2, Sigma };

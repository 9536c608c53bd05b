// ForceAtlas2's web worker for entry.mjs's FA2Layout, bundled as a script
// of its own (the page's Content-Security-Policy refuses the library's
// blob: worker). It speaks the library's protocol (webworker.js: the node
// matrix in, the node matrix back, the edges once) but runs as many
// iterations as fit in about 40 ms before answering: the page redraws the
// whole graph on each answer, so one answer an iteration would spend the
// page's time on redraws rather than on the frames of a user's gestures.
import iterate from "graphology-layout-forceatlas2/iterate.js";

let nodes, edges;
self.addEventListener("message", (event) => {
  const data = event.data;
  nodes = new Float32Array(data.nodes);
  if (data.edges) edges = new Float32Array(data.edges);
  const t0 = performance.now();
  do {
    iterate(data.settings, nodes, edges);
  } while (performance.now() - t0 < 40);
  self.postMessage({ nodes: nodes.buffer }, [nodes.buffer]);
});

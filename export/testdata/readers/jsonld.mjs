// Expands a claimgraph JSON-LD export with the jsonld processor (no remote
// context may be fetched: the document loader refuses every URL) and turns
// it into RDF N-Quads on stdout, for the export tests to check the triples.
//
// Usage: node jsonld.mjs FILE
import { readFileSync } from "node:fs";
import jsonld from "jsonld";

const doc = JSON.parse(readFileSync(process.argv[2], "utf8"));
const documentLoader = async (url) => {
  throw new Error(`refusing to fetch ${url}: the export must embed its context`);
};
const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
if (!expanded.length) throw new Error("expanded to nothing");
const nquads = await jsonld.toRDF(doc, { format: "application/n-quads", documentLoader, safe: true });
process.stdout.write(nquads);

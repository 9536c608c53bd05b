// Validates a claimgraph FollowTheMoney export (JSON Lines) against the FtM
// model shipped in @alephdata/followthemoney (its defaultModel.json): every
// entity has a known, concrete schema; every property belongs to the schema
// or one it extends; every value is a string; every entity-typed value names
// an entity of the export whose schema is the property's range (or extends
// it); dates are ISO prefixes; ids are unique. Prints JSON counts per schema
// and the errors found (the test fails on any).
//
// Usage: node ftm.mjs FILE
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const model = require("@alephdata/followthemoney/dist/defaultModel.json");
const schemata = model.schemata;

function ancestors(name, out = new Set()) {
  if (out.has(name)) return out;
  out.add(name);
  for (const p of schemata[name]?.extends || []) ancestors(p, out);
  return out;
}
function property(schema, prop) {
  for (const s of ancestors(schema)) {
    const p = schemata[s]?.properties?.[prop];
    if (p) return p;
  }
  return null;
}

const lines = readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.trim() !== "");
const entities = lines.map((l, i) => {
  try { return JSON.parse(l); } catch (e) { return { __error: `line ${i + 1}: ${e.message}` }; }
});
const errors = [];
const byId = new Map();
const counts = {};
for (const e of entities) {
  if (e.__error) { errors.push(e.__error); continue; }
  if (byId.has(e.id)) errors.push(`duplicate id ${e.id}`);
  byId.set(e.id, e);
}
const date = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;
let refs = 0;
for (const e of byId.values()) {
  const s = schemata[e.schema];
  if (!s) { errors.push(`${e.id}: unknown schema ${e.schema}`); continue; }
  if (s.abstract) errors.push(`${e.id}: abstract schema ${e.schema}`);
  counts[e.schema] = (counts[e.schema] || 0) + 1;
  if (typeof e.id !== "string" || e.id === "") errors.push(`entity without id: ${JSON.stringify(e).slice(0, 80)}`);
  for (const req of s.required || []) {
    if (!e.properties?.[req]?.length) errors.push(`${e.id}: ${e.schema} lacks required ${req}`);
  }
  for (const [name, values] of Object.entries(e.properties || {})) {
    const p = property(e.schema, name);
    if (!p) { errors.push(`${e.id}: ${e.schema} has no property ${name}`); continue; }
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
      errors.push(`${e.id}: ${name} is not a list of strings`);
      continue;
    }
    for (const v of values) {
      if (p.type === "entity") {
        refs++;
        const t = byId.get(v);
        if (!t) errors.push(`${e.id}: ${name} names ${v}, not in the export`);
        else if (p.range && !ancestors(t.schema).has(p.range)) errors.push(`${e.id}: ${name} names a ${t.schema}, want ${p.range}`);
      } else if (p.type === "date" && !date.test(v)) {
        errors.push(`${e.id}: ${name} ${v} is not an ISO date`);
      }
      if (p.maxLength && p.type !== "text" && v.length > p.maxLength && name !== "bodyText") {
        errors.push(`${e.id}: ${name} longer than ${p.maxLength}`);
      }
    }
  }
}
console.log(JSON.stringify({ entities: byId.size, references: refs, counts, errors: errors.slice(0, 50), error_count: errors.length }));

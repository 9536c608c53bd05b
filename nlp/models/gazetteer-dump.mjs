import { allFakers } from '@faker-js/faker';
const out = {first:new Set(), last:new Set(), country:new Set(), state:new Set(), city:new Set(), company:new Set()};
const add=(set, v)=>{ if(!v) return; if(Array.isArray(v)) v.forEach(x=>add(set,x)); else if (typeof v==='object') Object.values(v).forEach(x=>add(set,x)); else if (typeof v==='string' && /^[\p{Script=Latin} .'-]+$/u.test(v) && !v.includes('{')) set.add(v); };
for (const [loc, f] of Object.entries(allFakers)) {
  const d = f.rawDefinitions;
  if (!d) continue;
  add(out.first, d.person?.first_name); add(out.last, d.person?.last_name);
  add(out.country, d.location?.country); add(out.state, d.location?.state);
  add(out.city, d.location?.city_name);
  add(out.company, d.company?.suffix);
}
for (const [k,v] of Object.entries(out)) { console.error(k, v.size); }
process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(out).map(([k,v])=>[k,[...v].sort()]))));

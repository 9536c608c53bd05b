// Dumps the name lists of npm compromise (MIT) for "claimgraph train
// gazetteer --compromise": run `node compromise-dump.mjs > compromise.json`
// in a folder where compromise is installed (npm install compromise@14.17.0).
// Keys are compromise's lexicon tags (Organization, City, Person, ...), each
// with its sorted words, plus OrgWord and PlaceWord: the words compromise
// takes as the end of an organization's or a place's name.
import nlp from 'compromise'

const model = nlp.model()
const out = {}
for (const [word, tag] of Object.entries(model.one.lexicon)) {
  for (const t of Array.isArray(tag) ? tag : [tag]) {
    (out[t] ||= []).push(word)
  }
}
out.OrgWord = Object.keys(model.two.orgWords)
out.PlaceWord = Object.keys(model.two.placeWords)
for (const k of Object.keys(out)) out[k].sort()
const sorted = {}
for (const k of Object.keys(out).sort()) sorted[k] = out[k]
console.log(JSON.stringify(sorted))

// Package resolve derives the entity layer of claimgraph: who the actors
// are, under all their names, from three inputs and nothing else:
//
//   - mentions, from Mentions (one document at a time): named entities of
//     the NLP analysis, repaired where NER splits or misses a name, with
//     their name (titles, articles and possessives stripped; a person's
//     fullest name in the document), their within-document chain, and
//     Ambiguous for a bare surname shared by several people;
//   - alias assertions, from extract/alias: what documents say about names
//     ("X, also known as Y"), each with its evidence span;
//   - decisions: a user's curated merges, splits, renames and retyping
//     (ParseDecisions reads the aliases file; FormatDecisions writes it).
//
// Resolve recomputes everything from these inputs, deterministically: the
// mention layer is never rewritten, merges and splits are layers above it,
// "merge" then "split" of the same names restores the previous result
// exactly, and decisions apply again when new documents arrive. Entity IDs
// are derived from each entity's smallest name key, so they are stable from
// run to run over the same input.
//
// Names are compared through keys (names.go): exact (ASCII, case and
// punctuation folded), transliteration (ou/u, e/i, doubled letters, al-/el-,
// -e/-i ezafe, Mohammad/Mohammed; trusted only for long names) and
// acronyms. Joins happen by named rules, recorded in Result.Links and in the
// aliases' provenance, in this order: user merges, within-document chains,
// same-name (one name tagged with two types), transliteration, asserted
// aliases, acronyms, organization designators and stems, a person's surname
// or given name fitting exactly one full name, an organization's short name.
// Short and common names must match exactly; a split decision blocks every
// join that would put its names together.
package resolve

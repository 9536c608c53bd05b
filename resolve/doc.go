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
// -e/-i ezafe, Mohammad/Mohammed; trusted only for long names), spelling
// variants of short names (VariantKey: Raqqa/Raqqah, al-Qaeda/al-Qaida) and
// acronyms. Joins happen by named rules, recorded in Result.Links with a
// mention of each name (document and span) and in the aliases' provenance,
// in this order: user merges, within-document chains, same-name (one name
// tagged with two types), transliteration, spelling, asserted aliases,
// acronyms, organization designators and stems, middle names and initials,
// a person's surname or given name fitting exactly one full name where the
// documents share a less common name, an organization's short name. Names
// made only of words for a kind of body (News, Party, Front) join by no
// rule; a split decision blocks every join that would put its names
// together, and the assertion it refuses stays on both sides as "rejected".
//
// A mention is a name, not what surrounds it: titles and descriptors are
// cut from people's names (and kept as descriptions of them), a name inside
// a longer one is no mention of the place or person it contains, and in a
// report on a team sport a place standing for its team is that team, an
// organization of its own ("Australia (cricket team)").
package resolve

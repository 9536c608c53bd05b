package resolve

import (
	"hash/fnv"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Rule names, as stored in claimgraph.Alias.Rule for rule aliases and in Link.Rule.
const (
	RuleUser     = "user"            // a merge decision
	RuleChain    = "chain"           // one within-document chain (Mentions)
	RuleSameName = "same-name"       // one name tagged with two types; the minority type follows the majority
	RuleTranslit = "transliteration" // equal long transliteration keys (Nuri/Nouri al-Maliki)
	RuleAsserted = "asserted"        // a document asserts the alias ("X, also known as Y")
	RuleAcronym  = "acronym"         // the acronym spells exactly one longer name
	RuleOrgStem  = "org-stem"        // one organization name with and without "Organization", "of Iran"
	RuleSurname  = "surname"         // a bare surname or name suffix of exactly one full name
	RuleGiven    = "given-name"      // a bare given name of exactly one full name
	RuleShort    = "short-name"      // an organization's first word used alone, fitting exactly one
	RuleMiddle   = "middle-name"     // a person's name with and without middle names or initials (Vladimir V. Putin)
	RuleVariant  = "spelling"        // a short place or group name spelt another way (Raqqa/Raqqah, al-Qaeda/al-Qaida)
)

// Link is one join that took effect: which rule joined which two names, and
// for asserted aliases the asserting document and evidence.
type Link struct {
	Rule     string `json:"rule"`
	A        string `json:"a"`
	B        string `json:"b"`
	Doc      string `json:"doc,omitempty"`
	Start    int    `json:"start,omitempty"`
	End      int    `json:"end,omitempty"`
	Evidence string `json:"evidence,omitempty"`
	// Mentions are, for a rule's link, a mention of each name that
	// triggered it (the first in input order): where a reader can check it.
	Mentions []MentionRef `json:"mentions,omitempty"`
}

// MentionRef locates one mention: its document, byte span and text.
type MentionRef struct {
	Name  string `json:"name"`
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Result is the entity layer computed from mentions, assertions and decisions.
type Result struct {
	// Entities sorted by ID. An entity's ID is derived from its smallest name
	// key, so it is the same on every run over the same input and survives
	// renames, retyping and unrelated merges.
	Entities []claimgraph.Entity `json:"entities"`
	// Mention[i] is the entity ID of the i-th input mention; 0 for mentions
	// that are not resolved (ambiguous bare surnames, pronouns, empty names).
	Mention []int64 `json:"mention"`
	// Links lists, in the order applied, every join between two names.
	Links []Link `json:"links"`
	// Unmatched lists decision names that match no mention (yet): they are
	// kept and apply as soon as such a mention arrives.
	Unmatched []string `json:"unmatched,omitempty"`
	// Ambiguous lists the mentions left unresolved because their bare name
	// fits several people ("Rajavi" beside Maryam and Massoud Rajavi), with
	// the people they may denote, for a user to decide.
	Ambiguous []AmbiguousMention `json:"ambiguous,omitempty"`

	byKey map[string][]int // ExactKey of an alias -> indices into Entities
}

// Lookup returns the entities going by a name (any alias), matched as
// decisions are (ExactKey).
func (r *Result) Lookup(name string) []*claimgraph.Entity {
	var out []*claimgraph.Entity
	k := ExactKey(name)
	if _, ok := r.byKey[k]; !ok {
		// "so-called Islamic State", "the MKO": try without the leading words.
		words := strings.Fields(name)
		k = ExactKey(strings.Join(words[nameStart(words, false):], " "))
	}
	for _, i := range r.byKey[k] {
		out = append(out, &r.Entities[i])
	}
	return out
}

// Entity returns the entity with an ID, or nil.
func (r *Result) Entity(id int64) *claimgraph.Entity {
	i := sort.Search(len(r.Entities), func(i int) bool { return r.Entities[i].ID >= id })
	if i < len(r.Entities) && r.Entities[i].ID == id {
		return &r.Entities[i]
	}
	return nil
}

// AmbiguousMention is an input mention (by index) not resolved because it
// fits several entities.
type AmbiguousMention struct {
	Mention    int     `json:"mention"`
	Candidates []int64 `json:"candidates"`
}

// atom is the set of mentions sharing one type and one name key: the unit
// that rules and decisions join. Mentions are never split below it.
type atom struct {
	key      string // type + "\x00" + ExactKey(name)
	typ      string
	exact    string
	name     string         // display name: the most frequent name
	names    map[string]int // every name and surface form with its count
	mentions int
	docs     map[string]bool
	acronym  int // mentions of kind acronym
	words    []string
	team     bool       // a place's name standing for a team ("Australia (cricket team)")
	first    MentionRef // the atom's first mention in input order
}

// Resolve computes the entities of a collection: it groups the mentions into
// atoms (type + name key), joins atoms by the user's merges, within-document
// chains and the named rules (see the Rule constants) in that order, never
// joining what a split decision keeps apart, and applies renames and
// retyping. It runs in O(n log n) for n mentions.
func Resolve(mentions []claimgraph.Mention, asserted []claimgraph.AliasAssertion, decisions []Decision) *Result {
	r := &resolver{byKey: map[string]int{}, byExact: map[string][]int{}}
	r.build(mentions)
	r.uf = newUnionFind(len(r.atoms))
	r.tags = make([]map[int]int, len(r.atoms))
	merges, splits := effective(decisions)
	r.constrain(splits)
	r.userMerges(merges)
	r.chains(mentions)
	r.sameName()
	r.translit()
	r.variants()
	r.asserted(asserted)
	r.acronyms()
	r.designators()
	r.orgStems()
	r.middleNames()
	r.personShortForms()
	r.orgShortForms()
	return r.result(mentions, asserted, decisions)
}

type resolver struct {
	atoms     []*atom
	byKey     map[string]int   // atom key -> index
	byExact   map[string][]int // ExactKey -> atoms of every type
	mentionAt []int            // atom of each mention, -1 when none
	uf        *unionFind
	tags      []map[int]int // split constraints per root: constraint -> side
	links     []Link
	unmatched map[string]bool
	docAtoms  map[string][]int // document -> atoms named in it, built when first needed
	allDocs   int
}

func (r *resolver) build(ms []claimgraph.Mention) {
	type entry struct {
		key string
		i   int
	}
	r.mentionAt = make([]int, len(ms))
	entries := make([]entry, 0, len(ms))
	for i, m := range ms {
		r.mentionAt[i] = -1
		if m.Ambiguous || m.Kind == claimgraph.MentionPronoun {
			continue
		}
		ek := ExactKey(m.Name)
		if ek == "" {
			continue
		}
		entries = append(entries, entry{m.Type + "\x00" + ek, i})
	}
	// Atoms are numbered in key order, so joins happen in the same order
	// whatever the order of the input.
	sort.Slice(entries, func(a, b int) bool {
		if entries[a].key != entries[b].key {
			return entries[a].key < entries[b].key
		}
		return entries[a].i < entries[b].i
	})
	for _, e := range entries {
		m := ms[e.i]
		ai, ok := r.byKey[e.key]
		if !ok {
			ai = len(r.atoms)
			typ, ek, _ := strings.Cut(e.key, "\x00")
			r.atoms = append(r.atoms, &atom{key: e.key, typ: typ, exact: ek, names: map[string]int{}, docs: map[string]bool{}})
			r.byKey[e.key] = ai
			r.byExact[ek] = append(r.byExact[ek], ai)
		}
		a := r.atoms[ai]
		if a.mentions == 0 {
			a.first = MentionRef{Doc: m.Doc, Start: m.Start, End: m.End, Text: m.Text}
		}
		a.mentions++
		a.docs[m.Doc] = true
		a.names[m.Name]++
		if m.Kind == claimgraph.MentionAcronym {
			a.acronym++
		}
		if m.Kind != claimgraph.MentionDescription {
			for _, s := range []string{surfaceName(m), hedgedName(m.Text)} {
				if s != "" && s != m.Name {
					a.names[s] += 0 // known as an alias, not counted as the display name
				}
			}
		}
		r.mentionAt[e.i] = ai
	}
	for _, a := range r.atoms {
		best := ""
		for n, c := range a.names {
			if c > a.names[best] || c == a.names[best] && c > 0 && n < best {
				best = n
			}
		}
		a.name = best
		a.words = contentWords(best)
		_, a.team = teamBase(best)
	}
}

// surfaceName is the mention's own text without articles and possessive: a
// person's "Maliki" whose name is "Nouri al-Maliki".
func surfaceName(m claimgraph.Mention) string {
	words := strings.Fields(m.Text)
	if len(words) == 0 {
		return ""
	}
	s := strings.Join(words[nameStart(words, m.Type == claimgraph.TypePER):], " ")
	return strings.TrimSpace(stripPossessive(strings.TrimRight(s, "’'")))
}

// constrain records split decisions as cannot-link tags on atoms.
func (r *resolver) constrain(splits [][2]string) {
	for c, p := range splits {
		for side, name := range p {
			atoms := r.byExact[name]
			if len(atoms) == 0 {
				r.miss(name)
			}
			for _, ai := range atoms {
				if r.tags[ai] == nil {
					r.tags[ai] = map[int]int{}
				}
				if s, ok := r.tags[ai][c]; ok && s != side {
					continue // both sides name one atom: unsatisfiable, ignored
				}
				r.tags[ai][c] = side
			}
		}
	}
}

func (r *resolver) miss(name string) {
	if r.unmatched == nil {
		r.unmatched = map[string]bool{}
	}
	r.unmatched[name] = true
}

// join unites the components of atoms a and b unless a split forbids it, and
// records the link. It reports whether they are (now) one component.
func (r *resolver) join(a, b int, l Link) bool {
	ra, rb := r.uf.find(a), r.uf.find(b)
	if ra == rb {
		return true
	}
	ta, tb := r.tags[ra], r.tags[rb]
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	for c, s := range ta {
		if s2, ok := tb[c]; ok && s2 != s {
			return false
		}
	}
	root := r.uf.union(ra, rb)
	merged := r.tags[ra]
	other := r.tags[rb]
	if len(merged) < len(other) {
		merged, other = other, merged
	}
	if merged == nil && other != nil {
		merged = map[int]int{}
	}
	for c, s := range other {
		merged[c] = s
	}
	r.tags[ra], r.tags[rb] = nil, nil
	r.tags[root] = merged
	if l.A == "" {
		l.A = r.atoms[a].name
	}
	if l.B == "" {
		l.B = r.atoms[b].name
	}
	if l.Rule != RuleUser && l.Rule != RuleChain && !strings.HasPrefix(l.Rule, RuleAsserted) {
		ma, mb := r.atoms[a].first, r.atoms[b].first
		ma.Name, mb.Name = l.A, l.B
		l.Mentions = []MentionRef{ma, mb}
	}
	r.links = append(r.links, l)
	return true
}

func (r *resolver) userMerges(merges [][2]string) {
	for _, p := range merges {
		as, bs := r.byExact[p[0]], r.byExact[p[1]]
		if len(as) == 0 {
			r.miss(p[0])
		}
		if len(bs) == 0 {
			r.miss(p[1])
		}
		for _, a := range as {
			for _, b := range bs {
				r.join(a, b, Link{Rule: RuleUser})
			}
		}
	}
}

// chains joins the atoms of mentions in one within-document chain.
func (r *resolver) chains(ms []claimgraph.Mention) {
	type dc struct {
		doc   string
		chain int
	}
	firstOf := map[dc]int{}
	idx := make([]int, 0, len(ms))
	for i := range ms {
		if r.mentionAt[i] >= 0 {
			idx = append(idx, i)
		}
	}
	// Joins in atom order, not input order, for determinism.
	sort.SliceStable(idx, func(a, b int) bool { return r.mentionAt[idx[a]] < r.mentionAt[idx[b]] })
	for _, i := range idx {
		k := dc{ms[i].Doc, ms[i].Chain}
		if j, ok := firstOf[k]; ok {
			if r.mentionAt[j] != r.mentionAt[i] {
				r.join(r.mentionAt[j], r.mentionAt[i], Link{Rule: RuleChain, Doc: ms[i].Doc})
			}
			continue
		}
		firstOf[k] = i
	}
}

// sameName joins the atoms of one name that NER typed differently: places,
// organizations and other names always ("Apple" as LOC and as ORG); a
// person and a place or organization ("Washington") only when one type has
// four times the other's mentions.
func (r *resolver) sameName() {
	keys := make([]string, 0, len(r.byExact))
	for k, as := range r.byExact {
		if len(as) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		as := r.byExact[k]
		major := as[0]
		for _, a := range as[1:] {
			if r.atoms[a].mentions > r.atoms[major].mentions {
				major = a
			}
		}
		for _, a := range as {
			factor := 0 // organizations, places, other names: NER's types of one name are noise
			if (r.atoms[a].typ == claimgraph.TypePER) != (r.atoms[major].typ == claimgraph.TypePER) {
				factor = 4
			}
			if a != major && r.atoms[major].mentions >= factor*r.atoms[a].mentions {
				r.join(major, a, Link{Rule: RuleSameName})
			}
		}
	}
}

// groupJoin joins, for each key, all atoms sharing it, in key order.
func (r *resolver) groupJoin(rule string, key func(a *atom) string) {
	first := map[string]int{}
	for i, a := range r.atoms {
		k := key(a)
		if k == "" {
			continue
		}
		if j, ok := first[k]; ok {
			r.join(j, i, Link{Rule: rule})
			continue
		}
		first[k] = i
	}
}

func (r *resolver) translit() {
	r.groupJoin(RuleTranslit, func(a *atom) string {
		if IsAcronym(a.name) {
			return "" // letters, not sounds: NCRCM and NCRCME differ
		}
		base, team := teamBase(a.name)
		tk := TranslitKey(base)
		if !translitTrusted(tk) {
			return ""
		}
		if team {
			// Judged on the place's name alone ("Turkey" is not "Torquay"),
			// joined within the sport only.
			return a.typ + "\x00" + tk + "\x00" + a.name[len(base):]
		}
		if consonants(tk) >= 6 {
			// So long a skeleton is one name whatever type NER gave each
			// spelling ("Estekhbarat" ORG, "Istekhbarat" PER).
			return tk
		}
		return a.typ + "\x00" + tk
	})
}

// variants joins the places and organizations whose names are one short
// name spelt in two transliterations (VariantKey): typed alike, five letters
// or more. Longer names are the transliteration rule's.
func (r *resolver) variants() {
	r.groupJoin(RuleVariant, func(a *atom) string {
		if a.typ == claimgraph.TypePER || a.team || IsAcronym(a.name) {
			return ""
		}
		if len(strings.ReplaceAll(a.exact, " ", "")) < 5 {
			return ""
		}
		return a.typ + "\x00" + VariantKey(a.name)
	})
}

// middleNames joins a person named with middle names or initials ("Vladimir
// V. Putin", "Hillary Rodham Clinton") to the one person named by the first
// and last words alone, when no other middle name claims them.
func (r *resolver) middleNames() {
	long := uniqueRoots{}
	for i, a := range r.atoms {
		if a.typ == claimgraph.TypePER && len(a.words) >= 3 {
			long.add(a.words[0]+" "+a.words[len(a.words)-1], r.uf.find(i))
		}
	}
	for i, a := range r.atoms {
		if a.typ != claimgraph.TypePER || len(a.words) != 2 {
			continue
		}
		if root, ok := long[a.words[0]+" "+a.words[1]]; ok && root >= 0 {
			r.join(root, i, Link{Rule: RuleMiddle})
		}
	}
}

// asserted joins the names each assertion ties, whatever their types.
func (r *resolver) asserted(as []claimgraph.AliasAssertion) {
	for _, x := range as {
		na, nb := r.byExact[ExactKey(x.Name)], r.byExact[ExactKey(x.Alias)]
		for _, a := range na {
			for _, b := range nb {
				r.join(a, b, Link{Rule: RuleAsserted + ":" + x.Pattern, A: x.Name, B: x.Alias, Doc: x.Doc, Start: x.Start, End: x.End, Evidence: x.Evidence})
			}
		}
	}
}

// uniqueRoots maps each key to the one component holding it, or -1 when
// several do.
type uniqueRoots map[string]int

func (u uniqueRoots) add(k string, root int) {
	if old, ok := u[k]; ok && old != root {
		u[k] = -1
		return
	}
	u[k] = root
}

// acronyms joins an acronym to the one component holding a longer name it spells.
func (r *resolver) acronyms() {
	exp := uniqueRoots{}
	for i, a := range r.atoms {
		if len(a.words) < 2 || a.typ == claimgraph.TypePER || a.team || allGeneric(a.words) {
			continue
		}
		for _, x := range Acronyms(a.name) {
			exp.add(x, r.uf.find(i))
		}
	}
	for i, a := range r.atoms {
		if len(a.words) != 1 || !IsAcronym(a.name) {
			continue
		}
		if root, ok := exp[AcronymKey(a.name)]; ok && root >= 0 {
			r.join(root, i, Link{Rule: RuleAcronym})
		}
	}
}

// designators joins an organization's name with and without its trailing
// designators ("Apple Inc." and "Apple", "Aer Lingus Group PLC" and "Aer Lingus").
func (r *resolver) designators() {
	r.groupJoin(RuleOrgStem, func(a *atom) string {
		if a.typ == claimgraph.TypePER || len(a.words) == 0 || a.team {
			return ""
		}
		w := a.words
		for len(w) > 1 && orgDesignators[w[len(w)-1]] {
			w = w[:len(w)-1]
		}
		if len(w) == 1 && IsAcronym(a.name) || allGeneric(w) {
			return "" // "News Group" and "News" are no one body
		}
		return a.typ + "\x00" + strings.Join(w, " ")
	})
}

// stemOf splits an organization or place name into its stem (without a final
// designator, or before "of"/"in") and the complement after "of"/"in".
func stemOf(words []string) (stem []string, comp []string) {
	if len(words) > 2 && orgDesignators[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	for i, w := range words {
		if (w == "of" || w == "in") && i >= 2 {
			return words[:i], words[i+1:]
		}
	}
	return words, nil
}

// orgStems joins organization names sharing a stem of two words or more
// ("Mojahedin-e Khalq Organization", "Mojahedin-e Khalq of Iran") when their
// complements agree: all complements share a word, else only those that do.
func (r *resolver) orgStems() {
	type member struct {
		atom int
		comp []string
	}
	groups := map[string][]member{}
	var keys []string
	for i, a := range r.atoms {
		if a.typ == claimgraph.TypePER || len(a.words) < 2 || a.team {
			continue
		}
		stem, comp := stemOf(a.words)
		if len(stem) < 2 || allGeneric(stem) {
			continue // "Popular Front" of "Popular Front of Lyra" says nothing
		}
		sk := make([]string, len(stem))
		for j, w := range stem {
			sk[j] = skeleton(w)
		}
		k := a.typ + "\x00" + strings.Join(sk, " ")
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], member{i, comp})
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		// Union complements that share a content word.
		uf := newUnionFind(len(g))
		var withComp []int
		for i := range g {
			if len(g[i].comp) > 0 {
				withComp = append(withComp, i)
			}
		}
		for x := 0; x < len(withComp); x++ {
			for y := x + 1; y < len(withComp) && y < x+50; y++ {
				if shareWord(g[withComp[x]].comp, g[withComp[y]].comp) {
					uf.union(withComp[x], withComp[y])
				}
			}
		}
		compGroups := map[int]bool{}
		for _, i := range withComp {
			compGroups[uf.find(i)] = true
		}
		for i := 1; i < len(g); i++ {
			for j := 0; j < i; j++ {
				ci, cj := len(g[i].comp) > 0, len(g[j].comp) > 0
				ok := false
				switch {
				case ci && cj:
					ok = uf.find(i) == uf.find(j)
				case ci != cj:
					ok = len(compGroups) <= 1
				default:
					ok = true
				}
				if ok {
					r.join(g[j].atom, g[i].atom, Link{Rule: RuleOrgStem})
					break
				}
			}
		}
	}
}

func shareWord(a, b []string) bool {
	for _, x := range a {
		if functionWords[x] {
			continue
		}
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// personShortForms joins a person's bare surname, name suffix or bare given
// name to the one full name (two words or more) that ends or starts with it
// across the collection; when several people fit, it joins nothing.
func (r *resolver) personShortForms() {
	suffix, given := uniqueRoots{}, uniqueRoots{}
	for i, a := range r.atoms {
		if a.typ != claimgraph.TypePER || len(a.words) < 2 {
			continue
		}
		root := r.uf.find(i)
		for s := 1; s < len(a.words); s++ {
			suffix.add(strings.Join(a.words[s:], " "), root)
		}
		given.add(a.words[0], root)
	}
	members := map[int][]int{} // component root -> its full names' atoms
	for i, a := range r.atoms {
		if a.typ == claimgraph.TypePER && len(a.words) >= 2 {
			members[r.uf.find(i)] = append(members[r.uf.find(i)], i)
		}
	}
	for i, a := range r.atoms {
		if a.typ != claimgraph.TypePER || len(a.words) == 0 {
			continue
		}
		k := strings.Join(a.words, " ")
		sr, sok := suffix[k]
		gr, gok := given[k]
		if len(a.words) > 1 {
			gok = false
		}
		rule, root := "", -1
		switch {
		case sok && sr >= 0 && !gok:
			rule, root = RuleSurname, sr
		case gok && gr >= 0 && !sok:
			rule, root = RuleGiven, gr
		default:
			continue
		}
		// A bare name stands alone in its documents (a full name there would
		// have chained it): it joins the full name of other documents only
		// when they share a less common name ("Lebed" beside "Chechnya").
		if ctx, ok := r.support(i, root, members); ok {
			r.join(root, i, Link{Rule: rule, Evidence: "shares " + ctx + " with the full name's documents"})
		}
	}
}

// support returns a name found in a document of atom a and in a document of
// the full names of component root (members), in neither component, and named in few documents (at most
// a twentieth of them, or five): the context that lets a bare name join.
func (r *resolver) support(a, root int, members map[int][]int) (string, bool) {
	if r.docAtoms == nil {
		r.docAtoms = map[string][]int{}
		for i, at := range r.atoms {
			for d := range at.docs {
				r.docAtoms[d] = append(r.docAtoms[d], i)
			}
		}
		r.allDocs = len(r.docAtoms)
	}
	limit := max(5, r.allDocs/20)
	own, other := r.uf.find(a), r.uf.find(root)
	near := map[int]bool{} // components of the names around a
	for d := range r.atoms[a].docs {
		for _, t := range r.docAtoms[d] {
			if rt := r.uf.find(t); rt != own && rt != other && len(r.atoms[t].docs) <= limit {
				near[rt] = true
			}
		}
	}
	best := ""
	for _, i := range members[root] {
		for d := range r.atoms[i].docs {
			for _, t := range r.docAtoms[d] {
				if near[r.uf.find(t)] && (best == "" || r.atoms[t].name < best) {
					best = r.atoms[t].name
				}
			}
		}
	}
	return best, best != ""
}

// orgShortForms joins an organization named by one long word to the one
// multi-word organization starting with it ("Mojahedin").
func (r *resolver) orgShortForms() {
	// Up to three distinct components per first word: enough to tell one
	// from several once the short name's own component is set aside.
	firstWord := map[string][]int{}
	for i, a := range r.atoms {
		if a.typ != claimgraph.TypeORG || len(a.words) < 2 || hasDigit(a.words) || a.team {
			continue
		}
		k, root := skeleton(a.words[0]), r.uf.find(i)
		if rs := firstWord[k]; len(rs) < 3 && !slices.Contains(rs, root) {
			firstWord[k] = append(rs, root)
		}
	}
	// A lone word NER called a person but no person's name contains is
	// taken for an organization's short name too ("Mojahedin").
	personWords := map[string]bool{}
	for _, a := range r.atoms {
		if a.typ == claimgraph.TypePER && len(a.words) > 1 {
			for _, w := range a.words {
				personWords[w] = true
			}
		}
	}
	for i, a := range r.atoms {
		if len(a.words) != 1 || len(a.words[0]) < 4 || IsAcronym(a.name) || r.isPlace(a.exact) || genericWords[a.words[0]] {
			continue
		}
		if a.typ != claimgraph.TypeORG && (a.typ != claimgraph.TypePER || personWords[a.words[0]] || len(a.words[0]) < 6) {
			continue
		}
		own := r.uf.find(i)
		other := -1
		for _, root := range firstWord[skeleton(a.words[0])] {
			if r.uf.find(root) == own {
				continue
			}
			if other >= 0 && r.uf.find(other) != r.uf.find(root) {
				other = -2 // several organizations start with the word
				break
			}
			other = root
		}
		if other >= 0 && len(firstWord[skeleton(a.words[0])]) < 3 {
			r.join(other, i, Link{Rule: RuleShort})
		}
	}
}

// isPlace reports whether a name is tagged as a place anywhere: "Singapore"
// is not the short name of "Singapore Airlines".
func (r *resolver) isPlace(exact string) bool {
	for _, ai := range r.byExact[exact] {
		if r.atoms[ai].typ == claimgraph.TypeLOC {
			return true
		}
	}
	return false
}

func hasDigit(ws []string) bool {
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			if w[i] >= '0' && w[i] <= '9' {
				return true
			}
		}
	}
	return false
}

// entityID derives a stable positive ID from a component's smallest atom key.
func entityID(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	id := int64(h.Sum64() & (1<<63 - 1))
	if id == 0 {
		id = 1
	}
	return id
}

func (r *resolver) result(ms []claimgraph.Mention, asserted []claimgraph.AliasAssertion, ds []Decision) *Result {
	// Components, each named by its smallest atom key.
	comp := map[int][]int{}
	for i := range r.atoms {
		root := r.uf.find(i)
		comp[root] = append(comp[root], i)
	}
	roots := make([]int, 0, len(comp))
	for root := range comp {
		roots = append(roots, root)
	}
	res := &Result{Mention: make([]int64, len(ms)), Links: r.links, byKey: map[string][]int{}}
	idOf := make(map[int]int64, len(roots))
	used := map[int64]bool{}
	// Assign IDs in key order so that a (vanishingly rare) hash collision is
	// resolved the same way on every run.
	sort.Slice(roots, func(a, b int) bool { return r.atoms[comp[roots[a]][0]].key < r.atoms[comp[roots[b]][0]].key })
	for _, root := range roots {
		key := r.atoms[comp[root][0]].key // atoms are in key order: the first is the smallest
		id := entityID(key)
		for used[id] {
			key += "'"
			id = entityID(key)
		}
		used[id] = true
		idOf[root] = id
	}
	entIndex := map[int64]int{}
	for _, root := range roots {
		e := r.entity(comp[root], idOf[root])
		entIndex[e.ID] = len(res.Entities)
		res.Entities = append(res.Entities, e)
	}
	r.linkAliases(res, idOf, entIndex)
	r.assertedAliases(res, asserted, idOf, entIndex)
	r.decide(res, ds, idOf, entIndex)
	for i := range ms {
		if a := r.mentionAt[i]; a >= 0 {
			res.Mention[i] = idOf[r.uf.find(a)]
		}
	}
	sort.Slice(res.Entities, func(a, b int) bool { return res.Entities[a].ID < res.Entities[b].ID })
	for i := range res.Entities {
		e := &res.Entities[i]
		e.Aliases = sortAliases(e.Aliases)
		seen := map[string]bool{}
		for _, al := range e.Aliases {
			if al.Source == claimgraph.AliasRejected {
				continue
			}
			k := ExactKey(al.Name)
			if !seen[k] {
				seen[k] = true
				res.byKey[k] = append(res.byKey[k], i)
			}
		}
	}
	r.ambiguous(res, ms, idOf)
	for n := range r.unmatched {
		res.Unmatched = append(res.Unmatched, n)
	}
	sort.Strings(res.Unmatched)
	return res
}

// ambiguous lists, for each ambiguous mention, the people whose full name
// ends or starts with its name, in the mention's document first, else anywhere.
func (r *resolver) ambiguous(res *Result, ms []claimgraph.Mention, idOf map[int]int64) {
	var idx []int
	for i, m := range ms {
		if m.Ambiguous {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	byWord := map[string][]int{} // first or last word of a full name -> atoms
	for i, a := range r.atoms {
		if a.typ == claimgraph.TypePER && len(a.words) >= 2 {
			byWord[a.words[len(a.words)-1]] = append(byWord[a.words[len(a.words)-1]], i)
			byWord[a.words[0]] = append(byWord[a.words[0]], i)
		}
	}
	for _, i := range idx {
		words := contentWords(ms[i].Name)
		if len(words) == 0 {
			continue
		}
		inDoc, all := []int64{}, []int64{}
		for _, ai := range byWord[words[len(words)-1]] {
			id := idOf[r.uf.find(ai)]
			if !containsID(all, id) {
				all = append(all, id)
			}
			if r.atoms[ai].docs[ms[i].Doc] && !containsID(inDoc, id) {
				inDoc = append(inDoc, id)
			}
		}
		c := inDoc
		if len(c) < 2 {
			c = all
		}
		slices.Sort(c)
		res.Ambiguous = append(res.Ambiguous, AmbiguousMention{Mention: i, Candidates: c})
	}
}

// entity builds one entity from its atoms: majority type, canonical name,
// mention aliases and counts.
func (r *resolver) entity(atoms []int, id int64) claimgraph.Entity {
	e := claimgraph.Entity{ID: id}
	typeCount := map[string]int{}
	docs := map[string]bool{}
	for _, ai := range atoms {
		a := r.atoms[ai]
		typeCount[a.typ] += a.mentions
		e.Mentions += a.mentions
		for d := range a.docs {
			docs[d] = true
		}
		for n := range a.names {
			e.Aliases = append(e.Aliases, claimgraph.Alias{Name: n, Source: claimgraph.AliasMention})
		}
	}
	e.Docs = len(docs)
	for t, c := range typeCount {
		if c > typeCount[e.Type] || c == typeCount[e.Type] && t < e.Type {
			e.Type = t
		}
	}
	e.Name = r.canonical(atoms, e.Type)
	return e
}

// canonical picks an entity's name: not an acronym when another name exists;
// for people a full name (two words or more) before a bare one; then the
// name found in most documents, then the longest, then the most mentioned:
// the most supported full proper name, not a headline's longer fragment.
func (r *resolver) canonical(atoms []int, typ string) string {
	best := -1
	better := func(a, b *atom) bool {
		aa, ba := a.acronym*2 > a.mentions, b.acronym*2 > b.mentions
		if aa != ba {
			return !aa
		}
		if typ == claimgraph.TypePER && (len(a.words) > 1) != (len(b.words) > 1) {
			return len(a.words) > 1 // a full name before a bare one
		}
		if len(a.docs) != len(b.docs) {
			return len(a.docs) > len(b.docs)
		}
		if len(a.words) != len(b.words) {
			return len(a.words) > len(b.words)
		}
		if a.mentions != b.mentions {
			return a.mentions > b.mentions
		}
		return a.key < b.key
	}
	for _, ai := range atoms {
		if best < 0 || better(r.atoms[ai], r.atoms[best]) {
			best = ai
		}
	}
	return r.atoms[best].name
}

func (r *resolver) linkAliases(res *Result, idOf map[int]int64, entIndex map[int64]int) {
	for _, l := range r.links {
		if l.Rule == RuleChain || strings.HasPrefix(l.Rule, RuleAsserted) {
			continue // chains are mention aliases; assertions are added with their evidence
		}
		src := claimgraph.AliasRule
		if l.Rule == RuleUser {
			src = claimgraph.AliasUser
		}
		for side, n := range []string{l.A, l.B} {
			al := claimgraph.Alias{Name: n, Source: src, Rule: l.Rule}
			if len(l.Mentions) == 2 {
				// The mention that carried this name into the link.
				m := l.Mentions[side]
				al.Doc, al.Start, al.End, al.Evidence = m.Doc, m.Start, m.End, m.Text
			}
			for _, id := range r.entitiesOf(n, idOf) {
				e := &res.Entities[entIndex[id]]
				e.Aliases = append(e.Aliases, al)
			}
		}
	}
}

// entitiesOf returns the entities holding a name (any type).
func (r *resolver) entitiesOf(name string, idOf map[int]int64) []int64 {
	var out []int64
	for _, ai := range r.byExact[ExactKey(name)] {
		id := idOf[r.uf.find(ai)]
		if !containsID(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func sharesID(a, b []int64) bool {
	for _, x := range a {
		if containsID(b, x) {
			return true
		}
	}
	return false
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// assertedAliases stores every assertion with its document and evidence on
// the entities of its names: both names when they are one entity, the other
// name too when only one of them is a mention ("NCR" asserted, never seen).
func (r *resolver) assertedAliases(res *Result, as []claimgraph.AliasAssertion, idOf map[int]int64, entIndex map[int64]int) {
	for _, x := range as {
		ids := r.entitiesOf(x.Name, idOf)
		others := r.entitiesOf(x.Alias, idOf)
		if len(ids) > 0 && len(others) > 0 && !sharesID(ids, others) {
			// Both names are mentions yet apart: a split refused the
			// assertion. Each side keeps it, rejected, under the other name.
			for side, group := range [][]int64{ids, others} {
				name := x.Alias
				if side == 1 {
					name = x.Name
				}
				for _, id := range group {
					e := &res.Entities[entIndex[id]]
					e.Aliases = append(e.Aliases, claimgraph.Alias{
						Name: name, Source: claimgraph.AliasRejected, Rule: x.Pattern,
						Doc: x.Doc, Start: x.Start, End: x.End, Evidence: x.Evidence,
					})
				}
			}
			continue
		}
		for _, id := range others {
			if !containsID(ids, id) {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			e := &res.Entities[entIndex[id]]
			for _, n := range []string{x.Name, x.Alias} {
				e.Aliases = append(e.Aliases, claimgraph.Alias{
					Name: n, Source: claimgraph.AliasAsserted, Rule: x.Pattern,
					Doc: x.Doc, Start: x.Start, End: x.End, Evidence: x.Evidence,
				})
			}
		}
	}
}

// decide applies renames and retyping, and records user merges as aliases.
func (r *resolver) decide(res *Result, ds []Decision, idOf map[int]int64, entIndex map[int64]int) {
	for _, d := range ds {
		if d.Op != OpRename && d.Op != OpType {
			continue
		}
		ids := r.entitiesOf(first(d.Names), idOf)
		if len(ids) == 0 {
			r.miss(ExactKey(first(d.Names)))
		}
		for _, id := range ids {
			e := &res.Entities[entIndex[id]]
			if d.Op == OpRename {
				e.Name = d.To
				e.Aliases = append(e.Aliases, claimgraph.Alias{Name: d.To, Source: claimgraph.AliasUser, Rule: OpRename})
			} else {
				e.Type = d.To
			}
		}
	}
}

func sortAliases(as []claimgraph.Alias) []claimgraph.Alias {
	sort.Slice(as, func(i, j int) bool {
		a, b := as[i], as[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Start < b.Start
	})
	// Drop exact duplicates.
	out := as[:0]
	for i, a := range as {
		if i > 0 && a == as[i-1] {
			continue
		}
		out = append(out, a)
	}
	return out
}

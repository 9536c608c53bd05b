package nlp

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

// lemmatizer maps a lower-case form and its UPOS to a lemma: first from a
// table learned from a treebank's lemma column, then, for unseen words, by
// the suffix rule most often right for words of that tag ending the same way
// ("-osed" VERB: drop "d").
type lemmatizer struct {
	table map[string][]lemmaEntry // lower-case form -> lemmas by tag
	rules map[string]suffixRule   // tag + "|" + form suffix -> rule
}

type lemmaEntry struct {
	tag   uint8
	lemma string // "" when the lemma is the form itself
}

type suffixRule struct {
	strip int    // bytes removed from the end of the form
	add   string // then appended
}

const maxRuleSuffix = 5

// lemma returns the lemma of low (a lower-cased form) tagged tag. same is
// returned when the lemma is the form itself, so callers can avoid copying.
func (l *lemmatizer) lemma(low []byte, tag int, same string) string {
	es, ok := l.table[string(low)]
	return lemmaFrom(l, es, ok, low, tag, same)
}

// lemmaIn is lemma for a form whose table entries the caller has looked
// up (es, found: see posWord).
func (l *lemmatizer) lemmaIn(es []lemmaEntry, found bool, low string, tag int) string {
	return lemmaFrom(l, es, found, low, tag, low)
}

// lemmaFrom is lemma given low's table entries.
func lemmaFrom[S string | []byte](l *lemmatizer, es []lemmaEntry, found bool, low S, tag int, same string) string {
	if found {
		for _, e := range es {
			if int(e.tag) == tag {
				if e.lemma == "" {
					return same
				}
				return e.lemma
			}
		}
	}
	switch upos[tag] {
	case "NOUN", "VERB", "AUX", "ADJ", "ADV":
	default:
		return same
	}
	for n := maxRuleSuffix; n >= 1; n-- {
		if len(low) <= n {
			continue
		}
		r, ok := l.rules[upos[tag]+"|"+string(low[len(low)-n:])]
		if !ok {
			continue
		}
		if r.strip == 0 && r.add == "" {
			return same
		}
		return string(low[:len(low)-r.strip]) + r.add
	}
	return same
}

// learnLemmas builds the table and the suffix rules from CoNLL-U sentences.
func learnLemmas(sents []corpusSentence) *lemmatizer {
	label := map[string]int{}
	for i, t := range upos {
		label[t] = i
	}
	type key struct {
		form string
		tag  int
	}
	counts := map[key]map[string]int{}
	ruleCounts := map[string]map[suffixRule]int{}
	for _, s := range sents {
		for i, form := range s.Forms {
			tag, ok := label[s.UPOS[i]]
			if !ok || s.Lemmas[i] == "_" {
				continue
			}
			low := strings.ToLower(form)
			lem := strings.ToLower(s.Lemmas[i])
			k := key{low, tag}
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][lem]++
			// the rule that turns this form into its lemma
			p := 0
			for p < len(low) && p < len(lem) && low[p] == lem[p] {
				p++
			}
			r := suffixRule{strip: len(low) - p, add: lem[p:]}
			for n := 1; n <= maxRuleSuffix && n < len(low); n++ {
				if r.strip > n {
					continue // the rule must act inside the suffix it is keyed by
				}
				rk := s.UPOS[i] + "|" + low[len(low)-n:]
				if ruleCounts[rk] == nil {
					ruleCounts[rk] = map[suffixRule]int{}
				}
				ruleCounts[rk][r]++
			}
		}
	}
	l := &lemmatizer{table: map[string][]lemmaEntry{}, rules: map[string]suffixRule{}}
	for k, lems := range counts {
		best, bestN := "", 0
		for lem, n := range lems {
			if n > bestN || n == bestN && lem < best {
				best, bestN = lem, n
			}
		}
		if best == k.form {
			best = ""
		}
		l.table[k.form] = append(l.table[k.form], lemmaEntry{tag: uint8(k.tag), lemma: best})
	}
	for _, es := range l.table {
		sort.Slice(es, func(i, j int) bool { return es[i].tag < es[j].tag })
	}
	for rk, rs := range ruleCounts {
		var best suffixRule
		bestN, total := 0, 0
		for r, n := range rs {
			total += n
			if n > bestN || n == bestN && (r.strip < best.strip || r.strip == best.strip && r.add < best.add) {
				best, bestN = r, n
			}
		}
		// Keep rules seen a few times that are right most of the time.
		if bestN >= 3 && float64(bestN)/float64(total) >= 0.6 {
			l.rules[rk] = best
		}
	}
	return l
}

func (l *lemmatizer) writeTo(w *bufio.Writer) {
	forms := make([]string, 0, len(l.table))
	for f := range l.table {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	writeU32(w, uint32(len(forms)))
	for _, f := range forms {
		writeString(w, f)
		es := l.table[f]
		writeU32(w, uint32(len(es)))
		for _, e := range es {
			writeU32(w, uint32(e.tag))
			writeString(w, e.lemma)
		}
	}
	keys := make([]string, 0, len(l.rules))
	for k := range l.rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	writeU32(w, uint32(len(keys)))
	for _, k := range keys {
		writeString(w, k)
		writeU32(w, uint32(l.rules[k].strip))
		writeString(w, l.rules[k].add)
	}
}

func readLemmatizer(r *bufio.Reader) (*lemmatizer, error) {
	n, err := readU32(r)
	if err != nil || n > 1<<22 {
		return nil, fmt.Errorf("read lemma table: bad size %d: %v", n, err)
	}
	l := &lemmatizer{table: make(map[string][]lemmaEntry, n), rules: map[string]suffixRule{}}
	for i := 0; i < int(n); i++ {
		f, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("read lemma table: %w", err)
		}
		m, err := readU32(r)
		if err != nil || m > uint32(len(upos)) {
			return nil, fmt.Errorf("read lemma table: bad entry count %d: %v", m, err)
		}
		es := make([]lemmaEntry, m)
		for j := range es {
			t, err := readU32(r)
			if err != nil || int(t) >= len(upos) {
				return nil, fmt.Errorf("read lemma table: bad tag %d: %v", t, err)
			}
			lem, err := readString(r)
			if err != nil {
				return nil, fmt.Errorf("read lemma table: %w", err)
			}
			es[j] = lemmaEntry{tag: uint8(t), lemma: lem}
		}
		l.table[f] = es
	}
	k, err := readU32(r)
	if err != nil || k > 1<<22 {
		return nil, fmt.Errorf("read lemma rules: bad size %d: %v", k, err)
	}
	for i := 0; i < int(k); i++ {
		key, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("read lemma rules: %w", err)
		}
		strip, err := readU32(r)
		if err != nil || strip > maxRuleSuffix {
			return nil, fmt.Errorf("read lemma rules: bad strip %d: %v", strip, err)
		}
		add, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("read lemma rules: %w", err)
		}
		l.rules[key] = suffixRule{strip: int(strip), add: add}
	}
	return l, nil
}

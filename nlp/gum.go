package nlp

import (
	"sort"
	"strings"
)

// GUM marks every mention of an entity (named, nominal, pronoun) with
// brackets in the MISC column: "Entity=(3-organization-new-...-Wiki_Name"
// opens mention 3 on this token, "3)" closes it, "(7-time-...)" is a
// one-token mention. For training a recognizer of names we keep the named
// person, organization and place mentions: the run of proper nouns inside a
// mention (allowing "of", "the", "and" between them), without leading titles.

var gumTypes = map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"}

type gumSpan struct {
	first, limit int
	typ          string
}

// gumLabels returns IOB2 labels for the named PER/ORG/LOC mentions of s.
func gumLabels(s *corpusSentence) []string {
	var spans []gumSpan
	open := map[string][]gumSpan{}
	for i, misc := range s.Misc {
		for _, kv := range strings.Split(misc, "|") {
			v, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			for len(v) > 0 {
				switch {
				case v[0] == '(':
					end := strings.IndexAny(v[1:], "()")
					body := v[1:]
					closed := false
					if end >= 0 {
						body = v[1 : 1+end]
						closed = v[1+end] == ')'
						v = v[1+end:]
						if closed {
							v = v[1:]
						}
					} else {
						v = ""
					}
					parts := strings.SplitN(body, "-", 3)
					if len(parts) < 2 {
						continue
					}
					sp := gumSpan{first: i, limit: i + 1, typ: parts[1]}
					if closed {
						spans = append(spans, sp)
					} else {
						open[parts[0]] = append(open[parts[0]], sp)
					}
				case v[0] >= '0' && v[0] <= '9':
					end := strings.IndexByte(v, ')')
					if end < 0 {
						v = ""
						continue
					}
					id := v[:end]
					v = v[end+1:]
					if st := open[id]; len(st) > 0 {
						sp := st[len(st)-1]
						open[id] = st[:len(st)-1]
						sp.limit = i + 1
						spans = append(spans, sp)
					}
				default:
					v = v[1:]
				}
			}
		}
	}
	labels := make([]string, len(s.Forms))
	for i := range labels {
		labels[i] = "O"
	}
	var named []gumSpan
	for _, sp := range spans {
		t, ok := gumTypes[sp.typ]
		if !ok {
			continue
		}
		if n, ok := namedPart(s, sp); ok {
			n.typ = t
			named = append(named, n)
		}
	}
	// Outer names win over names nested in them.
	sort.SliceStable(named, func(i, j int) bool { return named[i].limit-named[i].first > named[j].limit-named[j].first })
	taken := make([]bool, len(s.Forms))
	for _, n := range named {
		free := true
		for k := n.first; k < n.limit; k++ {
			free = free && !taken[k]
		}
		if !free {
			continue
		}
		for k := n.first; k < n.limit; k++ {
			taken[k] = true
			labels[k] = "I-" + n.typ
		}
		labels[n.first] = "B-" + n.typ
	}
	return labels
}

var nameGlue = map[string]bool{"of": true, "the": true, "and": true, "&": true, "for": true, "de": true, "al": true}

// titles that stand before a person's name but are not part of it.
var personTitles = map[string]bool{
	"president": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "prof.": true, "professor": true, "minister": true, "prime": true, "senator": true, "sen.": true,
	"king": true, "queen": true, "prince": true, "princess": true, "general": true, "gen.": true, "governor": true,
	"gov.": true, "mayor": true, "judge": true, "justice": true, "chancellor": true, "secretary": true,
	"pope": true, "saint": true, "st.": true, "sir": true, "lord": true, "lady": true, "captain": true,
	"chairman": true, "director": true, "ceo": true, "leader": true, "rep.": true, "representative": true,
}

// namedPart returns the named core of a mention: the last run of proper
// nouns in it (with glue words between them), titles stripped.
func namedPart(s *corpusSentence, sp gumSpan) (gumSpan, bool) {
	last := -1
	for k := sp.limit - 1; k >= sp.first; k-- {
		if s.UPOS[k] == "PROPN" {
			last = k
			break
		}
	}
	if last < 0 {
		return sp, false
	}
	first := last
	for k := last - 1; k >= sp.first; k-- {
		if s.UPOS[k] == "PROPN" || s.UPOS[k] == "NUM" && k > sp.first && s.UPOS[k-1] == "PROPN" {
			first = k
			continue
		}
		if isGlue(s.Forms[k]) && glueLeadsToName(s, sp.first, k) {
			continue
		}
		break
	}
	limit := last + 1
	// keep a trailing run like "Inc." or a number after the last proper noun
	if sp.typ == "person" {
		for first < last && personTitles[strings.ToLower(s.Forms[first])] {
			first++
		}
	}
	return gumSpan{first: first, limit: limit}, true
}

func isGlue(form string) bool { return form == "-" || nameGlue[strings.ToLower(form)] }

// glueLeadsToName reports whether the glue words ending at k are preceded,
// inside the mention, by a proper noun.
func glueLeadsToName(s *corpusSentence, first, k int) bool {
	for j := k - 1; j >= first; j-- {
		if s.UPOS[j] == "PROPN" {
			return true
		}
		if !isGlue(s.Forms[j]) {
			return false
		}
	}
	return false
}

package nlp

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// A name that opens with another name is cut after it: in "[U.S.]
	// Ambassador Hamdullah Mohib" the person is Hamdullah Mohib.
	for i := range named {
		for again := true; again; {
			again = false
			for j := range named {
				o := named[j]
				if i != j && o.first == named[i].first && o.limit < named[i].limit && o.typ != named[i].typ {
					named[i].first = o.limit
					again = true
				}
			}
		}
		for named[i].first < named[i].limit && (isGlue(s.Forms[named[i].first]) ||
			named[i].typ == "PER" && personTitles[strings.ToLower(s.Forms[named[i].first])]) {
			named[i].first++
		}
	}
	// Titles alone ("the President") and peoples ("Afghans") are not names.
	kept := named[:0]
	for _, n := range named {
		if n.first >= n.limit || n.limit-n.first == 1 && personTitles[strings.ToLower(s.Forms[n.first])] {
			continue
		}
		allDemonym := true
		for k := n.first; k < n.limit; k++ {
			allDemonym = allDemonym && demonyms[strings.ToLower(s.Forms[k])]
		}
		if !allDemonym {
			kept = append(kept, n)
		}
	}
	named = splitCompounds(s, kept)
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

// splitCompounds undoes two kinds of GUM mention whose named part is not
// one name, using the mentions GUM nests in them:
//   - a coordination ("[Warsaw] and [Wrocław]", "[Ben Chan] and [Leung
//     Che-cheung]") is dropped when the names nested in it hold all of its
//     name words: they are the names;
//   - a person with an affiliation ("Wu Chi-wai of [the Democratic Party]",
//     "Members of [the Sea Org]") ends before the "of" that leads to a
//     nested organization, and is dropped when no proper noun is left.
//
// A single name with a conjunction or "of" in it ("National Aeronautics and
// Space Administration", "Bank of [America]", "Louis XV of [France]") has
// words no nested name holds, or is no person with an organization after
// "of", and stays whole.
func splitCompounds(s *corpusSentence, named []gumSpan) []gumSpan {
	inner := func(o gumSpan, j int) bool {
		n := named[j]
		return n.first >= o.first && n.limit <= o.limit && n.limit-n.first < o.limit-o.first
	}
	covered := func(o gumSpan, k int) bool {
		for j := range named {
			if inner(o, j) && named[j].first <= k && k < named[j].limit {
				return true
			}
		}
		return false
	}
	var out []gumSpan
	for _, o := range named {
		conj, whole := false, true
		for k := o.first; k < o.limit; k++ {
			f := strings.ToLower(s.Forms[k])
			switch {
			case covered(o, k):
			case f == "and" || f == "&" || f == ",":
				conj = true
			case isNameWord(s, k):
				whole = false
			}
		}
		if conj && whole {
			continue
		}
		if o.typ == "PER" {
			o = cutAffiliation(s, o, named)
			if o.first >= o.limit {
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

// cutAffiliation ends person o before an "of" (and glue after it) that leads
// to a nested organization ending where o ends; o is emptied when what is
// left has no proper noun.
func cutAffiliation(s *corpusSentence, o gumSpan, named []gumSpan) gumSpan {
	for _, n := range named {
		if n.typ != "ORG" || n.limit != o.limit || n.first <= o.first {
			continue
		}
		k := n.first - 1
		for k > o.first && isGlue(s.Forms[k]) && !strings.EqualFold(s.Forms[k], "of") {
			k--
		}
		if k <= o.first || !strings.EqualFold(s.Forms[k], "of") {
			continue
		}
		o.limit = k
		for j := o.first; j < o.limit; j++ {
			if s.UPOS[j] == "PROPN" {
				return o
			}
		}
		o.limit = o.first
		return o
	}
	return o
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
	"ambassador": true, "spokesman": true, "spokeswoman": true, "commander": true, "deputy": true, "vice": true,
	"chief": true, "head": true, "coach": true, "sheikh": true, "ayatollah": true, "imam": true, "cardinal": true,
	"bishop": true, "rabbi": true, "emperor": true, "sultan": true, "emir": true, "colonel": true, "col.": true,
	"lieutenant": true, "sergeant": true, "major": true, "admiral": true, "premier": true, "congressman": true,
	"congresswoman": true, "attorney": true, "detective": true, "inspector": true, "officer": true, "agent": true,
	"pres.": true, "pres": true, "sen": true, "gov": true, "rep": true, "gen": true, "lt.": true, "sgt.": true,
	"adm.": true, "supt.": true, "cmdr.": true, "capt.": true, "insp.": true, "fr.": true, "rev.": true,
}

// namedPart returns the named core of a mention: the last run of name
// words in it (with glue words between them), titles stripped from persons.
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
		if isNameWord(s, k) || s.UPOS[k] == "NUM" && k > sp.first && isNameWord(s, k-1) {
			first = k
			continue
		}
		if isGlue(s.Forms[k]) && glueLeadsToName(s, sp.first, k) {
			continue
		}
		break
	}
	if sp.typ == "person" {
		// "U.S. President Donald Trump" names Donald Trump.
		for k := last - 1; k >= first; k-- {
			if personTitles[strings.ToLower(s.Forms[k])] {
				first = k + 1
				break
			}
		}
	}
	return gumSpan{first: first, limit: last + 1}, true
}

// isNameWord reports proper nouns and other capitalized content words inside
// names (GUM tags "United" in "United States" VERB).
func isNameWord(s *corpusSentence, k int) bool {
	switch s.UPOS[k] {
	case "PROPN":
		return true
	case "DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "AUX", "PART":
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.Forms[k])
	return unicode.IsUpper(r)
}

func isGlue(form string) bool { return form == "-" || nameGlue[strings.ToLower(form)] }

// glueLeadsToName reports whether the glue words ending at k are preceded,
// inside the mention, by a proper noun.
func glueLeadsToName(s *corpusSentence, first, k int) bool {
	for j := k - 1; j >= first; j-- {
		if isNameWord(s, j) {
			return true
		}
		if !isGlue(s.Forms[j]) {
			return false
		}
	}
	return false
}

// WriteGUMIOB2 writes the named person, organization and place mentions of
// GUM CoNLL-U files as a Universal NER IOB2 file (index, token, label, -, -),
// the labels the recognizer learns from GUM, so "claimgraph eval ner" can
// score GUM documents the model did not train on. Each file is one
// document ("# newdoc id = " its name), as training reads it: without
// the line, eval ner read all the files as one document, whose genre and
// name votes ran across articles.
func WriteGUMIOB2(w io.Writer, files []string) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		sents, err := readCoNLLU(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(bw, "# newdoc id = %s\n", strings.TrimSuffix(filepath.Base(f), ".conllu"))
		for _, s := range sents {
			labels := gumLabels(&s)
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
			if s.Text != "" {
				fmt.Fprintf(bw, "# text = %s\n", s.Text)
			}
			for i, form := range s.Forms {
				fmt.Fprintf(bw, "%d\t%s\t%s\t-\t-\n", i+1, form, labels[i])
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

package claim

import (
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// Extraction is one Open IE extraction: arg1, a relation and the rest of
// its clause, with a graded confidence in [0,1]. Every part is a byte span
// of the analysed text.
type Extraction struct {
	Arg1       claimgraph.TextSpan
	Relation   claimgraph.TextSpan
	Args       []claimgraph.TextSpan // arg2 (and more); empty when the verb has no complement
	Confidence float64
}

// OpenIE returns the extractions of the tokens [first, limit) (one
// sentence): one per verb group, arg1 the phrase before it back to the
// clause start (or the antecedent of a relative pronoun, or the subject of
// the verb it is coordinated with), the relation the verb group with a
// preposition right after it, and arg2 the rest of the clause as a whole
// phrase. It reads part-of-speech tags and needs no parser.
func OpenIE(text string, toks []nlp.Token, first, limit int) []Extraction {
	if first < 0 || limit > len(toks) || first >= limit {
		return nil
	}
	lw := func(i int) string { return normApos(strings.ToLower(toks[i].Text)) }
	pos := func(i int) string { return toks[i].POS }
	span := func(f, l int) claimgraph.TextSpan {
		if f >= l {
			return claimgraph.TextSpan{}
		}
		s, e := toks[f].Start, toks[l-1].End
		return claimgraph.TextSpan{Text: text[s:e], Start: s, End: e}
	}
	isVerbTok := func(i int) bool { return pos(i) == "VERB" || pos(i) == "AUX" }
	// Verb groups: a verb or auxiliary with the auxiliaries, negation,
	// adverbs and infinitive markers that continue it ("has not yet been
	// able to reach").
	type group struct{ f, l, relEnd int }
	var groups []group
	for i := first; i < limit; i++ {
		if !isVerbTok(i) {
			continue
		}
		// A participle after a determiner or an adjective modifies a noun.
		if i > first && (pos(i-1) == "DET" || pos(i-1) == "ADJ") && pos(i) == "VERB" {
			continue
		}
		j := i + 1
		for j < limit {
			switch {
			case isVerbTok(j):
				j++
				continue
			case pos(j) == "PART" && lw(j) != "'s", pos(j) == "ADV" && j+1 < limit && isVerbTok(j+1):
				j++
				continue
			}
			break
		}
		// The last token must be a verb: "to" or "not" closing the group
		// belongs to what follows.
		for j > i+1 && !isVerbTok(j-1) {
			j--
		}
		rel := j
		if rel < limit && pos(rel) == "ADP" && lw(rel) != "that" && rel+1 < limit && pos(rel+1) != "PUNCT" {
			rel++ // "was born in", "met with"
		}
		groups = append(groups, group{i, j, rel})
		i = j - 1
	}
	// relThat reports "that" as a relative pronoun: after a noun, before a verb.
	relThat := func(i int) bool {
		return lw(i) == "that" && i > first && (pos(i-1) == "NOUN" || pos(i-1) == "PROPN" || pos(i-1) == "NUM") && i+1 < limit && isVerbTok(i+1)
	}
	boundary := func(i int) bool {
		w := lw(i)
		return w == ";" || w == ":" || w == "\u2014" || w == "--" || w == "(" || w == ")" || pos(i) == "SCONJ" && w != "that" ||
			w == "which" || w == "who" || w == "whom" || w == "whose" || relThat(i)
	}
	// coordVerb reports a conjunction that joins the verb group starting
	// after it to the one before ("flooded X and damaged Y").
	groupAt := map[int]bool{}
	for _, g := range groups {
		groupAt[g.f] = true
	}
	coordVerb := func(i int) bool {
		return pos(i) == "CCONJ" && i+1 < limit && (groupAt[i+1] || pos(i+1) == "ADV" && i+2 < limit && groupAt[i+2])
	}
	hasNominal := func(sp claimgraph.TextSpan) bool {
		for i := first; i < limit; i++ {
			if toks[i].Start >= sp.Start && toks[i].End <= sp.End {
				switch pos(i) {
				case "NOUN", "PROPN", "PRON", "NUM":
					return true
				}
			}
		}
		return false
	}
	var out []Extraction
	var prevArg1 claimgraph.TextSpan
	for gi, g := range groups {
		// arg1: back from the group to the clause start.
		s := g.f
		lo := first
		if gi > 0 {
			lo = groups[gi-1].relEnd
		}
		for s-1 >= lo && !boundary(s-1) && lw(s-1) != "," {
			s--
		}
		conf := 0.85
		for s < g.f && (pos(s) == "CCONJ" || pos(s) == "SCONJ" || pos(s) == "PUNCT" || pos(s) == "ADV" && s+1 < g.f) {
			s++
		}
		coordinated := false
		for k := g.f - 1; k >= lo && k >= g.f-2; k-- {
			if coordVerb(k) {
				coordinated = true
				break
			}
			if pos(k) != "ADV" {
				break
			}
		}
		arg1 := span(s, g.f)
		switch {
		case coordinated && prevArg1.Text != "":
			arg1 = prevArg1
			conf -= 0.1
		case s-1 >= first && (lw(s-1) == "who" || lw(s-1) == "which" || relThat(s-1)) && s == g.f:
			// A relative clause: its subject is the noun phrase before the pronoun.
			e := s - 1
			if e-1 >= first && lw(e-1) == "," {
				e--
			}
			b := e
			for b-1 >= first && !isVerbTok(b-1) && !boundary(b-1) && lw(b-1) != "," && e-b < 8 {
				b--
			}
			// The noun phrase is the one after the last preposition ("of"
			// stays: "a portion of the prostate, which").
			for k := e - 1; k > b; k-- {
				if pos(k) == "ADP" && lw(k) != "of" {
					b = k + 1
					break
				}
			}
			arg1 = span(b, e)
			conf -= 0.1
		case arg1.Text == "" && gi > 0 && prevArg1.Text != "":
			// A verb coordinated with the previous one shares its subject.
			arg1 = prevArg1
			conf -= 0.15
		}
		if arg1.Text == "" || !hasNominal(arg1) {
			continue
		}
		// arg2: the rest of the clause.
		a2 := g.relEnd
		for a2 < limit && pos(a2) == "PUNCT" {
			a2++
		}
		e := a2
		for e < limit && !boundary(e) && !coordVerb(e) {
			if lw(e) == "," && e+1 < limit && (pos(e+1) == "CCONJ" || pos(e+1) == "SCONJ" || lw(e+1) == "which" || lw(e+1) == "who" || pos(e+1) == "VERB") {
				break
			}
			e++
		}
		for e > a2 && pos(e-1) == "PUNCT" {
			e--
		}
		x := Extraction{Arg1: arg1, Relation: span(g.f, g.relEnd), Confidence: conf}
		if e > a2 {
			x.Args = []claimgraph.TextSpan{span(a2, e)}
			if n := e - a2; n > 15 {
				x.Confidence -= 0.15
			}
		} else {
			x.Confidence -= 0.3
		}
		if g.relEnd-g.f > 4 {
			x.Confidence -= 0.1
		}
		out = append(out, x)
		prevArg1 = arg1
	}
	return out
}

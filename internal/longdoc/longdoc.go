// Package longdoc writes long synthetic articles for the tests and
// benchmarks that check a document's cost grows linearly with its size: one
// line of words without sentence punctuation, and ordinary sentences with
// quotes. The texts are generated (deterministic for a seed), with many
// distinct names, so that name resolution and co-occurrence are exercised.
package longdoc

import (
	"fmt"
	"math/rand"
	"strings"
)

var (
	given   = []string{"Alma", "Bruno", "Celia", "Dario", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars", "Mira", "Nadia", "Otto", "Petra"}
	family  = []string{"Varga", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Rossi", "Haddad", "Novak", "Kowalski", "Brennan", "Sato", "Ferreira", "Dubois", "Ivanova", "Mendes", "Larsen"}
	orgHead = []string{"Northfield", "Aldmoor", "Brightwater", "Castlegate", "Dunmore", "Eastbrook", "Fairhaven", "Glenrock"}
	orgTail = []string{"Council", "Bank", "Institute", "Workers Union", "Shipping Company", "Party", "Foundation", "Authority"}
	common  = strings.Fields("the government announced new policy on trade while officials in talks would continue next week after a meeting with leaders from several regions about the economy and security on Monday in March 2015 said that")
)

// name returns one of 16×16 people or 8×8 organizations.
func name(r *rand.Rand) string {
	if r.Intn(2) == 0 {
		return given[r.Intn(len(given))] + " " + family[r.Intn(len(family))]
	}
	return "the " + orgHead[r.Intn(len(orgHead))] + " " + orgTail[r.Intn(len(orgTail))]
}

func word(r *rand.Rand) string {
	if r.Intn(6) == 0 {
		return name(r)
	}
	return common[r.Intn(len(common))]
}

// RunOn returns about n bytes on one line, no sentence punctuation.
func RunOn(n int, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(word(r))
		b.WriteByte(' ')
	}
	return b.String()
}

// Sentences returns about n bytes of sentences in paragraphs, a fifth of
// them quoted with a speaker.
func Sentences(n int, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	for b.Len() < n {
		k := 8 + r.Intn(15)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word(r)
		}
		s := strings.Join(ws, " ")
		s = strings.ToUpper(s[:1]) + s[1:]
		if r.Intn(5) == 0 {
			s = fmt.Sprintf("\u201c%s,\u201d %s said.", s, name(r))
		} else {
			s += "."
		}
		b.WriteString(s)
		if r.Intn(8) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

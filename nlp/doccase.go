package nlp

import (
	"unicode"
	"unicode/utf8"
)

// A sentence alone often cannot tell a name from a word by its capitals: a
// sentence's first word, a headline's words and web text written in lower
// case all look alike. The rest of the document can: "Holga" at the start
// of a sentence is a name where "Holga" is capitalized in the middle of
// another sentence, "Canon" one where "canon" is written in lower case
// elsewhere only as the camera's name, and "WASHINGTON" in a headline one
// where "Washington" is written so in the text (Chieu and Ng 2002, Ratinov
// and Roth 2009: non-local features). docCase counts, for each word of a
// document (lower-cased), how often it is capitalized inside a sentence
// that is not written in capitals, and how often it is written in lower
// case; the recognizer sees, for each word, which of the two happen
// elsewhere in the document (caseElsewhere).

// Case evidence states, one per word: what the document's other
// occurrences of the word say.
const (
	caseCapElsewhere   = 1 << iota // capitalized inside a sentence elsewhere
	caseLowerElsewhere             // written in lower case elsewhere
)

// docCase holds one document's counts: for each word's key (wordKey), the
// occurrences capitalized inside a sentence (low 16 bits) and in lower
// case (high 16 bits), each saturating.
type docCase map[uint64]uint32

// wordKey hashes w lower-cased (FNV-1a over its runes), without a copy.
func wordKey(w string) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range w {
		h ^= uint64(unicode.ToLower(r))
		h *= 1099511628211
	}
	return h
}

// capitalsLine reports a line written mostly in capitals (a headline or
// a title-case line), where a capital says nothing of a name: most of its
// words of four letters or more start with one.
func capitalsLine(words []string) bool {
	long, capital := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		long++
		if unicode.IsUpper(r) {
			capital++
		}
	}
	return long >= 3 && capital*5 >= long*4
}

// caseOf returns the evidence word i of a sentence gives: 1 (capitalized
// after a word, number or comma of a line not in capitals), 2 (in lower
// case) or 0 (neither: a sentence's first word, a headline's capitals,
// punctuation, a number).
func caseOf(words []string, i int, capitals bool) uint32 {
	r, _ := utf8.DecodeRuneInString(words[i])
	switch {
	case unicode.IsLower(r):
		return 1 << 16
	case !unicode.IsUpper(r) || capitals || i == 0:
		return 0
	}
	p, _ := utf8.DecodeRuneInString(words[i-1])
	if unicode.IsLetter(p) || unicode.IsDigit(p) || words[i-1] == "," {
		return 1
	}
	return 0
}

// add counts the words of one sentence of the document.
func (d docCase) add(words []string) {
	capitals := capitalsLine(words)
	for i, w := range words {
		e := caseOf(words, i, capitals)
		if e == 0 {
			continue
		}
		k := wordKey(w)
		v := d[k]
		if e == 1 && v&0xffff < 0xffff || e == 1<<16 && v>>16 < 0xffff {
			d[k] = v + e
		}
	}
}

// elsewhere sets out[i] to the evidence (caseCapElsewhere,
// caseLowerElsewhere) that the document's other occurrences of word i of
// the sentence words give: its own occurrence does not count. The
// sentence must have been added.
func (d docCase) elsewhere(words []string, out []uint8) []uint8 {
	out = out[:0]
	capitals := capitalsLine(words)
	for i, w := range words {
		v := d[wordKey(w)]
		if v == 0 {
			out = append(out, 0)
			continue
		}
		switch caseOf(words, i, capitals) {
		case 1:
			v--
		case 1 << 16:
			v -= 1 << 16
		}
		var s uint8
		if v&0xffff > 0 {
			s |= caseCapElsewhere
		}
		if v>>16 > 0 {
			s |= caseLowerElsewhere
		}
		out = append(out, s)
	}
	return out
}

// dcaseAt returns word k's document evidence (0 outside the sentence or
// where none was set).
func (c *sentCtx) dcaseAt(k int) int {
	if k < 0 || k >= len(c.dcase) {
		return 0
	}
	return int(c.dcase[k])
}

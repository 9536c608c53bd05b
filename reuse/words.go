package reuse

import (
	"unicode"
	"unicode/utf8"
)

// word is one token of a text: a maximal run of letters and digits, with its
// byte span in the original text and a hash of its case-folded form.
type word struct {
	start, end int
	h          uint64
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenize returns the words of text that lie inside ranges (half-open byte
// ranges; nil means the whole text), in order. Punctuation, quotes and
// hyphens separate words and are otherwise ignored, so "1980-88" is two words
// and curly and straight quotes never matter. Ranges are clamped to the text.
func tokenize(text string, ranges [][2]int) []word {
	if ranges == nil {
		ranges = [][2]int{{0, len(text)}}
	}
	ws := make([]word, 0, len(text)/6)
	for _, r := range ranges {
		lo, hi := min(max(r[0], 0), len(text)), min(max(r[1], 0), len(text))
		ws = tokenizeRange(text, lo, hi, ws)
	}
	return ws
}

func tokenizeRange(text string, lo, hi int, ws []word) []word {
	in := false
	var cur word
	for i := lo; i < hi; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:hi])
		}
		if isWordRune(r) {
			if !in {
				in = true
				cur = word{start: i, h: fnvOffset}
			}
			r = unicode.ToLower(r)
			// Hash the folded rune's bytes (FNV-1a); the rune value is
			// enough and avoids re-encoding.
			for v := uint32(r); ; v >>= 8 {
				cur.h ^= uint64(v & 0xff)
				cur.h *= fnvPrime
				if v < 256 {
					break
				}
			}
		} else if in {
			in = false
			cur.end = i
			ws = append(ws, cur)
		}
		i += size
	}
	if in {
		cur.end = hi
		ws = append(ws, cur)
	}
	return ws
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

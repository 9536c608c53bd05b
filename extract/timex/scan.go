package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is made of.
type tokKind uint8

const (
	kWord  tokKind = iota // letters ("June", "p.m.")
	kNum                  // digits, with an optional ordinal or decade suffix ("11", "2nd", "1970s")
	kPunct                // any other single rune
)

// tok is one token of a scanned range, with its byte span in the whole text.
type tok struct {
	s, e   int
	kind   tokKind
	raw    string // text[s:e]
	low    string // lower case of raw
	n      int    // value of a number (its integer part)
	frac   bool   // a decimal number ("2.5"); n is then the integer part
	ndig   int    // digits in the integer part, 0 for grouped numbers ("1,000")
	suffix string // "st", "nd", "rd", "th" or "s" after the digits, lower case
	upper  bool   // a word that starts with an upper-case letter
	sentAt bool   // the first token of a sentence
	nl     int    // line breaks between this token and the previous one
}

// scan splits text[start:end] into tokens and marks sentence starts: after
// '.', '!' or '?' followed by a capitalized or numeric token, after a blank
// line, and after a line break unless the line wraps a sentence.
func scan(text string, start, end int) []tok {
	var toks []tok
	i := start
	nl := 2 // the start of a range is a paragraph start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			if r == '\n' || r == '\u2029' {
				nl++
			}
			i += size
			continue
		}
		t := tok{s: i, nl: nl}
		nl = 0
		switch {
		case isDigit(r):
			t.kind = kNum
			j := i
			for j < end && isDigit(rune(text[j])) {
				j++
			}
			t.ndig = j - i
			t.n = atoi(text[i:j])
			// Thousands groups ("1,000") and decimals ("2.5") stay one token.
			for j+3 < end+0 && text[j] == ',' && isDigit(rune(text[j+1])) && isDigit(rune(text[j+2])) && isDigit(rune(text[j+3])) && (j+4 >= end || !isDigit(rune(text[j+4]))) {
				j += 4
				t.ndig = 0
			}
			if j+1 < end && text[j] == '.' && isDigit(rune(text[j+1])) && t.ndig > 0 && t.ndig <= 3 {
				t.frac = true
				j++
				for j < end && isDigit(rune(text[j])) {
					j++
				}
			}
			// Ordinal and decade suffixes, only when no letter follows them.
			if !t.frac {
				for _, suf := range []string{"st", "nd", "rd", "th", "s"} {
					if j+len(suf) <= end && strings.EqualFold(text[j:j+len(suf)], suf) && !letterAt(text, j+len(suf), end) {
						t.suffix = suf
						j += len(suf)
						break
					}
				}
			}
			t.e = j
		case unicode.IsLetter(r):
			t.kind = kWord
			t.upper = unicode.IsUpper(r)
			j := i
			if k := ampm(text, i, end); k > 0 {
				j = i + k
			} else {
				for j < end {
					r2, s2 := utf8.DecodeRuneInString(text[j:end])
					if !unicode.IsLetter(r2) {
						break
					}
					j += s2
				}
			}
			t.e = j
		default:
			t.kind = kPunct
			t.e = i + size
		}
		t.raw = text[t.s:t.e]
		t.low = strings.ToLower(t.raw)
		toks = append(toks, t)
		i = t.e
	}
	for k := range toks {
		switch {
		case k == 0 || toks[k].nl >= 2:
			toks[k].sentAt = true
		case toks[k].nl == 1:
			// A single line break ends a sentence unless the text is wrapped
			// mid-sentence: the next line starts in lower case after a line
			// that ends without sentence punctuation.
			prev := toks[k-1].raw
			toks[k].sentAt = toks[k].upper || toks[k].kind != kWord || prev == "." || prev == "!" || prev == "?" || isQuoteOrBracket(prev)
		case k >= 1 && (toks[k-1].raw == "." || toks[k-1].raw == "!" || toks[k-1].raw == "?"):
			toks[k].sentAt = toks[k].upper || toks[k].kind == kNum
			// "Jan. 5" and "p.m. Monday" do not end a sentence.
			if k >= 2 && (abbrevMonth(toks[k-2].low) || toks[k-2].low == "st") && toks[k].kind == kNum {
				toks[k].sentAt = false
			}
		case k >= 1 && isQuoteOrBracket(toks[k-1].raw) && k >= 2 && (toks[k-2].raw == "." || toks[k-2].raw == "!" || toks[k-2].raw == "?"):
			toks[k].sentAt = toks[k].upper
		}
	}
	return toks
}

// ampm returns the length of "a.m.", "p.m.", "am" or "pm" at i when it is a
// whole word there, 0 otherwise.
func ampm(text string, i, end int) int {
	for _, f := range []string{"a.m.", "p.m.", "a.m", "p.m"} {
		if i+len(f) <= end && strings.EqualFold(text[i:i+len(f)], f) && !letterAt(text, i+len(f), end) {
			return len(f)
		}
	}
	return 0
}

func letterAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLetter(r) || isDigit(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isQuoteOrBracket(s string) bool {
	switch s {
	case "\"", "'", ")", "\u201d", "\u2019", "]":
		return true
	}
	return false
}

func isDash(s string) bool {
	switch s {
	case "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212":
		return true
	}
	return false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

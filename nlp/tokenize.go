package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into tokens whose byte offsets point into text.
//
// It is written for news text: hyphenated and transliterated names
// ("al-Maliki", "Mojahedin-e") and year ranges ("1980-88") stay one token;
// abbreviations ("U.S.", "Mr.", "Gen.") and initials ("J.") keep their
// period; every quote mark, straight or curly, is a token of its own, even
// when glued to a colon ("said:”We"); ellipses and runs of dashes are one
// token; numbers are split from their units ("5km" -> "5" "km"); URLs and
// e-mail addresses are one token; English clitics are split as Universal
// Dependencies does ("don't" -> "do" "n't", "Iran's" -> "Iran" "'s") so the
// tagger sees the tokens it was trained on. A token never spans white space.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			i += sz
			continue
		}
		end := scanToken(text, i)
		if end <= i { // defensive: always make progress
			end = i + sz
		}
		toks = append(toks, Token{Start: i, End: end, Text: text[i:end]})
		i = end
	}
	return toks
}

// isSpace reports white space and the invisible characters that news pages
// scatter between words (zero-width space, BOM, soft hyphen).
func isSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return unicode.IsSpace(r)
}

func isAlnum(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isHyphen reports the characters that join the parts of a hyphenated word.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports straight and curly apostrophes.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// at returns the rune at byte offset i, or 0 past the end.
func at(text string, i int) (rune, int) {
	if i >= len(text) || i < 0 {
		return 0, 0
	}
	return utf8.DecodeRuneInString(text[i:])
}

// before returns the rune ending at byte offset i, or 0 at the start.
func before(text string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func scanToken(text string, i int) int {
	r, sz := at(text, i)
	switch {
	case hasURLPrefix(text[i:]):
		return scanURL(text, i)
	case isApostrophe(r):
		if e := scanClitic(text, i); e > i {
			return e
		}
		return i + sz
	case isAlnum(r):
		return scanWord(text, i)
	case (r == '#' || r == '@') && isAlnum(runeAt(text, i+sz)) && !isAlnum(before(text, i)):
		// hashtags and handles
		return scanWord(text, i+sz)
	case r == '.':
		j := i
		for j < len(text) && text[j] == '.' {
			j++
		}
		return j
	case r == '-':
		j := i
		for j < len(text) && text[j] == '-' {
			j++
		}
		return j
	case r == '!' || r == '?':
		// "?!" and "!!!" are one token
		j := i
		for {
			c, n := at(text, j)
			if c != '!' && c != '?' {
				return j
			}
			j += n
		}
	}
	return i + sz
}

func runeAt(text string, i int) rune {
	r, _ := at(text, i)
	return r
}

func hasURLPrefix(s string) bool {
	return hasPrefixASCIIFold(s, "http://") || hasPrefixASCIIFold(s, "https://") || hasPrefixASCIIFold(s, "www.") && len(s) > 5
}

// hasPrefixASCIIFold reports whether s begins with p (lower-case ASCII) in
// any case, without the copy strings.ToLower makes. (No other rune
// lower-cases to an ASCII letter but U+0130 and U+212A, to "i" and "k".)
func hasPrefixASCIIFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	return true
}

// scanURL takes everything up to white space or a quote, then gives back
// trailing punctuation that belongs to the sentence, not the URL.
func scanURL(text string, i int) int {
	j := i
	for j < len(text) {
		r, sz := at(text, j)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || r == '\u201c' || r == '\u201d' || r == '\u2018' || r == '\u2019' {
			break
		}
		j += sz
	}
	for j > i {
		r := before(text, j)
		if !strings.ContainsRune(".,;:!?)]}'", r) {
			break
		}
		if r == ')' && strings.Count(text[i:j], "(") >= strings.Count(text[i:j], ")") {
			break // a balanced parenthesis is part of the URL (Wikipedia links)
		}
		j -= utf8.RuneLen(r)
	}
	return j
}

// clitics that Universal Dependencies splits off the word before them.
var clitics = []string{"s", "re", "ll", "ve", "m", "d"}

// scanClitic returns the end of a clitic ("'s", "'re", "n't" is handled in
// scanWord) starting at the apostrophe at i when one follows a letter, or i.
func scanClitic(text string, i int) int {
	if !unicode.IsLetter(before(text, i)) && !isDigit(before(text, i)) {
		return i
	}
	_, sz := at(text, i)
	j := i + sz
	for _, c := range clitics {
		if len(text) >= j+len(c) && strings.EqualFold(text[j:j+len(c)], c) && !isAlnum(runeAt(text, j+len(c))) {
			return j + len(c)
		}
	}
	return i
}

// units that are split from a number written against them ("5km").
var units = map[string]bool{
	"km": true, "m": true, "cm": true, "mm": true, "mi": true, "ft": true, "in": true, "kg": true, "g": true,
	"mg": true, "lb": true, "lbs": true, "t": true, "l": true, "ml": true, "kph": true, "mph": true, "km/h": true,
	"am": true, "pm": true, "bn": true, "mn": true, "k": true, "gb": true, "mb": true, "kb": true, "tb": true,
	"mw": true, "gw": true, "kw": true, "kwh": true, "hz": true, "mhz": true, "ghz": true, "sq": true, "c": true,
	"f": true, "b": true, "s": false, // "1980s" stays whole
}

// abbreviations that keep their period. Lower case; see abbrevTitle for the
// ones that never end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "cpt": true, "cmdr": true, "adm": true, "maj": true, "brig": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "st": true, "mt": true, "ft": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "plc": true,
	"bros": true, "dept": true, "univ": true, "assn": true, "est": true, "fig": true, "approx": true,
	"vs": true, "etc": true, "cf": true, "al": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true, "sat": true,
	"sun": true, "ave": true, "blvd": true, "rd": true, "no": true, "nos": true, "vol": true, "pp": true,
	"ed": true, "eds": true, "gov't": true, "sr.": true, "messrs": true, "mme": true, "mlle": true,
}

// abbrevTitle lists abbreviations that stand before a name or number and so
// never end a sentence.
var abbrevTitle = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "cpt": true, "cmdr": true, "adm": true, "maj": true, "brig": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "st": true, "mt": true, "messrs": true,
	"mme": true, "mlle": true, "no": true, "nos": true, "vol": true, "pp": true, "fig": true, "vs": true,
	"cf": true,
}

// domain endings that let a period inside a word stay ("example.com").
var domainEndings = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true, "mil": true, "info": true,
	"io": true, "co": true, "uk": true, "ir": true, "iq": true, "de": true, "fr": true, "ru": true, "us": true,
	"eu": true, "tv": true, "news": true,
}

// scanWord scans a word, number, hyphenated compound, abbreviation or e-mail
// address starting at i.
func scanWord(text string, i int) int {
	if e := scanEmail(text, i); e > i {
		return e
	}
	j := i
	segStart := i // start of the current run of letters/digits
	hasDot := false
	for j < len(text) {
		r, sz := at(text, j)
		if isAlnum(r) || r == '_' {
			j += sz
			continue
		}
		prev := before(text, j)
		next := runeAt(text, j+sz)
		switch {
		case isHyphen(r) && isAlnum(prev) && isAlnum(next):
			j += sz
			segStart = j
			continue
		case r == '.' && isAlnum(prev) && isAlnum(next):
			seg := text[segStart:j]
			if isDigit(prev) && isDigit(next) || utf8.RuneCountInString(seg) <= 2 && !isDigit(prev) || domainEndings[strings.ToLower(wordAt(text, j+1))] {
				j += sz
				segStart = j
				hasDot = true
				continue
			}
		case (r == ',') && isDigit(prev) && isDigit(next) && digitsAt(text, j+1) == 3:
			j += sz
			continue
		case (r == ':' || r == '/') && isDigit(prev) && isDigit(next):
			j += sz
			continue
		case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
			j += sz
			continue
		case isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next):
			// "n't" splits off before its n; "'s", "'re" ... before the apostrophe.
			if (prev == 'n' || prev == 'N') && (next == 't' || next == 'T') && !isAlnum(runeAt(text, j+sz+1)) && j-1 > i {
				return j - 1
			}
			if scanClitic(text, j) > j {
				return j
			}
			j += sz
			continue
		}
		break
	}
	word := text[i:j]
	// A number written against its unit: "5km", "3pm", "10bn".
	if isDigit(runeAt(text, i)) {
		k := i
		for k < j && (isDigit(rune(text[k])) || text[k] == ',' || text[k] == '.') {
			k++
		}
		if k < j && k > i && units[strings.ToLower(text[k:j])] {
			return k
		}
	}
	// The period of an abbreviation or initial stays with it.
	if j < len(text) && text[j] == '.' && (j+1 >= len(text) || text[j+1] != '.') {
		lw := strings.ToLower(word)
		r0, n0 := utf8.DecodeRuneInString(word)
		switch {
		case hasDot && !isDigit(runeAt(text, j-1)):
			return j + 1 // U.S. e.g. a.m.
		case n0 == len(word) && unicode.IsUpper(r0):
			return j + 1 // an initial
		case lw == "no" || lw == "nos":
			if isDigit(runeAt(text, skipSpace(text, j+1))) {
				return j + 1
			}
		case abbreviations[lw]:
			return j + 1
		}
	}
	return j
}

func skipSpace(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// wordAt returns the run of letters starting at i.
func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, sz := at(text, j)
		if !unicode.IsLetter(r) {
			break
		}
		j += sz
	}
	if isAlnum(runeAt(text, j)) {
		return ""
	}
	return text[i:j]
}

func digitsAt(text string, i int) int {
	n := 0
	for i+n < len(text) && isDigit(rune(text[i+n])) {
		n++
	}
	return n
}

// scanEmail returns the end of an e-mail address starting at i, or i.
func scanEmail(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c < 0x80 && (isDigit(rune(c)) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
			j++
			continue
		}
		break
	}
	if j == i || j >= len(text) || text[j] != '@' {
		return i
	}
	k := j + 1
	lastDot := -1
	for k < len(text) {
		c := text[k]
		if c < 0x80 && (isDigit(rune(c)) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
			k++
			continue
		}
		if c == '.' && k+1 < len(text) && isAlnum(rune(text[k+1])) {
			lastDot = k
			k++
			continue
		}
		break
	}
	if lastDot < 0 || k-lastDot < 3 {
		return i
	}
	return k
}

package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences groups toks (from Tokenize(text)) into sentences.
//
// News rules: a line break ends a sentence, so headlines, datelines and
// list items without final punctuation stand alone (unless the line looks
// hard-wrapped: the next line starts in lower case after a line that did not
// end in punctuation); ". ! ? …" end a sentence when what follows starts
// like a sentence, and closing quotes and brackets after them stay with the
// sentence they close ("… the group stated.” Next"); a title abbreviation or
// an initial ("Mr.", "Gen.", "J.") never ends a sentence, and other
// abbreviations ("U.S.", "etc.") end one only before a word that usually
// starts sentences ("The", "He", ...).
//
// No sentence is longer than MaxSentenceTokens: a longer run (a text without
// punctuation, a table flattened to one line) is cut at its last comma,
// semicolon, colon or dash in the second half of the window, else at the cap.
// Every later stage works sentence by sentence, some in time quadratic in a
// sentence's length, so the cap keeps a document's cost linear in its size.
func SplitSentences(text string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	emit := func(limit int) {
		for limit-first > MaxSentenceTokens {
			cut := first + MaxSentenceTokens
			for k := cut - 1; k > first+MaxSentenceTokens/2; k-- {
				if softBreak(toks[k].Text) {
					cut = k + 1
					break
				}
			}
			out = append(out, Sentence{Start: toks[first].Start, End: toks[cut-1].End, First: first, Limit: cut})
			first = cut
		}
		if limit > first {
			out = append(out, Sentence{Start: toks[first].Start, End: toks[limit-1].End, First: first, Limit: limit})
		}
		first = limit
	}
	for i := 0; i < len(toks); i++ {
		if i > first && lineBreakBetween(text, toks, i) {
			emit(i)
		}
		if !endsSentence(toks[i].Text) {
			continue
		}
		// Absorb closing quotes and brackets that belong to this sentence.
		j := i + 1
		for j < len(toks) && isCloser(text, toks, j) {
			j++
		}
		if j >= len(toks) {
			break
		}
		if lineBreakBetween(text, toks, j) {
			i = j - 1
			continue // the line break rule ends it at the top of the loop
		}
		if startsSentence(toks, i, j) {
			emit(j)
			i = j - 1
		}
	}
	emit(len(toks))
	return out
}

// MaxSentenceTokens caps a sentence's length in tokens. Ordinary news
// sentences stay far below it (a 60-word sentence is long).
const MaxSentenceTokens = 200

// softBreak reports tokens after which an over-long sentence may be cut.
func softBreak(t string) bool {
	switch t {
	case ",", ";", ":", "\u2014", "\u2013", "-":
		return true
	}
	return false
}

// lineBreakBetween reports whether a line break separates toks[i-1] and
// toks[i] and ends a sentence there.
func lineBreakBetween(text string, toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	gap := text[toks[i-1].End:toks[i].Start]
	n := strings.Count(gap, "\n")
	if n == 0 {
		n = strings.Count(gap, "\r")
	}
	if n == 0 {
		n = strings.Count(gap, "\u2028") + strings.Count(gap, "\u2029")
		if n > 0 {
			return true
		}
		return false
	}
	if n >= 2 {
		return true
	}
	// One line break: hard-wrapped prose continues in lower case after a
	// line that ends inside a sentence.
	prev := toks[i-1].Text
	r, _ := utf8.DecodeRuneInString(toks[i].Text)
	pr, _ := utf8.DecodeLastRuneInString(prev)
	if unicode.IsLower(r) && (unicode.IsLetter(pr) || unicode.IsDigit(pr) || pr == ',' || pr == ';') {
		return false
	}
	return true
}

// endsSentence reports tokens that may end a sentence.
func endsSentence(t string) bool {
	switch t {
	case ".", "!", "?", "…", "...", "?!", "!?", "....":
		return true
	}
	if strings.HasPrefix(t, "!") || strings.HasPrefix(t, "?") {
		return true
	}
	// An abbreviation's period may double as the sentence's.
	return len(t) > 1 && t[len(t)-1] == '.' && !strings.HasSuffix(t, "..")
}

// isCloser reports whether toks[j] closes what came before: a closing quote
// or bracket attached to the previous token.
func isCloser(text string, toks []Token, j int) bool {
	switch toks[j].Text {
	case "\u201d", "\u2019", ")", "]", "}", "\u00bb", "\u203a":
		return true
	case "\"", "'":
		// A straight quote right after the punctuation closes; one followed by
		// white space at the end of the text or line closes too.
		return toks[j].Start == toks[j-1].End
	}
	return false
}

// startsSentence decides whether a sentence ends after toks[j-1], where
// toks[i] is the token that may end it and toks[j] the next token.
func startsSentence(toks []Token, i, j int) bool {
	end := toks[i].Text
	next := toks[j].Text
	r, _ := utf8.DecodeRuneInString(next)
	if end[len(end)-1] == '.' && len(end) > 1 && !strings.HasSuffix(end, "..") {
		// An abbreviation or initial with its period.
		word := strings.ToLower(strings.TrimSuffix(end, "."))
		if abbrevTitle[word] || utf8.RuneCountInString(word) == 1 {
			return false
		}
		return sentenceStarters[next] || isOpener(next) && j+1 < len(toks) && startsUpper(toks[j+1].Text)
	}
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return true
	case isOpener(next):
		return true
	case r == '-' || r == '\u2014' || r == '\u2013' || r == '*' || r == '\u2022':
		return true
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func isOpener(t string) bool {
	switch t {
	case "\"", "'", "\u201c", "\u2018", "(", "[", "\u00ab", "\u2039":
		return true
	}
	return false
}

// sentenceStarters are closed-class words that commonly open a sentence and
// rarely follow an abbreviation inside one ("the U.S. The" ends; "the U.S.
// President" does not).
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "But": true, "And": true, "In": true, "On": true, "At": true, "This": true,
	"That": true, "These": true, "Those": true, "There": true, "His": true, "Her": true, "Their": true,
	"Its": true, "Our": true, "However": true, "Meanwhile": true, "After": true, "Before": true, "When": true,
	"If": true, "As": true, "For": true, "So": true, "Yet": true, "While": true, "Some": true, "Many": true,
	"Most": true, "According": true, "Also": true, "Then": true, "Now": true, "Since": true, "Although": true,
}

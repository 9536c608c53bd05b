package sqlite

import (
	"strings"
	"unicode/utf8"
)

// maxSentenceBytes bounds a sentence cut from a document, so text without
// punctuation (a table, a list) still yields a short piece of evidence.
const maxSentenceBytes = 600

// sentenceAround returns the byte range of the sentence around [start, end)
// of text: back to the end of the previous sentence (., ! or ? followed by
// white space, or a line break) and on to the end of this one, trimmed of
// white space. The store keeps no sentence table, so evidence sentences are
// cut from the text here; the cut never splits a UTF-8 sequence.
func sentenceAround(text string, start, end int) (int, int) {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	s := start
	for s > 0 && start-s < maxSentenceBytes {
		c := text[s-1]
		if c == '\n' || (isSentenceEnd(c) && s < len(text) && isSpace(text[s]) && !isAbbreviation(text, s-1)) {
			break
		}
		s--
	}
	e := end
	for e < len(text) && e-end < maxSentenceBytes {
		c := text[e]
		if c == '\n' {
			break
		}
		e++
		if isSentenceEnd(c) && !isAbbreviation(text, e-1) {
			// A closing quotation mark or parenthesis belongs to the sentence.
			f := e
			for f < len(text) {
				if text[f] == '"' || text[f] == '\'' || text[f] == ')' {
					f++
				} else if strings.HasPrefix(text[f:], "”") || strings.HasPrefix(text[f:], "’") {
					f += 3
				} else {
					break
				}
			}
			if f == len(text) || isSpace(text[f]) {
				e = f
				break
			}
		}
	}
	for s < start && !utf8.RuneStart(text[s]) {
		s++
	}
	for e > end && e < len(text) && !utf8.RuneStart(text[e]) {
		e--
	}
	for s < start && isSpace(text[s]) {
		s++
	}
	for e > end && isSpace(text[e-1]) {
		e--
	}
	return s, e
}

func isSentenceEnd(c byte) bool { return c == '.' || c == '!' || c == '?' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isAbbreviation reports whether the period at i ends a common title or
// initial ("Mr.", "Gen.", "J."), which does not end a sentence.
func isAbbreviation(text string, i int) bool {
	if text[i] != '.' {
		return false
	}
	w := i
	for w > 0 && text[w-1] >= 'A' && text[w-1] <= 'z' && (text[w-1] <= 'Z' || text[w-1] >= 'a') {
		w--
	}
	word := text[w:i]
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return true
	}
	switch strings.ToLower(word) {
	case "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "st", "jr", "sr", "rep", "sen", "gov", "vs":
		return true
	}
	return false
}

package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text from the store (titles, outlets, file names, article text) reaches a
// terminal. Control characters in it would act there: an escape sequence
// recolours or rewrites the screen, "\r" overwrites the line, a newline
// splits the one-line error contract. They are shown escaped instead, as Go
// writes them ("\x1b", "\r"), as are the C1 controls and the bidirectional
// overrides that reorder what is shown. JSON output keeps the text as is.

// esc returns s with every control character escaped: for one-line fields.
func esc(s string) string { return escape(s, false) }

// escBlock is esc keeping line breaks and tabs: for a document's text.
func escBlock(s string) string { return escape(s, true) }

func escape(s string, block bool) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r, block) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !unsafeRune(r, block):
			b.WriteString(s[i : i+n])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
	}
	return b.String()
}

func unsafeRune(r rune, block bool) bool {
	switch {
	case block && (r == '\n' || r == '\t'):
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional embeddings, overrides and isolates
	case r == utf8.RuneError:
		return true
	}
	return false
}

// quoteName is esc for a file or store name inside a message.
func quoteName(s string) string { return esc(s) }

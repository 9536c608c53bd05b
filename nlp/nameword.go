package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameArticles are lower-case Arabic articles and patronymic particles that
// open a name when joined to a capitalized word ("al-Maliki", "bin-Laden").
var nameArticles = []string{"al-", "el-", "ad-", "ar-", "as-", "bin-", "ibn-"}

// IsNameWord reports whether a token can be a word of a proper name: it
// starts with an upper-case letter and holds a letter ("Mojahedin-e",
// "Al-Masalah", "MKO"), or is a lower-case article joined to a capitalized
// word ("al-Maliki").
func IsNameWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		for _, p := range nameArticles {
			if strings.HasPrefix(t, p) && len(t) > len(p) {
				r2, _ := utf8.DecodeRuneInString(t[len(p):])
				return unicode.IsUpper(r2)
			}
		}
		return false
	}
	for _, c := range t {
		if unicode.IsLetter(c) {
			return true
		}
	}
	return false
}

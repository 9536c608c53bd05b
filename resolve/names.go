package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"

	"github.com/claimgraph/claimgraph/nlp"
)

// Name keys. Every comparison of names goes through one of three keys:
//
//   - ExactKey: the name transliterated to ASCII, lower-cased, punctuation
//     folded to spaces. "Nouri al-Maliki's" and "NOURI AL-MALIKI" share it.
//   - TranslitKey: a phonetic skeleton that forgives the usual ways one Persian
//     or Arabic name is written in Latin letters (ou/u, e/i, doubled letters,
//     the al-/el- article, the -e/-i ezafe, Mohammad/Mohammed). It is only
//     trusted for long names (see translitTrusted): short skeletons collide.
//   - acronyms: the initials a multi-word name can be abbreviated to.

// ExactKey returns the exact comparison key of a name: ASCII, lower case,
// every run of characters other than letters and digits folded to one space,
// a trailing possessive removed.
func ExactKey(name string) string {
	s := strings.ToLower(asciiFold(name))
	s = stripPossessive(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		space = true
	}
	return b.String()
}

// asciiFold transliterates to ASCII only when the name needs it: most names
// in English news are ASCII already and unidecode allocates.
func asciiFold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "‑", "-").Replace(s)
			return unidecode.Unidecode(s)
		}
	}
	return s
}

// stripPossessive removes a trailing "'s" or "'" (after ASCII folding).
func stripPossessive(s string) string {
	s = strings.TrimRight(s, " ")
	if strings.HasSuffix(s, "'s") {
		return s[:len(s)-2]
	}
	if strings.HasSuffix(s, "s'") {
		return s[:len(s)-1]
	}
	return s
}

// nameWords splits a name into lower-case ASCII words, keeping the hyphenated
// parts of each word so that articles and ezafe markers can be recognised.
func nameWords(name string) [][]string {
	s := stripPossessive(strings.ToLower(asciiFold(name)))
	var words [][]string
	for _, w := range strings.Fields(s) {
		var parts []string
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' }) {
			p = strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, p)
			if p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			words = append(words, parts)
		}
	}
	return words
}

// arabicArticle and ezafe are the hyphen-joined particles that transliteration
// adds or drops freely: "al-Maliki" / "Maliki", "Mojahedin-e" / "Mojahedin".
var (
	arabicArticle = map[string]bool{"al": true, "el": true, "ul": true}
	ezafe         = map[string]bool{"e": true, "i": true, "ye": true, "yi": true}
)

// contentWords returns the words of a name without articles and ezafe
// particles, hyphenated parts joined: "Mojahedin-e Khalq" -> [mojahedin khalq].
func contentWords(name string) []string {
	var out []string
	for wi, parts := range nameWords(name) {
		var b strings.Builder
		for i, p := range parts {
			if i == 0 && len(parts) > 1 && arabicArticle[p] {
				continue
			}
			if i > 0 && ezafe[p] {
				continue
			}
			b.WriteString(p)
		}
		w := b.String()
		// A lone ezafe word ("Mojahedine E Khalq") and a leading "the" carry no identity.
		if (wi > 0 && ezafe[w]) || (wi == 0 && w == "the") || w == "" {
			continue
		}
		out = append(out, w)
	}
	return out
}

// TranslitKey returns the phonetic skeleton of a name: content words only,
// common digraphs folded, doubled letters collapsed, every vowel run written
// "a", a final vowel dropped. Nouri/Nuri, Estekhbarat/Istekhbarat and
// Mohammad/Mohammed share their keys.
func TranslitKey(name string) string {
	words := contentWords(name)
	for i, w := range words {
		words[i] = skeleton(w)
	}
	return strings.Join(words, " ")
}

var digraphs = strings.NewReplacer("ou", "u", "oo", "u", "ee", "i", "ph", "f", "ck", "k", "q", "k", "w", "v", "dh", "z")

func skeleton(w string) string {
	w = digraphs.Replace(w)
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isVowel(c) {
			c = 'a'
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue // doubled letters and vowel runs collapse
		}
		b = append(b, c)
	}
	if len(b) >= 4 && b[len(b)-1] == 'a' {
		b = b[:len(b)-1]
	}
	return string(b)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// translitTrusted reports whether a transliteration key is long enough to
// merge on: a single word needs five consonants, several words four in all.
// Short skeletons collide ("Iran" and "Oran"), so short names must match
// exactly.
func consonants(key string) int {
	n := 0
	for i := 0; i < len(key); i++ {
		if c := key[i]; c >= 'a' && c <= 'z' && !isVowel(c) {
			n++
		}
	}
	return n
}

func translitTrusted(key string) bool {
	consonants, words := 0, 1
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c == ' ':
			words++
		case c >= 'a' && c <= 'z' && !isVowel(c):
			consonants++
		}
	}
	if words == 1 {
		return consonants >= 5
	}
	return consonants >= 4
}

// IsAcronym reports whether a token looks like an acronym: two to eight
// letters, all upper case except at most one lower-case letter inside
// ("PMOI", "CIA", "DoD" is not), optional dots ("U.S."), digits allowed after
// the first letter ("G8").
func IsAcronym(s string) bool {
	letters, upper := 0, 0
	for i, r := range s {
		switch {
		case r == '.':
			continue
		case r >= 'A' && r <= 'Z':
			letters++
			upper++
		case r >= 'a' && r <= 'z':
			letters++
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	if letters < 2 || letters > 8 || upper < 2 {
		return false
	}
	if strings.HasSuffix(s, "s") {
		return false // a plural: "MPs", "CEOs"
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first) && upper >= letters-1 && !romanNumeral[strings.ReplaceAll(s, ".", "")]
}

var romanNumeral = map[string]bool{"II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "IX": true, "XI": true, "XII": true, "XX": true}

// AcronymKey returns the letters of an acronym in upper case: "U.S." -> "US".
func AcronymKey(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r == '.' {
			return -1
		}
		return r
	}, s))
}

// functionWords are skipped by some acronyms and kept by others
// ("Islamic State of Iraq and Syria" -> ISIS; "Bank of America" -> BOA).
var functionWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true, "on": true, "at": true, "to": true, "de": true, "du": true, "des": true, "la": true, "le": true, "&": true}

// orgDesignators end organization names and are often left out of their
// acronyms and of their short forms.
var orgDesignators = map[string]bool{"organization": true, "organisation": true, "company": true, "corporation": true, "corp": true, "inc": true, "ltd": true, "co": true, "group": true, "plc": true, "llc": true, "nv": true, "sa": true, "ag": true, "gmbh": true}

// Acronyms returns the acronyms a multi-word name may be written as, in upper
// case: initials of its content words, of all its words, and of both without
// a final designator ("Company"). Names of one word have none.
func Acronyms(name string) []string {
	words := nameWords(name)
	if len(words) < 2 {
		return nil
	}
	var out []string
	add := func(s string) {
		if len(s) < 2 {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	last := len(words)
	lastWord := strings.Join(words[len(words)-1], "")
	for _, dropLast := range []bool{false, true} {
		n := last
		if dropLast {
			if !orgDesignators[lastWord] {
				continue
			}
			n--
		}
		var content, all, parts strings.Builder
		for wi, w := range words[:n] {
			first := w[0]
			if len(w) > 1 && arabicArticle[first] {
				first = w[1]
			}
			all.WriteByte(first[0])
			if functionWords[strings.Join(w, "")] || (wi > 0 && ezafe[strings.Join(w, "")]) {
				continue
			}
			content.WriteByte(first[0])
			for i, p := range w {
				if i > 0 && !ezafe[p] {
					parts.WriteByte(p[0])
				} else if i == 0 {
					parts.WriteByte(first[0])
				}
			}
		}
		add(strings.ToUpper(content.String()))
		add(strings.ToUpper(all.String()))
		add(strings.ToUpper(parts.String()))
	}
	return out
}

// titleWords are words of rank and office stripped from the front of a
// person's name: "Iraqi Prime Minister Nouri al-Maliki" -> "Nouri al-Maliki".
var titleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"president": true, "vice": true, "prime": true, "minister": true, "premier": true, "chancellor": true, "secretary": true, "general": true, "gen": true,
	"senator": true, "sen": true, "rep": true, "representative": true, "congressman": true, "congresswoman": true, "governor": true, "gov": true, "mayor": true,
	"king": true, "queen": true, "prince": true, "princess": true, "emperor": true, "sultan": true, "emir": true, "sheikh": true, "shaikh": true, "sheik": true,
	"ayatollah": true, "imam": true, "cleric": true, "pope": true, "cardinal": true, "bishop": true, "archbishop": true, "rabbi": true, "rev": true, "reverend": true, "father": true,
	"judge": true, "justice": true, "chief": true, "ceo": true, "cfo": true, "coo": true, "chairman": true, "chairwoman": true, "chair": true, "director": true, "spokesman": true, "spokeswoman": true,
	"colonel": true, "col": true, "major": true, "maj": true, "captain": true, "capt": true, "lieutenant": true, "lt": true, "sergeant": true, "sgt": true, "admiral": true, "adm": true, "commander": true, "marshal": true,
	"foreign": true, "defense": true, "defence": true, "interior": true, "finance": true, "deputy": true, "former": true, "late": true, "ambassador": true, "envoy": true, "leader": true, "ringleader": true,
	"pres": true, "sec": true, "amb": true, "atty": true, "supt": true, "insp": true, "sens": true, "reps": true, "candidate": true, "candidates": true,
	"founder": true, "head": true, "executive": true, "officer": true, "attorney": true, "dictator": true, "supreme": true, "grand": true, "mullah": true, "hojatoleslam": true,
}

// demonym reports whether a word looks like a nationality adjective
// ("Iraqi", "American", "French"); it is only stripped before a title word.
func demonym(w string) bool {
	if w == "" || !unicode.IsUpper([]rune(w)[0]) {
		return false
	}
	l := strings.ToLower(w)
	for _, suf := range []string{"i", "an", "ese", "ish", "ch", "ic"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// leadingWords are dropped from the front of any name: articles and the hedge
// "so-called", which qualify a name but are not part of it.
var leadingWords = map[string]bool{"the": true, "so-called": true, "so": true, "called": true}

// hedges are the leading words that distance a writer from a name ("the
// so-called Islamic State", "the self-styled caliphate"): a mention's span
// keeps them, so the name as the writer framed it stays on record, while the
// name itself (and every key) goes without them.
var hedges = map[string]bool{"so-called": true, "self-styled": true, "self-proclaimed": true, "self-declared": true, "self-appointed": true}

// hedgedName returns a mention's text when it opens with a hedge
// ("so-called Islamic State"), without a leading article, else "".
func hedgedName(text string) string {
	words := strings.Fields(text)
	for len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) < 2 || !hedges[strings.ToLower(words[0])] {
		return ""
	}
	return strings.Join(words, " ")
}

// nameStart returns the index of the first word of words that belongs to the
// name itself, skipping articles, hedges and, for people, titles (with a
// nationality adjective before them). At least one word is always kept.
func nameStart(words []string, person bool) int {
	i := 0
	if person {
		// "Apple Computer CEO Steve Jobs": the name follows the last title.
		for k := len(words) - 2; k > 0; k-- {
			if titleWords[strings.ToLower(strings.TrimSuffix(words[k], "."))] && capitalized(words[k+1]) {
				i = k + 1
				break
			}
		}
	}
	for i < len(words)-1 {
		l := strings.ToLower(strings.TrimSuffix(words[i], "."))
		switch {
		case leadingWords[l]:
			i++
		case person && titleWords[l]:
			i++
		case person && demonym(words[i]) && titleWords[strings.ToLower(strings.TrimSuffix(words[i+1], "."))]:
			i++
		default:
			return i
		}
	}
	return i
}

// isPossessive reports whether a token is a possessive ending.
func isPossessive(tok string) bool {
	switch tok {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

// capitalized reports whether a word starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameToken reports whether a token can be a word of a name (nlp.IsNameWord).
func nameToken(t string) bool { return nlp.IsNameWord(t) }

// NameFits reports whether a looked-up name ref may denote the bearer of
// name: the same name once case, diacritics and punctuation are folded and
// Arabic articles dropped ("al-Qaeda", "Al Qaeda"), the same long
// transliteration ("al-Qaida", "Raqqah"), or ref's words ending name's
// ("Assad" of "Bashar al-Assad", "Putin" of "Vladimir V. Putin").
func NameFits(ref, name string) bool {
	if k := ExactKey(ref); k != "" && k == ExactKey(name) {
		return true
	}
	rw, nw := contentWords(ref), contentWords(name)
	if len(rw) == 0 || len(nw) == 0 {
		return false
	}
	if hasSuffix(nw, rw) {
		return true
	}
	tr, tn := TranslitKey(ref), TranslitKey(name)
	return tr == tn && translitTrusted(tr)
}

// variantSpelling folds the spellings one transliterated name takes in the
// press: e/i, ae/ai, o/u, ou/u and ee/i, q/k, ck/k, ph/f, doubled letters,
// a final h after a vowel (Raqqa/Raqqah, Qaeda/Qaida, Fallujah/Falluja).
// Other vowels stay apart (Sudan is not Sedan).
var variantSpelling = strings.NewReplacer("ou", "u", "ee", "i", "ae", "ai", "e", "i", "o", "u", "q", "k", "ck", "k", "ph", "f")

// VariantKey returns the key of a short name's transliteration variants: its
// content words without a leading Arabic article ("Ar Raqqah", "Al-Raqqa"),
// folded by variantSpelling.
func VariantKey(name string) string {
	words := contentWords(name)
	if len(words) > 1 && arabicArticle[words[0]] {
		words = words[1:]
	}
	out := make([]string, len(words))
	for i, w := range words {
		w = variantSpelling.Replace(w)
		var b []byte
		for j := 0; j < len(w); j++ {
			if len(b) > 0 && b[len(b)-1] == w[j] {
				continue
			}
			b = append(b, w[j])
		}
		if n := len(b); n >= 4 && b[n-1] == 'h' && isVowel(b[n-2]) {
			b = b[:n-1]
		}
		out[i] = string(b)
	}
	return strings.Join(out, " ")
}

// genericWords name kinds of bodies, not one body: organizations sharing
// only these ("News", "Popular Front", "National Council") are not shown one
// by their names.
var genericWords = map[string]bool{
	"news": true, "party": true, "front": true, "council": true, "group": true, "union": true, "national": true, "international": true,
	"united": true, "new": true, "general": true, "central": true, "democratic": true, "republican": true, "people": true, "peoples": true,
	"popular": true, "liberation": true, "state": true, "states": true, "committee": true, "association": true, "movement": true,
	"army": true, "federation": true, "league": true, "organization": true, "organisation": true, "service": true, "services": true, "bank": true,
	"company": true, "corporation": true, "corp": true, "inc": true, "ministry": true, "department": true, "agency": true, "office": true, "radio": true,
	"television": true, "tv": true, "press": true, "times": true, "daily": true, "post": true, "herald": true, "world": true, "global": true,
	"first": true, "royal": true, "free": true, "socialist": true, "communist": true, "labour": true, "labor": true, "conservative": true,
	"liberal": true, "green": true, "court": true, "supreme": true, "high": true, "assembly": true, "congress": true, "parliament": true,
	"senate": true, "house": true, "institute": true, "university": true, "college": true, "school": true, "club": true, "society": true,
	"foundation": true, "fund": true, "trust": true, "holdings": true, "industries": true, "alliance": true,
	"brigade": true, "brigades": true, "forces": true, "force": true, "guard": true, "police": true, "government": true, "authority": true,
	"the": true, "of": true, "and": true, "for": true,
}

// allGeneric reports whether every word is a generic word.
func allGeneric(words []string) bool {
	for _, w := range words {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

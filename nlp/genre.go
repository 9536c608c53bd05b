package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Genre is the kind of line a sentence is on a news page. Names behave
// differently on each: a results table lists clubs by their towns
// ("Plymouth 4 Exeter 1"), a headline capitalizes every word, a dateline
// is a place and a date. The recognizer learns with the line's genre and
// its document's as features, and the rules after it read them.
type Genre uint8

const (
	GenreProse    Genre = iota // running text
	GenreHeadline              // a title-case or all-caps line ("Rival Clinton Wins")
	GenreTable                 // a results line, standings row or scorecard line
	GenreDateline              // a place and a date ("LONDON 1996-08-30")
)

var genreNames = [...]string{"prose", "headline", "table", "dateline"}

func (g Genre) String() string {
	if int(g) < len(genreNames) {
		return genreNames[g]
	}
	return "genre?"
}

// scorecardWords are the lower-case words of a cricket scorecard line
// ("Ijaz Ahmad c Spearman b Vaughan 45", "lbw b Cork", "not out", "run
// out"), of a results line ("Leeds 2 Chelsea 1 ( halftime 1-0 )") and of a
// standings row ("Played 5 won 3"): on a table line they are its only
// lower-case words.
var scorecardWords = map[string]bool{
	"c": true, "b": true, "lbw": true, "st": true, "not": true, "out": true, "run": true,
	"retired": true, "hurt": true, "did": true, "bat": true, "extras": true, "total": true,
	"for": true, "wkts": true, "wickets": true, "overs": true, "dec": true, "v": true, "vs": true,
	"halftime": true, "half-time": true, "pen": true, "og": true, "aet": true, "att": true,
}

// LineGenre classifies one line (a sentence's tokens as written):
//   - dateline: at most six tokens, the first in capitals and the last a
//     date ("LONDON 1996-08-30", "WASHINGTON 08-30");
//   - table: numbers make up a quarter of the words (punctuation aside)
//     and at most one word in six is in lower case other than a
//     scorecard's ("c", "b", "lbw"); or the line starts with a number (a
//     rank: "4. Erik Breukink ( Netherlands ) Rabobank 8") and has at most
//     one such lower-case word; or a scorecard's words stand between names
//     and the line ends in a number;
//   - headline: three or more words of four letters or more, four in five
//     of them capitalized (the rule the tagger's headline feature uses), or
//     every word of two letters or more in capitals;
//   - prose otherwise.
func LineGenre(words []string) Genre {
	nums, lower, caps, upperWords, letterWords, content := 0, 0, 0, 0, 0, 0
	lastNum, firstNum, n := false, false, 0
	for wi, w := range words {
		// An e-mail's dates, clock times and telephone numbers ("07/30/2001
		// 05:17 PM", "Phone : ( 713 ) 345-9945") make no table of it: a
		// table's numbers are scores, ranks, counts and results. A date
		// still ends a dateline (below).
		if stampNumber(words, wi) {
			continue
		}
		letters, upper, digits := 0, 0, 0
		for i := 0; i < len(w); {
			// ASCII first: this runs on every sentence Analyze reads
			if b := w[i]; b < utf8.RuneSelf {
				switch {
				case b >= 'a' && b <= 'z':
					letters++
				case b >= 'A' && b <= 'Z':
					letters++
					upper++
				case b >= '0' && b <= '9':
					digits++
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(w[i:])
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
			i += size
		}
		if letters == 0 && digits == 0 {
			continue // punctuation
		}
		n++
		lastNum = digits > 0 && letters == 0
		if lastNum {
			if n == 1 {
				firstNum = true
			}
			nums++
			continue
		}
		first := rune(w[0])
		if first >= utf8.RuneSelf {
			first, _ = utf8.DecodeRuneInString(w)
		}
		if unicode.IsLower(first) {
			lower++
		}
		if letters >= 2 {
			letterWords++
			if upper == letters {
				upperWords++
			}
		}
		if letters >= 4 && digits == 0 {
			content++
			if unicode.IsUpper(first) {
				caps++
			}
		}
	}
	if n == 0 {
		return GenreProse
	}
	// A table has numbers: only then are a scorecard's words told from
	// the line's other lower-case words.
	score := 0
	if nums > 0 {
		score = scorecardCount(words)
		lower -= score
	}
	last := len(words) - 1
	switch {
	case n <= 6 && isDate(words[last]) && allCaps(words[0]):
		return GenreDateline
	case nums >= 1 && nums*4 >= n && (lower <= 1 || lower*6 <= n), firstNum && n >= 3 && lower <= 1:
		return GenreTable
	case score >= 2 && lower == 0 && lastNum:
		return GenreTable
	case content >= 3 && caps*5 >= content*4, letterWords >= 2 && upperWords == letterWords:
		return GenreHeadline
	}
	return GenreProse
}

// stampNumber reports a word of a line that is a date ("07/30/2001"), a
// clock time before AM or PM ("05:17 PM", "5:00 pm"; a race time such as
// "3:31.65" stays a number) or a telephone number ("345-9945",
// "832.676.3177", "888-422-7132", "( 713 ) 345-9945"): numbers of a message's header or
// signature, not of a results table.
func stampNumber(words []string, i int) bool {
	w := words[i]
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	if isDate(w) {
		return true
	}
	if strings.IndexByte(w, ':') > 0 && i+1 < len(words) {
		switch strings.ToLower(strings.TrimRight(words[i+1], ".")) {
		case "am", "pm", "a.m", "p.m":
			return true
		}
	}
	// the area code of "( 713 ) 345-9945"
	if len(w) == 3 && i > 0 && words[i-1] == "(" && i+2 < len(words) && words[i+1] == ")" && phoneNumber(words[i+2]) {
		return true
	}
	return phoneNumber(w)
}

// phoneNumber reports groups of digits joined by "-" or ".", seven digits
// or more in all, the last group of four: "345-9945", "713-654-0365",
// "832.676.3177"; a decimal ("1234.567") has no fourth digit group after
// its point, a score ("2-1") too few digits.
func phoneNumber(w string) bool {
	digits, groups, last := 0, 1, 0
	var sep byte
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= '0' && b <= '9':
			digits++
			last++
		case (b == '-' || b == '.') && last > 0 && (sep == 0 || sep == b):
			sep = b
			groups++
			last = 0
		default:
			return false
		}
	}
	if sep == '.' && groups < 3 {
		return false
	}
	return groups >= 2 && digits >= 7 && last == 4
}

// scorecardCount counts the words of a line that are scorecardWords
// (written in lower case, as the list is).
func scorecardCount(words []string) int {
	k := 0
	for _, w := range words {
		if w != "" && len(w) <= 9 && w[0] >= 'a' && w[0] <= 'z' && scorecardWords[w] {
			k++
		}
	}
	return k
}

// isDate reports a numeric date token: groups of two to four digits, two
// or three of them, joined by "-" or "/" ("1996-08-30", "08/30"); not a
// fraction ("5 1/2") or a score ("2-1").
func isDate(w string) bool {
	groups, digits := 1, 0
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= '0' && b <= '9':
			digits++
		case (b == '-' || b == '/') && digits >= 2 && digits <= 4 && i+1 < len(w):
			groups++
			digits = 0
		default:
			return false
		}
	}
	return groups >= 2 && groups <= 3 && digits >= 2 && digits <= 4
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// DocGenre is what a document's lines say about it as a whole.
type DocGenre uint8

const (
	DocProse   DocGenre = iota // an article
	DocResults                 // a page of tables: results, standings, scorecards, figures
)

func (g DocGenre) String() string {
	if g == DocResults {
		return "results"
	}
	return "prose"
}

// DocumentGenre classifies a document from its lines' genres: a page of
// tables (sports results, standings, scorecards, market figures) has at
// least two table lines, or one and a score ("2-1", "3-0"), or two scores.
// A sports page names clubs after towns ("Leeds", "Ohio State"), and the
// recognizer learns that a town there is most often a club.
func DocumentGenre(lines [][]string) DocGenre {
	tables, scores := 0, 0
	for _, l := range lines {
		// Tables and scores have digits; most lines have none.
		digits := false
		for _, w := range l {
			if strings.ContainsAny(w, "0123456789") {
				digits = true
				if isScore(w) {
					scores++
				}
			}
		}
		if digits && LineGenre(l) == GenreTable {
			tables++
		}
	}
	if tables >= 2 || (tables == 1 && scores >= 1) || scores >= 2 {
		return DocResults
	}
	return DocProse
}

// isScore reports a score token: two numbers of at most three digits
// joined by "-" ("2-1", "10-12"); a year range ("1996-97") is not one.
func isScore(w string) bool {
	a, b, dash := 0, 0, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			if dash {
				b++
			} else {
				a++
			}
		case c == '-' && !dash && a > 0:
			dash = true
		default:
			return false
		}
	}
	return dash && a <= 2 && b >= 1 && b <= 2 && !(a == 4)
}

package postgres

import (
	"strconv"
	"strings"
	"sync"
)

// The store's statements are written in SQLite's dialect (package sqlite).
// rebind rewrites the spellings PostgreSQL reads differently; everything
// else in them is standard SQL both engines run:
//
//   - placeholders: ?NNN is $NNN, and a bare ? is one more than the largest
//     number so far (SQLite's rule);
//   - a column named end (reserved in PostgreSQL) is quoted where it is not
//     qualified (m.end reads as a column in both) and does not close a CASE;
//   - a subquery in FROM gets the alias PostgreSQL 15 requires;
//   - LIMIT -1 (no limit) is LIMIT ALL, and SQLite's INDEXED BY hint goes.
//
// The statements are few and fixed, so each one is rewritten once.
var rebound sync.Map // string → string

func rebind(q string) string {
	if v, ok := rebound.Load(q); ok {
		return v.(string)
	}
	out := rewrite(q)
	rebound.Store(q, out)
	return out
}

type token struct {
	text string
	kind byte // 'w' word, 's' space or comment, 'p' placeholder, 'o' other
}

func tokenize(q string) []token {
	var toks []token
	for i := 0; i < len(q); {
		c := q[i]
		j := i + 1
		kind := byte('o')
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			for j < len(q) && strings.IndexByte(" \t\n\r", q[j]) >= 0 {
				j++
			}
			kind = 's'
		case c == '-' && j < len(q) && q[j] == '-':
			for j < len(q) && q[j] != '\n' {
				j++
			}
			kind = 's'
		case c == '\'' || c == '"':
			for j < len(q) {
				if q[j] == c {
					if j+1 < len(q) && q[j+1] == c { // doubled: an escaped quote
						j += 2
						continue
					}
					j++
					break
				}
				j++
			}
		case c == '?':
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			kind = 'p'
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			for j < len(q) && (q[j] == '_' || q[j] == '$' || q[j] >= 'a' && q[j] <= 'z' || q[j] >= 'A' && q[j] <= 'Z' || q[j] >= '0' && q[j] <= '9') {
				j++
			}
			kind = 'w'
		case c >= '0' && c <= '9':
			for j < len(q) && (q[j] >= '0' && q[j] <= '9' || q[j] == '.') {
				j++
			}
		}
		toks = append(toks, token{q[i:j], kind})
		i = j
	}
	return toks
}

// noAlias lists the words that may follow a subquery in FROM when it has
// no alias.
var noAlias = map[string]bool{"WHERE": true, "GROUP": true, "ORDER": true, "LIMIT": true, "UNION": true, "JOIN": true,
	"LEFT": true, "INNER": true, "CROSS": true, "ON": true, "HAVING": true, "OFFSET": true, "EXCEPT": true, "INTERSECT": true}

func rewrite(q string) string {
	toks := tokenize(q)
	// next returns the index of the first significant token after i.
	next := func(i int) int {
		for i++; i < len(toks) && toks[i].kind == 's'; i++ {
		}
		return i
	}
	var b strings.Builder
	maxParam, caseDepth, aliases := 0, 0, 0
	prev := ""        // the previous significant token, upper-cased
	var parens []bool // open parentheses: true for a subquery in FROM
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		up := strings.ToUpper(t.text)
		switch {
		case t.kind == 's':
			b.WriteString(t.text)
			continue
		case t.kind == 'p':
			n := maxParam + 1
			if len(t.text) > 1 {
				n, _ = strconv.Atoi(t.text[1:])
			}
			maxParam = max(maxParam, n)
			b.WriteString("$" + strconv.Itoa(n))
		case t.kind == 'w' && up == "CASE":
			caseDepth++
			b.WriteString(t.text)
		case t.kind == 'w' && up == "END":
			switch {
			case prev == ".":
				b.WriteString(t.text)
			case caseDepth > 0:
				caseDepth--
				b.WriteString(t.text)
			default:
				b.WriteString(`"end"`)
			}
		case t.kind == 'w' && up == "INDEXED" && next(i) < len(toks) && strings.EqualFold(toks[next(i)].text, "BY"):
			i = next(next(i)) // drop INDEXED BY name
			continue
		case t.kind == 'w' && up == "LIMIT" && next(i)+1 < len(toks) && toks[next(i)].text == "-" && toks[next(i)+1].text == "1":
			b.WriteString("LIMIT ALL")
			i = next(i) + 1
		case t.text == "(":
			n := next(i)
			parens = append(parens, (prev == "FROM" || prev == "JOIN") && n < len(toks) && strings.EqualFold(toks[n].text, "SELECT"))
			b.WriteString(t.text)
		case t.text == ")":
			b.WriteString(t.text)
			if len(parens) > 0 {
				derived := parens[len(parens)-1]
				parens = parens[:len(parens)-1]
				n := next(i)
				if derived && (n >= len(toks) || toks[n].kind != 'w' || noAlias[strings.ToUpper(toks[n].text)]) {
					aliases++
					b.WriteString(" AS _sub" + strconv.Itoa(aliases))
				}
			}
		default:
			b.WriteString(t.text)
		}
		prev = up
	}
	return b.String()
}

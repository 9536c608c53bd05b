package timex

import (
	"fmt"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

// env is what a value is computed against.
type env struct {
	dct   ref   // the document creation time
	prev  ref   // the last date the text mentioned before the expression, else dct
	day   ref   // a day named earlier in the same sentence, for clock times
	tense Tense // of the sentence around the expression
}

// match is one recognized expression over tokens [i, j).
type match struct {
	i, j     int
	typ      string
	mod      string
	rule     string
	relative bool              // the value depends on the creation time or an earlier date
	val      func(*env) string // the TIMEX3 value; "" when the reference is unknown
	parts    []match           // expressions inside this one, reported too ("from 2009 to 2011": 2009, 2011)
}

// parser holds the tokens of one range.
type parser struct {
	toks []tok
}

func (p *parser) tok(i int) *tok {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

func (p *parser) low(i int) string {
	if t := p.tok(i); t != nil {
		return t.low
	}
	return ""
}

// adjacent reports whether token i touches token i-1 (no space between).
func (p *parser) adjacent(i int) bool {
	return i > 0 && i < len(p.toks) && p.toks[i].s == p.toks[i-1].e
}

// word reports whether token i is the word w (lower case).
func (p *parser) word(i int, ws ...string) bool {
	t := p.tok(i)
	if t == nil || t.kind != kWord {
		return false
	}
	for _, w := range ws {
		if t.low == w {
			return true
		}
	}
	return false
}

func (p *parser) punct(i int, s string) bool {
	t := p.tok(i)
	return t != nil && t.kind == kPunct && t.raw == s
}

// dash reports whether token i is a hyphen or dash.
func (p *parser) dash(i int) bool {
	t := p.tok(i)
	return t != nil && t.kind == kPunct && isDash(t.raw)
}

func fixed(v string) func(*env) string { return func(*env) string { return v } }

// rules are tried at every token; the longest match wins, the first on ties.
var rules = []func(p *parser, i int) (match, bool){
	ruleMonthDay, ruleDayMonth, ruleMonthYear, ruleMonth, ruleYear, ruleYearRange, ruleWordRange,
	ruleDecade, ruleCentury, ruleSeason, ruleQuarter, ruleNumeric, ruleDayWord, ruleRefWord,
	ruleRelUnit, ruleAnaphoric, ruleWeekday, ruleAgo, ruleDuration, ruleVagueDuration, ruleSet,
	ruleClock, ruleFuzzy, ruleUnitPart, ruleFiscal, ruleHoliday, ruleBareSeason,
}

// matchAt returns the longest match starting at token i, with modifier
// prefixes ("early", "mid-", "more than") folded in.
func (p *parser) matchAt(i int) (match, bool) {
	if !p.canStart(i) {
		return match{}, false
	}
	best, ok := p.coreAt(i)
	// Point modifiers before a date: "early 2009", "mid-2014", "the end of 2014".
	for _, pm := range pointMods {
		k := p.words(i, pm.words)
		if k < 0 {
			continue
		}
		if pm.mod == "MID" && p.dash(k) && p.adjacent(k) {
			k++
		}
		m, found := p.coreAt(k)
		if found && m.typ == claimgraph.TimexDate && m.mod == "" && isPointRule(m.rule) {
			m.i, m.mod, m.rule = i, pm.mod, m.rule+"+mod"
			if !ok || m.j > best.j {
				best, ok = m, true
			}
		}
	}
	for _, dm := range durationMods {
		k := p.words(i, dm.words)
		if k < 0 {
			continue
		}
		if p.word(k, "the") && (dm.mod == "MORE_THAN" || dm.mod == "LESS_THAN") {
			continue // "over the past decade" spans it, it does not exceed it
		}
		m, found := p.coreAt(k)
		if found && m.typ == claimgraph.TimexDuration && m.mod == "" && m.rule != "vague-duration" {
			m.i, m.mod = i, dm.mod
			if !ok || m.j > best.j {
				best, ok = m, true
			}
		}
	}
	return best, ok
}

// canStart reports whether token i can begin any rule: a number, an
// apostrophe ("'90s") or one of the words some rule starts with. It spares
// trying every rule at every word.
func (p *parser) canStart(i int) bool {
	t := &p.toks[i]
	switch t.kind {
	case kNum:
		return true
	case kPunct:
		return t.raw == "'" || t.raw == "\u2019"
	}
	return startWords[t.low]
}

var startWords = func() map[string]bool {
	m := map[string]bool{}
	for _, lex := range []map[string]int{months, weekdays, numberWords, ordinalWords, relWords} {
		for w := range lex {
			m[w] = true
		}
	}
	for w := range seasons {
		m[w] = true
	}
	for w := range units {
		m[w] = true
	}
	for w := range vagueQuantity {
		m[w] = true
	}
	for w := range setAdverbs {
		m[w] = true
	}
	for _, pm := range pointMods {
		m[pm.words[0]] = true
	}
	for _, dm := range durationMods {
		m[dm.words[0]] = true
	}
	for _, w := range strings.Fields(`the that from between in at these now currently nowadays presently
		recently lately today yesterday tomorrow tonight every each once twice per a an q noon midday
		midnight over earlier later early late mid fy fiscal`) {
		m[w] = true
	}
	for _, h := range holidays {
		m[h.words[0]] = true
	}
	return m
}()

func isPointRule(r string) bool {
	switch r {
	case "year", "month-year", "month", "decade", "century", "season", "month-day", "day-month", "weekday", "bare-season":
		return true
	}
	return false
}

// words returns the index after the word sequence ws at i, or -1.
func (p *parser) words(i int, ws []string) int {
	for _, w := range ws {
		if !p.word(i, w) {
			return -1
		}
		i++
	}
	return i
}

func (p *parser) coreAt(i int) (match, bool) {
	var best match
	ok := false
	for _, r := range rules {
		if m, found := r(p, i); found && (!ok || m.j > best.j) {
			best, ok = m, true
		}
	}
	return best, ok
}

// --- calendar dates -------------------------------------------------------

// month returns the month number of token i and the index after it
// (skipping the period of an abbreviation).
func (p *parser) month(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != kWord || !t.upper {
		return 0, 0, false
	}
	m, ok := months[t.low]
	if !ok {
		return 0, 0, false
	}
	if abbrevMonth(t.low) && p.punct(i+1, ".") && p.adjacent(i+1) {
		return m, i + 2, true
	}
	return m, i + 1, true
}

// day returns the day-of-month number of token i.
func (p *parser) day(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != kNum || t.frac || t.ndig == 0 || t.ndig > 2 || t.suffix == "s" || t.n < 1 || t.n > 31 {
		return 0, false
	}
	if p.punct(i+1, ":") || p.punct(i+1, "%") {
		return 0, false
	}
	return t.n, true
}

// year returns the year of token i: four digits, no suffix.
func (p *parser) year(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != kNum || t.frac || t.ndig != 4 || t.suffix != "" || t.n < 1000 || t.n > 2199 {
		return 0, false
	}
	return t.n, true
}

// weekdayDate lets a weekday before a date without a year choose the year:
// "Tuesday 10th April" is the 10 April, within six years in the direction of
// the tense, that fell on a Tuesday. Without one, the match is unchanged.
func weekdayDate(m match, ok bool) func(p *parser, i, mo, d int) (match, bool) {
	return func(p *parser, i, mo, d int) (match, bool) {
		t := p.tok(i)
		if !ok || t == nil || weekdays[t.low] == 0 || len(t.low) <= 3 {
			return m, ok
		}
		wd, plain := weekdays[t.low], m.val
		m.val = func(e *env) string {
			if e.dct.g >= gYear {
				if v, found := yearByWeekday(e.dct, mo, d, wd, tenseDir(e.tense)); found {
					return v
				}
			}
			return plain(e)
		}
		return m, ok
	}
}

// yearByWeekday finds the date month mo, day d on weekday wd nearest to r's
// year in direction dir, within six years.
func yearByWeekday(r ref, mo, d, wd, dir int) (string, bool) {
	best, bestDist := 0, 1<<30
	for y := r.y - 6; y <= r.y+6; y++ {
		if !validDate(y, mo, d) {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 12, 0, 0, 0, time.UTC)
		w := int(t.Weekday())
		if w == 0 {
			w = 7
		}
		if w != wd {
			continue
		}
		dist := y - r.y
		if r.g >= gMonth {
			dist = (y-r.y)*12 + mo - r.m
		}
		if (dir == dirPast && dist > 0) || (dir == dirFuture && dist < 0) {
			continue
		}
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	if best == 0 {
		return "", false
	}
	return fmtDay(best, mo, d), true
}

// weekdayPrefix skips "Monday," before a date; it returns i when there is none.
func (p *parser) weekdayPrefix(i int) int {
	if t := p.tok(i); t != nil && t.upper && weekdays[t.low] > 0 && len(t.low) > 3 {
		k := i + 1
		if p.punct(k, ",") {
			k++
		}
		return k
	}
	return i
}

// dateValue builds a date match for month m, day d and year y (0: unknown).
func dateMatch(i, j int, rule string, y, m, d int) (match, bool) {
	if y > 0 {
		if d > 0 {
			if !validDate(y, m, d) {
				return match{}, false
			}
			return match{i: i, j: j, typ: claimgraph.TimexDate, rule: rule, val: fixed(fmtDay(y, m, d))}, true
		}
		return match{i: i, j: j, typ: claimgraph.TimexDate, rule: rule, val: fixed(fmtMonth(y, m))}, true
	}
	if d > 0 {
		return match{i: i, j: j, typ: claimgraph.TimexDate, rule: rule, relative: true, val: func(e *env) string {
			v, _ := resolveMonthDay(e.dct, m, d, tenseDir(e.tense))
			return v
		}}, true
	}
	return match{i: i, j: j, typ: claimgraph.TimexDate, rule: rule, relative: true, val: func(e *env) string {
		y, ok := resolveMonth(e.dct, m, tenseDir(e.tense))
		if !ok {
			return ""
		}
		return fmtMonth(y, m)
	}}, true
}

// tenseDir turns a tense into a direction for a month or a day of the year.
func tenseDir(t Tense) int {
	switch t {
	case TensePast:
		return dirPast
	case TenseFuture:
		return dirFuture
	}
	return dirNearest
}

// ruleMonthDay: "September 11, 2013", "May 7 , 2005", "April 2nd", "Monday, June 15".
func ruleMonthDay(p *parser, i int) (match, bool) {
	k := p.weekdayPrefix(i)
	m, k, ok := p.month(k)
	if !ok {
		return match{}, false
	}
	d, ok := p.day(k)
	if !ok {
		return match{}, false
	}
	k++
	j := k
	kk := k
	if p.punct(kk, ",") {
		kk++
	}
	if y, ok := p.year(kk); ok {
		return dateMatch(i, kk+1, "month-day", y, m, d)
	}
	return weekdayDate(dateMatch(i, j, "month-day", 0, m, d))(p, i, m, d)
}

// ruleDayMonth: "11 December", "the 11th of December 2009".
func ruleDayMonth(p *parser, i int) (match, bool) {
	k := p.weekdayPrefix(i)
	if p.word(k, "the") {
		k++
	}
	d, ok := p.day(k)
	if !ok {
		return match{}, false
	}
	k++
	if p.word(k, "of") {
		k++
	}
	m, k, ok := p.month(k)
	if !ok {
		return match{}, false
	}
	kk := k
	if p.punct(kk, ",") {
		kk++
	}
	if y, ok := p.year(kk); ok {
		return dateMatch(i, kk+1, "day-month", y, m, d)
	}
	return weekdayDate(dateMatch(i, k, "day-month", 0, m, d))(p, i, m, d)
}

// ruleMonthYear: "December 2011", "Dec. 2011", "December of 2011".
func ruleMonthYear(p *parser, i int) (match, bool) {
	m, k, ok := p.month(i)
	if !ok {
		return match{}, false
	}
	if p.punct(k, ",") || p.word(k, "of") {
		k++
	}
	y, ok := p.year(k)
	if !ok {
		return match{}, false
	}
	return dateMatch(i, k+1, "month-year", y, m, 0)
}

// monthCue are words after which a bare month name is a month.
var monthCue = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "of": true, "during": true,
	"from": true, "to": true, "through": true, "before": true, "after": true, "between": true,
	"early": true, "late": true, "mid": true, "last": true, "next": true, "this": true, "and": true,
	"or": true, "on": true, "around": true, "throughout": true,
}

// ruleMonth: a bare month name, "June", resolved against the creation time.
func ruleMonth(p *parser, i int) (match, bool) {
	m, k, ok := p.month(i)
	if !ok {
		return match{}, false
	}
	t := p.tok(i)
	if abbrevMonth(t.low) && k == i+1 {
		return match{}, false // "Mar", "Jan" without a number or period are too often names
	}
	if ambiguousMonth[t.low] && !monthCue[p.low(i-1)] && !(p.dash(i-1) && p.word(i-2, "mid")) {
		return match{}, false
	}
	if t.sentAt && !monthCue[p.low(i-1)] {
		// A capital is no evidence at the start of a sentence ("May I ...").
		if ambiguousMonth[t.low] {
			return match{}, false
		}
	}
	return dateMatch(i, k, "month", 0, m, 0)
}

// countNouns are words after a four-digit number that make it a count.
var countNouns = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "staff": true, "personnel": true,
	"feet": true, "metres": true, "meters": true, "km": true, "kg": true, "tonnes": true, "tons": true,
	"percent": true, "per": true, "kilometres": true, "kilometers": true, "miles": true, "dollars": true,
	"euros": true, "pounds": true, "yuan": true, "yen": true, "troops": true, "points": true,
}

// notPlural are lower-case words ending in s that do not make a count.
var notPlural = map[string]bool{
	"is": true, "was": true, "has": true, "as": true, "its": true, "this": true, "thus": true,
	"his": true, "perhaps": true, "always": true, "afterwards": true, "towards": true, "whereas": true,
	"besides": true, "unless": true, "us": true, "plus": true, "does": true, "across": true, "yes": true,
	"says": true, "elections": true, "games": true, "olympics": true, "finals": true, "talks": true,
	"protests": true, "riots": true, "attacks": true, "floods": true,
}

// numberedThings are words after which a four-digit number is a name or a
// label, not a year. A year after other capitalized words stays a year, as
// in event names ("Conference 2010", "Expo 2005").
var numberedThings = map[string]bool{
	"windows": true, "office": true, "server": true, "studio": true, "exchange": true, "xbox": true,
	"no": true, "number": true, "nos": true, "flight": true, "route": true, "page": true, "pages": true,
	"model": true, "version": true, "room": true, "suite": true, "highway": true, "interstate": true,
	"item": true, "article": true, "section": true, "resolution": true, "code": true, "pin": true,
	"phone": true, "box": true, "unit": true, "platform": true, "gate": true, "channel": true,
}

// yearCue are words after which a number below 1800 is still a year.
var yearCue = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "from": true, "of": true, "to": true,
	"between": true, "and": true, "before": true, "after": true, "during": true, "circa": true,
	"c": true, "year": true, "around": true, "about": true, "early": true, "late": true, "mid": true,
}

// ruleYear: "1986", "in 1979", with guards against counts and product names.
func ruleYear(p *parser, i int) (match, bool) {
	y, ok := p.year(i)
	if !ok {
		return match{}, false
	}
	if prev := p.tok(i - 1); prev != nil {
		switch {
		case prev.kind == kPunct && (prev.raw == "$" || prev.raw == "\u20ac" || prev.raw == "\u00a3" || prev.raw == "#" || prev.raw == ":" || prev.raw == "/"):
			return match{}, false
		case prev.kind == kPunct && prev.raw == "." && p.adjacent(i):
			return match{}, false
		case prev.kind == kNum:
			return match{}, false
		case prev.kind == kWord && numberedThings[prev.low]:
			return match{}, false // "Windows 2000", "flight 2013", "page 1986"
		}
	}
	if next := p.tok(i + 1); next != nil {
		switch {
		case next.kind == kPunct && (next.raw == "%" || next.raw == ":") && p.adjacent(i+1):
			return match{}, false
		case next.kind == kWord && !next.upper && (countNouns[next.low] || (strings.HasSuffix(next.low, "s") && !notPlural[next.low] && len(next.low) > 3 && !units[next.low].isYear())):
			return match{}, false
		case next.kind == kWord && next.low == "to" && p.word(i-1, "from"):
			// part of a range handled by ruleWordRange
		}
	}
	if y < 1800 && !yearCue[p.low(i-1)] {
		return match{}, false
	}
	return match{i: i, j: i + 1, typ: claimgraph.TimexDate, rule: "year", val: fixed(fmtYear(y))}, true
}

func (u unit) isYear() bool { return u.years > 0 }

func seasonsHas(w string) bool { _, ok := seasons[w]; return ok }

// endYear reads the second year of a range: four digits, or two that
// continue the first ("1980-88").
func (p *parser) endYear(i, start int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != kNum || t.frac || t.suffix != "" {
		return 0, false
	}
	var end int
	switch t.ndig {
	case 4:
		end = t.n
	case 2:
		end = start/100*100 + t.n
		if end <= start {
			end += 100
		}
	default:
		return 0, false
	}
	if end <= start || end-start > 100 {
		return 0, false
	}
	return end, true
}

// ruleYearRange: "1980-88", "1980-1988", "1980 – 1988". The value is an
// ISO 8601 interval of years, "1980/1988".
func ruleYearRange(p *parser, i int) (match, bool) {
	y, ok := p.year(i)
	if !ok || !p.dash(i+1) {
		return match{}, false
	}
	// A hyphen must touch both years; a spaced dash is fine for an en dash.
	if p.tok(i+1).raw == "-" && (!p.adjacent(i+1) || !p.adjacent(i+2)) {
		return match{}, false
	}
	end, ok := p.endYear(i+2, y)
	if !ok {
		return match{}, false
	}
	if y < 1800 && !yearCue[p.low(i-1)] && !p.punct(i-1, "(") {
		return match{}, false
	}
	return match{i: i, j: i + 3, typ: claimgraph.TimexDate, rule: "year-range", val: fixed(fmt.Sprintf("%04d/%04d", y, end))}, true
}

// ruleWordRange: "from 2011 to 2013", "between 2014 and 2016".
func ruleWordRange(p *parser, i int) (match, bool) {
	var sep []string
	switch p.low(i) {
	case "from":
		sep = []string{"to", "until", "till", "through"}
	case "between":
		sep = []string{"and"}
	default:
		return match{}, false
	}
	y, ok := p.year(i + 1)
	if !ok || !p.word(i+2, sep...) {
		return match{}, false
	}
	end, ok := p.endYear(i+3, y)
	if !ok {
		return match{}, false
	}
	// The two years are points of their own: a timeline wants them, and
	// TimeML annotates them inside the range.
	a := match{i: i + 1, j: i + 2, typ: claimgraph.TimexDate, rule: "year", val: fixed(fmtYear(y))}
	b := match{i: i + 3, j: i + 4, typ: claimgraph.TimexDate, rule: "year", val: fixed(fmtYear(end))}
	if p.tok(i+3).ndig != 4 {
		b = match{}
	}
	m := match{i: i, j: i + 4, typ: claimgraph.TimexDuration, rule: "word-range", val: fixed(fmt.Sprintf("P%dY", end-y)), parts: []match{a}}
	if b.j > 0 {
		m.parts = append(m.parts, b)
	}
	return m, true
}

// ruleDecade: "the 1970s", "1970s", "the '90s", "the seventies".
func ruleDecade(p *parser, i int) (match, bool) {
	k := i
	if p.word(k, "the") {
		k++
	}
	if p.punct(k, "'") || p.punct(k, "\u2019") {
		k++
	}
	t := p.tok(k)
	if t == nil {
		return match{}, false
	}
	if t.kind == kWord && decadeWords[t.low] > 0 && k > i {
		return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "decade", val: fixed(fmt.Sprintf("19%d", decadeWords[t.low]))}, true
	}
	if t.kind != kNum || t.suffix != "s" || t.n%10 != 0 {
		return match{}, false
	}
	var v string
	switch t.ndig {
	case 4:
		if t.n < 1000 || t.n > 2190 {
			return match{}, false
		}
		v = fmt.Sprintf("%03d", t.n/10)
	case 2:
		c := 19
		if t.n <= 10 {
			c = 20
		}
		v = fmt.Sprintf("%d%d", c, t.n/10)
	default:
		return match{}, false
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "decade", val: fixed(v)}, true
}

// ruleCentury: "the 19th century", "the twentieth century".
func ruleCentury(p *parser, i int) (match, bool) {
	k := i
	if p.word(k, "the") {
		k++
	}
	t := p.tok(k)
	if t == nil {
		return match{}, false
	}
	n := 0
	switch {
	case t.kind == kNum && (t.suffix == "th" || t.suffix == "st" || t.suffix == "nd" || t.suffix == "rd") && t.ndig <= 2:
		n = t.n
	case t.kind == kWord && ordinalWords[t.low] > 0:
		n = ordinalWords[t.low]
	}
	if n < 1 || n > 22 {
		return match{}, false
	}
	k++
	if p.dash(k) {
		k++
	}
	if !p.word(k, "century") {
		return match{}, false
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "century", val: fixed(fmt.Sprintf("%02d", n-1))}, true
}

// ruleSeason: "summer 2014", "the summer of 2014".
func ruleSeason(p *parser, i int) (match, bool) {
	k := i
	if p.word(k, "the") {
		k++
	}
	t := p.tok(k)
	if t == nil || t.kind != kWord {
		return match{}, false
	}
	s, ok := seasons[t.low]
	if !ok {
		return match{}, false
	}
	k++
	if p.word(k, "of") || p.punct(k, ",") {
		k++
	}
	y, ok := p.year(k)
	if !ok {
		return match{}, false
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "season", val: fixed(fmtSeason(y, s.code))}, true
}

// ruleQuarter: "the first quarter of 2014", "Q2 2014", "the second half of 2014",
// "the fourth quarter" (of the creation year).
func ruleQuarter(p *parser, i int) (match, bool) {
	k := i
	n, code := 0, "Q"
	if p.word(k, "q") && p.adjacent(k+1) {
		if t := p.tok(k + 1); t != nil && t.kind == kNum && t.suffix == "" && t.n >= 1 && t.n <= 4 && t.ndig == 1 {
			n, k = t.n, k+2
		}
	} else {
		if !p.word(k, "the") {
			return match{}, false
		}
		k++
		t := p.tok(k)
		if t == nil {
			return match{}, false
		}
		switch {
		case t.kind == kWord && ordinalWords[t.low] > 0:
			n = ordinalWords[t.low]
		case t.kind == kNum && t.suffix != "" && t.suffix != "s":
			n = t.n
		case t.low == "last" || t.low == "final":
			n = -1
		}
		k++
		if p.dash(k) {
			k++
		}
		switch {
		case p.word(k, "quarter"):
		case p.word(k, "half"):
			code = "H"
		default:
			return match{}, false
		}
		k++
	}
	if n == 0 || n > 4 || (code == "H" && n > 2) {
		return match{}, false
	}
	last := n < 0
	if last {
		n = 4
		if code == "H" {
			n = 2
		}
	}
	kk := k
	if p.word(kk, "of") || p.punct(kk, ",") {
		kk++
	}
	if y, ok := p.year(kk); ok {
		return match{i: i, j: kk + 1, typ: claimgraph.TimexDate, rule: "quarter", val: fixed(fmt.Sprintf("%04d-%s%d", y, code, n))}, true
	}
	if k == i+2 || code == "H" { // "Q2" and "the second half" (of a match) alone are too often not dates
		return match{}, false
	}
	// Without a year, "the last quarter" is the one before the creation
	// time's, and "the fourth quarter" the latest one by that name when the
	// sentence is in the past.
	return match{i: i, j: k, typ: claimgraph.TimexDate, rule: "quarter", relative: true, val: func(e *env) string {
		if last && code == "Q" {
			return shift(e.dct, "quarter", -1)
		}
		if e.dct.g < gYear {
			return ""
		}
		y := e.dct.y
		if e.dct.g >= gMonth && e.tense == TensePast {
			cur := (e.dct.m-1)/3 + 1
			if code == "H" {
				cur = (e.dct.m-1)/6 + 1
			}
			if n > cur {
				y--
			}
		}
		return fmt.Sprintf("%04d-%s%d", y, code, n)
	}}, true
}

// ruleNumeric: "2013-09-11", "7/8/07", "11/09/2013".
func ruleNumeric(p *parser, i int) (match, bool) {
	a := p.tok(i)
	if a == nil || a.kind != kNum || a.suffix != "" || a.frac {
		return match{}, false
	}
	if p.dash(i+1) && p.tok(i+1).raw == "-" && p.adjacent(i+1) && p.adjacent(i+2) && a.ndig == 4 {
		b := p.tok(i + 2)
		if b == nil || b.kind != kNum || b.ndig != 2 || b.suffix != "" {
			return match{}, false
		}
		if p.dash(i+3) && p.adjacent(i+3) && p.adjacent(i+4) {
			c := p.tok(i + 4)
			if c != nil && c.kind == kNum && c.ndig == 2 && c.suffix == "" && validDate(a.n, b.n, c.n) {
				return match{i: i, j: i + 5, typ: claimgraph.TimexDate, rule: "iso", val: fixed(fmtDay(a.n, b.n, c.n))}, true
			}
			return match{}, false
		}
		return match{}, false
	}
	if p.punct(i+1, "/") && p.adjacent(i+1) && p.adjacent(i+2) && p.punct(i+3, "/") && p.adjacent(i+3) && p.adjacent(i+4) {
		b, c := p.tok(i+2), p.tok(i+4)
		if b == nil || c == nil || b.kind != kNum || c.kind != kNum || a.ndig > 2 || b.ndig > 2 || b.suffix != "" || c.suffix != "" {
			return match{}, false
		}
		y := c.n
		switch c.ndig {
		case 2:
			y = 1900 + c.n
			if c.n < 50 {
				y = 2000 + c.n
			}
		case 4:
		default:
			return match{}, false
		}
		m, d := a.n, b.n // American order first, day first when the first number cannot be a month
		if m > 12 {
			m, d = d, m
		}
		if !validDate(y, m, d) {
			return match{}, false
		}
		return match{i: i, j: i + 5, typ: claimgraph.TimexDate, rule: "numeric", val: fixed(fmtDay(y, m, d))}, true
	}
	return match{}, false
}

// --- words relative to the creation time ------------------------------------

// ruleDayWord: "today", "yesterday", "tomorrow", "tonight", "yesterday morning".
func ruleDayWord(p *parser, i int) (match, bool) {
	off := 0
	switch p.low(i) {
	case "today":
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "tonight":
		return match{i: i, j: i + 1, typ: claimgraph.TimexTime, rule: "day-word", relative: true, val: func(e *env) string {
			if v := shift(e.dct, "day", 0); v != "" {
				return v + "TNI"
			}
			return ""
		}}, true
	default:
		return match{}, false
	}
	if pod, ok := partOfDay[p.low(i+1)]; ok {
		return match{i: i, j: i + 2, typ: claimgraph.TimexTime, rule: "day-word", relative: true, val: func(e *env) string {
			if v := shift(e.dct, "day", off); v != "" {
				return v + "T" + pod
			}
			return ""
		}}, true
	}
	return match{i: i, j: i + 1, typ: claimgraph.TimexDate, rule: "day-word", relative: true, val: func(e *env) string {
		return shift(e.dct, "day", off)
	}}, true
}

// ruleRefWord: "now", "currently", "recently", "in the past", "in the future".
func ruleRefWord(p *parser, i int) (match, bool) {
	one := func(v string) (match, bool) {
		return match{i: i, j: i + 1, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed(v)}, true
	}
	switch p.low(i) {
	case "now", "currently", "nowadays", "presently":
		if p.low(i) == "now" && (p.word(i+1, "that") || p.punct(i+1, ",") && p.tok(i+1) != nil && p.toks[i].sentAt) {
			return match{}, false // "now that", sentence-initial "Now," are discourse markers
		}
		return one("PRESENT_REF")
	case "recently", "lately":
		return one("PAST_REF")
	case "at":
		if p.word(i+1, "present") {
			return match{i: i + 1, j: i + 2, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed("PRESENT_REF")}, true
		}
	case "these":
		if p.word(i+1, "days") {
			return match{i: i, j: i + 2, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed("PRESENT_REF")}, true
		}
	case "in":
		k := i + 1
		if p.word(k, "the") {
			k++
		}
		if p.word(k, "near", "distant") {
			k++
		}
		switch {
		case p.word(k, "past") && k == i+2 && !p.durationFollows(k+1):
			return match{i: i + 1, j: k + 1, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed("PAST_REF")}, true
		case p.word(k, "future") && k >= i+2:
			return match{i: i + 1, j: k + 1, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed("FUTURE_REF")}, true
		case p.word(i+1, "recent") && p.word(i+2, "years", "months", "weeks", "decades", "times"):
			return match{i: i + 1, j: i + 3, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed("PAST_REF")}, true
		case p.word(i+1, "the") && p.word(i+2, "coming") && p.word(i+3, "days", "weeks", "months", "years", "decades"):
			return match{i: i + 1, j: i + 4, typ: claimgraph.TimexDate, rule: "ref-word", val: fixed("FUTURE_REF")}, true
		}
	}
	return match{}, false
}

// durationFollows reports whether token i starts a quantity or a unit
// ("the past decade", "the past few years").
func (p *parser) durationFollows(i int) bool {
	if _, ok := units[p.low(i)]; ok {
		return true
	}
	_, _, _, ok := p.number(i)
	return ok
}

// relWords maps "this", "last", "next" ... to a step from the creation time.
var relWords = map[string]int{
	"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
}

// ruleRelUnit: "this year", "last week", "next month", "last June",
// "last summer", "next Wednesday", "earlier this month", "late last year".
func ruleRelUnit(p *parser, i int) (match, bool) {
	k, mod := i, ""
	switch p.low(k) {
	case "earlier", "later":
		k++
	case "early":
		k, mod = k+1, "START"
	case "late":
		k, mod = k+1, "END"
	}
	step, ok := relWords[p.low(k)]
	// "the past week" and "the last year" are durations (ruleDuration).
	if !ok || p.low(k) == "past" || p.word(k-1, "the") {
		return match{}, false
	}
	if p.low(k) == "this" && p.word(k+1, "past") {
		k, step = k+1, -1 // "this past weekend"
	}
	word := p.low(k)
	k++
	t := p.tok(k)
	if t == nil || t.kind != kWord {
		return match{}, false
	}
	mk := func(j int, typ string, val func(*env) string) (match, bool) {
		return match{i: i, j: j, typ: typ, mod: mod, rule: "rel-unit", relative: true, val: val}, true
	}
	if u, ok := units[t.low]; ok && !plural(t.low) {
		switch u.name {
		case "second", "minute", "hour", "night", "day", "fortnight":
			if u.name == "night" && word == "last" {
				return mk(k+1, claimgraph.TimexTime, func(e *env) string {
					if v := shift(e.dct, "day", -1); v != "" {
						return v + "TNI"
					}
					return ""
				})
			}
			return match{}, false
		}
		name := u.name
		return mk(k+1, claimgraph.TimexDate, func(e *env) string { return shift(e.dct, name, step) })
	}
	if m, ok := months[t.low]; ok && t.upper && !abbrevMonth(t.low) {
		dir := dirBefore
		switch step {
		case 1:
			dir = dirAfter
		case 0:
			dir = -1
		}
		return mk(k+1, claimgraph.TimexDate, func(e *env) string {
			d := dir
			if d < 0 {
				d = tenseDir(e.tense)
			}
			y, ok := resolveMonth(e.dct, m, d)
			if !ok {
				return ""
			}
			return fmtMonth(y, m)
		})
	}
	if wd, ok := weekdays[t.low]; ok && t.upper && len(t.low) > 3 {
		dir := dirBefore
		switch step {
		case 1:
			dir = dirAfter
		case 0:
			dir = -1
		}
		typ, pod := claimgraph.TimexDate, ""
		j := k + 1
		if c, ok := partOfDay[p.low(j)]; ok {
			typ, pod, j = claimgraph.TimexTime, c, j+1
		}
		return mk(j, typ, func(e *env) string {
			d := dir
			if d < 0 {
				d = weekdayDir(e.tense)
			}
			v, _ := resolveWeekday(e.dct, wd, d)
			if v != "" && pod != "" {
				v += "T" + pod
			}
			return v
		})
	}
	if s, ok := seasons[t.low]; ok {
		dir := dirBefore
		switch step {
		case 1:
			dir = dirAfter
		case 0:
			dir = dirNearest
		}
		return mk(k+1, claimgraph.TimexDate, func(e *env) string {
			v, _ := resolveSeason(e.dct, s.order, dir)
			return v
		})
	}
	if pod, ok := partOfDay[t.low]; ok && word == "this" {
		return mk(k+1, claimgraph.TimexTime, func(e *env) string {
			if v := shift(e.dct, "day", 0); v != "" {
				return v + "T" + pod
			}
			return ""
		})
	}
	return match{}, false
}

// weekdayDir is the direction of a bare weekday: news reports what happened,
// so only a future tense points ahead.
func weekdayDir(t Tense) int {
	if t == TenseFuture {
		return dirFuture
	}
	return dirPast
}

// ruleAnaphoric: "the following year", "the previous day", "the same month",
// "that year", "a year earlier", relative to the last date the text named.
func ruleAnaphoric(p *parser, i int) (match, bool) {
	k, step := i, 0
	switch {
	case p.word(k, "the") && p.word(k+1, "following", "next", "previous", "preceding", "prior", "same"):
		switch p.low(k + 1) {
		case "following", "next":
			step = 1
		case "previous", "preceding", "prior":
			step = -1
		}
		k += 2
	case p.word(k, "that"):
		k++
	default:
		return match{}, false
	}
	t := p.tok(k)
	if t == nil {
		return match{}, false
	}
	u, ok := units[t.low]
	if !ok || plural(t.low) {
		return match{}, false
	}
	switch u.name {
	case "day", "week", "month", "year", "decade", "quarter":
	default:
		return match{}, false
	}
	if p.low(i) == "that" && u.name != "day" && u.name != "year" && u.name != "month" && u.name != "week" {
		return match{}, false
	}
	name := u.name
	return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "anaphoric", relative: true, val: func(e *env) string {
		return shift(e.prev, name, step)
	}}, true
}

// ruleWeekday: "Wednesday", "Friday morning", resolved by tense.
func ruleWeekday(p *parser, i int) (match, bool) {
	t := p.tok(i)
	if t == nil || t.kind != kWord || !t.upper {
		return match{}, false
	}
	wd, ok := weekdays[t.low]
	if !ok {
		return match{}, false
	}
	j := i + 1
	if len(t.low) <= 4 {
		// "Wed." is a weekday only with its period and a date context.
		if !p.punct(j, ".") {
			return match{}, false
		}
		return match{}, false
	}
	typ, pod := claimgraph.TimexDate, ""
	if c, ok := partOfDay[p.low(j)]; ok {
		typ, pod, j = claimgraph.TimexTime, c, j+1
	}
	return match{i: i, j: j, typ: typ, rule: "weekday", relative: true, val: func(e *env) string {
		v, _ := resolveWeekday(e.dct, wd, weekdayDir(e.tense))
		if v != "" && pod != "" {
			v += "T" + pod
		}
		return v
	}}, true
}

// --- durations and sets -----------------------------------------------------

// number reads a quantity at i: digits ("18", "2.5"), words ("forty",
// "twenty-five", "two and a half"), "a"/"an"; vague for "several", "a few".
// It returns the index after it.
func (p *parser) number(i int) (n float64, next int, vague, ok bool) {
	t := p.tok(i)
	if t == nil {
		return 0, 0, false, false
	}
	switch {
	case t.kind == kNum && t.suffix == "" && t.ndig > 0:
		n = float64(t.n)
		if t.frac {
			var f float64
			fmt.Sscanf(t.raw, "%g", &f)
			n = f
		}
		next = i + 1
	case t.kind == kWord && t.low == "a" && p.word(i+1, "few", "couple"):
		if p.low(i+1) == "couple" {
			next = i + 2
			if p.word(next, "of") {
				next++
			}
			return 2, next, false, true
		}
		return 0, i + 2, true, true
	case t.kind == kWord && vagueQuantity[t.low]:
		return 0, i + 1, true, true
	case t.kind == kWord && numberWords[t.low] > 0 && t.low != "couple":
		n = float64(numberWords[t.low])
		next = i + 1
		// "twenty-five", "twenty five"
		if n >= 20 && n < 100 && int(n)%10 == 0 {
			k := next
			if p.dash(k) && p.adjacent(k) {
				k++
			}
			if u := p.tok(k); u != nil && u.kind == kWord && numberWords[u.low] > 0 && numberWords[u.low] < 10 && u.low != "a" && u.low != "an" {
				n += float64(numberWords[u.low])
				next = k + 1
			}
		}
		if p.word(next, "hundred") && n < 10 {
			n *= 100
			next++
		}
	default:
		return 0, 0, false, false
	}
	// "two and a half"
	if p.word(next, "and") && p.word(next+1, "a") && p.word(next+2, "half") {
		n += 0.5
		next += 3
	}
	return n, next, false, true
}

// durationCue are words before "a year" or "one day" that make it a duration.
var durationCue = map[string]bool{
	"for": true, "over": true, "within": true, "about": true, "nearly": true, "almost": true,
	"than": true, "after": true, "around": true, "under": true, "least": true, "lasted": true,
	"spent": true, "took": true, "last": false, "in": true, "some": true, "roughly": true,
}

// ruleDuration: "three years", "18 months", "40-day", "5-year", "fifty-year",
// "two and a half years", "the next four years", "the past decade".
func ruleDuration(p *parser, i int) (match, bool) {
	k := i
	// "the past/last/next/coming/following N units", "the past decade"
	lead := false
	if p.word(k, "the") && p.word(k+1, "past", "last", "next", "coming", "following", "first", "previous") {
		k += 2
		lead = true
		if t := p.tok(k); t != nil {
			if u, ok := units[t.low]; ok && !plural(t.low) && t.low != "weekend" && u.code != "S" && u.code != "MIN" && u.code != "H" {
				if p.low(k-1) == "next" || p.low(k-1) == "following" || p.low(k-1) == "coming" || p.low(k-1) == "first" {
					return match{}, false // "the next day" is a point (ruleAnaphoric)
				}
				return match{i: i, j: k + 1, typ: claimgraph.TimexDuration, rule: "duration", val: fixed(durationValue(u, 1, false))}, true
			}
		}
	}
	n, k2, vague, ok := p.number(k)
	if !ok {
		return match{}, false
	}
	first := p.tok(k)
	article := first.kind == kWord && (first.low == "a" || first.low == "an" || first.low == "one")
	k = k2
	// hyphenated adjective: "40-day", "5-year", "fifty-year", "12-hour"
	if p.dash(k) && p.adjacent(k) && p.adjacent(k+1) {
		t := p.tok(k + 1)
		if t != nil && t.kind == kWord {
			if u, ok := units[t.low]; ok && !plural(t.low) && !vague && u.name != "quarter" {
				j := k + 2
				if p.dash(j) && p.adjacent(j) && p.word(j+1, "old", "long") && p.adjacent(j+1) {
					j += 2
				}
				return match{i: i, j: j, typ: claimgraph.TimexDuration, rule: "duration", val: fixed(durationValue(u, n, false))}, true
			}
		}
		return match{}, false
	}
	t := p.tok(k)
	if t == nil || t.kind != kWord {
		return match{}, false
	}
	u, ok := units[t.low]
	if !ok || u.name == "weekend" {
		return match{}, false
	}
	if n > 1 && !plural(t.low) && !vague {
		return match{}, false
	}
	if vague && !lead {
		return match{}, false // "several years" is ruleVagueDuration's
	}
	if article && !lead {
		// "a year" and "one day" are durations only after "for", "over", ...
		cue := p.low(i - 1)
		after := p.word(k+1, "after", "before", "long", "old")
		if (!durationCue[cue] && !after) || u.name == "second" || u.name == "quarter" {
			return match{}, false
		}
	}
	if first.kind == kWord && first.low == "second" {
		return match{}, false
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDuration, rule: "duration", val: fixed(durationValue(u, n, vague))}, true
}

// ruleVagueDuration: "several years", "many months", "a few days", "for
// years", "decades-long", "over the years".
func ruleVagueDuration(p *parser, i int) (match, bool) {
	if p.word(i, "over") && p.word(i+1, "the") && p.word(i+2, "years", "decades", "months") {
		u := units[p.low(i+2)]
		return match{i: i, j: i + 3, typ: claimgraph.TimexDuration, rule: "vague-duration", val: fixed(durationValue(u, 0, true))}, true
	}
	t := p.tok(i)
	if t == nil {
		return match{}, false
	}
	if u, ok := units[t.low]; ok && plural(t.low) && (u.name == "year" || u.name == "decade" || u.name == "month" || u.name == "century") {
		// "for years", "decades-long"
		if p.dash(i+1) && p.adjacent(i+1) && p.word(i+2, "long", "old") {
			return match{i: i, j: i + 3, typ: claimgraph.TimexDuration, rule: "vague-duration", val: fixed(durationValue(u, 0, true))}, true
		}
		if p.word(i-1, "for") && !p.word(i+1, "ago", "of", "later", "earlier") {
			return match{i: i, j: i + 1, typ: claimgraph.TimexDuration, rule: "vague-duration", val: fixed(durationValue(u, 0, true))}, true
		}
		return match{}, false
	}
	_, k, vague, ok := p.number(i)
	if !ok || !vague {
		return match{}, false
	}
	w := p.tok(k)
	if w == nil {
		return match{}, false
	}
	u, ok := units[w.low]
	if !ok || !plural(w.low) || u.name == "second" {
		return match{}, false
	}
	if p.word(k+1, "ago", "later", "earlier", "of") {
		return match{}, false
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDuration, rule: "vague-duration", val: fixed(durationValue(u, 0, true))}, true
}

// ruleAgo: "two months ago", "a year ago", "three days later", "years ago".
func ruleAgo(p *parser, i int) (match, bool) {
	t := p.tok(i)
	if t == nil {
		return match{}, false
	}
	if u, ok := units[t.low]; ok && plural(t.low) && p.word(i+1, "ago") {
		_ = u
		return match{i: i, j: i + 2, typ: claimgraph.TimexDate, rule: "ago", val: fixed("PAST_REF")}, true
	}
	n, k, vague, ok := p.number(i)
	if !ok {
		return match{}, false
	}
	w := p.tok(k)
	if w == nil {
		return match{}, false
	}
	u, ok := units[w.low]
	if !ok || (n > 1 && !plural(w.low)) {
		return match{}, false
	}
	dir := p.low(k + 1)
	if dir != "ago" && dir != "later" && dir != "earlier" {
		return match{}, false
	}
	if vague {
		v := "PAST_REF"
		if dir == "later" {
			v = "FUTURE_REF"
		}
		if dir != "ago" {
			return match{}, false
		}
		return match{i: i, j: k + 2, typ: claimgraph.TimexDate, rule: "ago", val: fixed(v)}, true
	}
	if n != float64(int(n)) {
		return match{}, false
	}
	steps, name := int(n), u.name
	if dir == "ago" {
		return match{i: i, j: k + 2, typ: claimgraph.TimexDate, rule: "ago", relative: true, val: func(e *env) string {
			return shift(e.dct, name, -steps)
		}}, true
	}
	if dir == "earlier" {
		steps = -steps
	}
	return match{i: i, j: k + 2, typ: claimgraph.TimexDate, rule: "anaphoric", relative: true, val: func(e *env) string {
		return shift(e.prev, name, steps)
	}}, true
}

// setAdverbs are single words that name a frequency.
var setAdverbs = map[string]string{
	"annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W",
	"daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M", "biannual": "P6M",
	"biannually": "P6M", "biennial": "P2Y", "biennially": "P2Y",
}

// ruleSet: "every year", "each Monday", "every two years", "annually",
// "twice a year", "per month".
func ruleSet(p *parser, i int) (match, bool) {
	t := p.tok(i)
	if t == nil || t.kind != kWord {
		return match{}, false
	}
	if v, ok := setAdverbs[t.low]; ok {
		if t.upper && !t.sentAt {
			return match{}, false // "Daily Mail", "Annual Report" in a name
		}
		return match{i: i, j: i + 1, typ: claimgraph.TimexSet, rule: "set", val: fixed(v)}, true
	}
	set := func(j int, v string) (match, bool) {
		return match{i: i, j: j, typ: claimgraph.TimexSet, rule: "set", val: fixed(v)}, true
	}
	switch t.low {
	case "every", "each":
		k := i + 1
		n := 1.0
		if p.word(k, "other") {
			n, k = 2, k+1
		} else if q, k2, vague, ok := p.number(k); ok && !vague && p.low(k) != "a" && p.low(k) != "an" {
			n, k = q, k2
		}
		w := p.tok(k)
		if w == nil || w.kind != kWord {
			return match{}, false
		}
		if u, ok := units[w.low]; ok && u.name != "weekend" {
			return set(k+1, durationValue(u, n, false))
		}
		if wd, ok := weekdays[w.low]; ok && w.upper && len(w.low) > 3 {
			return set(k+1, fmt.Sprintf("XXXX-WXX-%d", wd))
		}
		if m, ok := months[w.low]; ok && w.upper && !abbrevMonth(w.low) {
			return set(k+1, fmt.Sprintf("XXXX-%02d", m))
		}
		if pod, ok := partOfDay[w.low]; ok {
			return set(k+1, "XXXX-XX-XXT"+pod)
		}
		if s, ok := seasons[w.low]; ok {
			return set(k+1, "XXXX-"+s.code)
		}
	case "a", "an":
		prev := p.tok(i - 1)
		if prev != nil && (prev.kind == kNum || prev.low == "times" || numberWords[prev.low] > 1) {
			if u, ok := units[p.low(i+1)]; ok && !plural(p.low(i+1)) && u.name != "weekend" && u.name != "second" && u.name != "quarter" {
				return set(i+2, durationValue(u, 1, false))
			}
		}
	case "once", "twice":
		if p.word(i+1, "a", "an", "per", "every", "each") {
			if u, ok := units[p.low(i+2)]; ok && !plural(p.low(i+2)) && u.name != "weekend" {
				return set(i+3, durationValue(u, 1, false))
			}
		}
	case "per":
		if u, ok := units[p.low(i+1)]; ok && !plural(p.low(i+1)) && u.name != "weekend" && u.name != "second" {
			return set(i+2, durationValue(u, 1, false))
		}
	}
	return match{}, false
}

// --- clock times --------------------------------------------------------

var timeZones = map[string]bool{"utc": true, "gmt": true, "z": true}

// ruleClock: "3 p.m.", "10:30 a.m.", "08:30 UTC", "noon", "midnight".
func ruleClock(p *parser, i int) (match, bool) {
	t := p.tok(i)
	if t == nil {
		return match{}, false
	}
	h, mi, k, secs := -1, 0, i, ""
	switch {
	case t.kind == kWord && (t.low == "noon" || t.low == "midday"):
		h, k = 12, i+1
	case t.kind == kWord && t.low == "midnight":
		h, k = 24, i+1
	case t.kind == kNum && t.suffix == "" && !t.frac && t.ndig >= 1 && t.ndig <= 2 && t.n <= 24:
		h, k = t.n, i+1
		colon := false
		if (p.punct(k, ":") || p.punct(k, ".")) && p.adjacent(k) && p.adjacent(k+1) {
			m := p.tok(k + 1)
			if m != nil && m.kind == kNum && m.ndig == 2 && m.n < 60 && m.suffix == "" {
				mi, k, colon = m.n, k+2, p.punct(k, ":")
				// seconds: "11:16:00 PM"
				if colon && p.punct(k, ":") && p.adjacent(k) && p.adjacent(k+1) {
					if sec := p.tok(k + 1); sec != nil && sec.kind == kNum && sec.ndig == 2 && sec.n < 60 && sec.suffix == "" {
						secs, k = fmt.Sprintf(":%02d", sec.n), k+2
					}
				}
			}
		}
		if t.frac { // "10.30" scanned as one decimal number is not a clock time here
			return match{}, false
		}
		switch {
		case p.word(k, "a.m.", "am", "a.m"):
			if h > 12 {
				return match{}, false
			}
			if h == 12 {
				h = 0
			}
			k++
		case p.word(k, "p.m.", "pm", "p.m"):
			if h > 12 {
				return match{}, false
			}
			if h < 12 {
				h += 12
			}
			k++
		case p.word(k, "o") && p.punct(k+1, "'") && p.word(k+2, "clock"):
			k += 3
		case colon && (timeZones[p.low(k)] || p.word(i-1, "at", "by", "until", "from", "after", "before", "around")):
		default:
			return match{}, false
		}
	default:
		return match{}, false
	}
	z := ""
	if timeZones[p.low(k)] && p.tok(k).upper {
		z, k = "Z", k+1
	}
	clock := fmt.Sprintf("T%02d:%02d%s%s", h, mi, secs, z)
	return match{i: i, j: k, typ: claimgraph.TimexTime, rule: "clock", relative: true, val: func(e *env) string {
		base := e.dct
		if e.day.g == gDay {
			base = e.day
		}
		if d := shift(base, "day", 0); d != "" {
			return d + clock
		}
		return ""
	}}, true
}

// ruleFuzzy: "the early years", "the early days": recognized, with an
// underspecified value.
func ruleFuzzy(p *parser, i int) (match, bool) {
	if !p.word(i, "the") || !p.word(i+1, "early", "earliest", "initial", "first") || !p.word(i+2, "years", "days", "months", "decades") {
		return match{}, false
	}
	if p.low(i+1) == "first" && !p.word(i+3, "of", "after") {
		return match{}, false
	}
	return match{i: i, j: i + 3, typ: claimgraph.TimexDate, mod: "START", rule: "fuzzy", val: fixed("XXXX")}, true
}

// ruleUnitPart: "the beginning of the year", "the end of this month", "the
// middle of last week": a part of a unit around the creation time.
func ruleUnitPart(p *parser, i int) (match, bool) {
	if !p.word(i, "the") || !p.word(i+2, "of") {
		return match{}, false
	}
	var mod string
	switch p.low(i + 1) {
	case "beginning", "start":
		mod = "START"
	case "end":
		mod = "END"
	case "middle":
		mod = "MID"
	default:
		return match{}, false
	}
	step, ok := relWords[p.low(i+3)]
	if p.low(i+3) == "the" {
		step, ok = 0, true
	}
	if !ok || p.low(i+3) == "past" {
		return match{}, false
	}
	u, ok := units[p.low(i+4)]
	if !ok || plural(p.low(i+4)) {
		return match{}, false
	}
	switch u.name {
	case "week", "month", "year", "decade", "quarter":
	default:
		return match{}, false
	}
	name := u.name
	return match{i: i, j: i + 5, typ: claimgraph.TimexDate, mod: mod, rule: "unit-part", relative: true, val: func(e *env) string {
		return shift(e.dct, name, step)
	}}, true
}

// ruleFiscal: "fiscal 2008", "fiscal year 2008", "FY2008" (TIMEX3 "FY2008").
func ruleFiscal(p *parser, i int) (match, bool) {
	k := i
	switch {
	case p.word(k, "fy") && p.tok(k).upper:
		k++
	case p.word(k, "fiscal"):
		k++
		if p.word(k, "year") {
			k++
		}
	default:
		return match{}, false
	}
	y, ok := p.year(k)
	if !ok {
		// "FY08"
		t := p.tok(k)
		if t == nil || t.kind != kNum || t.ndig != 2 || t.suffix != "" || !p.word(i, "fy") || !p.adjacent(k) {
			return match{}, false
		}
		y = 2000 + t.n
		if t.n >= 50 {
			y = 1900 + t.n
		}
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "fiscal", val: fixed(fmt.Sprintf("FY%04d", y))}, true
}

// holidays with a fixed date, by their lower-case words.
var holidays = []struct {
	words []string
	m, d  int
}{
	{[]string{"christmas", "eve"}, 12, 24},
	{[]string{"christmas", "day"}, 12, 25},
	{[]string{"christmas"}, 12, 25},
	{[]string{"new", "year", "'", "s", "eve"}, 12, 31},
	{[]string{"new", "year", "'", "s", "day"}, 1, 1},
	{[]string{"new", "year", "\u2019", "s", "eve"}, 12, 31},
	{[]string{"new", "year", "\u2019", "s", "day"}, 1, 1},
	{[]string{"valentine", "'", "s", "day"}, 2, 14},
	{[]string{"valentine", "\u2019", "s", "day"}, 2, 14},
	{[]string{"halloween"}, 10, 31},
	{[]string{"independence", "day"}, 7, 4},
}

// ruleHoliday: "Christmas", "New Year's Eve", "Christmas 2010", resolved
// like a month and day without a year.
func ruleHoliday(p *parser, i int) (match, bool) {
	if t := p.tok(i); t == nil || !t.upper {
		return match{}, false
	}
	for _, h := range holidays {
		k := p.words(i, h.words)
		if k < 0 {
			if k = p.punctWords(i, h.words); k < 0 {
				continue
			}
		}
		if y, ok := p.year(k); ok {
			return dateMatch(i, k+1, "holiday", y, h.m, h.d)
		}
		return dateMatch(i, k, "holiday", 0, h.m, h.d)
	}
	return match{}, false
}

// punctWords is words that also accepts punctuation tokens ("'") in ws.
func (p *parser) punctWords(i int, ws []string) int {
	for _, w := range ws {
		t := p.tok(i)
		if t == nil || t.low != w {
			return -1
		}
		i++
	}
	return i
}

// seasonCue are words after which a season without a year is a time.
var seasonCue = map[string]bool{
	"in": true, "during": true, "by": true, "until": true, "since": true, "through": true,
	"throughout": true, "before": true, "after": true, "early": true, "late": true, "mid": true,
}

// ruleBareSeason: "in the spring", "by summer", resolved like a month by the
// tense of the sentence.
func ruleBareSeason(p *parser, i int) (match, bool) {
	k := i
	if p.word(k, "the") {
		k++
	}
	s, ok := seasons[p.low(k)]
	if !ok || p.tok(k).kind != kWord || !seasonCue[p.low(i-1)] {
		return match{}, false
	}
	if p.word(k+1, "of") || p.word(k+1, "season", "term", "semester", "session", "collection", "months") {
		return match{}, false // "the summer of 2010" is ruleSeason's; "the fall season" is a name
	}
	return match{i: i, j: k + 1, typ: claimgraph.TimexDate, rule: "bare-season", relative: true, val: func(e *env) string {
		v, _ := resolveSeason(e.dct, s.order, tenseDir(e.tense))
		return v
	}}, true
}

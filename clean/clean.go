// Package clean marks the regions of a document's original text: main text,
// boilerplate (sidebars, teaser lists, share and copyright lines), repeated
// passages, footnotes and corrections, bylines. It never changes the text:
// every region is a byte range of it, and each says which rule marked it.
//
// The rules are conservative on purpose: text wrongly marked as boilerplate
// is lost to every later stage, while boilerplate left in main text is only
// noise. So a sidebar is cut only after a heading that sidebars use, or a run
// of teasers, and only in the later part of a document.
package clean

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// Options tune the cleaner.
type Options struct {
	// SidebarMinShare is how far into a document (as a share of its non-space
	// bytes) a sidebar heading must be before the rest is cut as boilerplate.
	SidebarMinShare float64
	// Repeats finds passages repeated inside one text (the later occurrence is
	// the B side); nil skips that marking.
	Repeats func(text string, ranges [][2]int) []claimgraph.Passage
}

// DefaultOptions returns the options used by the ingest command.
func DefaultOptions() Options { return Options{SidebarMinShare: 0.3} }

// line is one line of the text: [start, end) without its line break.
type line struct {
	start, end int
	text       string // trimmed
}

func lines(text string) []line {
	var out []line
	start := 0
	for start <= len(text) {
		i := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if i >= 0 {
			end = start + i
		}
		out = append(out, line{start, end, strings.TrimSpace(text[start:end])})
		if i < 0 {
			break
		}
		start = end + 1
	}
	return out
}

// Regions returns the regions of text, sorted, non-overlapping and covering
// it; a document's Title and Author help find its byline.
func Regions(text string, author string, opts Options) []claimgraph.Region {
	ls := lines(text)
	var marks []claimgraph.Region

	body := len(ls) // lines [0, body) are the article; the rest is a sidebar
	if i, why := sidebarStart(ls, opts.SidebarMinShare); i >= 0 {
		body = i
		marks = append(marks, claimgraph.Region{Kind: claimgraph.RegionBoilerplate, Start: ls[i].start, End: len(text), Why: why})
	}
	for _, l := range ls[:body] {
		if why := boilerplateLine(l.text); why != "" {
			marks = append(marks, claimgraph.Region{Kind: claimgraph.RegionBoilerplate, Start: l.start, End: l.end, Why: why})
		}
	}
	marks = append(marks, footnotes(text, ls[:body])...)
	marks = append(marks, bylines(ls[:body], author)...)
	regions := fill(text, marks)
	if opts.Repeats != nil {
		regions = markRepeats(text, regions, opts.Repeats)
	}
	return regions
}

// sidebarHeadings are lines that open a site's lists of other articles.
var sidebarHeadings = map[string]bool{
	"new articles": true, "latest articles": true, "latest news": true, "latest stories": true, "latest posts": true,
	"most viewed": true, "most read": true, "most popular": true, "most shared": true, "most commented": true,
	"related articles": true, "related posts": true, "related stories": true, "related news": true, "related content": true,
	"related": true, "read more": true, "read also": true, "also read": true, "recommended": true, "recommended for you": true,
	"you may also like": true, "you might also like": true, "more stories": true, "more news": true, "more articles": true,
	"popular posts": true, "popular articles": true, "popular": true, "recent posts": true, "recent articles": true,
	"trending": true, "trending now": true, "top stories": true, "editor's picks": true, "editors' picks": true,
	"don't miss": true, "what to read next": true, "in other news": true, "around the web": true,
}

func normHeading(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "’", "'")
	return strings.TrimRight(s, ":.…· ")
}

// sidebarStart returns the index of the line where a trailing sidebar
// begins, or -1. A sidebar starts at a known heading, or at a run of three or
// more teasers (a short headline followed by a snippet cut off with "..."),
// in the later part of the document, with at least two non-empty lines
// after the heading.
func sidebarStart(ls []line, minShare float64) (int, string) {
	total := 0
	for _, l := range ls {
		total += len(l.text)
	}
	if total == 0 {
		return -1, ""
	}
	seen := 0
	for i, l := range ls {
		share := float64(seen) / float64(total)
		seen += len(l.text)
		if share < minShare || l.text == "" {
			continue
		}
		if sidebarHeadings[normHeading(l.text)] && nonEmptyAfter(ls, i) >= 2 {
			return i, "sidebar heading " + `"` + l.text + `"`
		}
		if n := teaserRun(ls, i); n >= 3 {
			return i, "run of teasers (headline + cut-off snippet)"
		}
	}
	return -1, ""
}

func nonEmptyAfter(ls []line, i int) int {
	n := 0
	for _, l := range ls[i+1:] {
		if l.text != "" {
			n++
		}
	}
	return n
}

// teaserRun counts consecutive teasers starting at line i: a headline-like
// line followed by a snippet that ends cut off ("..." or "…").
func teaserRun(ls []line, i int) int {
	n := 0
	for {
		h := nextNonEmpty(ls, i)
		if h < 0 || !headlineLike(ls[h].text) {
			return n
		}
		s := nextNonEmpty(ls, h+1)
		if s < 0 || !(strings.HasSuffix(ls[s].text, "...") || strings.HasSuffix(ls[s].text, "…")) {
			return n
		}
		n++
		i = s + 1
	}
}

func nextNonEmpty(ls []line, i int) int {
	for ; i < len(ls); i++ {
		if ls[i].text != "" {
			return i
		}
	}
	return -1
}

// headlineLike: short, starts with a capital or digit, no final full stop.
func headlineLike(s string) bool {
	if s == "" || len(s) > 160 || len(strings.Fields(s)) > 20 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"“‘'`, r) {
		return false
	}
	return !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...")
}

var boilerplateLines = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`(?i)^(share( this( article| story| post)?)?|tweet|e-?mail|print|whatsapp)( on \w+)?$`), "share button line"},
	{regexp.MustCompile(`(?i)^(share|follow us) on (facebook|twitter|x|linkedin|telegram|instagram)\b.{0,60}$`), "share button line"},
	{regexp.MustCompile(`(?i)^(copyright|©|\(c\))\s.{0,120}$|^.{0,120}\ball rights reserved\.?$`), "copyright line"},
	{regexp.MustCompile(`(?i)^advertisement$|^sponsored( content)?$`), "advertisement marker"},
	{regexp.MustCompile(`(?i)^(subscribe|sign up)( now)?( to| for)? (our|the) (newsletter|mailing list).{0,80}$`), "newsletter prompt"},
	{regexp.MustCompile(`(?i)^(click|tap) here to (subscribe|read|download|share).{0,80}$`), "click-here prompt"},
}

func boilerplateLine(s string) string {
	if s == "" || len(s) > 200 {
		return ""
	}
	for _, b := range boilerplateLines {
		if b.re.MatchString(s) {
			return b.why
		}
	}
	return ""
}

var (
	correctionRe  = regexp.MustCompile(`(?i)^(correction|clarification|editor['’]s note|editors['’] note|update|erratum)\s*[:\-–—]`)
	asteriskNote  = regexp.MustCompile(`^(\*{1,3}|†|‡)\s*\S`)
	bracketNote   = regexp.MustCompile(`^\[\d{1,3}\]\s*\S`)
	wordAsterisk  = regexp.MustCompile(`[\p{L}\p{N}.,;:)”"’]\*`)
	wordBracketNo = regexp.MustCompile(`\p{L}[.,;:]?\[\d{1,3}\]`)
)

// footnotes marks notes after the article's text: a line opened by an
// asterisk or dagger when the text above carries a matching marker
// ("building*"), a numbered note "[1]" when the text cites "[1]", and
// correction or editor's-note lines; only in the last lines of the body, so
// a bulleted list in the middle of an article is left alone.
func footnotes(text string, ls []line) []claimgraph.Region {
	var out []claimgraph.Region
	nonEmpty := 0
	for i := len(ls) - 1; i >= 0 && nonEmpty < 4; i-- {
		l := ls[i]
		if l.text == "" {
			continue
		}
		nonEmpty++
		before := text[:l.start]
		switch {
		case asteriskNote.MatchString(l.text) && wordAsterisk.MatchString(before):
			out = append(out, claimgraph.Region{Kind: claimgraph.RegionFootnote, Start: l.start, End: l.end, Why: "note marked like a marker in the text"})
		case bracketNote.MatchString(l.text) && wordBracketNo.MatchString(before):
			out = append(out, claimgraph.Region{Kind: claimgraph.RegionFootnote, Start: l.start, End: l.end, Why: "numbered note cited in the text"})
		case correctionRe.MatchString(l.text):
			out = append(out, claimgraph.Region{Kind: claimgraph.RegionFootnote, Start: l.start, End: l.end, Why: "correction or editor's note"})
		}
	}
	return out
}

var (
	bylineStart = regexp.MustCompile(`^(?i:by|written by|author:|reporting by|words by)\s+\p{Lu}`)
	nameLine    = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]+( \p{Lu}[\p{L}'’.-]*){1,3}$`)
)

// bylines marks "By NAME" lines near the top or the bottom of the body, and
// a last line that is only a name (an author signing off), or that equals
// the document's author.
func bylines(ls []line, author string) []claimgraph.Region {
	var out []claimgraph.Region
	idx := []int{}
	for i, n := 0, 0; i < len(ls) && n < 3; i++ {
		if ls[i].text != "" {
			idx = append(idx, i)
			n++
		}
	}
	last := -1
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i].text != "" {
			last = i
			break
		}
	}
	if last >= 0 {
		idx = append(idx, last)
	}
	seen := map[int]bool{}
	for _, i := range idx {
		if seen[i] {
			continue
		}
		seen[i] = true
		t := ls[i].text
		if len(t) > 100 {
			continue
		}
		why := ""
		switch {
		case bylineStart.MatchString(t):
			why = "by-line"
		case author != "" && strings.EqualFold(t, strings.TrimSpace(author)):
			why = "line equals the document's author"
		case i == last && i > 0 && nameLine.MatchString(t) && !sidebarHeadings[normHeading(t)]:
			why = "last line is a name alone (author sign-off)"
		}
		if why != "" {
			out = append(out, claimgraph.Region{Kind: claimgraph.RegionByline, Start: ls[i].start, End: ls[i].end, Why: why})
		}
	}
	return out
}

// fill turns marks into regions that cover text: marks win over main text,
// earlier-listed marks win over later ones where they overlap, and the gaps
// are main text.
func fill(text string, marks []claimgraph.Region) []claimgraph.Region {
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	var out []claimgraph.Region
	pos := 0
	for _, m := range marks {
		if m.End <= pos || m.Start >= m.End {
			continue
		}
		if m.Start < pos {
			m.Start = pos
		}
		if m.Start > pos {
			out = append(out, claimgraph.Region{Kind: claimgraph.RegionMain, Start: pos, End: m.Start})
		}
		out = append(out, m)
		pos = m.End
	}
	if pos < len(text) || len(out) == 0 {
		out = append(out, claimgraph.Region{Kind: claimgraph.RegionMain, Start: pos, End: len(text)})
	}
	return out
}

// markRepeats marks the later occurrence of each passage repeated inside the
// main text as repeated.
func markRepeats(text string, regions []claimgraph.Region, repeats func(string, [][2]int) []claimgraph.Passage) []claimgraph.Region {
	var ranges [][2]int
	for _, r := range regions {
		if r.Kind == claimgraph.RegionMain {
			ranges = append(ranges, [2]int{r.Start, r.End})
		}
	}
	var marks []claimgraph.Region
	for _, r := range regions {
		if r.Kind != claimgraph.RegionMain {
			marks = append(marks, r)
		}
	}
	for _, p := range repeats(text, ranges) {
		marks = append(marks, claimgraph.Region{Kind: claimgraph.RegionRepeated, Start: p.BStart, End: p.BEnd,
			Why: fmt.Sprintf("repeats the passage at %d-%d", p.AStart, p.AEnd)})
	}
	return fill(text, marks)
}

// Mark adds marks (e.g. site boilerplate learned across documents) to a
// document's regions: marks win over main text, existing non-main regions
// win over marks, and the result tiles the text again.
func Mark(text string, regions, marks []claimgraph.Region) []claimgraph.Region {
	var all []claimgraph.Region
	for _, r := range regions {
		if r.Kind != claimgraph.RegionMain {
			all = append(all, r)
		}
	}
	all = append(all, marks...)
	// fill lets the earlier of two overlapping marks win; sort keeps the
	// existing ones first where they start at the same offset.
	return fill(text, all)
}

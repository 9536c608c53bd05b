package httpapi

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// The document reader splits a document's original text at the offsets of
// its regions and spans, and hands the pieces to html/template as plain
// strings: article text is always text, never markup.

// Block is one region of a document in the reader.
type Block struct {
	Kind string // main, boilerplate, repeated, footnote, byline
	Why  string
	Segs []Segment
}

// Segment is a run of text under one set of spans.
type Segment struct {
	Text  string
	Class string // CSS classes: m (mention), q (quote), t (time), hl (asked-for span)
	Href  string // the entity page of a mention
	Title string // what the highlight is, shown on hover
	ID    string // anchor of the first segment of a quote or of the asked-for span
	Who   string // a quote's speaker, shown before its first segment
}

// span is one highlight to lay over the text.
type span struct {
	start, end int
	kind       byte // 'm' mention, 'q' quote, 't' time, 'h' asked-for span
	idx        int
}

// Highlight is an asked-for span (from an evidence link): [Start, End).
type Highlight struct{ Start, End int }

// parseHighlight reads "START-END".
func parseHighlight(v string) *Highlight {
	var h Highlight
	if _, err := fmt.Sscanf(v, "%d-%d", &h.Start, &h.End); err != nil || h.Start < 0 || h.End <= h.Start {
		return nil
	}
	return &h
}

// speakerName is what the reader says a quote's speaker is.
func speakerName(sp *claimgraph.Speaker) string {
	switch {
	case sp == nil:
		return "unknown speaker"
	case sp.Name != "":
		return sp.Name
	case sp.Text != "":
		return sp.Text
	}
	return "unknown speaker"
}

// mentionHref links a mention to its entity: by id once resolved, else by
// the name the store resolves through aliases. An ambiguous mention (a bare
// surname two people share) is not guessed: it links to a search.
func mentionHref(m claimgraph.Mention) string {
	if m.Entity > 0 {
		return "/entities/" + strconv.FormatInt(m.Entity, 10)
	}
	name := m.Name
	if name == "" {
		name = m.Text
	}
	if m.Ambiguous {
		return "/search?q=" + url.QueryEscape(name)
	}
	return "/entities/" + url.PathEscape(name)
}

// buildBlocks lays the analysis over the document text.
func buildBlocks(d *claimgraph.Document, a *claimgraph.Analysis, hl *Highlight) []Block {
	text := d.Text
	valid := func(s, e int) bool { return s >= 0 && e <= len(text) && s < e }
	var spans []span
	for i, m := range a.Mentions {
		if valid(m.Start, m.End) {
			spans = append(spans, span{m.Start, m.End, 'm', i})
		}
	}
	for i, q := range a.Quotes {
		if valid(q.Content.Start, q.Content.End) {
			spans = append(spans, span{q.Content.Start, q.Content.End, 'q', i})
		}
	}
	for i, t := range a.Times {
		if valid(t.Start, t.End) {
			spans = append(spans, span{t.Start, t.End, 't', i})
		}
	}
	if hl != nil && valid(hl.Start, hl.End) {
		spans = append(spans, span{hl.Start, hl.End, 'h', 0})
	}
	// Markup left in the text by the source (<tweet id="...">, </p>) is not
	// the article's words: shown as a muted mark, not raw.
	for _, m := range markupTag.FindAllStringIndex(text, 2000) {
		spans = append(spans, span{m[0], m[1], 'x', 0})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })

	regions := d.Regions
	if len(regions) == 0 {
		regions = []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text)}}
	}
	// Cover gaps between regions as main text, so no byte is dropped.
	var cover []claimgraph.Region
	pos := 0
	for _, r := range regions {
		if r.Start < pos || r.End > len(text) || r.Start >= r.End {
			continue
		}
		if r.Start > pos {
			cover = append(cover, claimgraph.Region{Kind: claimgraph.RegionMain, Start: pos, End: r.Start})
		}
		cover = append(cover, r)
		pos = r.End
	}
	if pos < len(text) {
		cover = append(cover, claimgraph.Region{Kind: claimgraph.RegionMain, Start: pos, End: len(text)})
	}

	started := map[span]bool{}
	var blocks []Block
	next := 0 // first span not yet active
	var active []span
	for _, r := range cover {
		b := Block{Kind: string(r.Kind), Why: r.Why}
		// Boundaries inside this region.
		cuts := []int{r.Start, r.End}
		for _, sp := range spans {
			if sp.start > r.Start && sp.start < r.End {
				cuts = append(cuts, sp.start)
			}
			if sp.end > r.Start && sp.end < r.End {
				cuts = append(cuts, sp.end)
			}
		}
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			s, e := runeStart(text, cuts[i]), runeStart(text, cuts[i+1])
			if s >= e {
				continue
			}
			for next < len(spans) && spans[next].start <= s {
				active = append(active, spans[next])
				next++
			}
			kept := active[:0]
			for _, sp := range active {
				if sp.end > s {
					kept = append(kept, sp)
				}
			}
			active = kept
			seg := Segment{Text: text[s:e]}
			var mention, quote, tm, high, markup *span
			for k := range active {
				sp := &active[k]
				if sp.start > s {
					continue
				}
				switch sp.kind {
				case 'm':
					// The innermost (latest starting) mention wins.
					if mention == nil || sp.start >= mention.start {
						mention = sp
					}
				case 'q':
					if quote == nil {
						quote = sp
					}
				case 't':
					if tm == nil {
						tm = sp
					}
				case 'h':
					high = sp
				case 'x':
					markup = sp
				}
			}
			var class, title string
			add := func(c, t string) {
				if class != "" {
					class += " "
					title += " · "
				}
				class += c
				title += t
			}
			if quote != nil {
				q := a.Quotes[quote.idx]
				add("q", fmt.Sprintf("%s quote by %s", q.Kind, speakerName(q.Speaker)))
				if !started[*quote] {
					started[*quote] = true
					seg.ID = fmt.Sprintf("q-%d", quote.idx)
					seg.Who = speakerName(q.Speaker)
				}
			}
			if tm != nil {
				t := a.Times[tm.idx]
				v := t.Value
				if v == "" {
					v = "unresolved"
				} else if r := claimgraph.ReadTimeValue(v); r != "" {
					v += " (" + r + ")"
				}
				add("t", fmt.Sprintf("%s %s", t.Type, v))
			}
			if mention != nil {
				m := a.Mentions[mention.idx]
				c := "m m-" + m.Type
				t := fmt.Sprintf("%s (%s, %s)", m.Name, m.Type, m.Kind)
				if m.Ambiguous {
					c += " ambiguous"
					t += ": ambiguous, not resolved"
				}
				add(c, t)
				seg.Href = mentionHref(m)
			}
			if high != nil {
				add("hl", "the evidence you followed")
				if !started[*high] {
					started[*high] = true
					seg.ID = "hl" // the followed evidence wins the anchor

				}
			}
			if markup != nil {
				tag := text[markup.start:markup.end]
				add("markup", "markup left in the source text: "+shorten(tag, 200))
				if s == markup.start {
					seg.Text = "‹" + tagName(tag) + "›"
				} else {
					seg.Text = "" // the tag's other pieces, under a mention or a quote
				}
			}
			seg.Class, seg.Title = class, title
			b.Segs = append(b.Segs, seg)
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// markupTag matches an HTML or XML tag left in article text: a name right
// after "<" (or "</"), attributes, and ">" within one line.
var markupTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>\n]{0,300})?/?>`)

// tagName returns "tweet" of `<tweet id="1">` and "/p" of "</p>".
func tagName(tag string) string {
	t := strings.TrimPrefix(tag, "<")
	if i := strings.IndexAny(t, " \t\r/>"); i > 0 {
		return t[:i]
	} else if strings.HasPrefix(t, "/") {
		if j := strings.IndexAny(t[1:], " \t\r>"); j >= 0 {
			return t[:j+1]
		}
	}
	return strings.TrimSuffix(t, ">")
}

// runeStart moves an offset back to the start of the rune it falls in, so a
// bad span never splits a character.
func runeStart(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

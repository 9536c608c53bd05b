package reusebench

import (
	"math/rand/v2"
	"strings"
)

// tok is one word of a generated text and the index of the word of the
// original it came from (-1 for a word the edit brought in), so that the
// benchmark knows which spans of a copy are really copied.
type tok struct {
	w    string
	orig int
}

// page is a text as paragraphs of words.
type page [][]tok

func pageOf(d Doc) page {
	var p page
	n := 0
	for _, para := range d.Paras {
		var ts []tok
		for _, s := range para {
			for _, w := range strings.Fields(s) {
				ts = append(ts, tok{w, n})
				n++
			}
		}
		if len(ts) > 0 {
			p = append(p, ts)
		}
	}
	return p
}

// fresh turns text written elsewhere into paragraphs of new words.
func fresh(paras ...string) page {
	var p page
	for _, s := range paras {
		var ts []tok
		for _, w := range strings.Fields(s) {
			ts = append(ts, tok{w, -1})
		}
		if len(ts) > 0 {
			p = append(p, ts)
		}
	}
	return p
}

func (p page) words() int {
	n := 0
	for _, para := range p {
		n += len(para)
	}
	return n
}

func (p page) copied() int {
	n := 0
	for _, para := range p {
		for _, t := range para {
			if t.orig >= 0 {
				n++
			}
		}
	}
	return n
}

// rendered is a page as text with the byte span and origin of each word.
type rendered struct {
	text  string
	spans [][2]int
	orig  []int
}

func (p page) render() rendered {
	var b strings.Builder
	var r rendered
	for i, para := range p {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, t := range para {
			if j > 0 {
				b.WriteByte(' ')
			}
			s := b.Len()
			b.WriteString(t.w)
			r.spans = append(r.spans, [2]int{s, b.Len()})
			r.orig = append(r.orig, t.orig)
		}
	}
	r.text = b.String()
	return r
}

// The edit kinds, in report order.
var EditKinds = []string{
	"identical", "delete-words", "insert-words", "change-words", "reorder-paragraphs",
	"excerpt", "new-lead", "byline", "boilerplate", "mixed",
}

// pool is the real text edits draw new words and sentences from. For the
// pair benchmark it holds only documents that are not evaluated, so that a
// new lead or a teaser never makes a copy share text with another original.
type pool struct {
	docs      []Doc
	words     []string
	sentences []string
	order     []int // a shuffled order of sentences to hand out
	next      int   // the next of order to hand out, so none repeats soon
}

func newPool(docs []Doc) *pool {
	p := &pool{docs: docs}
	for _, d := range docs {
		for _, para := range d.Paras {
			for _, s := range para {
				p.sentences = append(p.sentences, s)
				p.words = append(p.words, strings.Fields(s)...)
			}
		}
	}
	return p
}

func (pl *pool) word(r *rand.Rand) string { return pl.words[r.IntN(len(pl.words))] }

// sentence hands out the pool's sentences in a shuffled order without
// repeating one before all were used: two copies given the same new
// sentence would really share text, and the benchmark's gold would be wrong.
func (pl *pool) sentence(r *rand.Rand) string {
	// Shuffle an order, never the sentences: synthetic documents are
	// rebuilt from sentence indices and must come out the same every time.
	if pl.next == 0 {
		pl.order = r.Perm(len(pl.sentences))
	}
	s := pl.sentences[pl.order[pl.next]]
	pl.next = (pl.next + 1) % len(pl.sentences)
	return s
}

// Names for made-up bylines: invented, not taken from any corpus.
var (
	firstNames = []string{"Ana", "Bram", "Chiara", "Dawit", "Eun-ji", "Farid", "Greta", "Hugo", "Imani", "Jonas"}
	lastNames  = []string{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Ruiz", "Novak", "Osei", "Brennan"}
	navLines   = []string{"Home | World | Politics | Business | Sport | Culture", "Subscribe to our newsletter", "Share this article", "Follow us", "Advertisement"}
)

// edit applies one kind of edit to the original page. It reports false when
// the kind does not apply (reordering a one-paragraph text).
func edit(kind string, orig page, r *rand.Rand, pl *pool) (page, bool) {
	out := clonePage(orig)
	switch kind {
	case "identical":
	case "delete-words":
		out = mapWords(out, func(t tok) []tok {
			if r.Float64() < 0.1 {
				return nil
			}
			return []tok{t}
		})
	case "insert-words":
		out = mapWords(out, func(t tok) []tok {
			if r.Float64() < 0.1 {
				return []tok{{pl.word(r), -1}, t}
			}
			return []tok{t}
		})
	case "change-words":
		out = mapWords(out, func(t tok) []tok {
			if r.Float64() < 0.1 {
				return []tok{{pl.word(r), -1}}
			}
			return []tok{t}
		})
	case "reorder-paragraphs":
		if len(out) < 2 {
			return nil, false
		}
		for k := 0; k < 10; k++ {
			r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
			if out[0][0].orig != 0 {
				break
			}
		}
	case "excerpt":
		// A contiguous 30-50% of the words, keeping paragraph breaks.
		n := orig.words()
		l := int(float64(n) * (0.3 + 0.2*r.Float64()))
		s := r.IntN(n - l + 1)
		out = filterWords(out, func(t tok) bool { return t.orig >= s && t.orig < s+l })
	case "new-lead":
		// The first paragraph is replaced by a new lead of 3-5 sentences
		// from texts outside the evaluated documents.
		var lead []string
		for range 3 + r.IntN(3) {
			lead = append(lead, pl.sentence(r))
		}
		out = append(fresh(strings.Join(lead, " ")), out[1:]...)
	case "byline":
		by := "By " + firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
		out = append(fresh(by, "Updated "+[]string{"Monday", "Tuesday", "Friday"}[r.IntN(3)]), out...)
	case "boilerplate":
		out = addBoilerplate(out, r, pl)
	case "mixed":
		out = mapWords(out, func(t tok) []tok {
			switch x := r.Float64(); {
			case x < 0.05:
				return nil
			case x < 0.10:
				return []tok{{pl.word(r), -1}}
			case x < 0.15:
				return []tok{{pl.word(r), -1}, t}
			}
			return []tok{t}
		})
		out, _ = edit("byline", out, r, pl)
		out = addBoilerplate(out, r, pl)
	default:
		return nil, false
	}
	out = dropEmpty(out)
	return out, len(out) > 0
}

// addBoilerplate puts a navigation bar above the text and a "Most viewed"
// list of other documents' first sentences below it.
func addBoilerplate(p page, r *rand.Rand, pl *pool) page {
	top := fresh(navLines[0], navLines[1+r.IntN(len(navLines)-1)])
	bottom := fresh("Most viewed")
	for range 5 {
		bottom = append(bottom, fresh(pl.sentence(r))...)
	}
	return append(append(top, p...), bottom...)
}

func clonePage(p page) page {
	out := make(page, len(p))
	for i, para := range p {
		out[i] = append([]tok(nil), para...)
	}
	return out
}

func mapWords(p page, f func(tok) []tok) page {
	out := make(page, 0, len(p))
	for _, para := range p {
		var ts []tok
		for _, t := range para {
			ts = append(ts, f(t)...)
		}
		out = append(out, ts)
	}
	return out
}

func filterWords(p page, keep func(tok) bool) page {
	return mapWords(p, func(t tok) []tok {
		if keep(t) {
			return []tok{t}
		}
		return nil
	})
}

func dropEmpty(p page) page {
	out := p[:0]
	for _, para := range p {
		if len(para) > 0 {
			out = append(out, para)
		}
	}
	return out
}

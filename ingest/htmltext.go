package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms start and end a paragraph of the rendered text.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Main: true,
	atom.Nav: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Body: true, atom.Form: true, atom.Fieldset: true, atom.Caption: true,
}

// skipAtoms hold no reader-visible text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
}

// renderText turns an extracted content tree into plain text: one paragraph
// per block element, paragraphs separated by a blank line, white space inside
// a paragraph folded to single spaces except line breaks (<br>) and
// preformatted text, which keep their lines. Table cells are separated by a
// tab so a row stays one line.
func renderText(n *html.Node) string {
	var t textRenderer
	t.walk(n, false)
	t.flush()
	return strings.Join(t.paras, "\n\n")
}

type textRenderer struct {
	paras []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

func (t *textRenderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data, pre)
		return
	case html.ElementNode:
		a := nodeAtom(n)
		if skipAtoms[a] {
			return
		}
		switch a {
		case atom.Br:
			t.cur.WriteByte('\n')
			t.space = false
			return
		case atom.Td, atom.Th:
			if t.cur.Len() > 0 {
				t.cur.WriteByte('\t')
				t.space = false
			}
		}
		block := blockAtoms[a]
		if block {
			t.flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t.walk(c, pre || a == atom.Pre)
		}
		if block {
			t.flush()
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c, pre)
	}
}

func (t *textRenderer) text(s string, pre bool) {
	if pre {
		t.cur.WriteString(s)
		t.space = false
		return
	}
	for i, f := range strings.Fields(s) {
		if (i > 0 || t.space || startsSpace(s)) && t.cur.Len() > 0 && !endsBreak(&t.cur) {
			t.cur.WriteByte(' ')
		}
		t.cur.WriteString(f)
		t.space = false
	}
	if len(s) > 0 && isSpaceByte(s[len(s)-1]) {
		t.space = true
	}
}

// flush ends the current paragraph, dropping it when it is blank.
func (t *textRenderer) flush() {
	p := t.cur.String()
	t.cur.Reset()
	t.space = false
	lines := strings.Split(p, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l = strings.TrimRight(strings.TrimLeft(l, " "), " \t"); l != "" {
			kept = append(kept, l)
		}
	}
	if len(kept) > 0 {
		t.paras = append(t.paras, strings.Join(kept, "\n"))
	}
}

// nodeAtom is n's tag as an atom. Extractors build nodes by tag name and
// leave DataAtom unset, so the name is looked up when it is.
func nodeAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

func startsSpace(s string) bool { return len(s) > 0 && isSpaceByte(s[0]) }

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func endsBreak(b *strings.Builder) bool {
	s := b.String()
	return len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\t')
}

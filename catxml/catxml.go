// Package catxml reads NewsReader CAT XML files (the format of the MEANTIME
// corpus): a <Document> holding <token> elements, a <Markables> section of
// annotations anchored to tokens (ENTITY_MENTION, TIMEX3, EVENT_MENTION, ...,
// and token-less instances such as ENTITY), and a <Relations> section linking
// markables by id (REFERS_TO, TLINK, HAS_PARTICIPANT, ...).
//
// The format carries no original text, only tokens; Doc.Text rebuilds a plain
// text from them with each token's byte span, so annotations can be compared
// with extractors that work on text and byte offsets.
package catxml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Token is one token of the document.
type Token struct {
	ID       string // t_id
	Sentence int    // sentence number (0-based in MEANTIME)
	Number   int    // token number in the document
	Text     string
}

// Markable is one annotation of the Markables section.
type Markable struct {
	Tag    string            // element name: TIMEX3, ENTITY_MENTION, EVENT, ...
	ID     string            // m_id
	Attrs  map[string]string // every attribute, m_id included
	Tokens []string          // t_id of each token_anchor, in file order; empty for instances
}

// Relation is one link of the Relations section.
type Relation struct {
	Tag     string            // element name: REFERS_TO, TLINK, ...
	ID      string            // r_id
	Attrs   map[string]string // every attribute, r_id included
	Sources []string          // m_id of each <source>
	Targets []string          // m_id of each <target>
}

// Doc is one parsed CAT XML document.
type Doc struct {
	ID        string            // doc_id
	Name      string            // doc_name
	Lang      string            // lang
	URL       string            // url
	Attrs     map[string]string // every attribute of <Document>
	Tokens    []Token
	Markables []Markable
	Relations []Relation

	tokIndex map[string]int
	mIndex   map[string]int
}

// ParseFile parses the CAT XML file at path.
func ParseFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("catxml: %w", err)
	}
	defer f.Close()
	d, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("catxml: read %s: %w", path, err)
	}
	return d, nil
}

// Parse reads one CAT XML document. It fails on XML syntax errors, a root
// element other than <Document>, tokens without t_id or with a non-numeric
// sentence or number, duplicate token or markable ids, and token anchors that
// name no token.
func Parse(r io.Reader) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	d := &Doc{tokIndex: map[string]int{}, mIndex: map[string]int{}}
	var (
		seenRoot bool
		section  string    // "", "Markables", "Relations"
		curM     *Markable // open markable
		curR     *Relation // open relation
		depth    int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			line, _ := dec.InputPos()
			if depth == 1 {
				if name != "Document" {
					return nil, fmt.Errorf("line %d: root element is <%s>, want <Document>", line, name)
				}
				seenRoot = true
				d.Attrs = attrMap(t.Attr)
				d.ID, d.Name, d.Lang, d.URL = d.Attrs["doc_id"], d.Attrs["doc_name"], d.Attrs["lang"], d.Attrs["url"]
				continue
			}
			switch {
			case depth == 2 && name == "token":
				tk, err := readToken(dec, t)
				if err != nil {
					return nil, fmt.Errorf("line %d: %w", line, err)
				}
				depth-- // readToken consumed the end element
				if _, dup := d.tokIndex[tk.ID]; dup {
					return nil, fmt.Errorf("line %d: duplicate token t_id %q", line, tk.ID)
				}
				d.tokIndex[tk.ID] = len(d.Tokens)
				d.Tokens = append(d.Tokens, tk)
			case depth == 2 && (name == "Markables" || name == "Relations"):
				section = name
			case depth == 3 && section == "Markables":
				a := attrMap(t.Attr)
				d.Markables = append(d.Markables, Markable{Tag: name, ID: a["m_id"], Attrs: a})
				curM = &d.Markables[len(d.Markables)-1]
			case depth == 3 && section == "Relations":
				a := attrMap(t.Attr)
				d.Relations = append(d.Relations, Relation{Tag: name, ID: a["r_id"], Attrs: a})
				curR = &d.Relations[len(d.Relations)-1]
			case depth == 4 && curM != nil && name == "token_anchor":
				id := attr(t.Attr, "t_id")
				if id == "" {
					return nil, fmt.Errorf("line %d: token_anchor without t_id in %s %s", line, curM.Tag, curM.ID)
				}
				curM.Tokens = append(curM.Tokens, id)
			case depth == 4 && curR != nil && (name == "source" || name == "target"):
				id := attr(t.Attr, "m_id")
				if name == "source" {
					curR.Sources = append(curR.Sources, id)
				} else {
					curR.Targets = append(curR.Targets, id)
				}
			}
		case xml.EndElement:
			switch {
			case depth == 2 && (t.Name.Local == "Markables" || t.Name.Local == "Relations"):
				section = ""
			case depth == 3:
				curM, curR = nil, nil
			}
			depth--
		}
	}
	if !seenRoot {
		return nil, errors.New("no <Document> element")
	}
	for i, m := range d.Markables {
		for _, id := range m.Tokens {
			if _, ok := d.tokIndex[id]; !ok {
				return nil, fmt.Errorf("%s m_id %q anchors unknown token %q", m.Tag, m.ID, id)
			}
		}
		if m.ID != "" {
			if _, dup := d.mIndex[m.ID]; dup {
				return nil, fmt.Errorf("duplicate markable m_id %q", m.ID)
			}
			d.mIndex[m.ID] = i
		}
	}
	return d, nil
}

func readToken(dec *xml.Decoder, start xml.StartElement) (Token, error) {
	var tk Token
	var text string
	if err := dec.DecodeElement(&text, &start); err != nil {
		return tk, fmt.Errorf("token: %w", err)
	}
	tk.Text = text
	tk.ID = attr(start.Attr, "t_id")
	if tk.ID == "" {
		return tk, errors.New("token without t_id")
	}
	var err error
	if tk.Sentence, err = atoiAttr(start.Attr, "sentence"); err != nil {
		return tk, fmt.Errorf("token %s: %w", tk.ID, err)
	}
	if tk.Number, err = atoiAttr(start.Attr, "number"); err != nil {
		return tk, fmt.Errorf("token %s: %w", tk.ID, err)
	}
	return tk, nil
}

func atoiAttr(as []xml.Attr, name string) (int, error) {
	s := attr(as, name)
	if s == "" {
		return 0, fmt.Errorf("missing %s", name)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s %q is not a number", name, s)
	}
	return n, nil
}

func attr(as []xml.Attr, name string) string {
	for _, a := range as {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrMap(as []xml.Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name.Local] = a.Value
	}
	return m
}

// Text rebuilds a plain text from the tokens: one space between tokens of a
// sentence, a newline between sentences. tokenSpans[i] is the byte span
// [start, end) of Tokens[i] in text. Token text is kept as is, except that
// white space inside a token is folded to a space so lines stay sentences.
func (d *Doc) Text() (text string, tokenSpans [][2]int) {
	var b strings.Builder
	tokenSpans = make([][2]int, len(d.Tokens))
	for i, tk := range d.Tokens {
		if i > 0 {
			if tk.Sentence != d.Tokens[i-1].Sentence {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		b.WriteString(strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' {
				return ' '
			}
			return r
		}, tk.Text))
		tokenSpans[i] = [2]int{start, b.Len()}
	}
	return b.String(), tokenSpans
}

// TokenIndex returns the index in Tokens of the token with this t_id.
func (d *Doc) TokenIndex(tid string) (int, bool) {
	i, ok := d.tokIndex[tid]
	return i, ok
}

// Markable returns the markable with this m_id.
func (d *Doc) Markable(mid string) (Markable, bool) {
	i, ok := d.mIndex[mid]
	if !ok {
		return Markable{}, false
	}
	return d.Markables[i], true
}

// TokenRange returns the smallest and largest token index a markable is
// anchored to; ok is false for a markable without anchors.
func (d *Doc) TokenRange(m Markable) (first, last int, ok bool) {
	first, last = -1, -1
	for _, id := range m.Tokens {
		i := d.tokIndex[id]
		if first < 0 || i < first {
			first = i
		}
		if i > last {
			last = i
		}
	}
	return first, last, first >= 0
}

// Span returns the byte span of a markable in the text built by Text, given
// the token spans Text returned; ok is false for a markable without anchors.
// A discontinuous markable gets the span from its first to its last token.
func (d *Doc) Span(m Markable, tokenSpans [][2]int) (start, end int, ok bool) {
	first, last, ok := d.TokenRange(m)
	if !ok || last >= len(tokenSpans) {
		return 0, 0, false
	}
	return tokenSpans[first][0], tokenSpans[last][1], true
}

// CreationTime returns the TIMEX3 markable whose functionInDocument is
// CREATION_TIME.
func (d *Doc) CreationTime() (Markable, bool) {
	for _, m := range d.Markables {
		if m.Tag == "TIMEX3" && m.Attrs["functionInDocument"] == "CREATION_TIME" {
			return m, true
		}
	}
	return Markable{}, false
}

// DCT returns the value of the creation time, "" when the document has none.
func (d *Doc) DCT() string {
	m, _ := d.CreationTime()
	return m.Attrs["value"]
}

// ByTag returns the markables with this element name, in file order.
func (d *Doc) ByTag(tag string) []Markable {
	var out []Markable
	for _, m := range d.Markables {
		if m.Tag == tag {
			out = append(out, m)
		}
	}
	return out
}

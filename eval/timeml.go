package eval

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// TimexDoc is one document annotated with time expressions: the plain text
// the spans refer to, its creation time, and the gold expressions.
type TimexDoc struct {
	Name string
	Text string
	DCT  string                // creation time value, "" when the file has none
	Gold []claimgraph.TimeExpr // Start, End, Text, Type, Value, Mod
	// Scope lists the byte ranges whose time expressions were annotated; nil
	// means the whole text. Predictions outside it are not scored, since the
	// corpus says nothing about them.
	Scope [][2]int
	// ExtentOnly marks gold without TIMEX3 types and values (GUM time
	// entities): the document counts for extent scores only.
	ExtentOnly bool
}

// ReadTimeMLFile reads a TimeML (.tml) file.
func ReadTimeMLFile(path string) (TimexDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return TimexDoc{}, fmt.Errorf("timeml: %w", err)
	}
	defer f.Close()
	d, err := ReadTimeML(f)
	if err != nil {
		return TimexDoc{}, fmt.Errorf("timeml: read %s: %w", path, err)
	}
	if d.Name == "" {
		d.Name = path
	}
	return d, nil
}

// ReadTimeML reads a TimeML document: the creation time from the TIMEX3 in
// <DCT> (or any TIMEX3 whose functionInDocument is CREATION_TIME), the text
// of <TEXT> with every tag removed, and the TIMEX3 elements inside <TEXT> as
// byte spans of that text. TIMEX3 elements without text (non-consuming ones)
// are not expressions of the text and are skipped.
func ReadTimeML(r io.Reader) (TimexDoc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false // TimeML corpora carry stray "&" and undeclared entities
	dec.Entity = xml.HTMLEntity
	var (
		d                TimexDoc
		text             strings.Builder
		inText, inDCT    bool
		inDocID          bool
		open             *claimgraph.TimeExpr
		openDepth, depth int
		sawRoot, sawText bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return d, fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			sawRoot = true
			switch t.Name.Local {
			case "TEXT":
				inText, sawText = true, true
			case "DCT":
				inDCT = true
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				a := attrs(t.Attr)
				if inDCT || a["functionInDocument"] == "CREATION_TIME" {
					if d.DCT == "" {
						d.DCT = a["value"]
					}
					if !inText {
						continue
					}
				}
				if !inText {
					continue
				}
				if open != nil {
					line, _ := dec.InputPos()
					return d, fmt.Errorf("line %d: TIMEX3 inside TIMEX3", line)
				}
				open = &claimgraph.TimeExpr{Start: text.Len(), Type: a["type"], Value: a["value"], Mod: a["mod"]}
				openDepth = depth
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "DOCID":
				inDocID = false
			case "TIMEX3":
				if open != nil && depth == openDepth {
					open.End = text.Len()
					if open.End > open.Start {
						d.Gold = append(d.Gold, *open)
					}
					open = nil
				}
			}
			depth--
		case xml.CharData:
			if inText {
				text.Write(t)
			} else if inDocID {
				d.Name += strings.TrimSpace(string(t))
			}
		}
	}
	if !sawRoot {
		return d, errors.New("no XML element")
	}
	if !sawText {
		return d, errors.New("no <TEXT> element")
	}
	if open != nil {
		return d, errors.New("unclosed TIMEX3")
	}
	d.Text = text.String()
	for i := range d.Gold {
		trimSpan(d.Text, &d.Gold[i])
	}
	return d, nil
}

// trimSpan drops white space at the edges of a gold span and sets its Text.
func trimSpan(text string, t *claimgraph.TimeExpr) {
	for t.Start < t.End && isSpaceByte(text[t.Start]) {
		t.Start++
	}
	for t.End > t.Start && isSpaceByte(text[t.End-1]) {
		t.End--
	}
	t.Text = text[t.Start:t.End]
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func attrs(as []xml.Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name.Local] = a.Value
	}
	return m
}

// WriteTimeML writes text with its time expressions as a TimeML document:
// the creation time as TIMEX3 t0 in <DCT>, and each expression inline in
// <TEXT> as a TIMEX3 with tid, type, value, mod and, for an expression whose
// value was computed from the creation time, temporalFunction="true" and
// anchorTimeID="t0". Expressions that overlap an earlier one are left out,
// since TimeML cannot nest them. Offsets must lie on UTF-8 boundaries of text.
func WriteTimeML(w io.Writer, docID, dct, text string, exprs []claimgraph.TimeExpr) error {
	xs := append([]claimgraph.TimeExpr(nil), exprs...)
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].Start < xs[j].Start })
	for _, x := range xs {
		if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
			return fmt.Errorf("timeml: expression %q has span %d-%d outside a text of %d bytes", x.Text, x.Start, x.End, len(text))
		}
		if splitsRune(text, x.Start) || splitsRune(text, x.End) {
			return fmt.Errorf("timeml: expression %q at %d-%d splits a character", x.Text, x.Start, x.End)
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>")
	writeEscaped(bw, docID)
	bw.WriteString("</DOCID>\n")
	if dct != "" {
		bw.WriteString(`<DCT><TIMEX3 tid="t0" type="DATE" value="`)
		writeEscaped(bw, dct)
		bw.WriteString(`" temporalFunction="false" functionInDocument="CREATION_TIME">`)
		writeEscaped(bw, dct)
		bw.WriteString("</TIMEX3></DCT>\n")
	}
	bw.WriteString("<TEXT>")
	pos, n := 0, 0
	for _, x := range xs {
		if x.Start < pos {
			continue
		}
		writeEscaped(bw, text[pos:x.Start])
		n++
		fmt.Fprintf(bw, `<TIMEX3 tid="t%d" type="%s" value="`, n, attrEscape(x.Type))
		writeEscaped(bw, x.Value)
		bw.WriteString(`"`)
		if x.Mod != "" {
			fmt.Fprintf(bw, ` mod="%s"`, attrEscape(x.Mod))
		}
		if x.Relative && x.Anchor != "" && dct != "" {
			bw.WriteString(` temporalFunction="true" anchorTimeID="t0"`)
		} else {
			bw.WriteString(` temporalFunction="false"`)
		}
		bw.WriteString(">")
		writeEscaped(bw, text[x.Start:x.End])
		bw.WriteString("</TIMEX3>")
		pos = x.End
	}
	writeEscaped(bw, text[pos:])
	bw.WriteString("</TEXT>\n</TimeML>\n")
	return bw.Flush()
}

// splitsRune reports whether off falls inside a valid multi-byte character
// of text (stray bytes of invalid UTF-8 are characters of their own).
func splitsRune(text string, off int) bool {
	if off <= 0 || off >= len(text) || utf8.RuneStart(text[off]) {
		return false
	}
	for j := off - 1; j >= 0 && j >= off-3; j-- {
		if utf8.RuneStart(text[j]) {
			r, size := utf8.DecodeRuneInString(text[j:])
			return !(r == utf8.RuneError && size == 1) && j+size > off
		}
	}
	return false
}

func attrEscape(s string) string {
	var b strings.Builder
	writeEscaped(&b, s)
	return b.String()
}

// writeEscaped writes s as XML character data. Bytes that XML cannot carry
// (control characters, invalid UTF-8) become one space each, so the byte
// offsets of the text read back stay those of the original.
func writeEscaped(w io.StringWriter, s string) {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\r':
			// A raw CR would be folded into the following LF by a reader.
			b.WriteString("&#xD;")
		case r == utf8.RuneError && size == 1, r < 0x20 && r != '\n' && r != '\t', r == 0xFFFE, r == 0xFFFF:
			b.WriteString(strings.Repeat(" ", size))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	w.WriteString(b.String())
}

package ingest

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/claimgraph/claimgraph"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// html reads one HTML page from a file.
func (r *reader) html(source string, in io.Reader) error {
	b, err := readDoc(in, r.opts.MaxDocBytes)
	if err != nil {
		return r.fail(source, err)
	}
	doc, err := htmlDocument(b, "", "")
	if err != nil {
		return r.fail(source, err)
	}
	doc.Format = FormatHTML
	return r.emit(Item{Doc: doc, Source: source})
}

// htmlDocument extracts the main text and the metadata of an HTML page.
// contentType is the HTTP Content-Type when known (it may name the charset);
// pageURL the address the page was fetched from, when known. The main text
// comes from go-trafilatura, or from go-readability when trafilatura finds
// none; its paragraphs are separated by blank lines. Raw keeps the page.
func htmlDocument(page []byte, contentType, pageURL string) (doc *claimgraph.Document, err error) {
	// The extractors are large third-party code run on hostile input: a
	// panic in them is one failed document, not a failed batch.
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("%w: HTML extractor failed: %v", ErrCorrupt, p)
		}
	}()
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, ErrEmpty
	}
	utf16 := bytes.HasPrefix(page, []byte{0xFF, 0xFE}) || bytes.HasPrefix(page, []byte{0xFE, 0xFF})
	if err := checkBinary(page); err != nil && !utf16 {
		return nil, err
	}
	utf8Page, enc := decodeHTML(page, contentType)
	root, err := html.Parse(bytes.NewReader(utf8Page))
	if err != nil {
		// The parser refuses nesting deeper than 512 elements, which old
		// pages reach with thousands of unclosed <font> or <b> tags; with
		// the inline formatting tags dropped the text parses.
		root, err = html.Parse(bytes.NewReader(dropInlineTags(utf8Page)))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}

	doc = &claimgraph.Document{Raw: page, Encoding: enc, URL: pageURL}
	meta := scanMeta(root)

	// trafilatura builds its text by repeated string concatenation, which
	// is quadratic in the text's length: a page with megabytes of text
	// would take minutes. Such pages (no news article is that long) go to
	// readability, which is linear.
	var res *trafilatura.ExtractResult
	var terr error
	huge := visibleTextLen(root) > maxTrafilaturaText
	if !huge {
		res, terr = trafilatura.ExtractDocument(root, trafilatura.Options{
			OriginalURL:     u,
			ExcludeComments: true,
			// The cleaner marks boilerplate itself and wants whole
			// paragraphs; trafilatura's own deduplication would drop
			// repeated passages before the cleaner could mark them.
			Deduplicate: false,
		})
	}
	if terr == nil && res != nil && res.ContentNode != nil {
		doc.Text = renderText(res.ContentNode)
		m := res.Metadata
		doc.Title, doc.Author, doc.Outlet, doc.Lang = m.Title, m.Author, m.Sitename, m.Language
		if doc.URL == "" {
			doc.URL = m.URL
		}
		if meta.date == "" && !m.Date.IsZero() {
			meta.date, meta.dateField = isoTime(m.Date), "htmldate"
		}
		addMeta(meta.other, "categories", strings.Join(m.Categories, ", "))
		addMeta(meta.other, "tags", strings.Join(m.Tags, ", "))
		addMeta(meta.other, "image", m.Image)
		addMeta(meta.other, "page_type", m.PageType)
		addMeta(meta.other, "license", m.License)
		addMeta(meta.other, "hostname", m.Hostname)
	}
	// Readability is the fallback when trafilatura finds nothing, and also
	// when it finds little: under trafilatura's minimum size its "baseline"
	// rescue flattens the page into one paragraph (or repeats it), while
	// readability keeps the paragraphs. Readability wins a short page when
	// it finds at least a third of trafilatura's words (a repeated baseline
	// has twice the words).
	extractor := "trafilatura"
	if words := len(strings.Fields(doc.Text)); words < shortText || huge {
		p := readability.NewParser()
		art, err := p.ParseDocument(root, u)
		var text string
		if err == nil && art.Node != nil {
			text = renderText(art.Node)
		}
		if rw := len(strings.Fields(text)); rw > 0 && (3*rw >= words || huge) {
			doc.Text, extractor = text, "readability"
			fill(&doc.Title, art.Title())
			fill(&doc.Author, art.Byline())
			fill(&doc.Outlet, art.SiteName())
			fill(&doc.Lang, art.Language())
			if meta.date == "" {
				if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
					meta.date, meta.dateField = isoTime(t), "readability"
				}
			}
		}
	}
	meta.other["extractor"] = extractor
	if strings.TrimSpace(doc.Text) == "" {
		if terr != nil {
			return nil, fmt.Errorf("%w in HTML: %v", ErrNoText, terr)
		}
		return nil, fmt.Errorf("%w in HTML", ErrNoText)
	}
	fill(&doc.Title, meta.title)
	if meta.date != "" {
		doc.Date, doc.DateSource = meta.date, "html:"+meta.dateField
	}
	if len(meta.other) > 0 {
		doc.Meta = meta.other
	}
	return doc, nil
}

// inlineAtoms are formatting tags that carry no structure.
var inlineAtoms = map[atom.Atom]bool{
	atom.B: true, atom.I: true, atom.U: true, atom.S: true, atom.Em: true,
	atom.Strong: true, atom.Font: true, atom.Span: true, atom.Small: true,
	atom.Big: true, atom.Tt: true, atom.Strike: true, atom.Sub: true,
	atom.Sup: true, atom.Mark: true, atom.Cite: true, atom.Abbr: true,
	atom.Nobr: true, atom.Center: true, atom.Q: true,
}

// dropInlineTags returns the page without its inline formatting tags.
func dropInlineTags(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	out := make([]byte, 0, len(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			name, _ := z.TagName()
			if inlineAtoms[atom.Lookup(name)] {
				out = append(out, ' ')
				continue
			}
		}
		out = append(out, raw...)
	}
}

// decodeHTML converts a page to UTF-8 following the WHATWG rules (byte order
// mark, then the Content-Type charset, then a <meta> declaration), and names
// the encoding it used. A page declared UTF-8 only in a <meta> tag that is
// not valid UTF-8 is read as Windows-1252 unless it is mostly valid UTF-8.
func decodeHTML(page []byte, contentType string) ([]byte, string) {
	if bytes.HasPrefix(page, []byte{0xEF, 0xBB, 0xBF}) {
		return bytes.ToValidUTF8(page[3:], []byte("\uFFFD")), EncUTF8BOM
	}
	e, name, certain := charset.DetermineEncoding(page, contentType)
	if name == "utf-8" {
		if utf8.Valid(page) {
			return page, EncUTF8
		}
		if certain {
			return bytes.ToValidUTF8(page, []byte("\uFFFD")), EncUTF8Lossy
		}
		s, enc := decodeUnknown(page)
		return []byte(s), enc
	}
	if name == "windows-1252" {
		if !certain && utf8.Valid(page) {
			return page, EncUTF8
		}
		return []byte(decodeWindows1252(page)), EncWindows1252
	}
	out, err := e.NewDecoder().Bytes(page)
	if err != nil {
		return bytes.ToValidUTF8(page, []byte("\uFFFD")), EncUTF8
	}
	return out, name
}

// isoTime formats a time as a date when it falls on midnight UTC (extractors
// return bare dates that way), as RFC 3339 otherwise.
func isoTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// fill sets *dst to v when *dst is empty.
func fill(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

// addMeta records a non-empty value, truncated to keep rows small.
func addMeta(m map[string]string, k, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if _, ok := m[k]; ok {
		return
	}
	if len(v) > maxMetaValue {
		v = strings.ToValidUTF8(v[:maxMetaValue], "")
	}
	m[k] = v
}

const maxMetaValue = 2048

// maxTrafilaturaText is the visible text size above which a page goes to
// readability only.
const maxTrafilaturaText = 512 << 10

// visibleTextLen is the size of the text a reader would see in the page.
func visibleTextLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(n.Data)
	}
	if a := nodeAtom(n); n.Type == html.ElementNode && skipAtoms[a] && a != atom.Head {
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += visibleTextLen(c)
	}
	return total
}

// shortText is the word count under which trafilatura's result is checked
// against readability's (trafilatura's own threshold is 250 characters).
const shortText = 50

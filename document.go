package claimgraph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Document is one article as it was read, with the regions its cleaner marked.
// Text is the original text every span refers to: for plain text and JSON
// Lines it is the input decoded to UTF-8; for HTML and WARC it is the text the
// extractor produced from the page, and Raw keeps the page itself.
type Document struct {
	ID         string            // content hash of the normalized text (see DocumentID)
	Source     string            // where it came from: a path, a URL, "file.warc.gz#offset=N", "file.jsonl:LINE"
	Format     string            // txt, html, jsonl, warc
	URL        string            // canonical URL when known
	Outlet     string            // site or publication name
	Title      string            // headline
	Author     string            // byline author(s)
	Date       string            // publication date as ISO 8601 (date or date-time), "" when unknown
	DateSource string            // where Date came from: "flag", "jsonl", "html:<field>", "warc", "" when unknown
	Lang       string            // ISO 639-1 language code when known
	Encoding   string            // how the input bytes were decoded: "utf-8", "utf-8-bom", "windows-1252"
	Text       string            // the original text; every span is a byte offset into it
	Raw        []byte            // the raw input (HTML page) when Text was extracted from it; nil otherwise
	Bytes      int               // len(Text); set also in listings that leave Text out
	Regions    []Region          // cleaned regions of Text, sorted by Start, non-overlapping, covering Text
	Meta       map[string]string // other metadata (JSON Lines fields, HTML meta tags)
	IngestedAt time.Time         // when the document was first stored
}

// RegionKind names what a region of a document's text is.
type RegionKind string

// The region kinds. Later stages analyse RegionMain only.
const (
	RegionMain        RegionKind = "main"
	RegionBoilerplate RegionKind = "boilerplate" // navigation, sidebars, teasers, share buttons
	RegionRepeated    RegionKind = "repeated"    // a passage that appeared earlier in the same document
	RegionFootnote    RegionKind = "footnote"    // footnotes and corrections ("* The author should have said ...")
	RegionByline      RegionKind = "byline"      // "By NAME", author lines
)

// Region is a half-open byte range [Start, End) of a document's Text.
type Region struct {
	Kind  RegionKind `json:"kind"`
	Start int        `json:"start"`
	End   int        `json:"end"`
	// Why says which rule marked the region, so every marking is inspectable.
	Why string `json:"why,omitempty"`
}

// Span is a half-open byte range of one document's Text.
type Span struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// NormalizeForIdentity returns the form of a text whose hash identifies a
// document: Unicode NFC, every run of white space folded to one space, trimmed.
// Two inputs that differ only in line endings, a BOM, or spacing are one document.
func NormalizeForIdentity(text string) string {
	text = strings.TrimPrefix(text, "\ufeff")
	text = norm.NFC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// DocumentID returns the identity of a document with this text: the first 16
// hex digits of the SHA-256 of its normalized form.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(NormalizeForIdentity(text)))
	return hex.EncodeToString(sum[:8])
}

// MainText reports whether the byte offset lies in a main-text region.
func (d *Document) MainText(off int) bool {
	for _, r := range d.Regions {
		if off >= r.Start && off < r.End {
			return r.Kind == RegionMain
		}
	}
	return false
}

// MainRanges returns the main-text regions of the document in order.
func (d *Document) MainRanges() []Region {
	var out []Region
	for _, r := range d.Regions {
		if r.Kind == RegionMain {
			out = append(out, r)
		}
	}
	return out
}

package ingest

import (
	"io"

	"github.com/claimgraph/claimgraph"
)

// txt reads one plain-text document. It has no title: the first line of a
// text file is as often a dateline or a byline as a headline, so choosing is
// left to the cleaner.
func (r *reader) txt(source string, in io.Reader) error {
	b, err := readDoc(in, r.opts.MaxDocBytes)
	if err != nil {
		return r.fail(source, err)
	}
	doc, err := textDocument(b)
	if err != nil {
		return r.fail(source, err)
	}
	return r.emit(Item{Doc: doc, Source: source})
}

// textDocument decodes the bytes of a plain-text document.
func textDocument(b []byte) (*claimgraph.Document, error) {
	text, enc, err := DecodeText(b)
	if err != nil {
		return nil, err
	}
	return &claimgraph.Document{Format: FormatTXT, Text: text, Encoding: enc}, nil
}

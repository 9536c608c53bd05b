package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
)

type kind int

const (
	kindUnknown kind = iota
	kindTXT
	kindHTML
	kindJSONL
	kindWARC
)

// kindOf chooses a format by file name; ".gz" is looked through.
func kindOf(name string) kind {
	name = strings.ToLower(filepath.Base(name))
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text":
		return kindTXT
	case ".html", ".htm", ".xhtml", ".shtml":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".warc":
		return kindWARC
	}
	return kindUnknown
}

// peekContent returns the first bytes of the (decompressed) content of br
// without consuming any of it, and whether they are the whole content.
func peekContent(br *bufio.Reader, gz bool) (head []byte, whole bool, err error) {
	head, err = br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, false, err
	}
	whole = err == io.EOF
	if !gz {
		return head, whole, nil
	}
	// The compressed head gives as much plain text as it holds; a short or
	// damaged head yields what could be read, and the real read reports
	// the damage.
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return nil, whole, nil
	}
	out := make([]byte, sniffLen)
	n, err := io.ReadFull(zr, out)
	return out[:n], whole && err != nil, nil
}

// sniff chooses a format by content: a WARC version line, a JSON object on
// the first line, HTML by the WHATWG sniffing rules; text otherwise. A
// pretty-printed JSON file is not JSON Lines: read as such it would fail on
// every line, so it is taken as text, one document.
func sniff(head []byte, whole bool) kind {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(trimmed, []byte("WARC/")):
		return kindWARC
	case bytes.HasPrefix(trimmed, []byte("{")) && firstLineIsObject(trimmed, whole):
		return kindJSONL
	case strings.HasPrefix(http.DetectContentType(trimmed), "text/html"):
		return kindHTML
	}
	return kindTXT
}

// firstLineIsObject reports whether b's first line is a whole JSON object,
// or goes on past the head b (a long first record cannot be judged whole).
func firstLineIsObject(b []byte, whole bool) bool {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return !whole || json.Valid(b)
	}
	return json.Valid(b[:i])
}

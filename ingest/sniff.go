package ingest

import (
	"bufio"
	"bytes"
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
// without consuming any of it.
func peekContent(br *bufio.Reader, gz bool) ([]byte, error) {
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	if !gz {
		return head, nil
	}
	// A gzip header and a few KB of deflate give enough plain text to judge;
	// a short or damaged head yields what could be read, and the real read
	// reports the damage.
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return nil, nil
	}
	out := make([]byte, 4096)
	n, _ := io.ReadFull(zr, out)
	return out[:n], nil
}

// sniff chooses a format by content: a WARC version line, a JSON object on
// the first line, HTML by the WHATWG sniffing rules; text otherwise.
func sniff(head []byte) kind {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(trimmed, []byte("WARC/")):
		return kindWARC
	case bytes.HasPrefix(trimmed, []byte("{")):
		return kindJSONL
	case strings.HasPrefix(http.DetectContentType(trimmed), "text/html"):
		return kindHTML
	}
	return kindTXT
}

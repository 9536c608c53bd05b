package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"testing"
)

// gz compresses b as one gzip member.
func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// warcRec builds one WARC record.
func warcRec(typ, uri, ctype string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-test>\r\nWARC-Date: 2023-04-05T06:07:08Z\r\n", typ, len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpHTML wraps a page in an HTTP 200 response.
func httpHTML(page string) []byte {
	return fmt.Appendf(nil, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
}

// articlePage is an HTML page of n paragraphs about a numbered topic.
func articlePage(topic, n int) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<html><head><title>Report number %d</title><meta property=\"article:published_time\" content=\"2020-01-%02dT10:00:00Z\"></head><body><nav>Home News Sport</nav><article><h1>Report number %d</h1>", topic, topic%28+1, topic)
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d of report %d: the committee met on Thursday and said that the inquiry into the harbour contracts would continue until the end of the year, officials told reporters.</p>", i, topic)
	}
	b.WriteString("</article><footer>Contact us</footer></body></html>")
	return b.String()
}

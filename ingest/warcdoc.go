package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/claimgraph/claimgraph"
	"github.com/klauspost/compress/gzip"
)

// warcDocument turns a record into a document. It returns nil and no error
// for records that hold no article: requests, non-HTML payloads, redirects
// and error pages, empty bodies.
func warcDocument(rec *warcRecord, o Options) (*claimgraph.Document, error) {
	typ := strings.ToLower(rec.get("WARC-Type"))
	data := rec.payload
	if rec.over {
		data = rec.head
	}
	var body []byte
	var ctype string
	truncated := false
	isHTTP := typ == "response" && bytes.HasPrefix(data, []byte("HTTP/"))
	if isHTTP {
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(data)), nil)
		if err != nil {
			if rec.over {
				return nil, nil // a huge record whose header we cannot read: not ours to judge
			}
			return nil, fmt.Errorf("%w: HTTP response: %v", ErrCorrupt, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return nil, nil
		}
		ctype = resp.Header.Get("Content-Type")
		if ctype != "" && !isHTMLType(ctype) {
			return nil, nil
		}
		if rec.over {
			return nil, fmt.Errorf("%w: WARC record of %d bytes, cap %d", ErrTooLarge, rec.length, o.MaxDocBytes)
		}
		body, truncated, err = httpBody(resp, o.MaxDocBytes)
		if err != nil {
			return nil, err
		}
	} else {
		ctype = rec.get("Content-Type")
		if ctype != "" && !isHTMLType(ctype) {
			return nil, nil
		}
		if rec.over {
			return nil, fmt.Errorf("%w: WARC record of %d bytes, cap %d", ErrTooLarge, rec.length, o.MaxDocBytes)
		}
		body = data
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil
	}
	if ctype == "" && !strings.HasPrefix(http.DetectContentType(body), "text/html") {
		return nil, nil
	}
	uri := strings.Trim(rec.get("WARC-Target-URI"), "<> ")
	doc, err := htmlDocument(body, ctype, uri)
	if err != nil {
		return nil, err
	}
	doc.Format = FormatWARC
	if doc.Date == "" {
		// The capture time is only an upper bound of the publication
		// date, so it is used when the page gives none, and says so.
		if d, ok := NormalizeDate(rec.get("WARC-Date")); ok {
			doc.Date, doc.DateSource = d, "warc"
		}
	}
	if doc.Outlet == "" {
		if u, err := url.Parse(uri); err == nil && u.Hostname() != "" {
			doc.Outlet = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if doc.Meta == nil {
		doc.Meta = map[string]string{}
	}
	addMeta(doc.Meta, "warc:record-id", rec.get("WARC-Record-ID"))
	addMeta(doc.Meta, "warc:date", rec.get("WARC-Date"))
	if truncated {
		doc.Meta["http:truncated"] = "true"
	}
	return doc, nil
}

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// httpBody reads a response body, undoing its content encoding, up to max
// bytes. A body cut short by the crawler is kept as far as it goes and
// reported as truncated: a partial article still carries its claims.
func httpBody(resp *http.Response, max int64) (body []byte, truncated bool, err error) {
	raw, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if errors.Is(err, io.ErrUnexpectedEOF) {
		truncated = true
	} else if err != nil {
		return nil, false, fmt.Errorf("%w: HTTP body: %v", ErrCorrupt, err)
	}
	var dec io.Reader
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity", "none":
		if int64(len(raw)) > max {
			return nil, false, fmt.Errorf("%w: HTTP body over %d bytes", ErrTooLarge, max)
		}
		return raw, truncated, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, false, fmt.Errorf("%w: HTTP body: gzip: %v", ErrCorrupt, err)
		}
		dec = zr
	case "deflate":
		// "deflate" means zlib by the RFC and raw deflate in practice.
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			dec = zr
		} else {
			dec = flate.NewReader(bytes.NewReader(raw))
		}
	case "br":
		dec = brotli.NewReader(bytes.NewReader(raw))
	default:
		return nil, false, fmt.Errorf("%w: %q", ErrUnsupportedEnc, enc)
	}
	out, err := io.ReadAll(io.LimitReader(dec, max+1))
	if int64(len(out)) > max {
		return nil, false, fmt.Errorf("%w: HTTP body decompresses to more than %d bytes", ErrTooLarge, max)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		truncated = true
	} else if err != nil {
		return nil, false, fmt.Errorf("%w: HTTP body: %v", ErrCorrupt, err)
	}
	return out, truncated, nil
}

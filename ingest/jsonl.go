package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// jsonl reads a JSON Lines file: one article per line. A bad line is one
// failure naming path:LINE and the next line is read; a read error (a
// truncated or over-large gzip stream) ends the file.
func (r *reader) jsonl(source string, in io.Reader) error {
	lr := newLineReader(in, r.opts.MaxLine)
	for {
		line, size, long, err := lr.next()
		if err == io.EOF {
			return nil
		}
		// Source names are built only for lines that become items: a file
		// of blank lines (or a bomb of them) costs no formatting.
		src := func() string { return source + ":" + strconv.Itoa(lr.n) }
		if err != nil {
			return r.fail(src(), err)
		}
		if long {
			err := fmt.Errorf("%w: %d bytes, cap %d", ErrLineTooLong, size, r.opts.MaxLine)
			if err := r.fail(src(), err); err != nil {
				return err
			}
			continue
		}
		if lr.n == 1 {
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, notice, err := r.jsonlDocument(line)
		it := Item{Doc: doc, Source: src(), Err: err, Notice: notice}
		if err := r.emit(it); err != nil {
			return err
		}
	}
}

// jsonlDocument reads one JSON Lines record. Fields follow the command
// conventions: text or html, and any of url, title, outlet, author, date;
// every other field (id included: a document's ID is its content hash) is
// kept in Meta, strings as they are and other values as compact JSON.
//
// The notice says what was read but not used (a date it cannot read).
func (r *reader) jsonlDocument(line []byte) (*claimgraph.Document, string, error) {
	enc := EncUTF8
	if !utf8.Valid(line) {
		// JSON is UTF-8 by definition, but files exported by old tools
		// are not; reading them as Windows-1252 keeps every character.
		var s string
		s, enc = decodeUnknown(line)
		line = []byte(s)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrInvalidJSON, err)
	}
	if fields == nil {
		return nil, "", fmt.Errorf("%w: null, want an object", ErrInvalidJSON)
	}
	var f struct{ text, html, url, title, outlet, author, date string }
	known := map[string]*string{
		"text": &f.text, "html": &f.html, "url": &f.url, "title": &f.title,
		"outlet": &f.outlet, "author": &f.author, "date": &f.date,
	}
	meta := map[string]string{}
	for k, raw := range fields {
		if k == "text" || k == "html" {
			// The article itself: a number or a list is not one.
			s, err := textField(raw)
			if err != nil {
				return nil, "", fmt.Errorf("%w: field %q: %v", ErrInvalidJSON, k, err)
			}
			*known[k] = s
			continue
		}
		if p, ok := known[k]; ok {
			s, err := fieldString(raw)
			if err != nil {
				return nil, "", fmt.Errorf("%w: field %q: %v", ErrInvalidJSON, k, err)
			}
			*p = s
			continue
		}
		meta[k] = metaValue(raw)
	}

	var doc *claimgraph.Document
	switch {
	case strings.TrimSpace(f.text) != "":
		if int64(len(f.text)) > r.opts.MaxDocBytes {
			return nil, "", fmt.Errorf("%w: text field of %d bytes, cap %d", ErrTooLarge, len(f.text), r.opts.MaxDocBytes)
		}
		doc = &claimgraph.Document{Text: f.text, Encoding: enc}
	case strings.TrimSpace(f.html) != "":
		if int64(len(f.html)) > r.opts.MaxDocBytes {
			return nil, "", fmt.Errorf("%w: html field of %d bytes, cap %d", ErrTooLarge, len(f.html), r.opts.MaxDocBytes)
		}
		var err error
		doc, err = htmlDocument([]byte(f.html), "text/html; charset=utf-8", f.url)
		if err != nil {
			return nil, "", err
		}
		doc.Encoding = enc
	default:
		if f.text != "" || f.html != "" {
			return nil, "", fmt.Errorf("%w: text and html are blank", ErrEmpty)
		}
		return nil, "", fmt.Errorf("%w: no text or html field", ErrEmpty)
	}
	doc.Format = FormatJSONL
	// The record's own fields win over what an extractor guessed.
	for _, kv := range []struct {
		dst *string
		v   string
	}{
		{&doc.URL, f.url}, {&doc.Title, f.title}, {&doc.Outlet, f.outlet}, {&doc.Author, f.author},
	} {
		if v := strings.TrimSpace(kv.v); v != "" {
			*kv.dst = v
		}
	}
	var notice string
	if f.date != "" {
		if d, ok := NormalizeDate(f.date); ok {
			doc.Date, doc.DateSource = d, "jsonl"
		} else {
			// An unreadable date is kept for a person to see, not guessed,
			// and said: the document is stored without a date.
			meta["date"] = f.date
			notice = fmt.Sprintf("date %q not understood (want ISO 8601, e.g. 2024-01-31); stored undated, the value kept in meta; set one with claimgraph doc set-date", f.date)
		}
	}
	if len(meta) > 0 {
		if doc.Meta == nil {
			doc.Meta = meta
		} else {
			for k, v := range meta {
				doc.Meta[k] = v
			}
		}
	}
	return doc, notice, nil
}

// textField reads the text or html field: a string, or null (absent).
func textField(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		return jsonString(raw)
	}
	return "", fmt.Errorf("want a string, not %s", clipJSON(raw))
}

// clipJSON shortens a JSON value for a message.
func clipJSON(raw []byte) string {
	if len(raw) > 40 {
		return string(raw[:40]) + "…"
	}
	return string(raw)
}

// fieldString reads a metadata field: a string, null, a number, or a list
// of strings (several authors), joined with ", ".
func fieldString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		return jsonString(raw)
	case raw[0] == '[':
		var list []string
		if err := json.Unmarshal(raw, &list); err != nil {
			return "", errors.New("want a string or a list of strings")
		}
		return strings.Join(list, ", "), nil
	case raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9'):
		return string(raw), nil
	}
	return "", errors.New("want a string")
}

// metaValue keeps a string as it is and any other value as compact JSON.
func metaValue(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}

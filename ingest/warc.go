package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// The WARC reader is our own rather than gowarc's: it has to report every
// record's offset for plain and gzip files alike, bound the memory and the
// decompression of every record, keep the records before a damaged one, and
// never spool to temporary files. Its tests check it against gowarc.

// warcRecord is one WARC record's header and, when it was wanted, payload.
type warcRecord struct {
	version string
	header  map[string]string // canonical lower-case keys
	length  int64             // Content-Length
	payload []byte            // nil when the record was skipped
	head    []byte            // the first bytes of a skipped payload, for its HTTP header
	over    bool              // payload longer than the cap: skipped
}

func (rec *warcRecord) get(k string) string { return rec.header[strings.ToLower(k)] }

// countingReader counts the compressed bytes consumed from a file. It is an
// io.ByteReader so the deflate reader takes bytes one by one from the buffer
// and never reads past the end of a gzip member: the count at each member's
// start is that record's offset.
type countingReader struct {
	br *bufio.Reader
	n  int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// recordReader parses WARC records from a decompressed stream and counts the
// bytes it consumed, for offsets within plain files.
type recordReader struct {
	br     *bufio.Reader
	pos    int64
	maxDoc int64
	want   func(*warcRecord) bool // whose payloads to keep; the others are skipped
}

// maxWARCHeader bounds one record's header block.
const maxWARCHeader = 1 << 20

// headLen is how much of a skipped payload is kept to read its HTTP header.
const headLen = 8 << 10

// next reads the next record. It returns io.EOF at a clean end (only blank
// lines left), ErrNotWARC when the stream does not hold a record where one
// should start, ErrTruncated when the stream ends inside a record.
func (rr *recordReader) next() (*warcRecord, error) {
	var line []byte
	var err error
	for { // blank lines between records are tolerated
		line, err = rr.line()
		if err == io.EOF && len(line) == 0 {
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		if len(line) > 0 {
			break
		}
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return nil, fmt.Errorf("%w: starts with %.20q", ErrNotWARC, line)
	}
	rec := &warcRecord{version: string(line), header: map[string]string{}}
	var last string
	total := 0
	for {
		line, err = rr.line()
		if err == io.EOF {
			return nil, fmt.Errorf("%w: WARC record header ends early", ErrTruncated)
		} else if err != nil {
			return nil, err
		}
		if total += len(line); total > maxWARCHeader {
			return nil, fmt.Errorf("%w: WARC header over %d bytes", ErrCorrupt, maxWARCHeader)
		}
		if len(line) == 0 {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			rec.header[last] += " " + strings.TrimSpace(string(line))
			continue
		}
		k, v, ok := strings.Cut(string(line), ":")
		if !ok {
			continue
		}
		last = strings.ToLower(strings.TrimSpace(k))
		rec.header[last] = strings.TrimSpace(v)
	}
	n, err := strconv.ParseInt(rec.get("Content-Length"), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: WARC Content-Length %q", ErrCorrupt, rec.get("Content-Length"))
	}
	rec.length = n
	wanted := rr.want(rec)
	switch {
	case wanted && n <= rr.maxDoc:
		rec.payload = make([]byte, n)
		got, err := io.ReadFull(rr.br, rec.payload)
		rr.pos += int64(got)
		if err != nil {
			return nil, truncatedPayload(err, n, int64(got))
		}
	default:
		rec.over = wanted
		if wanted {
			h := make([]byte, headLen)
			got, err := io.ReadFull(rr.br, h)
			rr.pos += int64(got)
			if err != nil {
				return nil, truncatedPayload(err, n, int64(got))
			}
			rec.head = h
			n -= int64(got)
		}
		got, err := rr.br.Discard(int(n))
		rr.pos += int64(got)
		if err != nil {
			return nil, truncatedPayload(err, rec.length, rec.length-n+int64(got))
		}
	}
	// The record ends with two CRLFs; be lenient about missing or bare LFs.
	for range 4 {
		b, err := rr.br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			break
		}
		rr.br.Discard(1)
		rr.pos++
	}
	return rec, nil
}

func truncatedPayload(err error, want, got int64) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: WARC record of %d bytes ends after %d", ErrTruncated, want, got)
	}
	return err
}

// line reads one header line without its line ending.
func (rr *recordReader) line() ([]byte, error) {
	l, err := rr.br.ReadSlice('\n')
	rr.pos += int64(len(l))
	if err == bufio.ErrBufferFull {
		return nil, fmt.Errorf("%w: WARC header line over %d bytes", ErrCorrupt, rr.br.Size())
	}
	l = bytes.TrimSuffix(l, []byte("\n"))
	l = bytes.TrimSuffix(l, []byte("\r"))
	return l, err
}

// wantRecord reports whether a record can hold an article: HTTP responses
// and stored resources. Requests, metadata, revisits and warcinfo are not.
func wantRecord(rec *warcRecord) bool {
	switch strings.ToLower(rec.get("WARC-Type")) {
	case "response", "resource", "conversion":
		return true
	}
	return false
}

// warcScanner iterates over the records of a WARC file, plain or gzip.
type warcScanner struct {
	cr       *countingReader
	rr       recordReader
	zr       *gzip.Reader // nil for a plain file
	maxDec   int64
	member   int64 // offset of the current gzip member
	inMember bool
}

func newWARCScanner(br *bufio.Reader, o Options) *warcScanner {
	s := &warcScanner{cr: &countingReader{br: br}, maxDec: o.MaxDecompressed}
	s.rr.maxDoc, s.rr.want = o.MaxDocBytes, wantRecord
	if isGzip(br) {
		s.zr = new(gzip.Reader)
	} else {
		s.rr.br = bufio.NewReaderSize(s.cr, bufSize)
	}
	return s
}

// next returns the next record and where it starts: off is the record's
// offset in a plain file, or its gzip member's offset in a compressed one,
// and in is the record's position inside that member (0 for the first
// record of a member, which in a .warc.gz is every record). At the end of
// the file it returns io.EOF; on damage, an error at the same position.
func (s *warcScanner) next() (rec *warcRecord, off, in int64, err error) {
	if s.zr == nil {
		off = s.rr.pos
		rec, err = s.rr.next()
		return rec, off, 0, err
	}
	for {
		if !s.inMember {
			s.member = s.cr.n
			if err := s.zr.Reset(s.cr); err == io.EOF {
				return nil, s.member, 0, io.EOF
			} else if err != nil {
				return nil, s.member, 0, gzipError(err)
			}
			s.zr.Multistream(false)
			capped := &cappedReader{r: s.zr, max: s.maxDec}
			if s.rr.br == nil {
				s.rr.br = bufio.NewReaderSize(capped, bufSize)
			} else {
				s.rr.br.Reset(capped)
			}
			s.rr.pos, s.inMember = 0, true
		}
		in = s.rr.pos
		rec, err = s.rr.next()
		if err == io.EOF {
			s.inMember = false
			continue
		}
		return rec, s.member, in, err
	}
}

// warc reads a WARC file, plain or gzip-compressed. In a .warc.gz every
// record is normally its own gzip member and its offset is the member's, as
// CDX indexes give it; a record further inside a member (a file gzipped as a
// whole) is named by the member's offset and its position in the member:
// "path#offset=N&in=M". A damaged record is one failure and ends the file:
// a WARC cannot be resynchronised without guessing.
func (r *reader) warc(source string, br *bufio.Reader) error {
	s := newWARCScanner(br, r.opts)
	items, records := 0, 0
	for {
		rec, off, in, err := s.next()
		src := fmt.Sprintf("%s#offset=%d", source, off)
		if in > 0 {
			src += fmt.Sprintf("&in=%d", in)
		}
		if err == io.EOF {
			if items == 0 {
				// Otherwise the file would pass as "ingested 0, failed 0".
				return r.fail(source, fmt.Errorf("%w: no article in the WARC (%d records, none a text or HTML response or resource)", ErrNoText, records))
			}
			return nil
		}
		records++
		items++
		if err != nil {
			return r.fail(src, err)
		}
		// A crawl may hold millions of records that are not articles:
		// cancellation must not wait for the next document.
		if err := r.ctx.Err(); err != nil {
			return err
		}
		doc, err := warcDocument(rec, r.opts)
		if doc == nil && err == nil {
			items--
			continue // not an article: a request, an image, a redirect
		}
		if err := r.emit(Item{Doc: doc, Source: src, Err: err}); err != nil {
			return err
		}
	}
}

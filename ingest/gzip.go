package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/gzip"
)

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// isGzip reports whether br's next bytes are a gzip header.
func isGzip(br *bufio.Reader) bool {
	b, _ := br.Peek(2)
	return len(b) == 2 && b[0] == gzipMagic[0] && b[1] == gzipMagic[1]
}

// cappedReader passes reads through until max bytes have been read, then
// fails with ErrBomb: a decompression bomb costs at most max bytes of work.
type cappedReader struct {
	r   io.Reader
	n   int64
	max int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n > c.max {
		return 0, c.err()
	}
	if rest := c.max + 1 - c.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		return n - int(c.n-c.max), c.err()
	}
	return n, gzipError(err)
}

func (c *cappedReader) err() error {
	return fmt.Errorf("%w: gzip stream decompresses to more than %d bytes", ErrBomb, c.max)
}

// gzipError names the usual gzip failures in the package's terms.
func gzipError(err error) error {
	switch {
	case err == nil || err == io.EOF:
		return err
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: gzip stream ends early", ErrTruncated)
	case errors.Is(err, ErrBomb), errors.Is(err, ErrTruncated), errors.Is(err, ErrCorrupt):
		return err
	}
	// Checksum, header and flate errors: the stream is damaged.
	return fmt.Errorf("%w: gzip: %v", ErrCorrupt, err)
}

// gunzip returns a reader of the decompressed bytes of all members of the
// gzip stream in br, capped at max bytes.
func gunzip(br *bufio.Reader, max int64) (io.Reader, error) {
	zr, err := gzip.NewReader(br)
	if err == io.EOF {
		return nil, fmt.Errorf("%w: gzip stream ends in its header", ErrTruncated)
	} else if err != nil {
		return nil, gzipError(err)
	}
	return &cappedReader{r: zr, max: max}, nil
}

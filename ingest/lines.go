package ingest

import (
	"bufio"
	"bytes"
	"io"
)

// lineReader yields the lines of a stream one at a time and never holds more
// than max bytes of one line: the rest of an over-long line is read and
// dropped as it streams by, so a 100 MB line costs a buffer of max bytes.
type lineReader struct {
	br  *bufio.Reader
	max int64
	buf []byte
	n   int // number of the line last returned, from 1
}

func newLineReader(in io.Reader, max int64) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(in, bufSize), max: max}
}

// next returns the next line without its line ending ("\n" or "\r\n"). When
// the line is longer than max, line is nil, long is true and size says how
// many bytes it took, line ending included. At the end of input next returns io.EOF; a read error (a
// truncated gzip stream) ends the line it happened in.
func (l *lineReader) next() (line []byte, size int64, long bool, err error) {
	l.buf = l.buf[:0]
	var read int64
	for {
		chunk, err := l.br.ReadSlice('\n')
		read += int64(len(chunk))
		if !long {
			body := int64(len(l.buf) + len(chunk))
			if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
				body-- // the newline does not count against the cap
			}
			if body > l.max {
				long = true
				l.buf = l.buf[:0]
			} else {
				l.grow(len(chunk))
				l.buf = append(l.buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			if read == 0 {
				return nil, 0, false, io.EOF
			}
		default:
			l.n++
			return nil, read, long, err
		}
		break
	}
	l.n++
	size = read
	line = bytes.TrimSuffix(l.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if long {
		line = nil
	}
	// A buffer grown by one huge line is let go, so a file with one such
	// line does not pin max bytes for the rest of its lines.
	if cap(l.buf) > 1<<20 && len(l.buf) < 1<<16 {
		l.buf = nil
	}
	return line, size, long, nil
}

// grow makes room for n more bytes by doubling, not by append's gentler
// growth for large slices, which would copy a long line many times over.
func (l *lineReader) grow(n int) {
	if len(l.buf)+n <= cap(l.buf) {
		return
	}
	c := max(2*cap(l.buf), len(l.buf)+n, 4096)
	if lim := l.max + int64(l.br.Size()) + 1; int64(c) > lim {
		c = int(lim)
	}
	b := make([]byte, len(l.buf), c)
	copy(b, l.buf)
	l.buf = b
}

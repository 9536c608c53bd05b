package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encodings reported in Document.Encoding.
const (
	EncUTF8        = "utf-8"
	EncUTF8BOM     = "utf-8-bom"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1252 = "windows-1252"
)

// sniffLen is how much of an input the binary test looks at: enough to judge,
// little enough to cost nothing on large files.
const sniffLen = 64 << 10

// DecodeText turns the bytes of a plain-text document into UTF-8 text and
// names the encoding it found. A UTF-8 byte order mark is stripped (reported
// as "utf-8-bom"); a UTF-16 byte order mark selects UTF-16; bytes that are not
// valid UTF-8 are read as Windows-1252, a superset of Latin-1 for printable
// text. It refuses binary input (NUL bytes, or many control bytes) with
// ErrBinary and input with no visible text with ErrEmpty.
func DecodeText(b []byte) (text, enc string, err error) {
	if len(b) == 0 {
		return "", "", ErrEmpty
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, enc = b[3:], EncUTF8BOM
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b, unicode.LittleEndian, EncUTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b, unicode.BigEndian, EncUTF16BE)
	}
	if err := checkBinary(b); err != nil {
		return "", "", err
	}
	switch {
	case utf8.Valid(b) && enc == "":
		text, enc = string(b), EncUTF8
	case enc == EncUTF8BOM:
		// The mark says UTF-8: keep that reading and replace stray bytes
		// rather than second-guess the whole file.
		text = strings.ToValidUTF8(string(b), "\uFFFD")
	default:
		text, enc = decodeWindows1252(b), EncWindows1252
	}
	if strings.TrimSpace(text) == "" {
		return "", enc, ErrEmpty
	}
	return text, enc, nil
}

func decodeUTF16(b []byte, e unicode.Endianness, name string) (string, string, error) {
	out, err := unicode.UTF16(e, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return "", name, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return "", name, fmt.Errorf("%w: NUL characters in %s text", ErrBinary, name)
	}
	text := string(out)
	if strings.TrimSpace(text) == "" {
		return "", name, ErrEmpty
	}
	return text, name, nil
}

// decodeWindows1252 decodes every byte; the five bytes Windows-1252 leaves
// undefined come out as the C1 controls of Latin-1, so nothing is lost.
func decodeWindows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// checkBinary refuses input whose head holds a NUL byte or where more than
// one byte in ten is a control byte other than white space: text in any
// 8-bit or UTF-8 encoding has next to none, images and archives have many.
func checkBinary(b []byte) error {
	head := b[:min(len(b), sniffLen)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	ctl := 0
	for _, c := range head {
		if isControl(c) {
			ctl++
		}
	}
	if ctl*10 > len(head) {
		return fmt.Errorf("%w: %d of the first %d bytes are control bytes", ErrBinary, ctl, len(head))
	}
	return nil
}

func isControl(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r':
		return false
	}
	return c < 0x20 || c == 0x7F
}

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
	// EncUTF8Lossy is UTF-8 text with a few invalid bytes (a cut or mixed
	// file), each replaced by U+FFFD.
	EncUTF8Lossy = "utf-8-lossy"
)

// sniffLen is how much of an input the binary test looks at: enough to judge,
// little enough to cost nothing on large files.
const sniffLen = 64 << 10

// DecodeText turns the bytes of a plain-text document into UTF-8 text and
// names the encoding it found. A UTF-8 byte order mark is stripped (reported
// as "utf-8-bom"); a UTF-16 byte order mark selects UTF-16; input that is
// not valid UTF-8 is read as Windows-1252 (a superset of Latin-1 for
// printable text), unless it is mostly valid UTF-8 with a few bad bytes,
// which are then replaced ("utf-8-lossy"). It refuses binary input (NUL bytes, or many control bytes) with
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
	if enc == EncUTF8BOM {
		// The mark says UTF-8: keep that reading and replace stray bytes
		// rather than second-guess the whole file.
		text = strings.ToValidUTF8(string(b), "\uFFFD")
	} else {
		text, enc = decodeUnknown(b)
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

// decodeUnknown decodes bytes of no declared encoding: UTF-8 when valid,
// damaged UTF-8 when mostly valid, Windows-1252 otherwise.
func decodeUnknown(b []byte) (string, string) {
	switch {
	case utf8.Valid(b):
		return string(b), EncUTF8
	case mostlyUTF8(b):
		return strings.ToValidUTF8(string(b), "\uFFFD"), EncUTF8Lossy
	}
	return decodeWindows1252(b), EncWindows1252
}

// mostlyUTF8 reports whether b holds more valid multi-byte UTF-8 characters
// than invalid bytes: then it is damaged UTF-8, not Windows-1252, whose
// accented letters are single bytes that are almost never valid UTF-8.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good > bad
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

package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusSeeds adds every fixture file to a fuzz target's seed corpus.
func corpusSeeds(f *testing.F, match func(name string) bool) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		if !match(filepath.Base(p)) {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// known reports whether err wraps one of the package's reasons.
func known(err error) bool {
	for _, e := range []error{ErrBinary, ErrEmpty, ErrTooLarge, ErrLineTooLong, ErrBomb, ErrTruncated,
		ErrCorrupt, ErrInvalidJSON, ErrNoText, ErrNotWARC, ErrUnsupportedEnc} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func FuzzDecodeText(f *testing.F) {
	corpusSeeds(f, func(n string) bool { return strings.HasSuffix(n, ".txt") })
	f.Add([]byte("caf\xe9 \x93x\x94"))
	f.Add([]byte("\xef\xbb\xbfbom \xff"))
	f.Add([]byte("\xff\xfeA\x00"))
	f.Add([]byte("mostly \xc3\xa9\xc3\xa9 utf-8 \xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, enc, err := DecodeText(b)
		if err != nil {
			if !known(err) {
				t.Fatalf("unknown error %v", err)
			}
			return
		}
		if !utf8.ValidString(text) || strings.TrimSpace(text) == "" {
			t.Fatalf("text %q (%s) is invalid or blank", text, enc)
		}
		switch enc {
		case EncUTF8:
			if text != string(b) {
				t.Fatal("valid UTF-8 was changed")
			}
		case EncUTF8BOM:
			if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
				t.Fatal("utf-8-bom without a mark")
			}
		case EncWindows1252:
			if utf8.RuneCountInString(text) != len(b) {
				t.Fatalf("windows-1252: %d runes from %d bytes", utf8.RuneCountInString(text), len(b))
			}
		case EncUTF8Lossy, EncUTF16LE, EncUTF16BE:
		default:
			t.Fatalf("unknown encoding %q", enc)
		}
	})
}

func FuzzJSONLLine(f *testing.F) {
	f.Add([]byte(`{"text":"a","title":"t","date":"2020-01-02","author":["a","b"],"n":1}`))
	f.Add([]byte(`{"html":"<p>para one</p><p>para two</p>","url":"https://x.org/a"}`))
	f.Add([]byte(`{"text":null,"html":""}`))
	f.Add([]byte(`[1,2]`))
	f.Add([]byte("{\"text\":\"caf\xe9\"}"))
	f.Add([]byte(`{"text":12345}`))
	f.Add([]byte(`{"text":"x","date":"yesterday"}`))
	r := &reader{opts: DefaultOptions()}
	f.Fuzz(func(t *testing.T, line []byte) {
		doc, _, err := r.jsonlDocument(line)
		if err != nil {
			if doc != nil || !known(err) {
				t.Fatalf("doc %v with error %v", doc, err)
			}
			return
		}
		if doc.Format != FormatJSONL || strings.TrimSpace(doc.Text) == "" || !utf8.ValidString(doc.Text) {
			t.Fatalf("bad document: format %q text %q", doc.Format, doc.Text)
		}
		if doc.Date != "" {
			if _, ok := NormalizeDate(doc.Date); !ok || doc.DateSource == "" {
				t.Fatalf("date %q from %q is not ISO", doc.Date, doc.DateSource)
			}
		}
	})
}

// FuzzLineReader checks the capped line splitter against bytes.Split.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("a\nbb\r\nccc\n\nlast"), uint16(2))
	f.Add([]byte(strings.Repeat("x", 70000)+"\nshort\n"), uint16(100))
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		want := bytes.Split(data, []byte("\n"))
		if len(want) > 0 && len(want[len(want)-1]) == 0 {
			want = want[:len(want)-1] // a final newline ends the last line
		}
		lr := newLineReader(bytes.NewReader(data), int64(max))
		for i := 0; ; i++ {
			line, _, long, err := lr.next()
			if err == io.EOF {
				if i != len(want) {
					t.Fatalf("%d lines, want %d", i, len(want))
				}
				return
			}
			if err != nil || i >= len(want) {
				t.Fatalf("line %d: err %v, %d lines expected", i+1, err, len(want))
			}
			w := bytes.TrimSuffix(want[i], []byte("\r"))
			if long != (len(want[i]) > int(max)) || (!long && !bytes.Equal(line, w)) {
				t.Fatalf("line %d: %q long=%v, want %q (max %d)", i+1, line, long, w, max)
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	corpusSeeds(f, func(n string) bool { return strings.HasSuffix(n, ".html") || n == "noext" })
	f.Add([]byte(articlePage(1, 3)))
	f.Add([]byte(`<html><head><meta charset="windows-1252"><title>x</title></head><body><p>caf` + "\xe9" + ` au lait</p></body></html>`))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"datePublished":"2020-02-03"}]}</script><time datetime="2019-01-01">x</time><p>text</p>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		doc, err := htmlDocument(page, "", "")
		if err != nil {
			if doc != nil || !known(err) {
				t.Fatalf("doc with error %v", err)
			}
			return
		}
		if strings.TrimSpace(doc.Text) == "" || !utf8.ValidString(doc.Text) || !bytes.Equal(doc.Raw, page) {
			t.Fatalf("bad document: text %q", doc.Text)
		}
		if strings.Contains(doc.Text, "\n\n\n") {
			t.Fatalf("paragraphs separated by more than one blank line: %q", doc.Text)
		}
	})
}

func FuzzWARC(f *testing.F) {
	corpusSeeds(f, func(n string) bool { return strings.Contains(n, ".warc") })
	f.Add(warcRec("resource", "https://e.org/", "text/html", []byte("<p>hello there</p>")))
	f.Add(warcRec("response", "https://e.org/", "application/http", []byte("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nxx")))
	opts := DefaultOptions()
	opts.MaxDecompressed = 1 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		s := newWARCScanner(bufio.NewReader(bytes.NewReader(data)), opts)
		last := int64(-1)
		for range 1000 {
			rec, off, in, err := s.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !known(err) {
					t.Fatalf("unknown error %v", err)
				}
				return
			}
			pos := off<<20 + in
			if pos <= last && in == 0 {
				t.Fatalf("offset %d after %d", off, last)
			}
			last = pos
			if rec.payload != nil && int64(len(rec.payload)) != rec.length {
				t.Fatalf("payload of %d bytes, Content-Length %d", len(rec.payload), rec.length)
			}
			doc, err := warcDocument(rec, opts)
			if err != nil && !known(err) {
				t.Fatalf("unknown error %v", err)
			}
			if doc != nil && (doc.Format != FormatWARC || doc.Text == "") {
				t.Fatalf("bad document %+v", doc)
			}
		}
	})
}

// FuzzRead reads arbitrary bytes as stdin, through sniffing and every
// reader: each item is a document or a failure with a known reason.
func FuzzRead(f *testing.F) {
	corpusSeeds(f, func(string) bool { return true })
	opts := Options{MaxDocBytes: 1 << 20, MaxDecompressed: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read(context.Background(), []string{"-"}, bytes.NewReader(data), opts, func(it Item) error {
			if (it.Doc == nil) == (it.Err == nil) || !strings.HasPrefix(it.Source, "stdin") {
				t.Fatalf("item %+v", it)
			}
			if it.Err != nil && !known(it.Err) {
				t.Fatalf("unknown error %v", it.Err)
			}
			if d := it.Doc; d != nil && strings.ContainsRune(d.Text+d.Title+d.Outlet+d.URL+d.Author+d.Date+d.Lang+fmt.Sprint(d.Meta), 0) {
				t.Fatalf("a document holds a NUL character (PostgreSQL text cannot): %+v", d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzJSONString checks the fast string decoder against encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{`"plain"`, `"a\nb\"c\\d\/e\u00e9\ud83d\ude00"`, `"\ud800x"`, `"\udc00\ud800"`, `"\u0041\t"`, "\"caf\xe9\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var want string
		if json.Unmarshal(raw, &want) != nil {
			return // only strings already validated reach jsonString
		}
		got, err := jsonString(raw)
		if err != nil || got != want {
			t.Fatalf("jsonString(%q) = %q, %v; encoding/json %q", raw, got, err, want)
		}
	})
}

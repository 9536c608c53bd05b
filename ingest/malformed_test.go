package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// goodText is a well-formed document put beside every malformed input, to
// prove that a bad input never stops the batch.
const goodText = "The museum reopened on Sunday after a two-year renovation.\n"

// TestMalformed is the malformed-input corpus of Build step 5: each case
// writes bad input beside a good file, and the bad input must yield exactly
// the failures listed (naming the file and record, and the reason) while the
// good documents still come out.
func TestMalformed(t *testing.T) {
	warc1 := warcRec("response", "https://example.com/one", "application/http; msgtype=response", httpHTML(articlePage(1, 5)))
	warc2 := warcRec("response", "https://example.com/two", "application/http; msgtype=response", httpHTML(articlePage(2, 5)))
	warc3 := warcRec("response", "https://example.com/three", "application/http; msgtype=response", httpHTML(articlePage(3, 5)))
	members := [][]byte{gz(t, warc1), gz(t, warc2), gz(t, warc3)}
	jsonlGz := gz(t, []byte(`{"text":"first line"}`+"\n"+`{"text":"second line"}`+"\n"+`{"text":"third line"}`+"\n"+strings.Repeat(`{"text":"more"}`+"\n", 2000)))

	type failure struct {
		source string // relative to the case folder
		reason error
	}
	tests := []struct {
		name  string
		opts  Options
		files func(t *testing.T, dir string)
		fails []failure
		docs  int // good documents expected, goodText included
	}{
		{
			name: "binary file",
			files: func(t *testing.T, dir string) {
				png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3, 250}, 200)...)
				write(t, dir, "image.png", png)
				write(t, dir, "control.txt", bytes.Repeat([]byte("a\x01\x02\x03\x04"), 100))
			},
			fails: []failure{{"control.txt", ErrBinary}, {"image.png", ErrBinary}},
			docs:  1,
		},
		{
			name: "invalid UTF-8 is decoded, not refused",
			files: func(t *testing.T, dir string) {
				write(t, dir, "latin1.txt", []byte("Na\xefve caf\xe9 \x93quotes\x94\n"))
			},
			docs: 2,
		},
		{
			name: "NUL escaped in a JSON text is refused, in metadata replaced",
			files: func(t *testing.T, dir string) {
				write(t, dir, "nul.jsonl", []byte(`{"title":"ok","text":"Alice met Bob.\u0000 Then left."}`+"\n"+
					`{"title":"a\u0000b","outlet":"x\u0000","extra\u0000":"v\u0000","text":"Carol met Dan on Monday."}`+"\n"))
			},
			fails: []failure{{"nul.jsonl:1", ErrBinary}},
			docs:  2,
		},
		{
			name: "empty file",
			files: func(t *testing.T, dir string) {
				write(t, dir, "empty.txt", nil)
				write(t, dir, "blank.txt", []byte(" \r\n\t\n"))
				write(t, dir, "empty.html", nil)
				write(t, dir, "empty.jsonl", []byte("\n\n"))
			},
			fails: []failure{{"blank.txt", ErrEmpty}, {"empty.html", ErrEmpty}, {"empty.txt", ErrEmpty}},
			docs:  1,
		},
		{
			name: "truncated WARC",
			files: func(t *testing.T, dir string) {
				all := append(append([]byte{}, warc1...), warc2...)
				write(t, dir, "cut.warc", all[:len(warc1)+len(warc2)/2])
				write(t, dir, "cut-header.warc", append(append([]byte{}, warc1...), "WARC/1.1\r\nWARC-Type: resp"...))
			},
			fails: []failure{
				{fmt.Sprintf("cut-header.warc#offset=%d", len(warc1)), ErrTruncated},
				{fmt.Sprintf("cut.warc#offset=%d", len(warc1)), ErrTruncated},
			},
			docs: 3,
		},
		{
			name: "truncated WARC gzip member",
			files: func(t *testing.T, dir string) {
				all := append(append(append([]byte{}, members[0]...), members[1]...), members[2]...)
				write(t, dir, "cut.warc.gz", all[:len(members[0])+len(members[1])+len(members[2])/2])
			},
			fails: []failure{{fmt.Sprintf("cut.warc.gz#offset=%d", len(members[0])+len(members[1])), ErrTruncated}},
			docs:  3,
		},
		{
			name: "truncated gzip",
			files: func(t *testing.T, dir string) {
				// Without its 8-byte trailer every line decodes, and the
				// stream then ends where the checksum should be.
				write(t, dir, "cut.jsonl.gz", jsonlGz[:len(jsonlGz)-8])
				write(t, dir, "cut.txt.gz", gz(t, []byte(goodText))[:20])
				write(t, dir, "header.txt.gz", []byte{0x1f, 0x8b, 8})
			},
			// The JSON Lines file keeps its 2003 lines.
			fails: []failure{{"cut.jsonl.gz:2004", ErrTruncated}, {"cut.txt.gz", ErrTruncated}, {"header.txt.gz", ErrTruncated}},
			docs:  1 + 2003,
		},
		{
			name: "corrupt gzip",
			files: func(t *testing.T, dir string) {
				b := gz(t, []byte(strings.Repeat(goodText, 50)))
				b[len(b)-6] ^= 0xff // the CRC-32
				write(t, dir, "crc.txt.gz", b)
			},
			fails: []failure{{"crc.txt.gz", ErrCorrupt}},
			docs:  1,
		},
		{
			name: "decompression bomb",
			opts: Options{MaxDecompressed: 2 << 20},
			files: func(t *testing.T, dir string) {
				// 4 MiB of blank lines: small on disk, twice the cap when
				// decompressed; the cap stops it at 2 MiB, in line 33.
				write(t, dir, "bomb.jsonl.gz", gzStream(t, 4<<20, append(bytes.Repeat([]byte(" "), 64<<10-1), '\n')))
				// One WARC record claiming 4 MiB of zeros.
				var rec bytes.Buffer
				rec.WriteString("WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 4194304\r\n\r\n")
				rec.Write(make([]byte, 4<<20))
				write(t, dir, "bomb.warc.gz", append(append([]byte{}, members[0]...), gz(t, rec.Bytes())...))
				write(t, dir, "bomb.txt.gz", gzStream(t, 4<<20, []byte("a")))
			},
			fails: []failure{
				{"bomb.jsonl.gz:33", ErrBomb},
				{"bomb.txt.gz", ErrBomb},
				{fmt.Sprintf("bomb.warc.gz#offset=%d", len(members[0])), ErrBomb},
			},
			docs: 2,
		},
		{
			// The cap is configurable; a small one keeps the race
			// detector's run short (the default is checked below).
			name: "document over the size cap",
			opts: Options{MaxDocBytes: 1 << 20},
			files: func(t *testing.T, dir string) {
				big := bytes.Repeat([]byte(goodText), (1<<20)/len(goodText)+1)
				write(t, dir, "big.txt", big)
				write(t, dir, "big.html", append([]byte("<html><body><p>"), big...))
				// Under the default caps a field over the document cap is
				// also a line over the line cap.
				fits := bytes.Repeat([]byte("word "), (1<<20-100)/5)
				write(t, dir, "big.jsonl", fmt.Appendf(nil, "{\"text\":%q}\n{\"text\":%q}\n", fits, big))
				write(t, dir, "big.warc", append(warcRec("resource", "https://example.com/big", "text/html", big), warc1...))
			},
			fails: []failure{
				{"big.html", ErrTooLarge},
				{"big.jsonl:2", ErrLineTooLong},
				{"big.txt", ErrTooLarge},
				{"big.warc#offset=0", ErrTooLarge},
			},
			docs: 3,
		},
		{
			name: "JSON Lines field over the size cap",
			opts: Options{MaxDocBytes: 1 << 20, MaxLine: 4 << 20},
			files: func(t *testing.T, dir string) {
				big := strings.Repeat("word ", 300<<10)
				write(t, dir, "fields.jsonl", fmt.Appendf(nil, "{\"text\":%q}\n{\"html\":%q}\n{\"text\":\"fits\"}\n", big, "<p>"+big))
			},
			fails: []failure{{"fields.jsonl:1", ErrTooLarge}, {"fields.jsonl:2", ErrTooLarge}},
			docs:  2,
		},
		{
			name:  "non-WARC content",
			files: func(t *testing.T, dir string) { write(t, dir, "junk.warc", []byte("this is not a WARC file\r\n")) },
			fails: []failure{{"junk.warc#offset=0", ErrNotWARC}},
			docs:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "good.txt", []byte(goodText))
			tt.files(t, dir)
			var fails []failure
			docs := 0
			for _, it := range readAll(t, []string{dir}, nil, tt.opts) {
				rel, err := filepath.Rel(dir, it.Source)
				if err != nil {
					t.Fatal(err)
				}
				if it.Err == nil {
					docs++
					continue
				}
				if strings.Contains(it.Err.Error(), "\n") {
					t.Errorf("%s: error message is not one line: %q", rel, it.Err)
				}
				t.Logf("%s: %v", rel, it.Err)
				fails = append(fails, failure{rel, it.Err})
			}
			if len(fails) != len(tt.fails) {
				t.Fatalf("got %d failures %v, want %d", len(fails), fails, len(tt.fails))
			}
			for i, f := range fails {
				if f.source != tt.fails[i].source || !errors.Is(f.reason, tt.fails[i].reason) {
					t.Errorf("failure %d: %s: %v; want %s: %v", i, f.source, f.reason, tt.fails[i].source, tt.fails[i].reason)
				}
			}
			if docs != tt.docs {
				t.Errorf("got %d documents, want %d", docs, tt.docs)
			}
		})
	}
}

func TestDefaultCaps(t *testing.T) {
	o, err := Options{}.normalize()
	if err != nil {
		t.Fatal(err)
	}
	if o.MaxDocBytes != 10<<20 || o.MaxLine != 10<<20 || o.MaxDecompressed != 1<<30 || o != func() Options { d, _ := DefaultOptions().normalize(); return d }() {
		t.Errorf("zero options normalize to %+v", o)
	}
	o, _ = Options{MaxDocBytes: -1, MaxLine: 5}.normalize()
	if o.MaxDocBytes < 1<<60 || o.MaxLine != 5 {
		t.Errorf("no cap / explicit cap: %+v", o)
	}
}

// gzStream compresses n bytes made of copies of pattern (whose length
// divides 1 MiB) without holding them.
func gzStream(t *testing.T, n int, pattern []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	chunk := bytes.Repeat(pattern, (1<<20)/len(pattern))
	for i := 0; i < n; i += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHugeLine streams a JSON Lines file whose second line is 100 MB: that
// line is one failure, the lines around it are documents, and the reader
// never holds the line: it allocates far less than the line's size.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100 MB file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(`{"text":"before the long line"}` + "\n")
	w.WriteString(`{"text":"`)
	chunk := bytes.Repeat([]byte("all work and no play "), 1<<16)
	const size = 100 << 20
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	w.WriteString("\"}\n" + `{"text":"after the long line"}` + "\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	items := readAll(t, []string{p}, nil, DefaultOptions())
	runtime.ReadMemStats(&after)

	if len(items) != 3 {
		t.Fatalf("got %d items, want 3", len(items))
	}
	if items[0].Err != nil || items[2].Err != nil || items[2].Doc.Text != "after the long line" {
		t.Errorf("lines around the long one: %+v, %+v", items[0], items[2])
	}
	if !errors.Is(items[1].Err, ErrLineTooLong) || items[1].Source != p+":2" {
		t.Errorf("long line: %s: %v", items[1].Source, items[1].Err)
	}
	// The line buffer may grow to the 10 MB cap before the line is known
	// to be too long; anything near 100 MB means the line was held.
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 40<<20 {
		t.Errorf("reading allocated %d MB for a 100 MB line", alloc>>20)
	}
	t.Logf("reading a 100 MB line allocated %.1f MB in all", float64(alloc)/(1<<20))
}

// TestNULInMetadata: a NUL escaped in a JSON field other than the text is
// replaced, so the document is stored alike by both stores (PostgreSQL's
// text cannot hold NUL) and nothing else of it changes.
func TestNULInMetadata(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "m.jsonl", []byte(`{"title":"a\u0000b","outlet":"x\u0000","extra\u0000":"v\u0000","text":"Carol met Dan."}`+"\n"))
	items := readAll(t, []string{dir}, nil, Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	d := items[0].Doc
	if d.Title != "a\uFFFDb" || d.Outlet != "x\uFFFD" || d.Meta["extra\uFFFD"] != "v\uFFFD" || len(d.Meta) != 1 || d.Text != "Carol met Dan." {
		t.Errorf("title %q outlet %q meta %q text %q", d.Title, d.Outlet, d.Meta, d.Text)
	}
}

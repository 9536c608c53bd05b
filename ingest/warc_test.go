package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	warc "github.com/internetarchive/gowarc"
)

// TestWARCAgainstGowarc reads the fixture crawl with gowarc, the reference
// WARC library, and checks that our reader finds the same records at the
// same offsets with the same payloads.
func TestWARCAgainstGowarc(t *testing.T) {
	for _, name := range []string{"crawl.warc.gz", "crawl.warc"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "corpus", name)
			want := gowarcRecords(t, path)
			got := ourRecords(t, path)
			if len(got) != len(want) {
				t.Fatalf("got %d records, gowarc %d", len(got), len(want))
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := range want {
				// Every offset, plain or compressed, is where a reader
				// seeking into the file finds the record.
				if head := recordAt(t, raw, got[i].offset); !bytes.HasPrefix(head, []byte("WARC/1.")) {
					t.Errorf("record %d: offset %d starts with %.10q", i, got[i].offset, head)
				}
				if want[i].offset >= 0 && got[i].offset != want[i].offset {
					t.Errorf("record %d: offset %d, gowarc %d", i, got[i].offset, want[i].offset)
				}
				if got[i].typ != want[i].typ || got[i].uri != want[i].uri || !bytes.Equal(got[i].payload, want[i].payload) {
					t.Errorf("record %d: %s %s (%d bytes), gowarc %s %s (%d bytes)", i, got[i].typ, got[i].uri, len(got[i].payload), want[i].typ, want[i].uri, len(want[i].payload))
				}
			}
		})
	}
}

// recordAt returns the first bytes of the (decompressed) record at off.
func recordAt(t *testing.T, raw []byte, off int64) []byte {
	t.Helper()
	b := raw[off:]
	if !bytes.HasPrefix(b, gzipMagic) {
		return b[:min(len(b), 16)]
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("no gzip member at %d: %v", off, err)
	}
	head := make([]byte, 16)
	n, _ := io.ReadFull(zr, head)
	return head[:n]
}

type simpleRecord struct {
	offset  int64
	typ     string
	uri     string
	payload []byte
}

func gowarcRecords(t *testing.T, path string) []simpleRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := warc.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []simpleRecord
	for {
		rec, err := r.ReadRecord()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("gowarc: %v", err)
		}
		b, err := io.ReadAll(rec.Content)
		if err != nil {
			t.Fatal(err)
		}
		rec.Content.Close()
		out = append(out, simpleRecord{rec.Offset, rec.Header.Get("WARC-Type"), rec.Header.Get("WARC-Target-URI"), b})
	}
	return out
}

// ourRecords lists every record with warcScanner, keeping all payloads.
func ourRecords(t *testing.T, path string) []simpleRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := newWARCScanner(bufio.NewReader(f), DefaultOptions())
	s.rr.want = func(*warcRecord) bool { return true }
	var out []simpleRecord
	for {
		rec, off, in, err := s.next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if in != 0 {
			t.Errorf("record at %d is %d bytes into its gzip member", off, in)
		}
		out = append(out, simpleRecord{off, rec.get("WARC-Type"), rec.get("WARC-Target-URI"), rec.payload})
	}
}

// TestWARCWholeFileGzip reads a WARC gzipped as one stream (not one member
// per record): every record is found and named by its position in the
// member.
func TestWARCWholeFileGzip(t *testing.T) {
	r1 := warcRec("response", "https://example.com/1", "application/http; msgtype=response", httpHTML(articlePage(1, 4)))
	r2 := warcRec("request", "https://example.com/2", "application/http; msgtype=request", []byte("GET /2 HTTP/1.1\r\n\r\n"))
	r3 := warcRec("response", "https://example.com/3", "application/http; msgtype=response", httpHTML(articlePage(3, 4)))
	dir := t.TempDir()
	p := write(t, dir, "whole.warc.gz", gz(t, bytes.Join([][]byte{r1, r2, r3}, nil)))
	items := readAll(t, []string{p}, nil, DefaultOptions())
	want := []string{p + "#offset=0", fmt.Sprintf("%s#offset=0&in=%d", p, len(r1)+len(r2))}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d", len(items), len(want))
	}
	for i, it := range items {
		if it.Err != nil || it.Source != want[i] || it.Doc.URL != fmt.Sprintf("https://example.com/%d", 2*i+1) {
			t.Errorf("item %d: %s %v; want %s", i, it.Source, it.Err, want[i])
		}
	}
}

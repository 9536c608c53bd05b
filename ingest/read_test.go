package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// readAll runs Read and collects its items.
func readAll(t *testing.T, paths []string, stdin []byte, opts Options) []Item {
	t.Helper()
	var items []Item
	var in *bytes.Reader
	if stdin != nil {
		in = bytes.NewReader(stdin)
	}
	err := Read(context.Background(), paths, in, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return items
}

// write creates a file under dir with the given content, making folders.
func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadSeeds(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	items := readAll(t, []string{dir}, nil, DefaultOptions())
	if len(items) != 5 {
		t.Fatalf("got %d items, want 5", len(items))
	}
	for i, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Source, it.Err)
			continue
		}
		d := it.Doc
		raw, err := os.ReadFile(it.Source)
		if err != nil {
			t.Fatal(err)
		}
		// Seeds are UTF-8 text: Text must be the file's bytes, unchanged,
		// so every offset the cleaner computes is an offset in the file.
		if d.Text != strings.TrimPrefix(string(raw), "\ufeff") {
			t.Errorf("%s: Text differs from the file", it.Source)
		}
		if d.Format != FormatTXT || d.Encoding == "" || d.ID != "" || d.Regions != nil {
			t.Errorf("%s: format %q encoding %q id %q regions %v", it.Source, d.Format, d.Encoding, d.ID, d.Regions)
		}
		if i > 0 && items[i-1].Source >= it.Source {
			t.Errorf("order: %s before %s", items[i-1].Source, it.Source)
		}
	}
}

func TestReadDirectoryOrderAndHidden(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte("second"))
	write(t, dir, "a/z.txt", []byte("first"))
	write(t, dir, ".hidden.txt", []byte("hidden"))
	write(t, dir, ".git/x.txt", []byte("hidden folder"))
	write(t, dir, "c.md", []byte("sniffed as text"))
	items := readAll(t, []string{dir}, nil, DefaultOptions())
	var got []string
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Source, it.Err)
		}
		got = append(got, it.Doc.Text)
	}
	want := []string{"first", "second", "sniffed as text"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReadOptions(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", []byte(`{"text":"dated","date":"2014-06-10","outlet":"X"}`+"\n"+`{"text":"undated"}`+"\n"))
	items := readAll(t, []string{p}, nil, Options{Outlet: "Flag Outlet", Date: "2015-01-02"})
	if len(items) != 2 {
		t.Fatalf("got %d items", len(items))
	}
	tests := []struct{ date, src, outlet string }{
		{"2014-06-10", "jsonl", "Flag Outlet"},
		{"2015-01-02", "flag", "Flag Outlet"},
	}
	for i, tt := range tests {
		d := items[i].Doc
		if d.Date != tt.date || d.DateSource != tt.src || d.Outlet != tt.outlet {
			t.Errorf("item %d: date %q (%s) outlet %q; want %q (%s) %q", i, d.Date, d.DateSource, d.Outlet, tt.date, tt.src, tt.outlet)
		}
	}
	err := Read(context.Background(), []string{p}, nil, Options{Date: "last June"}, func(Item) error { return nil })
	if err == nil {
		t.Error("an invalid --date was accepted")
	}
}

func TestReadStopsWhenFnFails(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("one"))
	write(t, dir, "b.txt", []byte("two"))
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{dir}, nil, DefaultOptions(), func(Item) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d items; want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Read(ctx, []string{dir}, nil, DefaultOptions(), func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}

func TestReadMissingPathAndStdin(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte("a good document"))
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		name   string
		stdin  []byte
		format string
		text   string
		source string
	}{
		{"text", []byte("plain words on stdin"), FormatTXT, "plain words on stdin", "stdin"},
		{"gzip text", gz(t, []byte("compressed words")), FormatTXT, "compressed words", "stdin"},
		{"json lines", []byte(`{"text":"a record"}` + "\n"), FormatJSONL, "a record", "stdin:1"},
		{"gzip json lines", gz(t, []byte(`{"text":"a record"}`+"\n")), FormatJSONL, "a record", "stdin:1"},
		{"html", []byte(articlePage(7, 3)), FormatHTML, "", "stdin"},
		{"warc", warcRec("resource", "https://example.com/r", "text/html", []byte(articlePage(8, 3))), FormatWARC, "", "stdin#offset=0"},
		{"warc.gz", gz(t, warcRec("resource", "https://example.com/r", "text/html", []byte(articlePage(8, 3)))), FormatWARC, "", "stdin#offset=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := readAll(t, []string{missing, "-", good}, tt.stdin, DefaultOptions())
			if len(items) != 3 {
				t.Fatalf("got %d items, want 3", len(items))
			}
			if items[0].Source != missing || !errors.Is(items[0].Err, os.ErrNotExist) {
				t.Errorf("missing path: %s: %v", items[0].Source, items[0].Err)
			}
			it := items[1]
			if it.Err != nil {
				t.Fatalf("stdin: %v", it.Err)
			}
			if it.Source != tt.source || it.Doc.Format != tt.format || it.Doc.Source != tt.source {
				t.Errorf("stdin: source %q format %q; want %q %q", it.Source, it.Doc.Format, tt.source, tt.format)
			}
			if tt.text != "" && it.Doc.Text != tt.text {
				t.Errorf("stdin text %q, want %q", it.Doc.Text, tt.text)
			}
			if tt.text == "" && !strings.Contains(it.Doc.Text, "the committee met on Thursday") {
				t.Errorf("stdin html text %q", it.Doc.Text)
			}
			if items[2].Err != nil || items[2].Doc.Text != "a good document" {
				t.Errorf("good file after stdin: %+v", items[2])
			}
		})
	}
}

func TestSniff(t *testing.T) {
	long := `{"text":"` + strings.Repeat("x", 2*sniffLen) + `"}` + "\n"
	tests := []struct {
		name, content string
		want          kind
	}{
		{"warc", "WARC/1.1\r\nWARC-Type: warcinfo\r\n", kindWARC},
		{"json lines", `{"text":"a"}` + "\n" + `{"text":"b"}`, kindJSONL},
		{"one record, no newline", `{"text":"a"}`, kindJSONL},
		{"first record longer than the head", long, kindJSONL},
		{"pretty-printed JSON", "{\n  \"text\": \"a\"\n}\n", kindTXT},
		{"html", "\n<!DOCTYPE html><html><body><p>x</p></body></html>", kindHTML},
		{"html fragment", "<p>Some text</p>", kindHTML},
		{"text", "Plain words. {not json}", kindTXT},
		{"bom text", "\ufeffPlain words.", kindTXT},
	}
	for _, tt := range tests {
		for _, compressed := range []bool{false, true} {
			content := []byte(tt.content)
			if compressed {
				content = gz(t, content)
			}
			br := bufio.NewReaderSize(bytes.NewReader(content), bufSize)
			head, whole, err := peekContent(br, compressed)
			if err != nil {
				t.Fatal(err)
			}
			if got := sniff(head, whole); got != tt.want {
				t.Errorf("%s (gzip %v): got kind %d, want %d", tt.name, compressed, got, tt.want)
			}
			if br.Buffered() != len(content) && br.Buffered() != bufSize {
				t.Errorf("%s: sniffing consumed input", tt.name)
			}
		}
	}
}

// TestHugeHTMLPage checks that a page with megabytes of text is extracted by
// readability (linear) instead of trafilatura (quadratic in the text).
func TestHugeHTMLPage(t *testing.T) {
	page := articlePage(4, 4000) // about 700 KB of paragraphs
	doc, err := htmlDocument([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["extractor"] != "readability" || strings.Count(doc.Text, "\n\n") < 3999 {
		t.Errorf("extractor %q, %d paragraphs", doc.Meta["extractor"], strings.Count(doc.Text, "\n\n")+1)
	}
	small, err := htmlDocument([]byte(articlePage(4, 20)), "", "")
	if err != nil || small.Meta["extractor"] != "trafilatura" {
		t.Errorf("a normal page: extractor %q, %v", small.Meta["extractor"], err)
	}
}

// TestDeeplyNestedHTML: thousands of unclosed inline tags exceed the HTML
// parser's nesting limit; the page is still read.
func TestDeeplyNestedHTML(t *testing.T) {
	text := strings.Repeat("Old pages nest their formatting tags without end. ", 20)
	page := "<html><body><p>" + strings.Repeat("<font size=2><b>", 600) + text + "</p></body></html>"
	doc, err := htmlDocument([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Old pages nest their formatting tags") {
		t.Errorf("text %q", doc.Text)
	}
	blocks := "<html><body>" + strings.Repeat("<div>", 600) + "<p>x</p>" + "</body></html>"
	if _, err := htmlDocument([]byte(blocks), "", ""); !errors.Is(err, ErrCorrupt) {
		t.Errorf("600 nested blocks: %v, want a corrupt-input error", err)
	}
}

// TestHTMLStructure checks the rendered text of an article's lists, block
// quotes, tables and line breaks: one paragraph per item or row, cells
// separated by tabs, so no two items run together into one sentence.
func TestHTMLStructure(t *testing.T) {
	page := `<html><head><title>Minister resigns</title></head><body><article><h1>Minister resigns</h1>
<p>The transport minister resigned on Wednesday after a week of pressure over the rail contracts, her office said in a statement released in the evening.</p>
<blockquote><p>"I have decided to step down so that the inquiry can do its work," the minister wrote.</p></blockquote>
<p>Opposition leaders welcomed the decision but said it came too late. They listed three demands:</p>
<ul><li>a public inquiry into the contracts</li><li>the release of all correspondence</li><li>a new tender</li></ul>
<table><tr><td>Year</td><td>Cost</td></tr><tr><td>2020</td><td>5m</td></tr></table>
<p>The prime minister is expected to name a successor on Friday, according to two officials who spoke<br>on condition of anonymity.</p>
</article></body></html>`
	doc, err := htmlDocument([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n\n\"I have decided to step down so that the inquiry can do its work,\" the minister wrote.\n\n",
		"\n\na public inquiry into the contracts\n\nthe release of all correspondence\n\na new tender\n\n",
		"\n\nYear\tCost\n\n2020\t5m\n\n",
		"who spoke\non condition of anonymity.",
	} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
}

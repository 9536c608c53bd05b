package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Named pipes and devices given as arguments are refused at once (opening
// a pipe would block for ever); a link to a folder is followed; inside a
// folder, pipes, links to folders, broken links and link loops each get a
// line instead of being passed over silently.
func TestReadOddFiles(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	write(t, articles, "one.txt", []byte("Port reopens\n\nThe port of Dunmore reopened on Monday.\n"))
	if err := syscall.Mkfifo(filepath.Join(articles, "pipe.txt"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(articles, "dangling.txt")))
	must(os.Symlink(filepath.Join(articles, "loop.txt"), filepath.Join(articles, "loop.txt")))
	must(os.Symlink(dir, filepath.Join(articles, "up")))
	must(os.Symlink(articles, filepath.Join(dir, "link")))
	fifo := filepath.Join(dir, "arg.fifo")
	must(syscall.Mkfifo(fifo, 0o644))

	type want struct {
		source, msg string
		skipped     bool
	}
	cases := []struct {
		name  string
		paths []string
		docs  []string
		want  []want
	}{
		{"fifo argument", []string{fifo}, nil, []want{{fifo, "named pipe", false}}},
		{"device argument", []string{"/dev/zero"}, nil, []want{{"/dev/zero", "character device", false}}},
		{"link to a folder", []string{filepath.Join(dir, "link")}, []string{filepath.Join(dir, "link", "one.txt")}, []want{
			{filepath.Join(dir, "link", "dangling.txt"), "broken link", false},
			{filepath.Join(dir, "link", "loop.txt"), "too many levels", false},
			{filepath.Join(dir, "link", "pipe.txt"), "skipped: not a regular file (a named pipe)", true},
			{filepath.Join(dir, "link", "up"), "skipped: link to a folder", true},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan []Item, 1)
			go func() {
				var items []Item
				Read(context.Background(), c.paths, nil, DefaultOptions(), func(it Item) error {
					items = append(items, it)
					return nil
				})
				done <- items
			}()
			var items []Item
			select {
			case items = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Read blocked")
			}
			var docs []string
			var errs []Item
			for _, it := range items {
				if it.Err == nil {
					docs = append(docs, it.Source)
				} else {
					errs = append(errs, it)
				}
			}
			if strings.Join(docs, ",") != strings.Join(c.docs, ",") {
				t.Errorf("documents %q, want %q", docs, c.docs)
			}
			if len(errs) != len(c.want) {
				t.Fatalf("%d failures and notices %v, want %d", len(errs), errs, len(c.want))
			}
			for i, w := range c.want {
				if errs[i].Source != w.source || !strings.Contains(errs[i].Err.Error(), w.msg) || errs[i].Skipped != w.skipped {
					t.Errorf("item %d: %s: %v (skipped %v), want %s: …%s… (skipped %v)", i, errs[i].Source, errs[i].Err, errs[i].Skipped, w.source, w.msg, w.skipped)
				}
			}
		})
	}
}

// A WARC with records but no article is a failure, not "ingested 0".
func TestReadWARCWithoutArticle(t *testing.T) {
	dir := t.TempDir()
	body := "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"
	rec := "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: http://example.org/\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: " +
		itoa(len(body)) + "\r\n\r\n" + body + "\r\n\r\n"
	p := write(t, dir, "crawl.warc", []byte(rec))
	items := readAll(t, []string{p}, nil, DefaultOptions())
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "no article") || items[0].Skipped {
		t.Fatalf("items %+v, want one failure saying there is no article", items)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A JSON Lines record whose text is not a string is refused; a date it
// cannot read leaves the document undated with a notice; ISO 8601's basic
// form is read.
func TestJSONLTextAndDates(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "feed.jsonl", []byte(`{"text": 12345}
{"text": ["a", "b"]}
{"html": {"p": 1}}
{"text": "Port reopens. The port reopened.", "date": "yesterday"}
{"text": "Port closes. The port closed.", "date": "20240101"}
`))
	items := readAll(t, []string{p}, nil, DefaultOptions())
	if len(items) != 5 {
		t.Fatalf("%d items", len(items))
	}
	for i := 0; i < 3; i++ {
		if items[i].Err == nil || !strings.Contains(items[i].Err.Error(), "want a string") {
			t.Errorf("line %d: %v, want an error saying the text must be a string", i+1, items[i].Err)
		}
	}
	if d := items[3].Doc; d == nil || d.Date != "" || !strings.Contains(items[3].Notice, `"yesterday" not understood`) {
		t.Errorf("line 4: doc %+v notice %q", d, items[3].Notice)
	}
	if d := items[4].Doc; d == nil || d.Date != "2024-01-01" || items[4].Notice != "" {
		t.Errorf("line 5: doc %+v notice %q", d, items[4].Notice)
	}
}

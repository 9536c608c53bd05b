package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// benchArticle is one real document from the shared GUM corpus, the input of
// the reader benchmarks (news, interviews, biographies, travel guides...).
type benchArticle struct {
	id, title, author, date, url string
	paras                        []string
}

// gumArticles reads the GUM CoNLL-U files: a document per "# newdoc", its
// metadata from "# meta::" lines, paragraphs from "# newpar" and sentences
// from "# text =".
func gumArticles(b *testing.B) []benchArticle {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(shareddata.Path(b, "data/gum/dep"), "*.conllu"))
	if err != nil || len(files) == 0 {
		b.Skipf("no GUM files: %v", err)
	}
	var out []benchArticle
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		var a *benchArticle
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "# newdoc id = "):
				out = append(out, benchArticle{id: strings.TrimPrefix(line, "# newdoc id = ")})
				a = &out[len(out)-1]
			case a == nil:
			case strings.HasPrefix(line, "# meta::title = "):
				a.title = strings.TrimPrefix(line, "# meta::title = ")
			case strings.HasPrefix(line, "# meta::author = "):
				a.author = strings.TrimPrefix(line, "# meta::author = ")
			case strings.HasPrefix(line, "# meta::dateCreated = "):
				a.date = strings.TrimPrefix(line, "# meta::dateCreated = ")
			case strings.HasPrefix(line, "# meta::sourceURL = "):
				a.url = strings.TrimPrefix(line, "# meta::sourceURL = ")
			case strings.HasPrefix(line, "# newpar"):
				if !strings.HasPrefix(line, "# newpar_block") {
					a.paras = append(a.paras, "")
				}
			case strings.HasPrefix(line, "# text = "):
				if len(a.paras) == 0 {
					a.paras = append(a.paras, "")
				}
				s := strings.TrimPrefix(line, "# text = ")
				if p := &a.paras[len(a.paras)-1]; *p == "" {
					*p = s
				} else {
					*p += " " + s
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

func (a benchArticle) text() string { return strings.Join(a.paras, "\n\n") }

// page renders the article as a news page with the usual boilerplate around
// it: navigation, a sidebar of other headlines, a footer.
func (a benchArticle) page() string {
	var s strings.Builder
	fmt.Fprintf(&s, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | Bench Times</title>", html.EscapeString(a.title))
	fmt.Fprintf(&s, "<meta property=\"og:site_name\" content=\"Bench Times\"><meta name=\"author\" content=\"%s\">", html.EscapeString(a.author))
	fmt.Fprintf(&s, "<meta property=\"article:published_time\" content=\"%s\"></head><body>", a.date)
	s.WriteString("<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/opinion\">Opinion</a></nav></header><main><article>")
	fmt.Fprintf(&s, "<h1>%s</h1>", html.EscapeString(a.title))
	for _, p := range a.paras {
		fmt.Fprintf(&s, "<p>%s</p>\n", html.EscapeString(p))
	}
	s.WriteString("</article></main><aside><h3>Most read</h3><ul><li><a href=\"/1\">One headline</a></li><li><a href=\"/2\">Another headline</a></li></ul></aside><footer>Contact | Privacy</footer></body></html>")
	return s.String()
}

// benchRead reads paths once per iteration, reporting input MB/s and docs/s.
func benchRead(b *testing.B, paths []string, inputBytes int64, wantDocs int) {
	b.Helper()
	b.SetBytes(inputBytes)
	b.ReportAllocs()
	b.ResetTimer()
	docs := 0
	for b.Loop() {
		docs = 0
		err := Read(context.Background(), paths, nil, DefaultOptions(), func(it Item) error {
			if it.Err != nil {
				return fmt.Errorf("%s: %w", it.Source, it.Err)
			}
			docs++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if docs != wantDocs {
		b.Fatalf("read %d documents, want %d", docs, wantDocs)
	}
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func writeBench(b *testing.B, path string, data []byte) int64 {
	b.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return int64(len(data))
}

func BenchmarkReadTXT(b *testing.B) {
	arts := gumArticles(b)
	dir := b.TempDir()
	var n int64
	for _, a := range arts {
		n += writeBench(b, filepath.Join(dir, a.id+".txt"), []byte(a.text()))
	}
	benchRead(b, []string{dir}, n, len(arts))
}

func BenchmarkReadJSONL(b *testing.B) {
	arts := gumArticles(b)
	var buf bytes.Buffer
	const copies = 10 // about 10 MB of JSON Lines
	for i := range copies {
		for _, a := range arts {
			line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", a.id, i), "title": a.title,
				"author": a.author, "date": a.date, "url": a.url, "text": a.text()})
			if err != nil {
				b.Fatal(err)
			}
			buf.Write(line)
			buf.WriteByte('\n')
		}
	}
	p := filepath.Join(b.TempDir(), "gum.jsonl")
	benchRead(b, []string{p}, writeBench(b, p, buf.Bytes()), copies*len(arts))
}

func BenchmarkReadJSONLGzip(b *testing.B) {
	arts := gumArticles(b)
	var buf bytes.Buffer
	for _, a := range arts {
		line, _ := json.Marshal(map[string]string{"title": a.title, "date": a.date, "text": a.text()})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	p := filepath.Join(b.TempDir(), "gum.jsonl.gz")
	writeBench(b, p, gz(b, buf.Bytes()))
	benchRead(b, []string{p}, int64(buf.Len()), len(arts)) // MB/s of decompressed input
}

func BenchmarkReadHTML(b *testing.B) {
	arts := gumArticles(b)
	dir := b.TempDir()
	var n int64
	for _, a := range arts {
		n += writeBench(b, filepath.Join(dir, a.id+".html"), []byte(a.page()))
	}
	benchRead(b, []string{dir}, n, len(arts))
}

func BenchmarkReadWARC(b *testing.B) {
	arts := gumArticles(b)
	var out bytes.Buffer
	var n int64
	for _, a := range arts {
		page := a.page()
		n += int64(len(page))
		out.Write(gz(b, warcRec("response", "https://bench.example/"+a.id, "application/http; msgtype=response", httpHTML(page))))
	}
	p := filepath.Join(b.TempDir(), "gum.warc.gz")
	writeBench(b, p, out.Bytes())
	benchRead(b, []string{p}, n, len(arts)) // MB/s of HTML pages
}

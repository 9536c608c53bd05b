package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

func cmdScreenshots(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("screenshots", "", `
Ingest the seed articles into a throw-away store, serve it on a free loopback
port, and write PNG screenshots of the main pages with headless Chromium: the
MKO's entity page, its graph, the timeline, the 002 document with its sidebar
greyed, a search, the start page, the quotes with their outlet and date filters,
the documents newest first, and curation: the entity page with its forms and the
curation log (a write token of the throw-away server).`)
	out := fs.String("out", "screenshots", "folder to write the PNG files to")
	def := filepath.Join("testdata", "articles")
	if r := shareddata.Root(); r != "" {
		def = filepath.Join(r, "seeds")
	}
	seeds := fs.String("seeds", def, "articles to ingest")
	entity := fs.String("entity", "MKO", "the entity whose page, graph and timeline are shot")
	doc := fs.String("doc", "002_", "the document to shoot: an id, or a part of its source path")
	browser := fs.String("chromium", "/usr/bin/chromium", "the Chromium executable")
	width := fs.Int("width", 1400, "window width in pixels")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*browser); err != nil {
		return claimgraph.Errorf(claimgraph.EINVALID, "screenshots need Chromium: %v (apt-get install chromium, or --chromium PATH)", err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("screenshots: %w", err)
	}
	tmp, err := os.MkdirTemp("", "claimgraph-shots-")
	if err != nil {
		return fmt.Errorf("screenshots: %w", err)
	}
	defer os.RemoveAll(tmp)
	db := filepath.Join(tmp, "shots.db")
	sub := &Main{Stdin: m.Stdin, Stdout: io.Discard, Stderr: m.Stderr, Getenv: m.Getenv}
	if err := sub.Run(ctx, []string{"ingest", "-q", "--db", db, *seeds}); err != nil {
		return fmt.Errorf("screenshots: ingest %s: %w", *seeds, err)
	}
	store, err := m.openStore(ctx, db) // the curation shots write a decision
	if err != nil {
		return err
	}
	defer store.Close()
	cur, err := newCurator(store)
	if err != nil {
		return err
	}
	const writeToken = "screenshots-write-token"

	pages := []struct{ name, path string }{{"home", "/"}, {"search", "/search?q=" + *entity}}
	if e, err := store.Entity(ctx, *entity); err == nil {
		id := strconv.FormatInt(e.ID, 10)
		pages = append(pages,
			struct{ name, path string }{"entity", "/entities/" + id},
			struct{ name, path string }{"graph", "/graph?entity=" + id + "&max_nodes=30"},
			struct{ name, path string }{"timeline", "/timeline?entity=" + id},
			struct{ name, path string }{"curation-entity", "/entities/" + id + "?write_token=" + writeToken + "#curate"})
		// One decision, so the log shows an entry with its author, note and undo.
		if _, _, err := cur.Decide(ctx, "type", []string{e.Name}, e.Type, "screenshots", "the type the text gives, confirmed"); err != nil {
			return err
		}
		pages = append(pages, struct{ name, path string }{"curation-log", "/curate?write_token=" + writeToken})
	} else {
		fmt.Fprintf(m.Stderr, "screenshots: no entity %q (%v): shooting the whole timeline only\n", *entity, claimgraph.ErrorMessage(err))
		pages = append(pages, struct{ name, path string }{"timeline", "/timeline"})
	}
	pages = append(pages, struct{ name, path string }{"quotes-filters", "/quotes"},
		struct{ name, path string }{"documents-by-date", "/documents?sort=-date"})
	docs, err := store.Documents(ctx, claimgraph.DocumentFilter{})
	if err != nil {
		return err
	}
	for _, d := range docs {
		if d.ID == *doc || strings.Contains(filepath.Base(d.Source), *doc) {
			pages = append(pages, struct{ name, path string }{"document-" + strings.Trim(*doc, "_"), "/documents/" + d.ID})
			break
		}
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("screenshots: %w", err)
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	opts := httpapi.DefaultOptions()
	opts.SectionBudget = 30 * time.Second // whole pages in the pictures, not lists still loading
	opts.Curator, opts.WriteTokens = cur, map[string]string{writeToken: "screenshots"}
	go func() { done <- serveHTTP(sctx, ln, httpapi.New(store, opts)) }()
	base := "http://" + ln.Addr().String()

	for _, p := range pages {
		file, err := filepath.Abs(filepath.Join(*out, p.name+".png"))
		if err != nil {
			return err
		}
		height := 1400
		if strings.HasPrefix(p.name, "document") {
			height = 2600
		}
		if err := shoot(ctx, *browser, tmp, base+p.path, file, *width, height); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "%s\t%s\n", file, p.path)
	}
	stop()
	return <-done
}

// shoot writes a PNG of url with Chromium's own headless screenshot.
func shoot(ctx context.Context, browser, tmp, url, file string, w, h int) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	profile, err := os.MkdirTemp(tmp, "profile-")
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir="+profile, "--virtual-time-budget=3000",
		fmt.Sprintf("--window-size=%d,%d", w, h), "--screenshot="+file, url)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("screenshot of %s: %v\n%s", url, err, out)
	}
	if st, err := os.Stat(file); err != nil || st.Size() == 0 {
		return fmt.Errorf("screenshot of %s: no image written", url)
	}
	return nil
}

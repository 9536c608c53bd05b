package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// TestBrowser is the end-to-end test: it builds the claimgraph binary,
// ingests the seed articles and articles full of script payloads, starts
// `claimgraph serve`, and runs e2e/e2e.mjs (playwright-core) in Debian's
// headless Chromium. Without Chromium, Node or e2e/node_modules it skips,
// unless CLAIMGRAPH_E2E=1 (set by CI), where their absence is a failure.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	env := browserEnv(t)
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	db := filepath.Join(dir, "e2e.db")

	seeds := ""
	if shareddata.Root() != "" {
		if p := filepath.Join(shareddata.Root(), "seeds"); isDir(p) {
			seeds = p
		}
	}
	if seeds != "" {
		ingestSeeds(t, bin, db, seeds)
	} else {
		t.Log("the shared seeds are absent: running the payload and generic steps only, not the MKO steps")
	}
	payloads := writePayloadArticles(t, dir)
	runBin(t, bin, "ingest", "--db", db, payloads)

	base, stop := startServe(ctx, t, bin, db)
	defer stop()
	// A second server that leaves every secondary list to the browser.
	deferred, stop2 := startServe(ctx, t, bin, db, "--section-budget", "1ns")
	defer stop2()
	// A third one with curation on, for the last steps.
	const writeToken = "e2e-write-token-0123456789"
	curate, stop3 := startServe(ctx, t, bin, db, "--write-token", "e2e:"+writeToken)
	defer stop3()

	cmd := exec.CommandContext(ctx, env.node, "e2e.mjs")
	cmd.Dir = "e2e"
	cmd.Env = append(os.Environ(), "BASE_URL="+base, "DEFERRED_URL="+deferred, "CURATE_URL="+curate, "WRITE_TOKEN="+writeToken, "CHROMIUM="+env.chromium)
	if seeds != "" {
		cmd.Env = append(cmd.Env, "SEEDS=1")
	}
	if d := os.Getenv("CLAIMGRAPH_SHOTS"); d != "" {
		cmd.Env = append(cmd.Env, "SHOTS="+d)
	}
	out, err := cmd.CombinedOutput()
	t.Logf("e2e.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("browser test failed: %v", err)
	}
	if !strings.Contains(string(out), "PASS") {
		t.Fatalf("browser test did not report PASS")
	}
}

type browserTools struct{ node, chromium string }

// browserEnv finds Node, Chromium and playwright-core, or skips (fails in CI).
func browserEnv(t *testing.T) browserTools {
	t.Helper()
	ci := os.Getenv("CLAIMGRAPH_E2E") == "1"
	missing := func(what string) {
		t.Helper()
		if ci {
			t.Fatalf("CLAIMGRAPH_E2E=1 but %s; run .ci/e2e.sh to install what the browser test needs", what)
		}
		t.Skipf("skipping the browser test: %s (install with .ci/e2e.sh; CLAIMGRAPH_E2E=1 makes this a failure)", what)
	}
	var b browserTools
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		missing("chromium is not installed at " + chromium)
	}
	b.chromium = chromium
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	b.node = node
	if !isDir(filepath.Join("e2e", "node_modules", "playwright-core")) {
		missing("playwright-core is not installed: run npm ci in httpapi/e2e")
	}
	return b
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	if b := os.Getenv("CLAIMGRAPH_BIN"); b != "" {
		return b // a binary built beforehand (by .ci/e2e.sh, or by hand)
	}
	bin := filepath.Join(dir, "claimgraph")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/claimgraph")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// ingestSeeds ingests the seed articles as three outlets' documents (the
// seeds come without outlet or date), so the outlet and date filters have
// something to narrow: the first two files as one outlet's, dated in March
// 2015, the next two as another's, dated in September 2015, the rest as
// they are.
func ingestSeeds(t *testing.T, bin, db, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seeds in %s: %v", dir, err)
	}
	sort.Strings(files)
	groups := []struct {
		flags []string
		n     int
	}{
		{[]string{"--outlet", "Seed Ledger", "--date", "2015-03-02"}, 2},
		{[]string{"--outlet", "Seed Courier", "--date", "2015-09-14"}, 2},
		{nil, len(files)},
	}
	for _, g := range groups {
		n := min(g.n, len(files))
		if n == 0 {
			break
		}
		args := append(append([]string{"ingest", "--db", db}, g.flags...), files[:n]...)
		runBin(t, bin, args...)
		files = files[n:]
	}
}

func runBin(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("claimgraph %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// startServe starts `claimgraph serve` on a free loopback port and returns
// its base URL.
func startServe(ctx context.Context, t *testing.T, bin, db string, flags ...string) (string, func()) {
	t.Helper()
	cmd := exec.CommandContext(ctx, bin, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, flags...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop := func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		stop()
		t.Fatalf("serve printed no address: %v", err)
	}
	m := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	if m == "" {
		stop()
		t.Fatalf("serve said %q", line)
	}
	return m, stop
}

// The payload: markup that would run script, set window.__xss or change
// the page title if any page rendered it as HTML.
const (
	pScript = `<script>window.__xss=1;document.title='pwned'</script>`
	pImg    = `<img src=x onerror="window.__xss=2">`
	pSVG    = `<svg onload="window.__xss=3"></svg>`
	pAttr   = `" autofocus onfocus="window.__xss=4" x="`
	pClose  = `</textarea></title></q></a></span></div><script>window.__xss=5</script>`
)

// writePayloadArticles writes an HTML page with payloads in its title, meta
// tags and text, and JSON Lines with payloads in every field.
func writePayloadArticles(t *testing.T, dir string) string {
	t.Helper()
	d := filepath.Join(dir, "payloads")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	esc := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
	}
	mkBody := func(esc func(string) string) string {
		return fmt.Sprintf(`The xsscanary minister Maryam Rajavi said on Monday that %s was not an answer. "%s is our answer," Massoud Rajavi told the Example Times in Paris last June. The Mojahedin-e Khalq Organization (MKO), also known as %s, denied it. Officials in Baghdad said the group %s had left the camp. %s`,
			esc(pScript), esc(pImg), esc(pSVG), esc(pAttr), esc(pClose))
	}
	body, raw := mkBody(esc), mkBody(func(s string) string { return s })
	html := fmt.Sprintf(`<!DOCTYPE html><html><head><title>xsscanary %s %s</title>
<meta name="author" content="%s">
<meta property="og:title" content="xsscanary %s">
<meta property="og:site_name" content="%s">
<meta name="description" content="%s">
<meta property="article:published_time" content="2015-03-01T10:00:00Z">
</head><body><article><h1>xsscanary %s</h1><p>%s</p><p>%s</p><p>Another paragraph so that the page reads as an article: the minister repeated that the talks would resume in April, and that the xsscanary delegation would travel to Geneva.</p></article>
<script>window.__xss=99</script></body></html>`,
		esc(pScript), esc(pImg), esc(pImg), esc(pSVG), esc(pAttr), esc(pClose), esc(pScript), body, body)
	if err := os.WriteFile(filepath.Join(d, "payload.html"), []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i, p := range []string{pScript, pImg, pSVG, pAttr, pClose} {
		rec := map[string]string{
			"id":     fmt.Sprintf("xss-%d %s", i, p),
			"url":    "javascript:window.__xss=6//" + p,
			"title":  "xsscanary " + p,
			"outlet": "Outlet " + p,
			"author": "Author " + p,
			"date":   "2015-02-0" + fmt.Sprint(i+1),
			"text":   fmt.Sprintf("Article %d. %s %s", i, strings.ReplaceAll(raw, "xsscanary", "xsscanary "+p), p),
			p:        "a metadata field named by the payload",
			"note":   p,
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(d, "payloads.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return d
}

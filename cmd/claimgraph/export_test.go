package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/export"
	"github.com/claimgraph/claimgraph/internal/golden"
	"github.com/claimgraph/claimgraph/sqlite"
)

// readersDir holds the readers the export tests run: graph.py (NetworkX),
// ftm.mjs (the FollowTheMoney model) and jsonld.mjs (the jsonld processor),
// with the npm packages installed by .ci/export-readers.sh.
const readersDir = "../../export/testdata/readers"

// exportArticles is an article written for the export tests: claims with a
// hedge, a denial and a modal, direct and indirect quotes, an alias.
const exportArticles = "testdata/export/articles"

// exportAll writes every format of the store at db into dir: name.FORMAT
// files and a csv/ folder.
func exportAll(t *testing.T, db, dir string, filters ...string) {
	t.Helper()
	for _, f := range export.Formats {
		out := filepath.Join(dir, "claimgraph."+f)
		if f == export.CSV {
			out = filepath.Join(dir, "csv")
		}
		args := append([]string{"export", "--db", db, "--format", f, "--out", out}, filters...)
		if _, stderr, err := run(t, "", args...); err != nil {
			t.Fatalf("export %s: %v\n%s", f, err, stderr)
		}
	}
}

// TestExportGolden exports the articles written for this repository in every
// format and compares them with the golden files (go test -update rewrites
// them: go test -run TestExportGolden ./cmd/claimgraph -args -update). A
// change in analysis changes them too: look at the diff.
func TestExportGolden(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "golden.db")
	if _, stderr, err := run(t, "", "ingest", "--db", db, exportArticles, "../../testdata/articles"); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	exportAll(t, db, dir)
	dirGolden := filepath.Join("testdata", "export", "golden")
	var files []string
	for _, f := range export.Formats {
		if f != export.CSV {
			files = append(files, "claimgraph."+f)
		}
	}
	for _, f := range export.CSVFiles() {
		files = append(files, filepath.Join("csv", f))
	}
	for _, name := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join(dirGolden, name), string(got))
	}
}

// TestExportReaders ingests corpora, exports every format and reads each
// back with a real reader: GraphML and GEXF with NetworkX, CSV with a CSV
// parser, FollowTheMoney against the FtM model, JSON-LD expanded to RDF by
// the jsonld processor. Node, edge and row counts must equal the store's
// listings, every id must join, and every span must be the bytes it names.
// The corpora: the repository's articles, the shared seeds when present,
// and $CLAIMGRAPH_EXPORT_CORPUS (a 1k-document corpus in .ci) when set.
func TestExportReaders(t *testing.T) {
	type corpus struct {
		name  string
		paths []string
	}
	corpora := []corpus{{"articles", []string{exportArticles, "../../testdata/articles"}}}
	if _, err := os.Stat("../../../shared/seeds"); err == nil {
		corpora = append(corpora, corpus{"seeds", []string{"../../../shared/seeds"}})
	} else {
		t.Log("../shared/seeds absent: exporting the repository's articles only")
	}
	if p := os.Getenv("CLAIMGRAPH_EXPORT_CORPUS"); p != "" {
		corpora = append(corpora, corpus{"corpus", []string{p}})
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "export.db")
			if _, stderr, err := run(t, "", append([]string{"ingest", "--db", db}, c.paths...)...); err != nil {
				t.Fatalf("ingest: %v %s", err, stderr)
			}
			exportAll(t, db, dir)
			want := storeListings(t, db)
			t.Logf("%s: %d documents, %d entities, %d mentions, %d quotes, %d claims, edges %v",
				c.name, want.docs, len(want.entities), want.mentions, want.quotes, want.claims, want.edges)
			t.Run("graphml", func(t *testing.T) { checkGraph(t, "graphml", filepath.Join(dir, "claimgraph.graphml"), want) })
			t.Run("gexf", func(t *testing.T) { checkGraph(t, "gexf", filepath.Join(dir, "claimgraph.gexf"), want) })
			t.Run("csv", func(t *testing.T) { checkCSV(t, filepath.Join(dir, "csv"), db, want) })
			t.Run("ftm", func(t *testing.T) { checkFtM(t, filepath.Join(dir, "claimgraph.ftm"), want) })
			t.Run("jsonld", func(t *testing.T) { checkJSONLD(t, filepath.Join(dir, "claimgraph.jsonld"), db, want) })
		})
	}
}

// listings is what the store's listings say an unfiltered export holds.
type listings struct {
	docs      int
	docIDs    map[string]bool
	entities  map[int64]claimgraph.Entity
	aliases   int
	evidenced int // aliases with a document span
	mentions  int
	quotes    int
	claims    int
	times     int
	reuseRows int
	edges     map[string]int // per kind
	sources   map[string]int // claim edge "s|o|label" -> independent sources
	ftm       map[string]int // FtM schema -> count
	claimIDs  map[int64]bool
}

// storeListings reads the store through its query interface (the listings
// the CLI and API show), not through the export.
func storeListings(t *testing.T, db string) *listings {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	l := &listings{docIDs: map[string]bool{}, entities: map[int64]claimgraph.Entity{}, edges: map[string]int{},
		sources: map[string]int{}, ftm: map[string]int{}, claimIDs: map[int64]bool{}}
	docs, err := store.Documents(ctx, claimgraph.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	l.docs = len(docs)
	l.ftm["Article"] = len(docs)
	for _, d := range docs {
		l.docIDs[d.ID] = true
		a, err := store.Analysis(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		l.times += len(a.Times)
	}
	for off := 0; ; off += 5000 {
		page, err := store.Entities(ctx, claimgraph.EntityFilter{Sort: "name", Offset: off, Limit: 5000})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page {
			l.entities[e.ID] = e
			l.aliases += len(e.Aliases)
			for _, a := range e.Aliases {
				if a.Doc != "" && a.End > a.Start {
					l.evidenced++
				}
			}
			switch e.Type {
			case claimgraph.TypePER:
				l.ftm["Person"]++
			case claimgraph.TypeORG:
				l.ftm["Organization"]++
			case claimgraph.TypeLOC:
				l.ftm["Address"]++
			}
		}
		if len(page) < 5000 {
			break
		}
	}
	inFtM := func(id int64) bool {
		typ := l.entities[id].Type
		return id != 0 && (typ == claimgraph.TypePER || typ == claimgraph.TypeORG || typ == claimgraph.TypeLOC)
	}
	clusters, err := store.Claims(ctx, claimgraph.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range clusters {
		l.claims += len(cl.Claims)
		for _, c := range cl.Claims {
			l.claimIDs[c.ID] = true
			if inFtM(c.SubjectEntity) && inFtM(c.ObjectEntity) && c.SubjectEntity != c.ObjectEntity {
				l.ftm["UnknownLink"]++
			}
		}
		if cl.SubjectEntity != 0 && cl.ObjectEntity != 0 && cl.SubjectEntity != cl.ObjectEntity {
			l.edges[claimgraph.EdgeClaim]++
			label := cl.Relation // "not ..." for a denial already
			l.sources[fmt.Sprintf("e%d|e%d|%s", cl.SubjectEntity, cl.ObjectEntity, label)] = cl.Sources
		}
	}
	// Mentions with their entities, by document, for co-mentions and for
	// the entities named inside quotes.
	mentions, err := store.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l.mentions = len(mentions)
	byDoc := map[string][]claimgraph.Mention{}
	for _, m := range mentions {
		byDoc[m.Doc] = append(byDoc[m.Doc], m)
	}
	pairs := map[[2]int64]bool{}
	for _, ms := range byDoc {
		ents := map[int64]bool{}
		for _, m := range ms {
			if m.Entity != 0 {
				ents[m.Entity] = true
			}
		}
		for a := range ents {
			for b := range ents {
				if a < b {
					pairs[[2]int64{a, b}] = true
				}
			}
		}
	}
	l.edges[claimgraph.EdgeCoMention] = len(pairs)
	quotes, err := store.Quotes(ctx, claimgraph.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	l.quotes = len(quotes)
	about := map[[2]int64]bool{}
	for _, q := range quotes {
		if q.Speaker != nil && inFtM(q.Speaker.Entity) {
			l.ftm["Note"]++
		}
		if q.Speaker == nil || q.Speaker.Entity == 0 {
			continue
		}
		for _, m := range byDoc[q.Doc] {
			if m.Entity != 0 && m.Entity != q.Speaker.Entity && m.Start >= q.Content.Start && m.End <= q.Content.End {
				about[[2]int64{q.Speaker.Entity, m.Entity}] = true
			}
		}
	}
	l.edges[claimgraph.EdgeQuote] = len(about)
	pairsR, err := store.Reuse(ctx, claimgraph.ReuseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairsR {
		l.reuseRows += max(1, len(p.Passages))
	}
	return l
}

func (l *listings) totalEdges() int {
	n := 0
	for _, v := range l.edges {
		n += v
	}
	return n
}

// runReader runs a reader and returns its stdout, skipping the test when
// the reader's runtime or packages are absent (unless CI demands them).
func runReader(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		skipOrFail(t, fmt.Sprintf("%s not installed", name))
	}
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := stderr.String()
		if strings.Contains(msg, "ModuleNotFoundError") || strings.Contains(msg, "ERR_MODULE_NOT_FOUND") || strings.Contains(msg, "Cannot find module") {
			skipOrFail(t, fmt.Sprintf("%s: a reader package is missing (run .ci/export-readers.sh): %s", name, firstLine(msg)))
		}
		t.Fatalf("%s %v: %v\n%s", name, args, err, msg)
	}
	return out
}

// skipOrFail skips when a reader is missing, except under
// CLAIMGRAPH_EXPORT_READERS=1 (set by .ci/export-readers.sh after
// installing them), where a missing reader is a failure.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CLAIMGRAPH_EXPORT_READERS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Error") {
			return strings.TrimSpace(l)
		}
	}
	return strings.TrimSpace(s)
}

func checkGraph(t *testing.T, format, path string, want *listings) {
	out := runReader(t, "python3", filepath.Join(readersDir, "graph.py"), format, path)
	var g struct {
		Nodes, Edges int
		Kinds        map[string]int
		NodeList     map[string]struct{ Name, Type string } `json:"node_list"`
		EdgeList     []struct {
			Source, Target, Kind, Label string
			Sources                     int
			Docs, Items                 []string
			Factuality                  string
		} `json:"edge_list"`
	}
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("reader output: %v", err)
	}
	if g.Nodes != len(want.entities) {
		t.Errorf("%s: %d nodes, the entity listing has %d", format, g.Nodes, len(want.entities))
	}
	if g.Edges != want.totalEdges() {
		t.Errorf("%s: %d edges, want %d", format, g.Edges, want.totalEdges())
	}
	for k, n := range want.edges {
		if g.Kinds[k] != n {
			t.Errorf("%s: %d %s edges, want %d", format, g.Kinds[k], k, n)
		}
	}
	for id, n := range g.NodeList {
		var eid int64
		fmt.Sscanf(id, "e%d", &eid)
		if e, ok := want.entities[eid]; !ok || e.Name != n.Name || e.Type != n.Type {
			t.Errorf("%s: node %s %q %s is not the listed entity %+v", format, id, n.Name, n.Type, e)
		}
	}
	for _, e := range g.EdgeList {
		if len(e.Docs) == 0 {
			t.Errorf("%s: %s edge %s-%s has no evidence documents", format, e.Kind, e.Source, e.Target)
		}
		for _, d := range e.Docs {
			if !want.docIDs[d] {
				t.Errorf("%s: edge %s-%s names document %s, not stored", format, e.Source, e.Target, d)
			}
		}
		if e.Kind != claimgraph.EdgeClaim {
			continue
		}
		if len(e.Items) == 0 || e.Factuality == "" {
			t.Errorf("%s: claim edge %s-%s lacks its claims (%v) or factuality (%q)", format, e.Source, e.Target, e.Items, e.Factuality)
		}
		for _, it := range e.Items {
			id, _ := strconv.ParseInt(it, 10, 64)
			if !want.claimIDs[id] {
				t.Errorf("%s: claim edge names claim %s, not listed", format, it)
			}
		}
		k := e.Source + "|" + e.Target + "|" + e.Label
		if s, ok := want.sources[k]; !ok || s != e.Sources {
			t.Errorf("%s: claim edge %s has %d sources, the claims listing %d (listed: %v)", format, k, e.Sources, s, ok)
		}
	}
}

// readCSV parses a CSV file strictly (RFC 4180 quoting, one field count)
// into its header and rows.
func readCSV(t *testing.T, path string) ([]string, []map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: no header", path)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

func checkCSV(t *testing.T, dir, db string, want *listings) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	texts := map[string]string{}
	text := func(doc string) string {
		if s, ok := texts[doc]; ok {
			return s
		}
		d, err := store.Document(ctx, doc)
		if err != nil {
			t.Fatalf("document %s: %v", doc, err)
		}
		texts[doc] = d.Text
		return d.Text
	}
	tables := map[string][]map[string]string{}
	for _, name := range export.CSVFiles() {
		_, tables[name] = readCSV(t, filepath.Join(dir, name))
	}
	for name, n := range map[string]int{"documents.csv": want.docs, "entities.csv": len(want.entities), "aliases.csv": want.aliases,
		"mentions.csv": want.mentions, "quotes.csv": want.quotes, "claims.csv": want.claims, "times.csv": want.times,
		"reuse.csv": want.reuseRows, "edges.csv": want.totalEdges()} {
		if len(tables[name]) != n {
			t.Errorf("%s: %d rows, the store lists %d", name, len(tables[name]), n)
		}
	}
	docs := map[string]bool{}
	for _, r := range tables["documents.csv"] {
		docs[r["doc_id"]] = true
	}
	ents := map[string]bool{}
	for _, r := range tables["entities.csv"] {
		ents[r["entity_id"]] = true
	}
	// Every id joins, and every span holds the text it claims to.
	spans := []struct{ file, doc, start, end, text, entity string }{
		{"mentions.csv", "doc_id", "start", "end", "text", "entity_id"},
		{"quotes.csv", "doc_id", "start", "end", "content", "speaker_entity_id"},
		{"claims.csv", "doc_id", "start", "end", "evidence", "subject_entity_id"},
		{"claims.csv", "doc_id", "subject_start", "subject_end", "subject", "object_entity_id"},
		{"times.csv", "doc_id", "start", "end", "text", ""},
		{"aliases.csv", "doc_id", "start", "end", "", "entity_id"},
	}
	for _, s := range spans {
		for i, r := range tables[s.file] {
			if s.entity != "" && r[s.entity] != "" && !ents[r[s.entity]] {
				t.Errorf("%s row %d: %s %s is not in entities.csv", s.file, i+1, s.entity, r[s.entity])
			}
			if r[s.doc] == "" && s.file == "aliases.csv" {
				continue
			}
			if !docs[r[s.doc]] {
				t.Errorf("%s row %d: document %q is not in documents.csv", s.file, i+1, r[s.doc])
				continue
			}
			a, errA := strconv.Atoi(r[s.start])
			b, errB := strconv.Atoi(r[s.end])
			txt := text(r[s.doc])
			if errA != nil || errB != nil || a < 0 || b > len(txt) || a > b {
				t.Errorf("%s row %d: span [%s:%s] outside document %s", s.file, i+1, r[s.start], r[s.end], r[s.doc])
				continue
			}
			if s.text != "" && txt[a:b] != undefuse(r[s.text]) {
				t.Errorf("%s row %d: %s %q is not the document's bytes [%d:%d] %q", s.file, i+1, s.text, r[s.text], a, b, txt[a:b])
			}
		}
	}
	for i, r := range tables["edges.csv"] {
		if !ents[r["source_entity_id"]] || !ents[r["target_entity_id"]] {
			t.Errorf("edges.csv row %d: an endpoint is not in entities.csv", i+1)
		}
	}
	for i, r := range tables["claims.csv"] {
		if r["source"] == "" || r["factuality"] == "" {
			t.Errorf("claims.csv row %d: no source or factuality", i+1)
		}
	}
}

// undefuse undoes the apostrophe export puts before a cell a spreadsheet
// would run as a formula.
func undefuse(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

func checkFtM(t *testing.T, path string, want *listings) {
	out := runReader(t, "node", filepath.Join(readersDir, "ftm.mjs"), path)
	var r struct {
		Entities   int
		References int
		Counts     map[string]int
		Errors     []string
		ErrorCount int `json:"error_count"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("ftm.mjs: %v: %s", err, out)
	}
	if r.ErrorCount > 0 {
		t.Errorf("%d entities break the FtM model, e.g.:\n%s", r.ErrorCount, strings.Join(r.Errors, "\n"))
	}
	for schema, n := range want.ftm {
		if r.Counts[schema] != n {
			t.Errorf("%d %s entities, want %d", r.Counts[schema], schema, n)
		}
	}
	if want.mentions > 0 && r.Counts["Mention"] == 0 {
		t.Errorf("no Mention entities for %d mentions", want.mentions)
	}
}

// nquad is one parsed N-Quads statement; literal objects are unescaped.
type nquad struct {
	s, p, o string
	literal bool
}

// parseNQuads reads the statements the jsonld processor printed.
func parseNQuads(t *testing.T, data []byte) []nquad {
	t.Helper()
	var out []nquad
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		if len(fields) < 3 {
			t.Fatalf("n-quads line %d: %q", i+1, line)
		}
		q := nquad{s: strings.Trim(fields[0], "<>"), p: strings.Trim(fields[1], "<>")}
		rest := fields[2]
		if strings.HasPrefix(rest, `"`) {
			end := 1
			for end < len(rest) && rest[end] != '"' {
				if rest[end] == '\\' {
					end++
				}
				end++
			}
			s, err := strconv.Unquote(rest[:end+1])
			if err != nil {
				t.Fatalf("n-quads line %d: literal %s: %v", i+1, rest[:end+1], err)
			}
			q.o, q.literal = s, true
		} else {
			q.o = strings.Trim(strings.Fields(rest)[0], "<>")
		}
		out = append(out, q)
	}
	return out
}

func checkJSONLD(t *testing.T, path, db string, want *listings) {
	out := runReader(t, "node", filepath.Join(readersDir, "jsonld.mjs"), path)
	quads := parseNQuads(t, out)
	const (
		rdfType  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
		oa       = "http://www.w3.org/ns/oa#"
		prov     = "http://www.w3.org/ns/prov#"
		cg       = "https://github.com/claimgraph/claimgraph/ns#"
		annoType = oa + "Annotation"
	)
	props := map[string]map[string][]string{}
	for _, q := range quads {
		if props[q.s] == nil {
			props[q.s] = map[string][]string{}
		}
		props[q.s][q.p] = append(props[q.s][q.p], q.o)
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	kinds := map[string]int{}
	for s, p := range props {
		if !contains(p[rdfType], annoType) {
			continue
		}
		kind := strings.Split(strings.TrimPrefix(s, "urn:claimgraph:"), ":")[0]
		kinds[kind]++
		if len(p[prov+"wasDerivedFrom"]) != 1 {
			t.Errorf("%s: prov:wasDerivedFrom %v, want its document", s, p[prov+"wasDerivedFrom"])
		}
		if kind == "claim" && len(p[prov+"wasAttributedTo"]) != 1 {
			t.Errorf("%s: a claim without prov:wasAttributedTo", s)
		}
		if kind == "claim" {
			body := props[first(p[oa+"hasBody"])]
			if len(body[cg+"factuality"]) != 1 {
				t.Errorf("%s: a claim body without its factuality", s)
			}
		}
		tgt := props[first(p[oa+"hasTarget"])]
		doc := strings.TrimPrefix(first(tgt[oa+"hasSource"]), "urn:claimgraph:document:")
		d, err := store.Document(ctx, doc)
		if err != nil {
			t.Errorf("%s: target %q: %v", s, doc, err)
			continue
		}
		var pos, quote map[string][]string
		for _, sel := range tgt[oa+"hasSelector"] {
			switch first(props[sel][rdfType]) {
			case oa + "TextPositionSelector":
				pos = props[sel]
			case oa + "TextQuoteSelector":
				quote = props[sel]
			}
		}
		if pos == nil || quote == nil {
			t.Errorf("%s: want a TextPositionSelector and a TextQuoteSelector", s)
			continue
		}
		bs, _ := strconv.Atoi(first(pos[cg+"byteStart"]))
		be, _ := strconv.Atoi(first(pos[cg+"byteEnd"]))
		cs, _ := strconv.Atoi(first(pos[oa+"start"]))
		ce, _ := strconv.Atoi(first(pos[oa+"end"]))
		if bs < 0 || be > len(d.Text) || bs > be {
			t.Errorf("%s: bytes [%d:%d] outside %s", s, bs, be, doc)
			continue
		}
		if exact := first(quote[oa+"exact"]); exact != d.Text[bs:be] {
			t.Errorf("%s: exact %q is not bytes [%d:%d] %q", s, exact, bs, be, d.Text[bs:be])
		}
		if cs != utf8.RuneCountInString(d.Text[:bs]) || ce != utf8.RuneCountInString(d.Text[:be]) {
			t.Errorf("%s: characters [%d:%d] do not match bytes [%d:%d]", s, cs, ce, bs, be)
		}
	}
	for kind, n := range map[string]int{"quote": want.quotes, "claim": want.claims, "alias": want.evidenced} {
		if kinds[kind] != n {
			t.Errorf("%d %s annotations in RDF, the store lists %d", kinds[kind], kind, n)
		}
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// exportRecords runs an export as JSON Lines with the filters and counts its
// records by kind ("edge:claim" for edges).
func exportRecords(t *testing.T, db string, filters ...string) map[string]int {
	t.Helper()
	out, stderr, err := run(t, "", append([]string{"export", "--db", db, "--format", "jsonl"}, filters...)...)
	if err != nil {
		t.Fatalf("export %v: %v\n%s", filters, err, stderr)
	}
	n := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r struct{ Record, Kind string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("export %v: %v: %s", filters, err, line)
		}
		n[r.Record]++
		if r.Record == "edge" {
			n["edge:"+r.Kind]++
		}
	}
	return n
}

// TestExportFilters: each filter selects what the matching listing shows:
// an entity's neighbourhood is the graph of the same depth, a type the
// entities listed with it, an outlet and dates the documents listed with
// them, a minimum of sources the edges that reach it.
func TestExportFilters(t *testing.T) {
	paths := []string{exportArticles, "../../testdata/articles"}
	if _, err := os.Stat("../../../shared/seeds"); err == nil {
		paths = append(paths, "../../../shared/seeds")
	}
	db := filepath.Join(t.TempDir(), "filters.db")
	if _, stderr, err := run(t, "", append([]string{"ingest", "--db", db}, paths...)...); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ents, err := store.Entities(ctx, claimgraph.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := store.Documents(ctx, claimgraph.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	all := exportRecords(t, db)

	// The neighbourhood of the most mentioned entity, at both depths.
	center := ents[0]
	for _, depth := range []int{1, 2} {
		for _, minSources := range []int{0, 2} {
			g, err := store.Graph(ctx, claimgraph.GraphQuery{Entity: center.ID, Depth: depth, MinSources: minSources, MaxNodes: 500})
			if err != nil {
				t.Fatal(err)
			}
			if g.Truncated {
				t.Fatalf("graph of %s truncated at 500 nodes: the comparison needs it whole", center.Name)
			}
			claimEdges := 0
			for _, e := range g.Edges {
				if e.Kind == claimgraph.EdgeClaim {
					claimEdges++
				}
			}
			got := exportRecords(t, db, "--entity", fmt.Sprint(center.ID), "--depth", fmt.Sprint(depth), "--min-sources", fmt.Sprint(minSources))
			if got["entity"] != len(g.Nodes) || got["edge:claim"] != claimEdges || got["edge:cooccur"] != len(g.Edges)-claimEdges {
				t.Errorf("--entity %s --depth %d --min-sources %d: %d entities, %d claim and %d co-mention edges; the graph shows %d, %d and %d",
					center.Name, depth, minSources, got["entity"], got["edge:claim"], got["edge:cooccur"], len(g.Nodes), claimEdges, len(g.Edges)-claimEdges)
			}
		}
	}

	// A type.
	byType := map[string]int{}
	for _, e := range ents {
		byType[e.Type]++
	}
	for typ, n := range byType {
		if got := exportRecords(t, db, "--type", typ); got["entity"] != n {
			t.Errorf("--type %s: %d entities, the listing has %d", typ, got["entity"], n)
		}
	}

	// An outlet, and a date range.
	byOutlet := map[string]int{}
	dated := 0
	var dates []string
	for _, d := range docs {
		byOutlet[d.Outlet]++
		if d.Date != "" {
			dated++
			dates = append(dates, d.Date)
		}
	}
	for outlet, n := range byOutlet {
		if outlet == "" {
			continue
		}
		listed, err := store.Documents(ctx, claimgraph.DocumentFilter{Outlet: outlet})
		if err != nil {
			t.Fatal(err)
		}
		if got := exportRecords(t, db, "--outlet", outlet); got["document"] != n || n != len(listed) {
			t.Errorf("--outlet %q: %d documents, the listing has %d", outlet, got["document"], len(listed))
		}
	}
	if dated > 0 {
		sort.Strings(dates)
		from, to := dates[0][:4], dates[len(dates)-1][:4]
		if got := exportRecords(t, db, "--from", from, "--to", to); got["document"] != dated {
			t.Errorf("--from %s --to %s: %d documents, %d are dated", from, to, got["document"], dated)
		}
		if got := exportRecords(t, db, "--from", "9000"); got["document"] != 0 {
			t.Errorf("--from 9000: %d documents", got["document"])
		}
	}

	// A minimum of sources drops the weaker edges and nothing else.
	if got := exportRecords(t, db, "--min-sources", "2"); got["entity"] != all["entity"] || got["edge"] >= all["edge"] && all["edge"] > 0 {
		t.Errorf("--min-sources 2: %d entities and %d edges of %d and %d", got["entity"], got["edge"], all["entity"], all["edge"])
	}
	for _, bad := range [][]string{{"--depth", "3", "--entity", center.Name}, {"--from", "last year"}, {"--entity", "no such actor at all"}, {"--format", "xlsx"}} {
		args := append([]string{"export", "--db", db}, bad...)
		if bad[0] != "--format" {
			args = append(args, "--format", "csv")
		}
		if _, _, err := run(t, "", args...); err == nil {
			t.Errorf("export %v: no error", bad)
		}
	}
}

package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/timex"
	"github.com/claimgraph/claimgraph/ingest"
	"github.com/claimgraph/claimgraph/pipeline"
)

func cmdDoc(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 || args[0] != "set-date" {
		fmt.Fprintln(m.Stderr, "Usage: claimgraph doc set-date [--db FILE] DOC ISO-DATE\n       claimgraph doc set-date [--db FILE] --from FILE.csv")
		if len(args) == 0 || isHelpWord(args[0]) {
			return nil
		}
		return fmt.Errorf("doc: unknown subcommand %q", args[0])
	}
	fs := m.newFlags("doc set-date", "DOC ISO-DATE | --from FILE.csv", `
Set a document's publication date and resolve its relative time expressions
("last June", "two months ago") against it, without re-running the other stages.

With --from, set many: a CSV file of id_or_source,date rows (a header row
"id,date" or "source,date" is skipped), where id_or_source is a document id (or
a unique prefix) or its source as docs prints it (a file path, path:LINE for
JSON Lines). A row that cannot be applied is reported on its own line naming
the file and row, and the others are applied.

The entity layer (which holds each entity's timeline) is brought up to date
afterwards, as after an ingest: on a large store that takes a while.`)
	db := m.dbFlag(fs)
	from := fs.String("from", "", "CSV file of id_or_source,date rows to apply")
	asJSON := fs.Bool("json", false, "print the document's time expressions as JSON")
	if err := parseArgs(fs, args[1:]); err != nil {
		return err
	}
	if *from != "" {
		if fs.NArg() != 0 {
			fs.Usage()
			return fmt.Errorf("doc set-date: --from takes no document or date arguments")
		}
		return m.setDatesFrom(ctx, *db, *from)
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("doc set-date: want a document id and a date")
	}
	date, ok := ingest.NormalizeDate(fs.Arg(1))
	if !ok {
		return claimgraph.Errorf(claimgraph.EINVALID, "doc set-date: %q is not an ISO 8601 date", fs.Arg(1))
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	d, changed, err := setDate(ctx, store, fs.Arg(0), date)
	if err != nil {
		return err
	}
	if _, err := resolveEntities(ctx, store, false); err != nil {
		return fmt.Errorf("doc set-date: update the entity layer: %w", err)
	}
	if *asJSON {
		return m.printJSON(map[string]any{"doc": d.ID, "date": date, "date_source": "user", "times": changed})
	}
	fmt.Fprintf(m.Stdout, "%s: date %s (user); %d time expressions re-anchored\n", d.ID, date, len(changed))
	for _, t := range changed {
		if t.Relative {
			v := orDash(t.Value)
			if r := claimgraph.ReadTimeValue(t.Value); r != "" {
				v += " (" + r + ")"
			}
			fmt.Fprintf(m.Stdout, "  %-24q %-8s %s\n", t.Text, t.Type, v)
		}
	}
	return nil
}

// setDate sets one document's date and re-anchors its relative times.
func setDate(ctx context.Context, store claimgraph.Store, ref, date string) (*claimgraph.Document, []claimgraph.TimeExpr, error) {
	d, a, err := documentAndAnalysis(ctx, store, ref)
	if err != nil {
		return nil, nil, err
	}
	d.Date = date
	dct := date
	if len(dct) > 10 {
		dct = dct[:10]
	}
	// The same ranges ingest analysed, so values equal those of an ingest
	// with this date.
	changed := timex.ReanchorAll(d.Text, pipeline.MainRanges(d), a.Times, dct)
	if err := store.SetDocumentDate(ctx, d.ID, date, "user", changed); err != nil {
		return nil, nil, err
	}
	return d, changed, nil
}

// setDatesFrom applies a CSV file of id_or_source,date rows.
func (m *Main) setDatesFrom(ctx context.Context, db, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("doc set-date: %w", err)
	}
	defer f.Close()
	store, err := m.openExisting(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	var bySource map[string]string // source → id, read once when a row needs it
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	set, failed := 0, 0
	fail := func(row int, format string, args ...any) {
		failed++
		fmt.Fprintf(m.Stderr, "claimgraph: doc set-date: %s:%d: %s\n", quoteName(path), row, esc(fmt.Sprintf(format, args...)))
	}
	for row := 1; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(row, "%v", err)
			if _, ok := err.(*csv.ParseError); ok {
				continue
			}
			break
		}
		if len(rec) != 2 {
			fail(row, "want 2 fields (id_or_source,date), got %d", len(rec))
			continue
		}
		ref, raw := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if row == 1 && strings.EqualFold(raw, "date") {
			continue // a header
		}
		date, ok := ingest.NormalizeDate(raw)
		if !ok {
			fail(row, "%q is not an ISO 8601 date", raw)
			continue
		}
		id := ref
		if _, err := store.Document(ctx, ref); err != nil {
			if claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
				fail(row, "%s: %v", ref, err)
				continue
			}
			if bySource == nil {
				if bySource, err = sourceIndex(ctx, store); err != nil {
					return err
				}
			}
			if id = bySource[ref]; id == "" {
				fail(row, "no document with id or source %q", ref)
				continue
			}
		}
		if _, _, err := setDate(ctx, store, id, date); err != nil {
			fail(row, "%s: %v", ref, err)
			continue
		}
		set++
	}
	if set > 0 {
		// Once for the batch: the timeline is derived with the entity layer.
		if _, err := resolveEntities(ctx, store, false); err != nil {
			return fmt.Errorf("doc set-date: update the entity layer: %w", err)
		}
	}
	fmt.Fprintf(m.Stdout, "dated %d document(s), failed %d\n", set, failed)
	if failed > 0 {
		return errReported
	}
	return nil
}

// sourceIndex maps every stored document's source to its id; a source
// shared by several documents maps to none (ambiguous).
func sourceIndex(ctx context.Context, store claimgraph.Store) (map[string]string, error) {
	docs, err := store.Documents(ctx, claimgraph.DocumentFilter{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		if _, dup := out[d.Source]; dup {
			out[d.Source] = ""
			continue
		}
		out[d.Source] = d.ID
	}
	return out, nil
}

package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

// csvTable is one CSV file: its name, header and rows.
type csvTable struct {
	name   string
	header []string
	rows   func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error
}

// CSVFiles lists the files of a CSV export, in the order written. Ids join
// across them: doc_id is documents.doc_id, entity ids are
// entities.entity_id, and the items of an edge are claim_id or quote_id.
func CSVFiles() []string {
	var out []string
	for _, t := range csvTables() {
		out = append(out, t.name)
	}
	return out
}

func itoa(n int) string                        { return strconv.Itoa(n) }
func i64(n int64) string                       { return strconv.FormatInt(n, 10) }
func ftoa(f float64) string                    { return strconv.FormatFloat(f, 'g', 6, 64) }
func btoa(b bool) string                       { return strconv.FormatBool(b) }
func spanCells(s claimgraph.TextSpan) []string { return []string{s.Text, itoa(s.Start), itoa(s.End)} }

func csvTables() []csvTable {
	return []csvTable{
		{"documents.csv", []string{"doc_id", "source", "url", "outlet", "title", "author", "date", "date_source", "lang", "format", "bytes"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Documents(ctx, func(d *claimgraph.Document) error {
					return emit(d.ID, d.Source, d.URL, d.Outlet, d.Title, d.Author, d.Date, d.DateSource, d.Lang, d.Format, itoa(d.Bytes))
				})
			}},
		{"entities.csv", []string{"entity_id", "name", "type", "mentions", "documents", "first", "last"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
					return emit(i64(e.ID), e.Name, e.Type, itoa(e.Mentions), itoa(e.Docs), e.First, e.Last)
				})
			}},
		{"aliases.csv", []string{"entity_id", "alias", "source", "rule", "doc_id", "start", "end", "evidence", "region"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
					for _, a := range e.Aliases {
						start, end := "", ""
						if a.Doc != "" {
							start, end = itoa(a.Start), itoa(a.End)
						}
						if err := emit(i64(e.ID), a.Name, a.Source, a.Rule, a.Doc, start, end, a.Evidence, string(a.Region)); err != nil {
							return err
						}
					}
					return nil
				})
			}},
		{"mentions.csv", []string{"mention_id", "doc_id", "start", "end", "text", "type", "kind", "name", "entity_id", "ambiguous", "confidence"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Mentions(ctx, func(m *claimgraph.Mention) error {
					return emit(i64(m.ID), m.Doc, itoa(m.Start), itoa(m.End), m.Text, m.Type, m.Kind, m.Name, entityID(m.Entity), btoa(m.Ambiguous), ftoa(m.Confidence))
				})
			}},
		{"quotes.csv", []string{"quote_id", "doc_id", "kind", "attribution", "factuality", "content", "start", "end",
			"speaker_entity_id", "speaker_name", "speaker_text", "speaker_start", "speaker_end", "speaker_confidence",
			"cue", "cue_start", "cue_end", "cue_lemma", "via"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Quotes(ctx, func(q *claimgraph.QuoteView) error {
					row := append([]string{i64(q.ID), q.Doc, q.Kind, q.Attribution, q.Factuality}, spanCells(q.Content)...)
					row = append(row, speakerCells(q.Speaker)...)
					row = append(row, spanCells(q.Cue)...)
					return emit(append(row, q.CueLemma, q.Via)...)
				})
			}},
		{"claims.csv", []string{"claim_id", "doc_id", "evidence", "start", "end",
			"subject", "subject_start", "subject_end", "subject_entity_id",
			"relation", "relation_start", "relation_end", "relation_lemma",
			"object", "object_start", "object_end", "object_entity_id",
			"source", "speaker_entity_id", "speaker_name", "speaker_text", "speaker_start", "speaker_end", "speaker_confidence",
			"cue", "cue_start", "cue_end", "via", "factuality", "hedges", "negated", "modality", "confidence"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Claims(ctx, func(cl *claimgraph.ClaimView) error {
					row := append([]string{i64(cl.ID), cl.Doc}, spanCells(cl.Evidence)...)
					row = append(append(row, spanCells(cl.Subject)...), entityID(cl.SubjectEntity))
					row = append(append(row, spanCells(cl.Relation)...), cl.RelationLemma)
					row = append(append(row, spanCells(cl.Object)...), entityID(cl.ObjectEntity))
					row = append(append(row, cl.Source), speakerCells(cl.Speaker)...)
					if cl.Cue != nil {
						row = append(row, spanCells(*cl.Cue)...)
					} else {
						row = append(row, "", "", "")
					}
					return emit(append(row, cl.Via, claimgraph.ClaimFactuality(&cl.Claim), strings.Join(cl.Hedges, "; "),
						btoa(cl.Negated), cl.Modality, ftoa(cl.Confidence))...)
				})
			}},
		{"times.csv", []string{"time_id", "doc_id", "start", "end", "text", "type", "value", "relative", "anchor", "mod"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Times(ctx, func(t *claimgraph.TimeExpr) error {
					return emit(i64(t.ID), t.Doc, itoa(t.Start), itoa(t.End), t.Text, t.Type, t.Value, btoa(t.Relative), t.Anchor, t.Mod)
				})
			}},
		{"reuse.csv", []string{"doc_a", "doc_b", "similarity", "containment", "a_start", "a_end", "b_start", "b_end", "score"},
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				// One row per aligned passage; a pair without passages has
				// one row with empty spans.
				return sel.Reuse(ctx, func(p *claimgraph.ReusePair) error {
					if len(p.Passages) == 0 {
						return emit(p.DocA, p.DocB, ftoa(p.Similarity), ftoa(p.Containment), "", "", "", "", "")
					}
					for _, ps := range p.Passages {
						if err := emit(p.DocA, p.DocB, ftoa(p.Similarity), ftoa(p.Containment),
							itoa(ps.AStart), itoa(ps.AEnd), itoa(ps.BStart), itoa(ps.BEnd), ftoa(ps.Score)); err != nil {
							return err
						}
					}
					return nil
				})
			}},
		{"edges.csv", append([]string{"source_entity_id", "target_entity_id"}, keyIDs(edgeKeys)...),
			func(ctx context.Context, sel claimgraph.ExportSelection, emit func(...string) error) error {
				return sel.Edges(ctx, func(e *claimgraph.ExportEdge) error {
					return emit(append([]string{i64(e.Source), i64(e.Target)}, edgeValues(e)...)...)
				})
			}},
	}
}

// entityID is an entity id cell: empty for 0 (unresolved).
func entityID(n int64) string {
	if n == 0 {
		return ""
	}
	return i64(n)
}

func keyIDs(keys []graphKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.id
	}
	return out
}

// speakerCells are the speaker columns: entity id, name, text, span,
// confidence; empty when the speaker is unknown (nil).
func speakerCells(s *claimgraph.Speaker) []string {
	if s == nil {
		return []string{"", "", "", "", "", ""}
	}
	return []string{entityID(s.Entity), s.Name, s.Text, itoa(s.Start), itoa(s.End), ftoa(s.Confidence)}
}

// writeTable writes one table as RFC 4180 CSV (CRLF line ends) with its
// header row, counting rows under the file's base name.
func writeTable(ctx context.Context, sel claimgraph.ExportSelection, t csvTable, w io.Writer, c *counter) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.header); err != nil {
		return err
	}
	section := strings.TrimSuffix(t.name, ".csv")
	err := t.rows(ctx, sel, func(cells ...string) error {
		if len(cells) != len(t.header) {
			return fmt.Errorf("%s: %d cells for %d columns", t.name, len(cells), len(t.header))
		}
		for i := range cells {
			cells[i] = defuse(loneCR(cells[i]))
		}
		c.add(section)
		return cw.Write(cells)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", t.name, err)
	}
	cw.Flush()
	return cw.Error()
}

// loneCR turns a carriage return that ends a line on its own (old Mac
// text) into a line feed: with CRLF line ends encoding/csv writes a
// field's "\n" as "\r\n" and drops a lone "\r", which would join two
// lines of a quote silently. Readers see every line break as "\n" then.
func loneCR(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			b.WriteByte('\n')
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// defuse keeps a spreadsheet from running a cell as a formula: text that
// starts with = + - @ (and is not a number) gets a leading apostrophe, the
// convention spreadsheets read as "text". Spans are unchanged: start and
// end still index the original.
func defuse(s string) string {
	if s == "" || !strings.ContainsRune("=+-@", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// WriteCSVDir writes the CSV files into dir, creating it.
func WriteCSVDir(ctx context.Context, sel claimgraph.ExportSelection, dir string, opts Options) (Counts, error) {
	c := newCounter(opts)
	defer c.done()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export csv: %w", err)
	}
	for _, t := range csvTables() {
		path := filepath.Join(dir, t.name)
		f, err := os.Create(path)
		if err != nil {
			return c.counts, fmt.Errorf("export csv: %w", err)
		}
		err = writeTable(ctx, sel, t, f, c)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return c.counts, fmt.Errorf("export csv %s: %w", path, err)
		}
	}
	return c.counts, nil
}

// WriteCSVZip writes the CSV files as one zip, each entry streamed.
func WriteCSVZip(ctx context.Context, sel claimgraph.ExportSelection, w io.Writer, c *counter) error {
	zw := zip.NewWriter(w)
	for _, t := range csvTables() {
		// A fixed time keeps the zip the same for the same store.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: t.name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if err := writeTable(ctx, sel, t, fw, c); err != nil {
			return err
		}
	}
	return zw.Close()
}

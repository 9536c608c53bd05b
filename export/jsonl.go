package export

import (
	"context"
	"encoding/json"
	"io"

	"github.com/claimgraph/claimgraph"
)

// writeJSONL writes claimgraph's own JSON Lines: one object a line, its
// "record" field naming what it is (document, entity, mention, quote,
// claim, time, reuse, edge), the other fields those of the JSON API.
func writeJSONL(ctx context.Context, sel claimgraph.ExportSelection, out io.Writer, c *counter) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	line := func(section string, v any) error {
		c.add(section)
		return enc.Encode(v)
	}
	steps := []func() error{
		func() error {
			return sel.Documents(ctx, func(d *claimgraph.Document) error {
				return line("documents", documentRecord{"document", d.ID, d.Source, d.Format, d.URL, d.Outlet, d.Title,
					d.Author, d.Date, d.DateSource, d.Lang, d.Bytes})
			})
		},
		func() error {
			return sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
				return line("entities", struct {
					Record string `json:"record"`
					*claimgraph.ExportEntity
				}{"entity", e})
			})
		},
		func() error {
			return sel.Mentions(ctx, func(m *claimgraph.Mention) error {
				return line("mentions", struct {
					Record string `json:"record"`
					*claimgraph.Mention
				}{"mention", m})
			})
		},
		func() error {
			return sel.Quotes(ctx, func(q *claimgraph.QuoteView) error {
				return line("quotes", struct {
					Record string `json:"record"`
					*claimgraph.QuoteView
				}{"quote", q})
			})
		},
		func() error {
			return sel.Claims(ctx, func(cl *claimgraph.ClaimView) error {
				return line("claims", struct {
					Record string `json:"record"`
					*claimgraph.ClaimView
					Factuality string `json:"factuality"`
				}{"claim", cl, claimgraph.ClaimFactuality(&cl.Claim)})
			})
		},
		func() error {
			return sel.Times(ctx, func(t *claimgraph.TimeExpr) error {
				return line("times", struct {
					Record string `json:"record"`
					*claimgraph.TimeExpr
				}{"time", t})
			})
		},
		func() error {
			return sel.Reuse(ctx, func(p *claimgraph.ReusePair) error {
				return line("reuse", struct {
					Record string `json:"record"`
					*claimgraph.ReusePair
				}{"reuse", p})
			})
		},
		func() error {
			return sel.Edges(ctx, func(e *claimgraph.ExportEdge) error {
				return line("edges", struct {
					Record string `json:"record"`
					*claimgraph.ExportEdge
				}{"edge", e})
			})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// documentRecord is a document's metadata line (the text stays in the
// store; every span of the other lines indexes it).
type documentRecord struct {
	Record     string `json:"record"`
	ID         string `json:"id"`
	Source     string `json:"source"`
	Format     string `json:"format"`
	URL        string `json:"url"`
	Outlet     string `json:"outlet"`
	Title      string `json:"title"`
	Author     string `json:"author"`
	Date       string `json:"date"`
	DateSource string `json:"date_source"`
	Lang       string `json:"lang"`
	Bytes      int    `json:"bytes"`
}

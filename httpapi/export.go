package httpapi

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/export"
)

// exportFilter reads the export filters from a query: entity, depth, type,
// outlet, from, to, min_sources (the names of the other listings).
func exportFilter(q url.Values) (claimgraph.ExportFilter, error) {
	f := claimgraph.ExportFilter{Entity: q.Get("entity"), Type: q.Get("type"), Outlet: q.Get("outlet"), From: q.Get("from"), To: q.Get("to")}
	for _, p := range []struct {
		name string
		dst  *int
	}{{"depth", &f.Depth}, {"min_sources", &f.MinSources}} {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return f, claimgraph.Errorf(claimgraph.EINVALID, "%s %q: want a whole number", p.name, v)
			}
			*p.dst = n
		}
	}
	return f, nil
}

// apiExport streams an export of the store, or of the part the filters
// select, as a download: GraphML, GEXF, CSV (a zip), FollowTheMoney,
// JSON-LD or JSON Lines. Errors found before the first byte are answered
// as usual; one found while streaming cuts the connection, so a client
// never takes a truncated file for a whole one.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) error {
	es, ok := s.store.(claimgraph.ExportStore)
	if !ok {
		return &httpError{status: http.StatusNotImplemented, code: "not_implemented", msg: "this store cannot export"}
	}
	q := r.URL.Query()
	format := q.Get("format")
	if err := export.CheckFormat(format); err != nil {
		return err
	}
	f, err := exportFilter(q)
	if err != nil {
		return err
	}
	sel, err := es.Export(r.Context(), f)
	if err != nil {
		return err
	}
	defer sel.Close()
	h := w.Header()
	h.Set("Content-Type", export.ContentType(format))
	h.Set("Content-Disposition", `attachment; filename="`+export.FileName(format)+`"`)
	h.Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		return nil
	}
	// The server's write timeout bounds a whole response; an export of a
	// large store takes minutes, some of them in one SQLite sort before the
	// first edge. So the deadline is lifted: a client that goes away
	// cancels the request's context, which stops the export.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	cw := &countingWriter{w: w}
	if _, err := export.Write(r.Context(), sel, format, cw, export.Options{}); err != nil {
		if cw.n == 0 {
			h.Del("Content-Disposition")
			return err
		}
		s.log.Error("export failed while streaming", "format", format, "err", err)
		panic(http.ErrAbortHandler)
	}
	return nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

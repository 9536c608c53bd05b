package main

import (
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph"
)

// speakerJSON is a quote's or claim's speaker as the commands print it:
// name is the resolved entity's canonical name, or null when the speaker
// span resolves to no entity.
type speakerJSON struct {
	Name       *string `json:"name"`
	Entity     int64   `json:"entity,omitempty"`
	Type       string  `json:"type,omitempty"`
	Text       string  `json:"text"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
}

func toSpeakerJSON(s *claimgraph.Speaker) *speakerJSON {
	if s == nil {
		return nil // no speaker found: printed as null, never left out
	}
	j := &speakerJSON{Entity: s.Entity, Type: s.Type, Text: s.Text, Start: s.Start, End: s.End, Confidence: s.Confidence}
	if s.Name != "" {
		name := s.Name
		j.Name = &name
	}
	return j
}

// quoteJSON is one quote with its document.
type quoteJSON struct {
	ID     int64  `json:"id"`
	Doc    string `json:"doc"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	// Attribution is what the source did (speech, belief, intention,
	// finding, accusation, denial, demand, ...); Factuality how the content
	// is presented (reported, denied, question, proposed).
	Attribution string                `json:"attribution"`
	Factuality  string                `json:"factuality"`
	Content     claimgraph.TextSpan   `json:"content"`
	Fragments   []claimgraph.TextSpan `json:"fragments"` // the pieces of an interrupted quote; empty when it is one piece
	Speaker     *speakerJSON          `json:"speaker"`
	Cue         claimgraph.TextSpan   `json:"cue"`
	CueLemma    string                `json:"cue_lemma"`
	Via         string                `json:"via"`
	ViaSpan     *claimgraph.TextSpan  `json:"via_span,omitempty"`
}

func cmdQuotes(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("quotes", "", `
List quotes: who said what, with the reporting verb (cue) and whom it was relayed
through (via), every part with its byte span. A speaker that resolves to no entity is
printed as unknown (JSON: "name": null); a quote with no speaker at all has
"speaker": null. --json prints JSON Lines, one quote a line.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one quote a line")
	speaker := fs.String("speaker", "", "only quotes by this entity (name, alias or id)")
	about := fs.String("about", "", "only quotes whose content mentions this entity")
	doc := fs.String("doc", "", "only quotes of this document (id or prefix)")
	page := listFlags(fs, "quotes", "quotes")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := page.check(); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("quotes: unexpected argument %q", fs.Arg(0))
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	off, lim := page.ask()
	qs, err := store.Quotes(ctx, claimgraph.QuoteFilter{Speaker: *speaker, About: *about, Doc: *doc, Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	qs = qs[:page.cut(m, len(qs))]
	for _, q := range qs {
		if *asJSON {
			if err := m.printJSONLine(quoteJSON{ID: q.ID, Doc: q.Doc, Title: q.Title, Outlet: q.Outlet, Date: q.Date, Kind: q.Kind,
				Attribution: q.Attribution, Factuality: q.Factuality, Fragments: orNone(q.Fragments),
				Content: q.Content, Speaker: toSpeakerJSON(q.Speaker), Cue: q.Cue, CueLemma: q.CueLemma, Via: q.Via, ViaSpan: q.ViaSpan}); err != nil {
				return err
			}
			continue
		}
		kind := q.Kind
		if q.Attribution != "" && q.Attribution != claimgraph.AttrSpeech {
			kind += " " + q.Attribution
		}
		fmt.Fprintf(m.Stdout, "%s %s [%d:%d] %s %s: %q", q.Doc, orDash(q.Date), q.Content.Start, q.Content.End, kind, esc(speakerLabel(q.Speaker)), clip(oneLine(q.Content.Text), 160))
		if q.Cue.Text != "" {
			fmt.Fprintf(m.Stdout, " (%s)", oneLine(q.Cue.Text))
		}
		if q.Via != "" {
			fmt.Fprintf(m.Stdout, " via %s", oneLine(q.Via))
		}
		fmt.Fprintln(m.Stdout)
	}
	return nil
}

// speakerLabel names a speaker for people: the entity, or the words used
// marked as unresolved, or "unknown speaker".
func speakerLabel(s *claimgraph.Speaker) string {
	switch {
	case s == nil:
		return "unknown speaker"
	case s.Name != "" && s.Name != s.Text:
		return fmt.Sprintf("%s (%q)", s.Name, s.Text)
	case s.Name != "":
		return s.Name
	}
	return fmt.Sprintf("unresolved %q", s.Text)
}

package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// claimJSON is one claim with its evidence and the corroboration of the
// cluster it belongs to.
type claimJSON struct {
	ID       int64                `json:"id"`
	Doc      string               `json:"doc"`
	Title    string               `json:"title"`
	Outlet   string               `json:"outlet"`
	Author   string               `json:"author"`
	Date     string               `json:"date"`
	Start    int                  `json:"start"` // the evidence span
	End      int                  `json:"end"`
	Text     string               `json:"text"`
	Evidence claimgraph.TextSpan  `json:"evidence"`
	Subject  argJSON              `json:"subject"`
	Relation relationJSON         `json:"relation"`
	Object   argJSON              `json:"object"`
	Speaker  *speakerJSON         `json:"speaker"` // null: the document's own voice
	Source   string               `json:"source"`  // who it rests on: an entity name, "outlet:NAME" or "document:ID"
	Cue      *claimgraph.TextSpan `json:"cue"`
	Via      string               `json:"via"`
	Hedges   []string             `json:"hedges"`
	Negated  bool                 `json:"negated"`
	// Negation repeats Negated under the name the issue uses.
	Negation bool   `json:"negation"`
	Modality string `json:"modality"`
	// Factuality is how the claim is presented (asserted, reported,
	// negated, possible, conditional, question, proposed, denied).
	Factuality string `json:"factuality"`
	// Stance is its cluster's stance; ContradictedBy the sources of the
	// opposite stance.
	Stance         string   `json:"stance"`
	ContradictedBy []string `json:"contradicted_by"`
	// Sources is the number of independent sources that support the
	// claim's cluster: 0 for questions, proposals, conditions and
	// possibilities.
	Sources     int      `json:"sources"`
	SourceNames []string `json:"source_names"`
	Cluster     string   `json:"cluster"`
	ClusterDocs int      `json:"cluster_docs"`
	Chain       []string `json:"chain"`
}

type argJSON struct {
	claimgraph.TextSpan
	Entity int64  `json:"entity,omitempty"`
	Name   string `json:"name"` // the entity's canonical name, or the text
}

type relationJSON struct {
	claimgraph.TextSpan
	Lemma string `json:"lemma"`
}

func cmdClaims(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("claims", "", `
List claims (subject, relation, object) grouped by what they state, with the number of
independent sources behind each group: a speaker counts once however many articles
repeat them, a document's own voice counts as its outlet, and copies of one text
(reuse) count once. Every claim comes with its evidence span, speaker, cue, hedges
and negation. --json prints JSON Lines, one claim a line, each with its group's
"sources" count and "cluster" key.`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one claim a line")
	about := fs.String("about", "", "only claims with this entity as subject or object (name, alias or id)")
	doc := fs.String("doc", "", "only claims of this document (id or prefix)")
	page := listFlags(fs, "claims", "claim groups")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := page.check(); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("claims: unexpected argument %q", fs.Arg(0))
	}
	store, err := m.openReader(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	off, lim := page.ask()
	clusters, err := store.Claims(ctx, claimgraph.ClaimFilter{About: *about, Doc: *doc, Offset: off, Limit: lim})
	if err != nil {
		return err
	}
	clusters = clusters[:page.cut(m, len(clusters))]
	w := m.Stdout
	for i, cl := range clusters {
		if !*asJSON {
			if i > 0 {
				fmt.Fprintln(w)
			}
			switch cl.Stance {
			case claimgraph.FactAsserted, claimgraph.FactNegated, "":
				fmt.Fprintf(w, "%s — %s — %s: supported by %d independent source(s) in %d document(s): %s\n",
					oneLine(cl.Subject), oneLine(cl.Relation), oneLine(cl.Object), cl.Sources, cl.Docs, oneLine(strings.Join(cl.SourceNames, "; ")))
			default:
				// Questions, proposals, conditions and possibilities support nothing.
				fmt.Fprintf(w, "%s — %s — %s: not a claim of fact (%s) in %d document(s): %s\n",
					oneLine(cl.Subject), oneLine(cl.Relation), oneLine(cl.Object), cl.Stance, cl.Docs, oneLine(strings.Join(cl.SourceNames, "; ")))
			}
			if len(cl.ContradictedBy) > 0 {
				fmt.Fprintf(w, "  contradicted by %d source(s): %s\n", len(cl.ContradictedBy), oneLine(strings.Join(cl.ContradictedBy, "; ")))
			}
			if len(cl.Chain) > 0 {
				fmt.Fprintf(w, "  copied text, oldest first: %s\n", oneLine(strings.Join(cl.Chain, " → ")))
			}
		}
		for _, c := range cl.Claims {
			if *asJSON {
				if err := m.printJSONLine(toClaimJSON(c, cl)); err != nil {
					return err
				}
				continue
			}
			var marks []string
			if c.Factuality != "" && c.Factuality != claimgraph.FactAsserted {
				marks = append(marks, c.Factuality)
			}
			if c.Negated && c.Factuality != claimgraph.FactNegated {
				marks = append(marks, "negated")
			}
			marks = append(marks, c.Hedges...)
			if c.Modality != "" {
				marks = append(marks, c.Modality)
			}
			if c.Via != "" {
				marks = append(marks, "via "+c.Via)
			}
			fmt.Fprintf(w, "  %s %s [%d:%d] %s: %q", c.Doc, orDash(c.Date), c.Evidence.Start, c.Evidence.End, oneLine(c.Source), clip(oneLine(c.Evidence.Text), 160))
			if len(marks) > 0 {
				fmt.Fprintf(w, " (%s)", oneLine(strings.Join(marks, ", ")))
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

func toClaimJSON(c claimgraph.ClaimView, cl claimgraph.ClaimCluster) claimJSON {
	arg := func(s claimgraph.TextSpan, e int64, name string) argJSON {
		if e == 0 {
			name = s.Text
		}
		return argJSON{TextSpan: s, Entity: e, Name: name}
	}
	return claimJSON{ID: c.ID, Doc: c.Doc, Title: c.Title, Outlet: c.Outlet, Author: c.Author, Date: c.Date,
		Start: c.Evidence.Start, End: c.Evidence.End, Text: c.Evidence.Text, Evidence: c.Evidence,
		Subject:  arg(c.Subject, c.SubjectEntity, cl.Subject),
		Relation: relationJSON{TextSpan: c.Relation, Lemma: c.RelationLemma},
		Object:   arg(c.Object, c.ObjectEntity, cl.Object),
		Speaker:  toSpeakerJSON(c.Speaker), Source: c.Source, Cue: c.Cue, Via: c.Via, Hedges: orNone(c.Hedges),
		Negated: c.Negated, Negation: c.Negated, Modality: c.Modality, Factuality: c.Factuality,
		Stance: cl.Stance, ContradictedBy: orNone(cl.ContradictedBy),
		Sources: cl.Sources, SourceNames: cl.SourceNames, Cluster: cl.Key, ClusterDocs: cl.Docs, Chain: orNone(cl.Chain)}
}

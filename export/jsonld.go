package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
)

// JSON-LD with W3C PROV-O and the Web Annotation vocabulary: documents are
// prov:Entity, actors prov:Agent (prov:Person, prov:Organization,
// prov:Location), and each quote, claim and alias with evidence is an
// oa:Annotation whose target is its document with a TextPositionSelector
// (character offsets, as the Web Annotation model counts, with the byte
// offsets beside them as cg:byteStart and cg:byteEnd) and a
// TextQuoteSelector (the exact words with some context).
// prov:wasDerivedFrom names the document and prov:wasAttributedTo the source:
// the speaker, or the outlet for a document's own voice. The one @context is
// embedded, so no processor fetches anything.

// jsonldContext is the embedded context.
var jsonldContext = map[string]any{
	"oa":      "http://www.w3.org/ns/oa#",
	"prov":    "http://www.w3.org/ns/prov#",
	"dcterms": "http://purl.org/dc/terms/",
	"rdf":     "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"rdfs":    "http://www.w3.org/2000/01/rdf-schema#",
	"skos":    "http://www.w3.org/2004/02/skos/core#",
	"xsd":     "http://www.w3.org/2001/XMLSchema#",
	"cg":      "https://github.com/claimgraph/claimgraph/ns#",
	"id":      "@id",
	"type":    "@type",

	"Annotation":           "oa:Annotation",
	"SpecificResource":     "oa:SpecificResource",
	"TextualBody":          "oa:TextualBody",
	"TextPositionSelector": "oa:TextPositionSelector",
	"TextQuoteSelector":    "oa:TextQuoteSelector",
	"motivation":           map[string]any{"@id": "oa:motivatedBy", "@type": "@id"},
	"target":               map[string]any{"@id": "oa:hasTarget"},
	"body":                 map[string]any{"@id": "oa:hasBody"},
	"source":               map[string]any{"@id": "oa:hasSource", "@type": "@id"},
	"selector":             map[string]any{"@id": "oa:hasSelector"},
	"value":                "rdf:value",
	"exact":                "oa:exact",
	"prefix":               "oa:prefix",
	"suffix":               "oa:suffix",
	"start":                map[string]any{"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
	"end":                  map[string]any{"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
	"byteStart":            map[string]any{"@id": "cg:byteStart", "@type": "xsd:nonNegativeInteger"},
	"byteEnd":              map[string]any{"@id": "cg:byteEnd", "@type": "xsd:nonNegativeInteger"},

	"wasAttributedTo": map[string]any{"@id": "prov:wasAttributedTo", "@type": "@id"},
	"wasDerivedFrom":  map[string]any{"@id": "prov:wasDerivedFrom", "@type": "@id"},
	"label":           "rdfs:label",
	"altLabel":        "skos:altLabel",
	"title":           "dcterms:title",
	"issued":          "dcterms:issued",
	"creator":         "dcterms:creator",
	"publisher":       map[string]any{"@id": "dcterms:publisher", "@type": "@id"},
	"url":             map[string]any{"@id": "dcterms:source", "@type": "@id"},

	"entityType":  "cg:entityType",
	"mentions":    map[string]any{"@id": "cg:mentions", "@type": "xsd:integer"},
	"documents":   map[string]any{"@id": "cg:documents", "@type": "xsd:integer"},
	"aliasOf":     map[string]any{"@id": "cg:aliasOf", "@type": "@id"},
	"aliasRule":   "cg:aliasRule",
	"quoteKind":   "cg:quoteKind",
	"speaker":     map[string]any{"@id": "cg:speaker", "@type": "@id"},
	"cue":         "cg:cue",
	"cueLemma":    "cg:cueLemma",
	"via":         "cg:via",
	"subject":     map[string]any{"@id": "cg:subject", "@type": "@id"},
	"object":      map[string]any{"@id": "cg:object", "@type": "@id"},
	"subjectText": "cg:subjectText",
	"objectText":  "cg:objectText",
	"relation":    "cg:relation",
	"factuality":  "cg:factuality",
	"hedge":       "cg:hedge",
	"negated":     map[string]any{"@id": "cg:negated", "@type": "xsd:boolean"},
	"modality":    "cg:modality",
	"sourceName":  "cg:sourceName",
}

func docIRI(id string) string      { return "urn:claimgraph:document:" + id }
func entityIRI(id int64) string    { return fmt.Sprintf("urn:claimgraph:entity:%d", id) }
func outletIRI(name string) string { return "urn:claimgraph:outlet:" + url.PathEscape(name) }

// jsonldWriter writes the @graph array one node at a time, keeping the text
// of the current document for character offsets and context.
type jsonldWriter struct {
	ctx  context.Context
	sel  claimgraph.ExportSelection
	w    *errWriter
	n    int
	doc  string
	text string
	c    *counter
}

func (j *jsonldWriter) node(section string, v map[string]any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if j.n > 0 {
		j.w.WriteString(",\n")
	}
	j.n++
	j.w.WriteString("  ")
	j.w.Write(b)
	j.c.add(section)
	return j.w.err
}

// contextChars is how many characters of context a TextQuoteSelector keeps
// on each side.
const contextChars = 32

// target returns an annotation target: the document with both selectors.
func (j *jsonldWriter) target(doc string, start, end int) (map[string]any, error) {
	if doc != j.doc {
		t, err := j.sel.Text(j.ctx, doc)
		if err != nil {
			return nil, err
		}
		j.doc, j.text = doc, t
	}
	t := j.text
	if start < 0 || end > len(t) || start > end {
		return nil, fmt.Errorf("span [%d:%d] outside document %s (%d bytes)", start, end, doc, len(t))
	}
	cs := utf8.RuneCountInString(t[:start])
	ce := cs + utf8.RuneCountInString(t[start:end])
	// The context: up to contextChars characters each side, found by
	// stepping over runes from the span outwards.
	i := start
	for n := 0; n < contextChars && i > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(t[:i])
		i -= size
	}
	pre := t[i:start]
	i = end
	for n := 0; n < contextChars && i < len(t); n++ {
		_, size := utf8.DecodeRuneInString(t[i:])
		i += size
	}
	suf := t[end:i]
	return map[string]any{
		"type":   "SpecificResource",
		"source": docIRI(doc),
		"selector": []any{
			map[string]any{"type": "TextPositionSelector", "start": cs, "end": ce, "byteStart": start, "byteEnd": end},
			map[string]any{"type": "TextQuoteSelector", "exact": t[start:end], "prefix": pre, "suffix": suf},
		},
	}, nil
}

// annotation returns an annotation node of a span of doc.
func (j *jsonldWriter) annotation(id, motivation string, body map[string]any, doc string, start, end int, attributedTo any) (map[string]any, error) {
	tgt, err := j.target(doc, start, end)
	if err != nil {
		return nil, err
	}
	a := map[string]any{"id": id, "type": "Annotation", "motivation": motivation, "body": body, "target": tgt,
		"wasDerivedFrom": docIRI(doc)}
	if attributedTo != nil {
		a["wasAttributedTo"] = attributedTo
	}
	return a, nil
}

// speakerAgent is who a quote or claim is attributed to: the speaker's
// entity, a blank agent named by the speaker's words when unresolved, nil
// when the speaker is unknown.
func speakerAgent(s *claimgraph.Speaker) any {
	switch {
	case s == nil:
		return nil
	case s.Entity != 0:
		return entityIRI(s.Entity)
	}
	return map[string]any{"type": "prov:Agent", "label": s.Text}
}

func writeJSONLD(ctx context.Context, sel claimgraph.ExportSelection, out io.Writer, c *counter) error {
	w := &errWriter{w: out}
	ctxJSON, err := json.MarshalIndent(jsonldContext, "  ", "  ")
	if err != nil {
		return err
	}
	w.WriteString("{\n  \"@context\": ")
	w.Write(ctxJSON)
	w.WriteString(",\n  \"@graph\": [\n")
	j := &jsonldWriter{ctx: ctx, sel: sel, w: w, c: c}
	err = sel.Documents(ctx, func(d *claimgraph.Document) error {
		n := map[string]any{"id": docIRI(d.ID), "type": []string{"prov:Entity", "cg:Document"}, "cg:bytes": d.Bytes}
		for k, v := range map[string]string{"title": d.Title, "issued": d.Date, "creator": d.Author, "cg:source": d.Source} {
			if v != "" {
				n[k] = v
			}
		}
		if d.URL != "" {
			n["url"] = d.URL
		}
		if d.Outlet != "" {
			n["publisher"] = map[string]any{"id": outletIRI(d.Outlet), "type": "prov:Organization", "label": d.Outlet}
		}
		return j.node("documents", n)
	})
	if err != nil {
		return err
	}
	err = sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
		types := []string{"prov:Agent"}
		switch e.Type {
		case claimgraph.TypePER:
			types = append(types, "prov:Person")
		case claimgraph.TypeORG:
			types = append(types, "prov:Organization")
		case claimgraph.TypeLOC:
			types = []string{"prov:Location"}
		}
		n := map[string]any{"id": entityIRI(e.ID), "type": types, "label": e.Name, "entityType": e.Type,
			"mentions": e.Mentions, "documents": e.Docs}
		if names := aliasNames(e); len(names) > 0 {
			n["altLabel"] = names
		}
		if err := j.node("entities", n); err != nil {
			return err
		}
		for i, a := range e.Aliases {
			if a.Doc == "" || a.End <= a.Start {
				continue
			}
			body := map[string]any{"type": "TextualBody", "value": a.Name, "aliasOf": entityIRI(e.ID),
				"aliasRule": a.Source + ":" + a.Rule}
			an, err := j.annotation(fmt.Sprintf("urn:claimgraph:alias:%d:%d", e.ID, i), "oa:identifying", body, a.Doc, a.Start, a.End,
				docIRI(a.Doc))
			if err != nil {
				return fmt.Errorf("alias %q of entity %d: %w", a.Name, e.ID, err)
			}
			if err := j.node("aliases", an); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = sel.Quotes(ctx, func(q *claimgraph.QuoteView) error {
		body := map[string]any{"type": "TextualBody", "value": q.Content.Text, "quoteKind": q.Kind}
		if q.Speaker != nil && q.Speaker.Entity != 0 {
			body["speaker"] = entityIRI(q.Speaker.Entity)
		}
		if q.Cue.Text != "" {
			body["cue"] = q.Cue.Text
			body["cueLemma"] = q.CueLemma
		}
		if q.Via != "" {
			body["via"] = q.Via
		}
		an, err := j.annotation(fmt.Sprintf("urn:claimgraph:quote:%d", q.ID), "oa:describing", body, q.Doc, q.Content.Start, q.Content.End,
			speakerAgent(q.Speaker))
		if err != nil {
			return fmt.Errorf("quote %d: %w", q.ID, err)
		}
		return j.node("quotes", an)
	})
	if err != nil {
		return err
	}
	err = sel.Claims(ctx, func(cl *claimgraph.ClaimView) error {
		body := map[string]any{"type": "cg:Claim", "value": cl.Evidence.Text,
			"subjectText": cl.Subject.Text, "relation": cl.RelationLemma, "objectText": cl.Object.Text,
			"factuality": claimgraph.ClaimFactuality(&cl.Claim), "negated": cl.Negated, "sourceName": cl.Source}
		if cl.SubjectEntity != 0 {
			body["subject"] = entityIRI(cl.SubjectEntity)
		}
		if cl.ObjectEntity != 0 {
			body["object"] = entityIRI(cl.ObjectEntity)
		}
		if len(cl.Hedges) > 0 {
			body["hedge"] = cl.Hedges
		}
		if cl.Modality != "" {
			body["modality"] = cl.Modality
		}
		if cl.Cue != nil {
			body["cue"] = cl.Cue.Text
		}
		if cl.Via != "" {
			body["via"] = cl.Via
		}
		var by any
		switch {
		case cl.Speaker != nil:
			by = speakerAgent(cl.Speaker)
		case cl.Outlet != "":
			by = outletIRI(cl.Outlet)
		default:
			by = docIRI(cl.Doc)
		}
		an, err := j.annotation(fmt.Sprintf("urn:claimgraph:claim:%d", cl.ID), "oa:describing", body, cl.Doc, cl.Evidence.Start, cl.Evidence.End, by)
		if err != nil {
			return fmt.Errorf("claim %d: %w", cl.ID, err)
		}
		return j.node("claims", an)
	})
	if err != nil {
		return err
	}
	w.WriteString("\n  ]\n}\n")
	return w.err
}

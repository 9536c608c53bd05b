package export

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// FollowTheMoney (https://followthemoney.tech) entities as Aleph and the
// ftm tools read them: one {"id", "schema", "properties"} object a line,
// every property value a list of strings.
//
//   - each document is an Article (title, author, publisher, publishedAt,
//     sourceUrl, bodyText: the original text every span indexes);
//   - PER entities are Person, ORG Organization, LOC Address (FtM has no
//     place schema; Address with its full name is the closest), with their
//     aliases; MISC entities have no FtM schema and are left out;
//   - each name an entity goes by in a document is a Mention (name,
//     document, resolved, detectedSchema), and a Documentation links the
//     entity to the article with the byte spans of its mentions, since
//     Mention has no property for a span;
//   - a claim between two exported entities is an UnknownLink (role: the
//     relation; status: its factuality; publisher: its source; summary:
//     source, cue, hedges and the evidence span; description: the
//     evidence text);
//   - a quote of an exported speaker is a Note on the speaker (proof: the
//     article; description: the words; summary: cue and span).
//
// Ids are derived from what a thing is, not from row numbers, so the same
// store exports the same ids: articles from the document id (itself a hash
// of the text), entities from the entity id (a hash of its name key), the
// rest from their document and span.

// ftmEntity is one FollowTheMoney entity.
type ftmEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// ftmSchema maps entity types to FtM schemata; "" means not exported.
func ftmSchema(typ string) string {
	switch typ {
	case claimgraph.TypePER:
		return "Person"
	case claimgraph.TypeORG:
		return "Organization"
	case claimgraph.TypeLOC:
		return "Address"
	}
	return ""
}

// ftmID returns a stable id: a prefix and the first 20 hex digits of the
// SHA-1 of the parts.
func ftmID(prefix string, parts ...string) string {
	h := sha1.Sum([]byte(strings.Join(parts, "\x00")))
	return prefix + "-" + hex.EncodeToString(h[:10])
}

func articleID(doc string) string { return "cg-article-" + doc }

// ftmEntityID is an entity's FtM id: the store's entity id, itself derived
// from the entity's smallest name key by resolution, so it is the same in
// every export of the same store and across re-resolution while the
// entity keeps that name.
func ftmEntityID(id int64) string { return fmt.Sprintf("cg-entity-%d", id) }

// props builds a property map, leaving out empty values.
func props(kv ...string) map[string][]string {
	m := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			m[kv[i]] = append(m[kv[i]], kv[i+1])
		}
	}
	return m
}

// ftmDate returns an ISO date FtM accepts (a prefix of YYYY-MM-DDTHH:MM:SS),
// "" otherwise.
func ftmDate(d string) string {
	if day := isoDay(d); day != "" {
		return day
	}
	if len(d) >= 4 && isDigits(d[:4]) && (len(d) == 4 || (len(d) == 7 && d[4] == '-' && isDigits(d[5:7]))) {
		return d
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func writeFtM(ctx context.Context, sel claimgraph.ExportSelection, out io.Writer, c *counter) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	emit := func(e ftmEntity) error {
		c.add("ftm:" + e.Schema)
		return enc.Encode(e)
	}
	err := sel.Documents(ctx, func(d *claimgraph.Document) error {
		text, err := sel.Text(ctx, d.ID)
		if err != nil {
			return err
		}
		p := props("title", d.Title, "author", d.Author, "publisher", d.Outlet, "publishedAt", ftmDate(d.Date),
			"sourceUrl", d.URL, "fileName", d.Source, "bodyText", text)
		c.add("documents")
		return emit(ftmEntity{ID: articleID(d.ID), Schema: "Article", Properties: p})
	})
	if err != nil {
		return err
	}
	// The schema of every exported entity, for the rows that name it: a
	// few bytes an entity.
	schemaOf := map[int64]string{}
	err = sel.Entities(ctx, func(e *claimgraph.ExportEntity) error {
		c.add("entities")
		schema := ftmSchema(e.Type)
		if schema == "" {
			return nil
		}
		schemaOf[e.ID] = schema
		p := props("name", e.Name)
		if schema == "Address" {
			p["full"] = []string{e.Name}
		}
		for _, a := range aliasNames(e) {
			p["alias"] = append(p["alias"], a)
		}
		if ev := aliasEvidence(e); len(ev) > 0 {
			p["notes"] = []string{"aliases: " + strings.Join(ev, "; ")}
		}
		return emit(ftmEntity{ID: ftmEntityID(e.ID), Schema: schema, Properties: p})
	})
	if err != nil {
		return err
	}
	ids := func(id int64) string {
		if schemaOf[id] == "" {
			return ""
		}
		return ftmEntityID(id)
	}
	if err := ftmMentions(ctx, sel, ids, schemaOf, emit); err != nil {
		return err
	}
	err = sel.Claims(ctx, func(cl *claimgraph.ClaimView) error {
		s, o := ids(cl.SubjectEntity), ids(cl.ObjectEntity)
		if s == "" || o == "" || s == o {
			return nil
		}
		fact := claimgraph.ClaimFactuality(&cl.Claim)
		summary := fmt.Sprintf("claim by %s in %s [%d:%d]; factuality: %s", cl.Source, cl.Doc, cl.Evidence.Start, cl.Evidence.End, fact)
		if cl.Cue != nil {
			summary += fmt.Sprintf("; cue: %q [%d:%d]", cl.Cue.Text, cl.Cue.Start, cl.Cue.End)
		}
		if len(cl.Hedges) > 0 {
			summary += "; hedges: " + strings.Join(cl.Hedges, ", ")
		}
		if cl.Modality != "" {
			summary += "; modality: " + cl.Modality
		}
		role := cl.RelationLemma
		if role == "" {
			role = cl.Relation.Text
		}
		if cl.Negated {
			role = "not " + role
		}
		p := props("subject", s, "object", o, "role", role, "status", fact, "publisher", cl.Source,
			"date", ftmDate(cl.Date), "summary", summary, "description", cl.Evidence.Text,
			"recordId", fmt.Sprintf("claim:%d", cl.ID))
		return emit(ftmEntity{ID: ftmID("cg-claim", cl.Doc, fmt.Sprint(cl.Evidence.Start), fmt.Sprint(cl.Evidence.End),
			fmt.Sprint(cl.Subject.Start), fmt.Sprint(cl.Object.Start)), Schema: "UnknownLink", Properties: p})
	})
	if err != nil {
		return err
	}
	return sel.Quotes(ctx, func(q *claimgraph.QuoteView) error {
		if q.Speaker == nil || ids(q.Speaker.Entity) == "" {
			return nil
		}
		summary := fmt.Sprintf("%s quote in %s [%d:%d]; speaker %q [%d:%d]", q.Kind, q.Doc, q.Content.Start, q.Content.End,
			q.Speaker.Text, q.Speaker.Start, q.Speaker.End)
		if q.Attribution != "" {
			summary += "; attribution: " + q.Attribution
		}
		if q.Factuality != "" {
			summary += "; factuality: " + q.Factuality
		}
		if q.Cue.Text != "" {
			summary += fmt.Sprintf("; cue: %q [%d:%d]", q.Cue.Text, q.Cue.Start, q.Cue.End)
		}
		if q.Via != "" {
			summary += "; via " + q.Via
		}
		p := props("entity", ids(q.Speaker.Entity), "proof", articleID(q.Doc), "description", q.Content.Text,
			"summary", summary, "name", "Quote of "+q.Speaker.Name)
		// One content can be attributed twice ("X said Y told him Z":
		// Z by Y, and by X through Y): the cue and the speaker's span
		// tell the attributions apart, and stay the same across exports.
		id := ftmID("cg-quote", q.Doc, fmt.Sprint(q.Content.Start), fmt.Sprint(q.Content.End),
			fmt.Sprint(q.Cue.Start), fmt.Sprint(q.Cue.End), fmt.Sprint(q.Speaker.Start), fmt.Sprint(q.Speaker.End))
		return emit(ftmEntity{ID: id, Schema: "Note", Properties: p})
	})
}

// ftmMentions writes, per document, a Mention for each distinct name of each
// entity (or unresolved name) and a Documentation per entity holding the
// byte spans. Mentions arrive by document, so one document's names are in
// memory at a time.
func ftmMentions(ctx context.Context, sel claimgraph.ExportSelection, ids func(int64) string, schemaOf map[int64]string, emit func(ftmEntity) error) error {
	type key struct {
		entity    int64
		name, typ string
	}
	doc := ""
	names := map[key]bool{}
	spans := map[int64][]string{}
	flush := func() error {
		keys := make([]key, 0, len(names))
		for k := range names {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].entity != keys[j].entity {
				return keys[i].entity < keys[j].entity
			}
			return keys[i].name < keys[j].name
		})
		for _, k := range keys {
			schema := ftmSchema(k.typ)
			if k.entity != 0 {
				schema = schemaOf[k.entity]
			}
			if schema == "" {
				continue
			}
			p := props("name", k.name, "document", articleID(doc), "detectedSchema", schema)
			// Mention:resolved ranges over legal entities: an Address is
			// linked through its Documentation instead.
			if k.entity != 0 && schema != "Address" {
				p["resolved"] = []string{ids(k.entity)}
			}
			if err := emit(ftmEntity{ID: ftmID("cg-mention", doc, fmt.Sprint(k.entity), k.typ, k.name), Schema: "Mention", Properties: p}); err != nil {
				return err
			}
		}
		ents := make([]int64, 0, len(spans))
		for e := range spans {
			ents = append(ents, e)
		}
		sort.Slice(ents, func(i, j int) bool { return ents[i] < ents[j] })
		for _, e := range ents {
			p := props("document", articleID(doc), "entity", ids(e), "role", "mentioned",
				"summary", "mentions in "+doc+": "+strings.Join(spans[e], "; "))
			if err := emit(ftmEntity{ID: ftmID("cg-documentation", doc, ids(e)), Schema: "Documentation", Properties: p}); err != nil {
				return err
			}
		}
		clear(names)
		clear(spans)
		return nil
	}
	err := sel.Mentions(ctx, func(m *claimgraph.Mention) error {
		if m.Doc != doc {
			if err := flush(); err != nil {
				return err
			}
			doc = m.Doc
		}
		if m.Entity != 0 && ids(m.Entity) == "" {
			return nil // an entity without an FtM schema
		}
		if m.Kind == claimgraph.MentionPronoun || m.Kind == claimgraph.MentionDescription {
			// "he", "the group": not names; the spans still count.
		} else {
			names[key{m.Entity, m.Text, m.Type}] = true
		}
		if m.Entity != 0 {
			spans[m.Entity] = append(spans[m.Entity], fmt.Sprintf("%q [%d:%d]", m.Text, m.Start, m.End))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

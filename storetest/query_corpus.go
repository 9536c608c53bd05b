package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
)

// The entities of the Corpus, with the ids its entity layer gives them.
const (
	EntRoe   int64 = 1 // Jane Roe, also written Roe
	EntAcme  int64 = 2 // Acme Corp, asserted to be known as ACME
	EntBlue  int64 = 3 // Blue Party
	EntMary  int64 = 4 // Mary Doe
	EntJohn  int64 = 5 // John Doe
	EntParis int64 = 6 // Paris
)

// The contents of the Corpus's quotes.
const (
	QuoteRoeTies      = "Acme Corp has ties with the Blue Party"
	QuoteRoeTransfers = "We saw the transfers,"
	QuoteDoeWin       = "the Blue Party would win"
)

// The texts of the Corpus, written for these tests.
const (
	textA = `Jane Roe said on 9 February 2015 that Acme Corp has ties with the Blue Party. "We saw the transfers," Roe told reporters. Acme Corp, also known as ACME, denied that it has ties with the Blue Party.`
	textB = `Acme Corp has ties with the Blue Party, the Morning Wire learned on 9 February 2015. Jane Roe had said so.`
	textC = `Acme Corp has ties with the Blue Party. In 2014 the Blue Party met Acme Corp. The talks lasted for three years.`
	textD = `Mary Doe met John Doe in Paris. Doe said the Blue Party would win. Mary Doe met John Doe in Paris.`
)

// Corpus is four small news-like documents with a hand-made analysis and
// entity layer, covering what the read side must answer:
//
//   - A (Daily Ledger, 2015-02-10): Jane Roe says Acme Corp has ties with the
//     Blue Party (indirect quote and claim, dated 9 February 2015); a direct
//     quote by "Roe"; Acme Corp, "also known as ACME", denies it (a negated
//     claim in Acme's voice).
//   - B (Morning Wire, 2015-02-12): a copy of A's claim (reuse pair with
//     containment 0.8) in the outlet's own voice.
//   - C (no outlet, 2015-03-01): the claim in the document's own voice; "In
//     2014" beside two actors; a duration.
//   - D (Daily Ledger, 2015-03-05): Mary and John Doe, then a bare "Doe"
//     (ambiguous, unresolved) quoted about the Blue Party; its last sentence
//     repeats its first (a reuse pair of D with itself).
type Corpus struct {
	Store      EntityStore
	A, B, C, D *claimgraph.Document
}

// Text returns the text of one of the corpus documents, "" for another id.
func (c *Corpus) Text(doc string) string {
	for _, d := range []*claimgraph.Document{c.A, c.B, c.C, c.D} {
		if d.ID == doc {
			return d.Text
		}
	}
	return ""
}

// builder constructs one document's analysis from substrings of its text.
type builder struct {
	t      testing.TB
	doc    *claimgraph.Document
	a      claimgraph.Analysis
	assign []assignment
}

type assignment struct {
	doc    string
	start  int
	entity int64
}

// span returns the n-th (from 0) occurrence of sub in the text.
func (b *builder) span(sub string, n int) claimgraph.TextSpan {
	b.t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(b.doc.Text[off:], sub)
		if j < 0 {
			b.t.Fatalf("corpus: %q occurs fewer than %d times", sub, n+1)
		}
		if i == n {
			return claimgraph.TextSpan{Text: sub, Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

// mention adds a mention and returns its ord; entity 0 leaves it unresolved.
func (b *builder) mention(sub string, n int, typ, kind string, entity int64, ambiguous bool) int {
	b.t.Helper()
	s := b.span(sub, n)
	b.a.Mentions = append(b.a.Mentions, claimgraph.Mention{Doc: b.doc.ID, Start: s.Start, End: s.End, Text: sub, Type: typ, Kind: kind,
		Name: sub, Chain: len(b.a.Mentions), Ambiguous: ambiguous, Confidence: 0.9})
	if entity != 0 {
		b.assign = append(b.assign, assignment{b.doc.ID, s.Start, entity})
	}
	return len(b.a.Mentions) - 1
}

func (b *builder) speaker(ord int) *claimgraph.Speaker {
	m := b.a.Mentions[ord]
	return &claimgraph.Speaker{Name: m.Name, Text: m.Text, Start: m.Start, End: m.End, Mention: ord, Type: m.Type, Confidence: 0.9}
}

// sentence returns the n-th sentence of the text (split on ". ").
func (b *builder) sentence(n int) claimgraph.TextSpan {
	start := 0
	for i := 0; i < n; i++ {
		start += strings.Index(b.doc.Text[start:], ". ") + 2
	}
	end := strings.Index(b.doc.Text[start:], ". ")
	if end < 0 {
		end = len(b.doc.Text) - start - 1
	}
	end += start + 1
	return claimgraph.TextSpan{Text: b.doc.Text[start:end], Start: start, End: end}
}

func (b *builder) claim(subj, rel, obj claimgraph.TextSpan, lemma string, evidence claimgraph.TextSpan, quote int, speaker *claimgraph.Speaker, cue *claimgraph.TextSpan, negated bool, tm int) {
	b.a.Claims = append(b.a.Claims, claimgraph.Claim{Doc: b.doc.ID, Subject: subj, Relation: rel, RelationLemma: lemma, Object: obj,
		Evidence: evidence, Quote: quote, Speaker: speaker, Cue: cue, Hedges: []string{}, Negated: negated, Time: tm, Confidence: 0.8})
}

func (b *builder) date(sub, typ, value string) {
	s := b.span(sub, 0)
	b.a.Times = append(b.a.Times, claimgraph.TimeExpr{Doc: b.doc.ID, Start: s.Start, End: s.End, Text: sub, Type: typ, Value: value, Rule: "test"})
}

func corpusDoc(text, outlet, date, title string) *claimgraph.Document {
	return &claimgraph.Document{ID: claimgraph.DocumentID(text), Source: "storetest", Format: "txt", Outlet: outlet, Title: title,
		Date: date, Encoding: "utf-8", Text: text,
		Regions:    []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: len(text), Why: "default"}},
		IngestedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

// LoadCorpus stores the Corpus in s and writes its entity layer.
func LoadCorpus(t testing.TB, s EntityStore) *Corpus {
	t.Helper()
	ctx := context.Background()
	c := &Corpus{Store: s,
		A: corpusDoc(textA, "Daily Ledger", "2015-02-10", "Official links firm to party"),
		B: corpusDoc(textB, "Morning Wire", "2015-02-12", "Firm and party"),
		C: corpusDoc(textC, "", "2015-03-01", "Notes on talks"),
		D: corpusDoc(textD, "Daily Ledger", "2015-03-05", "Paris meeting"),
	}
	var assign []assignment

	a := &builder{t: t, doc: c.A}
	roe := a.mention("Jane Roe", 0, "PER", "name", EntRoe, false)
	a.mention("Acme Corp", 0, "ORG", "name", EntAcme, false)
	a.mention("Blue Party", 0, "ORG", "name", EntBlue, false)
	roe2 := a.mention("Roe", 1, "PER", "name", EntRoe, false)
	acme2 := a.mention("Acme Corp", 1, "ORG", "name", EntAcme, false)
	a.mention("ACME", 0, "ORG", "acronym", EntAcme, false)
	a.mention("Blue Party", 1, "ORG", "name", EntBlue, false)
	said, told, denied := a.span("said", 0), a.span("told", 0), a.span("denied", 0)
	a.a.Quotes = []claimgraph.Quote{
		{Doc: c.A.ID, Kind: claimgraph.QuoteIndirect, Content: a.span(QuoteRoeTies, 0), Speaker: a.speaker(roe), Cue: said, CueLemma: "say"},
		{Doc: c.A.ID, Kind: claimgraph.QuoteDirect, Content: a.span(QuoteRoeTransfers, 0), Speaker: a.speaker(roe2), Cue: told, CueLemma: "tell"},
	}
	a.claim(a.span("Acme Corp", 0), a.span("has ties with", 0), a.span("Blue Party", 0), "have ties with", a.sentence(0), 0, a.speaker(roe), &said, false, 0)
	a.claim(a.span("Acme Corp", 1), a.span("has ties with", 1), a.span("Blue Party", 1), "have ties with", a.sentence(2), -1, a.speaker(acme2), &denied, true, -1)
	a.date("9 February 2015", claimgraph.TimexDate, "2015-02-09")
	ev := a.span("Acme Corp, also known as ACME", 0)
	a.a.Aliases = []claimgraph.AliasAssertion{{Doc: c.A.ID, Name: "Acme Corp", Alias: "ACME", Type: "ORG", Pattern: "also-known-as", Start: ev.Start, End: ev.End, Evidence: ev.Text}}

	b := &builder{t: t, doc: c.B}
	b.mention("Acme Corp", 0, "ORG", "name", EntAcme, false)
	b.mention("Blue Party", 0, "ORG", "name", EntBlue, false)
	b.mention("Jane Roe", 0, "PER", "name", EntRoe, false)
	b.claim(b.span("Acme Corp", 0), b.span("has ties with", 0), b.span("Blue Party", 0), "have ties with", b.sentence(0), -1, nil, nil, false, 0)
	b.date("9 February 2015", claimgraph.TimexDate, "2015-02-09")
	shared := "Acme Corp has ties with the Blue Party"
	pa, pb := a.span(shared, 0), b.span(shared, 0)
	b.a.Reuse = []claimgraph.ReusePair{{DocA: c.A.ID, DocB: c.B.ID, Similarity: 0.6, Containment: 0.8,
		Passages: []claimgraph.Passage{{AStart: pa.Start, AEnd: pa.End, BStart: pb.Start, BEnd: pb.End, AText: shared, BText: shared, Score: 1}}}}

	cc := &builder{t: t, doc: c.C}
	cc.mention("Acme Corp", 0, "ORG", "name", EntAcme, false)
	cc.mention("Blue Party", 0, "ORG", "name", EntBlue, false)
	cc.mention("Blue Party", 1, "ORG", "name", EntBlue, false)
	cc.mention("Acme Corp", 1, "ORG", "name", EntAcme, false)
	cc.claim(cc.span("Acme Corp", 0), cc.span("has ties with", 0), cc.span("Blue Party", 0), "have ties with", cc.sentence(0), -1, nil, nil, false, -1)
	cc.date("2014", claimgraph.TimexDate, "2014")
	cc.date("three years", claimgraph.TimexDuration, "P3Y")

	d := &builder{t: t, doc: c.D}
	d.doc.Regions = []claimgraph.Region{
		{Kind: claimgraph.RegionMain, Start: 0, End: d.sentence(2).Start, Why: "default"},
		{Kind: claimgraph.RegionRepeated, Start: d.sentence(2).Start, End: len(textD), Why: "repeats the first sentence"},
	}
	d.mention("Mary Doe", 0, "PER", "name", EntMary, false)
	d.mention("John Doe", 0, "PER", "name", EntJohn, false)
	d.mention("Paris", 0, "LOC", "name", EntParis, false)
	doe := d.mention("Doe", 2, "PER", "name", 0, true)
	d.mention("Blue Party", 0, "ORG", "name", EntBlue, false)
	d.a.Quotes = []claimgraph.Quote{{Doc: c.D.ID, Kind: claimgraph.QuoteIndirect, Content: d.span(QuoteDoeWin, 0), Speaker: d.speaker(doe), Cue: d.span("said", 0), CueLemma: "say"}}
	parisAgain := d.span("Paris", 1)
	first, last := d.sentence(0), d.sentence(2)
	d.a.Reuse = []claimgraph.ReusePair{{DocA: c.D.ID, DocB: c.D.ID, Similarity: 0.2, Containment: 0.3,
		Passages: []claimgraph.Passage{{AStart: first.Start, AEnd: first.End, BStart: last.Start, BEnd: last.End, AText: first.Text, BText: last.Text, Score: 1}}}}

	for _, bd := range []*builder{a, b, cc, d} {
		bd.a.Analyzer = "storetest"
		if _, err := s.PutDocument(ctx, bd.doc, &bd.a); err != nil {
			t.Fatalf("corpus: put %s: %v", bd.doc.Title, err)
		}
		assign = append(assign, bd.assign...)
	}
	mentions, err := s.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byStart := map[[2]any]int64{}
	for _, m := range mentions {
		byStart[[2]any{m.Doc, m.Start}] = m.ID
	}
	me := map[int64]int64{}
	for _, as := range assign {
		id, ok := byStart[[2]any{as.doc, as.start}]
		if !ok {
			t.Fatalf("corpus: no stored mention at %s:%d", as.doc, as.start)
		}
		me[id] = as.entity
	}
	mentionAlias := func(n string) claimgraph.Alias { return claimgraph.Alias{Name: n, Source: claimgraph.AliasMention} }
	entities := []claimgraph.Entity{
		{ID: EntRoe, Name: "Jane Roe", Type: "PER", Aliases: []claimgraph.Alias{mentionAlias("Jane Roe"), mentionAlias("Roe")}},
		{ID: EntAcme, Name: "Acme Corp", Type: "ORG", Aliases: []claimgraph.Alias{mentionAlias("Acme Corp"),
			{Name: "ACME", Source: claimgraph.AliasAsserted, Rule: "also-known-as", Doc: c.A.ID, Start: ev.Start, End: ev.End, Evidence: ev.Text}}},
		{ID: EntBlue, Name: "Blue Party", Type: "ORG", Aliases: []claimgraph.Alias{mentionAlias("Blue Party")}},
		{ID: EntMary, Name: "Mary Doe", Type: "PER", Aliases: []claimgraph.Alias{mentionAlias("Mary Doe")}},
		{ID: EntJohn, Name: "John Doe", Type: "PER", Aliases: []claimgraph.Alias{mentionAlias("John Doe")}},
		{ID: EntParis, Name: "Paris", Type: "LOC", Aliases: []claimgraph.Alias{mentionAlias("Paris"),
			// evidence in D's repeated passage: the store says which region holds it
			{Name: "Paris", Source: claimgraph.AliasAsserted, Rule: "test", Doc: c.D.ID, Start: parisAgain.Start, End: parisAgain.End, Evidence: parisAgain.Text}}},
	}
	if err := s.ReplaceEntities(ctx, entities, me); err != nil {
		t.Fatalf("corpus: replace entities: %v", err)
	}
	return c
}

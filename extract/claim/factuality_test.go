package claim

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/extract/quote"
	"github.com/claimgraph/claimgraph/nlp"
)

// factualityTable holds sentences written for this test, each with a claim
// between two marked actors and the factuality that claim must carry.
var factualityTable = []struct {
	src, want string
}{
	// asserted: the document's own voice.
	{"{{Orion|ORG|o}} funds {{Delta Front|ORG|d}}.", claimgraph.FactAsserted},
	{"{{Orion|ORG|o}} trained {{Delta Front|ORG|d}} fighters in 2019.", claimgraph.FactAsserted},
	{"{{Orion|ORG|o}} has attacked {{Delta Front|ORG|d}} twice this year.", claimgraph.FactAsserted},
	{"Last week {{Orion|ORG|o}} met {{Delta Front|ORG|d}} in Geneva.", claimgraph.FactAsserted},
	{"{{Orion|ORG|o}} supports {{Delta Front|ORG|d}} with money and arms.", claimgraph.FactAsserted},
	{"{{Orion|ORG|o}} will sign a deal with {{Delta Front|ORG|d}} on Friday.", claimgraph.FactAsserted},
	{"{{Orion|ORG|o}} signed an agreement with {{Delta Front|ORG|d}} after long talks.", claimgraph.FactAsserted},
	{"In March, {{Orion|ORG|o}} bought {{Delta Front|ORG|d}}.", claimgraph.FactAsserted},
	// reported: a source's statement, never the outlet's voice.
	{"{{Karim Haddad|PER|k}} said {{Orion|ORG|o}} funds {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"{{Karim Haddad|PER|k}} said that {{Orion|ORG|o}} had trained {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"\"{{Orion|ORG|o}} funds {{Delta Front|ORG|d}},\" {{Karim Haddad|PER|k}} said.", claimgraph.FactReported},
	{"According to {{Karim Haddad|PER|k}}, {{Orion|ORG|o}} supports {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"{{Karim Haddad|PER|k}} told reporters that {{Orion|ORG|o}} attacked {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"{{Karim Haddad|PER|k}} claimed that {{Orion|ORG|o}} met {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"A new report shows that {{Orion|ORG|o}} paid {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"A UN panel accused {{Orion|ORG|o}} of attacking {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	{"{{Karim Haddad|PER|k}} believes {{Orion|ORG|o}} funded {{Delta Front|ORG|d}}.", claimgraph.FactReported},
	// negated.
	{"{{Orion|ORG|o}} did not fund {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} never met {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} has not attacked {{Delta Front|ORG|d}} since 2010.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} doesn't support {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} refused to fund {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} stopped funding {{Delta Front|ORG|d}} last year.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} failed to reach {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	{"{{Orion|ORG|o}} no longer supports {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	// possible: modals and hedges.
	{"{{Orion|ORG|o}} may have funded {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} might support {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} could attack {{Delta Front|ORG|d}} next week.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} reportedly funded {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} allegedly trained {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} apparently met {{Delta Front|ORG|d}} in secret.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} is believed to fund {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} is said to control {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"Perhaps {{Orion|ORG|o}} funded {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} appears to fund {{Delta Front|ORG|d}}.", claimgraph.FactPossible},
	{"{{Orion|ORG|o}} is expected to attack {{Delta Front|ORG|d}} next week.", claimgraph.FactPossible},
	// An object frame or a refusal leaves the sentence's claim the outlet's.
	{"{{Orion|ORG|o}} praised {{Delta Front|ORG|d}} on Monday.", claimgraph.FactAsserted},
	{"{{Orion|ORG|o}} declined to fund {{Delta Front|ORG|d}}.", claimgraph.FactNegated},
	// conditional.
	{"If the vote fails, {{Orion|ORG|o}} will attack {{Delta Front|ORG|d}}.", claimgraph.FactConditional},
	{"{{Orion|ORG|o}} would fund {{Delta Front|ORG|d}} if the council agreed.", claimgraph.FactConditional},
	{"Unless the talks resume, {{Orion|ORG|o}} will fight {{Delta Front|ORG|d}}.", claimgraph.FactConditional},
	{"{{Orion|ORG|o}} will support {{Delta Front|ORG|d}} unless the ban stays.", claimgraph.FactConditional},
	{"If {{Orion|ORG|o}} funds {{Delta Front|ORG|d}}, the war will go on.", claimgraph.FactConditional},
	{"Should the deal fail, {{Orion|ORG|o}} would attack {{Delta Front|ORG|d}} if it could.", claimgraph.FactConditional},
	{"{{Orion|ORG|o}} will meet {{Delta Front|ORG|d}} if the ceasefire holds.", claimgraph.FactConditional},
	// question, direct and embedded.
	{"Did {{Orion|ORG|o}} fund {{Delta Front|ORG|d}}?", claimgraph.FactQuestion},
	{"Why did {{Orion|ORG|o}} attack {{Delta Front|ORG|d}}?", claimgraph.FactQuestion},
	{"{{Karim Haddad|PER|k}} asked whether {{Orion|ORG|o}} funded {{Delta Front|ORG|d}}.", claimgraph.FactQuestion},
	{"{{Karim Haddad|PER|k}} wanted to know whether {{Orion|ORG|o}} had underestimated {{Delta Front|ORG|d}}.", claimgraph.FactQuestion},
	{"It is unclear whether {{Orion|ORG|o}} met {{Delta Front|ORG|d}}.", claimgraph.FactQuestion},
	{"{{Karim Haddad|PER|k}} refused to say whether {{Orion|ORG|o}} paid {{Delta Front|ORG|d}}.", claimgraph.FactQuestion},
	{"{{Karim Haddad|PER|k}} asked if {{Orion|ORG|o}} supported {{Delta Front|ORG|d}}.", claimgraph.FactQuestion},
	{"Reporters wondered whether {{Orion|ORG|o}} would attack {{Delta Front|ORG|d}}.", claimgraph.FactQuestion},
	// proposed: plans, proposals, demands, bans.
	{"{{Orion|ORG|o}} plans to buy {{Delta Front|ORG|d}}.", claimgraph.FactProposed},
	{"{{Orion|ORG|o}} wants to attack {{Delta Front|ORG|d}}.", claimgraph.FactProposed},
	{"{{Orion|ORG|o}} proposed to merge with {{Delta Front|ORG|d}}.", claimgraph.FactProposed},
	{"{{Karim Haddad|PER|k}} demanded that {{Orion|ORG|o}} fund {{Delta Front|ORG|d}}.", claimgraph.FactProposed},
	{"The council proposed that {{Orion|ORG|o}} merge with {{Delta Front|ORG|d}}.", claimgraph.FactProposed},
	{"{{Orion|ORG|o}} intends to meet {{Delta Front|ORG|d}} next month.", claimgraph.FactProposed},
	{"{{Orion|ORG|o}} hopes to defeat {{Delta Front|ORG|d}} by spring.", claimgraph.FactProposed},
	{"The council voted to ban {{Orion|ORG|o}} from entering {{Marovia|LOC|m}}.", claimgraph.FactProposed},
	{"{{Karim Haddad|PER|k}} wants to ban {{Orion|ORG|o}} from entering {{Marovia|LOC|m}}.", claimgraph.FactProposed},
	{"{{Orion|ORG|o}} vowed to destroy {{Delta Front|ORG|d}}.", claimgraph.FactProposed},
	// denied.
	{"{{Karim Haddad|PER|k}} denied that {{Orion|ORG|o}} funded {{Delta Front|ORG|d}}.", claimgraph.FactDenied},
	{"{{Orion|ORG|o}} officials denied that {{Orion|ORG|o}} had trained {{Delta Front|ORG|d}}.", claimgraph.FactDenied},
	{"{{Karim Haddad|PER|k}} rejected claims that {{Orion|ORG|o}} met {{Delta Front|ORG|d}}.", claimgraph.FactDenied},
	{"{{Karim Haddad|PER|k}} denies that {{Orion|ORG|o}} supports {{Delta Front|ORG|d}}.", claimgraph.FactDenied},
	{"The ministry has denied that {{Orion|ORG|o}} attacked {{Delta Front|ORG|d}}.", claimgraph.FactDenied},
	{"\"{{Orion|ORG|o}} never paid {{Delta Front|ORG|d}},\" {{Karim Haddad|PER|k}} said.", claimgraph.FactNegated},
}

// extractMarked runs the quote and claim extractors with the tagging
// pipeline on a marked sentence.
func extractMarked(t *testing.T, pipe *nlp.Pipeline, src string) (string, []claimgraph.Claim) {
	text, ms := parseMarked(t, src)
	a := pipe.Analyze(text)
	qs := quote.Extract("d", text, a, ms, nil)
	return text, Extract("d", text, a, ms, qs, nil)
}

// TestFactualityTable: the claim between the two last-marked actors of each
// sentence carries the factuality its frame gives it.
func TestFactualityTable(t *testing.T) {
	pipe := nlp.Default()
	seen := map[string]int{}
	for _, tc := range factualityTable {
		seen[tc.want]++
		text, cs := extractMarked(t, pipe, tc.src)
		var got []string
		ok := false
		for _, c := range cs {
			if c.Subject.Text == "Karim Haddad" || c.Object.Text == "Karim Haddad" {
				continue // the speaker's own relations are not the claim under test
			}
			got = append(got, c.Subject.Text+"|"+c.Relation.Text+"|"+c.Object.Text+"="+c.Factuality)
			if c.Factuality == tc.want {
				ok = true
			} else {
				ok = false
				break
			}
		}
		if !ok {
			t.Errorf("%q: got %v, want every claim %s", text, got, tc.want)
		}
	}
	for _, f := range []string{claimgraph.FactAsserted, claimgraph.FactReported, claimgraph.FactNegated, claimgraph.FactPossible,
		claimgraph.FactConditional, claimgraph.FactQuestion, claimgraph.FactProposed, claimgraph.FactDenied} {
		if seen[f] < 5 {
			t.Errorf("factuality %s has %d sentences, want at least 5", f, seen[f])
		}
	}
	if len(factualityTable) < 60 {
		t.Errorf("%d sentences, want at least 60", len(factualityTable))
	}
}

// TestCorroborationCountsOnlySupport: the same claim found in documents of
// every stance; only asserted and reported statements count as independent
// sources, denials and negations show as contradiction, and questions,
// proposals, conditions and possibilities count for nothing.
func TestCorroborationCountsOnlySupport(t *testing.T) {
	pipe := nlp.Default()
	docs := []struct{ doc, outlet, src string }{
		{"a", "Alpha News", "{{Orion|ORG|o}} funds {{Delta Front|ORG|d}}."},
		{"b", "Beta Times", "{{Karim Haddad|PER|k}} said {{Orion|ORG|o}} funds {{Delta Front|ORG|d}}."},
		{"c", "Gamma Post", "{{Lena Holt|PER|l}} asked whether {{Orion|ORG|o}} funds {{Delta Front|ORG|d}}."},
		{"d", "Delta Daily", "{{Orion|ORG|o}} plans to fund {{Delta Front|ORG|d}}."},
		{"e", "Echo Wire", "{{Orion|ORG|o}} would fund {{Delta Front|ORG|d}} if the council agreed."},
		{"f", "Foxtrot", "{{Marco Iver|PER|m}} denied that {{Orion|ORG|o}} funds {{Delta Front|ORG|d}}."},
		{"g", "Golf Herald", "{{Orion|ORG|o}} may fund {{Delta Front|ORG|d}}."},
		{"h", "Hotel Review", "{{Orion|ORG|o}} does not fund {{Delta Front|ORG|d}}."},
	}
	var refs []Ref
	for _, d := range docs {
		_, cs := extractMarked(t, pipe, d.src)
		for _, c := range cs {
			if c.Subject.Text != "Orion" || c.Object.Text != "Delta Front" {
				continue
			}
			c.Doc = d.doc
			refs = append(refs, Ref{Doc: d.doc, Claim: c, Subject: EntityKey(0, "Orion"), Object: EntityKey(0, "Delta Front"),
				Speaker: SpeakerKey(d.doc, c.Speaker), Outlet: d.outlet})
		}
	}
	groups := Cluster(refs, nil)
	byStance := map[string]Group{}
	for _, g := range groups {
		if _, dup := byStance[g.Stance]; dup {
			t.Errorf("two groups of stance %s: %+v", g.Stance, groups)
		}
		byStance[g.Stance] = g
	}
	want := map[string]int{claimgraph.FactAsserted: 2, claimgraph.FactNegated: 2, claimgraph.FactQuestion: 0,
		claimgraph.FactProposed: 0, claimgraph.FactConditional: 0, claimgraph.FactPossible: 0}
	for st, n := range want {
		g, ok := byStance[st]
		if !ok {
			t.Errorf("no %s group in %+v", st, groups)
			continue
		}
		if g.Independent != n {
			t.Errorf("%s group: %d independent sources, want %d (%+v)", st, g.Independent, n, g.Sources)
		}
	}
	if g := byStance[claimgraph.FactAsserted]; len(g.ContradictedBy) != 2 {
		t.Errorf("asserted group contradicted by %d sources, want the denial and the negation", len(g.ContradictedBy))
	}
	for _, g := range groups {
		if g.Stance != claimgraph.FactAsserted && g.Stance != claimgraph.FactNegated && g.Independent > 0 {
			t.Errorf("a %s group counts %d sources as support", g.Stance, g.Independent)
		}
		if g.Stance == claimgraph.FactAsserted && strings.HasPrefix(g.Relation, "not ") {
			t.Errorf("asserted group keyed as negated: %s", g.Relation)
		}
	}
}

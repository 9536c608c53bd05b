package quote

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// TestAttributionKinds runs the tagging pipeline and the extractor on
// sentences written for this test: each attribution is found with its
// source, cue, kind, factuality and the start of its content.
func TestAttributionKinds(t *testing.T) {
	tests := []struct {
		text, speaker, cue, kind, fact, content string
	}{
		{"The senator believes the tariff will hurt farmers in her state.", "The senator", "believes", claimgraph.AttrBelief, claimgraph.FactReported, "the tariff will hurt"},
		{"Her rival wants to repeal the law before the election.", "Her rival", "wants", claimgraph.AttrIntention, claimgraph.FactProposed, "to repeal the law"},
		{"The governor urged lawmakers to pass the budget by Friday.", "The governor", "urged", claimgraph.AttrDemand, claimgraph.FactProposed, "lawmakers to pass"},
		{"A new poll shows that the mayor has lost support among young voters.", "A new poll", "shows", claimgraph.AttrFinding, claimgraph.FactReported, "the mayor has lost"},
		{"Critics accused the minister of hiding the cost of the bridge.", "Critics", "accused", claimgraph.AttrAccusation, claimgraph.FactReported, "the minister of hiding"},
		{"The company denied that it had paid the inspectors.", "The company", "denied", claimgraph.AttrDenial, claimgraph.FactDenied, "it had paid"},
		{"The council called for an independent inquiry into the contract.", "The council", "called for", claimgraph.AttrDemand, claimgraph.FactProposed, "an independent inquiry"},
		{"She is saying the team will appeal the ruling next week.", "She", "saying", claimgraph.AttrSpeech, claimgraph.FactReported, "the team will appeal"},
		{"The league has already officially accused the club of fielding an ineligible player.", "The league", "accused", claimgraph.AttrAccusation, claimgraph.FactReported, "the club of fielding"},
		{"The mayor tried to argue that the dam was safe.", "The mayor", "argue", claimgraph.AttrSpeech, claimgraph.FactReported, "the dam was safe"},
		{"Lena Holt: \"We will rebuild the bridge before the winter comes.\"", "Lena Holt", ":", claimgraph.AttrSpeech, claimgraph.FactReported, "We will rebuild"},
		{"Mike Pence says too much is made of the tweets.", "Mike Pence", "says", claimgraph.AttrSpeech, claimgraph.FactReported, "too much is made"},
		{"The bridge, the mayor said, will reopen in May.", "the mayor", "said", claimgraph.AttrSpeech, claimgraph.FactReported, "The bridge"},
		{"The reporter asked whether the border would reopen?", "The reporter", "asked", claimgraph.AttrQuestion, claimgraph.FactQuestion, ""},
		// Object frames: the object is the content, the subject holds a stance.
		{"The governor praised the volunteers who rebuilt the school.", "The governor", "praised", claimgraph.AttrOther, claimgraph.FactReported, "the volunteers"},
		{"Senator Ada Brook blasted the new tariff on steel.", "Ada Brook", "blasted", claimgraph.AttrAccusation, claimgraph.FactReported, "the new tariff"},
		{"The mayor is defending her decision to close the library.", "The mayor", "defending", claimgraph.AttrOther, claimgraph.FactReported, "her decision"},
		{"The minister pointed to the falling price of bread.", "The minister", "pointed to", claimgraph.AttrSpeech, claimgraph.FactReported, "the falling price"},
		{"The general warned of Russian efforts to disrupt the vote.", "The general", "warned of", claimgraph.AttrSpeech, claimgraph.FactReported, "Russian efforts"},
		{"The union announced a strike at the port.", "The union", "announced", claimgraph.AttrSpeech, claimgraph.FactReported, "a strike"},
		{"The company declined to comment on the lawsuit.", "The company", "declined", claimgraph.AttrDenial, claimgraph.FactDenied, "to comment"},
		{"The chairman asked the witness why the files were deleted.", "The chairman", "asked", claimgraph.AttrQuestion, claimgraph.FactQuestion, "why the files"},
		{"Protesters called the verdict \"a disgrace to the city.\"", "Protesters", "called", claimgraph.AttrSpeech, claimgraph.FactReported, "a disgrace"},
		// A participle hangs on the main clause's subject, past an opening adverbial.
		{"Late on Monday, the governor vetoed the bill, citing its cost to small towns.", "the governor", "citing", claimgraph.AttrSpeech, claimgraph.FactReported, "its cost"},
		// A mixed quote: the reported clause holds the quoted words.
		{"She says the plan is \"a tax on survival\" for most families.", "She", "says", claimgraph.AttrSpeech, claimgraph.FactReported, "the plan is"},
		// A headline's attribution, and a poll cited with "in".
		{"Brook: The tariff will cost jobs in every county.", "Brook", ":", claimgraph.AttrSpeech, claimgraph.FactReported, "The tariff"},
		{"In a survey released Tuesday, most voters opposed the new tax.", "a survey", "In", claimgraph.AttrFinding, claimgraph.FactReported, "most voters"},
	}
	pipe := nlp.Default()
	for _, tc := range tests {
		a := pipe.Analyze(tc.text)
		qs := Extract("d", tc.text, a, nil, nil)
		var found *claimgraph.Quote
		for i := range qs {
			if qs[i].Cue.Text == tc.cue {
				found = &qs[i]
			}
		}
		if tc.content == "" {
			if found != nil && found.Factuality != tc.fact {
				t.Errorf("%q: factuality %s, want %s", tc.text, found.Factuality, tc.fact)
			}
			continue
		}
		if found == nil {
			t.Errorf("%q: no attribution with cue %q (got %+v)", tc.text, tc.cue, qs)
			continue
		}
		if found.Speaker == nil || found.Speaker.Text != tc.speaker {
			t.Errorf("%q: speaker %+v, want %q", tc.text, found.Speaker, tc.speaker)
		}
		if found.Attribution != tc.kind || found.Factuality != tc.fact {
			t.Errorf("%q: %s/%s, want %s/%s", tc.text, found.Attribution, found.Factuality, tc.kind, tc.fact)
		}
		if !strings.HasPrefix(found.Content.Text, tc.content) {
			t.Errorf("%q: content %q, want it to start %q", tc.text, found.Content.Text, tc.content)
		}
	}
}

// TestTrailingAttributionEndsContent: "The union plans to strike, its
// leader said" is the leader's report of the union's intention; the
// intention's content stops before the report's tail.
func TestTrailingAttributionEndsContent(t *testing.T) {
	text := "The union plans to strike next month, its leader said."
	qs := Extract("d", text, nlp.Default().Analyze(text), nil, nil)
	var kinds []string
	for _, q := range qs {
		kinds = append(kinds, q.Attribution+":"+q.Content.Text)
		if q.Attribution == claimgraph.AttrIntention && strings.Contains(q.Content.Text, "said") {
			t.Errorf("intention runs into the report: %q", q.Content.Text)
		}
	}
	if len(qs) != 2 {
		t.Errorf("got %v, want the report and the intention", kinds)
	}
}

// TestParentheticalFragments: "A, the mayor said, B" is one attribution
// whose content is A and B, without the attribution between them.
func TestParentheticalFragments(t *testing.T) {
	text := "The bridge, the mayor said, will reopen in May."
	qs := Extract("d", text, nlp.Default().Analyze(text), nil, nil)
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
	}
	var got []string
	for _, f := range qs[0].Fragments {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("fragment %q does not match its span", f.Text)
		}
		got = append(got, f.Text)
	}
	if strings.Join(got, "|") != "The bridge|will reopen in May" {
		t.Errorf("fragments %q, want The bridge|will reopen in May", got)
	}
}

// TestNotAttributions lists sentences written for this test whose verbs
// look like cues but attribute nothing: acts, things without a stance, and
// documents that only frame another speaker's words.
func TestNotAttributions(t *testing.T) {
	tests := []struct{ text, cue string }{
		{"Militants attacked the army base near the border.", "attacked"},
		{"The storm questioned nothing and flattened the harbour.", "questioned"},
		{"In a statement, the minister laid out her plan for the railway.", "In"},
		{"In the wake of the report, the board replaced its chairman.", "In"},
		{"The mayor called a meeting for Thursday.", "called"},
		{"He is defending champion of the regional chess league.", "defending"},
	}
	pipe := nlp.Default()
	for _, tc := range tests {
		a := pipe.Analyze(tc.text)
		for _, q := range Extract("d", tc.text, a, nil, nil) {
			if q.Cue.Text == tc.cue || strings.HasPrefix(q.Cue.Text, tc.cue+" ") {
				t.Errorf("%q: unwanted attribution %q by %+v: %q", tc.text, q.Cue.Text, q.Speaker, q.Content.Text)
			}
		}
	}
}

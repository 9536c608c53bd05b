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
		{"The union asked for a meeting with the minister.", "The union", "asked for", claimgraph.AttrDemand, claimgraph.FactProposed, "a meeting"},
		{"The chairman asked the witness why the files were deleted.", "The chairman", "asked", claimgraph.AttrQuestion, claimgraph.FactQuestion, "why the files"},
		{"Protesters called the verdict \"a disgrace to the city.\"", "Protesters", "called", claimgraph.AttrSpeech, claimgraph.FactReported, "a disgrace"},
		// A participle hangs on the main clause's subject, past an opening adverbial.
		{"Late on Monday, the governor vetoed the bill, citing its cost to small towns.", "the governor", "citing", claimgraph.AttrSpeech, claimgraph.FactReported, "its cost"},
		// A mixed quote: the reported clause holds the quoted words.
		{"She says the plan is \"a tax on survival\" for most families.", "She", "says", claimgraph.AttrSpeech, claimgraph.FactReported, "the plan is"},
		// A headline's attribution, and a poll cited with "in".
		{"Brook: The tariff will cost jobs in every county.", "Brook", ":", claimgraph.AttrSpeech, claimgraph.FactReported, "The tariff"},
		// An impression with no named source: possible, not reported.
		{"The senator seemed to lose patience with the witnesses.", "", "seemed", claimgraph.AttrBelief, claimgraph.FactPossible, "The senator"},
		{"The mayor is expected to announce her budget on Friday.", "", "is expected", claimgraph.AttrBelief, claimgraph.FactPossible, "The mayor"},
		// Findings and beliefs stated after their content.
		{"The tax cut will pay for itself, most economists believe.", "most economists", "believe", claimgraph.AttrBelief, claimgraph.FactReported, "The tax cut"},
		// Naming without quote marks, objects that open with a verb form.
		{"The senator called it a common ailment of long campaigns.", "The senator", "called", claimgraph.AttrSpeech, claimgraph.FactReported, "it a common ailment"},
		{"The governor called for reducing the sales tax to four percent.", "The governor", "called for", claimgraph.AttrDemand, claimgraph.FactProposed, "reducing the sales tax"},
		// A stance held by the subject of an adjective.
		{"The senator is confident that the bill will pass.", "The senator", "is confident", claimgraph.AttrBelief, claimgraph.FactReported, "the bill will pass"},
		// An embedded question opening the sentence, asked of the subject.
		{"Asked whether she would run again, the mayor laughed.", "", "Asked", claimgraph.AttrQuestion, claimgraph.FactQuestion, "whether she would run"},
		// A coordinated cue after a plural people noun with no article.
		{"Authorities announced an arrest on Friday and said the curfew would continue.", "Authorities", "said", claimgraph.AttrSpeech, claimgraph.FactReported, "the curfew would continue"},
		// A participle after "while".
		{"The senator praised the deal while saying the costs were too high.", "The senator", "saying", claimgraph.AttrSpeech, claimgraph.FactReported, "the costs were too high"},
		// A named organization gives a bare clause to "reported".
		{"Reuters reported the talks had collapsed overnight.", "Reuters", "reported", claimgraph.AttrSpeech, claimgraph.FactReported, "the talks had collapsed"},
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
		if tc.speaker == "" && found.Speaker != nil || tc.speaker != "" && (found.Speaker == nil || found.Speaker.Text != tc.speaker) {
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
		{"The crowd pushed the barrier toward the stage.", "pushed"},
		{"The Orion group continued its campaign against the ministry.", "continued"},
		{"The officer pointed the flashlight at the car.", "pointed"},
		{"The mayor appeared on \"Fox News Sunday\" and on \"Meet the Press\" last week.", ""},
	}
	pipe := nlp.Default()
	for _, tc := range tests {
		a := pipe.Analyze(tc.text)
		for _, q := range Extract("d", tc.text, a, nil, nil) {
			if q.Cue.Text == tc.cue || tc.cue != "" && strings.HasPrefix(q.Cue.Text, tc.cue+" ") {
				t.Errorf("%q: unwanted attribution %q by %+v: %q", tc.text, q.Cue.Text, q.Speaker, q.Content.Text)
			}
		}
	}
}

// TestFollowOnSpeakers checks, on paragraphs written for this test, that a
// paragraph wholly quoted takes the speaker of the paragraph before only
// when that paragraph quotes one speaker, that a newswire's double
// apostrophes are quote marks, and that a quoted stretch inside a reported
// clause keeps the clause's speaker.
func TestFollowOnSpeakers(t *testing.T) {
	tests := []struct {
		text, content, speaker string // speaker "" means unknown
	}{
		{"\"The budget is gone,\" Lena Holt said at the hearing on Monday. She left early.\n\n\"We will need a new loan before the spring, and the banks know it.\"",
			"We will need", "Lena Holt"},
		{"\"The budget is gone,\" Lena Holt said. \"It was never balanced,\" Omar Reyes replied.\n\n\"We will need a new loan before the spring, and the banks know it.\"",
			"We will need", ""},
		{"The mayor said the bridge would be ''a monument to our patience,'' and left.",
			"the bridge would be", "The mayor"},
		{"She says the levy is \"a tax on survival\" for most stall owners.",
			"the levy is", "She"},
	}
	pipe := nlp.Default()
	for _, tc := range tests {
		a := pipe.Analyze(tc.text)
		var found *claimgraph.Quote
		qs := Extract("d", tc.text, a, nil, nil)
		for i := range qs {
			if strings.HasPrefix(qs[i].Content.Text, tc.content) {
				found = &qs[i]
			}
			for _, f := range qs[i].Fragments {
				if strings.HasPrefix(f.Text, tc.content) {
					found = &qs[i] // a continued quote is one attribution
				}
			}
		}
		if found == nil {
			t.Errorf("%q: no quote starting %q (got %+v)", tc.text, tc.content, qs)
			continue
		}
		got := ""
		if found.Speaker != nil {
			got = found.Speaker.Text
		}
		if got != tc.speaker {
			t.Errorf("%q: speaker %q, want %q", tc.text, got, tc.speaker)
		}
	}
}

package claim

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// TestArgumentMentionsJoinTheDocument checks that the mentions added for
// claim arguments carry the document and chains of their own, so entity
// resolution cannot join them with unrelated mentions.
func TestArgumentMentionsJoinTheDocument(t *testing.T) {
	text := "The Harbour Workers Union met on Monday. The Harbour Workers Union said the group would strike. Officials in Kestrelvik disagreed."
	a := nlp.Default().Analyze(text)
	org := strings.Index(text, "Harbour Workers Union")
	org2 := strings.LastIndex(text, "Harbour Workers Union")
	given := []claimgraph.Mention{
		{Doc: "d1", Start: org, End: org + 21, Text: "Harbour Workers Union", Type: "ORG", Kind: "name", Name: "Harbour Workers Union", Chain: 3},
		{Doc: "d1", Start: org2, End: org2 + 21, Text: "Harbour Workers Union", Type: "ORG", Kind: "name", Name: "Harbour Workers Union", Chain: 3},
	}
	out := ArgumentMentions(text, a, given)
	seen := map[int]bool{3: true}
	for _, m := range out {
		if m.Doc != "d1" {
			t.Errorf("mention %q has doc %q", m.Text, m.Doc)
		}
		if m.Type == "" {
			t.Errorf("mention %q has no type", m.Text)
		}
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention text %q does not match its span", m.Text)
		}
		if m.Kind == claimgraph.MentionDescription && m.Name == "Harbour Workers Union" {
			if m.Chain != 3 {
				t.Errorf("anaphor %q in chain %d, want the union's chain 3", m.Text, m.Chain)
			}
			continue
		}
		if m.Chain != 3 && seen[m.Chain] {
			t.Errorf("added mention %q reuses chain %d", m.Text, m.Chain)
		}
		seen[m.Chain] = true
	}
}

// TestArgumentMentionsNeedAWrittenName: the fallback names taken from the
// tagger's PROPN alone must be written as names: a lower-case word, a
// control character or one capitalized word opening a sentence is none.
func TestArgumentMentionsNeedAWrittenName(t *testing.T) {
	for _, text := range []string{
		"Port of Dunmore reopens\n\nThe harbour reopened on Monday, officials said.",
		"\x1b]0;x\x07Judge Ann Miller said the port had reopened.",
		"Ministry officials said the militia had left the valley.",
	} {
		a := nlp.Default().Analyze(text)
		for _, m := range ArgumentMentions(text, a, nil) {
			switch m.Text {
			case "Port", "Ministry", "militia", "\x1b":
				t.Errorf("%q: fallback name %q", text, m.Text)
			}
		}
	}
}

package claimgraph

import "strings"

// relationClasses folds relation lemmas that state one link between actors
// into one key, so "maintain tie with", "have relation with" and "ally with"
// corroborate each other. The first word found wins.
var relationClasses = []struct {
	words []string
	class string
}{
	{[]string{"tie", "ties", "link", "links", "relation", "relationship", "contact", "connection", "ally", "alliance", "collaborate", "cooperate", "cooperation", "collaboration", "partner", "partnership"}, "tied to"},
	{[]string{"support", "back", "finance", "fund", "supporter", "arm", "sponsor"}, "support"},
	{[]string{"meet", "meeting", "talk", "talks"}, "meet"},
	{[]string{"attack", "bomb", "kill", "assassinate", "fight", "target"}, "attack"},
	{[]string{"train", "trainer"}, "train"},
	{[]string{"order", "command", "direct", "control", "subordinate", "subordination"}, "controlled by"},
}

// RelationKey normalizes a relation lemma for clustering: a known relation
// class when one of its words occurs, else the lemma without auxiliaries
// and function words.
func RelationKey(lemma string) string {
	words := strings.Fields(strings.ToLower(lemma))
	for _, rc := range relationClasses {
		for _, w := range words {
			for _, c := range rc.words {
				if w == c {
					return rc.class
				}
			}
		}
	}
	var keep []string
	for _, w := range words {
		switch w {
		case "be", "have", "do", "to", "'s":
			continue
		}
		keep = append(keep, w)
	}
	if len(keep) == 0 {
		return strings.Join(words, " ")
	}
	return strings.Join(keep, " ")
}

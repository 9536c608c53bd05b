package claim

import (
	"testing"

	"github.com/claimgraph/claimgraph"
)

func TestRelationKey(t *testing.T) {
	tests := []struct{ lemma, want string }{
		{"maintain tie with", "tied to"},
		{"have ties with", "tied to"},
		{"ally with", "tied to"},
		{"support", "support"},
		{"be supporter of", "support"},
		{"give camp", "give camp"},
		{"have", "have"},
		{"be head of", "head of"},
	}
	for _, tt := range tests {
		if got := RelationKey(tt.lemma); got != tt.want {
			t.Errorf("RelationKey(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}

func TestCluster(t *testing.T) {
	ties := claimgraph.Claim{RelationLemma: "maintain tie with"}
	allied := claimgraph.Claim{RelationLemma: "ally with"}
	denied := claimgraph.Claim{RelationLemma: "have tie with", Negated: true}
	refs := []Ref{
		// One defector repeated by two articles: one source.
		{Doc: "a", Claim: ties, Subject: "entity:1", Object: "entity:2", Speaker: "entity:9", Outlet: "Site A"},
		{Doc: "b", Claim: ties, Subject: "entity:1", Object: "entity:2", Speaker: "entity:9", Outlet: "Site B"},
		// An outlet's own voice in two of its articles: one source.
		{Doc: "c", Claim: allied, Subject: "entity:1", Object: "entity:2", Outlet: "Site C"},
		{Doc: "d", Claim: allied, Subject: "entity:1", Object: "entity:2", Outlet: "site c"},
		// A copy of c on another site, in c's reuse cluster: the same voice.
		{Doc: "e", Claim: allied, Subject: "entity:1", Object: "entity:2", Outlet: "Mirror"},
		// An unrelated outlet asserting it: another source.
		{Doc: "f", Claim: ties, Subject: "entity:1", Object: "entity:2", Outlet: "Site F"},
		// A denial is not corroboration.
		{Doc: "g", Claim: denied, Subject: "entity:1", Object: "entity:2", Speaker: "entity:7"},
		// Another subject.
		{Doc: "a", Claim: ties, Subject: "entity:3", Object: "entity:2", Speaker: "entity:9"},
	}
	reuse := map[string]string{"c": "r1", "e": "r1"}
	groups := Cluster(refs, func(doc string) string {
		if r, ok := reuse[doc]; ok {
			return r
		}
		return doc
	})
	if len(groups) != 3 {
		t.Fatalf("groups = %d, want 3: %+v", len(groups), groups)
	}
	g := groups[0]
	if g.Subject != "entity:1" || g.Relation != "tied to" || g.Object != "entity:2" {
		t.Fatalf("first group = %s %s %s", g.Subject, g.Relation, g.Object)
	}
	if len(g.Claims) != 6 || g.Independent != 3 {
		t.Errorf("claims/independent = %d/%d, want 6/3; sources %+v", len(g.Claims), g.Independent, g.Sources)
	}
	if len(g.Docs) != 6 {
		t.Errorf("docs = %v, want 6 documents", g.Docs)
	}
	for _, g := range groups[1:] {
		if g.Independent != 1 {
			t.Errorf("group %s %s %s: independent = %d, want 1", g.Subject, g.Relation, g.Object, g.Independent)
		}
	}
}

func TestSpeakerKey(t *testing.T) {
	if k := SpeakerKey("d1", nil); k != "" {
		t.Errorf("own voice key = %q, want empty", k)
	}
	if a, b := SpeakerKey("d1", &claimgraph.Speaker{Text: "he"}), SpeakerKey("d2", &claimgraph.Speaker{Text: "he"}); a == b {
		t.Errorf("unresolved speakers in two documents share key %q", a)
	}
	if a, b := SpeakerKey("d1", &claimgraph.Speaker{Name: "Ali Reza", Text: "he"}), SpeakerKey("d2", &claimgraph.Speaker{Name: "ali  reza", Text: "Reza"}); a != b {
		t.Errorf("one named speaker has keys %q and %q", a, b)
	}
	if k := SpeakerKey("d", &claimgraph.Speaker{Entity: 4, Name: "X"}); k != "entity:4" {
		t.Errorf("entity key = %q", k)
	}
}

package claimgraph

import "testing"

func TestRelationKey(t *testing.T) {
	for _, tt := range []struct{ lemma, want string }{
		{"maintain strong tie with", "tied to"},
		{"have tie with", "tied to"},
		{"ally with", "tied to"},
		{"be subordinate unit of", "controlled by"},
		{"give camp to", "give camp"},
		{"have", "have"},
		{"", ""},
	} {
		if got := RelationKey(tt.lemma); got != tt.want {
			t.Errorf("RelationKey(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}

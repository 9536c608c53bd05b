package postgres

import (
	"reflect"
	"testing"
)

// TestReferencedTables checks the tables the swap locks up front: those the
// layer's foreign keys reference outside the layer, in the order an
// ingest writes them, each once.
func TestReferencedTables(t *testing.T) {
	layer := []string{"entities", "entity_aliases", "mention_entities", "entity_docs", "claim_entities"}
	for _, tt := range []struct {
		name string
		fks  [][3]string
		want []string
	}{
		{"none", nil, nil},
		{"the layer's keys", [][3]string{
			{"mention_entities", "mention_entities_mention_fkey", "FOREIGN KEY (mention) REFERENCES mentions(id) ON DELETE CASCADE"},
			{"claim_entities", "claim_entities_claim_fkey", "FOREIGN KEY (claim) REFERENCES claims(id) ON DELETE CASCADE"},
			{"entity_aliases", "entity_aliases_entity_fkey", "FOREIGN KEY (entity) REFERENCES entities(id) ON DELETE CASCADE"},
			{"entity_docs", "entity_docs_doc_fkey", "FOREIGN KEY (doc) REFERENCES documents(id) ON DELETE CASCADE"},
		}, []string{"documents", "mentions", "claims"}},
		{"repeated and unknown", [][3]string{
			{"a", "a_fkey", "FOREIGN KEY (x) REFERENCES zeta(id)"},
			{"b", "b_fkey", "FOREIGN KEY (x) REFERENCES times(id)"},
			{"c", "c_fkey", "FOREIGN KEY (x) REFERENCES alpha(id)"},
			{"d", "d_fkey", "FOREIGN KEY (x) REFERENCES times(id)"},
			{"e", "e_check", "CHECK (x > 0)"},
		}, []string{"times", "alpha", "zeta"}},
	} {
		if got := referencedTables(tt.fks, layer); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: referencedTables = %v, want %v", tt.name, got, tt.want)
		}
	}
}

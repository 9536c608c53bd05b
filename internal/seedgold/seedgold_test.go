package seedgold

import "testing"

func TestLoad(t *testing.T) {
	g, docs := Load(t)
	if len(docs) != len(g.Documents) || len(docs) == 0 {
		t.Fatalf("%d docs for %d gold documents", len(docs), len(g.Documents))
	}
	cut := false
	for i, d := range docs {
		if i > 0 && docs[i-1].Key >= d.Key {
			t.Errorf("docs not ordered by key")
		}
		if d.Cut < 0 || d.Cut > len(d.Text) {
			t.Errorf("%s: cut %d out of the text", d.Key, d.Cut)
		}
		cut = cut || d.Cut < len(d.Text)
	}
	if !cut && len(g.Boilerplate) > 0 {
		t.Errorf("no document cut where the gold names boilerplate")
	}
	if len(g.EntityOfName()) == 0 {
		t.Errorf("no names")
	}
}

package main

import (
	"strings"
	"testing"
)

func TestReuseCommand(t *testing.T) {
	db, c := corpusDB(t)
	objs := jsonLines(t, mustRun(t, "reuse", "--db", db, "--json"))
	if len(objs) != 2 {
		t.Fatalf("reuse = %d pairs, want 2", len(objs))
	}
	for _, o := range objs {
		for _, k := range []string{"doc_a", "doc_b", "similarity", "containment", "passages"} {
			if _, ok := o[k]; !ok {
				t.Errorf("reuse JSON lacks %q: %v", k, o)
			}
		}
		a, b := c.Text(o["doc_a"].(string)), c.Text(o["doc_b"].(string))
		for _, p := range o["passages"].([]any) {
			p := p.(map[string]any)
			as, ae := int(p["a_start"].(float64)), int(p["a_end"].(float64))
			bs, be := int(p["b_start"].(float64)), int(p["b_end"].(float64))
			if a[as:ae] != p["a_text"] || b[bs:be] != p["b_text"] {
				t.Errorf("passage spans do not hold their texts: %v", p)
			}
		}
	}
	if objs[0]["doc_a"] != c.A.ID || objs[0]["doc_b"] != c.B.ID || objs[1]["doc_a"] != objs[1]["doc_b"] {
		t.Errorf("pairs = %v / %v, want A→B first, then D with itself", objs[0], objs[1])
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--min", "0.5"}, 1},
		{[]string{"--doc", c.D.ID[:6]}, 1},
		{[]string{"--doc", c.C.ID}, 0},
	}
	for _, tt := range tests {
		if got := jsonLines(t, mustRun(t, append([]string{"reuse", "--db", db, "--json"}, tt.args...)...)); len(got) != tt.want {
			t.Errorf("reuse %v = %d pairs, want %d", tt.args, len(got), tt.want)
		}
	}
	human := mustRun(t, "reuse", "--db", db)
	if !strings.Contains(human, "repeats itself") || !strings.Contains(human, "containment 0.80") {
		t.Errorf("human output:\n%s", human)
	}
	if _, _, err := run(t, "", "reuse", "--db", db, "--min", "2"); err == nil {
		t.Error("--min 2 accepted")
	}
}

package main

import (
	"strings"
	"testing"
)

func TestOpenIE(t *testing.T) {
	in := "Several rebel units were trained by the army.\n\nThe minister said the plan would fail.\n"
	out, errs, err := run(t, in, "openie", "--format", "carb")
	if err != nil {
		t.Fatalf("openie: %v\n%s", err, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := map[string]bool{
		// CaRB's convention: a passive stays in its surface order.
		"Several rebel units were trained by the army.|were trained by|Several rebel units|the army": false,
		"The minister said the plan would fail.|said|The minister|the plan would fail":               false,
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 4 {
			t.Fatalf("line %q has %d fields, want sentence, confidence, relation, arg1[, arg2]", l, len(f))
		}
		if len(f) == 4 {
			continue // a verb without a complement
		}
		key := strings.Join([]string{f[0], f[2], f[3], f[4]}, "|")
		if _, ok := want[key]; ok {
			want[key] = true
		}
	}
	for k, found := range want {
		if !found {
			t.Errorf("missing extraction %s in\n%s", k, out)
		}
	}
	if _, _, err := run(t, "", "openie", "--format", "xml"); err == nil {
		t.Error("openie --format xml: no error")
	}
}

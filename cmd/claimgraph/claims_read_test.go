package main

import (
	"strings"
	"testing"
)

func TestClaimsCommand(t *testing.T) {
	db, c := corpusDB(t)
	objs := jsonLines(t, mustRun(t, "claims", "--db", db, "--json", "--about", "acme"))
	if len(objs) != 4 {
		t.Fatalf("claims about Acme = %d lines, want 4", len(objs))
	}
	for _, o := range objs {
		for _, k := range []string{"doc", "start", "end", "text", "speaker", "cue", "via", "hedges", "negation", "sources"} {
			if _, ok := o[k]; !ok {
				t.Errorf("claim JSON lacks %q: %v", k, o)
			}
		}
		start, end := int(o["start"].(float64)), int(o["end"].(float64))
		if c.Text(o["doc"].(string))[start:end] != o["text"] {
			t.Errorf("evidence span [%d:%d] does not hold %q", start, end, o["text"])
		}
	}
	type row struct {
		doc, source string
		sources     float64
		negation    bool
		speaker     any
	}
	var got []row
	for _, o := range objs {
		var sp any
		if s, ok := o["speaker"].(map[string]any); ok {
			sp = s["name"]
		}
		got = append(got, row{o["doc"].(string), o["source"].(string), o["sources"].(float64), o["negation"].(bool), sp})
	}
	want := []row{
		{c.A.ID, "Jane Roe", 2, false, "Jane Roe"},
		{c.B.ID, "outlet:Morning Wire", 2, false, nil},
		{c.C.ID, "document:" + c.C.ID, 2, false, nil},
		{c.A.ID, "Acme Corp", 1, true, "Acme Corp"},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("claim %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if objs[1]["speaker"] != nil {
		t.Errorf("own-voice claim speaker = %v, want null", objs[1]["speaker"])
	}

	human := mustRun(t, "claims", "--db", db)
	for _, want := range []string{"Acme Corp — tied to — Blue Party: supported by 2 independent source(s) in 3 document(s)", "Acme Corp — not tied to — Blue Party: supported by 1 independent source(s)",
		"contradicted by 1 source(s): Acme Corp",
		"copied text, oldest first: " + c.A.ID + " → " + c.B.ID, "(negated)"} {
		if !strings.Contains(human, want) {
			t.Errorf("human output lacks %q:\n%s", want, human)
		}
	}
	if out := mustRun(t, "claims", "--db", db, "--json", "--about", "Paris"); strings.TrimSpace(out) != "" {
		t.Errorf("claims about Paris printed %q, want nothing", out)
	}
}

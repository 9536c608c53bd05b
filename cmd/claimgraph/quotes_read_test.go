package main

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/storetest"
)

func TestQuotesCommand(t *testing.T) {
	db, c := corpusDB(t)
	tests := []struct {
		args []string
		want []string
	}{
		{nil, []string{storetest.QuoteRoeTies, storetest.QuoteRoeTransfers, storetest.QuoteDoeWin}},
		{[]string{"--speaker", "jane roe"}, []string{storetest.QuoteRoeTies, storetest.QuoteRoeTransfers}},
		{[]string{"--about", "Blue Party"}, []string{storetest.QuoteRoeTies, storetest.QuoteDoeWin}},
		{[]string{"--speaker", "Roe", "--about", "ACME"}, []string{storetest.QuoteRoeTies}},
	}
	for _, tt := range tests {
		out, stderr, err := run(t, "", append([]string{"quotes", "--db", db, "--json"}, tt.args...)...)
		if err != nil {
			t.Fatalf("quotes %v: %v\n%s", tt.args, err, stderr)
		}
		var got []string
		for _, o := range jsonLines(t, out) {
			for _, k := range []string{"doc", "kind", "content", "speaker", "cue", "via"} {
				if _, ok := o[k]; !ok {
					t.Errorf("quote JSON lacks %q: %v", k, o)
				}
			}
			content := o["content"].(map[string]any)
			text := content["text"].(string)
			start, end := int(content["start"].(float64)), int(content["end"].(float64))
			if c.Text(o["doc"].(string))[start:end] != text {
				t.Errorf("content span [%d:%d] does not hold %q", start, end, text)
			}
			got = append(got, text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("quotes %v = %q, want %q", tt.args, got, tt.want)
		}
	}

	objs := jsonLines(t, mustRun(t, "quotes", "--db", db, "--json"))
	roe := objs[1]["speaker"].(map[string]any)
	if roe["name"] != "Jane Roe" || roe["text"] != "Roe" || roe["start"] == nil || roe["end"] == nil {
		t.Errorf("resolved speaker = %v, want the canonical name with the span as written", roe)
	}
	if cue := objs[1]["cue"].(map[string]any); cue["text"] != "told" {
		t.Errorf("cue = %v", cue)
	}
	doe, ok := objs[2]["speaker"].(map[string]any)
	if !ok {
		t.Fatalf("unresolved speaker printed as %v, want an object with a null name", objs[2]["speaker"])
	}
	if name, present := doe["name"]; !present || name != nil || doe["text"] != "Doe" {
		t.Errorf("unresolved speaker = %v, want name null and text \"Doe\"", doe)
	}

	human := mustRun(t, "quotes", "--db", db)
	for _, want := range []string{`Jane Roe ("Roe")`, `unresolved "Doe"`, "(told)"} {
		if !strings.Contains(human, want) {
			t.Errorf("human output lacks %q:\n%s", want, human)
		}
	}
	if _, _, err := run(t, "", "quotes", "--db", db, "--speaker", "Nobody Known"); err == nil {
		t.Error("unknown speaker accepted")
	}
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, err := run(t, "", args...)
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	return out
}

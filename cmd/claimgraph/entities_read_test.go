package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/sqlite"
	"github.com/claimgraph/claimgraph/storetest"
)

// corpusDB writes storetest's corpus (four constructed articles with their
// analyses and entity layer) into a SQLite file and returns its path.
func corpusDB(t *testing.T) (string, *storetest.Corpus) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "read.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return path, storetest.LoadCorpus(t, db)
}

// jsonLines decodes each line of out as a JSON object.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		objs = append(objs, o)
	}
	return objs
}

func TestEntitiesCommand(t *testing.T) {
	db, _ := corpusDB(t)
	tests := []struct {
		args []string
		want []string // names in order
	}{
		{[]string{"--json"}, []string{"Blue Party", "Acme Corp", "Jane Roe", "Mary Doe", "John Doe", "Paris"}},
		{[]string{"--json", "--type", "org"}, []string{"Blue Party", "Acme Corp"}},
		{[]string{"--json", "--top", "2"}, []string{"Blue Party", "Acme Corp"}},
		{[]string{"--json", "--type", "PER", "--sort", "name"}, []string{"Jane Roe", "John Doe", "Mary Doe"}},
	}
	for _, tt := range tests {
		out, stderr, err := run(t, "", append([]string{"entities", "--db", db}, tt.args...)...)
		if err != nil {
			t.Fatalf("entities %v: %v\n%s", tt.args, err, stderr)
		}
		var names []string
		for _, o := range jsonLines(t, out) {
			for _, k := range []string{"id", "name", "type", "aliases"} {
				if _, ok := o[k]; !ok {
					t.Errorf("entities JSON lacks %q: %v", k, o)
				}
			}
			names = append(names, o["name"].(string))
			if o["name"] == "Acme Corp" {
				var aliases []string
				for _, a := range o["aliases"].([]any) {
					aliases = append(aliases, a.(map[string]any)["name"].(string))
				}
				if strings.Join(aliases, "|") != "Acme Corp|ACME" {
					t.Errorf("Acme aliases = %v", aliases)
				}
			}
		}
		if strings.Join(names, "|") != strings.Join(tt.want, "|") {
			t.Errorf("entities %v = %v, want %v", tt.args, names, tt.want)
		}
	}
	out, _, err := run(t, "", "entities", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Acme Corp") || !strings.Contains(out, "ACME") || !strings.HasPrefix(out, "ID") {
		t.Errorf("human listing:\n%s", out)
	}
	if _, _, err := run(t, "", "entities", "--db", db, "--sort", "size"); err == nil {
		t.Error("unknown sort accepted")
	}
}

func TestEntityCommand(t *testing.T) {
	db, c := corpusDB(t)
	out, stderr, err := run(t, "", "entity", "--db", db, "--json", "acme")
	if err != nil {
		t.Fatalf("entity: %v\n%s", err, stderr)
	}
	var e struct {
		ID           int64  `json:"id"`
		Name         string `json:"name"`
		Type         string `json:"type"`
		MentionCount int    `json:"mention_count"`
		Aliases      []struct {
			Name, Source, Rule, Doc, Evidence string
			Start, End                        int
		} `json:"aliases"`
		Documents []struct {
			Doc      string `json:"doc"`
			Mentions int    `json:"mentions"`
		} `json:"documents"`
		CoOccurring []struct {
			Name string `json:"name"`
			Docs int    `json:"docs"`
		} `json:"co_occurring"`
		Mentions []map[string]any `json:"mentions"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("entity JSON: %v\n%s", err, out)
	}
	if e.Name != "Acme Corp" || e.Type != "ORG" || e.MentionCount != 6 || len(e.Mentions) != 6 {
		t.Errorf("entity = %s %s, %d mentions (%d listed)", e.Name, e.Type, e.MentionCount, len(e.Mentions))
	}
	var asserted bool
	for _, a := range e.Aliases {
		if a.Name == "ACME" && a.Source == "asserted" && a.Doc == c.A.ID && c.A.Text[a.Start:a.End] == a.Evidence && a.Rule == "also-known-as" {
			asserted = true
		}
	}
	if !asserted {
		t.Errorf("aliases lack ACME with its evidence: %+v", e.Aliases)
	}
	if len(e.Documents) != 3 || e.Documents[0].Doc != c.A.ID || e.Documents[0].Mentions != 3 {
		t.Errorf("documents = %+v, want A (3 mentions) first of 3", e.Documents)
	}
	if len(e.CoOccurring) != 2 || e.CoOccurring[0].Name != "Blue Party" || e.CoOccurring[0].Docs != 3 {
		t.Errorf("co-occurring = %+v", e.CoOccurring)
	}

	out, _, err = run(t, "", "entity", "--db", db, "Mary", "Doe")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Mary Doe (PER)", "ambiguous mentions", `"Doe"`, c.D.ID} {
		if !strings.Contains(out, want) {
			t.Errorf("entity Mary Doe output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = run(t, "", "entity", "--db", db, "ACME")
	if err != nil || !strings.Contains(out, `"Acme Corp, also known as ACME"`) || !strings.Contains(out, "Blue Party") {
		t.Errorf("entity ACME human output (%v):\n%s", err, out)
	}
	if _, _, err := run(t, "", "entity", "--db", db, "Nobody Known"); err == nil || !strings.Contains(err.Error(), "not_found") {
		t.Errorf("unknown entity: %v, want a not found error", err)
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// footer is a site's boilerplate, written for this test: the same lines
// close every article of the outlet.
const footer = "\n\nSubscribe to the Harbour Gazette morning briefing for the stories that matter to the coast, delivered every weekday before seven.\n" +
	"The Harbour Gazette is an independent newspaper published by the Harbour Gazette Trust since nineteen eighty-one, with offices in Portsea and Kingsmouth.\n"

// TestCrashedDerivedStepsCatchUp kills real processes (SIGKILL) half-way
// through boilerplate learning, and with a new entity layer computed but
// not stored after a merge, an undo and an alias import; a plain re-run of
// ingest then leaves the store equal to one where nothing was killed
// (regions, the entity layer, quotes, claims, timeline). On both stores.
func TestCrashedDerivedStepsCatchUp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs real processes")
	}
	dir := t.TempDir()
	input, _ := treebankInput(t, dir, 40)
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(mustRead(t, input)), "\n") {
		var rec map[string]string
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		rec["text"] += footer
		out, _ := json.Marshal(rec)
		b.Write(out)
		b.WriteByte('\n')
	}
	input = filepath.Join(dir, "gazette.jsonl")
	if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := buildBinary(t, dir)
	claimgraph := func(t *testing.T, crashAt string, args ...string) error {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "CLAIMGRAPH_CRASH_AT="+crashAt)
		out, err := cmd.CombinedOutput()
		if crashAt == "" && err != nil {
			t.Fatalf("claimgraph %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return err
	}
	killed := func(t *testing.T, crashAt string, args ...string) {
		t.Helper()
		err := claimgraph(t, crashAt, args...)
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
			t.Fatalf("claimgraph %s with CLAIMGRAPH_CRASH_AT=%s: %v; want killed by a signal", strings.Join(args, " "), crashAt, err)
		}
	}
	for name, target := range storeTargets() {
		t.Run(name, func(t *testing.T) {
			clean, crashed := target(t), target(t)
			ingest := []string{"ingest", "-q", "--outlet", "Harbour Gazette", "--db"}
			claimgraph(t, "", append(ingest, clean, input)...)
			killed(t, "boilerplate", append(ingest, crashed, input)...)
			claimgraph(t, "", append(ingest, crashed, input)...)
			compareStores(t, bin, "boilerplate learning", clean, crashed)
			if !strings.Contains(dumpRegions(t, clean), "boilerplate") {
				t.Fatal("the clean ingest learned no boilerplate: the test's footer is not recognized")
			}

			top := topEntityNames(t, bin, clean, 2)
			decisions := []struct {
				what string
				args []string
			}{
				{"merge", []string{"entity", "merge", "--db", "DB", top[0], top[1]}},
				{"undo", []string{"entity", "undo", "--db", "DB", "1"}},
				{"import", []string{"aliases", "import", "--db", "DB", writeAliases(t, dir, top)}},
			}
			for _, d := range decisions {
				withDB := func(db string) []string {
					a := append([]string{}, d.args...)
					for i := range a {
						if a[i] == "DB" {
							a[i] = db
						}
					}
					return a
				}
				claimgraph(t, "", withDB(clean)...)
				killed(t, "entities", withDB(crashed)...)
				claimgraph(t, "", append(ingest, crashed, input)...) // a plain re-run
				compareStores(t, bin, d.what, clean, crashed)
			}
		})
	}
}

func writeAliases(t *testing.T, dir string, names []string) string {
	p := filepath.Join(dir, "aliases.txt")
	if err := os.WriteFile(p, []byte(fmt.Sprintf("split: %s | %s\n", names[0], names[1])), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func topEntityNames(t *testing.T, bin, db string, n int) []string {
	out, err := exec.Command(bin, "entities", "--json", "--top", fmt.Sprint(n), "--db", db).Output()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var e struct{ Name string }
		json.Unmarshal([]byte(line), &e)
		names = append(names, e.Name)
	}
	if len(names) < n {
		t.Fatalf("only %d entities", len(names))
	}
	return names
}

// dumpRegions lists every document's regions, sorted.
func dumpRegions(t *testing.T, db string) string {
	rows, err := openSQL(t, db).Query(`SELECT d.id, r.kind, r.start, r."end" FROM regions r JOIN documents d ON d.seq = r.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var doc, kind string
		var s, e int
		if err := rows.Scan(&doc, &kind, &s, &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %s %d %d", doc, kind, s, e))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// compareStores compares the derived state of two stores: regions, the
// entity layer, quotes, claims, timeline, and whether the layer is fresh.
func compareStores(t *testing.T, bin, after, clean, crashed string) {
	t.Helper()
	if a, b := dumpRegions(t, clean), dumpRegions(t, crashed); a != b {
		t.Errorf("after a crash during %s and a re-run, regions differ from a clean run:\n%s", after, firstLineDiff(b, a))
	}
	for _, cmd := range []string{"entities", "quotes", "claims", "timeline"} {
		a, err1 := exec.Command(bin, cmd, "--json", "--db", clean).Output()
		b, err2 := exec.Command(bin, cmd, "--json", "--db", crashed).Output()
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", cmd, err1, err2)
		}
		if string(a) != string(b) {
			t.Errorf("after a crash during %s and a re-run, %s differ from a clean run:\n%s", after, cmd, firstLineDiff(string(b), string(a)))
		}
	}
}

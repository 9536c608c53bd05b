package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSplitRejectsAssertionAndMergeByID: a split of two names a document
// asserted as one keeps the assertion on both sides as "rejected" (never a
// name to find them by), and the ids split prints merge them back.
func TestSplitRejectsAssertionAndMergeByID(t *testing.T) {
	db, docs := articleDir(t)
	write := func(name, text string) { writeFile(t, filepath.Join(docs, name), text) }
	write("a.txt", "The Ridgeline Militia, also known as the Red Hand Brigade, seized the mountain pass on Monday.\n\nThe Ridgeline Militia said the road would stay closed.\n")
	write("b.txt", "Villagers said the Red Hand Brigade had left the valley before dawn.\n\nThe Red Hand Brigade did not answer calls.\n")
	if _, stderr, err := run(t, "", "ingest", "--db", db, docs); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	if !sameEntity(t, db, "Ridgeline Militia", "Red Hand Brigade") {
		t.Fatalf("the asserted alias did not join the names:\n%s", entityLayer(t, db))
	}
	out, stderr, err := run(t, "", "entity", "split", "--db", db, "Ridgeline Militia", "Red Hand Brigade")
	if err != nil {
		t.Fatalf("split: %v %s", err, stderr)
	}
	if sameEntity(t, db, "Ridgeline Militia", "Red Hand Brigade") {
		t.Fatalf("split left the names together:\n%s", entityLayer(t, db))
	}
	for _, name := range []string{"Red Hand Brigade", "Ridgeline Militia"} {
		page, stderr, err := run(t, "", "entity", "--db", db, name)
		if err != nil {
			t.Fatalf("entity %s: %v %s", name, err, stderr)
		}
		if !regexp.MustCompile(`(?m)^\s+\S.*\brejected\s+also-known-as in \S+ \[\d+:\d+\] "Ridgeline Militia, also known as the Red Hand Brigade"`).MatchString(page) {
			t.Errorf("entity %s does not show the refused assertion as rejected with its evidence:\n%s", name, page)
		}
	}
	// Each entity is found by its own name only: the rejected one is no key.
	one, _, err1 := run(t, "", "entity", "--db", db, "--json", "Red Hand Brigade")
	two, _, err2 := run(t, "", "entity", "--db", db, "--json", "Ridgeline Militia")
	if err1 != nil || err2 != nil || one == two {
		t.Fatalf("after the split both names open the same page (%v, %v)", err1, err2)
	}
	// The aliases file shows the rejected assertion, with its evidence, as a comment.
	exported := filepath.Join(filepath.Dir(db), "aliases.txt")
	if _, stderr, err := run(t, "", "aliases", "export", "--db", db, exported); err != nil {
		t.Fatalf("export: %v %s", err, stderr)
	}
	if b, _ := os.ReadFile(exported); !regexp.MustCompile(`(?m)^# Red Hand Brigade \(entity \d+\) ~ Ridgeline Militia: rejected also-known-as in \S+ \[\d+:\d+\]`).Match(b) {
		t.Errorf("aliases file lacks the rejected assertion:\n%s", b)
	}
	ids := regexp.MustCompile(`entity (\d+) `).FindAllStringSubmatch(out, -1)
	if len(ids) < 1 {
		t.Fatalf("split printed no entity ids: %s", out)
	}
	// Merge by the ids of both sides, as a user copies them.
	var args []string
	for _, name := range []string{"Ridgeline Militia", "Red Hand Brigade"} {
		o, _, err := run(t, "", "entity", "--db", db, name)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`entity (\d+):`).FindStringSubmatch(o)
		if m == nil {
			t.Fatalf("no id on the page of %s: %s", name, o)
		}
		args = append(args, m[1])
	}
	if o, stderr, err := run(t, "", append([]string{"entity", "merge", "--db", db}, args...)...); err != nil {
		t.Fatalf("merge by ids %v: %v %s %s", args, err, o, stderr)
	}
	if !sameEntity(t, db, "Ridgeline Militia", "Red Hand Brigade") {
		t.Errorf("merge by ids %v did nothing:\n%s", args, entityLayer(t, db))
	}
	if _, _, err := run(t, "", "entity", "merge", "--db", db, "987654321", "Red Hand Brigade"); err == nil {
		t.Error("merge with an id that is no entity succeeded")
	}
}

// TestSpeakerAnyNameAndAmbiguity: quotes --speaker with any name of an
// entity returns its quotes; a name that fits two people lists both and
// fails.
func TestSpeakerAnyNameAndAmbiguity(t *testing.T) {
	db, docs := articleDir(t)
	write := func(name, text string) { writeFile(t, filepath.Join(docs, name), text) }
	write("a.txt", "Bashir al-Khatib, the governor of Qadisiya, spoke on Sunday.\n\n\"We will rebuild the bridge before winter,\" Bashir al-Khatib said.\n")
	write("b.txt", "The governor of Qadisiya was asked about the budget.\n\n\"The money has been found,\" Khatib said on Monday.\n")
	write("c.txt", "Lena Okafor and Ruth Okafor met the press.\n\n\"The vote was fair,\" Lena Okafor said. \"We will appeal,\" Ruth Okafor said.\n")
	if _, stderr, err := run(t, "", "ingest", "--db", db, docs); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	want, stderr, err := run(t, "", "quotes", "--db", db, "--speaker", "Bashir al-Khatib")
	if err != nil || !strings.Contains(want, "rebuild the bridge") {
		t.Fatalf("quotes --speaker Bashir al-Khatib = %q, %v %s", want, err, stderr)
	}
	for _, name := range []string{"bashir al-khatib", "Bashir Al Khatib", "al-Khatib", "Khatib"} {
		got, stderr, err := run(t, "", "quotes", "--db", db, "--speaker", name)
		if err != nil || got != want {
			t.Errorf("quotes --speaker %q = %q, %v %s; want the quotes of Bashir al-Khatib", name, got, err, stderr)
		}
	}
	_, _, err = run(t, "", "quotes", "--db", db, "--speaker", "Okafor")
	if err == nil || !strings.Contains(err.Error(), "Lena Okafor") || !strings.Contains(err.Error(), "Ruth Okafor") || !strings.Contains(err.Error(), "mentions") {
		t.Errorf("quotes --speaker Okafor error = %v, want the two Okafors with ids and mention counts", err)
	}
}

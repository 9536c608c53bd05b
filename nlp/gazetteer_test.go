package nlp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Brand names and the news organizations' list join the gazetteer as
// organizations, aliases too, but a one-word name that is a common word
// does not; either list without the dictionary, or a file that is not the
// list, is an error naming the file.
func TestBuildGazetteerOrgLists(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	in := GazetteerInputs{
		Cities: write("cities.json", `[{"name":"Springfield"}]`),
		Admin1: write("admin1.json", `[]`),
		Faker:  write("faker.json", `{}`),
		Dict:   write("dict", "effect\nlamp\nFirefox\n"),
		Brands: write("brands.json", `[{"title":"Firefox"},{"title":"Effect"},{"title":"Burger King","aliases":{"aka":["BK"]}}]`),
		Media:  write("media.txt", "# wire services\nXinhua News Agency\n\n  Reuters  \nLamp\n"),
	}
	var buf bytes.Buffer
	if err := BuildGazetteer(&buf, in); err != nil {
		t.Fatal(err)
	}
	g, err := loadGazetteer(&buf)
	if err != nil {
		t.Fatal(err)
	}
	classOf := func(name string) uint16 {
		c := &sentCtx{}
		c.reset(strings.Fields(name))
		return g.phrases[c.phraseHash(0, len(c.words))]
	}
	for _, tc := range []struct {
		name string
		org  bool
	}{{"Firefox", true}, {"Burger King", true}, {"BK", true}, {"Effect", false}, {"Springfield", false},
		{"Xinhua News Agency", true}, {"Reuters", true}, {"Lamp", false}, {"# wire services", false}} {
		if got := classOf(tc.name)&gazOrg != 0; got != tc.org {
			t.Errorf("%s: organization %v, want %v (classes %b)", tc.name, got, tc.org, classOf(tc.name))
		}
	}
	if classOf("effect")&gazCommon == 0 {
		t.Error("effect lost its common-word class")
	}
	noDict := in
	noDict.Dict = ""
	if err := BuildGazetteer(&buf, noDict); err == nil || !strings.Contains(err.Error(), "brands.json") {
		t.Errorf("brands without the dictionary: %v, want an error naming the file", err)
	}
	noDict.Brands = ""
	if err := BuildGazetteer(&buf, noDict); err == nil || !strings.Contains(err.Error(), "media.txt") {
		t.Errorf("media without the dictionary: %v, want an error naming the file", err)
	}
	empty := in
	empty.Media = write("empty.txt", "# nothing\n\n")
	if err := BuildGazetteer(&buf, empty); err == nil || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("an empty list: %v, want an error naming it", err)
	}
	bad := in
	bad.Brands = write("bad.json", `{"title":"not a list"}`)
	if err := BuildGazetteer(&buf, bad); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("a file that is not a brand list: %v, want an error naming it", err)
	}
}

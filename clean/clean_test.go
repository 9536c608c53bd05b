package clean

import (
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// kinds returns, for each marked (non-main) region, "kind:text".
func kinds(text string, rs []claimgraph.Region) []string {
	var out []string
	for _, r := range rs {
		if r.Kind != claimgraph.RegionMain {
			out = append(out, string(r.Kind)+":"+strings.TrimSpace(text[r.Start:r.End]))
		}
	}
	return out
}

func checkCover(t *testing.T, text string, rs []claimgraph.Region) {
	t.Helper()
	pos := 0
	for _, r := range rs {
		if r.Start != pos || r.End < r.Start {
			t.Fatalf("regions do not tile the text at %d: %+v", pos, rs)
		}
		pos = r.End
	}
	if pos != len(text) {
		t.Fatalf("regions end at %d, text has %d bytes", pos, len(text))
	}
}

const article = "Council approves new budget\n\nThe city council approved the budget on Tuesday after a long debate. " +
	"Members said the plan would fund schools and roads for the next three years. " +
	"The mayor welcomed the vote and promised a review of spending in the spring.\n\n"

func TestRegions(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		author string
		want   []string
	}{
		{"plain article", article, "", nil},
		{"sidebar heading", article + "Most Viewed\n\nFirst other headline\n\nA teaser of another story...\n\nSecond headline\n",
			"", []string{"boilerplate:Most Viewed\n\nFirst other headline\n\nA teaser of another story...\n\nSecond headline"}},
		{"teaser run without heading", article + "Storm hits coast\nWinds of a hundred miles an hour...\nMarkets fall again\nInvestors fear a slowdown...\nA new bridge opens\nThe bridge took ten years…\n",
			"", []string{"boilerplate:Storm hits coast\nWinds of a hundred miles an hour...\nMarkets fall again\nInvestors fear a slowdown...\nA new bridge opens\nThe bridge took ten years…"}},
		{"heading too early is not a sidebar", "Related\nThe council met.\nIt voted.\n" + article, "", nil},
		{"heading with nothing after is kept", article + "Related\n", "", nil},
		{"asterisk footnote with marker", "The mayor spoke at the town hall* on Monday and left.\n\n* The author meant the old town hall.\n",
			"", []string{"footnote:* The author meant the old town hall."}},
		{"asterisk line without marker is not a footnote", "Shopping list:\n* apples and pears\n", "", nil},
		{"numbered note", "The figure was disputed.[1] Officials declined to comment.\n\n[1] Source: the annual report.\n",
			"", []string{"footnote:[1] Source: the annual report."}},
		{"correction", article + "Correction: An earlier version misstated the date of the vote.\n",
			"", []string{"footnote:Correction: An earlier version misstated the date of the vote."}},
		{"by-line at top", "Budget passes\nBy Jane Roe\n" + article, "", []string{"byline:By Jane Roe"}},
		{"name alone on the last line", article + "Jane Roe   \n", "", []string{"byline:Jane Roe"}},
		{"author line from metadata", article + "jane roe\n", "Jane Roe", []string{"byline:jane roe"}},
		{"share and copyright lines", "Share on Facebook\n" + article + "© 2024 Example Media. All rights reserved.\n",
			"", []string{"boilerplate:Share on Facebook", "boilerplate:© 2024 Example Media. All rights reserved."}},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := Regions(tt.text, tt.author, DefaultOptions())
			checkCover(t, tt.text, rs)
			got := kinds(tt.text, rs)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("marked regions = %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRepeatsAreMarkedOnTheLaterOccurrence(t *testing.T) {
	text := "First part. Repeated sentence here. Middle part. Repeated sentence here. End."
	a := strings.Index(text, "Repeated")
	b := strings.LastIndex(text, "Repeated")
	n := len("Repeated sentence here.")
	opts := DefaultOptions()
	opts.Repeats = func(s string, ranges [][2]int) []claimgraph.Passage {
		if s != text || len(ranges) != 1 || ranges[0] != [2]int{0, len(text)} {
			t.Errorf("Repeats called with ranges %v", ranges)
		}
		return []claimgraph.Passage{{AStart: a, AEnd: a + n, BStart: b, BEnd: b + n}}
	}
	rs := Regions(text, "", opts)
	checkCover(t, text, rs)
	got := kinds(text, rs)
	if len(got) != 1 || got[0] != "repeated:Repeated sentence here." {
		t.Errorf("marked = %q", got)
	}
	for _, r := range rs {
		if r.Kind == claimgraph.RegionRepeated && r.Start != b {
			t.Errorf("repeated region starts at %d, want the later occurrence at %d", r.Start, b)
		}
	}
}

// TestSeeds checks the cleaner on the project's seed articles: the sidebar of
// 002 (from its "New Articles" heading on) is boilerplate, 004's correction
// note is a footnote, and no other seed loses main text to boilerplate.
func TestSeeds(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		rs := Regions(text, "", DefaultOptions())
		checkCover(t, text, rs)
		var boiler, foot []claimgraph.Region
		for _, r := range rs {
			switch r.Kind {
			case claimgraph.RegionBoilerplate:
				boiler = append(boiler, r)
			case claimgraph.RegionFootnote:
				foot = append(foot, r)
			}
		}
		switch {
		case strings.HasPrefix(e.Name(), "002_"):
			at := strings.Index(text, "New Articles")
			if len(boiler) != 1 || boiler[0].Start != at || boiler[0].End != len(text) {
				t.Errorf("002: boilerplate = %+v, want [%d, %d)", boiler, at, len(text))
			}
		case strings.HasPrefix(e.Name(), "004_"):
			if len(foot) != 1 || !strings.HasPrefix(text[foot[0].Start:], "* The author") {
				t.Errorf("004: footnotes = %+v", foot)
			}
			if len(boiler) != 0 {
				t.Errorf("004: unexpected boilerplate %+v", boiler)
			}
		default:
			if len(boiler) != 0 {
				t.Errorf("%s: unexpected boilerplate %+v", e.Name(), boiler)
			}
		}
	}
}

func FuzzRegions(f *testing.F) {
	f.Add(article)
	f.Add(article + "Most viewed\nA\nB...\n")
	f.Add("* x\n")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		rs := Regions(text, "Jane Roe", DefaultOptions())
		checkCover(t, text, rs)
	})
}

func TestMarkAddsRegionsAndKeepsTiling(t *testing.T) {
	text := "Line one of the story.\nSubscribe to our daily digest\nLine three.\n* note\n"
	n := strings.Index(text, "* note")
	base := []claimgraph.Region{{Kind: claimgraph.RegionMain, Start: 0, End: n}, {Kind: claimgraph.RegionFootnote, Start: n, End: len(text)}}
	s := strings.Index(text, "Subscribe")
	e := s + len("Subscribe to our daily digest")
	got := Mark(text, base, []claimgraph.Region{{Kind: claimgraph.RegionBoilerplate, Start: s, End: e, Why: "site"}})
	checkCover(t, text, got)
	want := []string{"boilerplate:Subscribe to our daily digest", "footnote:* note"}
	if k := kinds(text, got); strings.Join(k, "|") != strings.Join(want, "|") {
		t.Errorf("Mark = %q, want %q", k, want)
	}
}

package httpapi

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
)

func TestBuildBlocksCoversTextOnce(t *testing.T) {
	text := "Ali Hosseinnejad said “the MKO is done” in 2013.\nSidebar: héadlines ünder here"
	side := strings.Index(text, "Sidebar")
	d := &claimgraph.Document{Text: text, Regions: []claimgraph.Region{
		{Kind: claimgraph.RegionMain, Start: 0, End: side},
		{Kind: claimgraph.RegionBoilerplate, Start: side, End: len(text), Why: "sidebar"},
	}}
	mko := strings.Index(text, "MKO")
	q := strings.Index(text, "the MKO")
	y := strings.Index(text, "2013")
	a := &claimgraph.Analysis{
		Mentions: []claimgraph.Mention{
			{Start: 0, End: 16, Text: "Ali Hosseinnejad", Type: "PER", Kind: "name", Name: "Ali Hosseinnejad", Entity: 7},
			{Start: mko, End: mko + 3, Text: "MKO", Type: "ORG", Kind: "acronym", Name: "MKO"},
			{Start: -1, End: 3, Text: "bad"},              // out of range: dropped
			{Start: side + 11, End: side + 12, Text: "x"}, // splits inside "é": moved to a rune start
			{Start: len(text) - 2, End: len(text) + 5},    // past the end: dropped
		},
		Quotes: []claimgraph.Quote{{Kind: "direct", Content: claimgraph.TextSpan{Start: q, End: q + len("the MKO is done")},
			Speaker: &claimgraph.Speaker{Name: "Ali Hosseinnejad"}}},
		Times: []claimgraph.TimeExpr{{Start: y, End: y + 4, Type: "DATE", Value: "2013"}},
	}
	blocks := buildBlocks(d, a, &Highlight{Start: 4, End: 10})
	if len(blocks) != 2 || blocks[0].Kind != "main" || blocks[1].Kind != "boilerplate" {
		t.Fatalf("blocks = %+v", blocks)
	}
	var all strings.Builder
	classes := map[string]string{}
	for _, b := range blocks {
		for _, s := range b.Segs {
			all.WriteString(s.Text)
			classes[s.Text] = s.Class + "|" + s.Href + "|" + s.ID + "|" + s.Who
		}
	}
	if all.String() != text {
		t.Fatalf("segments join to %q, want the text", all.String())
	}
	for seg, want := range map[string]string{
		"Ali ":     "m m-PER|/entities/7||",
		"Hossei":   "m m-PER hl|/entities/7|hl|",
		"the ":     "q||q-0|Ali Hosseinnejad",
		"MKO":      "q m m-ORG|/entities/MKO||",
		" is done": "q|||",
		"2013":     "t|||",
		" said “":  "|||",
	} {
		if got, ok := classes[seg]; !ok || got != want {
			t.Errorf("segment %q = %q (present %v), want %q", seg, got, ok, want)
		}
	}
}

func TestMentionHref(t *testing.T) {
	for _, c := range []struct {
		m    claimgraph.Mention
		want string
	}{
		{claimgraph.Mention{Name: "Maryam Rajavi", Entity: 12}, "/entities/12"},
		{claimgraph.Mention{Name: "Nouri al-Maliki"}, "/entities/Nouri%20al-Maliki"},
		{claimgraph.Mention{Text: "AC/DC"}, "/entities/AC%2FDC"},
		{claimgraph.Mention{Name: "Rajavi", Ambiguous: true}, "/search?q=Rajavi"},
		{claimgraph.Mention{Name: "Rajavi", Ambiguous: true, Entity: 7}, "/entities/7"},
	} {
		if got := mentionHref(c.m); got != c.want {
			t.Errorf("mentionHref(%+v) = %q, want %q", c.m, got, c.want)
		}
	}
}

func TestMarkTerms(t *testing.T) {
	got := markTerms("the [MKO] said [sic] that [Rajavi] [rajavì]", "mko rajavi")
	var b strings.Builder
	for _, m := range got {
		if m.Hit {
			b.WriteString("<" + m.Text + ">")
		} else {
			b.WriteString(m.Text)
		}
	}
	if want := "the <MKO> said [sic] that <Rajavi> <rajavì>"; b.String() != want {
		t.Errorf("markTerms = %q, want %q", b.String(), want)
	}
}

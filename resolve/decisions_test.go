package resolve

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestParseDecisions(t *testing.T) {
	in := "# team aliases\n\nmerge: FKO = Fedayin  =  NRC\nsplit: NRC | FKO # not one\nrename: FKO -> Fedayin-e Khalq Organization\ntype: Shadow Unit = org\n"
	got, err := ParseDecisions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Decision{
		{Op: OpMerge, Names: []string{"FKO", "Fedayin", "NRC"}, Line: 3},
		{Op: OpSplit, Names: []string{"NRC", "FKO"}, Line: 4},
		{Op: OpRename, Names: []string{"FKO"}, To: "Fedayin-e Khalq Organization", Line: 5},
		{Op: OpType, Names: []string{"Shadow Unit"}, To: "ORG", Line: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestParseDecisionsErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"merge: A\n", "line 1: merge needs two names"},
		{"\nfuse: A = B\n", "line 2: unknown operation"},
		{"merge A = B\n", "line 1: want OP: ARGS"},
		{"rename: A\n", "line 1: rename wants OLD -> NEW"},
		{"type: A = PLANET\n", "line 1: type needs"},
		{"merge: A = = B\n", "line 1: merge: empty name"},
		{"split: A | a\n", "given twice"},
	} {
		_, err := ParseDecisions(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseDecisions(%q) error = %v, want %q", c.in, err, c.want)
		}
	}
}

func TestFormatDecisionsRoundTrip(t *testing.T) {
	ds := []Decision{
		{Op: OpMerge, Names: []string{"FKO", "Fedayin"}},
		{Op: OpSplit, Names: []string{"NRC", "FKO", "Shadow Unit"}},
		{Op: OpRename, Names: []string{"FKO"}, To: "Fedayin-e Khalq"},
		{Op: OpType, Names: []string{"Shadow Unit"}, To: "MISC"},
	}
	var b bytes.Buffer
	if err := FormatDecisions(&b, ds); err != nil {
		t.Fatal(err)
	}
	got, err := ParseDecisions(&b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i].Line = 0
	}
	if !reflect.DeepEqual(got, ds) {
		t.Fatalf("round trip: %+v, want %+v", got, ds)
	}
	if err := FormatDecisions(&b, []Decision{{Op: "fuse"}}); err == nil {
		t.Fatal("invalid decision formatted")
	}
}

func FuzzParseDecisions(f *testing.F) {
	for _, s := range []string{"merge: A = B", "split: A | B | C", "rename: A -> B", "type: A = PER", "# x\n\nmerge: a=b # c", "rename: -> ->", "type: = = ORG"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := ParseDecisions(strings.NewReader(in))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := FormatDecisions(&b, ds); err != nil {
			t.Fatalf("parsed decisions do not format: %v", err)
		}
		again, err := ParseDecisions(&b)
		if err != nil {
			t.Fatalf("formatted decisions do not parse: %v\n%s", err, b.String())
		}
		if len(again) != len(ds) {
			t.Fatalf("round trip lost decisions: %d vs %d", len(again), len(ds))
		}
		for i := range ds {
			if ds[i].String() != again[i].String() {
				t.Fatalf("round trip changed %q to %q", ds[i], again[i])
			}
		}
	})
}

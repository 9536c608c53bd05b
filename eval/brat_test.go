package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseBratAnn(t *testing.T) {
	tests := []struct {
		name    string
		ann     string
		spans   int
		attrs   []BratAttribution
		wantErr string
	}{
		{
			name:  "event",
			ann:   "T1\tSource 0 4\tJohn\nT2\tCue 5 9\tsaid\nT3\tContent 10 20\tit is late\nE1\tCue:T2 Source:T1 Content:T3\n",
			spans: 3,
			attrs: []BratAttribution{{ID: "E1", Source: []string{"T1"}, Cue: []string{"T2"}, Content: []string{"T3"}}},
		},
		{
			name:  "relations form one attribution",
			ann:   "T1\tSource 0 4\tJohn\nT2\tCue 5 9\tsaid\nT3\tContent 10 20\tit is late\nR1\tSource Arg1:T2 Arg2:T1\nR2\tContent Arg1:T2 Arg2:T3\n#1\tAnnotatorNotes T1\tnote\n",
			spans: 3,
			attrs: []BratAttribution{{ID: "R:T1", Source: []string{"T1"}, Cue: []string{"T2"}, Content: []string{"T3"}}},
		},
		{
			name:  "discontinuous content and numbered roles",
			ann:   "T1\tContent 0 4;10 14\tab cd\nT2\tSource 20 25\tMaria\nE1\tContent:T1 Source2:T2\n",
			spans: 2,
			attrs: []BratAttribution{{ID: "E1", Source: []string{"T2"}, Content: []string{"T1"}}},
		},
		{name: "bad offsets", ann: "T1\tContent 9 3\tx\n", wantErr: "bad offsets"},
		{name: "unknown span", ann: "T1\tCue 0 1\tx\nE1\tCue:T1 Source:T9\n", wantErr: "unknown span T9"},
		{name: "relation arity", ann: "T1\tCue 0 1\tx\nR1\tSource Arg1:T1\n", wantErr: "relation needs"},
		{name: "no tab", ann: "T1 Cue 0 1\n", wantErr: "want ID<TAB>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseBratAnn(strings.NewReader(tt.ann))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Spans) != tt.spans {
				t.Errorf("spans = %d, want %d", len(a.Spans), tt.spans)
			}
			if len(a.Attributions) != len(tt.attrs) {
				t.Fatalf("attributions = %+v, want %+v", a.Attributions, tt.attrs)
			}
			for i, got := range a.Attributions {
				want := tt.attrs[i]
				if got.ID != want.ID || strings.Join(got.Source, ",") != strings.Join(want.Source, ",") ||
					strings.Join(got.Cue, ",") != strings.Join(want.Cue, ",") || strings.Join(got.Content, ",") != strings.Join(want.Content, ",") {
					t.Errorf("attribution %d = %+v, want %+v", i, got, want)
				}
			}
		})
	}
}

func TestReadBratDirCharOffsets(t *testing.T) {
	docs, err := ReadBratDir("testdata/brat")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 5 {
		t.Fatalf("docs = %d, want the 5 fixtures", len(docs))
	}
	for _, d := range docs {
		for id, s := range d.Ann.Spans {
			// Every span's text must match the document at its byte offsets,
			// including spans after multi-byte quote marks.
			if got := d.Text[s.Start:s.End]; got != s.Text {
				t.Errorf("%s %s: text at offsets %q, annotation says %q", d.Name, id, got, s.Text)
			}
		}
	}
}

func FuzzParseBratAnn(f *testing.F) {
	f.Add("T1\tSource 0 4\tJohn\nT2\tCue 5 9\tsaid\nT3\tContent 10 20\tx\nE1\tCue:T2 Source:T1 Content:T3\n")
	f.Add("T1\tContent 0 4;10 14\tab\nR1\tX Arg1:T1 Arg2:T1\n")
	f.Add("E1\tCue:E1\n")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseBratAnn(strings.NewReader(s))
		if err != nil {
			return
		}
		for id, sp := range a.Spans {
			if sp.Start < 0 || sp.End < sp.Start || len(sp.Fragments) == 0 {
				t.Fatalf("span %s has bad offsets %d-%d", id, sp.Start, sp.End)
			}
		}
		for _, at := range a.Attributions {
			for _, id := range append(append(append([]string{}, at.Source...), at.Cue...), at.Content...) {
				if _, ok := a.Spans[id]; !ok {
					t.Fatalf("attribution %s names unknown span %s", at.ID, id)
				}
			}
		}
	})
}

// TestBratContinuationLine: a discontinuous span's text may hold the line
// break between its fragments; the next line continues it.
func TestBratContinuationLine(t *testing.T) {
	ann := "T1\tContent 0 5;7 12\tfirst\nsecond\nT2\tCue 13 17\tsaid\nE1\tCue:T2 Content:T1\n"
	a, err := ParseBratAnn(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Spans["T1"].Text; got != "first\nsecond" {
		t.Errorf("T1 text %q", got)
	}
	if len(a.Attributions) != 1 || len(a.Attributions[0].Cue) != 1 {
		t.Errorf("attributions %+v", a.Attributions)
	}
	if _, err := ParseBratAnn(strings.NewReader("not an annotation\n")); err == nil || !strings.HasPrefix(err.Error(), "line 1:") {
		t.Errorf("a stray first line: %v", err)
	}
}

// TestReadBratDirSkipsBadFiles: one unreadable file is reported and the
// others are read.
func TestReadBratDirSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "He said so.")
	write("good.ann", "T1\tCue 3 7\tsaid\n")
	write("bad.txt", "x")
	write("bad.ann", "T1\tCue 0 99\tx\n")
	docs, err := ReadBratDir(dir)
	if len(docs) != 1 || docs[0].Name != "good" {
		t.Errorf("docs %+v", docs)
	}
	if err == nil || !strings.Contains(err.Error(), "bad.ann") {
		t.Errorf("error %v, want one naming bad.ann", err)
	}
}

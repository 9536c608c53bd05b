package main

import (
	"strings"
	"testing"
)

func TestTimelineCommand(t *testing.T) {
	db, c := corpusDB(t)
	tests := []struct {
		args []string
		want []string // value/precision/kind
	}{
		{nil, []string{"2014/year/sentence", "2015-02-09/day/claim", "2015-02-09/day/claim"}},
		{[]string{"--entity", "Jane Roe"}, []string{"2015-02-09/day/claim"}},
		{[]string{"--from", "2015-02"}, []string{"2015-02-09/day/claim", "2015-02-09/day/claim"}},
		{[]string{"--to", "2014", "--entity", "blue party"}, []string{"2014/year/sentence"}},
	}
	for _, tt := range tests {
		objs := jsonLines(t, mustRun(t, append([]string{"timeline", "--db", db, "--json"}, tt.args...)...))
		var got []string
		for _, o := range objs {
			got = append(got, o["value"].(string)+"/"+o["precision"].(string)+"/"+o["kind"].(string))
			ev := o["evidence"].(map[string]any)
			start, end := int(ev["start"].(float64)), int(ev["end"].(float64))
			if c.Text(ev["doc"].(string))[start:end] != ev["text"] {
				t.Errorf("evidence span does not hold its text: %v", ev)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("timeline %v = %v, want %v", tt.args, got, tt.want)
		}
	}
	human := mustRun(t, "timeline", "--db", db)
	lines := strings.Split(strings.TrimSpace(human), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "2014") || !strings.Contains(lines[0], "In 2014 the Blue Party met Acme Corp.") ||
		!strings.Contains(lines[1], "Jane Roe says") && !strings.Contains(lines[2], "Jane Roe says") {
		t.Errorf("human timeline:\n%s", human)
	}
	if strings.Contains(human, "three years") {
		t.Errorf("a duration is on the timeline:\n%s", human)
	}
}

package nlp

import (
	"slices"
	"testing"
)

// TestRepeatFiles: a training file named twice is read once and weighs
// twice; the order of first naming is kept.
func TestRepeatFiles(t *testing.T) {
	for _, tc := range []struct {
		in    []string
		once  []string
		times map[string]int
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, map[string]int{"a": 1, "b": 1}},
		{[]string{"a", "b", "a"}, []string{"a", "b"}, map[string]int{"a": 2, "b": 1}},
		{[]string{"b", "b", "b", "a"}, []string{"b", "a"}, map[string]int{"a": 1, "b": 3}},
		{nil, nil, map[string]int{}},
	} {
		once, times := repeatFiles(tc.in)
		if !slices.Equal(once, tc.once) {
			t.Errorf("repeatFiles(%q) files = %q, want %q", tc.in, once, tc.once)
		}
		if len(times) != len(tc.times) {
			t.Errorf("repeatFiles(%q) times = %v, want %v", tc.in, times, tc.times)
		}
		for f, n := range tc.times {
			if times[f] != n {
				t.Errorf("repeatFiles(%q) times[%q] = %d, want %d", tc.in, f, times[f], n)
			}
		}
	}
}

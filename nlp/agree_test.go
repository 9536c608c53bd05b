package nlp

import (
	"slices"
	"testing"
)

// keepAgreed keeps a name only where the other model has the same words
// and type: labels are O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.
func TestKeepAgreed(t *testing.T) {
	tests := []struct {
		name       string
		ner, other []int
		want       []int
	}{
		{"same name", []int{0, 1, 2, 0}, []int{0, 1, 2, 0}, []int{0, 1, 2, 0}},
		{"other type", []int{0, 1, 2, 0}, []int{0, 3, 4, 0}, []int{0, 0, 0, 0}},
		{"other longer", []int{0, 1, 2, 0}, []int{0, 1, 2, 2}, []int{0, 0, 0, 0}},
		{"other shorter", []int{0, 1, 2, 0}, []int{0, 1, 0, 0}, []int{0, 0, 0, 0}},
		{"other starts earlier", []int{0, 5, 6, 0}, []int{5, 6, 6, 0}, []int{0, 0, 0, 0}},
		{"other split in two", []int{1, 2, 2}, []int{1, 2, 1}, []int{0, 0, 0}},
		{"one of two kept", []int{1, 0, 5, 6}, []int{1, 0, 5, 0}, []int{1, 0, 0, 0}},
		{"names side by side", []int{1, 1, 3}, []int{1, 1, 5}, []int{1, 1, 0}},
		{"other finds more", []int{0, 0, 0}, []int{1, 0, 3}, []int{0, 0, 0}},
		{"at the end", []int{0, 3, 4}, []int{0, 3, 4}, []int{0, 3, 4}},
	}
	for _, tt := range tests {
		c := &sentCtx{ner: slices.Clone(tt.ner)}
		c.keepAgreed(tt.other)
		if !slices.Equal(c.ner, tt.want) {
			t.Errorf("%s: %v against %v gave %v, want %v", tt.name, tt.ner, tt.other, c.ner, tt.want)
		}
	}
}

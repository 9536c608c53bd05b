package reuse

import (
	"strings"
	"testing"
)

// BenchmarkAlign aligns two rewritten versions of one story, the second
// grown to article length by repeating its paragraphs in a new order.
func BenchmarkAlign(b *testing.B) {
	a := readFixture(b, "flood_a.txt")
	paras := strings.Split(readFixture(b, "flood_b.txt"), "\n\n")
	var parts []string
	for i := range 12 {
		parts = append(parts, paras[(i*5)%len(paras)])
	}
	other := strings.Join(parts, "\n\n")
	b.SetBytes(int64(len(a) + len(other)))
	b.ReportAllocs()
	for b.Loop() {
		Align(a, other, nil, nil, DefaultAlignOptions())
	}
}

// BenchmarkRepeats looks for repeats in one article-length text.
func BenchmarkRepeats(b *testing.B) {
	text := readFixture(b, "flood_a.txt") + "\n\n" + readFixture(b, "repeat.txt") + "\n\n" + readFixture(b, "flood_b.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Repeats(text, nil)
	}
}

// BenchmarkSketch shingles and signs one article.
func BenchmarkSketch(b *testing.B) {
	text := readFixture(b, "flood_a.txt") + "\n\n" + readFixture(b, "flood_b.txt")
	d := NewDetector(DefaultOptions(), NewMemIndex(), nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Sketch(Text{Text: text})
	}
}

package nlp

import (
	"bufio"
	"bytes"
	"math/rand"
	"testing"
)

// scoresRef is the plain definition of linearModel.scores: the sum of the
// rows of the features' buckets. (Summed as float32 the sums are the same
// while they stay below 2^24/1024 in size; the test's large counts go
// beyond that.)
func scoresRef(m *linearModel, rows map[int][]int32, feats []fhash) []float32 {
	sum := make([]int64, len(m.labels))
	for _, f := range feats {
		for j, v := range rows[int(uint64(f)&(1<<m.bits-1))] {
			sum[j] += int64(v)
		}
	}
	out := make([]float32, len(m.labels))
	for j, v := range sum {
		out[j] = float32(v) / 1024
	}
	return out
}

// TestLinearModelLayout checks the in-memory layout against plain sums, for
// the recognizer's and the tagger's label counts and another, with weights
// too large for a lane, through a write and a read, and for a file whose
// rows are not in bucket order.
func TestLinearModelLayout(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, nl := range []int{7, 17, 3, 8} {
		labels := make([]string, nl)
		for i := range labels {
			labels[i] = string(rune('A' + i))
		}
		const bits = 10
		rows := map[int][]int32{}
		m := newLinearModel(labels, bits)
		for b := 0; b < 1<<bits; b++ {
			if b > 1 && rng.Intn(3) != 0 {
				continue
			}
			row := make([]int32, nl)
			for j := range row {
				row[j] = int32(rng.Intn(4001) - 2000)
				if rng.Intn(50) == 0 {
					row[j] = []int32{-32768, 32767, 50000, -laneBias + 1, laneBias - 1, -laneBias, laneBias}[rng.Intn(7)]
				}
				// the largest counts a lane holds, and the smallest it does not
				row[j] = []int32{laneBias - 1, laneBias, row[j]}[min(b, 2)]
			}
			rows[b] = row
			m.appendRow(b, row)
		}
		m.finish()
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		if err := m.writeTo(w); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		read, err := readLinearModel(bufio.NewReader(bytes.NewReader(buf.Bytes())))
		if err != nil {
			t.Fatal(err)
		}
		// The same rows listed in reverse bucket order.
		var rev bytes.Buffer
		w = bufio.NewWriter(&rev)
		writeU32(w, uint32(nl))
		for _, l := range labels {
			writeString(w, l)
		}
		writeU32(w, bits)
		writeU32(w, uint32(len(rows)))
		for b := 1<<bits - 1; b >= 0; b-- {
			if row, ok := rows[b]; ok {
				writeU32(w, uint32(b))
				for _, v := range row {
					writeU32(w, uint32(v))
				}
			}
		}
		w.Flush()
		unsorted, err := readLinearModel(bufio.NewReader(&rev))
		if err != nil {
			t.Fatal(err)
		}
		if len(m.wide) == 0 {
			t.Fatalf("%d labels: no wide rows to test", nl)
		}
		for trial := 0; trial < 200; trial++ {
			feats := make([]fhash, rng.Intn(3*scoreChunk))
			for i := range feats {
				feats[i] = fhash(rng.Uint64())
			}
			if trial%10 == 0 {
				// the rows of the largest counts, many times over: sums
				// beyond int32
				feats = feats[:0]
				for range 100 {
					feats = append(feats, 0, 1)
				}
			}
			want := scoresRef(m, rows, feats)
			for name, mm := range map[string]*linearModel{"built": m, "read": read, "unsorted": unsorted} {
				got := make([]float32, nl)
				mm.scores(feats, got)
				for j := range want {
					if got[j] != want[j] {
						t.Fatalf("%d labels, %s, %d features: label %d scores %v, want %v", nl, name, len(feats), j, got[j], want[j])
					}
				}
			}
		}
	}
}

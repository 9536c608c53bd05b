package nlp

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ctxFixture writes vectors of five groups and sentences where the kind of
// a name is given only by the word before it: after a group-0 word
// ("met", "told") a name is a person, after a group-1 word ("in",
// "near") a place. The names are capitalized group-2 words, whose vectors
// say nothing of their kind; group 3 fills the rest of the sentence.
// Sentence k is in fold k mod ctxFolds.
func ctxFixture(t *testing.T) (vectors string, forms [][]string, gold [][]int, fold []int) {
	t.Helper()
	centres := [][]float64{{1, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0}, {0, 0, 0, 1, 0, 0}}
	vectors = writeVectors(t, centres, 40)
	rng := rand.New(rand.NewSource(9))
	for i := 0; i < 400; i++ {
		kind := i % 2 // 0 person, 1 place
		cue := fmt.Sprintf("g%dw%d", kind, rng.Intn(30))
		name := fmt.Sprintf("G2w%d", rng.Intn(40))
		f := []string{fmt.Sprintf("g3w%d", rng.Intn(40)), cue, name, fmt.Sprintf("g3w%d", rng.Intn(40))}
		g := []int{0, 0, 1 + 4*kind, 0} // B-PER or B-LOC
		forms = append(forms, f)
		gold = append(gold, g)
		fold = append(fold, i%ctxFolds)
	}
	return vectors, forms, gold, fold
}

// The context net learns a name's kind from the word before it, and
// carries it to cue words it never saw, through their vectors.
func TestCtxNetLearnsContext(t *testing.T) {
	vectors, forms, gold, fold := ctxFixture(t)
	cc, err := newCtxCorpus(vectors)
	if err != nil {
		t.Fatal(err)
	}
	net, held := trainCtxNets(cc, nil, forms, gold, fold, 1, nil)
	kindOf := func(cls uint8) (int, int) { // kind 1 PER 2 ORG 3 LOC, level 0-4
		k := int(cls-1) / 2
		return 1 + k/5, k % 5
	}
	// Held-out guesses of the training sentences.
	right := 0
	for k := range forms {
		kind, level := kindOf(held[k][2])
		if want := 1 + 2*(k%2); kind == want && level >= 3 {
			right++
		}
	}
	if right < len(forms)*9/10 {
		t.Errorf("held-out guesses: %d of %d names of the right kind", right, len(forms))
	}
	// Cue words 30-39 were never in a training sentence.
	c := &sentCtx{}
	for kind, want := range []int{1, 3} {
		for w := 30; w < 40; w++ {
			c.reset([]string{"g3w1", fmt.Sprintf("g%dw%d", kind, w), "G2w5", "g3w2"})
			(*nerLexicon)(nil).match(c)
			net.classes(c)
			if got, level := kindOf(c.ctxc[2]); got != want || level < 3 {
				t.Errorf("after unseen cue g%dw%d: kind %d level %d, want kind %d", kind, w, got, level, want)
			}
			if _, level := kindOf(c.ctxc[0]); level > 1 {
				t.Errorf("filler word guessed a name (level %d)", level)
			}
		}
	}
}

// Training is deterministic, folds running in parallel or not, and the
// net reads back as written.
func TestCtxNetDeterministicRoundTrip(t *testing.T) {
	vectors, forms, gold, fold := ctxFixture(t)
	cc, err := newCtxCorpus(vectors)
	if err != nil {
		t.Fatal(err)
	}
	write := func(n *ctxNet) []byte {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		n.writeTo(w)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, heldA := trainCtxNets(cc, nil, forms, gold, fold, 4, nil)
	b, heldB := trainCtxNets(cc, nil, forms, gold, fold, 4, nil)
	da := write(a)
	if !bytes.Equal(da, write(b)) {
		t.Fatal("same seed, different nets")
	}
	for k := range heldA {
		if !bytes.Equal(heldA[k], heldB[k]) {
			t.Fatalf("sentence %d: held-out classes differ", k)
		}
	}
	r, err := readCtxNet(bufio.NewReader(bytes.NewReader(da)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(write(r), da) {
		t.Error("a net read back writes other bytes")
	}
	c := &sentCtx{}
	for _, f := range forms[:20] {
		c.reset(f)
		(*nerLexicon)(nil).match(c)
		a.classes(c)
		want := append([]uint8(nil), c.ctxc...)
		r.classes(c)
		if !bytes.Equal(want, c.ctxc) {
			t.Fatalf("%v: classes %v, read back %v", f, want, c.ctxc)
		}
	}
	// Every truncation is an error, not a panic or a short net.
	for _, n := range []int{0, 5, len(da) / 3, len(da) - 1} {
		if _, err := readCtxNet(bufio.NewReader(bytes.NewReader(da[:n]))); err == nil {
			t.Errorf("a net cut to %d of %d bytes was read", n, len(da))
		}
	}
}

// A recognizer trained with a context net writes it into its model, and
// the loaded model recognizes with it.
func TestTrainNERWithVectors(t *testing.T) {
	vectors, _, _, _ := ctxFixture(t)
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "1\tg3w%d\tO\n2\tg0w%d\tO\n3\tG2w%d\tB-PER\n4\tg3w%d\tO\n\n", i, i%30, i, i+1)
		fmt.Fprintf(&b, "1\tg3w%d\tO\n2\tg1w%d\tO\n3\tG2w%d\tB-LOC\n4\tg3w%d\tO\n\n", i, i%30, i, i+2)
	}
	train := filepath.Join(t.TempDir(), "train.iob2")
	if err := os.WriteFile(train, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := NEROptions{Seed: 2, Iters: 3, Bits: 14, Vectors: vectors}
	var m1, m2 bytes.Buffer
	if err := TrainNER(&m1, []string{train}, opt, nil); err != nil {
		t.Fatal(err)
	}
	if err := TrainNER(&m2, []string{train}, opt, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m1.Bytes(), m2.Bytes()) {
		t.Fatal("same seed, different models")
	}
	n, err := LoadNER(bytes.NewReader(m1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if n.ctx == nil {
		t.Fatal("the model lost its context net")
	}
	opt.Vectors = filepath.Join(t.TempDir(), "missing.json")
	err = TrainNER(&m2, []string{train}, opt, nil)
	if err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing vectors file: %v", err)
	}
}

// FuzzReadCtxNet: any bytes give a net or an error, never a panic.
func FuzzReadCtxNet(f *testing.F) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	n := &ctxNet{zdim: 2, hidden: 2, nl: len(nerLabels)}
	n.w1 = make([]float32, ctxPositions*n.hidden*n.in())
	n.b1, n.w2, n.b2 = make([]float32, 2), make([]float32, 2*len(nerLabels)), make([]float32, len(nerLabels))
	n.zscale, n.unk = []float32{1, 1}, make([]float32, 2)
	n.index = map[uint64]int32{42: 0}
	n.zq = []byte{3, 0xfc}
	n.writeTo(w)
	w.Flush()
	f.Add(buf.Bytes())
	f.Add([]byte(ctxVersion))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := readCtxNet(bufio.NewReader(bytes.NewReader(data)))
		if err == nil && (len(n.zq) != len(n.index)*n.zdim || len(n.w1) != ctxPositions*n.hidden*n.in()) {
			t.Fatalf("inconsistent net: %d z values for %d words", len(n.zq), len(n.index))
		}
	})
}

func TestExp32(t *testing.T) {
	worst := 0.0
	for x := -30.0; x <= 0; x += 0.001 {
		want := math.Exp(x)
		got := float64(exp32(float32(x)))
		worst = max(worst, math.Abs(got-want)/want)
	}
	if worst > 2e-4 {
		t.Errorf("exp32: relative error up to %g", worst)
	}
	if exp32(-100) != 0 || exp32(0) < 0.9999 {
		t.Errorf("exp32(-100) = %g, exp32(0) = %g", exp32(-100), exp32(0))
	}
}

package nlp

import (
	"fmt"
	"sync"
	"testing"
)

type testEntry struct{ word string }

func testForm(e *testEntry) string { return e.word }

// Two forms whose hashes pick the same pair both stay; a third replaces
// one of them; a form is found only under its own name.
func TestFormCacheTwoWay(t *testing.T) {
	fc := newFormCache[testEntry](10)
	const h = 0x1234_0000_0042 // the three forms share a hash: the same pair
	a, b, c := &testEntry{"alpha"}, &testEntry{"beta"}, &testEntry{"gamma"}
	if fc.get("alpha", h, testForm) != nil {
		t.Fatal("found a form in an empty cache")
	}
	fc.put(h, a)
	fc.put(h, b)
	if fc.get("alpha", h, testForm) != a || fc.get("beta", h, testForm) != b {
		t.Fatal("two forms of one pair did not both stay")
	}
	if fc.get("gamma", h, testForm) != nil {
		t.Fatal("found a form never stored")
	}
	fc.put(h, c)
	if fc.get("gamma", h, testForm) != c {
		t.Fatal("the third form was not stored")
	}
	kept := 0
	for _, e := range []*testEntry{a, b} {
		if fc.get(e.word, h, testForm) == e {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("%d of the first two forms kept after a third, want 1", kept)
	}
	if fc.get("gamma", h+2, testForm) != nil { // the next pair
		t.Error("found a form in another pair")
	}
}

// Readers and writers on many goroutines see whole entries (run with -race).
func TestFormCacheConcurrent(t *testing.T) {
	fc := newFormCache[testEntry](10)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				w := fmt.Sprint("w", i%300)
				h := wordHash(w)
				if e := fc.get(w, h, testForm); e != nil && e.word != w {
					t.Errorf("asked %q, got %q", w, e.word)
					return
				}
				fc.put(h, &testEntry{w})
			}
		}(g)
	}
	wg.Wait()
}

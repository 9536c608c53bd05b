package resolve

import "testing"

// wordsAfterArticles answers what containsWord answers for every word.
func TestWordsAfterArticles(t *testing.T) {
	text := "Then the tycoon met a banker and an envoy; theatre critic, the  double, athe word, the\\nnext, the café owner."
	got := wordsAfterArticles(text)
	for _, w := range []string{"tycoon", "banker", "envoy", "double", "next", "café", "critic", "word", "owner"} {
		want := containsWord(text, "the "+w) || containsWord(text, "a "+w) || containsWord(text, "an "+w)
		if got[w] != want {
			t.Errorf("%q: got %v, containsWord says %v", w, got[w], want)
		}
	}
}

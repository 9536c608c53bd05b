package nlp

import (
	"testing"
)

// The word cache must not change a tag: tagging with it cold, warm, and
// without it gives the same tags and lemmas.
func TestPOSCacheSameTags(t *testing.T) {
	text := "Angela Merkel met Emmanuel Macron in Paris on Monday, officials said. " +
		"The al-Maliki government's well-known spokesman, Ali al-Dabbagh, denied it. " +
		"SHARES FELL 3.5% IN EARLY TRADING ON WALL STREET . the u.n. said so too"
	cached := Default().POS()
	plain := *cached
	plain.cache = nil
	tag := func(tg *POSTagger) []Token {
		toks := Tokenize(text)
		for _, s := range SplitSentences(text, toks) {
			tg.TagTokens(toks[s.First:s.Limit])
		}
		return toks
	}
	want := tag(&plain)
	for round := 0; round < 2; round++ {
		got := tag(cached)
		for i := range want {
			if got[i].POS != want[i].POS || got[i].Lemma != want[i].Lemma {
				t.Errorf("round %d: %q: cached %s/%s, uncached %s/%s", round, want[i].Text, got[i].POS, got[i].Lemma, want[i].POS, want[i].Lemma)
			}
		}
	}
}

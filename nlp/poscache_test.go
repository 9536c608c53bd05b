package nlp

import (
	"reflect"
	"slices"
	"testing"
)

// The word cache must not change a tag: tagging with it cold, warm, and
// without it gives the same tags and lemmas.
func TestPOSCacheSameTags(t *testing.T) {
	text := "Angela Merkel met Emmanuel Macron in Paris on Monday, officials said. " +
		"The al-Maliki government's well-known spokesman, Ali al-Dabbagh, denied it. " +
		"SHARES FELL 3.5% IN EARLY TRADING ON WALL STREET . the u.n. said so too"
	cached := Default().POS()
	plain := cached.withCache(nil)
	tag := func(tg *POSTagger) []Token {
		toks := Tokenize(text)
		for _, s := range SplitSentences(text, toks) {
			tg.TagTokens(toks[s.First:s.Limit])
		}
		return toks
	}
	want := tag(plain)
	for round := 0; round < 2; round++ {
		got := tag(cached)
		for i := range want {
			if got[i].POS != want[i].POS || got[i].Lemma != want[i].Lemma {
				t.Errorf("round %d: %q: cached %s/%s, uncached %s/%s", round, want[i].Text, got[i].POS, got[i].Lemma, want[i].POS, want[i].Lemma)
			}
		}
	}
}

// posContextFeaturesCached must give exactly posContextFeatures' hashes.
func TestPOSContextFeaturesCached(t *testing.T) {
	text := "Angela Merkel met Emmanuel Macron in Paris. Yes! " +
		"The al-Maliki government's well-known spokesman, Ali al-Dabbagh, denied it . " +
		"SHARES FELL 3.5% IN EARLY TRADING ON WALL STREET"
	tg := Default().POS()
	toks := Tokenize(text)
	for _, s := range SplitSentences(text, toks) {
		c := getCtx(toks[s.First:s.Limit])
		tg.tag(c)
		for i := range c.words {
			c.feats = c.feats[:0]
			c.posContextFeatures(i)
			want := append([]fhash(nil), c.feats...)
			c.feats = c.feats[:0]
			c.posContextFeaturesCached(i)
			if !slices.Equal(c.feats, want) {
				t.Errorf("%q (word %d): cached context features differ", c.words[i], i)
			}
		}
		putCtx(c)
	}
}

// The recognizer's lexicon entries the tagger keeps with each word must be
// the ones the recognizer would look up: the same entities with them and
// without them.
func TestNERLexiconViaTagger(t *testing.T) {
	text := "Prime Minister Nouri al-Maliki met NASA Administrator Mike Griffin in Baghdad. " +
		"The Housing Authority of New Orleans (HANO) said HANO would reply, AFP reported from Paris."
	p := Default()
	with := p.Analyze(text).Entities
	tg := p.POS().withCache(newPosCache())
	tg.nerLex.Store(nil)
	without := (&Pipeline{pos: tg, ner: p.NER()}).Analyze(text).Entities
	if len(with) < 5 || !reflect.DeepEqual(with, without) {
		t.Errorf("with the tagger's entries %v\nwithout %v", with, without)
	}
	if tg.nerLex.Load() != nil {
		t.Fatal("the tagger without a lexicon got one")
	}
}

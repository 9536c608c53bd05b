package nlp

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// Training twice with one seed must give the same bytes; another seed
// shuffles differently and so gives another model.
func TestTrainPOSDeterministic(t *testing.T) {
	files := []string{"testdata/train/tiny.conllu"}
	train := func(seed int64) []byte {
		var buf bytes.Buffer
		if err := TrainPOS(&buf, files, POSOptions{Seed: seed, Iters: 3, Bits: 14}, nil); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := train(7), train(7)
	if !bytes.Equal(a, b) {
		t.Fatalf("same seed, different models (%d and %d bytes)", len(a), len(b))
	}
	tg, err := LoadPOS(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	toks := Tokenize("Anna Berg said the plan was ready .")
	tg.TagTokens(toks)
	if toks[2].POS != "VERB" || toks[2].Lemma != "say" {
		t.Errorf("said: got %s/%s, want VERB/say (the tiny training data has it)", toks[2].POS, toks[2].Lemma)
	}
}

func TestTrainNERDeterministic(t *testing.T) {
	files := []string{"testdata/train/tiny.iob2"}
	train := func(seed int64) []byte {
		var buf bytes.Buffer
		if err := TrainNER(&buf, files, NEROptions{Seed: seed, Iters: 3, Bits: 14}, nil); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := train(3), train(3)
	if !bytes.Equal(a, b) {
		t.Fatalf("same seed, different models (%d and %d bytes)", len(a), len(b))
	}
	if _, err := LoadNER(bytes.NewReader(a)); err != nil {
		t.Fatal(err)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	if _, err := LoadPOS(strings.NewReader("not a model")); err == nil {
		t.Error("LoadPOS accepted garbage")
	}
	if _, err := LoadNER(strings.NewReader("not a model")); err == nil {
		t.Error("LoadNER accepted garbage")
	}
}

// The embedded models load, tag reporting verbs with their lemmas, and keep
// demonyms out of the places.
func TestDefaultPipeline(t *testing.T) {
	p := Default()
	if p.NER() == nil {
		t.Fatal("no embedded NER model")
	}
	text := "The minister disclosed the figures.\nIraqi officials said Shiite militias left Basra, the paper quoted Maria Lopez as saying."
	a := p.Analyze(text)
	lemmas := map[string]string{}
	for _, tk := range a.Tokens {
		if tk.POS == "" || tk.Lemma == "" {
			t.Errorf("token %q untagged", tk.Text)
		}
		lemmas[tk.Text] = tk.Lemma
	}
	for form, want := range map[string]string{"said": "say", "disclosed": "disclose", "quoted": "quote", "officials": "official"} {
		if lemmas[form] != want {
			t.Errorf("lemma of %q = %q, want %q", form, lemmas[form], want)
		}
	}
	if len(a.Sentences) != 2 {
		t.Errorf("got %d sentences, want 2", len(a.Sentences))
	}
	found := map[string]string{}
	for _, e := range a.Entities {
		if text[e.Start:e.End] != e.Text || e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("bad entity %+v", e)
		}
		found[e.Text] = e.Type
	}
	for _, d := range []string{"Iraqi", "Shiite"} {
		if typ, ok := found[d]; ok {
			t.Errorf("demonym %q came out as %s", d, typ)
		}
	}
	if found["Basra"] != "LOC" || found["Maria Lopez"] != "PER" {
		t.Errorf("entities %v, want Basra LOC and Maria Lopez PER", found)
	}
}

// AnalyzeRanges keeps offsets in the whole text and skips what is outside
// the ranges.
func TestAnalyzeRanges(t *testing.T) {
	text := "Sidebar: Paris Hilton news\nMain text: Angela Merkel visited Warsaw.\nFooter"
	lo := strings.Index(text, "Main")
	hi := strings.Index(text, "\nFooter")
	a := Default().AnalyzeRanges(text, [][2]int{{lo, hi}})
	if len(a.Tokens) == 0 || a.Tokens[0].Start != lo {
		t.Fatalf("first token %+v, want one at %d", a.Tokens, lo)
	}
	for _, tk := range a.Tokens {
		if tk.Start < lo || tk.End > hi || text[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %+v outside [%d,%d) or misplaced", tk, lo, hi)
		}
	}
	for _, e := range a.Entities {
		if e.Start < lo || text[e.Start:e.End] != e.Text {
			t.Errorf("entity %+v outside the range or misplaced", e)
		}
	}
	if a2 := Default().AnalyzeRanges(text, [][2]int{{-5, 3}, {50, 10}, {len(text), len(text) + 9}}); len(a2.Tokens) != 1 {
		t.Errorf("clipped ranges gave %d tokens, want 1", len(a2.Tokens))
	}
}

func TestDefaultConcurrent(t *testing.T) {
	text := "Angela Merkel met Emmanuel Macron in Paris on Monday, officials said."
	want := Default().Analyze(text)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				got := Default().Analyze(text)
				if len(got.Entities) != len(want.Entities) || len(got.Tokens) != len(want.Tokens) {
					t.Errorf("concurrent analysis differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// The embedded models against the floors on shared data.
func TestEmbeddedPOSFloor(t *testing.T) {
	path := shareddata.Path(t, "data/ud-english-ewt/en_ewt-ud-test.conllu")
	acc, lacc := posAccuracy(t, Default().POS(), path)
	t.Logf("EWT test: UPOS %.4f, lemma %.4f", acc, lacc)
	if acc < 0.955 {
		t.Errorf("UPOS accuracy %.4f on EWT test, want >= 0.955", acc)
	}
}

func TestEmbeddedNERFloor(t *testing.T) {
	path := shareddata.Path(t, "data/uner-english-ewt/en_ewt-ud-dev.iob2")
	sc := nerScoreFile(t, Default(), path)
	t.Logf("UNER EWT dev: P %.4f R %.4f F1 %.4f", sc.All.Precision, sc.All.Recall, sc.All.F1)
	for typ, s := range sc.ByType {
		t.Logf("  %s: P %.4f R %.4f F1 %.4f", typ, s.Precision, s.Recall, s.F1)
	}
	// The issue asks for 0.80; the embedded model does not reach it yet (see
	// the closing note). This floor guards against regressions of the model
	// as committed; raise it with every better model.
	const floor, target = 0.74, 0.80
	if sc.All.F1 < floor {
		t.Errorf("NER F1 %.4f on UNER EWT dev, want >= %.2f (regression floor; the target is %.2f)", sc.All.F1, floor, target)
	} else if sc.All.F1 < target {
		t.Logf("NER F1 %.4f is below the target %.2f", sc.All.F1, target)
	}
}

// The embedded model on newswire: CoNLL-2003's development split, which
// the model does not learn from (it learns from eng.train).
func TestEmbeddedNERNewswireFloor(t *testing.T) {
	path := shareddata.Path(t, "data/conll2003/eng.testa")
	sc := nerScoreFormat(t, Default(), path, eval.FormatCoNLL2003)
	t.Logf("eng.testa PER/ORG/LOC: P %.4f R %.4f F1 %.4f", sc.All.Precision, sc.All.Recall, sc.All.F1)
	// Issue 18's floors; analysis-12 scores 0.933 and ORG 0.881.
	if sc.All.F1 < 0.92 {
		t.Errorf("NER F1 %.4f on eng.testa, want >= 0.92", sc.All.F1)
	}
	if org := sc.ByType["ORG"]; org.F1 < 0.85 {
		t.Errorf("ORG F1 %.4f on eng.testa, want >= 0.85", org.F1)
	}
}

// TestNERCalibration reports, for the embedded model on UNER EWT dev, how
// the confidence of found entities relates to their being right, and fails
// when confident entities are not more often right than unconfident ones.
func TestNERCalibration(t *testing.T) {
	path := shareddata.Path(t, "data/uner-english-ewt/en_ewt-ud-dev.iob2")
	sents := readIOB2ForTest(t, path)
	p := Default()
	var bins [5][2]int // by confidence fifth: entities, right
	for _, s := range sents {
		toks := make([]Token, len(s.Forms))
		for i, w := range s.Forms {
			toks[i] = Token{Text: w}
		}
		gold := map[[3]int]bool{}
		for _, sp := range goldSpans(s.Labels) {
			gold[sp] = true
		}
		for _, e := range p.AnalyzeTokens(toks) {
			b := min(int(e.Confidence*5), 4)
			bins[b][0]++
			if gold[[3]int{e.First, e.Limit, typeCode(e.Type)}] {
				bins[b][1]++
			}
		}
	}
	lowN, lowR, highN, highR := 0, 0, 0, 0
	for b, x := range bins {
		if x[0] > 0 {
			t.Logf("confidence %.1f-%.1f: %d entities, %.2f right", float64(b)/5, float64(b+1)/5, x[0], float64(x[1])/float64(x[0]))
		}
		if b < 4 {
			lowN, lowR = lowN+x[0], lowR+x[1]
		} else {
			highN, highR = highN+x[0], highR+x[1]
		}
	}
	if lowN == 0 || highN == 0 {
		t.Fatalf("confidences do not spread: %d below 0.8, %d above", lowN, highN)
	}
	if float64(highR)/float64(highN) <= float64(lowR)/float64(lowN) {
		t.Errorf("entities above 0.8 confidence are right %.2f of the time, below %.2f", float64(highR)/float64(highN), float64(lowR)/float64(lowN))
	}
}

func typeCode(t string) int { return strings.Index("PERORGLOC", t) }

func goldSpans(labels []string) [][3]int {
	var out [][3]int
	for i := 0; i < len(labels); {
		if labels[i] == "O" || len(labels[i]) < 3 {
			i++
			continue
		}
		typ := labels[i][2:]
		j := i + 1
		for j < len(labels) && labels[j] == "I-"+typ {
			j++
		}
		out = append(out, [3]int{i, j, typeCode(typ)})
		i = j
	}
	return out
}

func readIOB2ForTest(t *testing.T, path string) []corpusSentence {
	s, err := readIOB2(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// FuzzAnalyze checks that any text analyses without panicking into tokens,
// sentences and entities whose offsets match the text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", " ", "Nouri al-Maliki's MKO (PMOI) said:”We”", "a-b-c- -d --e", "U.S. The", "\u200b\ufeff", "ÉTAT-MAJOR Général", "x\n\n\ny",
		"The Islamic State of Iraq and Syria (ISIS) left. ISIS (ISIS) of Iraq and Syria (IS) (ISIS)"} {
		f.Add(s)
	}
	p := Default()
	f.Fuzz(func(t *testing.T, s string) {
		a := p.Analyze(s)
		checkInvariants(t, s, a.Tokens, a.Sentences)
		for k, e := range a.Entities {
			if k > 0 && e.Start < a.Entities[k-1].End {
				t.Fatalf("entities %+v and %+v overlap in %q", a.Entities[k-1], e, s)
			}
			if e.Start < 0 || e.End > len(s) || e.Start >= e.End || s[e.Start:e.End] != e.Text ||
				e.First < 0 || e.Limit > len(a.Tokens) || e.First >= e.Limit ||
				a.Tokens[e.First].Start != e.Start || a.Tokens[e.Limit-1].End != e.End {
				t.Fatalf("bad entity %+v in %q", e, s)
			}
		}
	})
}

// AnalyzeDocument gives a corpus's own sentences the analysis an article
// gets: the same entities as Analyze over the same words, document-level
// consistency included, with spans per sentence.
func TestAnalyzeDocument(t *testing.T) {
	doc := [][]string{
		strings.Fields("Maria Kowalczyk met officials of Norvexa Holdings in Gdansk ."),
		strings.Fields("Kowalczyk said Norvexa Holdings would stay ."),
		strings.Fields("Nobody else spoke ."),
		strings.Fields("Later Kowalczyk flew to Oslo with Norvexa Holdings staff ."),
	}
	var lines []string
	for _, s := range doc {
		lines = append(lines, strings.Join(s, " "))
	}
	text := strings.Join(lines, "\n")
	p := Default()
	a := p.Analyze(text)
	if len(a.Sentences) != len(doc) {
		t.Fatalf("Analyze split %d sentences, want %d", len(a.Sentences), len(doc))
	}
	want := map[[3]int]string{}
	for _, e := range a.Entities {
		k := 0
		for a.Sentences[k].Limit <= e.First {
			k++
		}
		want[[3]int{k, e.First - a.Sentences[k].First, e.Limit - a.Sentences[k].First}] = e.Type
	}
	got := map[[3]int]string{}
	for k, ents := range p.AnalyzeDocument(doc) {
		for _, e := range ents {
			if e.First < 0 || e.Limit > len(doc[k]) || e.Text != strings.Join(doc[k][e.First:e.Limit], " ") {
				t.Errorf("sentence %d: entity %+v does not match its tokens", k, e)
			}
			got[[3]int{k, e.First, e.Limit}] = e.Type
		}
	}
	if len(want) < 4 || !reflect.DeepEqual(got, want) {
		t.Errorf("AnalyzeDocument %v, Analyze %v (want the same, at least 4)", got, want)
	}
	if got := p.AnalyzeDocument([][]string{{}, {"Oslo"}}); len(got) != 2 || len(got[0]) != 0 {
		t.Errorf("an empty sentence must keep its place, with no entities: %v", got)
	}
}

// No person's name begins with a title, whatever the model reads into it.
func TestPersonTitlesStripped(t *testing.T) {
	// The model as committed takes "Ms" and "Mr" into the names of the
	// first two sentences.
	text := "Ms Bauchtman said the tablets were safe.\nMr Hollande and Ms Kowalczyk left.\n" +
		"Prime Minister Nouri al-Maliki met NASA Administrator Mike Griffin and Gen. David Petraeus."
	a := Default().Analyze(text)
	persons := map[string]bool{}
	for _, e := range a.Entities {
		if e.Type != "PER" {
			continue
		}
		persons[e.Text] = true
		if first := a.Tokens[e.First].Text; personTitles[strings.ToLower(first)] {
			t.Errorf("person %q begins with the title %q", e.Text, first)
		}
	}
	for _, name := range []string{"Bauchtman", "Hollande", "Nouri al-Maliki", "Mike Griffin", "David Petraeus"} {
		if !persons[name] {
			t.Errorf("person %q not found; persons %v", name, persons)
		}
	}
}

// A plain word ("for", "to") after a word labelled O is labelled O without
// scoring (see plainO), but after a name's first words it is scored: names
// with one keep it. Whether "for" is plain depends on the word classes
// (since analysis-12 it is not: CoNLL-2003 has it inside many names), so
// the test makes it plain, decodes again and checks that it was scored
// exactly where a hypothesis had a name open before it.
func TestPlainWordsInsideNames(t *testing.T) {
	text := "He used to work for the Institute for Advanced Study in Princeton.\n" +
		"The Center for Disease Control said so."
	p := Default()
	a := p.Analyze(text)
	got := map[string]string{}
	for _, e := range a.Entities {
		got[e.Text] = e.Type
	}
	for _, name := range []string{"Institute for Advanced Study", "Center for Disease Control"} {
		if got[name] != "ORG" {
			t.Errorf("%q not found as ORG; entities %v", name, got)
		}
	}
	inside := 0
	for _, s := range a.Sentences {
		c := getCtx(a.Tokens[s.First:s.Limit])
		p.pos.tag(c)
		n := p.ner
		n.lex.match(c)
		for i, w := range c.words {
			if w == "for" && c.wcls[i] != wcNone {
				c.wcls[i] = (c.wcls[i]-1)/4*4 + 1 // level 0 of its kind: plain
			}
		}
		n.ctx.classes(c)
		k := max(nerBeam, 1)
		c.beamSearch(n.model, len(n.model.labels), k, nil)
		c.backtrack(len(c.words)-1, 0, k)
		for i, w := range c.words {
			if w != "for" || i == 0 {
				continue
			}
			if !c.plainO(i) {
				t.Errorf("%q (word %d) is not a plain word: the test does not reach the shortcut", w, i)
			}
			open := false
			for _, it := range c.beam[(i-1)*k : (i-1)*k+c.beamN[i-1]] {
				open = open || it.lab != 0
			}
			// The shortcut leaves every label but O at -1e4 (labelPlainO).
			shortcut := c.seqScore[i*k*len(nerLabels)+1] == -1e4
			if open == shortcut {
				t.Errorf("%q (word %d): a name open before it %v, labelled O unscored %v", w, i, open, shortcut)
			}
			if open {
				inside++
			}
		}
		putCtx(c)
	}
	if inside == 0 {
		t.Error("no plain word after a name's first word: the test does not reach its case")
	}
}

// A place written with its region or country and no comma is two places;
// a listed name that ends in a region's name stays one.
func TestPlaceThenRegionSplit(t *testing.T) {
	a := Default().Analyze("We drove from Miramar California to San Francisco California in May.\n" +
		"She moved to New Mexico and then to Papua New Guinea.")
	var got []string
	for _, e := range a.Entities {
		if e.Type == "LOC" {
			got = append(got, e.Text)
		}
	}
	want := "Miramar|California|San Francisco|California|New Mexico|Papua New Guinea"
	if strings.Join(got, "|") != want {
		t.Errorf("places %q, want %s", got, want)
	}
}

// Decoding with a form's own rows summed in the net's cache gives the same
// entities and the same confidences as looking every row up.
func TestNERWordSumsExact(t *testing.T) {
	p := Default()
	if p.ner.ctx == nil {
		t.Skip("the embedded model has no context net")
	}
	plain := *p.ner
	net := *p.ner.ctx
	net.model = nil // no sums: every row is looked up
	net.cache = newFormCache[ctxWord](ctxCacheBits)
	plain.ctx = &net
	q := NewPipeline(p.pos, &plain).WithAgreement(p.agree...)
	text := "Prime Minister Nouri al-Maliki met the Mojahedin-e Khalq Organization (MKO) in Baghdad on Monday.\n" +
		"The MKO, which Iraq calls a terrorist group, denied it. Ms Bauchtman of Reuters said:\u201dWe know.\u201d\n" +
		"the sales team at mcdonald's in san francisco california called GE and IBM about the U.S. deal."
	for pass := 0; pass < 2; pass++ { // the second pass reads the sums from the cache
		want, got := q.Analyze(text), p.Analyze(text)
		if len(got.Entities) == 0 || !reflect.DeepEqual(got.Entities, want.Entities) {
			t.Fatalf("pass %d: with sums %+v\nwithout %+v", pass, got.Entities, want.Entities)
		}
	}
	hits := 0
	for i := range p.ner.ctx.cache.slots {
		if e := p.ner.ctx.cache.slots[i].Load(); e != nil && e.nerOK {
			hits++
		}
	}
	if hits == 0 {
		t.Error("no form in the net's cache holds its sum: the test does not reach it")
	}
}

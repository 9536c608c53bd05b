package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/internal/golden"
)

// renderSentences shows one sentence a line, tokens separated by " | ".
func renderSentences(text string, toks []Token, sents []Sentence) string {
	var b strings.Builder
	for _, s := range sents {
		for i := s.First; i < s.Limit; i++ {
			if i > s.First {
				b.WriteString(" | ")
			}
			b.WriteString(toks[i].Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestTokenizeGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/tokenize/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(in)
			toks := Tokenize(text)
			sents := SplitSentences(text, toks)
			checkInvariants(t, text, toks, sents)
			got := renderSentences(text, toks, sents)
			goldenPath := strings.TrimSuffix(f, ".txt") + ".golden"
			golden.Check(t, goldenPath, got)
		})
	}
}

// checkInvariants verifies what every caller relies on: offsets in order,
// Text equal to the bytes it spans, no white space inside a token, and
// sentences that tile the tokens in order.
func checkInvariants(t testing.TB, text string, toks []Token, sents []Sentence) {
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %q has bad span [%d,%d) after %d", i, tk.Text, tk.Start, tk.End, prev)
		}
		if text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d text %q != span %q", i, tk.Text, text[tk.Start:tk.End])
		}
		if strings.ContainsAny(tk.Text, " \t\n\r") {
			t.Fatalf("token %d %q contains white space", i, tk.Text)
		}
		prev = tk.End
	}
	next := 0
	for i, s := range sents {
		if s.First != next || s.Limit <= s.First || s.Limit > len(toks) {
			t.Fatalf("sentence %d covers tokens [%d,%d), want start %d", i, s.First, s.Limit, next)
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Limit-1].End {
			t.Fatalf("sentence %d byte span [%d,%d) does not match its tokens", i, s.Start, s.End)
		}
		next = s.Limit
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func TestTokenizeCases(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by " | "
	}{
		{`said:”We know`, `said | : | ” | We | know`},
		{`Nouri al-Maliki`, `Nouri | al-Maliki`},
		{`Mojahedin-e Khalq`, `Mojahedin-e | Khalq`},
		{`the U.S. and the U.K.`, `the | U.S. | and | the | U.K.`},
		{`Mr. Smith`, `Mr. | Smith`},
		{`J. R. R. Tolkien`, `J. | R. | R. | Tolkien`},
		{`war (1980-88).`, `war | ( | 1980-88 | ) | .`},
		{`wait... what…`, `wait | ... | what | …`},
		{`yes — no – maybe -- fine`, `yes | — | no | – | maybe | -- | fine`},
		{`5km 3pm 10kg 1980s 21st`, `5 | km | 3 | pm | 10 | kg | 1980s | 21st`},
		{`$1,250.50 and 17,000 people`, `$ | 1,250.50 | and | 17,000 | people`},
		{`see https://ex.org/a_(b), then`, `see | https://ex.org/a_(b) | , | then`},
		{`mail a.b@ex.co.uk.`, `mail | a.b@ex.co.uk | .`},
		{`don't can't Iran’s they're`, `do | n't | ca | n't | Iran | ’s | they | 're`},
		{`O'Brien's`, `O'Brien | 's`},
		{`parents' rights`, `parents | ' | rights`},
		{`AT&T`, `AT&T`},
		{`at 10:30 today`, `at | 10:30 | today`},
		{`“Quote,” he said`, `“ | Quote | , | ” | he | said`},
		{`No. 5 said no.`, `No. | 5 | said | no | .`},
		{"zero\u200bwidth", `zero | width`},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		parts := make([]string, len(toks))
		for i, tk := range toks {
			parts[i] = tk.Text
		}
		if got := strings.Join(parts, " | "); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestSplitSentencesCases(t *testing.T) {
	tests := []struct {
		in   string
		want []string // sentence texts
	}{
		{"Headline without stop\nBody starts here. And goes on.", []string{"Headline without stop", "Body starts here.", "And goes on."}},
		{`He said "it is over." Then he left.`, []string{`He said "it is over."`, `Then he left.`}},
		{`“Why?” he asked. Nobody knew.`, []string{`“Why?” he asked.`, `Nobody knew.`}},
		{`Mr. Smith met Gen. Doe. They talked.`, []string{`Mr. Smith met Gen. Doe.`, `They talked.`}},
		{`He flew to the U.S. The trip was long.`, []string{`He flew to the U.S.`, `The trip was long.`}},
		{`The U.S. Army said so.`, []string{`The U.S. Army said so.`}},
		{`J. K. Rowling wrote it.`, []string{`J. K. Rowling wrote it.`}},
		{"a wrapped line goes\non here.", []string{"a wrapped line goes\non here."}},
		{`It ended (finally.) Next one.`, []string{`It ended (finally.)`, `Next one.`}},
		{"", nil},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		sents := SplitSentences(tt.in, toks)
		checkInvariants(t, tt.in, toks, sents)
		var got []string
		for _, s := range sents {
			got = append(got, tt.in[s.Start:s.End])
		}
		if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "a", `said:”We`, "U.S. The", "1980-88", "x@y.z", "http://a.b/(c)", "don't", "’s", "...", "\u200b", "5km.", "a\n\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// Invalid bytes still must not break the invariants.
			s = strings.ToValidUTF8(s, "\ufffd")
		}
		toks := Tokenize(s)
		checkInvariants(t, s, toks, SplitSentences(s, toks))
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var m tokenMeter
	for b.Loop() {
		m.begin()
		toks := Tokenize(text)
		SplitSentences(text, toks)
		m.n += len(toks)
	}
	m.report(b)
}

// A text without sentence punctuation is cut into sentences of at most
// MaxSentenceTokens tokens, preferring a comma, covering every token once.
func TestSplitSentencesCapsLength(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString("word ")
		if i%150 == 149 {
			b.WriteString(", ")
		}
	}
	text := b.String()
	toks := Tokenize(text)
	sents := SplitSentences(text, toks)
	next := 0
	for _, s := range sents {
		if s.First != next || s.Limit-s.First > MaxSentenceTokens || s.Limit <= s.First {
			t.Fatalf("sentence tokens [%d,%d) after %d (cap %d)", s.First, s.Limit, next, MaxSentenceTokens)
		}
		next = s.Limit
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
	if toks[sents[0].Limit-1].Text != "," {
		t.Errorf("first cut after %q, want the comma", toks[sents[0].Limit-1].Text)
	}
}

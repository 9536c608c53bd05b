package timex

import "strings"

// Tense is the grammatical time of the clause around an expression; it
// decides which "June" or "Wednesday" an expression without a year means.
type Tense int

// Tenses.
const (
	TenseUnknown Tense = iota
	TensePast
	TensePresent
	TenseFuture
)

// TenseFunc decides the tense of the sentence text[sentence[0]:sentence[1]]
// around the expression at text[expr[0]:expr[1]]. The default is LexicalTense;
// a part-of-speech tagger can supply a better one through Options.
type TenseFunc func(text string, sentence, expr [2]int) Tense

// LexicalTense decides tense from words alone: the verb cue nearest to the
// expression wins. Future cues are "will", "'ll", "shall", "going to" and
// the like; past cues are past auxiliaries, irregular past forms, "ago" and
// lower-case words ending in -ed that do not follow a determiner; present
// cues are present auxiliaries and "says".
func LexicalTense(text string, sentence, expr [2]int) Tense {
	toks := scan(text, sentence[0], sentence[1])
	best, bestDist := TenseUnknown, 1<<30
	for i, t := range toks {
		if t.kind != kWord || (t.s >= expr[0] && t.e <= expr[1]) {
			continue
		}
		tn := cueTense(toks, i)
		if tn == TenseUnknown {
			continue
		}
		d := expr[0] - t.e
		if t.s >= expr[1] {
			d = t.s - expr[1]
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = tn, d
		}
	}
	return best
}

var futureCues = map[string]bool{
	"will": true, "shall": true, "ll": true, "wo": true, "won": true, "upcoming": true,
	"scheduled": true, "plans": true, "plan": true, "planned": true, "expects": true, "expected": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "ago": true, "said": true, "told": true,
	"went": true, "came": true, "took": true, "made": true, "began": true, "fell": true, "rose": true,
	"won": true, "lost": true, "met": true, "saw": true, "held": true, "left": true, "gave": true,
	"got": true, "became": true, "sold": true, "bought": true, "led": true, "found": true, "ran": true,
	"brought": true, "knew": true, "thought": true, "kept": true, "paid": true, "sent": true,
	"spent": true, "struck": true, "wrote": true, "overtook": true, "broke": true, "built": true,
	"chose": true, "drove": true, "flew": true, "grew": true,
	"sought": true, "stood": true, "taught": true, "threw": true, "understood": true, "wore": true,
	"killed": true, "shot": true, "spoke": true, "forgot": true,
}

var presentCues = map[string]bool{
	"is": true, "are": true, "am": true, "has": true, "have": true, "does": true, "says": true,
}

// notPast are words ending in -ed that are not past forms.
var notPast = map[string]bool{
	"need": true, "speed": true, "seed": true, "feed": true, "bed": true, "red": true, "shed": true,
	"hundred": true, "indeed": true, "united": true, "limited": true, "breed": true, "greed": true,
	"bleed": true, "proceed": true, "exceed": true, "succeed": true, "heed": true, "weed": true,
	"creed": true, "steed": true, "deed": true, "wed": true,
}

func cueTense(toks []tok, i int) Tense {
	w := toks[i].low
	prev := ""
	if i > 0 {
		prev = toks[i-1].low
	}
	switch {
	case futureCues[w]:
		if w == "plans" || w == "plan" || w == "planned" || w == "expects" || w == "expected" || w == "scheduled" {
			// "plans to", "expected to", "scheduled for" point ahead.
			if i+1 < len(toks) && (toks[i+1].low == "to" || toks[i+1].low == "for") {
				return TenseFuture
			}
			return TenseUnknown
		}
		if (w == "wo" || w == "won") && i+1 < len(toks) && toks[i+1].raw == "'" {
			return TenseFuture
		}
		if w == "won" {
			return TensePast
		}
		if w == "ll" && prev != "'" && prev != "\u2019" {
			return TenseUnknown
		}
		return TenseFuture
	case w == "going" && i+1 < len(toks) && toks[i+1].low == "to":
		return TenseFuture
	case w == "to" && i+1 < len(toks) && toks[i+1].low == "be":
		return TenseFuture // "to be held", "is to be"
	case (w == "set" || w == "due" || w == "slated" || w == "about" || w == "poised") && i+1 < len(toks) && toks[i+1].low == "to":
		return TenseFuture
	case prev == "be" || prev == "being":
		return TenseUnknown // a passive participle takes its tense from its auxiliary
	case pastCues[w]:
		return TensePast
	case presentCues[w]:
		return TensePresent
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !toks[i].upper && !notPast[w]:
		switch prev {
		case "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her":
			return TenseUnknown
		}
		return TensePast
	}
	return TenseUnknown
}

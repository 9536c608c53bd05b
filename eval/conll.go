// Package eval scores claimgraph's extractors on standard annotated formats.
package eval

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/internal/nerfile"
)

// NER file formats (read by internal/nerfile, which nlp's training uses too).
const (
	FormatCoNLL2003 = nerfile.FormatCoNLL2003
	FormatIOB2      = nerfile.FormatIOB2
)

// NERSentence is one sentence of a NER file: its tokens and gold labels.
type NERSentence = nerfile.Sentence

// ReadNERFile reads a NER file in the given format.
func ReadNERFile(path, format string) ([]NERSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	s, err := ReadNER(f, format)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

// ReadNER reads sentences in the CoNLL-2003 or IOB2 format. Blank lines end
// sentences; "-DOCSTART-" lines end documents and are not tokens.
func ReadNER(r io.Reader, format string) ([]NERSentence, error) { return nerfile.Read(r, format) }

// Chunk is an entity as a token range [First, Limit) and a type.
type Chunk struct {
	First, Limit int
	Type         string
}

// Chunks returns the entities of a label sequence with conlleval's rules, so
// IOB1 ("I-X" may open an entity; "B-X" only separates two adjacent X) and
// IOB2 read alike.
func Chunks(labels []string) []Chunk {
	var out []Chunk
	prevTag, prevType := "O", ""
	start := -1
	for i := 0; i <= len(labels); i++ {
		tag, typ := "O", ""
		if i < len(labels) {
			tag, typ = splitLabel(labels[i])
		}
		if start >= 0 && endOfChunk(prevTag, tag, prevType, typ) {
			out = append(out, Chunk{First: start, Limit: i, Type: prevType})
			start = -1
		}
		if startOfChunk(prevTag, tag, prevType, typ) {
			start = i
		}
		prevTag, prevType = tag, typ
	}
	return out
}

func splitLabel(l string) (tag, typ string) {
	if l == "O" || len(l) < 3 || l[1] != '-' {
		return "O", ""
	}
	return l[:1], l[2:]
}

// endOfChunk and startOfChunk follow conlleval.pl.
func endOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case prevTag == "E", prevTag == "S":
		return true
	case prevTag == "B" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag == "I" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag != "O" && prevType != typ:
		return true
	}
	return false
}

func startOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case tag == "B", tag == "S":
		return true
	case prevTag == "E" && (tag == "E" || tag == "I"):
		return true
	case prevTag == "S" && (tag == "E" || tag == "I"):
		return true
	case prevTag == "O" && (tag == "E" || tag == "I"):
		return true
	case tag != "O" && prevType != typ:
		return true
	}
	return false
}

// PRF holds counts and scores for one type or overall.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

func (p *PRF) finish() {
	p.Precision, p.Recall = Ratio(p.Correct, p.Predicted), Ratio(p.Correct, p.Gold)
	p.F1 = Harmonic(p.Precision, p.Recall)
}

// NERScore accumulates exact-span, exact-type matches of entity chunks.
type NERScore struct {
	Types  map[string]bool // types scored; nil scores every type
	All    PRF
	ByType map[string]*PRF
	// KeepErrors makes AddDocuments list every error in Errors.
	KeepErrors bool
	Errors     []NERError
	// LineGenre, when set, names the genre of a sentence's line (prose,
	// headline, table, ...): AddDocuments then scores each genre apart in
	// ByGenre and marks each error with it, so the errors' places show.
	LineGenre func(tokens []string) string
	ByGenre   map[string]*PRF
}

// NERError is one entity the recognizer got wrong, as an analyst reads it:
//   - missed: a gold entity no prediction overlaps;
//   - type: the exact span found, with another type;
//   - boundary: a prediction overlaps the gold entity but not exactly;
//   - spurious: a prediction that overlaps no gold entity.
type NERError struct {
	Kind     string `json:"kind"`
	Sentence string `json:"sentence"`            // the file's sentence id, or its 1-based number
	Genre    string `json:"genre,omitempty"`     // the line's genre, when the scorer has LineGenre
	Gold     string `json:"gold,omitempty"`      // "TYPE text"
	Got      string `json:"predicted,omitempty"` // "TYPE text"
}

// nerErrors classifies the errors of one sentence (chunks already limited
// to the scored types).
func nerErrors(sentence string, tokens []string, gold, pred []Chunk) []NERError {
	text := func(c Chunk) string {
		return c.Type + " " + strings.Join(tokens[min(c.First, len(tokens)):min(c.Limit, len(tokens))], " ")
	}
	overlaps := func(a, b Chunk) bool { return a.First < b.Limit && b.First < a.Limit }
	exact := map[Chunk]bool{}
	for _, c := range pred {
		exact[c] = true
	}
	var out []NERError
	goldSet := map[Chunk]bool{}
	for _, g := range gold {
		goldSet[g] = true
		if exact[g] {
			continue
		}
		e := NERError{Kind: "missed", Sentence: sentence, Gold: text(g)}
		for _, p := range pred {
			if !overlaps(g, p) {
				continue
			}
			e.Got = text(p)
			if p.First == g.First && p.Limit == g.Limit {
				e.Kind = "type"
				break
			}
			e.Kind = "boundary"
		}
		out = append(out, e)
	}
	for _, p := range pred {
		if goldSet[p] {
			continue
		}
		alone := true
		for _, g := range gold {
			alone = alone && !overlaps(g, p)
		}
		if alone {
			out = append(out, NERError{Kind: "spurious", Sentence: sentence, Got: text(p)})
		}
	}
	return out
}

// NewNERScore returns a scorer for the given types (none: all types).
func NewNERScore(types []string) *NERScore {
	s := &NERScore{ByType: map[string]*PRF{}}
	if len(types) > 0 {
		s.Types = map[string]bool{}
		for _, t := range types {
			s.Types[t] = true
			s.ByType[t] = &PRF{}
		}
	}
	return s
}

func (s *NERScore) typ(t string) *PRF {
	p := s.ByType[t]
	if p == nil {
		p = &PRF{}
		s.ByType[t] = p
	}
	return p
}

// scored reports whether chunks of c's type are scored.
func (s *NERScore) scored(c Chunk) bool { return s.Types == nil || s.Types[c.Type] }

// kept returns the chunks of the scored types.
func (s *NERScore) kept(cs []Chunk) []Chunk {
	var out []Chunk
	for _, c := range cs {
		if s.scored(c) {
			out = append(out, c)
		}
	}
	return out
}

// Add scores one sentence's gold and predicted chunks. Chunks of types not
// scored are ignored on both sides.
func (s *NERScore) Add(gold, pred []Chunk) {
	g := map[Chunk]bool{}
	for _, c := range gold {
		if s.scored(c) {
			g[c] = true
			s.All.Gold++
			s.typ(c.Type).Gold++
		}
	}
	for _, c := range pred {
		if !s.scored(c) {
			continue
		}
		s.All.Predicted++
		s.typ(c.Type).Predicted++
		if g[c] {
			s.All.Correct++
			s.typ(c.Type).Correct++
		}
	}
}

// AddDocuments scores sentences document by document: analyze gets the
// tokens of one document's sentences (of one sentence each when
// bySentence) and returns each sentence's predicted entities.
func (s *NERScore) AddDocuments(sents []NERSentence, bySentence bool, analyze func(doc [][]string) [][]Chunk) {
	done := 0
	for len(sents) > 0 {
		n := 1
		for !bySentence && n < len(sents) && sents[n].Doc == sents[0].Doc {
			n++
		}
		doc := make([][]string, n)
		for i, ns := range sents[:n] {
			doc[i] = ns.Tokens
		}
		for i, pred := range analyze(doc) {
			gold := Chunks(sents[i].Labels)
			s.Add(gold, pred)
			genre := ""
			if s.LineGenre != nil {
				genre = s.LineGenre(sents[i].Tokens)
				if s.ByGenre == nil {
					s.ByGenre = map[string]*PRF{}
				}
				g := s.ByGenre[genre]
				if g == nil {
					g = &PRF{}
					s.ByGenre[genre] = g
				}
				g.add(s.kept(gold), s.kept(pred))
			}
			if s.KeepErrors {
				id := sents[i].ID
				if id == "" {
					id = strconv.Itoa(done + i + 1)
				}
				errs := nerErrors(id, sents[i].Tokens, s.kept(gold), s.kept(pred))
				for k := range errs {
					errs[k].Genre = genre
				}
				s.Errors = append(s.Errors, errs...)
			}
		}
		done += n
		sents = sents[n:]
	}
}

// add counts one sentence's chunks (already limited to the scored types).
func (p *PRF) add(gold, pred []Chunk) {
	g := map[Chunk]bool{}
	for _, c := range gold {
		g[c] = true
	}
	p.Gold += len(gold)
	p.Predicted += len(pred)
	for _, c := range pred {
		if g[c] {
			p.Correct++
		}
	}
}

// Finish computes precision, recall and F1 from the counts.
func (s *NERScore) Finish() {
	s.All.finish()
	for _, p := range s.ByType {
		p.finish()
	}
	for _, p := range s.ByGenre {
		p.finish()
	}
}

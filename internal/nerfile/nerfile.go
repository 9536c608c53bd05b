// Package nerfile reads the annotated named-entity files the recognizer is
// trained on and scored with (CoNLL-2003 and Universal NER's IOB2): one
// reader for the nlp package's training and the eval package's scoring.
package nerfile

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// NER file formats.
const (
	FormatCoNLL2003 = "conll2003" // space-separated columns, label last, -DOCSTART- lines, IOB1 or IOB2
	FormatIOB2      = "iob2"      // Universal NER: tab-separated index, token, label, ...; "#" comments
)

// Sentence is one sentence of a NER file: its tokens and gold labels.
type Sentence struct {
	ID string // "# sent_id" when the file gives one
	// Doc numbers the sentence's document: it changes at "-DOCSTART-"
	// (CoNLL-2003) and "# newdoc" (IOB2) lines. Files without them are one
	// document.
	Doc    int
	Tokens []string // the file's own tokens
	Labels []string // gold labels, as written (IOB1 or IOB2)
}

// Read reads sentences in the CoNLL-2003 or IOB2 format. Blank lines end
// sentences; "-DOCSTART-" lines end documents and are not tokens.
func Read(r io.Reader, format string) ([]Sentence, error) {
	if format != FormatCoNLL2003 && format != FormatIOB2 {
		return nil, fmt.Errorf("unknown NER format %q (want %s or %s)", format, FormatCoNLL2003, FormatIOB2)
	}
	var out []Sentence
	var cur Sentence
	doc := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if format == FormatIOB2 && strings.HasPrefix(s, "#") {
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			}
			if strings.HasPrefix(s, "# newdoc") {
				flush()
				doc++
			}
			continue
		}
		if strings.HasPrefix(s, "-DOCSTART-") {
			flush()
			doc++
			continue
		}
		var tok, lab string
		switch format {
		case FormatCoNLL2003:
			cols := strings.Fields(s)
			if len(cols) < 2 {
				return nil, fmt.Errorf("line %d: %d columns, want a token and a label", line, len(cols))
			}
			tok, lab = cols[0], cols[len(cols)-1]
		case FormatIOB2:
			cols := strings.Split(s, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("line %d: %d columns, want index, token, label", line, len(cols))
			}
			tok, lab = cols[1], cols[2]
		}
		if lab != "O" && !(len(lab) > 2 && (lab[0] == 'B' || lab[0] == 'I' || lab[0] == 'E' || lab[0] == 'S') && lab[1] == '-') {
			return nil, fmt.Errorf("line %d: bad label %q", line, lab)
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Labels = append(cur.Labels, lab)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

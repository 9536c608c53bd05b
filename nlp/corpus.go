package nlp

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/internal/nerfile"
)

// corpusSentence is one annotated sentence read for training.
type corpusSentence struct {
	ID     string
	Text   string   // the "# text =" line when present
	Forms  []string // tokens as the corpus gives them
	UPOS   []string // CoNLL-U only
	Lemmas []string // CoNLL-U only
	Misc   []string // CoNLL-U only
	Labels []string // IOB2 only, or entity labels derived from Misc
	Doc    int      // CoNLL-2003: the document's number (from 1)
	// DocGenre is the genre of the sentence's document (DocumentGenre of
	// its tokens), DocProse where the corpus gives no documents.
	DocGenre DocGenre
	file     string // the training file read (readNERTraining)
}

// readCoNLLU reads the sentences of a CoNLL-U file, skipping multi-word
// token lines and empty nodes so that forms are the syntactic words.
func readCoNLLU(path string) ([]corpusSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	out, err := parseCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

func parseCoNLLU(r io.Reader) ([]corpusSentence, error) {
	var out []corpusSentence
	var cur corpusSentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() {
		if len(cur.Forms) > 0 {
			out = append(out, cur)
		}
		cur = corpusSentence{}
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multi-word token or empty node
		}
		cur.Forms = append(cur.Forms, cols[1])
		cur.Lemmas = append(cur.Lemmas, cols[2])
		cur.UPOS = append(cur.UPOS, cols[3])
		cur.Misc = append(cur.Misc, cols[9])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// readIOB2 reads a Universal NER file: "# sent_id", "# text" comments and
// one token a line (index, token, label, ...), sentences separated by blank
// lines.
func readIOB2(path string) ([]corpusSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var out []corpusSentence
	var cur corpusSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			if len(cur.Forms) > 0 {
				out = append(out, cur)
			}
			cur = corpusSentence{}
			continue
		}
		if strings.HasPrefix(s, "#") {
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("read %s: line %d: %d columns, want at least 3", path, line, len(cols))
		}
		cur.Forms = append(cur.Forms, cols[1])
		lab := cols[2]
		if strings.HasSuffix(lab, "-OTH") {
			lab = "O"
		}
		cur.Labels = append(cur.Labels, lab)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(cur.Forms) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// readCoNLL2003 reads a CoNLL-2003 NER file (space-separated columns, the
// label last, "-DOCSTART-" lines between documents) for training. Its IOB1
// labels become IOB2 ("I-X" opening a name is "B-X"); types outside
// nerLabels (MISC) become O, as Universal NER's OTH does. Each sentence
// records its document's number in Doc.
func readCoNLL2003(path string) ([]corpusSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	out, err := parseCoNLL2003(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

func parseCoNLL2003(r io.Reader) ([]corpusSentence, error) {
	sents, err := nerfile.Read(r, nerfile.FormatCoNLL2003)
	if err != nil {
		return nil, err
	}
	out := make([]corpusSentence, len(sents))
	for i, s := range sents {
		out[i] = corpusSentence{Forms: s.Tokens, Labels: s.Labels, Doc: s.Doc}
	}
	// The document's genre is read from the tokens as written, as
	// Pipeline.analyze reads an article's.
	for lo := 0; lo < len(out); {
		hi := lo + 1
		for hi < len(out) && out[hi].Doc == out[lo].Doc {
			hi++
		}
		lines := make([][]string, 0, hi-lo)
		for _, s := range out[lo:hi] {
			lines = append(lines, s.Forms)
		}
		g := DocumentGenre(lines)
		for i := lo; i < hi; i++ {
			out[i].DocGenre = g
		}
		lo = hi
	}
	for i := range out {
		out[i].Forms, out[i].Labels = splitHyphens(out[i].Forms, iob1To2(out[i].Labels))
	}
	return out, nil
}

// splitHyphens splits hyphenated tokens into the words the taggers see
// (appendWords: "Anglo-French" is "Anglo", "-", "French"), the parts after
// the first inside the token's name, if any.
func splitHyphens(forms, labels []string) ([]string, []string) {
	var f, l []string
	for i, w := range forms {
		n := len(f)
		f = appendWords(f, w)
		l = append(l, labels[i])
		for k := n + 1; k < len(f); k++ {
			in := "O"
			if labels[i] != "O" {
				in = "I-" + labels[i][2:]
			}
			l = append(l, in)
		}
	}
	return f, l
}

// iob1To2 rewrites IOB1 labels as IOB2 and drops the types the recognizer
// does not know: in IOB1 "I-X" opens a name unless an X name is open, and
// "B-X" only separates two adjacent X names.
func iob1To2(labels []string) []string {
	out := make([]string, len(labels))
	prev := "O"
	for i, l := range labels {
		typ := ""
		if l != "O" {
			typ = l[2:]
		}
		switch {
		case typ != "PER" && typ != "ORG" && typ != "LOC":
			out[i] = "O"
		case l[0] == 'B' || prev != typ:
			out[i] = "B-" + typ
		default:
			out[i] = "I-" + typ
		}
		prev = typ
		if out[i] == "O" {
			prev = ""
		}
	}
	return out
}

// isCoNLL2003 reports whether a training file is in the CoNLL-2003 format:
// its first line that is not blank is a "-DOCSTART-" line, or a token line
// of space-separated columns (Universal NER's are tab-separated, and its
// files begin with "#" comments).
func isCoNLL2003(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			return strings.HasPrefix(s, "-DOCSTART-") ||
				(!strings.ContainsAny(s, "\t#") && len(strings.Fields(s)) >= 2)
		}
	}
	return false
}

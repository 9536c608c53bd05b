package nlp

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
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

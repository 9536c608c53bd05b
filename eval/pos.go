package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// POSSentence is one sentence of a CoNLL-U file: its syntactic words and
// their gold UPOS tags.
type POSSentence struct {
	ID    string
	Forms []string
	UPOS  []string
}

// ReadCoNLLUFile reads the words and UPOS tags of a CoNLL-U file.
func ReadCoNLLUFile(path string) ([]POSSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

// ReadCoNLLU reads CoNLL-U sentences, skipping multi-word token ranges
// ("3-4") and empty nodes ("5.1"): UPOS is scored on syntactic words.
func ReadCoNLLU(r io.Reader) ([]POSSentence, error) {
	var out []POSSentence
	var cur POSSentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			if len(cur.Forms) > 0 {
				out = append(out, cur)
			}
			cur = POSSentence{}
			continue
		}
		if strings.HasPrefix(s, "#") {
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue
		}
		cur.Forms = append(cur.Forms, cols[1])
		cur.UPOS = append(cur.UPOS, cols[3])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(cur.Forms) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// POSScore counts tagged words and right tags, overall and by gold tag.
type POSScore struct {
	Words, Correct int
	ByTag          map[string][2]int // gold tag -> {words, correct}
}

// Add scores one sentence's predicted tags against the gold ones.
func (s *POSScore) Add(gold, pred []string) {
	if s.ByTag == nil {
		s.ByTag = map[string][2]int{}
	}
	for i, g := range gold {
		c := s.ByTag[g]
		c[0]++
		s.Words++
		if i < len(pred) && pred[i] == g {
			c[1]++
			s.Correct++
		}
		s.ByTag[g] = c
	}
}

// Accuracy returns the fraction of words tagged right (0 with no words).
func (s *POSScore) Accuracy() float64 {
	if s.Words == 0 {
		return 0
	}
	return float64(s.Correct) / float64(s.Words)
}

package eval

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/catxml"
)

// ReadCATTimex reads the TIMEX3 annotations of a NewsReader CAT XML file over
// the text catxml rebuilds from its tokens. scope > 0 limits the annotated
// part to the first scope sentences: MEANTIME annotates time expressions only
// in the title, the dateline and the first sentences of each article (6 CAT
// sentences), so expressions found later are neither right nor wrong. The creation time is the TIMEX3
// marked CREATION_TIME; a few files mark none, and then the TIMEX3 that most
// other TIMEX3 are anchored to (anchorTimeID) stands in for it. TIMEX3
// markables without token anchors are not in the text and are skipped.
func ReadCATTimex(path string, scope int) (TimexDoc, error) {
	cd, err := catxml.ParseFile(path)
	if err != nil {
		return TimexDoc{}, err
	}
	text, spans := cd.Text()
	d := TimexDoc{Name: path, Text: text, DCT: cd.DCT()}
	if scope > 0 {
		end := len(text)
		for i, tk := range cd.Tokens {
			if tk.Sentence >= scope {
				end = 0
				if i > 0 {
					end = spans[i-1][1]
				}
				break
			}
		}
		d.Scope = [][2]int{{0, end}}
	}
	anchors := map[string]int{}
	for _, m := range cd.ByTag("TIMEX3") {
		if a := m.Attrs["anchorTimeID"]; a != "" {
			anchors[a]++
		}
		s, e, ok := cd.Span(m, spans)
		if !ok || !inScope(d.Scope, s) {
			continue
		}
		d.Gold = append(d.Gold, claimgraph.TimeExpr{Start: s, End: e, Text: text[s:e], Type: m.Attrs["type"], Value: m.Attrs["value"], Mod: m.Attrs["mod"]})
	}
	if d.DCT == "" {
		best := 0
		for id, n := range anchors {
			if m, ok := cd.Markable(id); ok && n > best && m.Attrs["type"] == claimgraph.TimexDate {
				d.DCT, best = m.Attrs["value"], n
			}
		}
	}
	sort.SliceStable(d.Gold, func(i, j int) bool { return d.Gold[i].Start < d.Gold[j].Start })
	return d, nil
}

// inScope reports whether offset off lies in one of the ranges (nil: all).
func inScope(scope [][2]int, off int) bool {
	if scope == nil {
		return true
	}
	for _, r := range scope {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// ReadTimexPath reads annotated documents from a file or a directory taken
// whole (recursively): TimeML files (.tml, or XML whose root is <TimeML>),
// CAT XML files (root <Document>), the latter limited to their first
// catScope sentences (0: all), and GUM CoNLL-U files with a
// "# meta::dateCreated" (time entities, extent only). Other files in a
// directory are skipped.
func ReadTimexPath(path string, catScope int) ([]TimexDoc, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("timex data: %w", err)
	}
	if !st.IsDir() {
		d, err := readTimexFile(path, catScope)
		if err != nil {
			return nil, err
		}
		return []TimexDoc{d}, nil
	}
	var docs []TimexDoc
	err = filepath.WalkDir(path, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".tml" && ext != ".xml" && ext != ".timeml" && ext != ".conllu" {
			return nil
		}
		d, err := readTimexFile(p, catScope)
		if err == errNotTimex {
			return nil
		}
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timex data %s: %w", path, err)
	}
	return docs, nil
}

var errNotTimex = fmt.Errorf("neither TimeML nor CAT XML")

// readTimexFile tells TimeML from CAT XML by the root element.
func readTimexFile(path string, catScope int) (TimexDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return TimexDoc{}, fmt.Errorf("timex data: %w", err)
	}
	if strings.EqualFold(filepath.Ext(path), ".conllu") {
		if !bytes.Contains(b, []byte("# meta::dateCreated")) {
			return TimexDoc{}, errNotTimex // only GUM-style documents carry a creation time
		}
		return ReadGUMTimex(path)
	}
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case bytes.Contains(head, []byte("<Document")):
		return ReadCATTimex(path, catScope)
	case bytes.Contains(head, []byte("<TimeML")) || strings.EqualFold(filepath.Ext(path), ".tml"):
		d, err := ReadTimeML(bytes.NewReader(b))
		if err != nil {
			return d, fmt.Errorf("timeml: read %s: %w", path, err)
		}
		if d.Name == "" {
			d.Name = path
		}
		return d, nil
	}
	return TimexDoc{}, errNotTimex
}

// Extent holds precision, recall and F1 of span matching.
type Extent struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Correct   int     `json:"correct"`
}

func prf(correct, gold, pred int) Extent {
	e := Extent{Correct: correct, Precision: Ratio(correct, pred), Recall: Ratio(correct, gold)}
	e.F1 = Harmonic(e.Precision, e.Recall)
	return e
}

// TimexError is one disagreement, for error analysis.
type TimexError struct {
	Doc   string `json:"doc"`
	Kind  string `json:"kind"` // "missed", "spurious", "type", "value"
	Gold  string `json:"gold,omitempty"`
	Pred  string `json:"pred,omitempty"`
	Start int    `json:"start"`
}

// TimexScore is the result of scoring a recognizer on annotated documents.
// Precision, Recall and F1 are those of relaxed extent matching.
type TimexScore struct {
	Task          string       `json:"task"`
	Precision     float64      `json:"precision"`
	Recall        float64      `json:"recall"`
	F1            float64      `json:"f1"`
	Gold          int          `json:"gold"`
	Predicted     int          `json:"predicted"`
	Docs          int          `json:"docs"`
	Strict        Extent       `json:"strict"`
	Relaxed       Extent       `json:"relaxed"`
	TypeAccuracy  float64      `json:"type_accuracy"`
	ValueAccuracy float64      `json:"value_accuracy"`
	ValueF1       float64      `json:"value_f1"`
	Value         Extent       `json:"value"`
	ValuedDocs    int          `json:"valued_docs"` // documents whose gold has TIMEX3 values; type and value scores cover only these
	Errors        []TimexError `json:"-"`
}

// ScoreTimex runs recognize on each document's whole text with its creation
// time and scores the expressions that start inside the document's scope.
// Strict matching wants identical spans; relaxed matching pairs each gold
// expression with the first unpaired predicted one that overlaps it. Type
// and value accuracy are measured over the relaxed pairs of documents whose
// gold has values (not ExtentOnly); a predicted expression is value-correct
// when it is paired and its value is identical to the gold value.
func ScoreTimex(docs []TimexDoc, recognize func(text, dct string) []claimgraph.TimeExpr) *TimexScore {
	s := &TimexScore{Task: "timex", Docs: len(docs)}
	var strict, relaxed, typeOK, valueOK, valuedPairs, valuedGold, valuedPred int
	for _, d := range docs {
		var pred []claimgraph.TimeExpr
		for _, p := range recognize(d.Text, d.DCT) {
			if inScope(d.Scope, p.Start) {
				pred = append(pred, p)
			}
		}
		s.Gold += len(d.Gold)
		s.Predicted += len(pred)
		if !d.ExtentOnly {
			valuedGold += len(d.Gold)
			valuedPred += len(pred)
		}
		used := make([]bool, len(pred))
		exact := map[[2]int]bool{}
		for _, p := range pred {
			exact[[2]int{p.Start, p.End}] = true
		}
		for _, g := range d.Gold {
			if exact[[2]int{g.Start, g.End}] {
				strict++
				delete(exact, [2]int{g.Start, g.End})
			}
			k := -1
			for i, p := range pred {
				if !used[i] && p.Start < g.End && g.Start < p.End {
					k = i
					break
				}
			}
			if k < 0 {
				s.Errors = append(s.Errors, TimexError{Doc: d.Name, Kind: "missed", Gold: g.Text + " " + g.Type + " " + g.Value, Start: g.Start})
				continue
			}
			used[k] = true
			relaxed++
			p := pred[k]
			if d.ExtentOnly {
				continue
			}
			valuedPairs++
			if p.Type == g.Type {
				typeOK++
			} else {
				s.Errors = append(s.Errors, TimexError{Doc: d.Name, Kind: "type", Gold: g.Text + " " + g.Type, Pred: p.Text + " " + p.Type, Start: g.Start})
			}
			if p.Value == g.Value {
				valueOK++
			} else {
				s.Errors = append(s.Errors, TimexError{Doc: d.Name, Kind: "value", Gold: g.Text + " " + g.Value, Pred: p.Text + " " + p.Value, Start: g.Start})
			}
		}
		for i, p := range pred {
			if !used[i] {
				s.Errors = append(s.Errors, TimexError{Doc: d.Name, Kind: "spurious", Pred: p.Text + " " + p.Type + " " + p.Value, Start: p.Start})
			}
		}
	}
	s.Strict = prf(strict, s.Gold, s.Predicted)
	s.Relaxed = prf(relaxed, s.Gold, s.Predicted)
	s.Value = prf(valueOK, valuedGold, valuedPred)
	s.Precision, s.Recall, s.F1 = s.Relaxed.Precision, s.Relaxed.Recall, s.Relaxed.F1
	s.ValueF1 = s.Value.F1
	s.ValuedDocs = len(docs)
	for _, d := range docs {
		if d.ExtentOnly {
			s.ValuedDocs--
		}
	}
	if valuedPairs > 0 {
		s.TypeAccuracy = float64(typeOK) / float64(valuedPairs)
		s.ValueAccuracy = float64(valueOK) / float64(valuedPairs)
	}
	return s
}

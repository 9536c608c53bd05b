package eval

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// OIEExtraction is one Open IE extraction: a relation with its arguments
// (arg1 first) and the system's confidence.
type OIEExtraction struct {
	Sentence   string
	Relation   string
	Args       []string
	Confidence float64
}

// OIESet holds extractions by sentence, with the sentences in file order.
type OIESet struct {
	Sentences []string
	By        map[string][]OIEExtraction
}

func (s *OIESet) add(e OIEExtraction) {
	if s.By == nil {
		s.By = map[string][]OIEExtraction{}
	}
	if _, ok := s.By[e.Sentence]; !ok {
		s.Sentences = append(s.Sentences, e.Sentence)
	}
	s.By[e.Sentence] = append(s.By[e.Sentence], e)
}

// ReadCaRBGold reads CaRB's gold file: per line sentence, relation,
// arguments, tab-separated (CaRB's TabReader). Blank lines are skipped; a
// line with fewer than two fields is an error naming the line.
func ReadCaRBGold(r io.Reader) (*OIESet, error) {
	set := &OIESet{}
	err := eachTabLine(r, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want sentence<TAB>relation<TAB>arguments")
		}
		set.add(OIEExtraction{Sentence: strings.TrimSpace(f[0]), Relation: strings.TrimSpace(f[1]), Args: trimAll(f[2:]), Confidence: 1})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// ReadOIESystem reads a system's extractions in either of two formats, told
// apart line by line: OpenIE-5's (confidence, context, SimpleArgument(...),
// Relation(...), arguments, sentence; read as CaRB's OpenieFiveReader reads
// it) or the tab-separated form `claimgraph openie` prints (sentence,
// confidence, relation, arg1, arg2, ...). OpenIE-5 lines missing arg1, the
// relation or the arguments are skipped, as CaRB skips them.
func ReadOIESystem(r io.Reader) (*OIESet, error) {
	set := &OIESet{}
	err := eachTabLine(r, func(f []string) error {
		if len(f) >= 6 && strings.Contains(f[3], "Relation(") {
			e, ok, err := openIE5Line(f)
			if ok {
				set.add(e)
			}
			return err
		}
		if len(f) < 4 {
			return fmt.Errorf("want sentence<TAB>confidence<TAB>relation<TAB>arg1[<TAB>arg2...]")
		}
		conf, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil {
			return fmt.Errorf("confidence %q is not a number", f[1])
		}
		set.add(OIEExtraction{Sentence: strings.TrimSpace(f[0]), Relation: strings.TrimSpace(f[2]), Args: trimAll(f[3:]), Confidence: conf})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// eachTabLine calls fn with the tab-separated fields of every non-blank
// line of r (trimmed), and names the line in any error.
func eachTabLine(r io.Reader, fn func(f []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n+1, err)
	}
	return nil
}

// trimAll trims the spaces around each field.
func trimAll(f []string) []string {
	var out []string
	for _, a := range f {
		out = append(out, strings.TrimSpace(a))
	}
	return out
}

// openIE5Line reads one OpenIE-5 line already split at tabs.
func openIE5Line(f []string) (OIEExtraction, bool, error) {
	conf, err := strconv.ParseFloat(strings.TrimSpace(f[0]), 64)
	if err != nil {
		return OIEExtraction{}, false, fmt.Errorf("confidence %q is not a number", f[0])
	}
	if f[2] == "" || f[3] == "" || f[4] == "" {
		return OIEExtraction{}, false, nil
	}
	inner := func(s string) (string, error) {
		i := strings.Index(s, "(")
		j := strings.Index(s, ",List(")
		if i < 0 || j < i+1 {
			return "", fmt.Errorf("%q is not KIND(TEXT,List(...))", trunc(s, 60))
		}
		return s[i+1 : j], nil
	}
	arg1, err := inner(f[2])
	if err != nil {
		return OIEExtraction{}, false, err
	}
	rel, err := inner(f[3])
	if err != nil {
		return OIEExtraction{}, false, err
	}
	e := OIEExtraction{Sentence: f[5], Relation: rel, Confidence: conf}
	if f[1] != "" {
		ctx, err := inner(f[1])
		if err != nil {
			return OIEExtraction{}, false, err
		}
		if !strings.HasPrefix(arg1+" "+rel, ctx) {
			arg1 = ctx + " " + arg1
		}
	}
	e.Args = append(e.Args, arg1)
	for _, s := range strings.Split(strings.TrimSpace(f[4]), ");") {
		a, err := inner(s)
		if err != nil {
			return OIEExtraction{}, false, err
		}
		e.Args = append(e.Args, a)
	}
	return e, true, nil
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// carbKey normalizes a sentence as CaRB does to join gold and system: no
// spaces, PTB bracket escapes undone, ASCII punctuation removed.
func carbKey(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	for _, p := range [][2]string{{"(", "-LRB-"}, {")", "-RRB-"}, {"[", "-LSB-"}, {"]", "-RSB-"}, {"{", "-LCB-"}, {"}", "-RCB-"}} {
		s = strings.ReplaceAll(s, p[1], p[0])
	}
	return strings.Map(func(r rune) rune {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			return -1
		}
		return r
	}, s)
}

// carbMatch is CaRB's default matcher (binary_linient_tuple_match): both
// sides are made binary (arg1, then every later argument joined as arg2),
// and the tuples are compared word by word, each predicted word used once.
// Only a relation with no word in common (a predicted "be" matches any form
// of be) or a missing arg1 or arg2 is no match (0, 0); otherwise precision
// and recall are the matched words over the predicted and the gold words.
// When the gold relation contains a speech verb ("said", "told", "added",
// "adds", "says"), the prediction is also tried with its arguments swapped
// (content first), and the better (by precision, then recall) counts.
func carbMatch(gold, pred OIEExtraction) (float64, float64) {
	g, e := binaryArgs(gold.Args), binaryArgs(pred.Args)
	p, r := lenientMatch(gold.Relation, g, pred.Relation, e)
	speech := false
	for _, v := range []string{"said", "told", "added", "adds", "says"} {
		if strings.Contains(gold.Relation, v) {
			speech = true
			break
		}
	}
	if !speech || len(pred.Args) < 2 {
		return p, r
	}
	rev := []string{strings.Join(pred.Args[1:], " "), pred.Args[0]}
	p2, r2 := lenientMatch(gold.Relation, g, pred.Relation, rev)
	if p2 > p || p2 == p && r2 > r {
		return p2, r2
	}
	return p, r
}

// binaryArgs joins the arguments after the first into one.
func binaryArgs(args []string) []string {
	if len(args) < 2 {
		return args
	}
	return []string{args[0], strings.Join(args[1:], " ")}
}

// overlapWords counts gold words found among the predicted ones, each
// predicted word used once, and returns the predicted words left over.
func overlapWords(gold, pred []string) (int, []string) {
	left := append([]string(nil), pred...)
	m := 0
	for _, w := range gold {
		for k, v := range left {
			if v == w {
				m++
				left = append(left[:k], left[k+1:]...)
				break
			}
		}
	}
	return m, left
}

// lenientMatch is CaRB's linient_tuple_match on one pair of tuples.
func lenientMatch(goldRel string, goldArgs []string, predRel string, predArgs []string) (float64, float64) {
	gw, pw := strings.Fields(goldRel), strings.Fields(predRel)
	pd, rd := len(pw), len(gw)
	m, left := overlapWords(gw, pw)
	if slices.Contains(left, "be") && slices.ContainsFunc(gw, func(w string) bool { return beForms[w] }) {
		m++
	}
	if m == 0 {
		return 0, 0
	}
	pn, rn := m, m
	for i, ga := range goldArgs {
		gw := strings.Fields(ga)
		rd += len(gw)
		if i >= len(predArgs) {
			if i < 2 {
				return 0, 0
			}
			continue
		}
		pw := strings.Fields(predArgs[i])
		pd += len(pw)
		m, _ := overlapWords(gw, pw)
		pn += m
		rn += m
	}
	var p, r float64
	if pd > 0 {
		p = float64(pn) / float64(pd)
	}
	if rd > 0 {
		r = float64(rn) / float64(rd)
	}
	return p, r
}

var beForms = map[string]bool{"be": true, "is": true, "am": true, "are": true, "was": true, "were": true, "been": true, "being": true}

// CaRBScore is the result of CaRB's scoring: the area under the
// precision–recall curve over confidence thresholds (with the point P=1,
// R=0 added) and the best F1 with its precision, recall and threshold.
type CaRBScore struct {
	Task      string  `json:"task"`
	AUC       float64 `json:"auc"`
	F1        float64 `json:"f1"`
	P         float64 `json:"p"`
	R         float64 `json:"r"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Threshold float64 `json:"threshold"`
	Gold      int     `json:"gold"`      // gold extractions
	Predicted int     `json:"predicted"` // system extractions on gold sentences
	Sentences int     `json:"sentences"` // gold sentences
}

// ScoreCaRB re-implements CaRB's Benchmark.compare with its default
// matcher: at each confidence threshold, recall sums for every gold
// extraction its best recall against the extractions at or above the
// threshold, and precision greedily pairs gold and predicted extractions
// one-to-one by best precision; sentences without predictions count in
// recall's denominator only.
func ScoreCaRB(gold, pred *OIESet) *CaRBScore {
	sc := &CaRBScore{Task: "openie"}
	// CaRB keys both sides by a normalized sentence; a later sentence with
	// the same key replaces an earlier one (a Python dict).
	norm := func(s *OIESet) ([]string, map[string][]OIEExtraction) {
		m := map[string][]OIEExtraction{}
		var order []string
		for _, sent := range s.Sentences {
			k := carbKey(sent)
			if _, ok := m[k]; !ok {
				order = append(order, k)
			}
			m[k] = s.By[sent]
		}
		return order, m
	}
	gOrder, g := norm(gold)
	_, p := norm(pred)
	confSet := map[float64]bool{}
	for _, es := range p {
		for _, e := range es {
			confSet[e.Confidence] = true
		}
	}
	confs := make([]float64, 0, len(confSet))
	for c := range confSet {
		confs = append(confs, c)
	}
	sort.Float64s(confs)
	nc := len(confs)
	pNum, pDen, rNum, rDen := make([]float64, nc), make([]float64, nc), make([]float64, nc), make([]float64, nc)
	addRange := func(a []float64, from, to int, v float64) {
		for i := max(from, 0); i < to && i < nc; i++ {
			a[i] += v
		}
	}
	confIndex := func(c float64) int { return sort.SearchFloat64s(confs, c) }
	sc.Sentences = len(gOrder)
	for _, k := range gOrder {
		ges := g[k]
		pes := p[k]
		sc.Gold += len(ges)
		sc.Predicted += len(pes)
		type pr struct{ p, r float64 }
		scores := make([][]pr, len(ges))
		for i, ge := range ges {
			scores[i] = make([]pr, len(pes))
			for j, pe := range pes {
				a, b := carbMatch(ge, pe)
				scores[i][j] = pr{a, b}
			}
		}
		sentConfs := make([]float64, len(pes))
		for j, pe := range pes {
			sentConfs[j] = pe.Confidence
		}
		sort.Float64s(sentConfs)
		prev := 0
		for _, conf := range sentConfs {
			c := confIndex(conf)
			var ext []int
			for j, pe := range pes {
				if pe.Confidence >= conf {
					ext = append(ext, j)
				}
			}
			recall := 0.0
			for i := range scores {
				best := 0.0
				for _, j := range ext {
					best = math.Max(best, scores[i][j].r)
				}
				recall += best
			}
			precision := 0.0
			selRow := make([]bool, len(scores))
			selCol := make([]bool, len(pes))
			for t := 0; t < min(len(scores), len(ext)); t++ {
				mr, mc, mp := -1, -1, -1.0
				for i := range scores {
					if selRow[i] {
						continue
					}
					for _, j := range ext {
						if selCol[j] {
							continue
						}
						if scores[i][j].p > mp {
							mp, mr, mc = scores[i][j].p, i, j
						}
					}
				}
				selRow[mr], selCol[mc] = true, true
				precision += scores[mr][mc].p
			}
			addRange(pNum, prev, c+1, precision)
			addRange(pDen, prev, c+1, float64(len(ext)))
			addRange(rNum, prev, c+1, recall)
			addRange(rDen, prev, c+1, float64(len(scores)))
			prev = c + 1
		}
		addRange(rDen, prev, nc, float64(len(scores)))
	}
	precs := make([]float64, nc)
	recs := make([]float64, nc)
	best := -1
	for i := 0; i < nc; i++ {
		precs[i] = 1
		if pDen[i] > 0 {
			precs[i] = pNum[i] / pDen[i]
		}
		if rDen[i] > 0 {
			recs[i] = rNum[i] / rDen[i]
		}
		if precs[i]+recs[i] == 0 {
			continue // CaRB's F1 is NaN here and skipped
		}
		f := 2 * precs[i] * recs[i] / (precs[i] + recs[i])
		if best < 0 || f > sc.F1 {
			best, sc.F1 = i, f
		}
	}
	if best >= 0 {
		sc.P, sc.R, sc.Threshold = precs[best], recs[best], confs[best]
	}
	sc.Precision, sc.Recall = sc.P, sc.R
	// The area under the curve with (R=0, P=1) added, by the trapezoid rule
	// in the order of the thresholds (recall falls as the threshold rises).
	xs := append(recs, 0)
	ys := append(precs, 1)
	area := 0.0
	for i := 1; i < len(xs); i++ {
		area += (xs[i] - xs[i-1]) * (ys[i] + ys[i-1]) / 2
	}
	sc.AUC = math.Abs(area)
	return sc
}

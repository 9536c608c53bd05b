package eval

// Clustered is one item of a clustering evaluation: its gold cluster and its
// predicted cluster (any comparable labels).
type Clustered struct {
	Gold, Pred string
}

// BCubedScore holds B-cubed precision, recall and F1 over a set of items.
type BCubedScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Items     int     `json:"items"`
}

// BCubed scores a clustering (Bagga and Baldwin, 1998): for each item, the
// share of its predicted cluster that is in its gold cluster (precision) and
// the share of its gold cluster that is in its predicted cluster (recall),
// averaged over the items. It runs in linear time. No items scores 0.
func BCubed(items []Clustered) BCubedScore {
	n := len(items)
	if n == 0 {
		return BCubedScore{}
	}
	both := make(map[Clustered]int, n)
	gold := make(map[string]int, n)
	pred := make(map[string]int, n)
	for _, it := range items {
		both[it]++
		gold[it.Gold]++
		pred[it.Pred]++
	}
	var p, r float64
	for _, it := range items {
		common := float64(both[it])
		p += common / float64(pred[it.Pred])
		r += common / float64(gold[it.Gold])
	}
	s := BCubedScore{Precision: p / float64(n), Recall: r / float64(n), Items: n}
	s.F1 = Harmonic(s.Precision, s.Recall)
	return s
}

// Harmonic returns the harmonic mean of a precision and a recall (F1); 0
// when both are 0.
func Harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Ratio returns a/b, or 0 when b is 0 (a precision with nothing predicted,
// a recall with nothing to find).
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

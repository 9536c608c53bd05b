package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/catxml"
)

// FactEvent is one gold event mention: its first token's byte span in the
// document text rebuilt from the tokens, and its gold attributes.
type FactEvent struct {
	Start, End                int
	Polarity, Certainty, Time string
}

// FactDoc is a CAT XML document with its gold event mentions.
type FactDoc struct {
	Name   string
	Text   string
	Events []FactEvent
}

// FactGuess is a predicted polarity, certainty and time for one event.
type FactGuess struct {
	Polarity, Certainty, Time string
}

// ReadFactualityPath reads CAT XML files (a file, or every .xml under a
// directory) and keeps the EVENT_MENTIONs that carry polarity, certainty
// or time. A file that cannot be read is an error naming it.
func ReadFactualityPath(path string) ([]FactDoc, error) {
	var files []string
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read factuality: %w", err)
	}
	if st.IsDir() {
		err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".xml") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read factuality %s: %w", path, err)
		}
		sort.Strings(files)
	} else {
		files = []string{path}
	}
	var out []FactDoc
	for _, f := range files {
		d, err := catxml.ParseFile(f)
		if err != nil {
			return nil, fmt.Errorf("read factuality %s: %w", f, err)
		}
		out = append(out, factDoc(filepath.Base(f), d))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read factuality %s: no .xml files", path)
	}
	return out, nil
}

func factDoc(name string, d *catxml.Doc) FactDoc {
	text, spans := d.Text()
	fd := FactDoc{Name: name, Text: text}
	for _, m := range d.ByTag("EVENT_MENTION") {
		a := m.Attrs
		if a["polarity"] == "" && a["certainty"] == "" && a["time"] == "" {
			continue
		}
		first, _, ok := d.TokenRange(m)
		if !ok || first >= len(spans) {
			continue
		}
		fd.Events = append(fd.Events, FactEvent{Start: spans[first][0], End: spans[first][1],
			Polarity: a["polarity"], Certainty: a["certainty"], Time: a["time"]})
	}
	return fd
}

// FactualityScore is per-attribute accuracy over gold event mentions that
// have the attribute, with the recall (and precision) of negation and the
// recall of non-CERTAIN certainty.
type FactualityScore struct {
	Task               string  `json:"task"`
	Precision          float64 `json:"precision"` // NEG precision
	Recall             float64 `json:"recall"`    // NEG recall
	F1                 float64 `json:"f1"`        // NEG F1
	Gold               int     `json:"gold"`      // gold NEG events
	Predicted          int     `json:"predicted"` // predicted NEG events
	Events             int     `json:"events"`
	Documents          int     `json:"documents"`
	PolarityAccuracy   float64 `json:"polarity_accuracy"`
	CertaintyAccuracy  float64 `json:"certainty_accuracy"`
	TimeAccuracy       float64 `json:"time_accuracy"`
	NegRecall          float64 `json:"neg_recall"`
	NegPrecision       float64 `json:"neg_precision"`
	UncertainRecall    float64 `json:"uncertain_recall"`    // gold POSSIBLE or PROBABLE found as not CERTAIN
	UncertainPrecision float64 `json:"uncertain_precision"` // predicted not CERTAIN that are gold POSSIBLE or PROBABLE
	// Errors lists up to a few wrong polarities for inspection.
	Errors []FactualityError `json:"errors,omitempty"`
}

// FactualityError is one event whose predicted polarity or certainty is wrong.
type FactualityError struct {
	Doc       string `json:"doc"`
	Context   string `json:"context"`
	Attribute string `json:"attribute"`
	Got       string `json:"got"`
	Want      string `json:"want"`
}

// ScoreFactuality predicts the facts of every gold event and scores them.
// predict gets a document's text and its events' byte spans and returns
// one guess per event.
func ScoreFactuality(docs []FactDoc, predict func(text string, spans [][2]int) []FactGuess) *FactualityScore {
	sc := &FactualityScore{Task: "factuality", Documents: len(docs)}
	var pol, polOK, cer, cerOK, tim, timOK, negTP, unc, uncTP, uncPred, uncPredOK int
	for _, d := range docs {
		spans := make([][2]int, len(d.Events))
		for i, e := range d.Events {
			spans[i] = [2]int{e.Start, e.End}
		}
		guesses := predict(d.Text, spans)
		for i, e := range d.Events {
			var g FactGuess
			if i < len(guesses) {
				g = guesses[i]
			}
			sc.Events++
			ctx := d.Text[max(0, e.Start-60):e.Start] + "[[" + d.Text[e.Start:e.End] + "]]" + d.Text[e.End:min(len(d.Text), e.End+40)]
			if e.Polarity == "POS" || e.Polarity == "NEG" {
				pol++
				if g.Polarity == e.Polarity {
					polOK++
				} else if len(sc.Errors) < maxErrors {
					sc.Errors = append(sc.Errors, FactualityError{d.Name, ctx, "polarity", g.Polarity, e.Polarity})
				}
				if e.Polarity == "NEG" {
					sc.Gold++
					if g.Polarity == "NEG" {
						negTP++
					}
				}
				if g.Polarity == "NEG" {
					sc.Predicted++
				}
			}
			if e.Certainty != "" && e.Certainty != "UNDERSPECIFIED" {
				cer++
				if g.Certainty == e.Certainty {
					cerOK++
				}
				gu, pu := e.Certainty != "CERTAIN", g.Certainty != "CERTAIN" && g.Certainty != ""
				if gu {
					unc++
					if pu {
						uncTP++
					}
				}
				if pu {
					uncPred++
					if gu {
						uncPredOK++
					}
				}
				if gu != pu && len(sc.Errors) < maxErrors {
					sc.Errors = append(sc.Errors, FactualityError{d.Name, ctx, "certainty", g.Certainty, e.Certainty})
				}
			}
			if e.Time == "FUTURE" || e.Time == "NON_FUTURE" {
				tim++
				if g.Time == e.Time {
					timOK++
				}
			}
		}
	}
	sc.PolarityAccuracy, sc.CertaintyAccuracy, sc.TimeAccuracy = Ratio(polOK, pol), Ratio(cerOK, cer), Ratio(timOK, tim)
	sc.NegRecall, sc.NegPrecision = Ratio(negTP, sc.Gold), Ratio(negTP, sc.Predicted)
	sc.UncertainRecall, sc.UncertainPrecision = Ratio(uncTP, unc), Ratio(uncPredOK, uncPred)
	sc.Precision, sc.Recall = sc.NegPrecision, sc.NegRecall
	sc.F1 = Harmonic(sc.Precision, sc.Recall)
	return sc
}

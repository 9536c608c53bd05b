package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
)

// evalOpenIE scores Open IE extractions with CaRB's matching and scoring.
func evalOpenIE(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval openie", "GOLD.tsv", `
Score Open IE extractions as CaRB does (its default matcher and its
precision-recall curve over confidence thresholds): GOLD.tsv holds one gold
extraction a line, sentence<TAB>relation<TAB>arg1<TAB>arg2...; its sentences
are run through the project's own extractor (what 'claimgraph openie'
prints), or --system FILE gives another system's output, in OpenIE-5's
format or the tab-separated one 'claimgraph openie' prints. Prints the area
under the curve and the best F1 with its precision, recall and threshold.`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	system := fs.String("system", "", "score this system output instead of running the extractor")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("eval openie: want one gold file")
	}
	gold, err := readOIEFile(fs.Arg(0), eval.ReadCaRBGold)
	if err != nil {
		return fmt.Errorf("eval openie: %w", err)
	}
	var pred *eval.OIESet
	if *system != "" {
		if pred, err = readOIEFile(*system, eval.ReadOIESystem); err != nil {
			return fmt.Errorf("eval openie: %w", err)
		}
	} else {
		pred = &eval.OIESet{By: map[string][]eval.OIEExtraction{}}
		pipe := nlp.Default()
		for _, sent := range gold.Sentences {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("eval openie: %w", err)
			}
			pred.Sentences = append(pred.Sentences, sent)
			pred.By[sent] = openIE(pipe, sent, false)
		}
	}
	sc := eval.ScoreCaRB(gold, pred)
	if *asJSON {
		return m.printJSON(sc)
	}
	fmt.Fprintf(m.Stdout, "sentences %d  gold %d  predicted %d\n", sc.Sentences, sc.Gold, sc.Predicted)
	fmt.Fprintf(m.Stdout, "AUC %.3f  best F1 %.3f (P %.3f  R %.3f at confidence >= %.3g)\n", sc.AUC, sc.F1, sc.P, sc.R, sc.Threshold)
	return nil
}

func readOIEFile(path string, read func(io.Reader) (*eval.OIESet, error)) (*eval.OIESet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// Command nervote scores entity-level voting over several NER models on a
// Universal NER (IOB2) file, as "claimgraph eval ner" scores one: each
// document is analysed whole by every model, and an entity (exact span and
// type) is kept when at least NEED models found it. It measures how much of
// the recognizer's error is variance between training seeds
// (nlp/models/README.md); voting costs a whole recognizer per model, so it
// is a measurement, not a mode. The models load with the embedded
// gazetteer and word classes, so they must have been trained with them.
//
//	go run ./scripts/nervote 2 ../shared/data/uner-english-ewt/en_ewt-ud-dev.iob2 seed1.gz seed2.gz
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "nervote:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: nervote NEED FILE.iob2 MODEL.gz...")
	}
	need, err := strconv.Atoi(args[0])
	if err != nil || need < 1 || need > len(args)-2 {
		return fmt.Errorf("NEED %q: want a number from 1 to the number of models", args[0])
	}
	if 2*need <= len(args)-2 {
		// With a majority or more, two voted entities cannot overlap: each
		// model's own entities do not.
		return fmt.Errorf("NEED %d of %d models: want more than half, or voted entities may overlap", need, len(args)-2)
	}
	base := nlp.Default()
	var ps []*nlp.Pipeline
	for _, path := range args[2:] {
		ner, err := nlp.LoadNERFile(path)
		if err != nil {
			return err
		}
		ps = append(ps, nlp.NewPipeline(base.POS(), ner))
	}
	sents, err := eval.ReadNERFile(args[1], eval.FormatIOB2)
	if err != nil {
		return err
	}
	sc := eval.NewNERScore([]string{"PER", "ORG", "LOC"})
	sc.AddDocuments(sents, false, func(doc [][]string) [][]eval.Chunk {
		votes := make([]map[eval.Chunk]int, len(doc))
		for i := range votes {
			votes[i] = map[eval.Chunk]int{}
		}
		for _, p := range ps {
			for i, ents := range p.AnalyzeDocument(doc) {
				for _, e := range ents {
					votes[i][eval.Chunk{First: e.First, Limit: e.Limit, Type: e.Type}]++
				}
			}
		}
		out := make([][]eval.Chunk, len(doc))
		for i, v := range votes {
			for c, n := range v {
				if n >= need {
					out[i] = append(out[i], c)
				}
			}
		}
		return out
	})
	sc.Finish()
	fmt.Printf("%d of %d models: P %.4f R %.4f F1 %.4f (PER %.3f ORG %.3f LOC %.3f)\n", need, len(ps),
		sc.All.Precision, sc.All.Recall, sc.All.F1, sc.ByType["PER"].F1, sc.ByType["ORG"].F1, sc.ByType["LOC"].F1)
	return nil
}

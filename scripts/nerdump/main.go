// Command nerdump prints every entity a NER model predicts on an NER file
// (documents analysed whole, as "claimgraph eval ner" does) and every gold
// entity it missed, one tab-separated line each, so that rules after the
// model can be measured on a held-out part of the training data before
// they are written:
//
//	kind (tp, fp, fn)  sentence  type  confidence  text  gold-type-of-same-span
//
//	go run ./scripts/nerdump [--format conll2003] FILE [MODEL.gz]
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
)

func main() {
	format := flag.String("format", eval.FormatIOB2, "conll2003 or iob2")
	flag.BoolVar(&bySentence, "sentences", false, "analyse each sentence alone")
	flag.Parse()
	if err := run(*format, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "nerdump:", err)
		os.Exit(1)
	}
}

var bySentence bool

func run(format string, args []string) error {
	if len(args) < 1 || len(args) > 2 {
		return fmt.Errorf("usage: nerdump [--format F] FILE [MODEL.gz]")
	}
	p := nlp.Default()
	if len(args) == 2 {
		ner, err := nlp.LoadNERFile(args[1])
		if err != nil {
			return err
		}
		p = nlp.NewPipeline(p.POS(), ner)
	}
	sents, err := eval.ReadNERFile(args[0], format)
	if err != nil {
		return err
	}
	keep := map[string]bool{"PER": true, "ORG": true, "LOC": true}
	for len(sents) > 0 {
		n := 1
		for !bySentence && n < len(sents) && sents[n].Doc == sents[0].Doc {
			n++
		}
		doc := make([][]string, n)
		for i, s := range sents[:n] {
			doc[i] = s.Tokens
		}
		for i, ents := range p.AnalyzeDocument(doc) {
			s := sents[i]
			gold := map[[2]int]string{}
			for _, c := range eval.Chunks(s.Labels) {
				if keep[c.Type] {
					gold[[2]int{c.First, c.Limit}] = c.Type
				}
			}
			got := map[[2]int]bool{}
			for _, e := range ents {
				k := [2]int{e.First, e.Limit}
				got[k] = true
				kind := "fp"
				if gold[k] == e.Type {
					kind = "tp"
				}
				fmt.Printf("%s\t%s\t%s\t%.4f\t%s\t%s\t%d\t%d\n", kind, s.ID, e.Type, e.Confidence, strings.Join(s.Tokens[e.First:e.Limit], " "), gold[k], e.First, len(s.Tokens))
			}
			for k, t := range gold {
				if !got[k] {
					fmt.Printf("fn\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", s.ID, t, "-", strings.Join(s.Tokens[k[0]:k[1]], " "), "", k[0], len(s.Tokens))
				}
			}
		}
		sents = sents[n:]
	}
	return nil
}

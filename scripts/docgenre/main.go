// Command docgenre prints each document's genre (nlp.DocumentGenre) and
// sentence count for NER files, to see which documents the recognizer
// reads as pages of tables.
//
//	go run ./scripts/docgenre [--format conll2003] FILE...
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
)

func main() {
	format := flag.String("format", eval.FormatIOB2, "conll2003 or iob2")
	tables := flag.Bool("tables", false, "print the table lines too")
	flag.Parse()
	for _, path := range flag.Args() {
		sents, err := eval.ReadNERFile(path, *format)
		if err != nil {
			fmt.Fprintln(os.Stderr, "docgenre:", err)
			os.Exit(1)
		}
		for len(sents) > 0 {
			n := 1
			for n < len(sents) && sents[n].Doc == sents[0].Doc {
				n++
			}
			lines := make([][]string, n)
			for i, s := range sents[:n] {
				lines[i] = s.Tokens
			}
			fmt.Printf("%s\t%s\t%d\n", nlp.DocumentGenre(lines), sents[0].ID, n)
			if *tables {
				printTables(sents[0].ID, lines)
			}
			sents = sents[n:]
		}
	}
}

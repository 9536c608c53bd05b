// Command conllu2jsonl turns CoNLL-U treebanks (UD EWT, GUM) into JSON Lines
// articles for "claimgraph ingest" and "claimgraph bench": one article per
// "# newdoc" document, its sentences from the "# text =" lines, paragraphs
// at "# newpar", title and date from GUM's "# meta::" lines when present.
//
//	go run ./scripts/conllu2jsonl ../shared/data/gum/dep/*.conllu > gum.jsonl
package main

import (
	"fmt"
	"os"

	"github.com/claimgraph/claimgraph/internal/benchcorpus"
)

func main() {
	arts, err := benchcorpus.ReadFiles(os.Args[1:]...)
	if err == nil {
		err = benchcorpus.WriteJSONL(os.Stdout, arts)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "conllu2jsonl: %v\n", err)
		os.Exit(1)
	}
}

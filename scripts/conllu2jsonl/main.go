// Command conllu2jsonl turns CoNLL-U treebanks (UD EWT, GUM) into JSON Lines
// articles for "claimgraph ingest" and "claimgraph bench": one article per
// "# newdoc" document, its sentences from the "# text =" lines, paragraphs
// at "# newpar", title and date from GUM's "# meta::" lines when present.
//
//	go run ./scripts/conllu2jsonl ../shared/data/gum/dep/*.conllu > gum.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/claimgraph/claimgraph/internal/benchcorpus"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	for _, path := range os.Args[1:] {
		arts, err := readFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "conllu2jsonl: %s: %v\n", path, err)
			os.Exit(1)
		}
		for _, a := range arts {
			if err := enc.Encode(a); err != nil {
				fmt.Fprintf(os.Stderr, "conllu2jsonl: %v\n", err)
				os.Exit(1)
			}
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "conllu2jsonl: %v\n", err)
		os.Exit(1)
	}
}

func readFile(path string) ([]benchcorpus.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return benchcorpus.ReadCoNLLU(f)
}

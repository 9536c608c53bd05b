// Command benchcorpus writes N articles mixed from the paragraphs of CoNLL-U
// treebanks as JSON Lines, the input of the large-store benchmarks: real
// text from the shared data, as many documents as wanted, the same bytes
// for the same arguments.
//
//	go run ./scripts/benchcorpus -n 100000 -seed 1 \
//	    ../shared/data/ud-english-ewt/*.conllu ../shared/data/gum/dep/*.conllu > mix.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/claimgraph/claimgraph/internal/benchcorpus"
)

func main() {
	n := flag.Int("n", 100000, "articles to write")
	seed := flag.Uint64("seed", 1, "random seed")
	words := flag.Int("words", 250, "words per article, at least")
	outlets := flag.Int("outlets", 50, "outlets the articles are spread over")
	flag.Parse()
	if err := run(*n, benchcorpus.Options{Seed: *seed, Words: *words, Outlets: *outlets}, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "benchcorpus: %v\n", err)
		os.Exit(1)
	}
}

func run(n int, opts benchcorpus.Options, paths []string) error {
	src, err := benchcorpus.ReadFiles(paths...)
	if err != nil {
		return err
	}
	mixed, err := benchcorpus.Mix(src, n, opts)
	if err != nil {
		return err
	}
	return benchcorpus.WriteJSONL(os.Stdout, mixed)
}

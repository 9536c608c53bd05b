package main

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/nlp"
)

// printTables prints a document's table lines.
func printTables(id string, lines [][]string) {
	for _, l := range lines {
		if nlp.LineGenre(l) == nlp.GenreTable {
			fmt.Printf("  table\t%s\t%s\n", id, strings.Join(l, " "))
		}
	}
}

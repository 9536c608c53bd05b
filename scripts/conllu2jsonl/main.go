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
	"strings"
)

type article struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
	Text  string `json:"text"`
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for _, path := range os.Args[1:] {
		if err := convert(path, enc); err != nil {
			fmt.Fprintf(os.Stderr, "conllu2jsonl: %s: %v\n", path, err)
			os.Exit(1)
		}
	}
}

func convert(path string, enc *json.Encoder) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var cur *article
	var paras [][]string
	flush := func() error {
		if cur == nil || len(paras) == 0 {
			return nil
		}
		var ps []string
		for _, p := range paras {
			if len(p) > 0 {
				ps = append(ps, strings.Join(p, " "))
			}
		}
		cur.Text = strings.Join(ps, "\n\n")
		err := enc.Encode(cur)
		cur, paras = nil, nil
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			if err := flush(); err != nil {
				return err
			}
			cur = &article{ID: strings.TrimPrefix(line, "# newdoc id = ")}
			paras = [][]string{nil}
		case strings.HasPrefix(line, "# meta::title = ") && cur != nil:
			cur.Title = strings.TrimPrefix(line, "# meta::title = ")
		case strings.HasPrefix(line, "# meta::dateCreated = ") && cur != nil:
			cur.Date = strings.TrimPrefix(line, "# meta::dateCreated = ")
		case strings.HasPrefix(line, "# newpar") && cur != nil:
			paras = append(paras, nil)
		case strings.HasPrefix(line, "# text = ") && cur != nil:
			paras[len(paras)-1] = append(paras[len(paras)-1], strings.TrimPrefix(line, "# text = "))
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return flush()
}

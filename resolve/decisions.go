package resolve

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Decision operations.
const (
	OpMerge  = "merge"  // the names denote one entity
	OpSplit  = "split"  // the names denote different entities; no rule may join them
	OpRename = "rename" // the entity going by Names[0] is called To
	OpType   = "type"   // the entity going by Names[0] has type To
)

// Decision is a user's curated statement about entities. Decisions are kept
// apart from the mentions and applied by Resolve on every run, in order, so
// they survive re-ingest and can be undone by removing or countering them.
//
// The aliases file holds one decision per line; blank lines and lines
// starting with "#" are ignored; names are matched case-insensitively after
// transliteration to ASCII (see ExactKey):
//
//	merge: MKO = MEK = PMOI          # one entity
//	split: NCR | MKO                 # never one entity
//	rename: MKO -> Mojahedin-e Khalq Organization
//	type: Shin Bet = ORG             # PER, ORG, LOC or MISC
//
// A later decision overrides an earlier one about the same pair of names:
// "split: A | B" after "merge: A = B" restores the state before the merge.
type Decision struct {
	Op    string   `json:"op"`
	Names []string `json:"names"`        // the names the decision is about (two or more for merge and split)
	To    string   `json:"to,omitempty"` // the new name (rename) or type (type)
	Line  int      `json:"line,omitempty"`
}

// String returns the decision as a line of the aliases file.
func (d Decision) String() string {
	switch d.Op {
	case OpMerge:
		return "merge: " + strings.Join(d.Names, " = ")
	case OpSplit:
		return "split: " + strings.Join(d.Names, " | ")
	case OpRename:
		return "rename: " + first(d.Names) + " -> " + d.To
	case OpType:
		return "type: " + first(d.Names) + " = " + d.To
	}
	return ""
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// Validate reports what is wrong with a decision, or nil.
func (d Decision) Validate() error {
	for _, n := range d.Names {
		if ExactKey(n) == "" {
			return claimgraph.Errorf(claimgraph.EINVALID, "%s: empty name", d.Op)
		}
		if strings.ContainsAny(n, "\n\r#|=") || strings.Contains(n, "->") {
			return claimgraph.Errorf(claimgraph.EINVALID, "%s: name %q contains a separator", d.Op, n)
		}
	}
	switch d.Op {
	case OpMerge, OpSplit:
		if len(d.Names) < 2 {
			return claimgraph.Errorf(claimgraph.EINVALID, "%s needs two names or more", d.Op)
		}
		seen := map[string]bool{}
		for _, n := range d.Names {
			if seen[ExactKey(n)] {
				return claimgraph.Errorf(claimgraph.EINVALID, "%s: name %q given twice", d.Op, n)
			}
			seen[ExactKey(n)] = true
		}
	case OpRename:
		if len(d.Names) != 1 || strings.TrimSpace(d.To) == "" || strings.ContainsAny(d.To, "\n\r#") {
			return claimgraph.Errorf(claimgraph.EINVALID, "rename needs one name and a new name: OLD -> NEW")
		}
	case OpType:
		if len(d.Names) != 1 || !validType[d.To] {
			return claimgraph.Errorf(claimgraph.EINVALID, "type needs one name and one of PER, ORG, LOC, MISC: NAME = TYPE")
		}
	default:
		return claimgraph.Errorf(claimgraph.EINVALID, "unknown operation %q (want merge, split, rename or type)", d.Op)
	}
	return nil
}

var validType = map[string]bool{claimgraph.TypePER: true, claimgraph.TypeORG: true, claimgraph.TypeLOC: true, claimgraph.TypeMISC: true}

// ParseDecisions reads an aliases file. Errors name the line.
func ParseDecisions(r io.Reader) ([]Decision, error) {
	var out []Decision
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if line == "" {
			continue
		}
		d, err := parseLine(line)
		if err != nil {
			return nil, claimgraph.Errorf(claimgraph.EINVALID, "aliases line %d: %s", n, claimgraph.ErrorMessage(err))
		}
		d.Line = n
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read aliases: %w", err)
	}
	return out, nil
}

func parseLine(line string) (Decision, error) {
	op, rest, ok := strings.Cut(line, ":")
	if !ok {
		return Decision{}, claimgraph.Errorf(claimgraph.EINVALID, "want OP: ARGS, got %q", line)
	}
	d := Decision{Op: strings.ToLower(strings.TrimSpace(op))}
	rest = strings.TrimSpace(rest)
	switch d.Op {
	case OpMerge:
		d.Names = splitNames(rest, "=")
	case OpSplit:
		d.Names = splitNames(rest, "|")
	case OpRename:
		old, to, ok := strings.Cut(rest, "->")
		if !ok {
			return d, claimgraph.Errorf(claimgraph.EINVALID, "rename wants OLD -> NEW")
		}
		d.Names, d.To = []string{strings.TrimSpace(old)}, strings.TrimSpace(to)
	case OpType:
		name, typ, ok := cutLast(rest, "=")
		if !ok {
			return d, claimgraph.Errorf(claimgraph.EINVALID, "type wants NAME = TYPE")
		}
		d.Names, d.To = []string{strings.TrimSpace(name)}, strings.ToUpper(strings.TrimSpace(typ))
	}
	return d, d.Validate()
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func splitNames(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		out = append(out, strings.Join(strings.Fields(p), " "))
	}
	return out
}

// FormatDecisions writes decisions as an aliases file that ParseDecisions
// reads back to the same decisions (line numbers aside).
func FormatDecisions(w io.Writer, ds []Decision) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# claimgraph aliases: merge: A = B | split: A | B | rename: A -> NEW | type: A = ORG")
	for _, d := range ds {
		if err := d.Validate(); err != nil {
			return fmt.Errorf("format decision %q: %w", d.String(), err)
		}
		fmt.Fprintln(bw, d.String())
	}
	return bw.Flush()
}

// effective turns decisions into the name pairs to merge and to keep apart,
// a later decision about a pair overriding an earlier one, in decision order.
func effective(ds []Decision) (merges, splits [][2]string) {
	type pair [2]string
	last := map[pair]string{}
	var order []pair
	for _, d := range ds {
		if d.Op != OpMerge && d.Op != OpSplit {
			continue
		}
		for i := 0; i < len(d.Names); i++ {
			for j := i + 1; j < len(d.Names); j++ {
				a, b := ExactKey(d.Names[i]), ExactKey(d.Names[j])
				if a == b {
					continue
				}
				if a > b {
					a, b = b, a
				}
				p := pair{a, b}
				if _, ok := last[p]; !ok {
					order = append(order, p)
				}
				last[p] = d.Op
			}
		}
	}
	for _, p := range order {
		if last[p] == OpMerge {
			merges = append(merges, p)
		} else {
			splits = append(splits, p)
		}
	}
	return merges, splits
}

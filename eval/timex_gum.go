package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// ReadGUMTimex reads a GUM CoNLL-U file (one document) as a timex document:
// the text rebuilt from its tokens (SpaceAfter=No honoured, a newline between
// sentences), the creation time from "# meta::dateCreated", and every entity
// mention of type "time" from the Entity brackets of the MISC column as a
// gold span, the outermost of nested ones. GUM gives time mentions no TIMEX3 type or value, so only their
// extent can be scored (ExtentOnly).
func ReadGUMTimex(path string) (TimexDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return TimexDoc{}, fmt.Errorf("gum: %w", err)
	}
	defer f.Close()
	d, err := readGUMTimex(f)
	if err != nil {
		return d, fmt.Errorf("gum: read %s: %w", path, err)
	}
	d.Name = path
	return d, nil
}

type gumOpen struct {
	id    string
	start int
}

func readGUMTimex(r io.Reader) (TimexDoc, error) {
	d := TimexDoc{ExtentOnly: true}
	var (
		text     strings.Builder
		open     []gumOpen // open time mentions
		mwtEnd   int       // last word id covered by the current multi-word token
		mwtSpan  [2]int
		space    bool // a space is due before the next token
		inSent   bool
		lineNo   int
		sawToken bool
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# meta::dateCreated"):
			if _, v, ok := strings.Cut(line, "="); ok {
				d.DCT = strings.TrimSpace(v)
			}
			continue
		case strings.HasPrefix(line, "#"):
			continue
		case strings.TrimSpace(line) == "":
			if inSent {
				text.WriteByte('\n')
				space, inSent = false, false
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return d, fmt.Errorf("line %d: %d columns, want 10", lineNo, len(cols))
		}
		id, form, misc := cols[0], cols[1], cols[9]
		if strings.Contains(id, ".") {
			continue // empty nodes have no surface form
		}
		var span [2]int
		if a, b, ok := strings.Cut(id, "-"); ok {
			// A multi-word token: its surface form is the text; its words
			// share its span.
			var lo, hi int
			if _, err := fmt.Sscanf(a+" "+b, "%d %d", &lo, &hi); err != nil || hi < lo {
				return d, fmt.Errorf("line %d: bad token range %q", lineNo, id)
			}
			mwtSpan = writeToken(&text, form, &space, misc)
			mwtEnd = hi
			inSent, sawToken = true, true
			continue
		}
		var n int
		if _, err := fmt.Sscanf(id, "%d", &n); err != nil {
			return d, fmt.Errorf("line %d: bad token id %q", lineNo, id)
		}
		if n <= mwtEnd && n > 0 && mwtEnd > 0 && inSent {
			span = mwtSpan
		} else {
			mwtEnd = 0
			span = writeToken(&text, form, &space, misc)
		}
		inSent, sawToken = true, true
		for _, ev := range gumEntityEvents(misc) {
			if ev.open {
				if ev.typ == "time" {
					open = append(open, gumOpen{id: ev.id, start: span[0]})
				} else {
					open = append(open, gumOpen{id: ev.id, start: -1})
				}
			}
			if ev.close {
				for k := len(open) - 1; k >= 0; k-- {
					if open[k].id == ev.id {
						if open[k].start >= 0 {
							d.Gold = append(d.Gold, claimgraph.TimeExpr{Start: open[k].start, End: span[1]})
						}
						open = append(open[:k], open[k+1:]...)
						break
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return d, err
	}
	if !sawToken {
		return d, fmt.Errorf("no tokens")
	}
	d.Text = text.String()
	sortGold(d.Gold)
	// TimeML does not nest time expressions; GUM nests mentions ("Thursday,
	// May 7, 2015" holds "May 7, 2015"). Keep the outermost ones.
	outer := d.Gold[:0]
	for _, g := range d.Gold {
		if n := len(outer); n > 0 && g.End <= outer[n-1].End {
			continue
		}
		g.Text = d.Text[g.Start:g.End]
		outer = append(outer, g)
	}
	d.Gold = outer
	return d, nil
}

// writeToken appends a token's form and returns its span.
func writeToken(b *strings.Builder, form string, space *bool, misc string) [2]int {
	if *space {
		b.WriteByte(' ')
	}
	start := b.Len()
	b.WriteString(form)
	*space = !strings.Contains("|"+misc+"|", "|SpaceAfter=No|")
	return [2]int{start, b.Len()}
}

type gumEvent struct {
	id, typ     string
	open, close bool
}

// gumEntityEvents parses the Entity= value of a MISC column: "(3-time-...)"
// opens and closes mention 3, "(3-time-..." opens it, "3)" closes it.
func gumEntityEvents(misc string) []gumEvent {
	var v string
	for _, kv := range strings.Split(misc, "|") {
		if s, ok := strings.CutPrefix(kv, "Entity="); ok {
			v = s
		}
	}
	var evs []gumEvent
	for i := 0; i < len(v); {
		switch {
		case v[i] == '(':
			j := i + 1
			for j < len(v) && v[j] != '(' && v[j] != ')' {
				j++
			}
			parts := strings.SplitN(v[i+1:j], "-", 3)
			ev := gumEvent{id: parts[0], open: true}
			if len(parts) > 1 {
				ev.typ = parts[1]
			}
			if j < len(v) && v[j] == ')' {
				ev.close = true
				j++
			}
			evs = append(evs, ev)
			i = j
		case v[i] >= '0' && v[i] <= '9':
			j := i
			for j < len(v) && v[j] >= '0' && v[j] <= '9' {
				j++
			}
			if j < len(v) && v[j] == ')' {
				evs = append(evs, gumEvent{id: v[i:j], close: true})
				j++
			}
			i = j
		default:
			i++
		}
	}
	return evs
}

func sortGold(g []claimgraph.TimeExpr) {
	for i := 1; i < len(g); i++ {
		for k := i; k > 0 && (g[k].Start < g[k-1].Start || g[k].Start == g[k-1].Start && g[k].End > g[k-1].End); k-- {
			g[k], g[k-1] = g[k-1], g[k]
		}
	}
}

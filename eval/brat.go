package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// BratSpan is a text-bound annotation ("T" line) of a brat standoff file.
// A discontinuous annotation keeps its fragments; Start and End cover them all.
type BratSpan struct {
	ID        string
	Type      string
	Start     int
	End       int
	Fragments [][2]int
	Text      string
}

// BratAttribution links the spans of one attribution: who (Source), the
// reporting expression (Cue) and what was attributed (Content). Each holds
// span IDs; any may be empty.
type BratAttribution struct {
	ID      string
	Source  []string
	Cue     []string
	Content []string
}

// BratAnn is a parsed .ann file.
type BratAnn struct {
	Spans        map[string]BratSpan
	Order        []string // span IDs in file order
	Attributions []BratAttribution
}

// BratDoc is one document of a brat corpus: NAME.txt with NAME.ann.
type BratDoc struct {
	Name string
	Text string
	Ann  *BratAnn
}

// attribution roles by span type or argument role, case-insensitive, with
// brat's numeric suffixes ("Content2") removed.
func bratRole(s string) string {
	s = strings.ToLower(strings.TrimRight(s, "0123456789"))
	switch s {
	case "source", "speaker", "agent":
		return "source"
	case "cue", "trigger", "verb":
		return "cue"
	case "content", "quote", "message":
		return "content"
	}
	return ""
}

// ParseBratAnn reads brat standoff annotations. T lines are spans; E lines
// are attributions (the trigger and every ROLE:ID argument); R lines link two
// spans, and spans linked by R lines, directly or through each other, form
// one attribution. Other lines (A, N, #, *) are ignored. The error names the
// line that could not be read.
func ParseBratAnn(r io.Reader) (*BratAnn, error) {
	a := &BratAnn{Spans: map[string]BratSpan{}}
	type link struct {
		line int
		a, b string
	}
	var links []link
	var events [][]string // per E line: the span IDs, trigger first
	var eventIDs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	n := 0
	lastSpan := "" // the T line a continuation line belongs to
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		f := strings.SplitN(line, "\t", 3)
		id := f[0]
		if lastSpan != "" && (len(f) < 2 || !bratID(id)) {
			// The text of a discontinuous span may hold the line breaks
			// between its fragments: the line continues the span's text.
			s := a.Spans[lastSpan]
			s.Text += "\n" + line
			a.Spans[lastSpan] = s
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		lastSpan = ""
		if len(f) < 2 || id == "" {
			return nil, fmt.Errorf("line %d: want ID<TAB>annotation", n)
		}
		switch id[0] {
		case 'T':
			s, err := parseBratSpan(id, f[1])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			if len(f) == 3 {
				s.Text = f[2]
			}
			if _, dup := a.Spans[id]; dup {
				return nil, fmt.Errorf("line %d: duplicate span %s", n, id)
			}
			a.Spans[id] = s
			a.Order = append(a.Order, id)
			lastSpan = id
		case 'E':
			var ids []string
			for i, arg := range strings.Fields(f[1]) {
				_, ref, ok := strings.Cut(arg, ":")
				if !ok || ref == "" {
					return nil, fmt.Errorf("line %d: argument %d %q is not ROLE:ID", n, i+1, arg)
				}
				ids = append(ids, ref)
			}
			if len(ids) == 0 {
				return nil, fmt.Errorf("line %d: event with no trigger", n)
			}
			events = append(events, ids)
			eventIDs = append(eventIDs, id)
		case 'R':
			var ends []string
			fields := strings.Fields(f[1])
			if len(fields) > 0 {
				fields = fields[1:]
			}
			for _, arg := range fields {
				if _, ref, ok := strings.Cut(arg, ":"); ok && ref != "" {
					ends = append(ends, ref)
				}
			}
			if len(ends) != 2 {
				return nil, fmt.Errorf("line %d: relation needs TYPE Arg1:ID Arg2:ID", n)
			}
			links = append(links, link{n, ends[0], ends[1]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	// Events may point at other events ("E2" as an argument): follow them to
	// their triggers.
	evTrigger := map[string]string{}
	for i, ids := range events {
		evTrigger[eventIDs[i]] = ids[0]
	}
	resolve := func(id string) string {
		for k := 0; k < 4; k++ {
			t, ok := evTrigger[id]
			if !ok {
				break
			}
			id = t
		}
		return id
	}
	for i, ids := range events {
		at := BratAttribution{ID: eventIDs[i]}
		for _, id := range ids {
			id = resolve(id)
			s, ok := a.Spans[id]
			if !ok {
				return nil, fmt.Errorf("event %s: unknown span %s", eventIDs[i], id)
			}
			at.add(s)
		}
		a.Attributions = append(a.Attributions, at)
	}
	// R links: connected components of linked spans.
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	for _, l := range links {
		x, y := resolve(l.a), resolve(l.b)
		for _, id := range []string{x, y} {
			if _, ok := a.Spans[id]; !ok {
				return nil, fmt.Errorf("line %d: unknown span %s", l.line, id)
			}
			if _, ok := parent[id]; !ok {
				parent[id] = id
			}
		}
		if rx, ry := find(x), find(y); rx != ry {
			parent[rx] = ry
		}
	}
	groups := map[string][]string{}
	for id := range parent {
		r := find(id)
		groups[r] = append(groups[r], id)
	}
	roots := make([]string, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		ids := groups[r]
		sort.Slice(ids, func(i, j int) bool { return a.Spans[ids[i]].Start < a.Spans[ids[j]].Start })
		at := BratAttribution{ID: "R:" + ids[0]}
		for _, id := range ids {
			at.add(a.Spans[id])
		}
		a.Attributions = append(a.Attributions, at)
	}
	return a, nil
}

func (at *BratAttribution) add(s BratSpan) {
	switch bratRole(s.Type) {
	case "source":
		at.Source = append(at.Source, s.ID)
	case "cue":
		at.Cue = append(at.Cue, s.ID)
	case "content":
		at.Content = append(at.Content, s.ID)
	}
}

// bratID reports a brat annotation ID: a letter (T, E, R, A, M, N, *) and
// digits, or a # comment.
func bratID(id string) bool {
	if id == "" {
		return false
	}
	if id[0] == '#' || id == "*" {
		return true
	}
	if !strings.ContainsRune("TERAMN", rune(id[0])) || len(id) < 2 {
		return false
	}
	for _, r := range id[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// parseBratSpan reads "TYPE START END[;START END...]".
func parseBratSpan(id, field string) (BratSpan, error) {
	typ, rest, ok := strings.Cut(field, " ")
	if !ok || typ == "" {
		return BratSpan{}, fmt.Errorf("span %s: want TYPE START END", id)
	}
	s := BratSpan{ID: id, Type: typ, Start: -1}
	for _, frag := range strings.Split(rest, ";") {
		se := strings.Fields(frag)
		if len(se) != 2 {
			return BratSpan{}, fmt.Errorf("span %s: bad offsets %q", id, frag)
		}
		st, err1 := strconv.Atoi(se[0])
		en, err2 := strconv.Atoi(se[1])
		if err1 != nil || err2 != nil || st < 0 || en < st {
			return BratSpan{}, fmt.Errorf("span %s: bad offsets %q", id, frag)
		}
		s.Fragments = append(s.Fragments, [2]int{st, en})
		if s.Start < 0 || st < s.Start {
			s.Start = st
		}
		if en > s.End {
			s.End = en
		}
	}
	return s, nil
}

// ReadBratDir reads every NAME.ann with its NAME.txt under dir (recursively),
// in name order. A file that cannot be read is skipped: the documents read
// come back with an error joining one line per skipped file. Brat offsets count characters (Unicode code points), so
// they are converted to byte offsets into Text here.
func ReadBratDir(dir string) ([]BratDoc, error) {
	var anns []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".ann") {
			anns = append(anns, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read brat %s: %w", dir, err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("read brat %s: no .ann files", dir)
	}
	sort.Strings(anns)
	docs := make([]BratDoc, 0, len(anns))
	var errs []error
	for _, p := range anns {
		d, err := ReadBratFile(p)
		if err != nil {
			errs = append(errs, err) // one bad file does not stop the batch
			continue
		}
		docs = append(docs, d)
	}
	return docs, errors.Join(errs...)
}

// ReadBratFile reads one NAME.ann and the NAME.txt beside it.
func ReadBratFile(annPath string) (BratDoc, error) {
	txtPath := strings.TrimSuffix(annPath, ".ann") + ".txt"
	text, err := os.ReadFile(txtPath)
	if err != nil {
		return BratDoc{}, fmt.Errorf("read brat text: %w", err)
	}
	f, err := os.Open(annPath)
	if err != nil {
		return BratDoc{}, fmt.Errorf("read brat: %w", err)
	}
	defer f.Close()
	ann, err := ParseBratAnn(f)
	if err != nil {
		return BratDoc{}, fmt.Errorf("read %s: %w", annPath, err)
	}
	if err := ann.toBytes(string(text)); err != nil {
		return BratDoc{}, fmt.Errorf("read %s: %w", annPath, err)
	}
	name := strings.TrimSuffix(filepath.Base(annPath), ".ann")
	return BratDoc{Name: name, Text: string(text), Ann: ann}, nil
}

// toBytes converts character offsets to byte offsets and checks that each
// span's recorded text, when given, matches the document.
func (a *BratAnn) toBytes(text string) error {
	// byteAt[i] is the byte offset of character i.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	conv := func(c int) (int, bool) {
		if c < 0 || c >= len(byteAt) {
			return 0, false
		}
		return byteAt[c], true
	}
	for id, s := range a.Spans {
		s.Start, s.End = -1, 0
		for i, fr := range s.Fragments {
			st, ok1 := conv(fr[0])
			en, ok2 := conv(fr[1])
			if !ok1 || !ok2 {
				return fmt.Errorf("span %s: offsets %d-%d past the text", id, fr[0], fr[1])
			}
			s.Fragments[i] = [2]int{st, en}
			if s.Start < 0 || st < s.Start {
				s.Start = st
			}
			s.End = max(s.End, en)
		}
		if s.Text != "" && len(s.Fragments) == 1 && strings.Join(strings.Fields(text[s.Start:s.End]), " ") != strings.Join(strings.Fields(s.Text), " ") {
			return fmt.Errorf("span %s: text %q does not match the document's %q", id, s.Text, text[s.Start:s.End])
		}
		a.Spans[id] = s
	}
	return nil
}

package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// ReadAIDAFile reads an AIDA CoNLL-YAGO TSV file (see ReadAIDA).
func ReadAIDAFile(path string) ([]XDocDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("aida: %w", err)
	}
	defer f.Close()
	docs, err := ReadAIDA(f)
	if err != nil {
		return nil, fmt.Errorf("aida %s: %w", path, err)
	}
	return docs, nil
}

// ReadAIDA reads the AIDA CoNLL-YAGO TSV: "-DOCSTART- (ID TITLE)" opens a
// document; then one token a line, either alone or followed by tab-separated
// B/I, the full mention, a YAGO id or "--NME--", and for linked names the
// Wikipedia URL, id and Freebase mid; a blank line ends a sentence. Each
// document's text is rebuilt from its tokens, a sentence a line, tokens
// separated by one space. Gold mentions are the names linked to Wikipedia
// (their cluster is the Wikipedia article); "--NME--" names have no article
// and are not scored. Types are left empty (see AIDATypes).
func ReadAIDA(r io.Reader) ([]XDocDoc, error) {
	var docs []XDocDoc
	var cur *XDocDoc
	var b strings.Builder
	sentStart := true
	open := -1 // first token of the mention being read, -1 when none
	openID := ""
	closeMention := func() {
		if open >= 0 && cur != nil && openID != "" {
			cur.Gold = append(cur.Gold, XDocMention{First: open, Last: len(cur.TokenSpans) - 1, Cluster: openID})
		}
		open, openID = -1, ""
	}
	finish := func() {
		closeMention()
		if cur != nil {
			cur.Text = b.String()
			cur.Scope = len(cur.TokenSpans)
			docs = append(docs, *cur)
		}
		b.Reset()
		sentStart = true
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if rest, ok := strings.CutPrefix(s, "-DOCSTART-"); ok {
			finish()
			name := strings.TrimSpace(rest)
			name = strings.TrimSuffix(strings.TrimPrefix(name, "("), ")")
			if f := strings.Fields(name); len(f) > 0 {
				name = f[0]
			}
			if name == "" {
				name = fmt.Sprintf("doc%d", len(docs)+1)
			}
			cur = &XDocDoc{Name: name}
			continue
		}
		if strings.TrimSpace(s) == "" {
			closeMention()
			if cur != nil && !sentStart {
				sentStart = true
			}
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("line %d: token before the first -DOCSTART-", line)
		}
		cols := strings.Split(s, "\t")
		tok := cols[0]
		if tok == "" || strings.ContainsAny(tok, " \n") {
			return nil, fmt.Errorf("line %d: empty token or token with a space", line)
		}
		if len(cur.TokenSpans) > 0 {
			if sentStart {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		sentStart = false
		start := b.Len()
		b.WriteString(tok)
		switch {
		case len(cols) == 1:
			closeMention()
		case len(cols) >= 4 && (cols[1] == "B" || cols[1] == "I"):
			id := cols[3]
			if id == "--NME--" {
				id = ""
			} else if len(cols) >= 5 && cols[4] != "" {
				id = cols[4] // the Wikipedia article: what the gold links are
			}
			if cols[1] == "B" || open < 0 || id != openID {
				closeMention()
				open, openID = len(cur.TokenSpans), id
			}
		default:
			return nil, fmt.Errorf("line %d: %d columns, want a token alone or token, B/I, mention, YAGO id[, URL, id, mid]", line, len(cols))
		}
		cur.TokenSpans = append(cur.TokenSpans, [2]int{start, b.Len()})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	finish()
	return docs, nil
}

// AIDATypes sets the type of each gold mention from the CoNLL-2003 file of
// the same documents (sentences read by ReadNER): the label of the mention's
// first token (PER, ORG, LOC, MISC; "" when the token is outside a name).
// The two files must hold the same documents with the same tokens.
func AIDATypes(docs []XDocDoc, conll []NERSentence) error {
	byDoc := map[int][]NERSentence{}
	var order []int
	for _, s := range conll {
		if _, ok := byDoc[s.Doc]; !ok {
			order = append(order, s.Doc)
		}
		byDoc[s.Doc] = append(byDoc[s.Doc], s)
	}
	if len(order) != len(docs) {
		return fmt.Errorf("%d documents in the CoNLL file, %d in the AIDA file", len(order), len(docs))
	}
	for i := range docs {
		d := &docs[i]
		var toks, labels []string
		for _, s := range byDoc[order[i]] {
			toks = append(toks, s.Tokens...)
			labels = append(labels, s.Labels...)
		}
		if len(toks) != len(d.TokenSpans) {
			return fmt.Errorf("document %d (%s): %d tokens in the CoNLL file, %d in the AIDA file", i+1, d.Name, len(toks), len(d.TokenSpans))
		}
		for j := range d.Gold {
			g := &d.Gold[j]
			if tok := d.Text[d.TokenSpans[g.First][0]:d.TokenSpans[g.First][1]]; tok != toks[g.First] {
				return fmt.Errorf("document %d (%s): token %d is %q in the CoNLL file, %q in the AIDA file", i+1, d.Name, g.First+1, toks[g.First], tok)
			}
			_, g.Type = splitLabel(labels[g.First])
		}
	}
	return nil
}

// PRF3 is a precision, recall and F1 as fractions.
type PRF3 struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// AIDAScore is a cross-document resolution score against gold links.
type AIDAScore struct {
	Task   string `json:"task"`
	Docs   int    `json:"docs"`
	Gold   int    `json:"gold"`  // scored gold mentions
	Found  int    `json:"found"` // of them, found with the exact span
	BCubed PRF3   `json:"bcubed"`
	// Pairwise scores pairs of gold mentions: precision is the share of the
	// pairs put in one entity that share a gold article.
	Pairwise      PRF3         `json:"pairwise"`
	MentionsFound float64      `json:"mentions_found"` // Found / Gold
	WrongMerges   []AIDAMixing `json:"wrong_merges"`
	MissedMerges  []AIDAMixing `json:"missed_merges"`
}

// AIDAMixing is one clustering mistake: a system entity holding mentions of
// several gold articles (a wrong merge), or a gold article spread over
// several system entities (a missed merge). Pairs counts the mention pairs
// the mistake costs.
type AIDAMixing struct {
	Key   string        `json:"key"` // the entity (wrong merge: "entity N") or the gold article
	Pairs int           `json:"pairs"`
	Parts []AIDAMixPart `json:"parts"`
}

// AIDAMixPart is one side of a mixing: a gold article inside a wrong merge,
// or a system entity holding part of a gold article, with its mention count
// and a few example mentions ("name" in doc).
type AIDAMixPart struct {
	Key      string   `json:"key"`
	Mentions int      `json:"mentions"`
	Examples []string `json:"examples"`
}

// ScoreAIDA runs predict over the documents (together: resolution is across
// documents) and scores the gold mentions whose type is in types (all when
// types is empty). A gold mention counts as found when a predicted mention
// with an entity has exactly its byte span; one missed or bounded
// differently is a singleton. At most top mistakes of each kind are kept.
func ScoreAIDA(docs []XDocDoc, types []string, top int, predict func([]XDocDoc) [][]claimgraph.Mention) AIDAScore {
	sc := AIDAScore{Task: "xdoc-aida", Docs: len(docs)}
	keep := map[string]bool{}
	for _, t := range types {
		keep[t] = true
	}
	preds := predict(docs)
	// Each system entity is shown with the name most of its mentions carry.
	names := map[int64]map[string]int{}
	for _, ms := range preds {
		for _, m := range ms {
			if m.Entity != 0 && m.Name != "" {
				if names[m.Entity] == nil {
					names[m.Entity] = map[string]int{}
				}
				names[m.Entity][m.Name]++
			}
		}
	}
	label := func(e int64) string {
		best := ""
		for n, c := range names[e] {
			if c > names[e][best] || c == names[e][best] && n < best {
				best = n
			}
		}
		if best == "" {
			return fmt.Sprintf("entity %d", e)
		}
		return fmt.Sprintf("entity %d (%s)", e, best)
	}
	var items []Clustered
	var texts []string
	for i, d := range docs {
		bySpan := map[[2]int]int64{}
		if i < len(preds) {
			for _, m := range preds[i] {
				if m.Entity != 0 && m.Kind != claimgraph.MentionPronoun && m.Kind != claimgraph.MentionDescription {
					bySpan[[2]int{m.Start, m.End}] = m.Entity
				}
			}
		}
		for gi, g := range d.Gold {
			if len(keep) > 0 && !keep[g.Type] {
				continue
			}
			span := [2]int{d.TokenSpans[g.First][0], d.TokenSpans[g.Last][1]}
			pred := fmt.Sprintf("%s%s#%d", missedPrefix, d.Name, gi)
			if e, ok := bySpan[span]; ok {
				pred = label(e)
				sc.Found++
			}
			sc.Gold++
			items = append(items, Clustered{Gold: g.Cluster, Pred: pred})
			texts = append(texts, fmt.Sprintf("%q in %s", d.Text[span[0]:span[1]], d.Name))
		}
	}
	sc.MentionsFound = Ratio(sc.Found, sc.Gold)
	b := BCubed(items)
	sc.BCubed = PRF3{b.Precision, b.Recall, b.F1}
	sc.Pairwise = Pairwise(items)
	sc.WrongMerges, sc.MissedMerges = mixings(items, texts, top)
	return sc
}

// Pairwise scores a clustering by pairs of items: precision is the share of
// pairs in one predicted cluster that are in one gold cluster, recall the
// share of pairs in one gold cluster that are in one predicted cluster. Both
// are 1 when there is no pair to get wrong.
func Pairwise(items []Clustered) PRF3 {
	both := map[Clustered]int{}
	gold, pred := map[string]int{}, map[string]int{}
	for _, it := range items {
		both[it]++
		gold[it.Gold]++
		pred[it.Pred]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var nb, ng, np float64
	for _, n := range both {
		nb += pairs(n)
	}
	for _, n := range gold {
		ng += pairs(n)
	}
	for _, n := range pred {
		np += pairs(n)
	}
	s := PRF3{P: 1, R: 1}
	if np > 0 {
		s.P = nb / np
	}
	if ng > 0 {
		s.R = nb / ng
	}
	s.F1 = Harmonic(s.P, s.R)
	return s
}

// mixings lists the predicted clusters mixing gold clusters and the gold
// clusters spread over predicted ones, the costliest (in mention pairs) first.
func mixings(items []Clustered, texts []string, top int) (wrong, missed []AIDAMixing) {
	group := func(outer func(Clustered) string, inner func(Clustered) string) []AIDAMixing {
		type part struct {
			n       int
			singles int // mentions each a cluster of its own
			ex      []string
			key     string
		}
		groups := map[string]map[string]*part{}
		for i, it := range items {
			o, in := outer(it), inner(it)
			if strings.HasPrefix(o, missedPrefix) {
				continue // a mention not found is no entity mixing anything
			}
			single := strings.HasPrefix(in, missedPrefix)
			if single {
				in = "not found (missed or bounded differently)"
			}
			if groups[o] == nil {
				groups[o] = map[string]*part{}
			}
			p := groups[o][in]
			if p == nil {
				p = &part{key: in}
				groups[o][in] = p
			}
			p.n++
			if single {
				p.singles++
			}
			if len(p.ex) < 3 && !containsString(p.ex, texts[i]) {
				p.ex = append(p.ex, texts[i])
			}
		}
		var out []AIDAMixing
		for o, parts := range groups {
			spread := len(parts) > 1
			for _, p := range parts {
				spread = spread || p.singles > 1
			}
			if !spread {
				continue
			}
			m := AIDAMixing{Key: o}
			total := 0
			for _, p := range parts {
				m.Parts = append(m.Parts, AIDAMixPart{Key: p.key, Mentions: p.n, Examples: p.ex})
				total += p.n
			}
			// Cross pairs: those between different parts.
			m.Pairs = total * total
			for _, p := range parts {
				k := p.n - p.singles
				m.Pairs -= k*k + p.singles
			}
			m.Pairs /= 2
			sort.Slice(m.Parts, func(i, j int) bool {
				if m.Parts[i].Mentions != m.Parts[j].Mentions {
					return m.Parts[i].Mentions > m.Parts[j].Mentions
				}
				return m.Parts[i].Key < m.Parts[j].Key
			})
			out = append(out, m)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Pairs != out[j].Pairs {
				return out[i].Pairs > out[j].Pairs
			}
			return out[i].Key < out[j].Key
		})
		if top >= 0 && len(out) > top {
			out = out[:top]
		}
		return out
	}
	gold := func(c Clustered) string { return c.Gold }
	pred := func(c Clustered) string { return c.Pred }
	return group(pred, gold), group(gold, pred)
}

const missedPrefix = "missed "

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

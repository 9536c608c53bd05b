package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/catxml"
)

// XDocDoc is one document of a cross-document coreference corpus in
// NewsReader CAT XML: its text rebuilt from its tokens and its gold named
// mentions with their corpus-level clusters.
type XDocDoc struct {
	Name       string   // document name (file name without .xml): the document id given to the pipeline
	Text       string   // text rebuilt from the tokens (catxml.Doc.Text)
	TokenSpans [][2]int // byte span of each token in Text
	Gold       []XDocMention
	// Scope is the number of leading tokens annotated with entity mentions:
	// MEANTIME annotates only the first sentences of each article, so
	// predicted mentions after them are not scored.
	Scope int
}

// XDocMention is a gold named mention: a token range and its cluster, the
// corpus instance its REFERS_TO relation points to (or a cluster of its own).
type XDocMention struct {
	First, Last int    // token indices, inclusive
	Cluster     string // instance_id of the REFERS_TO target; "doc#m_id" when there is none
	Type        string // ent_type of the target when known
}

// ReadXDocPath reads a CAT XML file, or every .xml file under a directory.
// sentences, when positive, is the number of leading sentences annotated
// (6 in MEANTIME); 0 means the whole document.
func ReadXDocPath(path string, sentences int) ([]XDocDoc, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("xdoc: %w", err)
	}
	var files []string
	if st.IsDir() {
		err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(strings.ToLower(p), ".xml") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("xdoc: %w", err)
		}
		sort.Strings(files)
	} else {
		files = []string{path}
	}
	var docs []XDocDoc
	for _, f := range files {
		d, err := catxml.ParseFile(f)
		if err != nil {
			return nil, fmt.Errorf("xdoc: %w", err)
		}
		docs = append(docs, XDocFromCAT(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), d, sentences))
	}
	return docs, nil
}

// XDocFromCAT extracts the gold named mentions (syntactic_type NAM) of a
// CAT document and their clusters; sentences bounds the scored scope as in
// ReadXDocPath.
func XDocFromCAT(name string, d *catxml.Doc, sentences int) XDocDoc {
	text, spans := d.Text()
	x := XDocDoc{Name: name, Text: text, TokenSpans: spans, Scope: len(spans)}
	if sentences > 0 {
		first := -1
		for i, tk := range d.Tokens {
			if first < 0 {
				first = tk.Sentence
			}
			if tk.Sentence-first >= sentences {
				x.Scope = i
				break
			}
		}
	}
	target := map[string]string{} // mention m_id -> target m_id
	for _, r := range d.Relations {
		if r.Tag != "REFERS_TO" || len(r.Targets) == 0 {
			continue
		}
		for _, s := range r.Sources {
			target[s] = r.Targets[0]
		}
	}
	for _, m := range d.ByTag("ENTITY_MENTION") {
		if m.Attrs["syntactic_type"] != "NAM" {
			continue
		}
		first, last, ok := d.TokenRange(m)
		if !ok {
			continue
		}
		x.Scope = max(x.Scope, last+1)
		g := XDocMention{First: first, Last: last, Cluster: name + "#" + m.ID}
		if t, ok := target[m.ID]; ok {
			g.Cluster = name + "#" + t
			if inst, ok := d.Markable(t); ok {
				g.Type = inst.Attrs["ent_type"]
				if id := inst.Attrs["instance_id"]; id != "" {
					g.Cluster = id
				}
			}
		}
		x.Gold = append(x.Gold, g)
	}
	return x
}

// XDocScore is the result of a cross-document entity evaluation.
type XDocScore struct {
	Task      string      `json:"task"`
	Precision float64     `json:"precision"` // B-cubed, over aligned mentions
	Recall    float64     `json:"recall"`
	F1        float64     `json:"f1"`
	Gold      int         `json:"gold"`      // gold named mentions
	Predicted int         `json:"predicted"` // predicted named mentions
	Docs      int         `json:"docs"`
	BCubed    BCubedScore `json:"bcubed"`
	Mentions  Detection   `json:"mentions"`
	Entities  int         `json:"entities"`      // predicted entities over the aligned mentions
	GoldClust int         `json:"gold_clusters"` // gold clusters over the aligned mentions
	// Errors lists the clustering mistakes, largest first: gold clusters
	// split over several entities and entities merging several clusters.
	Errors []XDocError `json:"errors,omitempty"`
}

// XDocError is one clustering mistake over aligned mentions.
type XDocError struct {
	Kind     string              `json:"kind"`     // "split" (one gold cluster, several entities) or "merged"
	Key      string              `json:"key"`      // the gold cluster (split) or the predicted entity (merged)
	Mentions int                 `json:"mentions"` // aligned mentions involved
	Parts    map[string][]string `json:"parts"`    // entity (split) or gold cluster (merged) -> gold mention texts
}

// Detection is mention detection scored by one-to-one alignment.
type Detection struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Aligned   int     `json:"aligned"`
	Exact     int     `json:"exact"` // aligned with the same token range
}

// ScoreXDoc runs predict over the documents (all at once: resolution is
// across documents) and scores its named mentions against the gold ones.
// predict returns, for each document, its mentions with byte spans into the
// document's Text and Entity set; descriptions and pronouns are not scored.
// Mentions are aligned to gold mentions by token span, one to one: the same
// tokens first, then the same last (head) token, then the largest overlap.
func ScoreXDoc(docs []XDocDoc, predict func([]XDocDoc) [][]claimgraph.Mention) XDocScore {
	sc := XDocScore{Task: "xdoc", Docs: len(docs)}
	preds := predict(docs)
	var items []Clustered
	var texts []string
	for i, d := range docs {
		var pm []predMention
		if i < len(preds) {
			for _, m := range preds[i] {
				if m.Kind != claimgraph.MentionName && m.Kind != claimgraph.MentionAcronym {
					continue
				}
				first, last, ok := tokenRange(d.TokenSpans, m.Start, m.End)
				if !ok || (d.Scope > 0 && first >= d.Scope) {
					continue
				}
				pm = append(pm, predMention{first, last, m.Entity})
			}
		}
		sc.Gold += len(d.Gold)
		sc.Predicted += len(pm)
		for _, a := range align(d.Gold, pm) {
			g, p := d.Gold[a[0]], pm[a[1]]
			if g.First == p.first && g.Last == p.last {
				sc.Mentions.Exact++
			}
			items = append(items, Clustered{Gold: g.Cluster, Pred: fmt.Sprint(p.entity)})
			texts = append(texts, d.Text[d.TokenSpans[g.First][0]:d.TokenSpans[g.Last][1]])
		}
	}
	sc.Mentions.Aligned = len(items)
	if sc.Predicted > 0 {
		sc.Mentions.Precision = float64(len(items)) / float64(sc.Predicted)
	}
	if sc.Gold > 0 {
		sc.Mentions.Recall = float64(len(items)) / float64(sc.Gold)
	}
	sc.Mentions.F1 = Harmonic(sc.Mentions.Precision, sc.Mentions.Recall)
	sc.BCubed = BCubed(items)
	sc.Precision, sc.Recall, sc.F1 = sc.BCubed.Precision, sc.BCubed.Recall, sc.BCubed.F1
	gc, pc := map[string]bool{}, map[string]bool{}
	for _, it := range items {
		gc[it.Gold], pc[it.Pred] = true, true
	}
	sc.Entities, sc.GoldClust = len(pc), len(gc)
	sc.Errors = clusterErrors(items, texts)
	return sc
}

// clusterErrors groups aligned mentions by gold cluster and by entity and
// reports every group that the other side cuts in several.
func clusterErrors(items []Clustered, texts []string) []XDocError {
	byGold := map[string]map[string][]string{}
	byPred := map[string]map[string][]string{}
	for i, it := range items {
		if byGold[it.Gold] == nil {
			byGold[it.Gold] = map[string][]string{}
		}
		if byPred[it.Pred] == nil {
			byPred[it.Pred] = map[string][]string{}
		}
		byGold[it.Gold][it.Pred] = append(byGold[it.Gold][it.Pred], texts[i])
		byPred[it.Pred][it.Gold] = append(byPred[it.Pred][it.Gold], texts[i])
	}
	var out []XDocError
	add := func(kind string, groups map[string]map[string][]string) {
		for key, parts := range groups {
			if len(parts) < 2 {
				continue
			}
			n := 0
			for _, ts := range parts {
				n += len(ts)
			}
			out = append(out, XDocError{Kind: kind, Key: key, Mentions: n, Parts: parts})
		}
	}
	add("split", byGold)
	add("merged", byPred)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Key < out[j].Key
	})
	return out
}

type predMention struct {
	first, last int
	entity      int64
}

// tokenRange returns the tokens a byte span overlaps.
func tokenRange(spans [][2]int, start, end int) (int, int, bool) {
	first := sort.Search(len(spans), func(i int) bool { return spans[i][1] > start })
	last := first - 1
	for i := first; i < len(spans) && spans[i][0] < end; i++ {
		last = i
	}
	return first, last, last >= first
}

// align pairs gold and predicted mentions one to one: exact token ranges
// first, then the same last token, then the largest overlap.
func align(gold []XDocMention, pred []predMention) [][2]int {
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	var out [][2]int
	pass := func(score func(g XDocMention, p predMention) int) {
		for gi, g := range gold {
			if usedG[gi] {
				continue
			}
			best, bestScore := -1, 0
			for pi, p := range pred {
				if usedP[pi] {
					continue
				}
				if s := score(g, p); s > bestScore {
					best, bestScore = pi, s
				}
			}
			if best >= 0 {
				usedG[gi], usedP[best] = true, true
				out = append(out, [2]int{gi, best})
			}
		}
	}
	pass(func(g XDocMention, p predMention) int {
		if g.First == p.first && g.Last == p.last {
			return 1
		}
		return 0
	})
	pass(func(g XDocMention, p predMention) int {
		if g.Last == p.last {
			return 1 + overlap(g, p)
		}
		return 0
	})
	pass(overlap)
	return out
}

func overlap(g XDocMention, p predMention) int {
	lo, hi := max(g.First, p.first), min(g.Last, p.last)
	if hi < lo {
		return 0
	}
	return hi - lo + 1
}

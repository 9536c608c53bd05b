// Package reusebench measures the reuse package on real text: it rebuilds
// documents from the annotated corpora in ../shared/data (GUM and UD English
// EWT CoNLL-U, MEANTIME NAF-like XML), makes copies with controlled edits,
// scores pair detection and passage alignment per edit kind, and times
// incremental adds as a corpus of recombined real sentences grows.
package reusebench

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Doc is a real document rebuilt from an annotated corpus: its paragraphs,
// each a list of sentences.
type Doc struct {
	ID     string
	Corpus string // "gum", "ewt", "meantime"
	Topic  string // GUM genre, MEANTIME topic corpus, EWT genre prefix
	Title  string // GUM's "# meta::title", when given
	Date   string // GUM's "# meta::dateCreated", when given
	Paras  [][]string
}

// Words returns the number of whitespace-separated words of the document.
func (d Doc) Words() int {
	n := 0
	for _, p := range d.Paras {
		for _, s := range p {
			n += len(strings.Fields(s))
		}
	}
	return n
}

// ReadCoNLLU reads documents from a CoNLL-U stream: "# newdoc id" starts a
// document, "# newpar" a paragraph, and each "# text =" line is a sentence.
// Sentences before any newdoc belong to a document named fallback. Token
// lines are ignored: the text lines are the original sentences.
func ReadCoNLLU(r io.Reader, corpus, fallback string) ([]Doc, error) {
	var docs []Doc
	var cur *Doc
	newPara := true
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			continue
		}
		key, val, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch {
		case key == "newdoc id" || key == "newdoc":
			docs = append(docs, Doc{ID: val, Corpus: corpus, Topic: topicOf(corpus, val)})
			cur = &docs[len(docs)-1]
			newPara = true
		case key == "newpar" || key == "newpar id":
			newPara = true
		case key == "meta::title" && cur != nil:
			cur.Title = val
		case key == "meta::dateCreated" && cur != nil:
			cur.Date = val
		case key == "text":
			if val == "" {
				continue
			}
			if cur == nil {
				docs = append(docs, Doc{ID: fallback, Corpus: corpus, Topic: topicOf(corpus, fallback)})
				cur = &docs[len(docs)-1]
			}
			if newPara || len(cur.Paras) == 0 {
				cur.Paras = append(cur.Paras, nil)
				newPara = false
			}
			cur.Paras[len(cur.Paras)-1] = append(cur.Paras[len(cur.Paras)-1], val)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	return slices.DeleteFunc(docs, func(d Doc) bool { return len(d.Paras) == 0 }), nil
}

// topicOf names a document's topic from its id: the GUM genre
// (GUM_news_x → news) or the EWT source kind (weblog-..., answers-...).
func topicOf(corpus, id string) string {
	switch corpus {
	case "gum":
		if parts := strings.SplitN(id, "_", 3); len(parts) == 3 {
			return parts[1]
		}
	case "ewt":
		if i := strings.IndexAny(id, "-_"); i > 0 {
			return id[:i]
		}
	}
	return corpus
}

// ReadMEANTIME reads one MEANTIME document: its <token sentence="N"> elements
// joined by spaces into sentences. The format has no paragraphs, so
// sentences are grouped three to a paragraph.
func ReadMEANTIME(r io.Reader, topic string) (Doc, error) {
	d := Doc{Corpus: "meantime", Topic: topic}
	dec := xml.NewDecoder(r)
	var sents []string
	var cur []string
	curSent := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Doc{}, fmt.Errorf("read meantime xml: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "Document":
			for _, a := range se.Attr {
				if a.Name.Local == "doc_name" || a.Name.Local == "doc_id" && d.ID == "" {
					d.ID = a.Value
				}
			}
		case "token":
			var t struct {
				Sentence string `xml:"sentence,attr"`
				Text     string `xml:",chardata"`
			}
			if err := dec.DecodeElement(&t, &se); err != nil {
				return Doc{}, fmt.Errorf("read meantime token: %w", err)
			}
			if t.Sentence != curSent && len(cur) > 0 {
				sents = append(sents, strings.Join(cur, " "))
				cur = nil
			}
			curSent = t.Sentence
			if w := strings.TrimSpace(t.Text); w != "" {
				cur = append(cur, w)
			}
		}
	}
	if len(cur) > 0 {
		sents = append(sents, strings.Join(cur, " "))
	}
	for i := 0; i < len(sents); i += 3 {
		d.Paras = append(d.Paras, sents[i:min(i+3, len(sents))])
	}
	return d, nil
}

// Load reads every document under a shared data folder: gum/dep/*.conllu,
// ud-english-ewt/*.conllu and meantime-dev/intra_cross-doc_annotation/*/*.xml.
// A corpus that is absent is skipped; none at all is an error.
func Load(root string) ([]Doc, error) {
	var paths []string
	for _, sub := range []string{"gum/dep", "ud-english-ewt", "meantime-dev/intra_cross-doc_annotation"} {
		p := filepath.Join(root, filepath.FromSlash(sub))
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("load %s: no GUM, EWT or MEANTIME folder found", root)
	}
	return LoadPaths(paths)
}

func readFile(path string, read func(io.Reader) ([]Doc, error)) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	ds, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ds, nil
}

// LoadPaths reads documents from files and folders: a folder is walked for
// *.conllu files (GUM when the name starts with "GUM_", else EWT-like) and
// MEANTIME *.xml files (topic: the folder name without "corpus_").
func LoadPaths(paths []string) ([]Doc, error) {
	var docs []Doc
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				return nil
			}
			name := filepath.Base(p)
			switch {
			case strings.HasSuffix(name, ".conllu"):
				corpus := "ewt"
				if strings.HasPrefix(name, "GUM_") {
					corpus = "gum"
				}
				ds, err := readFile(p, func(f io.Reader) ([]Doc, error) {
					return ReadCoNLLU(f, corpus, strings.TrimSuffix(name, ".conllu"))
				})
				if err != nil {
					return err
				}
				docs = append(docs, ds...)
			case strings.HasSuffix(name, ".xml"):
				topic := strings.TrimPrefix(filepath.Base(filepath.Dir(p)), "corpus_")
				ds, err := readFile(p, func(f io.Reader) ([]Doc, error) {
					d, err := ReadMEANTIME(f, topic)
					if d.ID == "" {
						d.ID = strings.TrimSuffix(name, ".xml")
					}
					return []Doc{d}, err
				})
				if err != nil {
					return err
				}
				if len(ds[0].Paras) > 0 {
					docs = append(docs, ds...)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", root, err)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("load %v: no CoNLL-U or MEANTIME documents found", paths)
	}
	return docs, nil
}

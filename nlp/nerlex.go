package nlp

// nerLexicon merges, for the recognizer, the gazetteer and the word
// classes into one map keyed by phrase hash, so that a word costs one
// lookup: its gazetteer classes, whether a listed name of several words
// starts with it, and its word class used to cost three. In a CPU profile
// of BenchmarkAnalyze (go test -run XXX -bench 'Analyze$' -cpu 1
// -cpuprofile cpu.prof ./nlp), map lookups were 11% of the time. The merged
// map holds 667k entries with the committed models.
type nerLexicon struct {
	entries map[uint64]uint32
	gaz     bool // entries carry the gazetteer
	wc      bool // entries carry word classes
}

// The bits of a nerLexicon entry.
const (
	lexGazMask  = 1<<12 - 1 // the gazetteer classes of the phrase
	lexInGaz    = 1 << 14   // the phrase is in the gazetteer
	lexStart    = 1 << 15   // a gazetteer name of two words or more starts with the word
	lexWCShift  = 16        // the word class (8 bits)
	lexLenShift = 24        // the most words of a gazetteer name that starts with the word
)

// newNERLexicon merges g and wc; either may be nil.
func newNERLexicon(g *gazetteer, wc *wordClasses) *nerLexicon {
	n := 0
	if g != nil {
		n += len(g.phrases)
	}
	if wc != nil {
		n += len(wc.class)
	}
	l := &nerLexicon{entries: make(map[uint64]uint32, n), gaz: g != nil, wc: wc != nil}
	if g != nil {
		for h, cls := range g.phrases {
			l.entries[h] = uint32(cls)&lexGazMask | lexInGaz
		}
		for h, n := range g.starts {
			l.entries[h] |= lexStart | uint32(n)<<lexLenShift
		}
	}
	if wc != nil {
		for h, cls := range wc.class {
			l.entries[h] |= uint32(cls) << lexWCShift
		}
	}
	return l
}

// match fills c.gazSingle with each word's own gazetteer classes,
// c.gazClass and c.gazBegin with the classes of the longest gazetteer name
// covering it and whether it begins that name, and c.wcls with its word
// class (nil without word classes).
func (l *nerLexicon) match(c *sentCtx) {
	n := len(c.words)
	if cap(c.gazClass) < n {
		c.gazClass = make([]uint16, n)
		c.gazBegin = make([]bool, n)
		c.gazSingle = make([]uint16, n)
	}
	c.gazClass, c.gazBegin, c.gazSingle = c.gazClass[:n], c.gazBegin[:n], c.gazSingle[:n]
	if cap(c.lexv) < n {
		c.lexv = make([]uint32, n)
	}
	c.lexv = c.lexv[:n]
	c.wcls = nil
	if l != nil && l.wc {
		if cap(c.wclsBuf) < n {
			c.wclsBuf = make([]uint8, n)
		}
		c.wcls = c.wclsBuf[:n]
	}
	cached := c.pwValid && len(c.pw) == n
	for i := 0; i < n; i++ {
		var v uint32
		switch {
		case l == nil:
		case cached && c.pw[i].lexOf == l:
			v = c.pw[i].lexVal
		default:
			v = l.entries[c.phraseHash(i, i+1)]
		}
		c.lexv[i] = v
		c.gazClass[i], c.gazBegin[i] = 0, false
		c.gazSingle[i] = uint16(v & lexGazMask)
		if c.wcls != nil {
			c.wcls[i] = uint8(v >> lexWCShift)
		}
	}
	if l == nil || !l.gaz {
		return
	}
	for i := 0; i < n; {
		if c.lexv[i]&lexStart == 0 {
			i++
			continue
		}
		found := 0
		var cls uint16
		for k := min(int(c.lexv[i]>>lexLenShift&7), n-i); k >= 2; k-- {
			if v := l.entries[c.phraseHash(i, i+k)]; v&lexInGaz != 0 {
				found, cls = k, uint16(v&lexGazMask)
				break
			}
		}
		if found == 0 {
			i++
			continue
		}
		for k := i; k < i+found; k++ {
			c.gazClass[k] = cls
		}
		c.gazBegin[i] = true
		i += found
	}
}

// gazEnd returns the end of the listed name that match found beginning at
// word w (c.gazBegin[w]), or w when none begins there.
func (c *sentCtx) gazEnd(w int) int {
	if !c.gazBegin[w] {
		return w
	}
	end := w + 1
	for end < len(c.gazClass) && c.gazClass[end] == c.gazClass[w] && c.gazClass[end] != 0 && !c.gazBegin[end] {
		end++
	}
	return end
}

package httpapi

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// The graph and the timeline are drawn on the server as SVG: no WebGL, no
// script needed to read them, and every edge is a link to its evidence.

// Graph drawing size, in SVG user units.
const (
	graphW = 1000.0
	graphH = 640.0
)

// SVGNode is a laid-out graph node.
type SVGNode struct {
	claimgraph.GraphNode
	X, Y, R float64
	Center  bool
	Label   string
}

// SVGEdge is a laid-out graph edge.
type SVGEdge struct {
	claimgraph.GraphEdge
	X1, Y1, X2, Y2 float64
	MX, MY         float64 // middle, for the label
	Width          float64
	Href           string
	Peripheral     bool // touches neither end of the asked-for entity
	SourceName     string
	TargetName     string
}

// SVGGraph is a graph ready to draw.
type SVGGraph struct {
	W, H  float64
	Nodes []SVGNode
	Edges []SVGEdge
	// Hidden counts links between neighbours left out of the drawing.
	Hidden int
}

// maxDrawnEdges caps the edges drawn: beyond it a graph is a hairball.
const maxDrawnEdges = 150

// layoutGraph places the asked-for entity in the middle, its neighbours on
// two staggered rings around it (the most strongly linked first), and the
// entities two steps away on an outer ring beside the neighbour that links
// them: deterministic, readable, and linear in the graph's size.
func layoutGraph(g *claimgraph.Graph, center int64) SVGGraph {
	n := len(g.Nodes)
	out := SVGGraph{W: graphW, H: graphH}
	if n == 0 {
		return out
	}
	idx := make(map[int64]int, n)
	xs, ys := make([]float64, n), make([]float64, n)
	maxMentions := 1
	for i, nd := range g.Nodes {
		idx[nd.ID] = i
		a := 2 * math.Pi * float64(i) / float64(n)
		xs[i] = graphW/2 + graphW*0.35*math.Cos(a)
		ys[i] = graphH/2 + graphH*0.35*math.Sin(a)
		if nd.ID == center {
			xs[i], ys[i] = graphW/2, graphH/2
		}
		if nd.Mentions > maxMentions {
			maxMentions = nd.Mentions
		}
	}
	// Every edge of the asked-for entity is drawn; of the links between its
	// neighbours only the strongest, so the picture stays readable (and the
	// page fast); the API has them all.
	var own, side []claimgraph.GraphEdge
	for _, e := range g.Edges {
		if e.Source != center && e.Target != center {
			side = append(side, e)
		} else {
			own = append(own, e)
		}
	}
	sort.SliceStable(side, func(i, j int) bool { return side[i].Sources > side[j].Sources })
	if keep := max(0, maxDrawnEdges-len(own)); len(side) > keep {
		out.Hidden = len(side) - keep
		side = side[:keep]
	}
	// Edges of the asked-for entity are drawn last, on top.
	drawn := append(side, own...)
	radialLayout(g, center, idx, xs, ys)
	for i, nd := range g.Nodes {
		r := 6 + 14*math.Sqrt(float64(nd.Mentions)/float64(maxMentions))
		out.Nodes = append(out.Nodes, SVGNode{GraphNode: nd, X: round1(xs[i]), Y: round1(ys[i]), R: round1(r),
			Center: nd.ID == center, Label: shorten(nd.Name, 28)})
	}
	for _, e := range drawn {
		a, okA := idx[e.Source]
		b, okB := idx[e.Target]
		if !okA || !okB {
			continue
		}
		src := e.Sources
		if src < 1 {
			src = 1
		}
		out.Edges = append(out.Edges, SVGEdge{GraphEdge: e,
			X1: round1(xs[a]), Y1: round1(ys[a]), X2: round1(xs[b]), Y2: round1(ys[b]),
			MX: round1((xs[a] + xs[b]) / 2), MY: round1((ys[a] + ys[b]) / 2),
			Width:      round1(1 + 2.5*math.Log2(float64(src))),
			Href:       fmt.Sprintf("/edge?a=%d&b=%d", e.Source, e.Target),
			SourceName: g.Nodes[a].Name, TargetName: g.Nodes[b].Name,
			Peripheral: e.Source != center && e.Target != center,
		})
	}
	return out
}

// radialLayout sets xs, ys (indexed like g.Nodes).
func radialLayout(g *claimgraph.Graph, center int64, idx map[int64]int, xs, ys []float64) {
	cx, cy := graphW/2, graphH/2
	strength := map[int64]int{} // neighbour -> strongest link with the centre
	for _, e := range g.Edges {
		other := int64(0)
		switch center {
		case e.Source:
			other = e.Target
		case e.Target:
			other = e.Source
		}
		if other != 0 && other != center && e.Sources+1 > strength[other] {
			strength[other] = e.Sources + 1
		}
	}
	var ring []int64
	for _, n := range g.Nodes {
		if strength[n.ID] > 0 {
			ring = append(ring, n.ID)
		}
	}
	sort.SliceStable(ring, func(i, j int) bool { return strength[ring[i]] > strength[ring[j]] })
	angle := map[int64]float64{}
	// Strongest first, spread around the circle so that neighbours of
	// similar weight do not bunch up: place rank r at the r-th slot of a
	// stride coprime with the ring's size.
	m := len(ring)
	stride := 1
	if m > 4 {
		for stride = m/2 + 1; gcd(stride, m) != 1; stride++ {
		}
	}
	for r, id := range ring {
		slot := (r * stride) % max(m, 1)
		a := 2*math.Pi*float64(slot)/float64(max(m, 1)) - math.Pi/2
		angle[id] = a
		f := 0.62
		if slot%2 == 1 {
			f = 0.92
		}
		xs[idx[id]] = cx + (cx-100)*f*math.Cos(a)
		ys[idx[id]] = cy + (cy-40)*f*math.Sin(a)
	}
	// Entities two steps away: beside their strongest neighbour on the ring.
	children := map[int64]int{}
	outer := 0
	for i, n := range g.Nodes {
		if n.ID == center {
			xs[i], ys[i] = cx, cy
			continue
		}
		if _, ok := angle[n.ID]; ok {
			continue
		}
		var parent int64
		best := -1
		for _, e := range g.Edges {
			var o int64
			switch n.ID {
			case e.Source:
				o = e.Target
			case e.Target:
				o = e.Source
			default:
				continue
			}
			if _, ok := angle[o]; ok && e.Sources > best {
				parent, best = o, e.Sources
			}
		}
		a := 2 * math.Pi * float64(outer) / float64(max(len(g.Nodes)-m, 1))
		if parent != 0 {
			k := children[parent]
			children[parent]++
			a = angle[parent] + 0.09*float64((k+1)/2)*float64(1-2*(k%2))
		}
		outer++
		xs[i] = cx + (cx-70)*math.Cos(a)
		ys[i] = cy + (cy-22)*math.Sin(a)
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// shorten cuts s to at most n runes with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Timeline drawing.

// SVGTick is an axis label.
type SVGTick struct {
	X     float64
	Label string
}

// SVGDot is one timeline entry on the axis.
type SVGDot struct {
	X, Y  float64
	Kind  string
	Title string
	Href  string
}

// SVGTimeline is a timeline ready to draw.
type SVGTimeline struct {
	W, H  float64
	Axis  float64
	Ticks []SVGTick
	Dots  []SVGDot
	// Undated counts entries whose value is not a calendar date.
	Undated int
}

// yearOf turns a TIMEX3 date value into a fractional year: the middle of
// the period it names. ok is false for values that are not calendar dates.
func yearOf(v string) (float64, bool) {
	switch claimgraph.DatePrecision(v) {
	case "day":
		y, _ := strconv.Atoi(v[:4])
		m, _ := strconv.Atoi(v[5:7])
		d, _ := strconv.Atoi(v[8:10])
		return float64(y) + (float64(m-1)+float64(d-1)/31)/12, true
	case "month":
		y, _ := strconv.Atoi(v[:4])
		m, _ := strconv.Atoi(v[5:7])
		return float64(y) + (float64(m-1)+0.5)/12, true
	case "season", "year":
		y, _ := strconv.Atoi(v[:4])
		return float64(y) + 0.5, true
	case "decade":
		d, _ := strconv.Atoi(v)
		return float64(d*10) + 5, true
	}
	return 0, false
}

// layoutTimeline places entries on a time axis, stacking entries that fall
// close together.
func layoutTimeline(entries []claimgraph.TimelineEntry) SVGTimeline {
	t := SVGTimeline{W: 1000, Axis: 40}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range entries {
		if y, ok := yearOf(e.Value); ok {
			lo, hi = math.Min(lo, y), math.Max(hi, y)
		} else {
			t.Undated++
		}
	}
	if math.IsInf(lo, 1) {
		t.H = 60
		return t
	}
	lo, hi = math.Floor(lo), math.Floor(hi)+1
	span := hi - lo
	x := func(y float64) float64 { return round1(40 + (t.W-80)*(y-lo)/span) }
	step := 1.0
	for span/step > 12 {
		switch {
		case step < 5:
			step = 5
		default:
			step *= 2
		}
	}
	for y := math.Ceil(lo/step) * step; y <= hi; y += step {
		t.Ticks = append(t.Ticks, SVGTick{X: x(y), Label: strconv.Itoa(int(y))})
	}
	stack := map[int]int{}
	maxRow := 0
	for i, e := range entries {
		y, ok := yearOf(e.Value)
		if !ok {
			continue
		}
		px := x(y)
		bucket := int(px / 12)
		row := stack[bucket]
		stack[bucket]++
		if row > maxRow {
			maxRow = row
		}
		when := e.Value
		if r := claimgraph.ReadTimeValue(e.Value); r != "" {
			when += " (" + r + ")"
		}
		title := when + " · " + e.Kind + ": " + shorten(e.Evidence.Text, 120)
		t.Dots = append(t.Dots, SVGDot{X: px, Y: t.Axis + 16 + float64(row)*12, Kind: e.Kind, Title: title, Href: "#e-" + strconv.Itoa(i)})
	}
	t.H = t.Axis + 16 + float64(maxRow+1)*12 + 10
	return t
}

// kindsParam joins edge kinds for a URL.
func kindsParam(k []string) string { return strings.Join(k, ",") }

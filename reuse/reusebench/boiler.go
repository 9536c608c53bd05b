package reusebench

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/reuse"
)

// runBoilerplate scores site boilerplate learning at the line level: real
// documents are grouped into outlets of 40, and each page gets its outlet's
// navigation bar, a "Most viewed" list showing 5 of the outlet's 12 teasers
// (a window that moves every 4 pages, as sidebars change over days) and a
// footer. Gold lines are the added ones; every original paragraph is main
// text.
func runBoilerplate(origs []Doc, pl *pool, seed uint64) Score {
	r := rand.New(rand.NewPCG(seed, 99))
	const perOutlet, teasers, shown = 40, 12, 5
	order := r.Perm(len(origs))
	var correct, predicted, gold int
	for o := 0; (o+1)*perOutlet <= len(order) && o < 5; o++ {
		name := fmt.Sprintf("outlet%d.example", o)
		var list []string
		for range teasers {
			list = append(list, pl.sentence(r))
		}
		var docs []*claimgraph.Document
		isGold := map[string]map[int]bool{} // doc -> line start -> boilerplate
		for i, di := range order[o*perOutlet : (o+1)*perOutlet] {
			var lines []string
			var bp []bool
			add := func(s string, b bool) { lines = append(lines, s); bp = append(bp, b) }
			add(navLines[0], true)
			for _, para := range origs[di].Paras {
				add(strings.Join(para, " "), false)
			}
			add("Most viewed", true)
			for k := range shown {
				add(list[(i/4+k)%teasers], true)
			}
			add("© "+name+" — all rights reserved", true)
			id := fmt.Sprintf("%s/%d", name, i)
			isGold[id] = map[int]bool{}
			off := 0
			for k, l := range lines {
				if bp[k] {
					isGold[id][off] = true
					gold++
				}
				off += len(l) + 1
			}
			docs = append(docs, &claimgraph.Document{ID: id, Outlet: name, Text: strings.Join(lines, "\n")})
		}
		for _, m := range reuse.Boilerplate(docs, reuse.DefaultBoilerplateOptions()) {
			predicted++
			if isGold[m.Doc][m.Region.Start] {
				correct++
			}
		}
	}
	return score(correct, predicted, gold)
}

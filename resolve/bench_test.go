package resolve

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/internal/shareddata"
)

// sharedNames reads the PER, ORG and LOC entity spans of the Universal NER
// training file: real names to build benchmark collections from.
func sharedNames(b *testing.B) map[string][]string {
	path := shareddata.Path(b, "data/uner-english-ewt/en_ewt-ud-train.iob2")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	names := map[string][]string{}
	seen := map[string]bool{}
	var cur []string
	typ := ""
	flush := func() {
		if len(cur) > 0 {
			n := strings.Join(cur, " ")
			n = strings.ReplaceAll(n, " - ", "-")
			if !seen[typ+n] {
				seen[typ+n] = true
				names[typ] = append(names[typ], n)
			}
		}
		cur, typ = nil, ""
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || strings.HasPrefix(cols[0], "#") {
			flush()
			continue
		}
		label := cols[2]
		switch {
		case strings.HasPrefix(label, "B-"):
			flush()
			cur, typ = []string{cols[1]}, label[2:]
		case strings.HasPrefix(label, "I-") && typ == label[2:]:
			cur = append(cur, cols[1])
		default:
			flush()
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return names
}

// benchMentions builds n mentions in documents of 40: real names, people
// recombined (a given name of one, the family name of another) so that the
// number of distinct names grows with n, with surnames, acronyms and
// transliteration-style respellings mixed in as in news.
func benchMentions(b *testing.B, names map[string][]string, n int) []claimgraph.Mention {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	per, org, loc := names["PER"], names["ORG"], names["LOC"]
	var given, family []string
	for _, p := range per {
		w := strings.Fields(p)
		if len(w) >= 2 {
			given = append(given, w[0])
			family = append(family, w[len(w)-1])
		}
	}
	if len(given) == 0 || len(org) == 0 || len(loc) == 0 {
		b.Skip("no names in the shared data")
	}
	people := max(n/8, 100)
	zipf := func(k int) int { return int(float64(k) * rng.Float64() * rng.Float64() * rng.Float64()) }
	respell := strings.NewReplacer("ou", "u", "ee", "i", "e", "i")
	ms := make([]claimgraph.Mention, 0, n)
	for i := 0; len(ms) < n; i++ {
		doc := fmt.Sprintf("d%07d", i)
		for j := 0; j < 40 && len(ms) < n; j++ {
			m := claimgraph.Mention{Doc: doc, Chain: j, Kind: claimgraph.MentionName, Confidence: 0.9}
			switch r := rng.IntN(10); {
			case r < 5:
				u := rng.Float64()
				p := int(float64(people) * u * u) // many people, the first ones often
				name := given[p%len(given)] + " " + family[(p/len(given))%len(family)]
				switch rng.IntN(6) {
				case 0:
					name = family[(p/len(given))%len(family)]
				case 1:
					name = respell.Replace(name)
				}
				m.Type, m.Name = claimgraph.TypePER, name
			case r < 8:
				o := org[zipf(len(org))]
				if rng.IntN(4) == 0 {
					if a := Acronyms(o); len(a) > 0 {
						o = a[0]
						m.Kind = claimgraph.MentionAcronym
					}
				}
				m.Type, m.Name = claimgraph.TypeORG, o
			default:
				m.Type, m.Name = claimgraph.TypeLOC, loc[zipf(len(loc))]
			}
			m.Text = m.Name
			ms = append(ms, m)
		}
	}
	return ms
}

// BenchmarkResolve measures cross-document resolution at 10k, 100k and 1M
// mentions; ns/mention should stay near flat (n log n at worst).
func BenchmarkResolve(b *testing.B) {
	names := sharedNames(b)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		ms := benchMentions(b, names, n)
		b.Run(fmt.Sprintf("mentions=%d", n), func(b *testing.B) {
			var entities int
			cpu0 := cpuTime()
			for b.Loop() {
				entities = len(Resolve(ms, nil, nil).Entities)
			}
			// On a shared machine wall time says more about the neighbours
			// than about the code: report the process's CPU time too.
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/mention")
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/mention")
			b.ReportMetric(float64(entities), "entities")
		})
	}
}

// BenchmarkMentions measures within-document mention extraction on a
// document with hand-made entity spans.
func BenchmarkMentions(b *testing.B) {
	text := strings.Repeat(chainText+" ", 10)
	a := analysis(b, text,
		"PER:Ghorban Ali Tavakoli", "PER:Tavakoli", "LOC:Basra", "PER:Prime Minister Nouri al-Hakimi", "PER:Hakimi",
		"PER:Leila Tabari", "PER:Reza Tabari", "PER:Tabari", "PER:Faisal Haddad", "PER:Faisal", "ORG:Western Trade Council")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Mentions("d", text, a, nil)
	}
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

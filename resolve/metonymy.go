package resolve

import (
	"strings"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/nlp"
)

// teamSports maps words that mark a report on a team sport to the sport.
// Sports of single athletes (golf, athletics, tennis singles) have no teams
// named after places and are not listed.
var teamSports = map[string]string{
	"cricket": "cricket", "wicket": "cricket", "wickets": "cricket", "innings": "cricket", "batsman": "cricket", "bowling": "cricket", "lbw": "cricket",
	"soccer": "soccer", "football": "soccer", "halftime": "soccer", "striker": "soccer", "midfielder": "soccer", "goalkeeper": "soccer",
	"rugby": "rugby", "tries": "rugby", "scrum": "rugby", "fly-half": "rugby",
	"baseball": "baseball", "inning": "baseball", "pitcher": "baseball", "homer": "baseball", "homers": "baseball", "rbi": "baseball", "doubleheader": "baseball",
	"basketball": "basketball", "rebounds": "basketball",
	"hockey": "hockey", "nhl": "hockey",
	"touchdown": "american football", "nfl": "american football", "quarterback": "american football",
	"fed": "", "davis": "",
}

// sport returns the team sport a document reports on, or "": the sport
// whose marks are most frequent, with at least two of them (a mark in the
// headline counts twice) and the sport's name among them, else three.
// Words of other news ("goals", "penalty") are no marks.
func (d *docMentions) sport() string {
	count := map[string]int{}
	named := map[string]bool{} // the sport's name itself was written
	toks := d.a.Tokens
	headline := len(toks)
	if len(d.a.Sentences) > 0 {
		headline = d.a.Sentences[0].Limit
	}
	for i, t := range toks {
		l := strings.ToLower(t.Text)
		if s, ok := teamSports[l]; ok && s != "" {
			if l == s || l == "football" || l == "nfl" || l == "nhl" {
				named[s] = true
			}
			count[s]++
			if i < headline {
				count[s]++ // "BASEBALL - MAJOR LEAGUE STANDINGS": the headline says it
			}
		}
		// "Fed Cup", "Davis Cup": national tennis teams.
		if (l == "fed" || l == "davis") && i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "cup") {
			count["tennis"] += 2
			named["tennis"] = true
		}
	}
	best := ""
	for s, n := range count {
		if n > count[best] || n == count[best] && s < best {
			best = s
		}
	}
	// Marks shared with other news ("innings", "bowling") need company: the
	// sport's own name, or three marks.
	if count[best] < 2 || count[best] < 3 && !named[best] {
		return ""
	}
	return best
}

// metonymy renames the places of a sports report that stand for a team
// ("Australia won the toss", "Leeds 2 Chelsea 1") as that team, an
// organization apart from the place: "Australia (cricket team)". A place
// stays a place after a preposition ("in Chicago", "of Russia"), in
// parentheses after a name ("Hedblom (Sweden)", an affiliation), in a
// dateline, next to another place ("Northampton, England") and as the venue
// heading a line ("Leicester : Leicestershire beat Somerset").
func (d *docMentions) metonymy() {
	sport := d.sport()
	if sport == "" {
		return
	}
	toks := d.a.Tokens
	isLoc := map[int]bool{} // last and first tokens of place mentions
	for _, c := range d.ms {
		if c.m.Type == claimgraph.TypeLOC {
			isLoc[c.first] = true
			isLoc[c.limit-1] = true
		}
	}
	for _, c := range d.ms {
		if c.m.Type != claimgraph.TypeLOC || c.m.Kind == claimgraph.MentionDescription {
			continue
		}
		if c.first > 0 {
			p := strings.ToLower(toks[c.first-1].Text)
			if placePrepositions[p] || p == "(" || p == "," && c.first > 1 && isLoc[c.first-2] {
				continue
			}
		}
		if c.limit < len(toks) && toks[c.limit].Text == "," && c.limit+1 < len(toks) && isLoc[c.limit+1] {
			continue
		}
		// "Leicester : Leicestershire beat Somerset", "London ( The Oval )":
		// a venue heading a line of results.
		if c.limit < len(toks) && (toks[c.limit].Text == ":" || toks[c.limit].Text == "(") && c.first == d.sentenceOf(c.first).First {
			continue
		}
		if s := d.sentenceOf(c.first); dateline(toks[s.First:s.Limit]) {
			continue
		}
		c.m.Name = c.m.Name + " (" + sport + teamSuffix
		c.m.Type = claimgraph.TypeORG
		c.words = contentWords(c.m.Name)
		c.key = ExactKey(c.m.Name)
		c.acrDone, c.acronyms = true, nil
	}
}

// teamSuffix ends the names metonymy gives: "Australia (cricket team)".
const teamSuffix = " team)"

// teamBase returns a team's name without its sport, and whether it is one.
func teamBase(name string) (string, bool) {
	if !strings.HasSuffix(name, teamSuffix) {
		return name, false
	}
	i := strings.LastIndex(name, " (")
	if i < 0 {
		return name, false
	}
	return name[:i], true
}

// placePrepositions before a place make it the place, not its team.
var placePrepositions = map[string]bool{"in": true, "at": true, "near": true, "from": true, "of": true, "to": true, "into": true, "across": true, "outside": true, "inside": true, "around": true, "throughout": true, "via": true}

// dateline reports a line that is a place and a date: "LONDON 1996-08-30",
// "NICE , France 1996-08-30", no verb between.
func dateline(toks []nlp.Token) bool {
	if len(toks) > 8 {
		return false
	}
	date := false
	for _, t := range toks {
		switch {
		case strings.Count(t.Text, "-") == 2 || strings.Count(t.Text, "/") == 2:
			date = true
		case t.Text == ",", nameToken(t.Text):
		default:
			return false
		}
	}
	return date
}

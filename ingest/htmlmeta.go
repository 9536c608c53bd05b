package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what scanMeta finds in a page's tags.
type pageMeta struct {
	title     string
	date      string // ISO 8601
	dateField string // the tag it came from, e.g. "article:published_time"
	other     map[string]string
}

// dateFields are the tags that carry a publication date, most trusted first:
// an explicit published-time property beats a generic "date", which beats a
// <time> element somewhere in the page. Modification dates are not used.
var dateFields = []string{
	"article:published_time",
	"og:article:published_time",
	"og:published_time",
	"datepublished",
	"json-ld:datepublished",
	"parsely-pub-date",
	"sailthru.date",
	"pubdate",
	"publishdate",
	"publish-date",
	"publish_date",
	"publication_date",
	"article.published",
	"original-publish-date",
	"citation_publication_date",
	"dc.date.issued",
	"dcterms.issued",
	"dcterms.created",
	"dc.date",
	"dcterms.date",
	"date",
	"time:pubdate",
	"time",
}

// skipMeta are tags about the page's presentation, not its content.
var skipMeta = map[string]bool{
	"viewport": true, "theme-color": true, "robots": true, "googlebot": true,
	"format-detection": true, "msapplication-tilecolor": true, "referrer": true,
	"apple-mobile-web-app-capable": true, "csrf-token": true, "csrf-param": true,
}

// maxMetaTags bounds how many meta tags one page may add to Meta.
const maxMetaTags = 64

// scanMeta reads the page's <title>, <meta> tags, JSON-LD blocks and <time>
// elements, choosing the publication date by dateFields' order.
func scanMeta(root *html.Node) pageMeta {
	pm := pageMeta{other: map[string]string{}}
	dates := map[string]string{}
	seen := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if pm.title == "" {
					pm.title = strings.Join(strings.Fields(nodeText(n)), " ")
				}
			case atom.Meta:
				key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				if key == "" || val == "" {
					break
				}
				if d, ok := NormalizeDate(val); ok && dates[key] == "" {
					dates[key] = d
				}
				if !skipMeta[key] && seen < maxMetaTags {
					seen++
					addMeta(pm.other, "meta:"+key, val)
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					if d := jsonLDDate(nodeText(n)); d != "" && dates["json-ld:datepublished"] == "" {
						dates["json-ld:datepublished"] = d
					}
				}
				return
			case atom.Time:
				if d, ok := NormalizeDate(attr(n, "datetime")); ok {
					key := "time"
					if hasAttr(n, "pubdate") || strings.Contains(strings.ToLower(attr(n, "itemprop")), "datepublished") {
						key = "time:pubdate"
					}
					if dates[key] == "" {
						dates[key] = d
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, f := range dateFields {
		if d := dates[f]; d != "" {
			pm.date, pm.dateField = d, f
			break
		}
	}
	return pm
}

// jsonLDDate finds the first datePublished in a JSON-LD block, looking
// through @graph lists and nested objects.
func jsonLDDate(src string) string {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return ""
	}
	var find func(v any, depth int) string
	find = func(v any, depth int) string {
		if depth > 8 {
			return ""
		}
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok {
				if d, ok := NormalizeDate(s); ok {
					return d
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if d := find(x[k], depth+1); d != "" {
					return d
				}
			}
		case []any:
			for _, e := range x {
				if d := find(e, depth+1); d != "" {
					return d
				}
			}
		}
		return ""
	}
	return find(v, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(attr(n, k)); v != "" {
			return v
		}
	}
	return ""
}

// nodeText is the concatenated text of n's descendants.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

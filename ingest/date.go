package ingest

import (
	"strings"
	"time"
)

// isoLayouts are the ISO 8601 forms accepted as they are.
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02",
}

// otherLayouts are common non-ISO forms found in feeds, HTTP and WARC
// headers, each with the ISO form it is rewritten to (date only, local
// date-time, or date-time with its zone), so no precision is invented.
var otherLayouts = []struct{ in, out string }{
	{"2006-01-02 15:04:05Z07:00", time.RFC3339},
	{"2006-01-02 15:04:05", "2006-01-02T15:04:05"},
	{"2006-01-02 15:04", "2006-01-02T15:04"},
	{time.RFC1123Z, time.RFC3339},
	{time.RFC1123, time.RFC3339},
	{"Mon, 2 Jan 2006 15:04:05 -0700", time.RFC3339},
	{"Mon, 2 Jan 2006 15:04:05 MST", time.RFC3339},
	{time.RFC850, time.RFC3339},
	{time.ANSIC, "2006-01-02T15:04:05"},
	{"2 Jan 2006", "2006-01-02"},
	{"January 2, 2006", "2006-01-02"},
	{"Jan 2, 2006", "2006-01-02"},
	{"2006/01/02", "2006-01-02"},
	{"20060102", "2006-01-02"}, // ISO 8601 basic format
	{"20060102T150405Z0700", time.RFC3339},
	{"20060102T150405Z", time.RFC3339},
}

// NormalizeDate returns s as an ISO 8601 date or date-time, and whether it
// could be read. An ISO input is returned trimmed but otherwise unchanged, so
// its precision (date only, minutes, zone or none) is kept; other common
// forms are rewritten: a date alone as 2006-01-02, a date-time as RFC 3339.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	for _, l := range isoLayouts {
		if _, err := time.Parse(l, s); err == nil {
			return s, true
		}
	}
	for _, l := range otherLayouts {
		if t, err := time.Parse(l.in, s); err == nil {
			return t.Format(l.out), true
		}
	}
	return "", false
}

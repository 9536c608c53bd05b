package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Granularity of a reference date.
const (
	gNone = iota
	gYear
	gMonth
	gDay
)

// ref is a reference date (the creation time or the last date mentioned)
// known to some granularity.
type ref struct {
	y, m, d int
	g       int
}

func (r ref) time() time.Time { return time.Date(r.y, time.Month(r.m), r.d, 12, 0, 0, 0, time.UTC) }

// parseDCT reads an ISO 8601 date or date-time ("2015-02-15",
// "2015-02-15T10:00:00Z", "2015-02", "2015"); anything else gives gNone.
func parseDCT(s string) ref {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "T "); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	var r ref
	if len(parts) == 0 || len(parts[0]) != 4 {
		return ref{}
	}
	y, err := strconv.Atoi(parts[0])
	if err != nil || y < 1 {
		return ref{}
	}
	r.y, r.g = y, gYear
	if len(parts) > 1 {
		m, err := strconv.Atoi(parts[1])
		if err != nil || m < 1 || m > 12 {
			return r
		}
		r.m, r.g = m, gMonth
	}
	if len(parts) > 2 {
		d, err := strconv.Atoi(parts[2])
		if err != nil || d < 1 || d > daysIn(r.y, r.m) {
			return r
		}
		r.d, r.g = d, gDay
	}
	return r
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func validDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func fmtYear(y int) string             { return fmt.Sprintf("%04d", y) }
func fmtMonth(y, m int) string         { return fmt.Sprintf("%04d-%02d", y, m) }
func fmtDay(y, m, d int) string        { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }
func fmtTime(t time.Time) string       { return fmtDay(t.Year(), int(t.Month()), t.Day()) }
func fmtWeek(t time.Time) string       { y, w := t.ISOWeek(); return fmt.Sprintf("%04d-W%02d", y, w) }
func fmtSeason(y int, c string) string { return fmtYear(y) + "-" + c }

// addMonths moves a year and month by n months.
func addMonths(y, m, n int) (int, int) {
	k := y*12 + (m - 1) + n
	return k / 12, k%12 + 1
}

// shift returns the value of the reference date moved by n units, at the
// granularity of the unit ("last month" is a month, "two days ago" a day).
// It returns "" when the reference is too coarse.
func shift(r ref, u string, n int) string {
	switch u {
	case "day", "night":
		if r.g < gDay {
			return ""
		}
		return fmtTime(r.time().AddDate(0, 0, n))
	case "week", "fortnight":
		if r.g < gDay {
			return ""
		}
		if u == "fortnight" {
			n *= 2
		}
		return fmtWeek(r.time().AddDate(0, 0, 7*n))
	case "weekend":
		if r.g < gDay {
			return ""
		}
		return fmtWeek(r.time().AddDate(0, 0, 7*n)) + "-WE"
	case "month":
		if r.g < gMonth {
			return ""
		}
		y, m := addMonths(r.y, r.m, n)
		return fmtMonth(y, m)
	case "quarter":
		if r.g < gMonth {
			return ""
		}
		y, m := addMonths(r.y, r.m, 3*n)
		return fmt.Sprintf("%04d-Q%d", y, (m-1)/3+1)
	case "year":
		if r.g < gYear {
			return ""
		}
		return fmtYear(r.y + n)
	case "decade":
		if r.g < gYear {
			return ""
		}
		return fmt.Sprintf("%03d", r.y/10+n)
	case "century":
		if r.g < gYear {
			return ""
		}
		return fmt.Sprintf("%02d", r.y/100+n)
	}
	return ""
}

// Direction of an expression that names a point in a cycle ("June",
// "Wednesday") without saying which one.
const (
	dirNearest = iota // the closest occurrence
	dirPast           // the last occurrence on or before the reference
	dirFuture         // the next occurrence on or after the reference
	dirBefore         // strictly before ("last June")
	dirAfter          // strictly after ("next June")
)

// resolveMonth returns the year of the month m relative to r in direction dir.
func resolveMonth(r ref, m, dir int) (int, bool) {
	if r.g < gYear {
		return 0, false
	}
	if r.g < gMonth {
		if dir == dirNearest || dir == dirPast || dir == dirFuture {
			return r.y, true
		}
		return 0, false
	}
	switch dir {
	case dirPast:
		if m <= r.m {
			return r.y, true
		}
		return r.y - 1, true
	case dirBefore:
		if m < r.m {
			return r.y, true
		}
		return r.y - 1, true
	case dirFuture:
		if m >= r.m {
			return r.y, true
		}
		return r.y + 1, true
	case dirAfter:
		if m > r.m {
			return r.y, true
		}
		return r.y + 1, true
	}
	// Nearest: the same year unless the month is more than six months away.
	switch d := m - r.m; {
	case d > 6:
		return r.y - 1, true
	case d < -6:
		return r.y + 1, true
	}
	return r.y, true
}

// resolveMonthDay returns the date of month m, day d relative to r.
func resolveMonthDay(r ref, m, d, dir int) (string, bool) {
	if r.g < gDay {
		if r.g == gYear || r.g == gMonth {
			y, ok := resolveMonth(r, m, dir)
			if ok && validDate(y, m, d) {
				return fmtDay(y, m, d), true
			}
		}
		return "", false
	}
	cand := func(y int) (time.Time, bool) {
		if !validDate(y, m, d) {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC), true
	}
	rt := r.time()
	best, found := time.Time{}, false
	bestDist := time.Duration(1<<63 - 1)
	for y := r.y - 1; y <= r.y+1; y++ {
		t, ok := cand(y)
		if !ok {
			continue
		}
		diff := t.Sub(rt)
		okDir := true
		switch dir {
		case dirPast:
			okDir = diff <= 0
		case dirBefore:
			okDir = diff < 0
		case dirFuture:
			okDir = diff >= 0
		case dirAfter:
			okDir = diff > 0
		}
		if !okDir {
			continue
		}
		if diff < 0 {
			diff = -diff
		}
		if diff < bestDist {
			best, bestDist, found = t, diff, true
		}
	}
	if !found {
		return "", false
	}
	return fmtTime(best), true
}

// resolveWeekday returns the date of weekday wd (1 Monday .. 7 Sunday)
// relative to r.
func resolveWeekday(r ref, wd, dir int) (string, bool) {
	if r.g < gDay {
		return "", false
	}
	t := r.time()
	cur := int(t.Weekday())
	if cur == 0 {
		cur = 7
	}
	back := (cur - wd + 7) % 7 // days back to the last such weekday, 0 when today
	fwd := (wd - cur + 7) % 7
	var off int
	switch dir {
	case dirPast:
		off = -back
	case dirBefore:
		off = -back
		if back == 0 {
			off = -7
		}
	case dirFuture:
		off = fwd
	case dirAfter:
		off = fwd
		if fwd == 0 {
			off = 7
		}
	default:
		if back <= fwd {
			off = -back
		} else {
			off = fwd
		}
	}
	return fmtTime(t.AddDate(0, 0, off)), true
}

// resolveSeason returns the value of season code index s relative to r.
func resolveSeason(r ref, s, dir int) (string, bool) {
	if r.g < gYear {
		return "", false
	}
	if r.g < gMonth {
		if dir == dirNearest || dir == dirPast || dir == dirFuture {
			return fmtSeason(r.y, seasonCodes[s]), true
		}
		return "", false
	}
	// The season of the reference month, and the year it belongs to.
	cs, sy := (r.m%12)/3, r.y
	if r.m == 12 {
		sy++
	}
	y := sy
	switch dir {
	case dirBefore:
		if s >= cs {
			y--
		}
	case dirPast:
		if s > cs {
			y--
		}
	case dirAfter:
		if s <= cs {
			y++
		}
	case dirFuture:
		if s < cs {
			y++
		}
	}
	return fmtSeason(y, seasonCodes[s]), true
}

// durationValue writes a TIMEX3 duration of n units ("P40D", "PT3H",
// "P2.5Y"); q < 0 writes an underspecified amount ("PXY").
func durationValue(u unit, n float64, vague bool) string {
	code, mult := u.code, 1.0
	switch {
	case u.years > 1:
		code, mult = "Y", float64(u.years)
	case u.name == "fortnight":
		code, mult = "W", 2
	case u.name == "weekend" || u.name == "night":
		code = "D"
		if u.name == "weekend" {
			mult = 2
		}
	}
	amount := "X"
	if !vague {
		amount = strconv.FormatFloat(n*mult, 'f', -1, 64)
	}
	switch code {
	case "H", "S":
		return "PT" + amount + code
	case "MIN":
		return "PT" + amount + "M"
	}
	return "P" + amount + code
}

package claimgraph

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ReadTimeValue returns a person's reading of a TIMEX3 value ("197" → "the
// 1970s", "2015-FA" → "fall 2015", "2015-11-15TNI" → "the night of 15 Nov
// 2015", "2015-W47" → "week of 16 Nov 2015", "P40D" → "40 days"), or "" when
// the value reads as it is (a bare year) or is not understood. Interfaces
// show it next to the value; JSON keeps the value alone.
func ReadTimeValue(v string) string {
	switch v {
	case "", "XXXX":
		return ""
	case "PRESENT_REF":
		return "now"
	case "PAST_REF":
		return "the past"
	case "FUTURE_REF":
		return "the future"
	}
	if strings.HasPrefix(v, "P") {
		return readDuration(v)
	}
	if strings.HasPrefix(v, "FY") && len(v) == 6 && isDigits(v[2:]) {
		return "fiscal year " + v[2:]
	}
	date, tod, _ := strings.Cut(v, "T")
	var out string
	switch {
	case len(date) == 2 && isDigits(date):
		n, _ := strconv.Atoi(date)
		return "the " + ordinal(n+1) + " century"
	case len(date) == 3 && isDigits(date):
		return "the " + date + "0s"
	case len(date) == 4 && isDigits(date):
		out = date
	case len(date) == 4 && date == "XXXX":
		out = ""
	case len(date) > 5 && date[4] == '-' && (isDigits(date[:4]) || date[:4] == "XXXX"):
		out = readDatePart(date[:4], date[5:])
		if out == "" {
			return ""
		}
	default:
		return ""
	}
	if tod != "" {
		out = readTimeOfDay(tod, out)
	}
	if out == v {
		return ""
	}
	return out
}

// readDatePart reads what follows "YYYY-" in a date value.
func readDatePart(year, rest string) string {
	known := year != "XXXX"
	yr := func(s string) string {
		if known {
			return s + " " + year
		}
		return s + " (year unknown)"
	}
	switch rest {
	case "SP":
		return yr("spring")
	case "SU":
		return yr("summer")
	case "FA":
		return yr("fall")
	case "WI":
		return yr("winter")
	case "Q1", "Q2", "Q3", "Q4":
		return yr([]string{"first", "second", "third", "fourth"}[rest[1]-'1'] + " quarter of")
	case "H1", "H2":
		return yr([]string{"first", "second"}[rest[1]-'1'] + " half of")
	}
	if strings.HasPrefix(rest, "W") {
		week, weekend := strings.CutSuffix(rest[1:], "-WE")
		n, err := strconv.Atoi(week)
		if err != nil || n < 1 || n > 53 || !known {
			return ""
		}
		y, _ := strconv.Atoi(year)
		monday := isoWeekMonday(y, n)
		if weekend {
			return "the weekend of " + monday.AddDate(0, 0, 5).Format("2 Jan 2006")
		}
		return "week of " + monday.Format("2 Jan 2006")
	}
	if len(rest) == 2 && isDigits(rest) {
		m, _ := strconv.Atoi(rest)
		if m < 1 || m > 12 {
			return ""
		}
		return yr(time.Month(m).String()[:3])
	}
	if len(rest) == 5 && rest[2] == '-' && isDigits(rest[:2]) && isDigits(rest[3:]) {
		m, _ := strconv.Atoi(rest[:2])
		d, _ := strconv.Atoi(rest[3:])
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return ""
		}
		if !known {
			return fmt.Sprintf("%d %s (year unknown)", d, time.Month(m).String()[:3])
		}
		return fmt.Sprintf("%d %s %s", d, time.Month(m).String()[:3], year)
	}
	return ""
}

// isoWeekMonday returns the Monday of ISO week n of year y.
func isoWeekMonday(y, n int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := (int(jan4.Weekday()) + 6) % 7 // Monday 0
	return jan4.AddDate(0, 0, -wd+7*(n-1))
}

// readTimeOfDay reads the part after "T" of a value dated day.
func readTimeOfDay(tod, day string) string {
	parts := map[string]string{"MO": "the morning of ", "AF": "the afternoon of ", "EV": "the evening of ", "NI": "the night of ", "DT": "the day of "}
	if p, ok := parts[tod]; ok {
		return p + day
	}
	if len(tod) >= 5 && tod[2] == ':' && isDigits(tod[:2]) && isDigits(tod[3:5]) {
		return day + ", " + tod[:5]
	}
	if len(tod) == 2 && isDigits(tod) {
		return day + ", " + tod + ":00"
	}
	return day
}

// readDuration reads an ISO 8601 duration value ("P3D", "PT5H", "P2Y6M").
func readDuration(v string) string {
	units := map[byte][2]string{'Y': {"year", "years"}, 'M': {"month", "months"}, 'W': {"week", "weeks"}, 'D': {"day", "days"},
		'H': {"hour", "hours"}, 'S': {"second", "seconds"}}
	minute := [2]string{"minute", "minutes"}
	decade := map[string][2]string{"DE": {"decade", "decades"}, "CE": {"century", "centuries"}}
	var out []string
	inTime := false
	num := ""
	for i := 1; i < len(v); i++ {
		c := v[i]
		switch {
		case c == 'T':
			inTime = true
		case c >= '0' && c <= '9' || c == '.' || c == 'X':
			num += string(c)
		default:
			if num == "" {
				return ""
			}
			if i+1 < len(v) {
				if u, ok := decade[v[i:i+2]]; ok {
					out = append(out, count(num, u))
					num, i = "", i+1
					continue
				}
			}
			u, ok := units[c]
			if c == 'M' && inTime {
				u, ok = minute, true
			}
			if !ok {
				return ""
			}
			out = append(out, count(num, u))
			num = ""
		}
	}
	if num != "" || len(out) == 0 {
		return ""
	}
	return strings.Join(out, " ")
}

func count(num string, unit [2]string) string {
	switch num {
	case "X":
		return "some " + unit[1]
	case "1":
		return "1 " + unit[0]
	}
	return num + " " + unit[1]
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

package claimgraph

// TIMEX3 types.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// TimeExpr is a time expression in a document with its TIMEX3 value.
type TimeExpr struct {
	ID    int64  `json:"id,omitempty"`
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"` // DATE, TIME, DURATION, SET
	// Value is the TIMEX3 value ("2013-09-11", "2011-12", "197", "P40D",
	// "PRESENT_REF"); "" when it depends on an unknown creation time.
	Value string `json:"value"`
	// Relative is true when the value depends on the document creation time
	// ("last June"), so it is recomputed when the date is set.
	Relative bool   `json:"relative"`
	Anchor   string `json:"anchor,omitempty"` // the creation time used, "" when none
	Mod      string `json:"mod,omitempty"`    // TIMEX3 mod: EARLY, MID, LATE, APPROX, MORE_THAN, ...
	// Rule names the recognizer rule, for inspection.
	Rule string `json:"rule,omitempty"`
}

// Precision of a TIMEX3 date value: "day", "month", "year", "decade",
// "century", or "" when it is not a calendar date.
func (t TimeExpr) Precision() string { return DatePrecision(t.Value) }

// DatePrecision returns the granularity of a TIMEX3 date value.
func DatePrecision(v string) string {
	if len(v) >= 4 && isDigits(v[:4]) {
		switch {
		case len(v) >= 10 && v[4] == '-' && v[7] == '-':
			return "day"
		case len(v) >= 7 && v[4] == '-' && isDigits(v[5:7]):
			return "month"
		case len(v) >= 6 && v[4] == '-' && v[5] == 'W':
			return "week"
		case len(v) >= 6 && v[4] == '-' && v[5] == 'Q':
			return "quarter"
		case len(v) >= 6 && v[4] == '-' && v[5] == 'H':
			return "half-year"
		case len(v) >= 7 && v[4] == '-':
			return "season"
		default:
			return "year"
		}
	}
	switch {
	case len(v) >= 6 && v[:2] == "FY" && isDigits(v[2:6]):
		return "year"
	case len(v) == 3 && isDigits(v):
		return "decade"
	case len(v) == 2 && isDigits(v):
		return "century"
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

package claimgraph

import "testing"

func TestReadTimeValue(t *testing.T) {
	for _, c := range []struct{ v, want string }{
		{"197", "the 1970s"},
		{"19", "the 20th century"},
		{"20", "the 21st century"},
		{"2015", ""},
		{"2015-FA", "fall 2015"},
		{"2015-SP", "spring 2015"},
		{"2015-11-15TNI", "the night of 15 Nov 2015"},
		{"2015-11-15TMO", "the morning of 15 Nov 2015"},
		{"2015-11-15T14:30", "15 Nov 2015, 14:30"},
		{"2015-W47", "week of 16 Nov 2015"},
		{"2015-W01", "week of 29 Dec 2014"},
		{"2015-W47-WE", "the weekend of 21 Nov 2015"},
		{"2015-11", "Nov 2015"},
		{"2015-11-15", "15 Nov 2015"},
		{"XXXX-11-15", "15 Nov (year unknown)"},
		{"2015-Q3", "third quarter of 2015"},
		{"2015-H1", "first half of 2015"},
		{"FY2016", "fiscal year 2016"},
		{"PRESENT_REF", "now"},
		{"PAST_REF", "the past"},
		{"P40D", "40 days"},
		{"P1Y", "1 year"},
		{"PT5H", "5 hours"},
		{"PT30M", "30 minutes"},
		{"P2Y6M", "2 years 6 months"},
		{"PXY", "some years"},
		{"P2DE", "2 decades"},
		{"2015-13", ""},
		{"2015-W99", ""},
		{"garbage", ""},
		{"", ""},
		{"P", ""},
	} {
		if got := ReadTimeValue(c.v); got != c.want {
			t.Errorf("ReadTimeValue(%q) = %q, want %q", c.v, got, c.want)
		}
	}
}

func FuzzReadTimeValue(f *testing.F) {
	for _, s := range []string{"197", "2015-W47-WE", "2015-11-15TNI", "P2Y6M", "XXXX-WXX-1", "PT1.5H"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		ReadTimeValue(v) // never panics
	})
}

package claimgraph

import "testing"

func TestDatePrecision(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"2013-09-11", "day"}, {"2013-09-11T15:00", "day"}, {"2011-12", "month"}, {"2015-W08", "week"},
		{"2014-Q1", "quarter"}, {"2014-H2", "half-year"}, {"2014-SU", "season"}, {"1986", "year"},
		{"1980/1988", "year"}, {"FY2008", "year"}, {"197", "decade"}, {"19", "century"},
		{"P40D", ""}, {"PRESENT_REF", ""}, {"", ""}, {"XXXX-06", ""},
	} {
		if got := DatePrecision(tt.value); got != tt.want {
			t.Errorf("DatePrecision(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}

func TestDocumentIDIgnoresSpacingAndBOM(t *testing.T) {
	a := DocumentID("\ufeffThe council met.\r\n\r\nIt voted.")
	b := DocumentID("The council  met.\n\nIt voted.\n")
	if a != b || len(a) != 16 {
		t.Errorf("ids %s and %s differ", a, b)
	}
	if DocumentID("The council met.") == DocumentID("The council met!") {
		t.Errorf("different texts share an id")
	}
}

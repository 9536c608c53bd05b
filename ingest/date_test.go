package ingest

import "testing"

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2014-06-10", "2014-06-10", true},
		{" 2014-06-10T08:30:00Z ", "2014-06-10T08:30:00Z", true},
		{"2014-06-10T08:30:00+04:30", "2014-06-10T08:30:00+04:30", true},
		{"2014-06-10T08:30:00.123Z", "2014-06-10T08:30:00.123Z", true},
		{"2014-06-10T08:30", "2014-06-10T08:30", true},
		{"2014-06-10 08:30:00", "2014-06-10T08:30:00", true},
		{"Tue, 10 Jun 2014 08:30:00 GMT", "2014-06-10T08:30:00Z", true},
		{"Tue, 10 Jun 2014 08:30:00 +0200", "2014-06-10T08:30:00+02:00", true},
		{"June 10, 2014", "2014-06-10", true},
		{"10 Jun 2014", "2014-06-10", true},
		{"2014/06/10", "2014-06-10", true},
		{"2014-13-10", "", false},
		{"last June", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := NormalizeDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

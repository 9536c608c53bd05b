package nlp

import "testing"

func TestIsNameWord(t *testing.T) {
	for _, tt := range []struct {
		tok  string
		want bool
	}{
		{"Mojahedin-e", true}, {"MKO", true}, {"Al-Masalah", true}, {"al-Maliki", true}, {"bin-Laden", true},
		{"al-", false}, {"al-qaeda", false}, {"said", false}, {"1986", false}, {"", false}, {"ÉTA", true}, {"U.S.", true}, {"-", false},
	} {
		if got := IsNameWord(tt.tok); got != tt.want {
			t.Errorf("IsNameWord(%q) = %v, want %v", tt.tok, got, tt.want)
		}
	}
}

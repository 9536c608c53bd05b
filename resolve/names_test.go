package resolve

import (
	"slices"
	"testing"
)

func TestExactKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Nouri al-Maliki's", "nouri al maliki"},
		{"NOURI AL-MALIKI", "nouri al maliki"},
		{"Mojahedin-e Khalq", "mojahedin e khalq"},
		{"Ségolène  Royal", "segolene royal"},
		{"U.S.", "u s"},
		{"Jones’", "jones"},
	} {
		if got := ExactKey(c.in); got != c.want {
			t.Errorf("ExactKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTranslitKey(t *testing.T) {
	same := [][2]string{
		{"Nouri al-Maliki", "Nuri al-Maliki"},
		{"Nouri al-Maliki", "Nouri el-Maliki"},
		{"Estekhbarat", "Istekhbarat"},
		{"Mohammad Javad", "Mohammed Javad"},
		{"Mojahedin-e Khalq Organization", "Mujahedin Khalq Organization"},
		{"Mojahedine-E Khalq", "Mujahideen-e Khalq"},
		{"Hosseinnejad", "Hoseinejad"},
	}
	for _, c := range same {
		a, b := TranslitKey(c[0]), TranslitKey(c[1])
		if a != b {
			t.Errorf("TranslitKey(%q) = %q, TranslitKey(%q) = %q: want equal", c[0], a, c[1], b)
		}
		if !translitTrusted(a) {
			t.Errorf("key %q of %q not trusted", a, c[0])
		}
	}
	differ := [][2]string{{"Iran", "Iraq"}, {"Maryam Rajavi", "Massoud Rajavi"}, {"Austria", "Australia"}}
	for _, c := range differ {
		if a, b := TranslitKey(c[0]), TranslitKey(c[1]); a == b {
			t.Errorf("TranslitKey(%q) == TranslitKey(%q) == %q", c[0], c[1], a)
		}
	}
	for _, short := range []string{"Iran", "Oran", "Carter", "Ali"} {
		if translitTrusted(TranslitKey(short)) {
			t.Errorf("short name %q has a trusted transliteration key %q", short, TranslitKey(short))
		}
	}
}

func TestAcronyms(t *testing.T) {
	for _, c := range []struct {
		name, acr string
		want      bool
	}{
		{"Mujahedin Khalq Organization", "MKO", true},
		{"Mojahedin-e Khalq Organization", "MKO", true},
		{"Islamic State of Iraq and Syria", "ISIS", true},
		{"Islamic State in Iraq and the Levant", "ISIL", true},
		{"European Aeronautic Defence and Space Company", "EADS", true},
		{"United Nations", "UN", true},
		{"United Nations", "US", false},
		{"Intelligence Service of Iran", "SAVAK", false},
		{"Iran", "I", false},
	} {
		got := slices.Contains(Acronyms(c.name), c.acr)
		if got != c.want {
			t.Errorf("Acronyms(%q) = %v; contains %s = %v, want %v", c.name, Acronyms(c.name), c.acr, got, c.want)
		}
	}
}

func TestIsAcronym(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"MKO", true}, {"PMOI", true}, {"U.S.", true}, {"F.B.I.", true}, {"B52", false}, {"II", false},
		{"A", false}, {"Iran", false}, {"NATO", true}, {"ISIL's", false}, {"iPhone", false},
	} {
		if got := IsAcronym(c.in); got != c.want {
			t.Errorf("IsAcronym(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestNameStart(t *testing.T) {
	for _, c := range []struct {
		words  []string
		person bool
		want   int
	}{
		{[]string{"Iraqi", "Prime", "Minister", "Nouri", "al-Maliki"}, true, 3},
		{[]string{"former", "dictator", "Saddam", "Hussein"}, true, 2},
		{[]string{"President"}, true, 0},
		{[]string{"the", "MKO"}, false, 1},
		{[]string{"so-called", "Islamic", "State"}, false, 1},
		{[]string{"Prime", "Bank"}, false, 0},
	} {
		if got := nameStart(c.words, c.person); got != c.want {
			t.Errorf("nameStart(%q, %v) = %d, want %d", c.words, c.person, got, c.want)
		}
	}
}

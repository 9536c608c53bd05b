package nlp

import (
	"strings"
	"testing"
)

// TestCampsAndForts: "Camp" or "Fort" and the capitalized name after it are
// one place, whatever the model reads the name as; an agreement named
// after a camp is none, and a camp's name glued to more capitals is left
// to the model.
func TestCampsAndForts(t *testing.T) {
	tests := []struct {
		text string
		want []string // "TYPE text" of the places wanted
		not  []string // entity texts that must not be found
	}{
		{"The refugees were moved from Camp Ashraf to Camp Liberty last year.", []string{"LOC Camp Ashraf", "LOC Camp Liberty"}, []string{"Ashraf", "Liberty"}},
		{"Soldiers returned to Fort Bragg on Sunday after the exercise.", []string{"LOC Fort Bragg"}, nil},
		{"Guards at Camp Nadira Hosseini said the gates were shut.", []string{"LOC Camp Nadira Hosseini"}, []string{"Nadira Hosseini"}},
		{"Leaders praised the Camp David Accords at the dinner.", nil, []string{"Camp David Accords", "Camp David"}},
		{"The scouts set up camp near the river.", nil, nil},
	}
	for _, tt := range tests {
		a := Default().Analyze(tt.text)
		got := map[string]bool{}
		texts := map[string]bool{}
		for _, e := range a.Entities {
			got[e.Type+" "+e.Text] = true
			texts[e.Text] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: want %s; got %v", tt.text, w, got)
			}
		}
		for _, w := range tt.not {
			if texts[w] {
				t.Errorf("%q: %q found; got %v", tt.text, w, got)
			}
		}
		for k := range got {
			if strings.HasSuffix(k, " camp") {
				t.Errorf("%q: common noun found: %s", tt.text, k)
			}
		}
	}
}

// TestBracketedOrganizations: a foreign one-word name the text calls an
// organization in brackets, or gives in brackets as an organization's other
// name, is an organization.
func TestBracketedOrganizations(t *testing.T) {
	tests := []struct {
		text string
		name string
	}{
		{"Agents of Kazakhstan's Dzhardemov (former secret service) watched the border.", "Dzhardemov"},
		{"The Committee for State Security of Belarus (Tarkhanov) arrested several leaders.", "Tarkhanov"},
		{"Shares of Halvorsen (the shipping group) rose on Monday.", "Halvorsen"},
	}
	// The rules under test, after the first recognizer alone: the
	// agreeing one (ner-agree.gz) does not find Dzhardemov at all, so the
	// embedded pair drops it (a recall cost of the agreement, see
	// TestAgreementKeepsSharedNames).
	p := firstRecognizer()
	for _, tt := range tests {
		a := p.Analyze(tt.text)
		found := false
		for _, e := range a.Entities {
			if e.Text == tt.name {
				found = true
				if e.Type != "ORG" {
					t.Errorf("%q: %s typed %s, want ORG", tt.text, tt.name, e.Type)
				}
			}
		}
		if !found {
			t.Errorf("%q: %s not found; entities %v", tt.text, tt.name, a.Entities)
		}
	}
	// The other name stays an organization in the rest of the text.
	a0 := Default().Analyze("The Committee for State Security of Belarus (Tarkhanov) arrested several leaders. " +
		"Before the war, Tarkhanov released a number of prisoners including Ivan Petrov.")
	n := 0
	for _, e := range a0.Entities {
		if e.Text == "Tarkhanov" {
			n++
			if e.Type != "ORG" {
				t.Errorf("Tarkhanov at %d typed %s, want ORG", e.Start, e.Type)
			}
		}
	}
	if n != 2 {
		t.Errorf("Tarkhanov found %d times, want 2; entities %v", n, a0.Entities)
	}
	// A person's description in brackets does not make them one.
	a := Default().Analyze("Nadira Hosseini (a former minister) spoke on Monday.")
	for _, e := range a.Entities {
		if e.Text == "Nadira Hosseini" && e.Type != "PER" {
			t.Errorf("Nadira Hosseini typed %s, want PER", e.Type)
		}
	}
}

// TestAddressStreetsAreNoNames: a street after a house number is part of a
// postal address; the town after it is still a place.
func TestAddressStreetsAreNoNames(t *testing.T) {
	a := Default().Analyze("We moved to 455 Michigan Avenue last year. He lives at 12 Baker Road, London. " +
		"The hotel is at 1000 Hilton Ave NW Washington.")
	for _, e := range a.Entities {
		if strings.Contains(e.Text, "Avenue") || strings.Contains(e.Text, "Road") || strings.Contains(e.Text, "Ave") {
			t.Errorf("street of an address found as %s %q", e.Type, e.Text)
		}
	}
	found := map[string]bool{}
	for _, e := range a.Entities {
		found[e.Text] = true
	}
	for _, w := range []string{"London", "Washington"} {
		if !found[w] {
			t.Errorf("%s not found; entities %v", w, a.Entities)
		}
	}
	for _, tt := range []struct {
		w    string
		want bool
	}{{"70", true}, {"221B", true}, {"1400", true}, {"1996-08-30", false}, {"1234567", false}, {"B12", false}, {"", false}} {
		if got := houseNumber(tt.w); got != tt.want {
			t.Errorf("houseNumber(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestOrganizationsWithPrepositions: long organization names with "to" and
// a capitalized verb after a head word, or a capitalized preposition after
// a plural noun, are one organization.
func TestOrganizationsWithPrepositions(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"The Committee to Protect Journalists said three reporters were held.", "Committee to Protect Journalists"},
		{"The Coalition to Save the Harbour sued the city.", "Coalition to Save the Harbour"},
		{"Reporters Without Borders condemned the arrest on Monday.", "Reporters Without Borders"},
		{"On Monday, Engineers Without Frontiers opened a school in Lagos.", "Engineers Without Frontiers"},
	} {
		a := Default().Analyze(tt.text)
		ok := false
		for _, e := range a.Entities {
			ok = ok || (e.Text == tt.want && e.Type == "ORG")
		}
		if !ok {
			t.Errorf("%q: want ORG %q; entities %v", tt.text, tt.want, a.Entities)
		}
	}
	// "to" before a lower-case verb ends the name.
	a := Default().Analyze("The Security Council voted to extend the mission.")
	for _, e := range a.Entities {
		if strings.Contains(e.Text, " to") {
			t.Errorf("%q found", e.Text)
		}
	}
}

// TestDefinedOrganizations: a sentence that defines the name it opens with
// as an organization makes that whole name one; a person described with an
// organization's noun inside a longer phrase stays a person.
func TestDefinedOrganizations(t *testing.T) {
	for _, tt := range []struct{ text, want, typ string }{
		{"Fedayan-e Tarkhan of Belarus is a political organization that seeks the overthrow of the government.", "Fedayan-e Tarkhan of Belarus", "ORG"},
		{"The Dzhardemov Front was an armed group in the east of the country.", "Dzhardemov Front", "ORG"},
		{"Anna Kowalski is a party leader in Gdansk.", "Anna Kowalski", "PER"},
	} {
		wantEntity(t, tt.text, tt.want, tt.typ)
	}
}

// wantEntity reports an error unless the default pipeline finds want, of
// type typ, in text.
func wantEntity(t *testing.T, text, want, typ string) {
	t.Helper()
	a := Default().Analyze(text)
	for _, e := range a.Entities {
		if e.Text == want && e.Type == typ {
			return
		}
	}
	t.Errorf("%q: want %s %q; entities %v", text, typ, want, a.Entities)
}

// A state's formal name, capitalized, is one place with its country ("the
// Republic of Iraq"); a form of state in lower case is a description and
// stays outside ("the emirate of Kuwait"). A ruler's epithet is part of
// their name ("Alexander the Great").
func TestStateFormsAndEpithets(t *testing.T) {
	for _, tt := range []struct{ text, want, typ string }{
		{"Prince Albert rules the Principality of Monaco.", "Principality of Monaco", "LOC"}, // the models: "Monaco"
		{"Officials of the Republic of Iraq met the envoys on Monday.", "Republic of Iraq", "LOC"},
		{"Troops from the neighbouring emirate of Kuwait crossed the border.", "Kuwait", "LOC"},
		{"a statue of Alexander the Great stands in the square", "Alexander the Great", "PER"}, // the models: "Alexander"
		{"The life of Ivan the Terrible was filmed in 1944.", "Ivan the Terrible", "PER"},
		// A nationality before a noun describes the person: not an epithet.
		{"Angela Merkel the German chancellor met the president in Paris.", "Angela Merkel", "PER"},
		{"Vladimir Putin the Russian leader said on Monday that talks would go on.", "Vladimir Putin", "PER"},
	} {
		wantEntity(t, tt.text, tt.want, tt.typ)
	}
}

// TestDoctrinesAreNoPersons: a faith's or a doctrine's name ("-ism",
// "-ology") is no person, though the models type such rare words PER; the
// people beside it stay.
func TestDoctrinesAreNoPersons(t *testing.T) {
	for _, tt := range []struct{ text, word, person string }{
		{"Critics of Scientology protested outside the hall on Sunday.", "Scientology", ""},
		{"Leaders of Mormonism met Dallin Oaks in Utah.", "Mormonism", "Dallin Oaks"},
		{"Former members said Scientology had harassed them, Marta Lind told reporters.", "Scientology", "Marta Lind"},
	} {
		a := Default().Analyze(tt.text)
		found := false
		for _, e := range a.Entities {
			if e.Text == tt.word && e.Type == "PER" {
				t.Errorf("%q: %s typed a person", tt.text, tt.word)
			}
			found = found || e.Text == tt.person && e.Type == "PER"
		}
		if tt.person != "" && !found {
			t.Errorf("%q: person %s not found: %v", tt.text, tt.person, a.Entities)
		}
	}
	for _, tt := range []struct {
		w    string
		want bool
	}{{"Scientology", true}, {"MORMONISM", true}, {"Marxism", true}, {"Ism", false}, {"tourism", false},
		{"Addison", false}, {"Bio-ology", false}, {"", false}} {
		if got := doctrineWord(tt.w); got != tt.want {
			t.Errorf("doctrineWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

package timex

import "strings"

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// abbrevMonth reports whether a lower-case word is a month abbreviation.
func abbrevMonth(w string) bool {
	m, ok := months[w]
	return ok && len(w) <= 4 && w != "may" && w != "june" && w != "july" && m > 0
}

// ambiguousMonth names months that are also common words ("may", "march").
var ambiguousMonth = map[string]bool{"may": true, "march": true, "august": true}

var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

// seasons maps a season to its TIMEX3 code and its order in the year
// (winter first: a winter belongs to the year of its January).
var seasons = map[string]struct {
	code  string
	order int
}{
	"winter": {"WI", 0}, "spring": {"SP", 1}, "summer": {"SU", 2}, "autumn": {"FA", 3}, "fall": {"FA", 3},
}

var seasonCodes = [4]string{"WI", "SP", "SU", "FA"}

// unit is a calendar unit with its TIMEX3 duration letter.
type unit struct {
	name  string // "year", "month", ...
	code  string // Y, M, W, D, H, MIN, S, Q, DE, CE
	years int    // multiplier in years for decade and century
}

var units = map[string]unit{
	"second": {"second", "S", 0}, "seconds": {"second", "S", 0}, "sec": {"second", "S", 0},
	"minute": {"minute", "MIN", 0}, "minutes": {"minute", "MIN", 0}, "min": {"minute", "MIN", 0}, "mins": {"minute", "MIN", 0},
	"hour": {"hour", "H", 0}, "hours": {"hour", "H", 0}, "hr": {"hour", "H", 0}, "hrs": {"hour", "H", 0},
	"day": {"day", "D", 0}, "days": {"day", "D", 0},
	"night": {"night", "D", 0}, "nights": {"night", "D", 0},
	"week": {"week", "W", 0}, "weeks": {"week", "W", 0},
	"fortnight": {"fortnight", "W", 0}, "fortnights": {"fortnight", "W", 0},
	"weekend": {"weekend", "WE", 0}, "weekends": {"weekend", "WE", 0},
	"month": {"month", "M", 0}, "months": {"month", "M", 0},
	"quarter": {"quarter", "Q", 0}, "quarters": {"quarter", "Q", 0},
	"year": {"year", "Y", 1}, "years": {"year", "Y", 1}, "yr": {"year", "Y", 1}, "yrs": {"year", "Y", 1},
	"decade": {"decade", "Y", 10}, "decades": {"decade", "Y", 10},
	"century": {"century", "Y", 100}, "centuries": {"century", "Y", 100},
}

// plural reports whether a unit word is plural.
func plural(w string) bool {
	return strings.HasSuffix(w, "s") || w == "centuries"
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "dozen": 12, "couple": 2,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// vagueQuantity words make an underspecified duration ("several years": PXY).
var vagueQuantity = map[string]bool{
	"several": true, "many": true, "few": true, "some": true, "numerous": true, "countless": true,
}

var decadeWords = map[string]int{
	"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
	"seventies": 7, "eighties": 8, "nineties": 9,
}

// partOfDay maps words to TIMEX3 part-of-day codes.
var partOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

// durationMods are words before a duration and the TIMEX3 mod they give.
var durationMods = []struct {
	words []string
	mod   string
}{
	{[]string{"more", "than"}, "MORE_THAN"},
	{[]string{"over"}, "MORE_THAN"},
	{[]string{"at", "least"}, "EQUAL_OR_MORE"},
	{[]string{"less", "than"}, "LESS_THAN"},
	{[]string{"fewer", "than"}, "LESS_THAN"},
	{[]string{"under"}, "LESS_THAN"},
	{[]string{"up", "to"}, "EQUAL_OR_LESS"},
	{[]string{"nearly"}, "APPROX"},
	{[]string{"almost"}, "APPROX"},
	{[]string{"about"}, "APPROX"},
	{[]string{"around"}, "APPROX"},
	{[]string{"roughly"}, "APPROX"},
	{[]string{"approximately"}, "APPROX"},
	{[]string{"some"}, "APPROX"},
}

// pointMods are words before a date and the TIMEX3 mod they give.
var pointMods = []struct {
	words []string
	mod   string
}{
	{[]string{"the", "end", "of"}, "END"},
	{[]string{"the", "beginning", "of"}, "START"},
	{[]string{"the", "start", "of"}, "START"},
	{[]string{"the", "middle", "of"}, "MID"},
	{[]string{"the", "turn", "of"}, "START"},
	{[]string{"early"}, "START"},
	{[]string{"mid"}, "MID"},
	{[]string{"late"}, "END"},
}

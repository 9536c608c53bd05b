package nlp

import "strings"

// Names of peoples, nationalities, religions and sects ("Iraqi", "Shiite",
// "Kurds") are not places, persons or organizations: a span made only of
// them is dropped whatever the model says. The list is written for this
// project; the POS tagger's ADJ tag catches the ones it misses.
var demonyms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
afghan african albanian algerian american arab arabian argentine argentinian armenian asian
australian austrian azerbaijani azeri bahraini balochi baluchi bangladeshi belarusian belgian
bolivian bosnian brazilian british bulgarian burmese cambodian cameroonian canadian chadian
chechen chilean chinese colombian congolese croatian cuban cypriot czech danish dutch
ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino finnish
french georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic indian
indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh
kenyan korean kosovar kurdish kuwaiti kyrgyz lao latvian lebanese liberian libyan lithuanian
macedonian malaysian malian maltese mexican moldovan mongolian montenegrin moroccan
mozambican namibian nepalese nepali nigerian nigerien norwegian omani pakistani palestinian
panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan
saudi scottish senegalese serb serbian singaporean slovak slovenian somali south sudanese
spanish sri swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish turkmen
ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
western eastern northern southern
arabic hebrew farsi pashto urdu
kurd kurds arabs persians turks jews baluch pashtun pashtuns tajiks uzbeks yazidi yazidis
shiite shiites shia shi'ite sunni sunnis sufi salafi salafist wahhabi alawite alawites druze
muslim muslims islamic islamist islamists christian christians catholic catholics protestant
orthodox jewish jew hindu hindus buddhist buddhists sikh sikhs zoroastrian bahai baha'i
iraqis iranians syrians afghans americans israelis palestinians saudis lebanese yemenis
europeans africans asians arabians
`) {
		m[w] = true
	}
	return m
}()

// isDemonymSpan reports whether every word of toks names a people, a
// nationality or a faith, or the span is one capitalized adjective.
func isDemonymSpan(toks []Token) bool {
	if len(toks) == 1 && toks[0].POS == "ADJ" {
		return true
	}
	for _, t := range toks {
		if !demonyms[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

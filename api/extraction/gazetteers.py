"""Countries, demonyms, capitals and fixed institution names; the word lists of
institutions, groups, titles, roles and name openers, loaded from data/*.json.

Only general vocabulary lives here; no rule may name a person or an article's phrase.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from api.extraction import wordlists

# pycountry's official short names are awkward in prose ("Russian Federation");
# these are the names news text uses.
SHORT_NAMES = {
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TW": "Taiwan",
    "VN": "Vietnam",
    "CZ": "Czech Republic",
    "MD": "Moldova",
    "TZ": "Tanzania",
    "LA": "Laos",
    "PS": "Palestine",
    "VA": "Vatican",
    "CD": "Democratic Republic of the Congo",
    "BN": "Brunei",
    "TR": "Turkey",
    "FM": "Micronesia",
}
EXTRA_COUNTRY_FORMS = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Türkiye": "Turkey",
    "Czechia": "Czech Republic",
    "Viet Nam": "Vietnam",
    "Russian Federation": "Russia",
}
# Adjectives of nationality: "Russian troops", "the Kazakh president".
DEMONYMS = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria",
    "American": "United States", "Argentine": "Argentina",
    "Argentinian": "Argentina", "Armenian": "Armenia", "Australian": "Australia",
    "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Belarusian": "Belarus",
    "Belgian": "Belgium", "Bolivian": "Bolivia", "Brazilian": "Brazil",
    "British": "United Kingdom", "Bulgarian": "Bulgaria", "Canadian": "Canada",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia",
    "Cuban": "Cuba", "Czech": "Czech Republic", "Danish": "Denmark",
    "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Ethiopian": "Ethiopia", "Finnish": "Finland", "French": "France",
    "Georgian": "Georgia", "German": "Germany", "Greek": "Greece",
    "Hungarian": "Hungary", "Indian": "India", "Indonesian": "Indonesia",
    "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel",
    "Italian": "Italy", "Japanese": "Japan", "Jordanian": "Jordan",
    "Kazakh": "Kazakhstan", "Kenyan": "Kenya", "Kyrgyz": "Kyrgyzstan",
    "Lebanese": "Lebanon", "Libyan": "Libya", "Mexican": "Mexico",
    "Moroccan": "Morocco", "Nigerian": "Nigeria", "North Korean": "North Korea",
    "Norwegian": "Norway", "Pakistani": "Pakistan", "Palestinian": "Palestine",
    "Peruvian": "Peru", "Polish": "Poland", "Portuguese": "Portugal",
    "Romanian": "Romania", "Russian": "Russia", "Saudi": "Saudi Arabia",
    "Serbian": "Serbia", "South African": "South Africa",
    "South Korean": "South Korea", "Spanish": "Spain", "Sudanese": "Sudan",
    "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria",
    "Tajik": "Tajikistan", "Turkish": "Turkey", "Turkmen": "Turkmenistan",
    "Ukrainian": "Ukraine", "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela",
    "Vietnamese": "Vietnam", "Yemeni": "Yemen",
}  # fmt: skip
# Capitals (and seats of power) that speak for their country in news prose.
CAPITALS = {
    "Moscow": "Russia", "Kremlin": "Russia", "Beijing": "China",
    "Washington": "United States", "White House": "United States",
    "Paris": "France", "London": "United Kingdom", "Berlin": "Germany",
    "Kyiv": "Ukraine", "Kiev": "Ukraine", "Tehran": "Iran", "Ankara": "Turkey",
    "Tokyo": "Japan", "Seoul": "South Korea", "Pyongyang": "North Korea",
    "Madrid": "Spain", "Rome": "Italy", "Caracas": "Venezuela",
    "Havana": "Cuba", "Bogotá": "Colombia", "Bogota": "Colombia",
    "Brasilia": "Brazil", "Brasília": "Brazil", "Mexico City": "Mexico",
    "Buenos Aires": "Argentina", "Lima": "Peru", "Quito": "Ecuador",
    "Santiago": "Chile", "Astana": "Kazakhstan", "Nur-Sultan": "Kazakhstan",
    "Minsk": "Belarus", "Jerusalem": "Israel", "Damascus": "Syria",
    "Baghdad": "Iraq", "Kabul": "Afghanistan", "New Delhi": "India",
    "Islamabad": "Pakistan", "Riyadh": "Saudi Arabia", "Cairo": "Egypt",
    "Ottawa": "Canada", "Canberra": "Australia", "Warsaw": "Poland",
}  # fmt: skip
# Words of an institution's name (data/institution_words.json); those of type
# government ('Ministry', 'Senate') make it a government.
INSTITUTION_WORDS = set(wordlists.lemmas("institution_words"))
GOVERNMENT_WORDS = {
    e["lemma"]
    for e in wordlists.entries("institution_words")
    if e["type"] == "government"
}
# Lowercase nouns that introduce or stand for an organisation: "the transport union
# BTB", "the port authority said", "the company".
ORG_NOUNS = set(wordlists.lemmas("org_nouns"))
# Lowercase words that narrow a group noun: "traditional leaders", "state officials";
# the subnational ones make 'government' a regional one, not the country's.
GROUP_MODIFIERS = set(wordlists.lemmas("group_modifiers"))
# Words of time that open a description of someone, not a name: 'Former Labour
# leader', 'Acting Mayor', 'Former England captain'.
TIME_WORDS = {"former", "late", "then", "acting", "outgoing", "incoming", "ex"}
# Nations that are no country of the gazetteer but name national bodies
# ('NHS England', 'Sport Wales').
NATIONS = {"England", "Scotland", "Wales"}
SUBNATIONAL = wordlists.flagged("group_modifiers", "subnational")
# Fixed institution names and acronyms (canonical name on the right).
INSTITUTIONS = {
    "United Nations": "United Nations", "UN": "United Nations",
    "U.N.": "United Nations", "NATO": "NATO", "EU": "European Union",
    "European Union": "European Union", "IMF": "International Monetary Fund",
    "World Bank": "World Bank", "Red Cross": "Red Cross",
    "Amnesty International": "Amnesty International",
    "Human Rights Watch": "Human Rights Watch", "OSCE": "OSCE",
    "African Union": "African Union", "OAS": "Organization of American States",
    "CSTO": "Collective Security Treaty Organization", "Interpol": "Interpol",
    "Unicef": "UNICEF", "UNICEF": "UNICEF", "UNHCR": "UNHCR",
    "WHO": "World Health Organization", "Vatican": "Vatican",
}  # fmt: skip
# Collective actors: written noun -> (class that merges synonyms, actor type).
GROUPS = {
    e["lemma"].lower(): (e["kind"], e["type"]) for e in wordlists.entries("groups")
}
# A group noun as the list writes it, for its name: 'MPs', not 'mps'.
GROUP_FORMS = {e["lemma"].lower(): e["lemma"] for e in wordlists.entries("groups")}
# Words that, just before a group noun, make it something else: 'social media'.
GROUP_NOT_AFTER = {
    e["lemma"].lower(): frozenset(e["not_after"])
    for e in wordlists.entries("groups")
    if "not_after" in e
}
# Titles before a name ('President', 'Dr.') and lowercase role nouns ('spokesman',
# 'prime minister'): neither is part of a person's name.
TITLES = set(wordlists.lemmas("titles"))
ROLE_NOUNS = set(wordlists.lemmas("role_nouns"))
PARTICLES = {"von", "der", "de", "del", "la", "van", "bin", "al", "da", "di", "du"}
PARTICLES |= {"dos", "das", "ibn", "el", "le", "ben", "den", "ter"}
# Capitalised words that start sentences or headlines but never start a name.
NOT_NAMES = set(wordlists.lemmas("not_names"))


@lru_cache(maxsize=1)
def country_forms() -> dict[str, str]:
    """Every written form of a country -> its short name."""
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        short = SHORT_NAMES.get(country.alpha_2) or getattr(
            country, "common_name", None
        )
        short = short or country.name.split(",")[0].split(" (")[0]
        forms[short] = short
        if "," not in country.name and "(" not in country.name:
            forms.setdefault(country.name, short)
    forms.update(EXTRA_COUNTRY_FORMS)
    return forms


def demonym_of(country: str) -> str | None:
    return next((d for d, c in DEMONYMS.items() if c == country), None)

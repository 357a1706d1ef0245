"""Every word-list entry's example sentence does what the entry says when it goes
through the whole extraction."""

import re
from importlib import resources

import pytest

from api.extraction import types, wordlists
from api.extraction.ids import actor_id
from api.extraction.pipeline import extract

# A lead that names the story's protagonist, so the example's actor is someone else.
LEAD = "Governor Helen Marsh opened the new flood barrier on Monday.\n\n"


def listed(*lists: str) -> list:
    """Every entry of these word lists, as test parameters named list:lemma. An
    entry whose example today's rules miss says why in `known_gap`, and is expected
    to fail until they do not."""
    return [
        pytest.param(entry, id=f"{name}:{entry['lemma']}", marks=_gap(entry))
        for name in lists
        for entry in wordlists.entries(name)
    ]


def _gap(entry: dict) -> list:
    if "known_gap" not in entry:
        return []
    return [pytest.mark.xfail(strict=True, reason=entry["known_gap"])]


def names(annotation) -> dict[str, str]:
    return {a.id: a.name for a in annotation.actors}


@pytest.mark.parametrize("entry", listed("reporting_verbs", "document_nouns"))
def test_word_names_the_speaker(entry):
    """A reporting verb, or the work an owner speaks through."""
    annotation = extract(LEAD + entry["example"])
    speakers = {names(annotation).get(q.speaker) for q in annotation.quotes}
    assert annotation.quotes, entry["example"]
    assert speakers == {entry["speaker"]}, entry["example"]


@pytest.mark.parametrize("entry", listed("reaction_verbs", "reaction_nouns"))
def test_response_word_gives_its_stance(entry):
    annotation = extract(LEAD + entry["example"])
    found = {(names(annotation).get(r.actor), r.stance) for r in annotation.reactions}
    assert (entry["actor"], entry["stance"]) in found, (entry["example"], found)


@pytest.mark.parametrize(
    "entry",
    [e for e in wordlists.entries("reaction_verbs") if e.get("only_to_people")],
    ids=lambda e: e["lemma"],
)
def test_a_response_given_to_no_person_is_none(entry):
    annotation = extract(LEAD + entry["not_to_people_example"])
    assert annotation.reactions == [], entry["not_to_people_example"]


def test_a_negated_response_noun_is_no_reaction():
    annotation = extract(LEAD + "The plan drew no support from Mayor Ines Falk.")
    assert not [r for r in annotation.reactions if r.actor == actor_id("Ines Falk")]


@pytest.mark.parametrize(
    "entry", wordlists.entries("stance_words"), ids=lambda e: e["lemma"]
)
def test_stance_word_sets_a_spoken_reaction(entry):
    annotation = extract(f'{LEAD}Analyst Jo Park said: "{entry["example"]}."')
    found = {r.stance for r in annotation.reactions if r.actor == actor_id("Jo Park")}
    assert found == {entry["stance"]}, entry["example"]


def test_a_negated_response_is_no_reaction():
    annotation = extract(LEAD + "Mayor Ines Falk did not back the plan.")
    assert not [r for r in annotation.reactions if r.actor == actor_id("Ines Falk")]


def test_the_object_of_a_response_does_not_react():
    annotation = extract(LEAD + "Police arrested the protesters and questioned them.")
    reacting = {names(annotation).get(r.actor) for r in annotation.reactions}
    assert "protesters" not in reacting


@pytest.mark.parametrize(
    "entry", wordlists.entries("descriptors"), ids=lambda e: e["lemma"]
)
def test_descriptor_is_no_part_of_the_name(entry):
    annotation = extract(LEAD + entry["example"])
    speakers = {names(annotation).get(q.speaker) for q in annotation.quotes}
    assert speakers == {entry["name"]}, entry["example"]


def test_relatives_sharing_a_surname_stay_apart():
    annotation = extract(
        LEAD + 'Farmer David Soyos said: "We lost everything." '
        'His father, Domingo Soyos, said: "The river took the barn."'
    )
    speakers = [names(annotation).get(q.speaker) for q in annotation.quotes]
    assert speakers == ["David Soyos", "Domingo Soyos"]


def test_a_national_government_named_by_its_demonym():
    annotation = extract(LEAD + "The Chinese government supports the resettlement.")
    government = [a for a in annotation.actors if a.name == "Government of China"]
    assert government and government[0].mentions[0].text == "Chinese government"


@pytest.mark.parametrize(
    "entry", wordlists.entries("thing_names"), ids=lambda e: e["lemma"]
)
def test_a_thing_named_like_an_actor_is_none(entry):
    annotation = extract(LEAD + entry["example"])
    head = entry["lemma"].split()
    named = [a.name for a in annotation.actors]
    # compared without case: 'FTSE' is written in capitals
    assert not [n for n in named if all(w in n.lower().split() for w in head)], named


def test_questioning_a_person_is_no_reaction():
    annotation = extract(LEAD + "Police chief Omar Said questioned the student.")
    assert not [r for r in annotation.reactions if r.actor == actor_id("Omar Said")]


ORGANISATION_LISTS = [
    entry
    for name in ("outlet_names", "company_names")
    for entry in wordlists.entries(name)
]


@pytest.mark.parametrize("entry", ORGANISATION_LISTS, ids=lambda e: e["name"])
def test_an_outlet_or_a_company_is_an_organisation(entry):
    annotation = extract(LEAD + entry["example"])
    found = {a.name: a.type for a in annotation.actors}
    assert found.get(entry["name"]) == "organization", (entry["example"], found)


@pytest.mark.parametrize(
    "entry",
    [e for e in wordlists.entries("relatives") if "people" in e],
    ids=lambda e: e["lemma"],
)
def test_a_relative_sharing_a_surname_is_another_person(entry):
    names = {a.name for a in extract(entry["example"]).actors}
    full, relative = entry["people"]
    assert full in names
    assert any(n.endswith(relative) and n != full for n in names), names


@pytest.mark.parametrize(
    "entry",
    [e for e in wordlists.entries("relatives") if "acting_example" in e],
    ids=lambda e: e["lemma"],
)
def test_a_relative_named_only_by_kin_who_acts_is_an_actor(entry):
    text = "Pupil Jane Reed left the school in May.\n\n" + entry["acting_example"]
    found = {a.name: a.type for a in extract(text).actors}
    assert found.get(entry["actor"]) == entry.get("type", "person"), found


@pytest.mark.parametrize(
    "entry",
    [e for e in wordlists.entries("stance_words") if e.get("not_example")],
    ids=lambda e: e["lemma"],
)
def test_a_stance_word_before_a_noun_it_does_not_judge_is_none(entry):
    annotation = extract(f"{LEAD}{entry['not_example']}.")
    assert annotation.reactions == [], entry["not_example"]


@pytest.mark.parametrize("entry", listed("institution_words"))
def test_institution_word_makes_an_institution(entry):
    annotation = extract(LEAD + entry["example"])
    found = {a.name: a.type for a in annotation.actors}
    assert found.get(entry["name"]) == entry["type"], (entry["example"], found)


def figures(entry: dict) -> list:
    annotation = extract(LEAD + entry["example"])
    return [(s.value, s.unit, s.qualifier, s.high) for s in annotation.statistics]


@pytest.mark.parametrize("entry", listed("measures"))
def test_measure_word_gives_the_figure_its_unit(entry):
    found = [(value, unit) for value, unit, *_ in figures(entry)]
    assert found == [(entry["value"], entry["unit"])], entry["example"]


@pytest.mark.parametrize("entry", listed("currencies"))
def test_currency_gives_the_amount_its_code(entry):
    found = [(value, unit) for value, unit, *_ in figures(entry)]
    assert found == [(entry["value"], entry["code"])], entry["example"]


@pytest.mark.parametrize("entry", listed("number_words"))
def test_number_word_gives_its_value(entry):
    assert [value for value, *_ in figures(entry)] == [entry["figure"]]


@pytest.mark.parametrize("entry", listed("qualifiers"))
def test_qualifier_words_qualify_the_figure(entry):
    found = [(value, qualifier, high) for value, _, qualifier, high in figures(entry)]
    expected = (entry["value"], entry["qualifier"], entry.get("high"))
    assert found == [expected], entry["example"]


def holds(name: str, words: str) -> bool:
    """Whether the name has these words as whole words ('Prime Minister')."""
    return f" {words} " in f" {name} "


@pytest.mark.parametrize("entry", listed("titles"))
def test_title_is_no_part_of_the_name(entry):
    annotation = extract(LEAD + entry["example"])
    found = {a.name: a.type for a in annotation.actors}
    assert found.get(entry["name"]) == "person", (entry["example"], found)
    assert not [n for n in found if holds(n, entry["lemma"])], found


@pytest.mark.parametrize("entry", listed("role_nouns"))
def test_role_noun_is_the_persons_role(entry):
    annotation = extract(LEAD + entry["example"])
    roles = {a.name: (a.role or "").lower() for a in annotation.actors}
    assert entry["lemma"] in roles.get(entry["name"], ""), (entry["example"], roles)


def mentioned(annotation, words: str) -> dict[str, str]:
    """Actors (name -> type) one of whose mentions holds these words."""
    pattern = re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE)
    return {
        a.name: a.type
        for a in annotation.actors
        if any(pattern.search(m.text) for m in a.mentions)
    }


@pytest.mark.parametrize("entry", listed("groups"))
def test_group_noun_is_a_collective_actor(entry):
    found = mentioned(extract(LEAD + entry["example"]), entry["lemma"])
    assert entry["type"] in found.values(), (entry["example"], found)


@pytest.mark.parametrize(
    "entry",
    [e for e in wordlists.entries("groups") if "not_after" in e],
    ids=lambda e: e["lemma"],
)
def test_group_noun_after_a_word_that_makes_it_a_thing_is_no_actor(entry):
    found = mentioned(extract(LEAD + entry["not_after_example"]), entry["lemma"])
    assert not found, (entry["not_after_example"], found)


@pytest.mark.parametrize("entry", listed("group_modifiers"))
def test_group_modifier_narrows_the_group(entry):
    annotation = extract(LEAD + entry["example"])
    found = mentioned(annotation, entry["group"])
    assert entry["type"] in found.values(), (entry["example"], found)
    if entry.get("subnational"):
        assert found.get(entry["group"]) == "government", found


@pytest.mark.parametrize("entry", listed("org_nouns"))
def test_organisation_noun_makes_an_organisation(entry):
    annotation = extract(LEAD + entry["example"])
    found = {a.name: a.type for a in annotation.actors}
    assert found.get(entry["name"]) == "organization", (entry["example"], found)


@pytest.mark.parametrize("entry", listed("not_names"))
def test_sentence_opening_word_starts_no_name(entry):
    annotation = extract(LEAD + entry["example"])
    named = [a.name for a in annotation.actors]
    assert entry["name"] in named, (entry["example"], named)
    assert not [n for n in named if holds(n, entry["lemma"])], named


@pytest.mark.parametrize("entry", listed("category_stems", "population_nouns"))
def test_counted_word_gives_the_figure_its_category(entry):
    annotation = extract(LEAD + entry["example"])
    found = [(s.value, s.category) for s in annotation.statistics]
    category = entry.get("category", "population")
    assert found == [(entry["value"], category)], entry["example"]


DATA = resources.files("api.extraction") / "data"
LIST_NAMES = sorted(path.name.removesuffix(".json") for path in DATA.iterdir())


@pytest.mark.parametrize("name", LIST_NAMES)
def test_every_entry_has_a_word_and_an_example_once(name):
    lemmas = [entry["lemma"] for entry in wordlists.entries(name)]
    assert all(lemmas) and len(lemmas) == len(set(lemmas)), name
    assert all(entry["example"] for entry in wordlists.entries(name)), name


@pytest.mark.parametrize(
    ("name", "field", "vocabulary"),
    [
        ("institution_words", "type", types.ACTOR_TYPES),
        ("groups", "type", types.ACTOR_TYPES),
        ("group_modifiers", "type", types.ACTOR_TYPES),
        ("qualifiers", "qualifier", types.QUALIFIERS),
        ("category_stems", "category", types.CATEGORIES),
    ],
)
def test_list_values_come_from_the_vocabulary(name, field, vocabulary):
    assert {entry[field] for entry in wordlists.entries(name)} <= set(vocabulary)


def test_currency_codes_are_iso_codes_or_none():
    codes = {entry["code"] for entry in wordlists.entries("currencies")}
    assert all(code is None or re.fullmatch(r"[A-Z]{3}", code) for code in codes)


@pytest.mark.parametrize("entry", listed("uncounted_nouns"))
def test_a_count_of_people_or_time_has_no_unit(entry):
    annotation = extract(LEAD + entry["example"])
    found = [(s.value, s.unit) for s in annotation.statistics]
    assert all(unit != entry["lemma"] for _, unit in found), found
    if entry["kind"] == "people":  # a span of time is often no figure at all
        assert (entry["value"], None) in found, (entry["example"], found)


@pytest.mark.parametrize(
    "entry",
    [e for e in wordlists.entries("thing_names") if "name" in e],
    ids=lambda e: e["lemma"],
)
def test_a_name_introduced_by_a_things_noun_is_that_thing(entry):
    annotation = extract(LEAD + entry["example"])
    named = [a.name for a in annotation.actors]
    assert entry["name"] not in named, named


@pytest.mark.parametrize("entry", listed("depiction_nouns"))
def test_a_person_a_work_depicts_is_no_actor(entry):
    named = [a.name for a in extract(LEAD + entry["example"]).actors]
    assert entry["name"] not in named, named


def test_a_depicted_person_who_speaks_is_an_actor():
    annotation = extract(
        LEAD + "The gallery hung a portrait of composer Ilse Varga. "
        '"It is a great honour," Ilse Varga said.'
    )
    assert "Ilse Varga" in [a.name for a in annotation.actors]

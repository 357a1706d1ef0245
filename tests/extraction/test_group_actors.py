"""Collective actors: when a plural group noun names an actor of its own."""

from api.extraction.pipeline import extract


def actors(text):
    return {a.name: a for a in extract(text).actors}


def test_plural_possessive_acts():
    found = actors(
        "Prices rose. The anger of many grew, and the protesters’ march went on."
    )
    assert "protesters" in found


def test_possessive_before_an_organisation_names_the_organisation():
    found = actors(
        "Prices rose. The miners’ union Sintrapaz gave a toll. Madrid sent 300 "
        "soldiers from the army's Military Emergencies Unit."
    )
    assert "miners" not in found
    assert "troops" not in found


def test_sentence_opening_group_qualified_by_a_place_acts():
    found = actors(
        "Rescue teams in central Colombia recovered eleven bodies. "
        "Doctors at the district hospital in Ballia told reporters it was hot."
    )
    assert "Rescue teams" in found["rescuers"].aliases
    assert "Doctors" in found["doctors"].aliases


def test_members_from_a_named_organisation_are_not_a_group():
    found = actors("Volunteers from the charity Refuge Littoral said they saw bodies.")
    assert "volunteers" not in found
    assert "Refuge Littoral" in found


def test_irregular_past_verb_makes_a_group_act():
    found = actors("A shepherd stayed until police officers came to his door.")
    assert "police officers" in found["police"].aliases

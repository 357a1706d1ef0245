"""Countries: an actor when it acts or speaks, not when it is only a place."""

from api.extraction.pipeline import extract


def names(text):
    return {a.name for a in extract(text).actors}


def test_country_after_a_place_adjective_is_a_place():
    found = names("Rescue teams in central Colombia recovered eleven bodies.")
    assert "Colombia" not in found


def test_country_owning_something_is_a_place():
    found = names(
        "A quake struck. Hospitals across India's most populous state filled."
    )
    assert "India" not in found


def test_country_in_a_list_after_a_preposition_is_a_place():
    found = names("The climbers, from Germany and the Netherlands, had left the piste.")
    assert "Netherlands" not in found
    assert "Germany" not in found


def test_country_inside_a_quote_is_what_the_speaker_talks_about():
    found = names('The winner spoke. "Chile has chosen hope," she said.')
    assert "Chile" not in found


def test_country_that_acts_is_an_actor():
    found = names("France, Belgium and the United States welcomed the agreement.")
    assert {"France", "Belgium", "United States"} <= found


def test_country_that_speaks_is_an_actor():
    assert "Rwanda" in names("Rwanda said it supports the agreement.")


def test_no_behalf_for_a_country_the_name_already_carries():
    annotation = extract(
        "The Nigeria Labour Congress condemned the price rise. Prices rose in Nigeria."
    )
    assert "Nigeria" not in {a.name for a in annotation.actors}
    assert all(r.on_behalf_of != "nigeria" for r in annotation.reactions)


def test_capital_is_the_government_the_article_names():
    annotation = extract(
        "A boat sank. French authorities opened an inquiry. "
        "Paris blamed criminal gangs for the disaster."
    )
    found = {a.name: a for a in annotation.actors}
    assert "France" not in found
    assert "Paris" in found["French authorities"].aliases
    blame = next(r for r in annotation.reactions if r.stance == "critical")
    assert blame.actor == found["French authorities"].id
    assert blame.on_behalf_of is None


def test_capital_without_a_named_government_is_the_country():
    found = names("Russian troops arrived on Thursday, according to Moscow.")
    assert "Russia" in found

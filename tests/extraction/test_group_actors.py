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


def test_troops_from_allied_countries_are_a_group_that_acts_past_a_bracket():
    found = actors(
        "Unrest spread. Troops from Spain and troops from other allied countries "
        "(around 2,500 troops) arrived on Thursday."
    )
    allied = found["Allied troops"]
    assert allied.aliases == ["troops from other allied countries"]


def test_local_group_is_named_with_its_place():
    found = actors(
        "The quake struck at night, and district officials in Jajarkot said "
        "90 people had died."
    )
    officials = found["Jajarkot district officials"]
    assert officials.mentions[0].text == "district officials in Jajarkot"


def test_a_country_is_no_place_of_a_local_group():
    found = actors("Prices rose, and local officials in Nigeria said they were calm.")
    assert not any(name.startswith("Nigeria ") for name in found)


def test_government_followed_by_a_verb_in_s_is_the_government():
    found = actors(
        "Belgian dockworkers walked out. The government wants dockers to work longer."
    )
    assert "government" in found["Government of Belgium"].aliases


def test_government_before_a_plural_noun_only_qualifies_it():
    found = actors("Belgian dockworkers walked out. Government forces arrived.")
    assert "Government of Belgium" not in found


def test_group_asked_to_act_is_an_actor():
    found = actors(
        "Protests spread. The UN urged the security forces to show restraint."
    )
    assert "security forces" in found


def test_group_asked_about_is_no_actor():
    found = actors("Protests spread. The UN asked for the security forces to be named.")
    assert "security forces" not in found


def test_plain_group_noun_is_the_narrower_group_named_before():
    found = actors(
        "Trade ministers ended talks on Sunday. Ministers did approve a package."
    )
    assert "ministers" not in found
    assert "Ministers" in found["trade ministers"].aliases


def test_plain_group_noun_named_first_stays_apart():
    found = actors(
        "Ministers met on Monday. Trade ministers said they would meet again."
    )
    assert "ministers" in found


def test_plural_of_a_word_describing_one_organisation_is_that_organisation():
    found = actors(
        "The government and the rebel Alliance for the Liberation of Kivu (ALK) "
        "signed a ceasefire. The ALK said the rebels had been forced to fight."
    )
    assert "rebels" not in found


def test_a_capitalised_group_noun_is_a_group_named_as_written():
    annotation = extract("Police arrived. Opposition MPs questioned the figures.")
    found = {a.name: a for a in annotation.actors}
    assert found["opposition MPs"].type == "group"
    assert [(r.actor, r.stance) for r in annotation.reactions] == [
        ("opposition-mps", "critical")
    ]


def test_a_faith_or_party_written_as_a_plural_that_acts_is_a_group():
    found = actors("Police arrived. Muslims gathered in Mecca. Republicans said no.")
    assert found["Muslims"].type == "group"
    assert found["Republicans"].type == "group"


def test_a_country_by_its_people_is_not_a_group_of_its_own():
    found = actors("Belgium played Panama. The Belgians won and the British said no.")
    assert "Belgians" not in found
    assert "British" not in found


def test_a_name_before_a_group_noun_says_whose_members_they_are():
    found = actors(
        "Police arrived. Labour MPs said the plan was wrong. Hamas officials said "
        "the talks had failed. Toronto fans said it was great."
    )
    assert found["Labour MPs"].type == "group"
    assert found["Hamas officials"].type == "group"
    assert "Toronto fans" not in found
    assert "fans" in found


def test_a_group_keeps_every_noun_compounded_with_it_and_a_site_is_no_actor():
    found = actors(
        "Ministers met. Disability rights campaigners protested outside Parliament."
    )
    assert found["disability rights campaigners"].type == "group"
    assert "Parliament" not in found

"""Organisations read whole: national branches and bodies of a known one."""

from api.extraction.pipeline import extract


def actors(text):
    return {a.name: a for a in extract(text).actors}


def test_country_before_a_known_organisation_is_its_national_branch():
    found = actors("The quake struck. The Nepal Red Cross said it counted 145 bodies.")
    assert "Nepal Red Cross" in found
    assert found["Nepal Red Cross"].country == "Nepal"
    assert "Red Cross" not in found


def test_a_lone_country_word_does_not_join_a_one_word_organisation():
    found = actors("Talks ended. Nepal UN envoys met, and the UN said it was hopeful.")
    assert "United Nations" in found


def test_office_of_a_known_organisation_is_read_whole():
    found = actors(
        "Protests spread. The UN human rights office urged the police to show "
        "restraint."
    )
    assert "UN human rights office" in found
    assert "United Nations" not in found


def test_known_organisation_without_an_office_noun_stays_itself():
    found = actors("Protests spread. The UN agency said it was worried.")
    assert "United Nations" in found


def test_a_name_ending_in_an_outlet_word_is_that_outlet():
    found = actors(
        "Police arrived. The Deseret News observed that the hashtag had spread."
    )
    assert found["Deseret News"].type == "organization"
    assert "Deseret" not in found


def test_who_a_speaker_tells_is_a_party_to_what_is_said():
    found = actors(
        "Police arrived. Officials tell Reuters every claim will be assessed."
    )
    assert found["Reuters"].type == "organization"
    assert [m.start for m in found["Reuters"].mentions] == [31]


def test_an_outlet_only_mentioned_in_passing_is_no_actor():
    found = actors("Police arrived. She read about Reuters on the train.")
    assert "Reuters" not in found


def test_a_party_the_tagger_reads_as_a_common_noun_still_speaks():
    found = actors("Police arrived. Labour said it would vote against the bill.")
    assert found["Labour"].type == "organization"


def test_a_party_named_by_its_members_is_an_organisation():
    found = actors("Police arrived. Liberal Democrats opposed the law.")
    assert found["Liberal Democrats"].type == "organization"


def test_a_capitalised_noun_that_only_opens_a_sentence_is_no_name():
    found = actors("Police arrived. Keys were handed over. Malaria killed 300 people.")
    assert set(found) == {"Police"}


def test_a_name_opening_a_sentence_with_a_response_verb_is_one():
    annotation = extract("Ministers met. Greenpeace branded the plan a betrayal.")
    assert [(r.actor, r.stance) for r in annotation.reactions] == [
        ("greenpeace", "critical")
    ]


def test_an_organisation_named_only_as_a_site_is_no_actor():
    found = actors(
        "Prices rose. Cynthia Thompson, a curator at the University of Arkansas, "
        "said the show would travel. The photographs hang at the Block Museum."
    )
    assert "University of Arkansas" not in found
    assert "Block Museum" not in found
    assert "Cynthia Thompson" in found


def test_an_organisation_at_a_site_once_that_acts_elsewhere_is_an_actor():
    found = actors(
        "Prices rose. Staff at the Block Museum were told. The Block Museum said "
        "it would reopen."
    )
    assert "Block Museum" in found


def test_words_before_secretary_name_an_office_not_an_organisation():
    found = actors(
        "Prices rose. Labour's Shadow Home Secretary Yvette Cooper said her party "
        "has supported the idea. Home Office Minister Tom Pursglove said so."
    )
    assert "Shadow Home" not in found
    assert {"Yvette Cooper", "Home Office", "Tom Pursglove"} <= set(found)


def test_a_name_introduced_by_what_it_is_runs_over_its_small_words():
    found = actors(
        "Ministers met. Campaign group Dignity in Dying welcomed the result. The "
        "charity Save the Children said it was worried."
    )
    assert {"Dignity in Dying", "Save the Children"} <= set(found)
    assert "Dignity" not in found


def test_a_company_noun_stands_for_the_unclaimed_name_before_it():
    text = (
        "Shares in Tesco fell 5% after the supermarket warned that profits would "
        "be lower.\n\nThe company said sales had fallen.\n\nTesco employs about "
        "300,000 people."
    )
    found = actors(text)
    assert [m.text for m in found["Tesco"].mentions] == [
        "Tesco",
        "the supermarket",
        "The company",
        "Tesco",
    ]


def test_a_generic_body_noun_does_not_take_a_place_for_its_name():
    found = actors(
        "An avalanche killed two skiers in Tyrol on Sunday. The group said the "
        "slope had been closed."
    )
    assert "Tyrol" not in found


def test_an_organisation_read_first_as_a_person_keeps_no_surname_mention():
    found = actors(
        "Flooding has hit parts of Wales.\n\nNatural Resources Wales said 20 flood "
        "warnings were in place."
    )
    assert [m.text for m in found["Natural Resources Wales"].mentions] == [
        "Natural Resources Wales"
    ]

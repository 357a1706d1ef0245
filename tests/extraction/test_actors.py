from api.extraction.pipeline import extract


def actors(text):
    return {a.name: a for a in extract(text).actors}


def test_person_with_particles_title_and_surname():
    found = actors(
        "European Commission President Ursula von der Leyen spoke on Monday. "
        "Von der Leyen later left. Ursula von der Leyen said nothing more."
    )
    assert "Ursula von der Leyen" in found
    assert found["Ursula von der Leyen"].type == "person"
    assert found["European Commission"].type == "organization"


def test_case_slip_is_fixed_in_the_canonical_name():
    found = actors(
        "French President Emmanuel Macron arrived. Later, the French president, "
        "Emmanuel macron, asked for calm."
    )
    assert "Emmanuel Macron" in found
    assert "Emmanuel macron" in found["Emmanuel Macron"].aliases


def test_apposition_gives_role_and_description_alias():
    found = actors(
        "The president of Kazakhstan, Kassym Jomart Tokayev, spoke. "
        "Later the Kazakh president left."
    )
    tokayev = found["Kassym Jomart Tokayev"]
    assert tokayev.role == "President of Kazakhstan"
    assert "the Kazakh president" in tokayev.aliases


def test_country_as_place_is_no_actor_but_acting_country_is():
    found = actors("Protests spread in Peru. Meanwhile Chile sent rescue teams.")
    assert "Chile" in found and "Peru" not in found


def test_capital_speaks_for_its_country_and_groups():
    found = actors(
        "Russian troops arrived on Thursday, according to Moscow. "
        "Protesters clashed with police."
    )
    assert "Moscow" in found["Russia"].aliases
    assert found["Russian troops"].type == "group"
    assert "protesters" in found


def test_ids_are_slugs_of_canonical_names():
    found = actors("Chinese President Xi Jinping applauded the measures.")
    assert found["Xi Jinping"].id == "xi-jinping"


def test_name_introduced_by_an_organisation_noun():
    found = actors(
        "The strike was called by the transport union Velta, which said talks "
        "had failed. The union later met the minister."
    )
    assert found["Velta"].type == "organization"
    assert "The union" in found["Velta"].aliases


def test_acronym_counts_only_when_it_acts():
    found = actors("ZORBA said it would help. Fans waved a ZELKO banner.")
    assert "ZORBA" in found
    assert "ZELKO" not in found


def test_acronym_of_a_named_organisation_is_that_organisation():
    found = actors("The World Trade Organization met. The WTO said talks failed.")
    assert "WTO" in found["World Trade Organization"].aliases


def test_described_organisation_that_acts():
    found = actors("Ships waited at anchor, the port authority said.")
    assert "port authority" in found


def test_apposed_description_of_an_acronym():
    found = actors("The UN refugee agency, KEMBA, said 50 people had died.")
    assert "UN refugee agency" in found["KEMBA"].aliases
    assert "United Nations" not in found


def test_modified_group_keeps_its_modifier():
    found = actors("Traditional leaders said the river had burst its banks.")
    assert "Traditional leaders" in found["traditional leaders"].aliases


def test_possessive_institution_name():
    found = actors("The Attorney General’s Office said in a statement it would appeal.")
    assert "Attorney General’s Office" in found


def test_word_after_said_in_another_sentence_is_no_person():
    found = actors("The ministry said.\n\nMalaria killed 300 people last year.")
    assert "Malaria" not in found


def test_word_after_said_opening_a_clause_is_no_person():
    found = actors("A spokeswoman said Brussels would look closely at the deal.")
    assert "Brussels" not in found


def test_word_after_said_closing_the_attribution_is_a_speaker():
    found = actors("“We are afraid,” said Yonas, a survivor.")
    assert found["Yonas"].type == "person"


def test_name_introduced_as_an_organisation_stays_one():
    found = actors(
        "Volunteers from the charity Refuge Littoral said they saw bodies.\n\n"
        "Refuge Littoral accused both governments."
    )
    assert found["Refuge Littoral"].type == "organization"
    assert len(found["Refuge Littoral"].mentions) == 2


def test_head_noun_of_an_organisation_folds_into_it():
    found = actors(
        "The European Commission must approve the deal. The Commission said it "
        "would look closely."
    )
    assert "Commission" not in found
    assert "Commission" in found["European Commission"].aliases

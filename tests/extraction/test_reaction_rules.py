"""Reactions carried by what is said, and the subjects of stance verbs."""

from api.extraction.pipeline import extract


def reactions(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return {names[r.actor]: r for r in annotation.reactions}


HERO = "President Ana Ruiz closed the border. President Ana Ruiz spoke on Monday. "


def test_said_with_a_verdict_reacts():
    found = reactions(HERO + "Germany said it was deeply worried by the closure.")
    assert found["Germany"].stance == "concerned"


def test_said_with_a_quoted_verb_reacts():
    found = reactions(HERO + "Japan said it «supports any agreement» on trade.")
    assert found["Japan"].stance == "supportive"


def test_said_with_a_disappointed_verdict_is_critical():
    found = reactions(HERO + "Canada said it was «deeply disappointed by the result».")
    assert found["Canada"].stance == "critical"


def test_said_with_facts_only_does_not_react():
    found = reactions(HERO + "Germany said 300 people crossed the border on Sunday.")
    assert found == {}


def test_called_with_a_quoted_verdict():
    found = reactions(
        HERO + "Brazil called the closure “a historic day for the region”. "
        "Mexico called the decision “reckless”. Peru called the deaths “a tragedy”."
    )
    assert found["Brazil"].stance == "supportive"
    assert found["Mexico"].stance == "critical"
    assert found["Peru"].stance == "concerned"


def test_employer_before_an_appositive_person_does_not_react():
    found = reactions(
        HERO + "The UN resident coordinator, Astrid Lindqvist, urged donors to act."
    )
    assert set(found) == {"Astrid Lindqvist"}


def test_closed_relative_clause_is_not_the_subject():
    found = reactions(
        HERO + "Rwanda, which Kenya accuses of arming the rebels, said it "
        "«supports any agreement»."
    )
    assert found["Rwanda"].stance == "supportive"
    assert "rebels" not in found


def test_coordinated_verb_keeps_the_first_subject():
    found = reactions(
        HERO
        + "Germany accused ministers of ignoring warnings, and demanded an inquiry."
    )
    assert set(found) == {"Germany"}


def test_clause_after_comma_and_has_its_own_subject():
    found = reactions(
        HERO
        + "Spain said it was ready to help, and Italy warned that prices would rise."
    )
    assert found["Spain"].stance == "supportive"
    assert found["Italy"].stance == "concerned"


def test_help_sent_or_released_is_supportive():
    found = reactions(
        HERO + "Chile sent 300 soldiers to the border. "
        "Peru and Bolivia each dispatched two water-bombing planes. "
        "The European Union released €2m in emergency aid."
    )
    assert {found[n].stance for n in ("Chile", "Peru", "Bolivia")} == {"supportive"}
    assert found["European Union"].stance == "supportive"


def test_travel_advice_is_concerned_and_mourning_supportive():
    found = reactions(
        HERO + "The United States and Britain advised their citizens to avoid crowds. "
        "Governor Luis Mora declared three days of mourning."
    )
    assert found["United States"].stance == "concerned"
    assert found["Luis Mora"].stance == "supportive"


def test_pronoun_subject_takes_the_previous_sentence_actor():
    found = reactions(
        HERO + "The miners’ union Sintrapaz gave a higher toll. "
        "It accused the operator of ignoring alarms."
    )
    assert found["Sintrapaz"].stance == "critical"


def test_a_second_stance_after_but_is_a_second_reaction():
    annotation = extract(
        HERO + "The group Vigilancia welcomed the arrest but warned that few cases "
        "end in a conviction."
    )
    stances = [r.stance for r in annotation.reactions]
    assert stances == ["supportive", "concerned"]
    assert annotation.reactions[1].evidence.startswith("warned")


def test_one_reaction_for_two_verbs_without_but():
    annotation = extract(HERO + "France welcomed the deal and urged calm.")
    assert [r.stance for r in annotation.reactions] == ["supportive"]


def test_the_subject_of_a_reported_clause_reacts():
    found = reactions(
        HERO + "The minister said the Red Cross had sent a team to the border."
    )
    assert found["Red Cross"].stance == "supportive"


def test_paying_for_the_response_is_supportive():
    found = reactions(HERO + "UNICEF is paying for most of the first phase.")
    assert found["UNICEF"].stance == "supportive"


def test_saying_it_sheltered_people_is_supportive():
    found = reactions(
        HERO + "Evacuated residents are being housed in halls in the city, where "
        "the Red Cross said it had registered about 2,300 people."
    )
    assert found["Red Cross"].stance == "supportive"
    assert "residents" not in found


def test_concerns_raised_are_the_raisers_worry():
    annotation = extract(
        "Finance Minister John Brown announced a fuel tax. "
        "The CBI raised concerns about the cost."
    )
    assert [(r.actor, r.stance) for r in annotation.reactions] == [("cbi", "concerned")]


def test_a_response_inside_what_another_reports_is_the_reporters_account():
    text = (
        "Agency chief Tom Hale cut irrigation on Monday.\n\n"
        "Provincial environment minister Ruth Kowalchuk backed the decision and said "
        "the provincial government would set aside $12m to help farmers."
    )
    annotation = extract(text, title="Irrigation cut")
    names = {a.id: a.name for a in annotation.actors}
    assert [(names[r.actor], r.stance) for r in annotation.reactions] == [
        ("Ruth Kowalchuk", "supportive")
    ]

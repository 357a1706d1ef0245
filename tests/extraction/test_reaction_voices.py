"""Who reacts: the protagonist and the voices of the lead's parties do not;
defending a contested measure is a reaction; a minister speaks for a government."""

from api.extraction.pipeline import extract


def reactions(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return {names[r.actor]: r for r in annotation.reactions}, annotation


STRIKE = (
    "Dockworkers at the port walked out on Tuesday against planned pension cuts.\n\n"
    "“We will not go back,” said Kris Van den Bossche, who leads the union.\n\n"
)


def test_defending_a_measure_criticises_its_opponents():
    found, _ = reactions(
        STRIKE + "Employment Minister Sofie Claes defended the reform as fair.\n\n"
        "“The door is open,” Ms Claes said. “The door is open,” Ms Claes said."
    )
    assert found["Sofie Claes"].stance == "critical"


def test_without_a_person_in_the_lead_the_first_named_person_is_the_protagonist():
    found, _ = reactions(
        STRIKE + "Employment Minister Sofie Claes defended the reform as fair.\n\n"
        "“The door is open,” Ms Claes said. “The door is open,” Ms Claes said."
    )
    assert "Kris Van den Bossche" not in found
    assert "Sofie Claes" in found


def test_portfolio_is_no_actor():
    found, annotation = reactions(
        STRIKE + "The Belgian government wants longer careers.\n\n"
        "Employment Minister Sofie Claes defended the reform as fair."
    )
    assert "Employment" not in {a.name for a in annotation.actors}
    assert found["Sofie Claes"].on_behalf_of != "employment"


def test_owned_role_set_off_by_a_comma_is_the_persons():
    annotation = extract(
        "Talks resumed. The WHO’s spokesman, John Mbeki, told reporters it was hot."
    )
    person = next(a for a in annotation.actors if a.name == "John Mbeki")
    assert "spokesman" in (person.role or "")


def test_spokesperson_of_a_party_in_the_lead_does_not_react():
    found, _ = reactions(
        "The World Health Organization and the Red Cross signed a deal on Monday.\n\n"
        "The WHO’s spokesman, John Mbeki, told reporters it was hot.\n\n"
        "Mr Mbeki said the deal was late and condemned the delay."
    )
    assert "John Mbeki" not in found


def test_new_report_after_a_quoted_verdict_is_a_second_reaction():
    annotation = extract(
        "President Ana Ruiz closed the border.\n\n"
        "Home Secretary Ruth Callow called the deaths “a tragedy” and said London "
        "would increase its funding for beach patrols."
    )
    stances = sorted(r.stance for r in annotation.reactions if r.actor == "ruth-callow")
    assert stances == ["concerned", "supportive"]


def test_urging_after_a_quoted_verdict_adds_no_reaction():
    annotation = extract(
        "President Ana Ruiz cut rates.\n\n"
        "The Federation of Small Businesses said the cut was “too little” and "
        "urged the Bank to move faster."
    )
    assert len(annotation.reactions) == 1

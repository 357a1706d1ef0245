"""Reactions carried only by a bystander's quote."""

from api.extraction.pipeline import extract

LEAD = "President Ana Ruiz closed the hospital on Monday.\n\n"


def reactions(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return {names[r.actor]: r for r in annotation.reactions}


def test_damning_quote_of_a_bystander_is_a_critical_reaction():
    found = reactions(
        LEAD + "“I am angry that a hospital can be shut like a door,” said John Pike, "
        "a 70-year-old patient."
    )
    assert found["John Pike"].stance == "critical"


def test_denied_verdict_is_no_reaction():
    found = reactions(
        LEAD
        + "“I am not angry with the nurses,” said John Pike, a 70-year-old patient."
    )
    assert "John Pike" not in found


def test_neglect_without_a_verdict_word_is_critical():
    found = reactions(
        LEAD + "“Now it is every year, and nobody in the capital seems to have "
        "noticed,” said John Pike, a 70-year-old patient."
    )
    assert found["John Pike"].stance == "critical"


def test_worry_in_a_quote_is_no_reaction():
    found = reactions(
        LEAD + "“Our only concern now is to bring the men out,” said John Pike, "
        "the site manager."
    )
    assert "John Pike" not in found


def test_the_lead_person_does_not_react_by_quote():
    found = reactions(LEAD + "“It is a scandal,” said Ms Ruiz.")
    assert "Ana Ruiz" not in found


def test_nobody_telling_those_affected_is_blame():
    annotation = extract(
        LEAD + "Passenger Aileen Rennie waited for hours. "
        '"Nobody told us anything. Nobody," she said.'
    )
    assert [(r.actor, r.stance) for r in annotation.reactions] == [
        ("aileen-rennie", "critical")
    ]

"""Unnamed office holders who act are actors of their own."""

from api.extraction.pipeline import extract


def annotate(text):
    found = extract(text)
    return {a.name: a for a in found.actors}, found


def test_spokeswoman_of_a_named_organisation():
    found, result = annotate(
        "The European Commission must approve the deal. A Commission spokeswoman "
        'said Brussels would "look very closely at prices".'
    )
    spokeswoman = found["spokeswoman for the European Commission"]
    assert spokeswoman.type == "person"
    assert spokeswoman.aliases == ["A Commission spokeswoman"]
    assert result.quotes[0].speaker == spokeswoman.id


def test_unnamed_post_that_acts_is_a_person():
    found, _ = annotate(
        "Soldiers were deployed in Kano, where the state governor imposed a curfew."
    )
    assert found["state governor"].type == "person"


def test_unnamed_post_that_does_not_act_is_left_out():
    found, _ = annotate("Hospitals closed. Patients asked to see the finance director.")
    assert "finance director" not in found


def test_post_in_apposition_belongs_to_the_named_person():
    found, _ = annotate(
        "Hospitals closed. Jane Okafor, the finance director, said the cost was high."
    )
    assert "finance director" not in found
    assert "Jane Okafor" in found

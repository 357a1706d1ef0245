"""A figure's source named by a description of a known body."""

from api.extraction.pipeline import extract


def sources(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return [names.get(s.source) for s in annotation.statistics]


def test_description_stands_for_the_one_body_sharing_its_words():
    text = (
        "The Department of Disaster Management Affairs opened shelters. "
        "At least 27 people have died, the country’s disaster agency said on Monday."
    )
    assert sources(text) == ["Department of Disaster Management Affairs"]


def test_description_sharing_no_word_is_not_that_body():
    text = "The Red Cross opened shelters. At least 27 people died, the agency said."
    assert "Red Cross" not in sources(text)

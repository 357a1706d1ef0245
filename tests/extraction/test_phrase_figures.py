"""Figures written as phrases, units glued to numbers, and durations left out."""

from api.extraction.numbers import figures


def values(text):
    return [(f.value, f.qualifier, f.unit, f.age) for f in figures(text)]


def test_fraction_of_a_scale():
    assert values("It destroyed more than half a million homes.") == [
        (500000.0, "more_than", None, False)
    ]


def test_quarter_of_a_percentage_point():
    assert values("The bank cut rates by a quarter of a percentage point.") == [
        (0.25, "exact", "percentage points", False)
    ]


def test_share_in_words_is_a_percentage():
    assert values("It can prevent around three-quarters of severe cases.") == [
        (75.0, "around", "percent", False)
    ]


def test_units_glued_to_numbers():
    assert values("The depth was about 18km and gusts reached up to 70km/h.") == [
        (18.0, "around", "km", False),
        (70.0, "up_to", "km/h", False),
    ]
    assert values("Temperatures above 46C were recorded.") == [
        (46.0, "more_than", "C", False)
    ]


def test_written_ages():
    assert values("She held her eight-month-old daughter.") == [
        (8.0, "exact", "months", True)
    ]
    assert values("A seven-year-old girl drowned.") == [(7.0, "exact", "years", True)]


def test_written_number_with_a_scale():
    assert values("The union represents about four million workers.") == [
        (4000000.0, "around", None, False)
    ]


def test_durations_are_not_figures():
    text = (
        "For twenty-eight years we waited. A 48-hour strike began. "
        "Talks lasted four days, after eight months of fighting."
    )
    assert values(text) == []


def test_sentence_openers_do_not_hide_a_figure():
    assert [v[0] for v in values("But 46% of voters agreed. With 99.6% counted.")] == [
        46.0,
        99.6,
    ]


def test_a_million_is_approximate():
    assert values("Where a million people wait to go home.") == [
        (1000000.0, "approximate", None, False)
    ]

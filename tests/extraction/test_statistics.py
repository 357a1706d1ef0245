from api.extraction.pipeline import extract


def stats(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return {
        s.evidence: (s.value, s.category, names.get(s.source), s.placement)
        for s in annotation.statistics
    }


def test_categories_and_shared_source():
    found = stats(
        "For their part, the security forces reported 18 dead and 748 wounded. "
        "So far, more than 3,800 people have been detained."
    )
    assert found["18"] == (18.0, "fatalities", "security forces", "body")
    assert found["748"] == (748.0, "injuries", "security forces", "body")
    assert found["more than 3,800"][1] == "arrests"


def test_according_to_source_and_money():
    found = stats(
        "According to the Ministry of Finance, the plan costs $3bn. "
        "Officials said 2,500 troops were deployed."
    )
    assert found["$3bn"][1:3] == ("economy", "Ministry of Finance")
    assert found["2,500"][1] == "deployment"


def test_placement_follows_the_paragraph_kind():
    found = stats("Storms hit the coast.\n\n(Also: Floods kill dozens of villagers)")
    assert found["dozens"] == (24.0, "fatalities", None, "related_headline")


def test_dates_are_not_statistics():
    assert stats("On January 5, 2022, at 10:30, the 2019 law was debated.") == {}


def test_people_a_figure_counts_do_not_report_it():
    from api.extraction.pipeline import extract

    annotation = extract(
        "Prices rose. The Labour Congress, which represents about four million "
        "workers, said it would strike."
    )
    figure = next(s for s in annotation.statistics if s.value == 4_000_000)
    assert figure.source != "workers"
    assert "workers" not in {a.id for a in annotation.actors}


def test_every_figure_of_a_list_of_ages_is_an_age_in_years():
    text = "Police arrested three men aged 19, 21 and 34. Five people were killed."
    found = {(s.evidence, s.category, s.unit) for s in extract(text).statistics}
    assert found >= {
        ("19", "age", "years"),
        ("21", "age", "years"),
        ("34", "age", "years"),
        ("three", "arrests", None),
        ("Five", "fatalities", None),
    }


def test_a_figure_after_and_takes_no_verb_from_before_it():
    text = (
        "At least 23 people have died and more than 100,000 have been forced "
        "from their homes, officials said."
    )
    found = {s.evidence: s.category for s in extract(text).statistics}
    assert found == {"At least 23": "fatalities", "more than 100,000": "population"}


def test_a_level_that_rises_by_an_m_rises_in_metres():
    text = "The river rose 6m in two days. Sales rose 6m units. The firm has 60m users."
    found = [(s.evidence, s.value, s.unit) for s in extract(text).statistics]
    assert found == [
        ("6m", 6.0, "m"),
        ("6m", 6_000_000.0, None),
        ("60m", 60_000_000.0, None),
    ]

from api.extraction.numbers import figures


def found(text):
    return [
        (text[f.start : f.end], f.value, f.qualifier, f.unit) for f in figures(text)
    ]


def test_separators_scales_and_qualifiers():
    text = "more than 3,800 people, around 2,500 troops and 19 million inhabitants"
    assert found(text) == [
        ("more than 3,800", 3800.0, "more_than", None),
        ("around 2,500", 2500.0, "around", None),
        ("19 million", 19_000_000.0, "exact", None),
    ]


def test_money_with_currency_and_scale():
    text = "$3bn, £76m, US$5 trillion and €1.2 billion"
    assert [(e, v, u) for e, v, _, u in found(text)] == [
        ("$3bn", 3e9, "USD"),
        ("£76m", 76e6, "GBP"),
        ("US$5 trillion", 5e12, "USD"),
        ("€1.2 billion", 1.2e9, "EUR"),
    ]


def test_percentages():
    assert found("inflation rose 3.5 percent, or 4%")[0][3] == "percent"
    assert found("or 4% more")[0][:2] == ("4%", 4.0)


def test_written_numbers_and_dozens():
    text = "eighteen people, two dozen protesters and dozens of homes"
    assert found(text) == [
        ("eighteen", 18.0, "exact", None),
        ("two dozen", 24.0, "approximate", None),
        ("dozens", 24.0, "at_least", None),
    ]


def test_qualifiers():
    cases = {
        "at least 27 people": "at_least",
        "up to 40 people": "up_to",
        "nearly 90 people": "around",
        "some 300 people": "around",
        "over 12 people": "more_than",
    }
    for text, qualifier in cases.items():
        assert found(text)[0][2] == qualifier, text


def test_dates_years_times_and_names_are_not_figures():
    text = "On January 5, 2022 at 10:30, from 1989 to 2019, the G20, Covid-19, 1st"
    assert found(text) == []


def test_age():
    (figure,) = figures("the 81-year-old former president")
    assert figure.age and figure.value == 81 and figure.unit == "years"


def test_a_range_is_one_figure_with_its_high_end():
    assert found("destroying between 40 and 60 homes") == [
        ("between 40 and 60", 40.0, "exact", None),
    ]
    ranges = {
        "40 to 50 staff": (40.0, 50.0, None),
        "between 3 and 5 million people": (3e6, 5e6, None),
        "aged 20 to 30": (20.0, 30.0, "years"),
    }
    for text, (low, high, unit) in ranges.items():
        (figure,) = figures(text)
        assert (figure.value, figure.high, figure.unit) == (low, high, unit), text


def test_a_change_by_an_amount_to_a_level_is_two_figures_not_a_range():
    assert found("Unemployment rose by 50,000 to 1.4 million.") == [
        ("50,000", 50000.0, "exact", None),
        ("1.4 million", 1.4e6, "exact", None),
    ]


def test_a_range_of_years_is_a_duration_not_a_figure():
    assert found("sentences of 20 to 50 years") == []


def test_a_number_word_times_its_scale_is_one_figure():
    text = "Three hundred people marched. One hundred and twenty people died."
    assert [(v, n) for v, n, _, _ in found(text)] == [
        ("Three hundred", 300.0),
        ("One hundred and twenty", 120.0),
    ]


def test_a_figure_after_an_article_opening_a_sentence_counts():
    assert found("A 34-year-old man has been charged. Another 12 people died.") == [
        ("34", 34.0, "exact", "years"),
        ("12", 12.0, "exact", None),
    ]


def test_an_earthquakes_magnitude_is_its_unit_before_or_after_the_figure():
    text = (
        "Officials said a 5.6-magnitude earthquake struck, after a magnitude 6.4 "
        "quake and one of magnitude 6.1."
    )
    assert [(v, u) for _, v, _, u in found(text)] == [
        (5.6, "magnitude"),
        (6.4, "magnitude"),
        (6.1, "magnitude"),
    ]

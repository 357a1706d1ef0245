"""Categories of figures: what the figure counts comes first."""

from api.extraction.numbers import figures
from api.extraction.statistics import category


def categories(text):
    return [category(text, f) for f in figures(text)]


def test_money_in_any_currency_word_is_economy():
    assert categories("He diverted more than 2.4 billion pesos.") == ["economy"]


def test_measures_are_not_money():
    assert categories("Gusts of up to 70km/h and temperatures above 40C.") == [
        "other",
        "other",
    ]


def test_magnitude_is_other():
    assert categories("In 2015, a magnitude 7.8 earthquake killed 9,000 people.") == [
        "other",
        "fatalities",
    ]


def test_the_counted_thing_wins_over_an_earlier_verb():
    text = "At least 27 people have died and 700,000 have fled their homes."
    assert categories(text) == ["fatalities", "population"]


def test_a_range_is_one_figure_of_what_follows_it():
    text = "Between 3,000 and 7,000 people have been killed."
    assert categories(text) == ["fatalities"]


def test_plural_crowds_are_population():
    assert categories("In Lagos, thousands of protesters gathered.") == ["population"]


def test_rescuers_and_helicopters_are_deployment():
    assert categories("He said 60 rescuers, two helicopters searched.") == [
        "deployment",
        "deployment",
    ]


def test_a_later_verb_after_a_conjunction_is_not_the_figures():
    text = "Floods had killed 12 people and injured more than 40."
    assert categories(text) == ["fatalities", "injuries"]


def test_people_in_hospital_are_injuries_and_the_evacuated_a_population():
    assert categories(
        "Two people were hospitalised, 40 were evacuated and 12 left homeless."
    ) == ["injuries", "population", "population"]


def parsed_categories(text):
    from api.extraction.nlp import get_nlp

    doc = get_nlp()(text)
    return [category(text, f, doc) for f in figures(text)]


def test_the_parse_links_a_count_to_its_verb_across_a_long_clause():
    text = (
        "Eight of them managed to climb out of the shaft and were later taken "
        "to hospital with burns. Police killed 12 protesters and injured 40."
    )
    assert parsed_categories(text) == ["injuries", "fatalities", "injuries"]


def test_a_word_near_a_figure_but_not_linked_to_it_tells_nothing():
    text = "He said the hospital had bought two dozen air coolers last week."
    assert parsed_categories(text) == ["other"]

"""Spans that hold offsets: one bisection per offset gives what a scan gives."""

import random

from api.extraction import parse
from api.extraction.nlp import get_nlp
from api.extraction.zones import holder, holds


def test_holder_agrees_with_a_scan_of_every_span_even_when_spans_overlap():
    rng = random.Random(7)
    spans = [(a, a + rng.randint(1, 40)) for a in rng.sample(range(500), 60)]
    spans.append((10, 400))  # one span that holds many others
    holding = holder(spans)
    assert [holding(o) for o in range(-5, 560)] == [
        holds(spans, o) for o in range(-5, 560)
    ]
    assert holder([])(3) is False


def _climbed_place(token) -> bool:
    """The definition `parse.places` computes once per chain, read token by token."""
    while token.dep_ in ("compound", "conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in parse.PLACE_PREPOSITIONS


def test_places_are_the_tokens_a_place_preposition_governs_through_any_chain():
    text = (
        "Protests spread in Almaty, Aktobe and Shymkent, near the Tian Shan "
        "mountains. Envoys from Russia, China and Iran met Kazakh officials in "
        "Nur-Sultan, the capital."
    )
    doc = get_nlp()(text)
    expected = {t.i for t in doc if _climbed_place(t)}
    assert parse.places(doc) == expected
    assert {doc[i].text for i in expected} >= {"Almaty", "Aktobe", "Shymkent"}

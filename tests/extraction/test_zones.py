"""Spans that hold offsets: one bisection per offset gives what a scan gives."""

import random

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

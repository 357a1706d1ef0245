"""The API's enumerations and the Annotation's are one vocabulary, kept in two places
because `schemas/` and `api/extraction/` import nothing from each other."""

import pytest

from api.extraction import types
from schemas import actors, articles, quotes, reactions, statistics


@pytest.mark.parametrize(
    ("served", "annotated"),
    [
        (actors.ACTOR_TYPES, types.ACTOR_TYPES),
        (articles.PARAGRAPH_KINDS, types.PARAGRAPH_KINDS),
        (quotes.QUOTE_KINDS, types.QUOTE_KINDS),
        (reactions.STANCES, types.STANCES),
        (statistics.QUALIFIERS, types.QUALIFIERS),
        (statistics.CATEGORIES, types.CATEGORIES),
        (statistics.PLACEMENTS, types.PLACEMENTS),
    ],
)
def test_schema_enumerations_match_the_annotation(served, annotated):
    assert tuple(served) == tuple(annotated)

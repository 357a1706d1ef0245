"""One vocabulary: `api.extraction.types` defines it; the API's schemas, the curated
annotation loader and the database columns use that definition."""

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import String

from api.curation import CurationError, resolve
from api.db import models
from api.extraction import types
from api.extraction.text import parse_header
from schemas import actors, articles, quotes, reactions, statistics

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e7fced2b989c9f56"


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
def test_schemas_use_the_one_definition(served, annotated):
    assert served is annotated


@pytest.mark.parametrize(
    ("column", "values"),
    [
        (models.Actor.type, types.ACTOR_TYPES),
        (models.Paragraph.kind, types.PARAGRAPH_KINDS),
        (models.Quote.kind, types.QUOTE_KINDS),
        (models.Reaction.stance, types.STANCES),
        (models.Statistic.qualifier, types.QUALIFIERS),
        (models.Statistic.category, types.CATEGORIES),
        (models.Statistic.placement, types.PLACEMENTS),
    ],
)
def test_every_value_fits_its_column(column, values):
    kind = column.property.columns[0].type
    assert isinstance(kind, String)
    assert max(len(v) for v in values) <= kind.length, column


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("statistics", "category", "bogus"),
        ("statistics", "qualifier", "roughly"),
        ("reactions", "stance", "angry"),
        ("quotes", "kind", "indirect"),
        ("actors", "type", "company"),
    ],
)
def test_the_curated_loader_refuses_an_unknown_value(section, field, value):
    spec = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    published_on, text = parse_header(SEED.with_suffix(".txt").read_text("utf-8"))
    broken = copy.deepcopy(spec)
    broken[section][0][field] = value
    with pytest.raises(CurationError, match=rf"{field} '{value}' is not one of"):
        resolve(broken, text, published_on)


def test_the_explorer_shows_each_stance_of_the_one_definition():
    """The Explorer gives each stance an icon and a name; its table names exactly
    the vocabulary's stances, in its order."""
    panel = Path(__file__).resolve().parent.parent / "api/static/explorer/panels"
    source = (panel / "reactions.js").read_text(encoding="utf-8")
    table = source.split("export const STANCES = [", 1)[1].split("];", 1)[0]
    keys = tuple(part.split('"', 2)[1] for part in table.split("key: ")[1:])
    assert keys == types.STANCES

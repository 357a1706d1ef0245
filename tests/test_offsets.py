"""Offsets in code points and in UTF-16 code units, exact past astral characters."""

import pytest

from schemas.offsets import utf16_offsets
from tests.conftest import API_KEY
from tests.spec import spec

AUTH = {"Authorization": f"Bearer {API_KEY}"}

# Astral characters (two UTF-16 code units each) before every item, and BMP ones
# ("é", "—") that count one in both units.
TEXT = (
    "Floods 😀 close the valley road 𝄞🇫🇷\n\n"
    "The mayor of Porto Vale, Ana Ruiz, said on Monday 🌊 that floods had killed "
    "12 people and injured more than 40 — café owners too.\n\n"
    "\u201cWe will rebuild every bridge,\u201d Ms Ruiz said. 😀 The figures could "
    "not be independently verified."
)


def js_slice(text: str, start: int, end: int) -> str:
    """`text.slice(start, end)` as JavaScript computes it, on UTF-16 code units."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_utf16_offsets_count_two_units_for_an_astral_character():
    convert = utf16_offsets("a😀b𝄞c")
    assert [convert(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]


def test_utf16_offsets_equal_the_code_points_without_astral_characters():
    convert = utf16_offsets("café — naïve")
    assert [convert(i) for i in (0, 3, 4, 12)] == [0, 3, 4, 12]


def test_utf16_offsets_agree_with_the_utf16_length_of_every_prefix():
    convert = utf16_offsets(TEXT)
    for offset in range(len(TEXT) + 1):
        assert convert(offset) == utf16_length(TEXT[:offset]), offset


@pytest.fixture
def article(client):
    response = client.post(
        "/api/v1/articles", json={"title": "Floods", "text": TEXT}, headers=AUTH
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    yield body
    client.delete(f"/api/v1/articles/{body['id']}", headers=AUTH)


def _located(client, article) -> list[tuple[str, dict]]:
    """(what, item) for every item of the article that carries offsets."""
    found = [("paragraph", p) for p in article["paragraphs"]]
    found += [("caveat", c) for c in article["caveats"]]
    base = f"/api/v1/articles/{article['id']}"
    for resource in ("quotes", "statistics", "mentions", "reactions"):
        for item in client.get(f"{base}/{resource}?page_size=100").get_json():
            found.append((resource, item))
            found += [
                (f"{resource} occurrence", o) for o in item.get("occurrences", [])
            ]
    return found


def test_utf16_offsets_slice_the_evidence_as_javascript_does(client, article):
    text = article["text"]
    located = _located(client, article)
    kinds = {what for what, _ in located}
    assert {"paragraph", "caveat", "quotes", "statistics", "mentions"} <= kinds
    assert "quotes occurrence" in kinds and "statistics occurrence" in kinds
    for what, item in located:
        evidence = text[item["start"] : item["end"]]
        assert js_slice(text, item["start_utf16"], item["end_utf16"]) == evidence, what
        if "text" in item:
            assert evidence == item["text"], what


def test_utf16_offsets_move_past_the_astral_characters(client, article):
    quotes = client.get(f"/api/v1/articles/{article['id']}/quotes").get_json()
    [quote] = [q for q in quotes if q["text"] == "We will rebuild every bridge"]
    # 😀, 𝄞, 🇫 🇷 and 🌊 stand before it: five astral characters.
    assert quote["start_utf16"] - quote["start"] == 5
    assert quote["end_utf16"] - quote["end"] == 5
    assert js_slice(article["text"], quote["start"], quote["end"]) != quote["text"]


def test_item_by_id_carries_utf16_offsets(client, article):
    base = f"/api/v1/articles/{article['id']}"
    [figure] = [
        f for f in client.get(f"{base}/statistics").get_json() if f["evidence"] == "12"
    ]
    alone = client.get(f"/api/v1/statistics/{figure['id']}").get_json()
    assert (alone["start_utf16"], alone["end_utf16"]) == (
        figure["start_utf16"],
        figure["end_utf16"],
    )
    assert js_slice(article["text"], alone["start_utf16"], alone["end_utf16"]) == "12"


def test_spec_says_what_each_offset_counts():
    schemas = spec()["components"]["schemas"]
    for name in ("Quote", "Reaction", "Statistic", "Mention", "Span", "Paragraph"):
        properties = schemas[name]["properties"]
        assert "code points" in properties["start"]["description"], name
        assert "code points" in properties["end"]["description"], name
        for field in ("start_utf16", "end_utf16"):
            assert properties[field]["type"] == "integer", (name, field)
            assert "UTF-16 code units" in properties[field]["description"]

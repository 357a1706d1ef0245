"""Every item served, in every article: `text[start:end]` is its evidence."""

from pathlib import Path

import pytest

from api.extraction.pipeline import extract_raw
from tests.conftest import items

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(
    p for folder in ("seeds", "tests/corpus", "tests/corpus-real")
    for p in (ROOT / folder).glob("*.txt")
)  # fmt: skip


def _all(client, url: str) -> list[dict]:
    return items(client.get(f"{url}?page_size=100"))


def test_every_served_item_indexes_its_evidence(client):
    for article in _all(client, "/api/v1/articles"):
        base = f"/api/v1/articles/{article['id']}"
        text = client.get(base).get_json()["text"]
        spans = []
        for mention in _all(client, f"{base}/mentions"):
            spans.append((mention, mention["text"]))
        for quote in _all(client, f"{base}/quotes"):
            spans.append((quote, quote["text"]))
            spans += [(o, o["text"]) for o in quote["occurrences"]]
        for reaction in _all(client, f"{base}/reactions"):
            spans.append((reaction, reaction["evidence"]))
        for statistic in _all(client, f"{base}/statistics"):
            spans.append((statistic, statistic["evidence"]))
            spans += [(o, o["text"]) for o in statistic["occurrences"]]
        assert spans
        for item, evidence in spans:
            assert text[item["start"] : item["end"]] == evidence, item


def test_curated_seed_is_served_in_full(client, seed):
    base = f"/api/v1/articles/{seed.article.id}"
    served_quotes = {q["id"]: q for q in _all(client, f"{base}/quotes")}
    assert set(served_quotes) == {q.id for q in seed.quotes}
    served_actors = {a["id"]: a for a in _all(client, f"{base}/actors")}
    assert set(served_actors) == {a.id for a in seed.actors}
    for actor in seed.actors:
        assert served_actors[actor.id]["mention_count"] == len(actor.mentions)
    served_figures = {s["id"] for s in _all(client, f"{base}/statistics")}
    assert served_figures == {s.id for s in seed.statistics}
    served_reactions = {r["id"] for r in _all(client, f"{base}/reactions")}
    assert served_reactions == {r.id for r in seed.reactions}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_extracted_item_indexes_its_evidence(path):
    annotation = extract_raw(path.read_text(encoding="utf-8"))
    text = annotation.article.text
    spans = [(m, m.text) for a in annotation.actors for m in a.mentions]
    for quote in annotation.quotes:
        spans += [(quote, quote.text), *((o, o.text) for o in quote.occurrences)]
    spans += [(r, r.evidence) for r in annotation.reactions]
    for figure in annotation.statistics:
        spans += [(figure, figure.evidence), *((o, o.text) for o in figure.occurrences)]
    spans += [(c, c.text) for c in annotation.article.caveats]
    assert annotation.actors and annotation.statistics, path.stem
    for item, evidence in spans:
        assert text[item.start : item.end] == evidence, (path.stem, item)

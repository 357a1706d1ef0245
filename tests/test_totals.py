"""Totals kept on actors: recounted from their appearances at every write."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from api.db import load, migrate, models, session
from api.db.totals import count_forms, ranked_aliases
from api.extraction.ids import content_hash
from api.extraction.types import Actor, Annotation, ArticleInfo, Mention
from tests.conftest import make_app

PERSON = "wren-example-totals"
CONCURRENT = [f"totals-concurrent-{n}" for n in range(8)]


def _article(article_id: str, aliases: list[str], mentions: int, role=None):
    text = f"{article_id}: " + " ".join(aliases)
    actor = Actor(
        id=PERSON,
        name="Wren Example",
        type="person",
        role=role,
        aliases=aliases,
        mentions=[Mention(0, 4, text[:4]) for _ in range(mentions)],
    )
    info = ArticleInfo(article_id, article_id, text, content_hash(text))
    return Annotation(article=info, actors=[actor])


def test_ranked_aliases_puts_the_most_used_first_then_the_order_met():
    forms = count_forms([["b", "a"], ["c", "a"], ["d", "c", "c"]])
    assert forms == {"b": 1, "a": 2, "c": 2, "d": 1}
    assert ranked_aliases(forms) == ["a", "c", "b", "d"]


@pytest.fixture
def scratch_app(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    app = make_app(scratch_database_url)
    with app.app_context():
        yield app
        for article_id in ("totals-a", "totals-b", *CONCURRENT):
            load.remove(session(), article_id)
        session().commit()


def test_totals_count_every_article_and_cap_the_aliases(scratch_app):
    first = [f"form {n}" for n in range(1, 9)]
    second = [f"form {n}" for n in range(5, 15)]
    load.store(session(), _article("totals-a", first, 3), curated=True)
    load.store(session(), _article("totals-b", second, 5, "Mayor"), curated=True)
    session().commit()
    actor = session().get(models.Actor, PERSON)
    assert (actor.mention_count, actor.article_count, actor.salience) == (8, 2, 1.0)
    assert actor.aliases == [f"form {n}" for n in (5, 6, 7, 8, 1, 2, 3, 4, 9, 10)]
    assert actor.alias_count == 14
    assert actor.role == "Mayor"

    load.remove(session(), "totals-b")
    session().commit()
    session().refresh(actor)
    assert (actor.mention_count, actor.article_count) == (3, 1)
    assert (actor.aliases, actor.alias_count) == (first, 8)


def test_replacing_an_article_recounts_its_former_actors(scratch_app):
    load.store(session(), _article("totals-a", ["form 1"], 2), curated=True)
    load.store(session(), _article("totals-b", ["form 2"], 4), curated=True)
    session().commit()
    replacement = _article("totals-b", ["form 2"], 4)
    replacement.actors = []
    load.store(session(), replacement, curated=True)
    session().commit()
    actor = session().get(models.Actor, PERSON)
    session().refresh(actor)
    assert (actor.mention_count, actor.article_count, actor.aliases) == (
        2,
        1,
        ["form 1"],
    )


def test_concurrent_writers_lose_no_mention(scratch_app):
    """Eight transactions adding to one actor at once: every mention is counted."""

    def write(article_id: str) -> None:
        with scratch_app.app_context():
            load.store(session(), _article(article_id, [article_id], 3), curated=True)
            session().commit()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, CONCURRENT))
    actor = session().get(models.Actor, PERSON)
    session().refresh(actor)
    assert (actor.mention_count, actor.article_count) == (24, 8)
    assert actor.alias_count == 8

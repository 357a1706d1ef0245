"""Values that a database or JSON could refuse: every column holds what extraction
can produce, on PostgreSQL as on SQLite, and every public list is strict JSON."""

import json
import math

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import String, create_engine, inspect, select

from api.db import Base, load, migrate, models, session
from api.extraction.ids import article_id, content_hash
from api.extraction.types import (
    Actor,
    Annotation,
    ArticleInfo,
    Mention,
    Paragraph,
    Quote,
    Reaction,
    Statistic,
)
from schemas import limits
from tests.conftest import API_KEY, make_app

AUTH = {"Authorization": f"Bearer {API_KEY}"}
# Far past any width a column had: free text has no length of its own.
LONG = "Alder Birch Cedar Damson Elm Fir " * 200


@pytest.fixture(scope="module")
def scratch_app(scratch_database_url):
    migrate.upgrade(scratch_database_url)
    return make_app(scratch_database_url)


def _long_annotation() -> Annotation:
    text = f"{LONG}said that 12 people left.\n\nThe end."
    end = len(text)
    info = ArticleInfo(
        id=article_id(LONG, text),
        title=LONG,
        text=text,
        content_hash=content_hash(text),
        credits=[LONG],
        paragraphs=[Paragraph(0, "related_headline", 0, end)],
    )
    actor = Actor(
        id="alder-birch",
        name=LONG,
        type="organization",
        role=LONG,
        country=LONG,
        aliases=[LONG],
        mentions=[Mention(0, len(LONG), LONG)],
    )
    quote = Quote(
        "q-long", LONG, 0, 10, None, "partial", verb=LONG, speaker_reason=LONG
    )
    reaction = Reaction("r-long", actor.id, "supportive", LONG, LONG, LONG, 0, 10)
    figure = Statistic(
        "s-long",
        12.0,
        LONG,
        0,
        10,
        qualifier="approximate",
        category="population",
        subject=LONG,
        unit="percentage points",
        placement="related_headline",
        context=LONG,
    )
    return Annotation(info, [actor], [quote], [reaction], [figure])


def test_every_column_holds_the_longest_values(scratch_app):
    annotation = _long_annotation()
    with scratch_app.app_context():
        db = session()
        load.store(db, annotation, curated=False)
        db.commit()
        db.expunge_all()
        actor = db.get(models.Actor, "alder-birch")
        assert (actor.name, actor.role, actor.country) == (LONG, LONG, LONG)
        article = db.get(models.Article, annotation.article.id)
        assert article.title == LONG
        quote = db.get(models.Quote, "q-long")
        assert (quote.verb, quote.speaker_reason) == (LONG, LONG)
        reaction = db.get(models.Reaction, "r-long")
        assert (reaction.target, reaction.summary) == (LONG, LONG)
        figure = db.get(models.Statistic, "s-long")
        assert (figure.subject, figure.unit) == (LONG, "percentage points")
        mention = db.scalars(
            select(models.Mention.text).where(
                models.Mention.article_id == annotation.article.id
            )
        ).one()
        assert mention == LONG
        load.remove(db, annotation.article.id)
        db.commit()


def test_migrations_build_the_schema_the_models_declare(scratch_app):
    engine = create_engine(scratch_app.config["DATABASE_URL"])
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        changed = [
            diff
            for diff in compare_metadata(context, Base.metadata)
            if diff[0][0] == "modify_type"
        ]
    engine.dispose()
    assert changed == []


VOCABULARY_COLUMNS = {
    "type",
    "kind",
    "stance",
    "qualifier",
    "category",
    "placement",
    "state",  # of a job's article (api.db.jobs)
}


@pytest.mark.parametrize(
    "column",
    [c for table in Base.metadata.tables.values() for c in table.columns],
    ids=lambda c: str(c),
)
def test_only_ids_and_vocabularies_are_bounded(column):
    if not isinstance(column.type, String) or column.type.length is None:
        return
    bounded = column.name == "id" or column.name.endswith("_id")
    bounded |= column.name in {
        "content_hash",
        "waiting_hash",  # a content hash too
        "extractor",
        "language",
        "source_url",
        "generation",  # a uuid4 hex the data version is created with
    }
    if column.name in VOCABULARY_COLUMNS:
        assert column.type.length == models.VOCABULARY_WIDTH, column
    else:
        assert bounded, f"{column} is free text: make it Text"


ADVERSARIAL_TEXTS = [
    "Unemployment rose by 3 percentage points this year, the bureau said.",
    "Officials said " + " ".join(["Northgate Harbour Authority"] * 160) + " spoke.",
    "The ministry said " + "9" * 30 + " people had left.",
]


@pytest.mark.parametrize("text", ADVERSARIAL_TEXTS, ids=["unit", "name", "digits"])
def test_post_adversarial_text_is_stored(client, text):
    response = client.post("/api/v1/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["text"] == text
    client.delete(f"/api/v1/articles/{response.get_json()['id']}", headers=AUTH)


def _refuse_constant(name: str):
    raise ValueError(f"not JSON: {name}")


def _strict(body: bytes):
    return json.loads(body, parse_constant=_refuse_constant)


@pytest.fixture(scope="module")
def huge_figure_app(scratch_app, tmp_path_factory):
    """An article ingested from a file, where no request limit applies, holding a
    figure that no float holds and two that would sum past the largest float."""
    folder = tmp_path_factory.mktemp("huge-figure")
    (folder / "huge.txt").write_text(
        f"Officials said {'9' * 400} people left. "
        f"The agency said {'9' * 308} people and {'8' * 308} people came back.",
        "utf-8",
    )
    result = scratch_app.test_cli_runner().invoke(
        args=["ingest", "--workers", "1", str(folder)]
    )
    assert "stored 1 article(s)" in result.output, result.output
    yield scratch_app
    with scratch_app.app_context():
        for article in session().scalars(select(models.Article.id)).all():
            load.remove(session(), article)
        session().commit()


PUBLIC_LISTS = [
    "/api/v1/articles",
    "/api/v1/actors",
    "/api/v1/quotes",
    "/api/v1/reactions",
    "/api/v1/statistics",
]


PER_ACTOR = ("", "/quotes", "/reactions")


def test_every_public_list_is_strict_json(huge_figure_app):
    client = huge_figure_app.test_client()
    (article,) = [
        a
        for a in _strict(client.get("/api/v1/articles").data)
        if a["title"].startswith("Officials said")
    ]
    urls = [
        *PUBLIC_LISTS,
        *(
            f"/api/v1/articles/{article['id']}/{kind}"
            for kind in ("actors", "quotes", "reactions", "statistics", "stats")
        ),
        f"/api/v1/articles/{article['id']}",
    ]
    for actor in _strict(client.get("/api/v1/actors?page_size=100").data):
        urls += [f"/api/v1/actors/{actor['id']}{sub}" for sub in PER_ACTOR]
    for url in urls:
        response = client.get(url, query_string={"page_size": 100})
        assert response.status_code == 200, url
        _strict(response.data)
    figures = _strict(client.get(f"/api/v1/articles/{article['id']}/statistics").data)
    assert all(math.isfinite(f["value"]) for f in figures)
    assert all(abs(f["value"]) <= limits.LARGEST_FIGURE for f in figures)


def test_a_non_finite_value_is_never_served(database_url):
    app = make_app(database_url, TESTING=False)

    @app.get("/__infinite")
    def infinite():
        return {"value": math.inf}

    response = app.test_client().get("/__infinite")
    assert response.status_code == 500
    assert _strict(response.data)["code"] == 500


def test_the_column_migration_goes_down_and_up_again(request, database_url, tmp_path):
    from tests.conftest import _fresh_postgres_database

    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server_url")
        url = _fresh_postgres_database(server, "lede_migrations")
    migrate.upgrade(url)
    migrate.downgrade(url, "0002")
    engine = create_engine(url)
    with engine.connect() as connection:
        columns = {
            c["name"]: c["type"] for c in inspect(connection).get_columns("actors")
        }
    engine.dispose()
    assert columns["name"].length == 200
    migrate.upgrade(url)

"""Extraction never raises, every offset indexes its evidence, ids are stable."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from api.extraction.pipeline import analyse, article_info, extract

ALPHABET = st.sampled_from(
    list("abcdeXYZ ,.;:()-'\"“”«»‘’\n0123456789$%€£")
    + ["said", " he ", "President ", "Anna Berg", "more than ", "million", "dozens",
       "according to ", "Russia", "Russian troops", "(Also: ", "Photo: ", "AFP",
       "More news", "condemned", "welcomed", "the UN", "killed", "January"]
)  # fmt: skip
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def spans(annotation):
    text = annotation.article.text
    for p in annotation.article.paragraphs:
        yield p.start, p.end, text[p.start : p.end]
    for c in annotation.article.caveats:
        yield c.start, c.end, c.text
    for actor in annotation.actors:
        yield from ((m.start, m.end, m.text) for m in actor.mentions)
    for q in annotation.quotes:
        yield q.start, q.end, q.text
        yield from ((o.start, o.end, o.text) for o in q.occurrences)
    for r in annotation.reactions:
        yield r.start, r.end, r.evidence
    for s in annotation.statistics:
        yield s.start, s.end, s.evidence


@SETTINGS
@given(TEXTS)
# a name read only inside a group's owner ('JanuaryRussian troops') once stayed as
# a draft with no mention
@example("(Also: Anna Berg-6”Y“:President JanuaryRussian troops»“‘“according to")
def test_strict_pipeline_never_raises_and_offsets_index_evidence(text):
    annotation = analyse(article_info(text, None, None, None, None))
    for start, end, evidence in spans(annotation):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == evidence


@SETTINGS
@given(TEXTS)
def test_ids_are_deterministic(text):
    first, second = extract(text).to_dict(), extract(text).to_dict()
    assert first == second


@SETTINGS
@given(TEXTS)
def test_references_point_to_actors_and_quotes(text):
    annotation = extract(text)
    actor_ids = {a.id for a in annotation.actors}
    quote_ids = {q.id for q in annotation.quotes}
    for q in annotation.quotes:
        assert q.speaker is None or q.speaker in actor_ids
    for r in annotation.reactions:
        assert r.actor in actor_ids and set(r.quotes) <= quote_ids
        assert r.on_behalf_of is None or r.on_behalf_of in actor_ids
    for s in annotation.statistics:
        assert s.source is None or s.source in actor_ids


def test_a_rule_that_trips_keeps_the_article_and_is_logged(monkeypatch, caplog):
    from api.extraction import pipeline

    def trips(info):
        raise ValueError("a rule tripped")

    monkeypatch.setattr(pipeline, "analyse", trips)
    text = "Police said 12 people died.\n\nThe mayor said he was shocked."
    with caplog.at_level("ERROR", logger="api.extraction.pipeline"):
        annotation = pipeline.extract(text, title="T")
    assert [text[p.start : p.end] for p in annotation.article.paragraphs] == [
        "Police said 12 people died.",
        "The mayor said he was shocked.",
    ]
    assert annotation.quotes == annotation.statistics == []
    (record,) = caplog.records
    assert "extraction failed" in record.getMessage()
    assert record.exc_info[0] is ValueError

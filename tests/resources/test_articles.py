"""Articles: list, detail, derived figures."""

from tests.conftest import items


def test_list_articles_holds_the_seed(client, article_id):
    articles = items(client.get("/api/v1/articles"))
    seed = next(a for a in articles if a["id"] == article_id)
    assert seed["published_on"] == "2022-01-07"
    assert seed["credits"] == ["AFP", "EFE"]
    assert seed["curated"] is True
    assert seed["extractor"] == "curated"
    assert seed["language"] == "en"
    assert "text" not in seed


def test_list_articles_searches_title_and_text(client, article_id):
    hits = items(client.get("/api/v1/articles", query_string={"q": "ALMATY"}))
    assert [a["id"] for a in hits] == [article_id]
    assert items(client.get("/api/v1/articles?q=zanzibar-not-here")) == []


def test_get_article_has_text_paragraphs_and_counts(client, article_id, seed):
    article = client.get(f"/api/v1/articles/{article_id}").get_json()
    assert article["text"] == seed.article.text
    assert article["text"].startswith("The president of Kazakhstan, Kassym Jomart")
    assert article["word_count"] == len(seed.article.text.split())
    kinds = [p["kind"] for p in article["paragraphs"]]
    assert kinds[1] == "related_headline"
    assert kinds.count("photo_caption") == 2
    assert kinds.count("pull_quote") == 1
    assert "credit" in kinds
    assert article["paragraph_count"] == len(article["paragraphs"])
    assert article["counts"] == {
        "actors": len(seed.actors),
        "quotes": len(seed.quotes),
        "reactions": len(seed.reactions),
        "statistics": len(seed.statistics),
    }


def test_get_article_caveat_indexes_the_text(client, article_id):
    article = client.get(f"/api/v1/articles/{article_id}").get_json()
    caveats = article["caveats"]
    assert any("these figures have not been able" in c["text"] for c in caveats)
    for caveat in caveats:
        assert article["text"][caveat["start"] : caveat["end"]] == caveat["text"]


def test_get_article_stats_derives_totals(client, article_id):
    stats = client.get(f"/api/v1/articles/{article_id}/stats").get_json()
    by_category = {row["key"]: row for row in stats["statistics_by_category"]}
    # 26 killed (ministry) + 18 dead (security forces) + "Dozens" read as 24.
    assert by_category["fatalities"]["count"] == 3
    assert by_category["fatalities"]["total"] == 26 + 18 + 24
    assert by_category["injuries"]["total"] == 748
    assert by_category["age"]["total"] is None
    by_source = {row["key"]: row for row in stats["statistics_by_source"]}
    # 18 dead and 748 injured count different things: no total for that source.
    assert by_source["kazakh-security-forces"]["count"] == 2
    assert by_source["kazakh-security-forces"]["total"] is None
    assert stats["reactions_by_stance"] == {
        "concerned": 3,
        "supportive": 2,
        "critical": 1,
    }
    speakers = {row["key"]: row["count"] for row in stats["quotes_by_speaker"]}
    assert speakers["kassym-jomart-tokayev"] == max(speakers.values())
    assert stats["actors_by_type"]["person"] == 7
    assert stats["paragraphs_by_kind"]["related_headline"] == 4
    assert stats["unverified_statistics"] == 11


def test_get_article_unknown_is_404(client):
    response = client.get("/api/v1/articles/no-such-article")
    assert response.status_code == 404
    assert response.get_json()["message"] == "No article with id 'no-such-article'."


def test_sort_articles_rejects_unknown_field(client):
    response = client.get("/api/v1/articles?sort=colour")
    assert response.status_code == 422
    assert "sort" in response.get_json()["errors"]["query"]

"""Statistics: list, filters, by id, nested."""

from tests.conftest import items


def test_security_forces_report_both_figures(client):
    figures = items(client.get("/api/v1/statistics?source=kazakh-security-forces"))
    assert {(f["value"], f["category"]) for f in figures} == {
        (18.0, "fatalities"),
        (748.0, "injuries"),
    }


def test_figures_keep_their_qualifier(client):
    [detained] = items(client.get("/api/v1/statistics?category=arrests"))
    assert detained["value"] == 3800
    assert detained["qualifier"] == "more_than"
    assert detained["evidence"] == "more than 3,800"
    assert detained["verified"] is False


def test_headline_figure_is_marked_as_such(client):
    headline = items(client.get("/api/v1/statistics?placement=related_headline"))
    assert {f["evidence"] for f in headline} == {"more than 75", "Dozens"}


def test_list_statistics_filters_by_value_range(client):
    figures = items(client.get("/api/v1/statistics?min_value=20&max_value=100"))
    assert sorted(f["value"] for f in figures) == [24, 26, 70, 75, 81]


def test_list_statistics_sorts_by_value(client, article_id):
    url = f"/api/v1/articles/{article_id}/statistics?sort=-value&page_size=50"
    values = [f["value"] for f in items(client.get(url))]
    assert values[0] == 19_000_000 and values == sorted(values, reverse=True)


def test_get_statistic_by_id(client, seed):
    population = next(s for s in seed.statistics if s.category == "population")
    figure = client.get(f"/api/v1/statistics/{population.id}").get_json()
    assert figure["value"] == 19_000_000
    assert figure["evidence"] == "19 million"


def test_list_statistics_rejects_non_numeric_bound(client):
    response = client.get("/api/v1/statistics?min_value=many")
    assert response.status_code == 422
    assert "min_value" in response.get_json()["errors"]["query"]

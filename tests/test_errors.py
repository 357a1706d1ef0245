"""One error shape for every failing request, and no 500 for bad input."""

import pytest

ERROR_KEYS = {"code", "status", "message"}

FAILURES = [
    ("get", "/api/v1/articles/nope", 404),
    ("get", "/api/v1/no-such-resource", 404),
    ("get", "/nothing-here", 404),
    ("post", "/api/v1/quotes", 405),
    ("delete", "/api/v1/actors/kassym-jomart-tokayev", 405),
    ("put", "/health", 405),
    ("get", "/api/v1/quotes?page=0", 422),
    ("get", "/api/v1/quotes?page=abc", 422),
    ("get", "/api/v1/quotes?page_size=101", 422),
    ("get", "/api/v1/quotes?page_size=0", 422),
    ("get", "/api/v1/statistics?max_value=nan", 422),
    ("get", "/api/v1/actors?type=alien", 422),
    ("get", "/api/v1/quotes?sort=-nothing", 422),
    ("get", "/api/v1/quotes?q=", 422),
    ("get", "/api/v1/actors?q=a%00b", 400),
    ("get", "/api/v1/actors/a%00b", 400),
]


@pytest.mark.parametrize(("method", "url", "status"), FAILURES)
def test_error_has_the_one_json_shape(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) >= ERROR_KEYS
    assert body["code"] == status
    assert body["message"]
    assert "Traceback" not in response.get_data(as_text=True)


def test_validation_error_names_the_field(client):
    body = client.get("/api/v1/quotes?page_size=1000").get_json()
    assert body["errors"] == {
        "query": {
            "page_size": [
                "Must be greater than or equal to 1 and less than or equal to 100."
            ]
        }
    }


def test_method_not_allowed_keeps_allow_header(client):
    response = client.patch("/api/v1/reactions")
    assert response.status_code == 405
    allowed = {m.strip() for m in response.headers["Allow"].split(",")}
    assert {"GET", "HEAD", "OPTIONS"} <= allowed
    assert "PATCH" not in allowed


def test_server_error_is_json_without_trace(database_url):
    from tests.conftest import make_app

    app = make_app(database_url, TESTING=False)

    @app.get("/__boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/__boom")
    assert response.status_code == 500
    assert response.get_json()["code"] == 500
    assert "secret internals" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles?since=2020-01-01",
        "/api/v1/actors?tipe=person&page=1",
        "/api/v1/quotes?output=csv",
        "/api/v1/reactions?stence=critical",
        "/api/v1/statistics?categroy=fatalities&page_size=5",
        "/api/v1/actors/kassym-jomart-tokayev/mentions?artcle=x",
    ],
)
def test_an_unknown_query_parameter_is_refused_by_name(client, url):
    response = client.get(url)
    assert response.status_code == 422
    error = response.get_json()
    unknown = url.split("?", 1)[1].split("=", 1)[0]
    assert error["errors"]["query"] == {unknown: ["Unknown parameter."]}


def test_pagination_and_declared_filters_are_known(client):
    response = client.get("/api/v1/actors?type=person&page=1&page_size=5")
    assert response.status_code == 200
    assert all(actor["type"] == "person" for actor in response.get_json())

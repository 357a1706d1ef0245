"""The OpenAPI document: committed, valid, complete, and true to the responses."""

import json

import pytest
from openapi_spec_validator import validate

from tests.spec import SPEC_PATH, spec, validate_response

EXAMPLE_PATHS = {
    "/api/v1/articles/{article_id}": "/api/v1/articles/{article}",
    "/api/v1/articles/{article_id}/stats": "/api/v1/articles/{article}/stats",
    "/api/v1/articles/{article_id}/actors": "/api/v1/articles/{article}/actors",
    "/api/v1/articles/{article_id}/quotes": "/api/v1/articles/{article}/quotes",
    "/api/v1/articles/{article_id}/reactions": "/api/v1/articles/{article}/reactions",
    "/api/v1/articles/{article_id}/statistics": "/api/v1/articles/{article}/statistics",
    "/api/v1/actors/{actor_id}": "/api/v1/actors/kassym-jomart-tokayev",
    "/api/v1/actors/{actor_id}/quotes": "/api/v1/actors/kassym-jomart-tokayev/quotes",
    "/api/v1/actors/{actor_id}/reactions": "/api/v1/actors/xi-jinping/reactions",
    "/api/v1/actors/{actor_id}/mentions": "/api/v1/actors/xi-jinping/mentions",
    "/api/v1/articles/{article_id}/mentions": "/api/v1/articles/{article}/mentions",
    "/api/v1/search": "/api/v1/search?q=tokayev",
}


def test_committed_spec_matches_the_code(runner, tmp_path):
    written = tmp_path / "openapi.json"
    result = runner.invoke(args=["openapi", "write", str(written)])
    assert result.exit_code == 0, result.output
    assert json.loads(written.read_text()) == spec(), (
        "openapi/openapi.json is stale: run `make openapi` and commit it"
    )


def test_spec_is_valid_openapi():
    validate(spec())
    assert spec()["openapi"].startswith("3.1")


def test_served_spec_is_the_committed_one(client):
    assert client.get("/api/v1/openapi.json").get_json() == spec()


def test_every_operation_has_summary_description_and_tag():
    for path, operations in spec()["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("description"), where
            assert operation.get("tags"), where


def test_every_field_has_description_and_example():
    for name, schema in spec()["components"]["schemas"].items():
        for field, prop in schema.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{field} has no description"
            has_example = "example" in prop or "$ref" in prop or "items" in prop
            assert has_example, f"{name}.{field} has no example"


@pytest.mark.parametrize(
    "path",
    [
        path
        for path, operations in json.loads(SPEC_PATH.read_text())["paths"].items()
        if "{" not in path and "get" in operations
    ]
    + list(EXAMPLE_PATHS),
)
def test_responses_match_the_spec(client, article_id, path):
    url = EXAMPLE_PATHS.get(path, path).replace("{article}", article_id)
    response = client.get(url)
    assert response.status_code == 200, url
    validate_response(path, "get", response)


def test_item_responses_and_errors_match_the_spec(client, seed):
    cases = {
        "/api/v1/quotes/{quote_id}": f"/api/v1/quotes/{seed.quotes[0].id}",
        "/api/v1/reactions/{reaction_id}": f"/api/v1/reactions/{seed.reactions[0].id}",
        "/api/v1/statistics/{statistic_id}": (
            f"/api/v1/statistics/{seed.statistics[0].id}"
        ),
    }
    for path, url in cases.items():
        validate_response(path, "get", client.get(url))
        missing = client.get(url + "-missing")
        assert missing.status_code == 404
        validate_response(path, "get", missing)
    validate_response("/api/v1/quotes", "get", client.get("/api/v1/quotes?page=0"))


def test_docs_page_assets_are_served_offline(client):
    page = client.get("/docs/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/api/v1/openapi.json" in html
    assets = [
        token.split('"')[1]
        for token in html.split()
        if token.startswith(("href=", "src=")) and token.split('"')[1].startswith("/")
    ]
    assert {"/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css"} <= set(assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert len(response.get_data()) > 100, asset
    assert "cdn" not in html.lower()


def test_root_serves_the_explorer(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "<title>Lede Explorer</title>" in response.get_data(as_text=True)


def test_every_read_documents_its_cache_headers_and_304():
    for path, operations in spec()["paths"].items():
        read = operations.get("get")
        if read is None or path == "/api/v1/openapi.json":
            continue
        assert "304" in read["responses"], path
        assert {"ETag", "Cache-Control"} <= set(read["responses"]["200"]["headers"])

"""Security headers on every response; each page's policy allows what it loads."""

import base64
import hashlib
import re

import pytest

from tests.conftest import API_KEY

EVERYWHERE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
RESPONSES = [
    ("get", "/api/v1/articles", 200),
    ("get", "/api/v1/articles/nope", 404),
    ("get", "/api/v1/quotes?page=0", 422),
    ("post", "/api/v1/articles", 401),
    ("get", "/health", 200),
    ("get", "/api/v1/openapi.json", 200),
    ("get", "/", 200),
    ("get", "/explorer/main.js", 200),
    ("get", "/docs/", 200),
    ("get", "/docs/swagger-ui-bundle.js", 200),
    ("get", "/nothing-here", 404),
]


def _policy(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    pairs = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in pairs}


@pytest.mark.parametrize(("method", "url", "status"), RESPONSES)
def test_every_response_carries_the_security_headers(client, method, url, status):
    response = getattr(client, method)(url)
    assert response.status_code == status
    for name, value in EVERYWHERE.items():
        assert response.headers[name] == value, name
    assert _policy(response)["frame-ancestors"] == "'none'"


def test_json_may_run_nothing(client):
    policy = _policy(client.get("/api/v1/articles"))
    assert policy["default-src"] == "'none'"
    assert "script-src" not in policy


def test_the_explorer_runs_only_its_own_scripts(client):
    page = client.get("/")
    policy = _policy(page)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["connect-src"] == "'self'"
    assert "<script>" not in page.get_data(as_text=True)


def test_swagger_ui_runs_its_bundle_and_its_one_inline_script(client):
    page = client.get("/docs/")
    html = page.get_data(as_text=True)
    inline = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert _policy(page)["script-src"] == f"'self' 'sha256-{digest}'"
    assert "unsafe" not in page.headers["Content-Security-Policy"]


def test_swagger_ui_page_does_not_echo_the_host(client):
    html = client.get("/docs/", headers={"Host": "evil.example"}).get_data(True)
    assert "evil.example" not in html


def test_writes_carry_the_headers(client):
    auth = {"Authorization": f"Bearer {API_KEY}"}
    response = client.delete("/api/v1/articles/none", headers=auth)
    assert response.status_code == 404
    assert response.headers["X-Content-Type-Options"] == "nosniff"

"""What the access log keeps of a URL: the parameters' names, never their values."""

import pytest

from api.serving import redact_query, redact_url


@pytest.mark.parametrize(
    ("url", "logged"),
    [
        ("/api/v1/quotes", "/api/v1/quotes"),
        ("/api/v1/quotes?", "/api/v1/quotes?"),
        ("/api/v1/quotes?api_key=s3cret", "/api/v1/quotes?api_key=…"),
        ("/q?page=2&&key=s3cret=x&flag", "/q?page=…&key=…&flag=…"),
        ("http://h/docs/?token=s3cret#x", "http://h/docs/?token=…"),
    ],
)
def test_redact_url_keeps_names_only(url, logged):
    assert redact_url(url) == logged
    assert "s3cret" not in redact_url(url)


def test_redact_query_of_nothing_is_nothing():
    assert redact_query("") == ""

"""Fixtures for the Explorer in a real browser: gunicorn on a fresh SQLite database
and Debian's Chromium driven by Playwright.

The browser tests write (they post articles), so they get a database of their own
rather than the session's, which other tests count on. SQLite only: the page does
not care which database the API uses, and the API tests already cover both.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from api.db import migrate
from tests.conftest import make_app
from tests.live import gunicorn

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXPLORER_KEY = "explorer-key-0123456789"
VIEWPORT = {"width": 1280, "height": 900}


def _missing(message: str) -> None:
    """Skip on a developer's machine; on CI a missing browser is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def playwright_api():
    if not CHROMIUM.exists():
        _missing("Chromium not found at /usr/bin/chromium: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_api):
    browser = playwright_api.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def explorer_database(tmp_path_factory):
    """A migrated, seeded SQLite database for one test module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('explorer') / 'lede.sqlite3'}"
    migrate.upgrade(url)
    result = make_app(url).test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture(scope="module")
def server(explorer_database, browser):
    # `browser` first: without Chromium there is no point starting gunicorn.
    with gunicorn(explorer_database, LEDE_API_KEYS=EXPLORER_KEY) as base:
        yield base


class Console:
    """Console errors and uncaught exceptions of one page."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url')})")

    def unexpected(self, *allowed: str) -> list[str]:
        """Errors other than those containing one of the `allowed` strings."""
        return [e for e in self.errors if not any(a in e for a in allowed)]


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


class Explorer:
    """One browser page on the Explorer, with what the tests ask of it."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.console = Console(page)

    def goto(self, article_id: str | None = None) -> None:
        fragment = f"#/articles/{article_id}" if article_id else ""
        self.page.goto(f"{self.base}/{fragment}")
        self.page.wait_for_function(
            "performance.getEntriesByName('lede-first-render').length > 0"
        )

    def wait_for_article(self, article_id: str) -> None:
        self.page.wait_for_selector(
            f'main[data-article="{article_id}"]:not([aria-busy])', state="attached"
        )

    def shown_article(self) -> str | None:
        return self.page.get_attribute("main", "data-article")

    def highlights(self) -> dict[str, dict[str, str]]:
        """{kind: {key: text}}: each highlight once, its fragments joined."""
        return self.page.evaluate(
            """() => {
              const found = {};
              for (const e of document.querySelectorAll('#article-text .hl')) {
                const kind = (found[e.dataset.kind] ??= {});
                kind[e.dataset.key] = (kind[e.dataset.key] ?? '') + e.textContent;
              }
              return found;
            }"""
        )

    def measure(self, name: str) -> float:
        return self.page.evaluate(
            "(name) => performance.getEntriesByName(name)[0].duration", name
        )


@pytest.fixture
def explorer(context, server):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return Explorer(page, server)


def api_get(base: str, path: str):
    with urllib.request.urlopen(f"{base}/api/v1{path}", timeout=10) as response:
        return json.loads(response.read())


def api_delete(base: str, path: str, key: str) -> int:
    headers = {"Authorization": f"Bearer {key}"}
    request = urllib.request.Request(
        f"{base}/api/v1{path}", headers=headers, method="DELETE"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def api_post(base: str, path: str, payload: dict, key: str | None = None):
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        f"{base}/api/v1{path}", json.dumps(payload).encode(), headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())

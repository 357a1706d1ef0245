"""Fixtures for the Explorer in a real browser: gunicorn on a fresh SQLite database
and Debian's Chromium driven by Playwright.

The browser tests write (they post articles), so they get a database of their own
rather than the one the whole test run shares, which other tests count on. SQLite
only: the page does not care which database the API uses, and the API tests already
cover both.
"""

from __future__ import annotations

import pytest

from api.db import migrate
from tests.browser.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EXPLORER_KEY,
    VIEWPORT,
    Explorer,
    missing,
)
from tests.conftest import make_app
from tests.live import gunicorn


@pytest.fixture(scope="session")
def playwright_api():
    if not CHROMIUM.exists():
        missing(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed: pip install -e '.[test]'")
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
def server(browser, explorer_database):
    # `browser` first: without Chromium there is no point starting gunicorn.
    with gunicorn(explorer_database, LEDE_API_KEYS=EXPLORER_KEY) as base:
        yield base


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture
def explorer(context, server):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return Explorer(page, server)

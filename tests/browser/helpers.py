"""What the browser tests share: the Chromium launch, the page helper, API calls."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

# Debian's Chromium (Playwright's own browser download is not used); LEDE_CHROMIUM
# points elsewhere, e.g. /usr/bin/chromium-browser on another distribution.
CHROMIUM = Path(os.environ.get("LEDE_CHROMIUM", "/usr/bin/chromium"))
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


def missing(message: str) -> None:
    """Skip on a developer's machine; on CI (CI=true) a missing browser fails."""
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def wait_until(page, expression: str, seconds: float = 15.0) -> None:
    """`page.wait_for_function`, by polling `page.evaluate`: the pages' policy (no
    'unsafe-eval') refuses the predicate that Playwright would build in the page."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds} s: {expression}")
        page.wait_for_timeout(50)


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


class Explorer:
    """One browser page on the Explorer, with what the tests ask of it."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.console = Console(page)

    def goto(self, article_id: str | None = None) -> None:
        fragment = f"#/articles/{article_id}" if article_id else ""
        self.page.goto(f"{self.base}/{fragment}")
        wait_until(
            self.page, "performance.getEntriesByName('lede-first-render').length > 0"
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


def _call(request: urllib.request.Request):
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            return response.status, json.loads(body) if body else None
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, json.loads(body) if body else None


def api_get(base: str, path: str):
    status, body = _call(urllib.request.Request(f"{base}/api/v1{path}"))
    assert status == 200, body
    return body


def api_post(base: str, path: str, payload: dict, key: str | None = None):
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    data = json.dumps(payload).encode()
    return _call(
        urllib.request.Request(
            f"{base}/api/v1{path}", data, headers=headers, method="POST"
        )
    )


def api_delete(base: str, path: str, key: str) -> int:
    headers = {"Authorization": f"Bearer {key}"}
    request = urllib.request.Request(
        f"{base}/api/v1{path}", headers=headers, method="DELETE"
    )
    return _call(request)[0]

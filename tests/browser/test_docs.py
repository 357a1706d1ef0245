"""Swagger UI under its Content-Security-Policy: it renders, and nothing is refused."""

import pytest

from tests.browser.helpers import Console

pytestmark = pytest.mark.browser


def test_swagger_ui_renders_every_resource_under_its_policy(context, server):
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = Console(page)
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else 0,
    )
    page.goto(f"{server}/docs/")
    page.wait_for_selector(".opblock-summary-path")
    tags = page.eval_on_selector_all(
        ".opblock-tag", "(tags) => tags.map((t) => t.dataset.tag)"
    )
    assert {"articles", "actors", "quotes", "reactions", "statistics"} <= set(tags)
    page.click(".opblock-summary-path")
    page.wait_for_selector(".opblock-body")
    assert refused == []
    assert console.errors == []

"""Accessibility of the Explorer, checked by axe-core (shipped in a Python wheel)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import Explorer, api_get

pytestmark = pytest.mark.browser

# Violations that keep a reader out; "moderate" and "minor" ones are reported by axe
# too and would show up here only if they were raised to these levels.
BLOCKING = {"serious", "critical"}


def _blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + ", ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_article_view_has_no_blocking_accessibility_violation(
    context, server, width
):
    seed_id = api_get(server, "/articles?q=Kazakhstan")[0]["id"]
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    Explorer(page, server).goto(seed_id)
    assert _blocking_violations(page) == []


def test_an_open_card_keeps_the_page_accessible(explorer, server):
    seed_id = api_get(server, "/articles?q=Kazakhstan")[0]["id"]
    explorer.goto(seed_id)
    explorer.page.keyboard.press("Tab")
    explorer.page.locator("[data-key]").first.focus()
    assert _blocking_violations(explorer.page) == []

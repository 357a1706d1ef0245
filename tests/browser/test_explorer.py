"""The Explorer page in headless Chromium against the real gunicorn server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from tests.browser.helpers import (
    EXPLORER_KEY,
    VIEWPORT,
    Explorer,
    api_delete,
    api_get,
    api_post,
    wait_until,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "explorer.png"
FIRST_RENDER_BUDGET_MS = 300
TOKAYEV = "kassym-jomart-tokayev"

# Written for the test: a speaker, a direct quote, a figure and a date.
NEW_ARTICLE = (
    "Springfield reopens its old bridge after a year of repairs\n\n"
    "The mayor of Springfield, Jane Doe, said on Monday that "
    "\u201cthe bridge will reopen to traffic next week\u201d. "
    "More than 300 workers repaired it over twelve months, the city council said.\n\n"
    "Residents welcomed the news."
)


@pytest.fixture(scope="module")
def seed_id(server):
    articles = api_get(server, "/articles?q=Kazakhstan")
    assert len(articles) == 1, articles
    return articles[0]["id"]


def _path(article_id: str, resource: str = "") -> str:
    return f"/articles/{quote(article_id)}{resource}"


@pytest.fixture
def posted(server):
    """Ids of articles a test adds; deleted afterwards so the list stays the seed."""
    ids: list[str] = []
    yield ids
    for article_id in ids:
        assert api_delete(server, _path(article_id), EXPLORER_KEY) in (204, 404)


def test_the_page_loads_the_first_article_without_console_errors(explorer, server):
    explorer.goto()
    first = api_get(server, "/articles")[0]
    explorer.wait_for_article(first["id"])
    page = explorer.page
    assert page.title().endswith("Lede Explorer")
    assert page.evaluate("location.hash") == f"#/articles/{first['id']}"
    assert page.inner_text("#article-title") == first["title"]
    for landmark in ("header", "nav", "main", "aside", "footer"):
        assert page.locator(landmark).count() == 1, landmark
    unlabelled = page.eval_on_selector_all(
        "input, select, textarea",
        "(controls) => controls.filter((c) => !c.labels.length).map((c) => c.id)",
    )
    assert unlabelled == []
    assert page.get_attribute("#status", "aria-live") == "polite"
    assert explorer.console.errors == []


def test_highlights_match_the_api_items_and_offsets(explorer, server, seed_id):
    explorer.goto(seed_id)
    article = api_get(server, _path(seed_id))
    actors = api_get(server, _path(seed_id, "/actors?page_size=100"))
    mentions = api_get(server, _path(seed_id, "/mentions?page_size=100"))
    quotes = api_get(server, _path(seed_id, "/quotes?page_size=100"))
    figures = api_get(server, _path(seed_id, "/statistics?page_size=100"))
    text = article["text"]
    shown = explorer.highlights()

    occurrences = [o for q in quotes for o in q["occurrences"]]
    assert (
        len(shown["mention"])
        == len(mentions)
        == sum(a["mention_count"] for a in actors)
    )
    assert len(shown["quote"]) == len(occurrences)
    assert len(shown["figure"]) == len(figures)
    # Every highlight shows exactly the API's evidence, text[start:end].
    expected = {text[m["start"] : m["end"]] for m in mentions}
    assert set(shown["mention"].values()) == expected
    for figure in figures:
        assert (
            shown["figure"][f"s:{figure['id']}"]
            == text[figure["start"] : figure["end"]]
        )
    assert explorer.console.errors == []


def test_paragraph_kinds_are_labelled(explorer, server, seed_id):
    explorer.goto(seed_id)
    kinds = {p["kind"] for p in api_get(server, _path(seed_id))["paragraphs"]}
    labels = {
        "related_headline": "Related headline",
        "photo_caption": "Photo caption",
        "credit": "Credit",
        "pull_quote": "Pull quote",
        "more_news": "More news",
    }
    for kind in kinds - {"body"}:
        box = explorer.page.locator(f"#article-text .para-{kind}").first
        assert box.get_attribute("aria-label") == labels[kind]
        assert labels[kind].lower() in box.inner_text().lower()


def test_hover_and_focus_show_the_card(explorer, server, seed_id):
    explorer.goto(seed_id)
    page = explorer.page
    card = page.locator("#hl-card")

    figure = page.locator("#article-text .hl-figure[data-first]").first
    figure.hover()
    assert card.is_visible()
    assert "figure" in card.inner_text().lower()
    assert "Unverified" in card.inner_text()

    # Keyboard: Tab reaches the highlights; the focused one names the card.
    page.focus("#article-title")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({key: document.activeElement.dataset.key,"
        " described: document.activeElement.getAttribute('aria-describedby')})"
    )
    assert focused["key"].startswith("m:")  # the article opens with an actor
    assert focused["described"] == "hl-card"
    actor = api_get(server, f"/actors/{focused['key'].split(':')[1]}")
    assert card.is_visible()
    assert actor["name"] in card.inner_text()
    page.keyboard.press("Escape")
    assert card.is_hidden()


def test_the_card_names_the_highlight_around_the_pointed_one(explorer, server, seed_id):
    figures = api_get(server, _path(seed_id, "/statistics?page_size=100"))
    quotes = api_get(server, _path(seed_id, "/quotes?page_size=100"))
    spans = {(o["start"], o["end"]): q for q in quotes for o in q["occurrences"]}
    both = [f for f in figures if (f["start"], f["end"]) in spans]
    assert both, "in the seed, 20,000 is both a figure and a scare quote"
    explorer.goto(seed_id)
    page = explorer.page
    page.hover(f'#article-text .hl[data-key="s:{both[0]["id"]}"]')
    speaker = spans[(both[0]["start"], both[0]["end"])]["speaker_name"]
    page.locator("#hl-card", has_text=f"Inside a quote by {speaker}").wait_for()


def test_skip_links_keep_the_article_in_the_url(explorer, seed_id):
    explorer.goto(seed_id)
    page = explorer.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the article"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "article"
    assert page.evaluate("location.hash") == f"#/articles/{seed_id}"


def test_clicking_an_actor_marks_it_and_lists_its_quotes(explorer, server, seed_id):
    explorer.goto(seed_id)
    page = explorer.page
    expected = api_get(server, f"/actors/{TOKAYEV}/quotes?article={seed_id}")
    assert expected, "the seed has quotes of Tokayev"
    button = page.locator(f'#actor-list button[data-actor="{TOKAYEV}"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    box = page.locator("#actor-quotes")
    box.locator("h3", has_text="Quotes by Kassym-Jomart Tokayev").wait_for()
    assert box.locator("li").count() == len(expected)
    marked = page.locator(
        f'#article-text .hl-mention.is-selected[data-actor="{TOKAYEV}"]'
    )
    actor = api_get(server, f"/actors/{TOKAYEV}")
    assert marked.count() >= actor["mention_count"]

    # The type filter keeps only actors of that type.
    page.select_option("#actor-type", "country")
    types = page.eval_on_selector_all(
        "#actor-list button", "(bs) => bs.map((b) => b.dataset.type)"
    )
    assert types and set(types) == {"country"}
    assert explorer.console.errors == []


def test_quotes_are_grouped_and_a_repeated_one_shown_once(explorer, server, seed_id):
    explorer.goto(seed_id)
    quotes = api_get(server, _path(seed_id, "/quotes?page_size=100"))
    repeated = [q for q in quotes if len(q["occurrences"]) > 1]
    assert repeated, "the seed's pull quote is repeated in the body"
    page = explorer.page
    for q in repeated:
        item = page.locator(f'#quotes-panel li[data-quote="{q["id"]}"]')
        assert item.count() == 1
        assert f"appears {len(q['occurrences'])} times" in item.inner_text()
    speakers = {q["speaker"] or "" for q in quotes}
    assert page.locator("#quotes-panel section.speaker").count() == len(speakers)


def test_the_reactions_panel_shows_each_stance(explorer, server, seed_id):
    explorer.goto(seed_id)
    reactions = api_get(server, _path(seed_id, "/reactions?page_size=100"))
    page = explorer.page
    shown = page.eval_on_selector_all(
        "#reactions-panel section.stance", "(ss) => ss.map((s) => s.dataset.stance)"
    )
    assert set(shown) == {r["stance"] for r in reactions}
    for stance in shown:
        group = page.locator(f'#reactions-panel section[data-stance="{stance}"]')
        # Told by its name and an icon, not by colour alone.
        assert stance.capitalize() in group.locator("h3").inner_text()
        assert group.locator(".stance-icon").inner_text().strip()
        count = sum(r["stance"] == stance for r in reactions)
        assert group.locator("li.reaction").count() == count
    targets = {r["target"] for r in reactions if r["target"]}
    panel = page.inner_text("#reactions-panel")
    assert all(target in panel for target in targets)

    # A reacting actor leads to the actors panel, even past a type filter.
    page.select_option("#actor-type", "country")
    reaction = reactions[0]
    page.click(f'li[data-reaction="{reaction["id"]}"] .reaction-who button')
    button = page.locator(f'#actor-list button[data-actor="{reaction["actor"]}"]')
    assert button.get_attribute("aria-pressed") == "true"
    heading = f"Quotes by {reaction['actor_name']}"
    page.locator("#actor-quotes h3", has_text=heading).wait_for()
    assert explorer.console.errors == []


def test_the_chart_has_one_bar_per_figure(explorer, server, seed_id):
    explorer.goto(seed_id)
    figures = api_get(server, _path(seed_id, "/statistics?page_size=100"))
    page = explorer.page
    bars = page.locator("#statistics-panel svg.chart g.bar")
    assert bars.count() == len(figures)
    unverified = sum(not f["verified"] for f in figures)
    assert page.locator("svg.chart g.bar.is-unverified").count() == unverified
    assert page.locator("svg.chart .bar-unverified").count() == unverified
    # On the log scale the smallest bar stays visible beside 19 million (on a
    # linear one 18 would be a millionth of it), and bars grow with the values.
    widths = page.eval_on_selector_all(
        "svg.chart .bar-rect", "(rs) => rs.map((r) => r.getBBox().width)"
    )
    assert min(widths) > 0.05 * max(widths)
    assert widths == sorted(widths, reverse=True)
    labels = page.eval_on_selector_all(
        "svg.chart .bar-label", "(ts) => ts.map((t) => t.textContent)"
    )
    assert any("Fatalities" in label for label in labels)
    # Derived totals from /stats.
    stats = api_get(server, _path(seed_id, "/stats"))
    assert f"{stats['unverified_statistics']} of" in page.inner_text(
        "#unverified-total"
    )
    # Choosing a bar focuses its figure in the text.
    bars.first.click()
    assert page.evaluate("document.activeElement.dataset.kind") == "figure"


def test_search_filters_the_article_list(explorer, seed_id):
    explorer.goto(seed_id)
    page = explorer.page
    page.fill("#search", "Kazakhstan")
    page.press("#search", "Enter")
    wait_until(page, "document.querySelector('#status').textContent.includes('match')")
    assert page.locator(f'#article-list a[data-id="{seed_id}"]').count() == 1
    page.fill("#search", "xylophonequartz")
    page.click("#search-form button")
    page.locator("#article-list", has_text="No article matches").wait_for()


def test_posting_an_article_opens_it_with_its_items(explorer, server, seed_id, posted):
    explorer.goto(seed_id)
    page = explorer.page
    page.click("#add summary")
    page.fill("#add-text", NEW_ARTICLE)
    page.fill("#add-title", "Bridge <b>reopens</b>")
    page.fill("#add-date", "2024-05-06")
    page.fill("#add-key", EXPLORER_KEY)
    page.click("#add-form button[type=submit]")
    wait_until(page, f"location.hash !== '#/articles/{seed_id}'")
    new_id = page.evaluate("decodeURIComponent(location.hash.split('/')[2])")
    posted.append(new_id)
    explorer.wait_for_article(new_id)

    article = api_get(server, _path(new_id))
    assert article["published_on"] == "2024-05-06"
    # The title is text, never markup.
    assert page.inner_text("#article-title") == "Bridge <b>reopens</b>"
    assert page.locator("#article-title b").count() == 0
    quotes = api_get(server, _path(new_id, "/quotes"))
    shown = explorer.highlights()
    assert len(quotes) >= 1
    assert len(shown.get("quote", {})) == sum(len(q["occurrences"]) for q in quotes)
    assert "the bridge will reopen to traffic next week" in shown["quote"].values()
    assert "Article added" in page.inner_text("#status")
    assert page.locator(f'#article-list a[data-id="{new_id}"]').count() == 1

    # A reload keeps the article.
    page.reload()
    explorer.wait_for_article(new_id)
    assert explorer.console.errors == []


# Astral characters (two UTF-16 code units each, one code point) before every item.
EMOJI_ARTICLE = (
    "Fans \U0001f600 fill the square as the \U0001f3c6 comes home\n\n"
    "The mayor of Springfield, Jane Doe \U0001f389, said on Monday that "
    "\u201cthe trophy will stay in the town hall\u201d. "
    "More than 300 people \U0001f600 waited for hours, the city council said."
)


def test_highlights_keep_their_words_after_an_emoji(explorer, server, posted):
    status, body = api_post(
        server, "/articles", {"title": "Trophy", "text": EMOJI_ARTICLE}, EXPLORER_KEY
    )
    assert status == 201, body
    posted.append(body["id"])
    explorer.goto(body["id"])
    explorer.wait_for_article(body["id"])
    text = body["text"]
    quotes = api_get(server, _path(body["id"], "/quotes"))
    figures = api_get(server, _path(body["id"], "/statistics"))
    mentions = api_get(server, _path(body["id"], "/mentions"))
    shown = explorer.highlights()

    # Each highlight shows the API's evidence, text[start:end] in code points.
    occurrences = [o for q in quotes for o in q["occurrences"]]
    assert sorted(shown["quote"].values()) == sorted(
        text[o["start"] : o["end"]] for o in occurrences
    )
    assert "the trophy will stay in the town hall" in shown["quote"].values()
    assert shown["figure"] == {
        f"s:{f['id']}": text[f["start"] : f["end"]] for f in figures
    }
    assert "More than 300" in shown["figure"].values()
    assert set(shown["mention"].values()) == {
        text[m["start"] : m["end"]] for m in mentions
    }
    assert "Jane Doe" in shown["mention"].values()
    # The emoji themselves are shown, whole.
    page_text = explorer.page.inner_text("#article-text")
    assert "\U0001f3c6 comes home" in page_text
    assert "Jane Doe \U0001f389, said" in page_text
    assert explorer.console.errors == []


def test_posting_known_text_opens_the_stored_article(explorer, server, seed_id, posted):
    text = "The council said on Tuesday that 12 roads were closed by the snow."
    status, body = api_post(server, "/articles", {"text": text}, EXPLORER_KEY)
    assert status == 201, body
    posted.append(body["id"])
    explorer.goto(seed_id)
    page = explorer.page
    page.click("#add summary")
    page.fill("#add-text", text)
    page.fill("#add-key", EXPLORER_KEY)
    page.click("#add-form button[type=submit]")
    explorer.wait_for_article(body["id"])
    assert "already stored" in page.inner_text("#status")


def test_api_errors_are_shown_in_plain_words(explorer, server, seed_id):
    explorer.goto(seed_id)
    page = explorer.page
    page.click("#add summary")
    page.fill("#add-text", NEW_ARTICLE + " A wrong key must not store this.")
    page.fill("#add-key", "not-the-key")
    page.click("#add-form button[type=submit]")
    error = page.locator("#add-error")
    error.wait_for(state="visible")
    assert error.inner_text().strip() == "The API key was not accepted."
    assert "The API key was not accepted." in page.inner_text("#status")
    assert page.get_attribute("#status", "aria-live") == "polite"
    assert explorer.shown_article() == seed_id

    # No key at all: 401.
    page.fill("#add-key", "")
    page.click("#add-form button[type=submit]")
    page.locator("#add-error", has_text="An API key is needed").wait_for()

    # An invalid field: the 422's message, next to the field.
    page.fill("#add-key", EXPLORER_KEY)
    page.fill("#add-title", "x" * 301)  # the API takes titles up to 300 characters
    page.click("#add-form button[type=submit]")
    field = page.locator("#title-error")
    field.wait_for(state="visible")
    assert "300" in field.inner_text()
    assert page.get_attribute("#add-title", "aria-invalid") == "true"
    assert "Title:" in page.inner_text("#add-error")

    # A body over the server's limit: 413.
    page.fill("#add-title", "")
    page.fill("#add-text", "word " * 210_000)
    page.click("#add-form button[type=submit]")
    page.locator("#add-error", has_text="too long").wait_for()
    assert page.get_attribute("#add-title", "aria-invalid") is None

    # The browser logs each refused request; nothing else may appear.
    refused = ("status of 401", "status of 403", "status of 413", "status of 422")
    assert explorer.console.unexpected(*refused) == []
    assert [a["id"] for a in api_get(server, "/articles")] == [seed_id]


def test_an_unknown_article_is_reported(explorer):
    explorer.page.goto(f"{explorer.base}/#/articles/no-such-article")
    message = "This article was not found."
    explorer.page.locator("#status", has_text=message).wait_for()
    assert message in explorer.page.inner_text("#article-text")
    assert explorer.console.unexpected("status of 404") == []


def test_overlapping_spans_nest_or_split(explorer, seed_id):
    """text.js cuts at every boundary: nested spans nest, crossing ones split."""
    explorer.goto(seed_id)
    result = explorer.page.evaluate(
        """async () => {
          const text = await import('/explorer/text.js');
          const article = {id: 'a', text: 'Tokayev said shoot to kill now.',
            paragraphs: [{start_utf16: 0, end_utf16: 31, kind: 'body', index: 0}]};
          const spans = [
            {key: 'q:1:0', kind: 'quote', start: 13, end: 26, ref: '1', item: {}},
            {key: 'm:x:13:18', kind: 'mention', start: 13, end: 18, ref: 'x', item: {}},
            {key: 's:2', kind: 'figure', start: 23, end: 30, ref: '2', item: {}},
            {key: 'm:t:0:7', kind: 'mention', start: 0, end: 7, ref: 't', item: {}},
          ];
          const pieces = text.segment(0, 31, spans).map(
            (p) => [p.start, p.end, p.spans.map((s) => s.key)]);
          const box = document.createElement('div');
          box.append(text.renderArticleText(article, spans));
          const parts = {};
          for (const e of box.querySelectorAll('.hl')) {
            parts[e.dataset.key] = (parts[e.dataset.key] || []).concat(e.textContent);
          }
          return {
            pieces, parts,
            nested: !!box.querySelector('.hl-quote > .hl-mention'),
            focusable: box.querySelectorAll('.hl[tabindex="0"]').length,
            plain: box.textContent,
          };
        }"""
    )
    assert result["pieces"] == [
        [0, 7, ["m:t:0:7"]],
        [7, 13, []],
        [13, 18, ["q:1:0", "m:x:13:18"]],
        [18, 23, ["q:1:0"]],
        [23, 26, ["q:1:0", "s:2"]],
        [26, 30, ["s:2"]],
        [30, 31, []],
    ]
    assert result["nested"]
    # The figure crosses the end of the quote: two fragments, one focus stop.
    assert result["parts"]["s:2"] == ["ill", " now"]
    assert result["parts"]["q:1:0"] == ["shoot to kill"]
    assert result["parts"]["m:x:13:18"] == ["shoot"]
    assert result["focusable"] == 4
    assert result["plain"] == "Tokayev said shoot to kill now."


def test_narrow_viewport_stacks_the_panels(context, server, seed_id):
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    explorer = Explorer(page, server)
    explorer.goto(seed_id)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    main = page.locator("main").bounding_box()
    aside = page.locator("aside").bounding_box()
    assert aside["y"] >= main["y"] + main["height"]
    assert main["width"] <= 390
    assert explorer.console.errors == []


def test_first_render_is_under_budget(explorer, seed_id):
    explorer.goto(seed_id)
    after_data = explorer.measure("lede-first-render")
    from_navigation = explorer.measure("lede-first-render-from-navigation")
    print(
        f"\nlede-first-render: {after_data:.1f} ms after the data arrived; "
        f"{from_navigation:.1f} ms from navigation start"
    )
    assert after_data < FIRST_RENDER_BUDGET_MS


def test_screenshot_of_the_seed_article(explorer, seed_id):
    explorer.goto(seed_id)
    page = explorer.page
    assert page.viewport_size == VIEWPORT
    page.evaluate("document.fonts.ready")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000

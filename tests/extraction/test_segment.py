from api.extraction.pipeline import extract

TEXT = """Floods hit the south of the country on Monday, officials said.

(Also: Storm season breaks records)

Residents wade through water in the town. Photo: AFP / Jane Doe

AFP AND EFE

More news

Another headline about something else"""


def test_paragraph_kinds():
    annotation = extract(TEXT)
    kinds = [p.kind for p in annotation.article.paragraphs]
    assert kinds == [
        "body",
        "related_headline",
        "photo_caption",
        "credit",
        "more_news",
        "more_news",
    ]
    assert annotation.article.credits == ["AFP", "EFE"]


def test_caveat():
    text = (
        "Officials reported 40 dead. The figures could not be independently verified."
    )
    (caveat,) = extract(text).article.caveats
    assert "could not be independently verified" in caveat.text


def test_default_title_is_the_first_line_cut_at_a_word():
    from api.extraction.pipeline import default_title

    assert (
        default_title("  Floods hit the valley\n\nMore text.")
        == "Floods hit the valley"
    )
    long_line = "The council of the northern district met on Monday, " * 4
    title = default_title(long_line)
    assert title.endswith("…") and len(title) <= 101
    assert long_line.startswith(title[:-1])
    assert not title[:-1].endswith((" ", ","))


def test_stages_read_only_what_the_article_or_an_earlier_stage_wrote():
    from api.extraction import stages

    assert stages.check_order() == []
    parse, spans, sentences, *rest = stages.STAGES
    assert stages.check_order((sentences, parse, spans, *rest)) == [
        "sentences reads doc before any stage writes it",
        "sentences reads spans before any stage writes it",
    ]

"""Check the curated corpus: every pair parses, resolves and matches its evidence.

Usage: python tests/corpus/validate.py [--report] [--corpus DIR] [stem ...]

--corpus checks another folder of pairs (default: this one, tests/corpus).

--report also prints, for review, every actor mention in context, the numbers and
quoted passages of the text that no curated item covers.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from api.curation import resolve
from api.extraction.text import paragraph_spans, parse_header

CORPUS = Path(__file__).resolve().parent
HEADER = re.compile(r"^ date \d{4}-\d{2}-\d{2} \S")
QUOTE_MARKS = "\"'“”‘’«»"
NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billion|"
    r"dozens?|score|half"
)
NUMBER = re.compile(rf"\d[\d,.]*|(?<!\w)(?:{NUMBER_WORDS})(?!\w)", re.IGNORECASE)
QUOTED = re.compile(r"“[^”]*”?|«[^»]*»|\"[^\"\n]*\"|‘[^’]*’")


# Our own articles are written short; real ones run to a few pages.
WORD_BOUNDS = {CORPUS: (150, 450)}
DEFAULT_WORD_BOUNDS = (100, 5000)


def check(stem: str, report: bool = False, corpus: Path = CORPUS) -> dict[str, int]:
    raw = (corpus / f"{stem}.txt").read_text(encoding="utf-8")
    spec = json.loads((corpus / f"{stem}.json").read_text(encoding="utf-8"))
    assert HEADER.match(raw), f"{stem}: header ' date YYYY-MM-DD ' missing"
    published_on, text = parse_header(raw)
    words = len(text.split())
    low, high = WORD_BOUNDS.get(corpus, DEFAULT_WORD_BOUNDS)
    assert low <= words <= high, f"{stem}: {words} words"
    # resolve() refuses a value outside the vocabulary, naming the item
    annotation = resolve(spec, text, published_on)
    article = annotation.article
    assert article.title and article.published_on == published_on

    for caveat in article.caveats:
        assert text[caveat.start : caveat.end] == caveat.text
    names = {a.name for a in annotation.actors}
    for actor in annotation.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    for item, quote in zip(spec.get("quotes", []), annotation.quotes, strict=True):
        label = f"{stem}: quote {quote.text[:40]!r}"
        assert text[quote.start : quote.end] == item["evidence"] == quote.text, label
        assert quote.text[0] not in QUOTE_MARKS, label
        assert quote.text[-1] not in QUOTE_MARKS + ",", label
        assert item.get("speaker") in names or item.get("speaker_reason"), label
        expected = sorted(o["evidence"] for o in [item, *item.get("also", [])])
        assert sorted(o.text for o in quote.occurrences) == expected, label
        for occurrence in quote.occurrences:
            assert text[occurrence.start : occurrence.end] == occurrence.text, label
    for item, reaction in zip(
        spec.get("reactions", []), annotation.reactions, strict=True
    ):
        label = f"{stem}: reaction of {item['actor']}"
        assert text[reaction.start : reaction.end] == item["evidence"], label
        assert item["actor"] in names, label
        assert item.get("on_behalf_of") in names | {None}, label
    for item, statistic in zip(
        spec.get("statistics", []), annotation.statistics, strict=True
    ):
        label = f"{stem}: statistic {item['evidence']!r}"
        assert text[statistic.start : statistic.end] == item["evidence"], label
        edges = text[statistic.start - 1] + text[statistic.end : statistic.end + 1]
        assert not any(c.isalnum() for c in edges), f"{label}: inside a word"
        assert item.get("source") in names | {None}, label
        if statistic.category == "economy":
            assert statistic.unit and re.fullmatch("[A-Z]{3}", statistic.unit), label

    if report:
        _report(stem, text, annotation, spec)
    return {
        "actors": len(annotation.actors),
        "quotes": len(annotation.quotes),
        "reactions": len(annotation.reactions),
        "statistics": len(annotation.statistics),
        "words": words,
        "paragraphs": len(paragraph_spans(text)),
    }


def _report(stem, text, annotation, spec) -> None:
    print(f"== {stem}: {annotation.article.title}")
    for paragraph in annotation.article.paragraphs:
        if paragraph.kind != "body":
            snippet = text[paragraph.start : paragraph.end][:70]
            print(f"  [{paragraph.kind}] {snippet}")
    for actor in annotation.actors:
        print(f"  actor {actor.name} ({actor.type}): {len(actor.mentions)} mentions")
        for mention in actor.mentions:
            left = text[max(0, mention.start - 25) : mention.start].replace("\n", " ")
            right = text[mention.end : mention.end + 25].replace("\n", " ")
            print(f"      …{left}[{mention.text}]{right}…")
    stats = [
        (o.start, o.end) for s in annotation.statistics for o in s.occurrences or [s]
    ]
    for match in NUMBER.finditer(text):
        if not any(s <= match.start() < e for s, e in stats):
            context = text[max(0, match.start() - 30) : match.end() + 30]
            print(f"  uncovered number {match.group()!r}: …{context!r}…")
    spans = [(o.start, o.end) for q in annotation.quotes for o in q.occurrences]
    for match in QUOTED.finditer(text):
        inner = match.start() + 1
        if not any(s <= inner + 1 and inner < e for s, e in spans):
            print(f"  uncovered quoted passage {match.group()[:60]!r}")


def main(argv: list[str]) -> int:
    report = "--report" in argv
    corpus = CORPUS
    if "--corpus" in argv:
        index = argv.index("--corpus")
        corpus = Path(argv[index + 1]).resolve()
        argv = argv[:index] + argv[index + 2 :]
    stems = [a for a in argv if not a.startswith("--")] or sorted(
        p.stem for p in corpus.glob("*.txt") if (corpus / f"{p.stem}.json").exists()
    )
    totals: dict[str, int] = {}
    for stem in stems:
        counts = check(stem, report, corpus)
        print(f"ok {stem}: {counts}")
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    print(f"{len(stems)} articles: {totals}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

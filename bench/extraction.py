"""Extraction speed beside the model's own: ms per 1,000 words, warm, one core.

In one run over the real corpus (tests/corpus-real), the seed and our own corpus:
the English model alone (the components Lede loads, as `nlp(text)`), then Lede's whole
extraction (model and rules), article by article; the share the rules add; then one
article of about 100,000 words built from the real ones, to show the time per word
does not grow with the length. Run: python bench/extraction.py [--long-words N]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.extraction.nlp import get_nlp  # noqa: E402
from api.extraction.pipeline import extract  # noqa: E402
from api.extraction.text import parse_header  # noqa: E402
from api.sources import curated_annotation  # noqa: E402

FOLDERS = ("tests/corpus-real", "seeds", "tests/corpus")


def texts() -> list[str]:
    return [text for text, _ in titled_texts()]


def titled_texts() -> list[tuple[str, str | None]]:
    """Each article's text and headline (its curated annotation's title), which
    the API hands the extraction as the service does."""
    paths = [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.txt"))]
    found = []
    for path in paths:
        annotation = curated_annotation(path)
        title = annotation.article.title if annotation is not None else None
        found.append((parse_header(path.read_text(encoding="utf-8"))[1], title))
    return found


def generate_articles(n: int, seed: int = 0) -> list[str]:
    """n articles of 8-30 paragraphs drawn at random from the known articles (for
    bench/ingest.py)."""
    rng = random.Random(seed)
    paragraphs = [p for t in texts() for p in t.split("\n") if p.strip()]
    return [
        "\n\n".join(rng.sample(paragraphs, min(len(paragraphs), rng.randint(8, 30))))
        for _ in range(n)
    ]


def per_thousand_words(run, text: str, repeats: int = 3) -> float:
    """Best-of-repeats milliseconds per 1,000 words."""
    best = min(_elapsed(run, text) for _ in range(repeats))
    return best * 1000 / max(1, len(text.split())) * 1000


def _elapsed(run, text: str) -> float:
    started = time.perf_counter()
    run(text)
    return time.perf_counter() - started


def long_article(sources: list[str], words: int) -> str:
    paragraphs = [p for t in sources for p in t.split("\n") if p.strip()]
    chosen, count, index = [], 0, 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        chosen.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(chosen)


# Texts that once made some rule cost the square of their length.
HOSTILE = {
    "'said' repeated": lambda n: "said " * n,
    "'John Smith said.' repeated": lambda n: "John Smith said. " * (n // 3),
    "figures like 'N people, X% and $Nm.'": lambda n: " ".join(
        f"{i} people, {i % 90}% and ${i}m." for i in range(n // 5)
    ),
    "capitalised names in one paragraph": lambda n: (
        " ".join(f"Name{i} Person{i}" for i in range(n // 2)) + "."
    ),
}


def hostile(sizes=(4_000, 8_000)) -> None:
    """Seconds for each text at two sizes: twice the words, about twice the time."""
    for label, make in HOSTILE.items():
        times = [_elapsed(extract, make(n)) for n in sizes]
        cells = ", ".join(
            f"{n:,} words {t:.1f} s" for n, t in zip(sizes, times, strict=True)
        )
        print(f"{label}: {cells} ({times[1] / times[0]:.1f}x)")


def summary(rates: list[float]) -> str:
    ordered = sorted(rates)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return f"median {statistics.median(rates):6.2f}  p90 {p90:6.2f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--long-words", type=int, default=100_000)
    args = parser.parse_args(argv)
    nlp = get_nlp()
    titled = titled_texts()
    articles = [text for text, _ in titled]
    extract(articles[0])  # warm-up
    model = [per_thousand_words(nlp, t) for t in articles]
    lede = [
        per_thousand_words(partial(extract, title=title), text)
        for text, title in titled
    ]
    added = [(w - m) / m for m, w in zip(model, lede, strict=True)]
    words = sum(len(t.split()) for t in articles)
    print(f"articles: {len(articles)}  words: {words}  (ms per 1,000 words)")
    print(f"model alone ({', '.join(nlp.pipe_names)}): {summary(model)}")
    print(f"Lede extract (model + rules):  {summary(lede)}")
    print(f"rules' share over the model:   median {statistics.median(added):+.0%}")
    text = long_article(articles, args.long_words)
    long_model = per_thousand_words(nlp, text, repeats=1)
    long_lede = per_thousand_words(extract, text, repeats=1)
    ratio = long_lede / statistics.median(lede)
    print(
        f"one article of {len(text.split()):,} words: model {long_model:.2f}, "
        f"Lede {long_lede:.2f} ms per 1,000 words ({ratio:.2f}x the median article)"
    )
    hostile()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max resident set size: {max_rss:.0f} MiB")


if __name__ == "__main__":
    main()

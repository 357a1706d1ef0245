"""Scoring an extracted Annotation against a curated one (pure functions)."""

from __future__ import annotations

import re
import unicodedata

from api.extraction.types import Annotation

COUNTS = ("actors", "quotes", "statistics", "reactions")
ACCURACIES = ("speaker", "stance", "category", "unit")


def normalise(name: str | None) -> str:
    ascii_text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore")
    key = re.sub(r"[^a-z0-9]+", " ", ascii_text.decode().lower()).strip()
    return key[4:] if key.startswith("the ") else key


def score(expected: Annotation, actual: Annotation) -> dict:
    """Precision/recall/F1 per item kind, plus accuracies over matched pairs."""
    actor_pairs = _match_actors(expected.actors, actual.actors)
    same_actor = _actor_equivalence(actor_pairs)
    quote_pairs = _match(expected.quotes, actual.quotes, _quotes_match)
    stat_pairs = _match(
        expected.statistics, actual.statistics, _statistics_matcher(expected, actual)
    )
    reaction_pairs = _match(
        expected.reactions,
        actual.reactions,
        lambda e, a: same_actor(e.actor, a.actor) and _overlap(e, a) > 0,
    )
    result = {
        "actors": _prf(len(actor_pairs), len(expected.actors), len(actual.actors)),
        "quotes": _prf(len(quote_pairs), len(expected.quotes), len(actual.quotes)),
        "statistics": _prf(
            len(stat_pairs), len(expected.statistics), len(actual.statistics)
        ),
        "reactions": _prf(
            len(reaction_pairs), len(expected.reactions), len(actual.reactions)
        ),
        "speaker": _accuracy(
            quote_pairs, lambda e, a: same_actor(e.speaker, a.speaker)
        ),
        "stance": _accuracy(reaction_pairs, lambda e, a: e.stance == a.stance),
        "category": _accuracy(stat_pairs, lambda e, a: e.category == a.category),
        # of the figures whose unit the annotation writes, the share that keeps it
        "unit": _accuracy(
            [(e, a) for e, a in stat_pairs if e.unit], lambda e, a: e.unit == a.unit
        ),
    }
    result["mismatches"] = _mismatches(
        quote_pairs, reaction_pairs, stat_pairs, same_actor
    )
    return result


def _prf(matched: int, expected: int, actual: int) -> dict:
    precision = matched / actual if actual else (1.0 if not expected else 0.0)
    recall = matched / expected if expected else (1.0 if not actual else 0.0)
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {
        "matched": matched,
        "expected": expected,
        "actual": actual,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def _accuracy(pairs, correct) -> dict:
    right = sum(1 for e, a in pairs if correct(e, a))
    return {
        "correct": right,
        "total": len(pairs),
        "accuracy": right / len(pairs) if pairs else 1.0,
    }


def _forms(actor) -> set[str]:
    return {normalise(f) for f in [actor.name, *actor.aliases]} - {""}


def _match_actors(expected, actual) -> list[tuple]:
    """Same normalised canonical name first, then any shared alias; one to one."""
    pairs, used = [], set()
    for strict in (True, False):
        for e in expected:
            if any(p[0] is e for p in pairs):
                continue
            for index, a in enumerate(actual):
                if index in used:
                    continue
                same = normalise(e.name) == normalise(a.name)
                if same or (not strict and _forms(e) & _forms(a)):
                    pairs.append((e, a))
                    used.add(index)
                    break
    return pairs


def _actor_equivalence(pairs):
    mapping = {e.id: a.id for e, a in pairs}

    def same(expected_id, actual_id) -> bool:
        if expected_id is None or actual_id is None:
            return expected_id == actual_id
        return expected_id == actual_id or mapping.get(expected_id) == actual_id

    return same


def _spans(item) -> list[tuple[int, int]]:
    spans = [(o.start, o.end) for o in getattr(item, "occurrences", [])]
    return spans or [(item.start, item.end)]


def _overlap(left, right) -> int:
    return max(0, min(left.end, right.end) - max(left.start, right.start))


def _quotes_match(e, a) -> bool:
    for es, ee in _spans(e):
        for as_, ae in _spans(a):
            shorter = min(ee - es, ae - as_)
            common = min(ee, ae) - max(es, as_)
            if shorter > 0 and common >= 0.5 * shorter:
                return True
    return False


def _statistics_matcher(expected: Annotation, actual: Annotation):
    def unique(items, value) -> bool:
        return sum(1 for s in items if s.value == value) == 1

    def matches(e, a) -> bool:
        if e.value != a.value:
            return False
        if _overlap(e, a) > 0:
            return True
        return unique(expected.statistics, e.value) and unique(
            actual.statistics, a.value
        )

    return matches


def _match(expected, actual, matches) -> list[tuple]:
    """Greedy one-to-one pairing in text order."""
    pairs, used = [], set()
    for e in expected:
        for index, a in enumerate(actual):
            if index not in used and matches(e, a):
                pairs.append((e, a))
                used.add(index)
                break
    return pairs


def _mismatches(quote_pairs, reaction_pairs, stat_pairs, same) -> list[str]:
    notes = [
        f"speaker {e.text[:30]!r}: {e.speaker} != {a.speaker}"
        for e, a in quote_pairs
        if not same(e.speaker, a.speaker)
    ]
    notes += [
        f"stance {e.actor}: {e.stance} != {a.stance}"
        for e, a in reaction_pairs
        if e.stance != a.stance
    ]
    notes += [
        f"category {e.evidence!r}: {e.category} != {a.category}"
        for e, a in stat_pairs
        if e.category != a.category
    ]
    return notes


def aggregate(rows: list[dict]) -> dict:
    """Micro-averaged totals over several articles' scores."""
    total: dict = {}
    for kind in COUNTS:
        sums = [
            sum(r[kind][k] for r in rows) for k in ("matched", "expected", "actual")
        ]
        total[kind] = _prf(*sums)
    for kind in ACCURACIES:
        right, count = (sum(r[kind][k] for r in rows) for k in ("correct", "total"))
        total[kind] = {
            "correct": right,
            "total": count,
            "accuracy": right / count if count else 1.0,
        }
    return total


def format_table(rows: list[dict]) -> str:
    """One line per article (its 'article' key names it) and a micro-averaged total;
    counted items show precision/recall/F1, matched items the share that is right."""
    named = [(str(r.get("article", f"#{i + 1}")), r) for i, r in enumerate(rows)]
    return _table("article", [*named, ("overall", aggregate(rows))])


def format_summary(corpora: dict[str, list[dict]]) -> str:
    """One micro-averaged line per corpus, then all of them together."""
    named = [(name, aggregate(rows)) for name, rows in corpora.items()]
    everything = [row for rows in corpora.values() for row in rows]
    return _table("corpus", [*named, ("overall", aggregate(everything))])


def _table(label: str, named: list[tuple[str, dict]]) -> str:
    header = [
        label,
        *(f"{k} P/R/F1" for k in COUNTS),
        *(f"{k} acc" for k in ACCURACIES),
    ]
    lines = [header]
    for name, row in named:
        cells = [_prf_cell(row[k]) for k in COUNTS]
        cells += [f"{row[k]['accuracy']:.2f}" for k in ACCURACIES]
        lines.append([name[:32], *cells])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    )


def _prf_cell(scores: dict) -> str:
    return "/".join(f"{scores[k]:.2f}" for k in ("precision", "recall", "f1"))

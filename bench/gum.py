"""Actors against an independent annotation: the GUM corpus's own person and
organization entities of the real Wikinews articles (tests/corpus-real/meta).

Prints, per article and overall, the share of GUM entities that some extracted actor
names (any of its forms equals one of the entity's names) and the share of extracted
actors that are one of them. GUM lists every named person and body, acting or not,
so neither figure should reach 1.00. Run: python bench/gum.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.evaluation import normalise  # noqa: E402
from api.extraction.pipeline import extract_raw  # noqa: E402

CORPUS = ROOT / "tests" / "corpus-real"


def forms(actor) -> set[str]:
    return {normalise(f) for f in [actor.name, *actor.aliases]} - {""}


def main() -> None:
    found_total = gum_total = known_total = actor_total = 0
    for meta_path in sorted((CORPUS / "meta").glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        entities = [{normalise(n) for n in e["names"]} for e in meta["gum_entities"]]
        text = (CORPUS / f"{meta_path.stem}.txt").read_text(encoding="utf-8")
        actors = extract_raw(text).actors
        found = sum(1 for names in entities if any(forms(a) & names for a in actors))
        known = sum(1 for a in actors if any(forms(a) & names for names in entities))
        print(
            f"{meta_path.stem[:40]:40}  GUM entities found {found:3}/{len(entities):<3}"
            f"  actors that are GUM entities {known:3}/{len(actors):<3}"
        )
        found_total, gum_total = found_total + found, gum_total + len(entities)
        known_total, actor_total = known_total + known, actor_total + len(actors)
    print(
        f"overall: {found_total / gum_total:.2f} of GUM's people and organisations "
        f"found; {1 - known_total / actor_total:.0%} of Lede's actors are none of them"
    )


if __name__ == "__main__":
    main()

"""Texts whose extraction costs far more than their length suggests: the hostile
suite posts each, and `bench/hostile.py` times and profiles them."""

from __future__ import annotations


def paragraphs(count: int) -> str:
    return "\n\n".join(f"Item {n} was read." for n in range(count))


COSTLY = {
    "a repeated attribution": "John Smith said. " * 1_000,
    "'said' 4,000 times": "said " * 4_000,
    "'said' 8,000 times": "said " * 8_000,
    "4,000 figures": " ".join(
        f"{n} people, {n % 90}% and ${n}m." for n in range(1_334)
    ),
    "1,000 figures": " ".join(f"{n} people, {n % 90}% and ${n}m." for n in range(334)),
    "2,000 capitalised names in one paragraph": " ".join(
        f"Name{n} Person{n}" for n in range(1_000)
    )
    + ".",
    "20,000 capitalised names in one paragraph": " ".join(
        f"Name{n} Person{n}" for n in range(10_000)
    )
    + ".",
    "10,000 short paragraphs": paragraphs(10_000),
    "10,000 quote marks": '"' * 10_000,
    "100,000 quote marks": '"' * 100_000,
}

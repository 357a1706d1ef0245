"""Deterministic identifiers: the same text always yields the same ids."""

import hashlib
import re
import unicodedata


def slugify(value: str, max_length: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def digest(*parts: object, length: int = 10) -> str:
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(title: str, text: str) -> str:
    return f"{slugify(title, 48)}-{content_hash(text)[:8]}"


def actor_id(name: str) -> str:
    return slugify(name)


def item_id(prefix: str, article: str, start: int, end: int) -> str:
    return f"{prefix}-{digest(article, start, end)}"

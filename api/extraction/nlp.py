"""The spaCy pipeline, built once: blank English, a sentencizer and gazetteer rules."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from api.extraction import gazetteers as gz

_LOCK = threading.Lock()
_NLP: Language | None = None


def get_nlp() -> Language:
    """A module-level singleton: building the rules costs far more than using them."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = _build()
    return _NLP


def _build() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_patterns())
    return nlp


def _patterns() -> list[dict]:
    tables = [
        ("COUNTRY", gz.country_forms()),
        ("DEMONYM", gz.DEMONYMS),
        ("CAPITAL", gz.CAPITALS),
        ("ORG", gz.INSTITUTIONS),
    ]
    return [
        {"label": label, "pattern": form, "id": canonical}
        for label, table in tables
        for form, canonical in table.items()
    ]


def gazetteer_hits(doc) -> list[tuple[int, int, str, str]]:
    """(start, end, label, canonical) of every gazetteer entity, in text order."""
    return [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents]

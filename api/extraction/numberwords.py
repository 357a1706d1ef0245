"""Vocabularies of figures: currencies by sign or word, measures written after the
number, and numbers in words."""

import re

from api.extraction import wordlists
from api.extraction.tries import alternation

# Measures written as a word after the number ('20 tonnes', '3,000 litres'), with the
# unit a figure keeps (one spelling for each).
MEASURES = {e["lemma"]: e["unit"] for e in wordlists.entries("measures")}
# Those also written against the number: '18km', '68mph', 'above 46C'.
GLUED_MEASURES = [e["lemma"] for e in wordlists.entries("measures") if e.get("glued")]
# Signs, codes and words of currencies with their ISO code (None where several
# countries share the word).
CURRENCIES = {e["lemma"]: e["code"] for e in wordlists.entries("currencies")}
# Words several countries' currencies share, with the code each country gives them.
SHARED_CURRENCIES = {
    e["lemma"]: e["by_country"]
    for e in wordlists.entries("currencies")
    if "by_country" in e
}


def shared_currency(evidence: str, country: str | None) -> str | None:
    """'120 million dinars' in a story about Tunisia: TND."""
    word = evidence.rsplit(" ", 1)[-1]
    return SHARED_CURRENCIES.get(word, {}).get(country) if country else None


# The same currencies as the three places a figure's pattern reads them: a sign
# before the number ('CA$12m'), a code or wire-copy word before it ('USD 5m',
# 'dollars 6.58bn') and a word after it ('40 million Swiss francs').
CURRENCY_SIGNS = alternation(c for c in CURRENCIES if not c[0].isalpha() or "$" in c)
CURRENCY_BEFORE = alternation(
    e["lemma"]
    for e in wordlists.entries("currencies")
    if e.get("before") or re.fullmatch(r"[A-Z]{3}", e["lemma"])
)
CURRENCY_WORDS = alternation(c for c in CURRENCIES if c[0].islower() or " " in c)
GLUED = alternation(GLUED_MEASURES)
UNITS = {e["lemma"]: e["value"] for e in wordlists.entries("number_words")}
# Words that count what follows them, and a figure right before a noun phrase with
# at most one adjective ('eleven former state officials').
COUNT_WORDS = {*UNITS, "dozen", "hundred", "thousand", "million", "billion"}
COUNTED = re.compile(r"\b(\d[\d,.]*|[A-Za-z]+)\s+(?:[a-z\-]+\s+)?$")

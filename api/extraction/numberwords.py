"""Vocabularies of figures: currencies by sign or word, measures written after the
number, and numbers in words."""

import re

from api.extraction import wordlists

# Measures written as a word after the number ('20 tonnes', '3,000 litres'), with the
# unit a figure keeps (one spelling for each).
MEASURES = {e["lemma"]: e["unit"] for e in wordlists.entries("measures")}
# Signs, codes and words of currencies with their ISO code (None where several
# countries share the word).
CURRENCIES = {e["lemma"]: e["code"] for e in wordlists.entries("currencies")}
UNITS = {e["lemma"]: e["value"] for e in wordlists.entries("number_words")}
# Words that count what follows them, and a figure right before a noun phrase with
# at most one adjective ('eleven former state officials').
COUNT_WORDS = {*UNITS, "dozen", "hundred", "thousand", "million", "billion"}
COUNTED = re.compile(r"\b(\d[\d,.]*|[A-Za-z]+)\s+(?:[a-z\-]+\s+)?$")

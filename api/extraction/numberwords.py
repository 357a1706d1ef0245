"""Vocabularies of figures: currencies by sign or word, measures written after the
number, and numbers in words."""

import re

# Measures written as a word after the number ('20 tonnes', '3,000 litres'), with the
# unit a figure keeps (one spelling for each).
MEASURES = {
    "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes",
    "litres": "litres", "liters": "litres", "gallons": "gallons",
    "barrels": "barrels", "hectares": "hectares", "acres": "acres",
    "metres": "metres", "meters": "metres", "kilometres": "km", "kilometers": "km",
    "miles": "miles", "feet": "feet", "kilograms": "kg", "kilos": "kg",
    "megawatts": "MW", "gigawatts": "GW", "degrees": "degrees",
}  # fmt: skip
CURRENCIES = {
    "US$": "USD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "R$": "BRL",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "pesos": None,
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "kwacha": "MWK",
    "rand": "ZAR",
    "naira": "NGN",
    "rupees": "INR",
    "shillings": "KES",
    "francs": "CHF",
    "yen": "JPY",
    "won": "KRW",
    "soles": "PEN",
    "reais": "BRL",
    "lira": "TRY",
    "dinars": None,
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "renminbi": "CNY",
    "rupee": "INR",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "₹": "INR",
    **{code: code for code in ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "IDR", "AUD")},
    **{code: code for code in ("CAD", "HKD", "CHF")},
}
UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
}
# Words that count what follows them, and a figure right before a noun phrase with
# at most one adjective ('eleven former state officials').
COUNT_WORDS = {*UNITS, "dozen", "hundred", "thousand", "million", "billion"}
COUNTED = re.compile(r"\b(\d[\d,.]*|[A-Za-z]+)\s+(?:[a-z\-]+\s+)?$")

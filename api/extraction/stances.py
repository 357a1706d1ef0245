"""The one place a reaction's stance is decided.

On the parse: from the verb of the response ('criticised', 'welcomed') if it carries
one, else from the evaluative words of what the actor says (the reported clause and
its quotes), both lists kept as data. Over the raw clause, for the rules that read a
sentence as text: the stance verbs and verdict words below ('X said it was deeply
worried', 'Z called the attack "despicable"'); only evaluative words count, so that an
actor reporting facts ('police said 12 people died') does not become a reacting one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from api.extraction import roles, wordlists

# When words of several stances meet, blame outweighs worry, worry outweighs praise.
ORDER = ("critical", "concerned", "supportive")
NEGATIONS = {"not", "n't", "never", "no", "nor", "without"}
PERSONAL_OBJECTS = {"him", "her", "them", "me", "us"}
# Response verbs that are none when done to a person ('questioned the student'),
# or only when done to one ('offered the boy a scholarship').
NOT_OF_PEOPLE = wordlists.flagged("reaction_verbs", "not_of_people")
ONLY_TO_PEOPLE = wordlists.flagged("reaction_verbs", "only_to_people")
# Stance words that judge only after a negation ('not true').
ONLY_NEGATED = wordlists.flagged("stance_words", "only_negated")


@cache
def _verbs() -> dict[str, str]:
    return {e["lemma"]: e["stance"] for e in wordlists.entries("reaction_verbs")}


@cache
def _nouns() -> dict[str, str]:
    return {e["lemma"]: e["stance"] for e in wordlists.entries("reaction_nouns")}


def of_noun(noun) -> str | None:
    """The stance a response noun carries ('criticism from X'); 'no support from'
    carries none."""
    # the small parser tags some of them verbs ('led to outreach from')
    stance = _nouns().get(noun.lemma_.lower()) if noun.pos_ != "ADJ" else None
    if stance is None or any(c.lower_ in NEGATIONS for c in noun.children):
        return None
    return stance


@cache
def _words() -> dict[str, str]:
    return {e["lemma"]: e["stance"] for e in wordlists.entries("stance_words")}


def verb_lemma(verb) -> str:
    """The verb's lemma, with its particle or preposition when the reaction verbs
    list the two together ('hit out at the decision', 'appeal against the fine')."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in _verbs():
            return f"{lemma} {child.lower_}"
    return lemma


def of_verb(verb) -> str | None:
    """The stance a response verb carries; a negated one ('did not support')
    carries none."""
    lemma = verb_lemma(verb)
    stance = _verbs().get(lemma)
    if stance is None or negated(verb):
        return None
    if lemma in NOT_OF_PEOPLE and _of_a_person(verb):
        return None
    if lemma in ONLY_TO_PEOPLE and not _of_a_person(verb, ("dobj", "dative")):
        return None
    return stance


def _of_a_person(verb, deps=("dobj",)) -> bool:
    """'questioned the student', 'questioned him': the object is a person (with
    'dative', also whom it is given to: 'offered the boy a scholarship')."""
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        if child.ent_type_ == "PERSON" or child.lower_ in PERSONAL_OBJECTS:
            return True
        if child.lemma_.lower() in roles.person_nouns():
            return True
    return False


def negated(verb) -> bool:
    """'did not support', 'no longer wants to support': a negation on the verb or
    on the verbs it complements."""
    for _ in range(3):
        modifiers = [c for c in verb.children if c.dep_ in ("neg", "advmod")]
        if any(t.lower_ in NEGATIONS for c in modifiers for t in c.subtree):
            return True
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


@cache
def _not_before() -> dict[str, frozenset[str]]:
    entries = wordlists.entries("stance_words")
    return {e["lemma"]: frozenset(e.get("not_before", ())) for e in entries}


def of_words(tokens) -> str | None:
    """The stance of the evaluative words among `tokens`, or None if neutral."""
    counts: Counter = Counter()
    previous = ""
    for token in tokens:
        if _passive_participle(token):
            continue  # 'firefighters, supported by 30 aircraft': done to them
        lemma = token.lemma_.lower()
        following = token.nbor().lower_ if token.i + 1 < len(token.doc) else ""
        # two words that judge together: 'let down'
        pair = f"{lemma} {following}"
        word = (
            pair if pair in _words() else lemma if lemma in _words() else token.lower_
        )
        stance = _words().get(word)
        if following in _not_before().get(word, ()):
            stance = None  # 'in a critical condition': a state, no verdict
        if word in ONLY_NEGATED:
            # 'the figure is true' judges nothing; 'not true' does
            stance = stance if previous in NEGATIONS else None
        elif stance and previous in NEGATIONS:
            # 'not good', 'cannot support': praise denied is blame; denied blame
            # or worry ('not angry') says nothing
            stance = "critical" if stance == "supportive" else None
        if stance:
            counts[stance] += 1
        previous = token.lower_
    if not counts:
        return None
    best = max(counts.values())
    return next(s for s in ORDER if counts[s] == best)


def _passive_participle(token) -> bool:
    """A response verb in the passive ('supported by 30 aircraft', 'was condemned
    by') is done to its subject; a feeling in that form ('we are appalled') is
    still the speaker's."""
    if token.tag_ != "VBN" or token.lemma_.lower() not in _verbs():
        return False
    return any(c.dep_ in ("agent", "auxpass") for c in token.children)


def decide(verb, tokens) -> str | None:
    return of_verb(verb) or of_words(tokens)


# Over the raw clause.
# Reporting verbs whose complement may carry a verdict; 'called' needs a quoted or
# bare verdict after its object ('called the outcome «a missed opportunity»').
CUES = r"said|says|added|called"
LEXICON = (
    (
        "supportive",
        r"ready to|willing to|support(?:s|ed|ing)?(?!\s+by\b)|welcom\w*|a historic"
        r"|historic day"
        r"|good news|a success|a milestone"
        r"|increase (?:its|their) (?:funding|aid|support)"
        r"|(?:it|they|we) (?:had|has|have) (?:sent|delivered|donated|provided"
        r"|registered|housed|sheltered|rescued|evacuated)"
        r"|solidarity|grateful",
    ),
    (
        "critical",
        r"disappoint\w*|ignored|failures?|resist|a mistake|unacceptable|too little"
        r"|too late|not enough|inadequate|stolen|negligen\w*"
        # a threat, not the news of a strike already on: 'would call a general strike'
        r"|call (?:an? )?(?:\w+ )?strike|outrage\w*|angry|shameful|a betrayal"
        r"|a scandal|a disgrace|reckless|irresponsible|despicable|witch hunt"
        r"|missed opportunity|full weight of the law"
        # 'simply not true', 'not safe for children': the words only a negation
        # makes a verdict
        rf"|(?:not|never|n[’']t)\s+(?:\w+\s+)?(?:{'|'.join(sorted(ONLY_NEGATED))})\b",
    ),
    (
        "concerned",
        r"worr\w*|concern(?:s|ed)?\b|alarm\w*|sadden\w*|fears?\b|feared|urgent"
        r"|at risk|hardest|deadliest|warned|tragedy|tragic|heartbreak\w*",
    ),
)
VERDICT = re.compile("|".join(rf"\b(?P<{n}>{p})" for n, p in LEXICON), re.I)
# 'called the attack “despicable”', 'called the arrest a “witch hunt”'
NAMED = re.compile(r"called\s+(?:[\w’'\-]+\s+){1,4}?(?:an?\s+)?[“\"«]")


def of_report(text: str, verb: re.Match, end: int) -> str | None:
    """The stance of what the verb at `verb` reports, up to `end`; None if neutral.
    A reported clause is read for at most REPORT_REACH characters, so that a run
    of reporting verbs costs time in proportion to its length."""
    end = min(end, verb.end() + REPORT_REACH)
    if verb.group().startswith("called"):
        named = NAMED.match(text, verb.start(), end)
        if not named:
            return None
        found = VERDICT.search(text, named.end(), end)
        return found.lastgroup if found else "critical"
    for found in VERDICT.finditer(text, verb.end(), end):
        if not denied(text, found.start(), verb.end()):
            return found.lastgroup
    return None


# A verdict denied: 'I am not angry', 'never a mistake', 'left without support'.
DENIED = re.compile(r"\b(?:not|never|no|without|n[’']t)\s+(?:\w+\s+)?$")


def denied(text: str, at: int, floor: int = 0) -> bool:
    """Whether the verdict word at `at` follows a negation (within a word of it,
    and not before `floor`)."""
    return DENIED.search(text, max(floor, at - 12), at) is not None


REPORT_REACH = 400
# Verdicts that make a plain 'said' critical.
CRITICAL_VERDICTS = (
    r"too little|too late|not enough|inadequate|unacceptable|unfair|a failure"
    r"|a disgrace|a scandal|a betrayal|reckless|irresponsible|shameful|a mistake"
)
# What a government or company is defended for: a contested decision of its own.
MEASURES = (
    r"reforms?|decisions?|plans?|polic(?:y|ies)|measures?|laws?|bills?|moves?"
    r"|deals?|cuts?|ban|crackdown|operation|response|handling|budget|rules?"
)
STANCE_VERBS = (
    (
        "supportive",
        r"applaud\w*|welcom\w*|prais\w*|thank\w*|support(?:s|ed)(?!\s+by\b)|back(?:s|ed)"
        r"|congratulat\w*|endors\w*|hail\w*"
        # help on its way: 'sent 300 soldiers', 'released €2m in emergency aid'
        r"|(?:sent|sends|send|offered|offers|dispatch\w*|released|releases)\s+"
        r"(?:[\w€$£.,\-]+\s+){0,4}?(?:help|aid|assistance|support|troops|rescue\w*"
        r"|soldiers|planes|aircraft|helicopters|teams?|experts|doctors|medics)\b"
        r"|declar\w*\s+(?:\w+\s+){0,3}?mourning"
        # paying for the response: 'is paying for most of the first phase'
        r"|(?:is|are|was|were|will\s+be)\s+(?:paying|funding|financing)\b"
        r"|(?:distribut|deliver|provid|donat|pledg)\w*\s+(?:[\w,]+\s+){0,5}?(?:aid|food|"
        r"help|assistance|supplies|funds|money|relief|shelter|medicine|maize)"
        r"|responded\s+(?:[\w“”\"]+\s+){0,4}?to\s+(?:\w+\s+){0,2}(?:request|call|appeal)"
        r"|(?:sent|sends|send|offered|offers|expressed)\s+(?:\w+\s+){0,2}?"
        r"(?:condolences|sympathy|solidarity)"
        # rejecting the criticism of a move defends it
        r"|(?:rejected|rejects|dismissed|dismisses)\s+(?:\w+\s+){0,2}?"
        r"(?:suggestion|claim|accusation|allegation|criticism|charge)s?\b",
    ),
    (
        "critical",
        r"condemn\w*|critici[sz]\w*|denounc\w*|accus\w*"
        r"|warn(?:ed|s)\s+(?:[\w’']+\s+){0,3}?against"
        r"|deplor\w*|slamm?\w*|blam\w*|censur\w*|rejected|rejects|sanction\w*"
        r"|blast(?:s|ed)\b|lambast\w*|decr(?:y|ies|ied)\b"
        # contesting a ruling, not pleading: 'would appeal against the fine'
        r"|appeal\w*\s+against"
        # defending a contested measure answers, and so criticises, its opponents
        rf"|defend(?:s|ed)\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{MEASURES})\b"
        # 'said the cut was "too little"': a reporting verb with a damning verdict
        rf"|(?:said|says)\s+(?:that\s+)?(?:\w+\s+){{1,3}}?(?:was|were|is|are)\s+[“\"]?"
        rf"(?:{CRITICAL_VERDICTS})\b",
    ),
    (
        "concerned",
        r"ask(?:s|ed)\s+for|ask(?:s|ed)\b|call(?:s|ed)\s+(?:on|for)|urg\w*"
        r"|appeal\w*|express\w*\s+(?:\w+\s+)?(?:concern|worry|alarm)|voic\w*\s+concern"
        r"|warn(?:ed|s)\b|request\w*|regrett\w*|lament\w*|demand\w*"
        r"|(?:is|was|were|are)\s+concerned"
        # a travel warning: 'advised their citizens to avoid large gatherings'
        r"|advis\w*\s+(?:its|their)\s+(?:citizens|nationals)",
    ),
)
# Last, so that a stance verb at the same place wins: 'called on', 'said ... too late'.
REPORTED = (("reported", CUES),)
STANCE_VERB = re.compile(
    "|".join(rf"\b(?P<{n}>{p})" for n, p in (*STANCE_VERBS, *REPORTED))
)

"""Stances read from what an actor says rather than from a stance verb.

'X said it was deeply worried', 'Y said it "supports any agreement"', 'Z called the
attack "despicable"': the reporting verb is neutral, the words it reports are not.
Only evaluative words count, so that an actor reporting facts ('police said 12 people
died') does not become a reacting one.
"""

from __future__ import annotations

import re

# Reporting verbs whose complement may carry a verdict; 'called' needs a quoted or
# bare verdict after its object ('called the outcome «a missed opportunity»').
CUES = r"said|says|added|called"
LEXICON = (
    (
        "supportive",
        r"ready to|willing to|support(?:s|ed|ing)?|welcom\w*|a historic|historic day"
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
        r"|missed opportunity|full weight of the law",
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


def stance(text: str, verb: re.Match, end: int) -> str | None:
    """The stance of what the verb at `verb` reports, up to `end`; None if neutral."""
    if verb.group().startswith("called"):
        named = NAMED.match(text, verb.start(), end)
        if not named:
            return None
        found = VERDICT.search(text, named.end(), end)
        return found.lastgroup if found else "critical"
    found = VERDICT.search(text, verb.end(), end)
    return found.lastgroup if found else None

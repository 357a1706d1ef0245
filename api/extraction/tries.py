"""Word lists as regex tries: one alternation per character instead of one per word.

Python's regex engine tries the branches of `a|b|c` one by one at every position, so
a gazetteer of hundreds of names makes each position cost hundreds of checks. A trie
shares prefixes and keeps the order of `sorted(words, key=len, reverse=True)`: the
words that match at a position are prefixes of one another, and the trie tries the
longer continuation before stopping, just as the longest-first alternation does.
"""

from __future__ import annotations

import re

END = ""


def alternation(words, *, ignore_case: bool = False) -> str:
    """A non-capturing pattern matching exactly the words, longest first. With
    `ignore_case` the words are lowercased first (the pattern must then be used
    under re.IGNORECASE): 'US' and 'us' must share one branch, or the trie would
    try a short lowercase word before a long uppercase one."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[END] = {}
    return f"(?:{_render(trie)})"


def _render(node: dict) -> str:
    branches = [
        re.escape(char) + _render(child) for char, child in node.items() if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # a word may stop here: the optional group is greedy, so longer words go first
    return f"(?:{body})?" if END in node else body

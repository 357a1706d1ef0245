"""Institutions: keyword names with their 'of' tails."""

from __future__ import annotations

from api.extraction import gazetteers as gz


def institution(text, parts, index, orgs) -> int:
    """'Ministry of the Interior of Kazakhstan': a keyword phrase and its 'of' tail."""
    start, last, country = parts[index].start, index, None
    if index and parts[index - 1].kind == "DEMONYM":
        start, country = parts[index - 1].start, parts[index - 1].value
    probe = index + 1
    while probe + 1 < len(parts) and parts[probe].kind == "SKIP":
        connector = parts[probe].words[0].text
        nxt = probe + 1 + (parts[probe + 1].words[0].text == "the")
        if connector not in ("of", "for") or nxt >= len(parts):
            break
        if parts[nxt].kind not in ("NAME", "COUNTRY", "CAPITAL", "ORG", "DEMONYM"):
            break
        while nxt + 1 < len(parts) and parts[nxt + 1].kind in ("NAME", "COUNTRY"):
            nxt += 1  # 'of Belgian Enterprises'
        last, probe = nxt, nxt + 1
        country = parts[nxt].value if parts[nxt].kind == "COUNTRY" else country
    name = text[start : parts[last].end]
    words_ = {w.text for p in parts[index : last + 1] for w in p.words}
    type_ = "government" if words_ & gz.GOVERNMENT_WORDS else "organization"
    orgs.append((start, parts[last].end, name, type_, country))
    return last

"""Unnamed office holders: 'A Commission spokeswoman said', 'the finance director
has estimated', 'the state governor imposed'. A person known only by their post
is an actor of their own when they act; the draft stays tentative otherwise."""

from __future__ import annotations

import re
from functools import lru_cache

from api.extraction import gazetteers as gz
from api.extraction import parse, wordlists
from api.extraction.registry import Registry, normalise
from api.extraction.zones import inside

# Nouns of a person beside the descriptors' list, which holds 'teenager' and 'mother'.
PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "pensioner"})


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Every noun that names a person: the plain ones, descriptors and roles."""
    return (
        PERSON_NOUNS | wordlists.lemmas("descriptors") | wordlists.lemmas("role_nouns")
    )


# Posts held by one person that a story may name without the person's name.
POSTS = {
    "spokeswoman", "spokesman", "spokesperson", "governor", "director", "mayor",
    "prosecutor", "commissioner", "prime minister", "president", "chancellor",
    "minister", "judge", "coroner", "chief executive", "chairman", "chairwoman",
}  # fmt: skip
# Lowercase words that narrow a post: 'the finance director', 'the state governor'.
POST_MODIFIERS = {
    "state", "finance", "police", "army", "government", "hospital", "company",
    "regional", "provincial", "district", "city", "chief", "deputy", "public",
}  # fmt: skip


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    posts = "|".join(sorted(POSTS, key=len, reverse=True))
    modifiers = "|".join(sorted(POST_MODIFIERS, key=len, reverse=True))
    return re.compile(
        rf"\b(?:[Aa]n?|[Tt]he) (?:([A-Z][\w’'-]*|{modifiers}) )?({posts})\b"
        r"(?![\w’'-]| (?:of|for|at)\b| [A-Z])"
    )


def posts(registry: Registry, zones_) -> None:
    """Register each free post description as a person of its own; an
    organisation word inside it ('Commission') gives the person's affiliation."""
    text = registry.text
    for match in _pattern().finditer(text):
        if not inside(zones_, *match.span()) or _beside_name(text, *match.span()):
            continue
        owner, post = match.group(1), match.group(2)
        org = _owner(registry, owner, match.span(1)) if owner else None
        if owner and owner[0].isupper() and org is None:
            continue  # 'the Kazakh governor', 'A Tuesday spokesman': not ours
        if not _free_but(registry, match.span(), match.span(1) if org else None):
            continue
        if org:
            registry.unmention(match.start(1), match.end(1))
            voice_for(registry, org, post, *match.span(), tentative=True)
            continue
        name = f"{owner or ''} {post}".strip()
        draft = registry.draft(name, "person", role=name, tentative=True)
        registry.mention(draft, *match.span())


# The posts of an unnamed voice: a spokesperson is an actor of their own, named
# for the body they speak for ('spokeswoman for World Rugby').
SPOKESPEOPLE = {post for post in POSTS if post.startswith("spokes")}
# 'A spokesperson for NHS England', 'a spokesman for the ministry said'
VOICE_FOR = re.compile(
    # 'for the trust': a body named before by its noun
    rf"\b[Aa]n? ({'|'.join(sorted(SPOKESPEOPLE))}) (?:for|at) "
    r"(?:the (?=[a-z])|(?:the )?(?=[A-Z]))"
)


def voice_for(registry: Registry, body, post: str, start: int, end: int, **fields):
    """The unnamed spokesperson of `body` written at [start, end): a person named
    '<post> for <body>', with 'the' where the text writes the body's name with it."""
    name = f"{post} for {_article(registry, body)}{body.name}"
    draft = registry.draft(name, "person", role=name, affiliation=body.name, **fields)
    for ref in registry.between(start, end):
        if registry.drafts[ref.key].type == "person":
            registry.unmention(ref.start, ref.end)  # the bare post read before
    registry.mention(draft, start, end)
    return draft


# Institution words that head a proper name as a common noun does ('the Ministry
# of Justice', 'the European Commission'); a company's or a brand's name takes none.
NAMELESS_HEADS = {
    "Inc", "Ltd", "Airlines", "Communications", "Company", "Corporation", "Group",
    "Laboratories", "Network", "News", "Press", "International",
}  # fmt: skip
ARTICLE_HEADS = gz.INSTITUTION_WORDS - NAMELESS_HEADS


INDEFINITE_BEFORE = re.compile(r"\b[Aa]n? $")


def _article(registry: Registry, body) -> str:
    """'the ' where the text writes the body's name after 'the', or, where it
    never writes the name in full, the name is headed by an institution's word;
    else none ('spokesperson for NHS England')."""
    text = registry.text
    if any(text[max(0, s - 4) : s].lower() == "the " for s, _ in body.spans):
        return "the "
    if any(
        text[s:e] == body.name and not INDEFINITE_BEFORE.search(text, max(0, s - 4), s)
        for s, e in body.spans
    ):
        return ""  # written in full, never after 'the' ('a Ministry of X spokesman')
    words = body.name.split()
    head = words[0] if " of " in body.name else words[-1]
    return "the " if head in ARTICLE_HEADS else ""


# 'A Microsoft spokesman said', the owner a name the recogniser found
NAME_WORD = r"[A-Z][\w’'&.-]*"
VOICE_OF = re.compile(
    rf"\b[Aa]n? {NAME_WORD}(?:(?: of| for| and| of the)? {NAME_WORD}){{0,5}} "
    rf"({'|'.join(sorted(SPOKESPEOPLE))})\b"
)


def voices_for(registry: Registry, zones_) -> None:
    """'A spokesperson for NHS England said', 'A Microsoft spokesman said': once
    every name is read, a spokesperson with the body they speak for is a person of
    their own; the body keeps its mention."""
    for pattern, after in ((VOICE_FOR, True), (VOICE_OF, False)):
        for match in pattern.finditer(registry.text):
            if not inside(zones_, *match.span()):
                continue
            found = _body_beside(registry, match, after)
            if found is None:
                continue
            body, end = found
            if _beside_name(registry.text, match.start(), max(end, match.end(1))):
                continue  # 'Narayan Adhikari, a spokesman for the Home Ministry'
            start = match.start() if after else match.start(1)
            token = (
                parse.token_at(registry.doc, match.start(1)) if registry.doc else None
            )
            draft = voice_for(registry, body, match.group(1), start, match.end(1))
            draft.acts = draft.acts or (token is not None and parse.is_agent(token))


def _body_beside(registry: Registry, match, after: bool):
    """The organisation named right after the match ('for NHS England'), or
    right before its post ('A Microsoft spokesman'), and where its name ends."""
    if after:
        refs = registry.between(match.end() - 4, match.end() + 120)
        refs = [r for r in refs if r.start <= match.end()]
    else:
        refs = registry.between(match.start(), match.start(1))
        refs = [r for r in refs if r.end == match.start(1) - 1]
    for ref in refs:
        draft = registry.drafts[ref.key]
        if draft.type in ("organization", "government"):
            return draft, ref.end
    return None


def _beside_name(text: str, start: int, end: int) -> bool:
    """'Jane Doe, the finance director,' or 'the director, Jane Doe': an
    apposition of a named person, who holds the post."""
    before = re.search(r"[A-Z][\w’'-]+, $", text[max(0, start - 40) : start])
    after = re.match(r", [A-Z][a-z]+ [A-Z]", text[end : end + 30])
    return bool(before or after)


def _owner(registry: Registry, owner: str, span):
    """The organisation a capitalised word inside the post stands for."""
    for ref in registry.between(*span):
        draft = registry.drafts[ref.key]
        if draft.type in ("organization", "government"):
            return draft
    name = gz.INSTITUTIONS.get(owner)
    return registry.drafts.get(normalise(name)) if name else None


def _free_but(registry: Registry, span, owner_span) -> bool:
    """Nothing is mentioned in the span but, maybe, the owner word."""
    refs = registry.between(*span)
    if owner_span is None:
        return registry.free(*span)
    return all((r.start, r.end) == owner_span for r in refs) and not any(
        r.start < span[0] < r.end for r in registry.refs
    )

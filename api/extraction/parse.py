"""Reading the dependency parse: the token at an offset, a verb's subject, and the
actor a noun phrase names."""

from __future__ import annotations

import bisect
from functools import cache

from api.extraction import wordlists

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Tokens a noun phrase may span; longer subtrees are run-on parses of lists.
PHRASE_REACH = 40
# Parts of a noun phrase that may carry the actor's name: 'the company's chief,
# John Smith' names Smith (an apposition), never the owner or a place after 'in'.
NAME_DEPS = ("appos", "compound", "flat", "nmod")
# Clause links through which a verb shares its subject: 'said ... and added'.
SHARED_SUBJECT = ("conj", "xcomp", "advcl")
# Nouns of those who speak for a body named before them: 'a Microsoft spokesman'.
VOICES = {
    "spokesman", "spokeswoman", "spokesperson", "official", "representative",
    "statement", "source",
}  # fmt: skip
# Verbs whose subject only is something: 'Turnout was low'.
STATE_VERBS = {"be", "become", "remain", "seem", "appear", "look", "feel"}
# Prepositions that introduce a place: 'protests in Tyrol'.
PLACE_PREPOSITIONS = {"in", "near", "across", "throughout", "outside", "inside"}
# Prepositions of where something is, for organisations named only as a site:
# 'a curator at the University of Arkansas', '11th in the Premier League'.
SITE_PREPOSITIONS = {"at", "in", "inside", "outside", "near", "within"}
# Verbs only a named actor does, beside the reporting verbs: 'declined to comment'.
SPEAKING = {"decline", "refuse", "confirm", "deny", "respond", "apologise", "apologize"}
# Words after which 'to X' names who is spoken to, beside the reporting verbs:
# 'spoke to Reuters', 'in remarks to al-Ikhbariya'.
SPOKEN_TO = {"speak", "talk", "remark", "remarks", "interview", "statement", "speech"}
PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person"}


def token_at(doc, offset: int):
    """The token that holds the character offset, or None between tokens."""
    starts = doc.user_data.get("token_starts")
    if starts is None:
        starts = doc.user_data["token_starts"] = [t.idx for t in doc]
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    token = doc[index]
    return token if offset < token.idx + len(token.text) else None


def sentence(token):
    """The sentence holding the token. `token.sent` walks the whole document on
    every call; this looks it up in the document's sentences, listed once."""
    doc = token.doc
    spans = doc.user_data.get("sentences")
    if spans is None:
        spans = doc.user_data["sentences"] = list(doc.sents)
        doc.user_data["sentence_starts"] = [s.start for s in spans]
    index = bisect.bisect_right(doc.user_data["sentence_starts"], token.i) - 1
    return spans[index]


def text_of(doc) -> str:
    """The document's text, built once (`doc.text` joins every token each time)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def tokens_between(doc, start: int, end: int):
    first = token_at(doc, start)
    if first is None:
        return []
    index = first.i
    found = []
    while index < len(doc) and doc[index].idx < end:
        found.append(doc[index])
        index += 1
    return found


def phrase_heads(doc, start: int, end: int) -> list:
    """The tokens of [start, end) whose head lies outside it: where the phrase
    hangs in the sentence."""
    tokens = tokens_between(doc, start, end)
    return [t for t in tokens if not (start <= t.head.idx < end) or t.head.i == t.i]


def subject(verb):
    """The verb's subject, or the one it shares with the verb it is joined to."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # 'defended the record whilst promising ...'
            continue
        if verb.dep_ not in SHARED_SUBJECT or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def is_passive_subject(token) -> bool:
    return token.dep_ == "nsubjpass"


def is_agent(token, depth: int = 0) -> bool:
    """The token does what its clause says: an active subject, the agent of a
    passive ('by X'), or a name joined to one ('X and Y said', 'X, the chief,')."""
    if depth > 4:
        return False
    if token.dep_ in ("nsubj", "csubj"):
        return token.head.lemma_ not in STATE_VERBS
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if token.dep_ in ("appos", "conj") and token.head.i != token.i:
        return is_agent(token.head, depth + 1)
    if token.dep_ == "compound" and token.head.lemma_.lower() in VOICES:
        return is_agent(token.head, depth + 1)  # 'a Microsoft spokesman said'
    return False


def is_addressed(token) -> bool:
    """The token is who a speaker speaks to: the object of 'tell' ('told LA
    Weekly') or of 'to' after a reporting word ('remarks to Reuters')."""
    if token.dep_ in ("dobj", "dative") and token.head.lemma_ == "tell":
        return True
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "to"
        and token.head.head.lemma_ in _addressing()
    )


def speaks(token) -> bool:
    """The token's head is a verb of speech ('Google declined to comment',
    'Labour said'); the token is what its subject phrase hangs from, or a word of it."""
    return token.head.lemma_ in SPEAKING or token.head.lemma_ in _reporting()


@cache
def _reporting() -> frozenset[str]:
    return frozenset(wordlists.lemmas("reporting_verbs"))


@cache
def _addressing() -> frozenset[str]:
    return _reporting() | SPOKEN_TO


def compounds_before(
    token, pos: str, limit: int = 4, floor: int = 0, direct: bool = False
) -> list:
    """The words of part of speech `pos` right before `token` that the parse
    compounds into its phrase ('disability rights' of 'campaigners'), in text
    order; at most `limit`, none before the index `floor`; with `direct`, only
    those compounded with `token` itself ('Labour' of 'MPs', not 'Harbour' of
    'Harbour Authority staff')."""
    words: list = []
    index = token.i - 1
    while index >= floor and len(words) < limit:
        word = token.doc[index]
        if word.dep_ != "compound" or word.pos_ != pos:
            break
        if not index < word.head.i <= token.i or (direct and word.head.i != token.i):
            break  # compounded with something outside the phrase
        words.insert(0, word)
        index -= 1
    return words


PHRASE_LINKS = ("compound", "conj", "appos")


def places(doc, prepositions=PLACE_PREPOSITIONS) -> set[int]:
    """Indices of the tokens that are the object of one of `prepositions` (of
    place, by default: 'in Almaty') or part of one. Each chain of compounds,
    conjuncts and appositions is climbed once for all its tokens, so a list of
    thousands of names costs its length, not its square."""
    top: dict[int, int] = {}
    for token in doc:
        path = []
        while token.i not in top and token.dep_ in PHRASE_LINKS:
            if token.head.i == token.i:
                break
            path.append(token.i)
            token = token.head
        root = top.get(token.i, token.i)
        for index in path:
            top[index] = root
        top.setdefault(token.i, root)
    return {
        i
        for i, root in top.items()
        if doc[root].dep_ == "pobj" and doc[root].head.lower_ in prepositions
    }


# Phrases that name a quote's source without a reporting verb: the word, and how
# the source hangs from it ('according to X', 'citing X', 'in the words of X').
SOURCE_PHRASES = {
    "according": ("to", "according to"),
    "citing": (None, "citing"),
    "words": ("of", "in the words of"),
}


def source_phrase(token) -> str | None:
    """How the phrase at `token` is written ('according to'), if it names a source."""
    if token.lower_ not in SOURCE_PHRASES or according_to(token) is None:
        return None
    return SOURCE_PHRASES[token.lower_][1]


def according_to(token):
    """The source a source phrase names ('according to X', 'citing X', 'in the
    words of X'): X, else None."""
    if token.lower_ not in SOURCE_PHRASES:
        return None
    preposition, _ = SOURCE_PHRASES[token.lower_]
    if preposition is None:
        return next((c for c in token.children if c.dep_ == "dobj"), None)
    if token.lower_ == "words" and token.head.lower_ != "in":
        return None  # 'her words of thanks'
    for prep in token.children:
        if prep.lower_ == preposition:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


# Words that count a group before it: 'Hundreds of parents protested'.
COUNTS = (
    "hundreds", "thousands", "dozens", "scores", "millions", "tens", "many", "some",
    "most", "several", "group", "groups", "crowd", "crowds", "number",
)  # fmt: skip


def actor_named(registry, token):
    """The actor a noun phrase headed by `token` names: a person in apposition,
    the head's own mention, then an apposition or compound in its phrase, or the
    group a count is of; owners and places are not the phrase's actor."""
    if token.lower_ in COUNTS:
        for prep in (c for c in token.children if c.dep_ == "prep"):
            if prep.lower_ == "of":
                counted = next((c for c in prep.children if c.dep_ == "pobj"), None)
                found = _draft_over(registry, counted) if counted else None
                if found is not None:
                    return found
    for child in token.children:
        named = _draft_over(registry, child) if child.dep_ == "appos" else None
        if named is not None and named.type == "person":
            return named  # 'The CEO of the charity, Jane Doe,': the person
    own = _draft_over(registry, token)
    if own is not None:
        return own
    for deps in (("appos",), NAME_DEPS):
        for child in token.children:
            if child.dep_ in deps:
                found = _draft_over(registry, child)
                if found is not None:
                    return found
    return voiced_body(registry, token) or _person_within(registry, token)


def voiced_body(registry, token):
    """'A spokesperson for the World Bank', 'an official at the ministry': an
    unnamed voice speaks for the body named after it."""
    if token.lemma_.lower() not in VOICES:
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at", "from"):
            continue
        for body in prep.children:
            found = _draft_over(registry, body) if body.dep_ == "pobj" else None
            if found is not None and found.type != "person":
                return found
    return None


def _person_within(registry, token):
    """'Governor of Washington Chris Gregoire': the one person named anywhere in
    the phrase, outside owners ('Tokayev's spokesman') and relative clauses."""
    found = []
    for child in token.children:
        if child.dep_ in ("poss", "relcl", "acl", "advcl", "punct", "cc"):
            continue
        if child.right_edge.i - child.left_edge.i > PHRASE_REACH:
            continue  # no subject phrase is that long: a run-on parse
        for inner in child.subtree:
            draft = _draft_over(registry, inner) if inner.pos_ == "PROPN" else None
            if draft is not None and draft.type == "person" and draft not in found:
                found.append(draft)
    return found[0] if len(found) == 1 else None


def _draft_over(registry, token):
    """The draft a mention over the token names; a mention inside a longer token
    counts too ('Secunia' of 'Secunia.com')."""
    start, end = token.idx, token.idx + len(token.text)
    inside = None
    for ref in registry.between(start - 120, end + 120):
        if ref.start <= start and end <= ref.end:
            return registry.drafts[ref.key]
        if inside is None and start <= ref.start and ref.end <= end:
            inside = registry.drafts[ref.key]
    return inside


def pronoun_kind(token) -> str | None:
    """'person' for he/she, 'thing' for it/they, None for any other word."""
    lower = token.lower_
    if lower in PERSONAL:
        return "person"
    if lower in ("it", "they", "we"):
        return "thing"
    return None


# How far up the parse a word is looked at for the clause that holds it.
CLAUSE_REACH = 6


def in_reported_clause(token) -> bool:
    """The token is inside what a reporting verb goes on to report ('The union
    said 38 nurses would be moved'), not a subject of the story's own clauses
    ('Protesters blocked the road, witnesses said' is the story, sourced)."""
    current = token
    for _ in range(CLAUSE_REACH):
        if current.head.i == current.i:
            return False
        if (
            current.dep_ == "ccomp"
            and current.head.lemma_ in _reporting()
            and current.i > current.head.i
        ):
            return True
        current = current.head
    return False


def mention_acts(doc, start: int, end: int) -> bool:
    """A mention acts when the token its words hang from is an agent: the subject
    of a verb, the agent of a passive, or the source after 'according to'."""
    heads = phrase_heads(doc, start, end)
    return any(is_agent(t) or _source(t) for t in heads)


def _source(token) -> bool:
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "to"
        and token.head.head.lower_ == "according"
    )


def in_long_list(doc, start: int, end: int, size: int = 3) -> bool:
    """The mention is one item of a coordination of at least `size` items."""
    return any(len(_members(first)) >= size for first in _list_leads(doc, start, end))


def list_is_subject(doc, start: int, end: int) -> bool:
    """The mention's list is who the clause is about though the parse hangs it
    lower: the complement of 'be' ('elected were A, B and C') or the source after
    'from' ('attempts from A, B and C')."""
    return any(
        first.dep_ == "attr" or (first.dep_ == "pobj" and first.head.lower_ == "from")
        for first in _list_leads(doc, start, end)
    )


def _list_leads(doc, start: int, end: int) -> list:
    """The first item of the coordination each head of the mention is in."""
    leads = []
    for token in phrase_heads(doc, start, end):
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        leads.append(first)
    return leads


def _members(first) -> list:
    return [first, *(t for t in first.subtree if t.dep_ == "conj")]


# Prepositions whose object a clause is about or for, never who acts in it.
TARGET_PREPOSITIONS = {"for", "against", "on", "at", "toward", "towards", "over"}


def mention_is_target(doc, start: int, end: int) -> bool:
    """The mention's head is what its clause acts on or whose it is: a passive
    subject, a direct object, an owner, or the object of 'for'/'against'."""
    heads = phrase_heads(doc, start, end)
    return bool(heads) and all(_target(t) for t in heads)


def _target(token) -> bool:
    # an owner ('Labour's Shadow Home Secretary said') is not who speaks
    if token.dep_ in ("nsubjpass", "dobj", "poss"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in TARGET_PREPOSITIONS

"""Reactions read from the parse: an actor other than the story's protagonist who
is the subject of a response verb ('opposed', 'welcomed') or of a speech verb
whose words judge the events ('said it was "damning"'). A passive subject, an
object or a name inside a noun phrase is what the clause is about, not who reacts.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from api.extraction import parse, reporting, stances, wordlists
from api.extraction.ids import actor_id, item_id
from api.extraction.types import Reaction
from api.extraction.zones import holds


@cache
def verbs() -> frozenset[str]:
    return wordlists.lemmas("reaction_verbs") | wordlists.lemmas("reporting_verbs")


def extract(registry, sentences, quotes, silent, held, article) -> list[Reaction]:
    """`silent`: ids of actors who do not react (the protagonist and their
    voices); `held`: the reactions found already."""
    doc, found = registry.doc, []
    if doc is None:
        return []
    starts = [s for s, _ in sentences]
    stances: dict[tuple, list[str]] = {}
    for reaction in held:
        at = bisect.bisect_right(starts, reaction.start) - 1
        key = (reaction.actor, starts[at] if at >= 0 else reaction.start)
        stances.setdefault(key, []).append(reaction.stance)
    marks = [(q.start - 1, q.end + 1) for q in quotes]
    by_start = sorted(quotes, key=lambda q: q.start)
    for index, sentence in enumerate(sentences):
        for verb in parse.tokens_between(doc, *sentence):
            response = _response(registry, verb, marks, silent, by_start)
            told = [response] if response else _told_by_noun(registry, verb, marks)
            for actor, stance in told:
                if actor_id(actor.name) in silent:
                    continue
                key = (actor_id(actor.name), sentence[0])
                span = _with_quotes_after(sentences, index, by_start, actor)
                before = stances.setdefault(key, [])
                if before and not _second_statement(verb, stance, before):
                    continue
                if before:
                    span = (verb.idx, span[1])
                before.append(stance)
                found.append(
                    _reaction(registry, actor, stance, verb, span, quotes, article)
                )
    return found


# Conjunctions that set a second response against the first.
CONTRASTS = {"but", "yet"}
# Verbs that voice a response noun for their subject: 'X expressed concern', 'X
# filed a lawsuit'.
VOICING = {
    "express", "voice", "offer", "extend", "show", "send", "register", "raise",
    "file", "bring", "lodge",
}  # fmt: skip
COUNTRY_AS_MODIFIER = re.compile(r"\s+[A-Z]")
# How far after a response noun its source may be named: 'support online from X'.
SOURCE_REACH = 4


def _told_by_noun(registry, noun, marks) -> list[tuple]:
    """A response told by its noun: 'drew criticism from X', 'received support
    ranging from X to Y' (every actor named after 'from', up to the clause's end),
    'X expressed concern'."""
    stance = stances.of_noun(noun)
    if stance is None or holds(marks, noun.idx):
        return []
    if noun.dep_ == "dobj" and noun.head.lemma_ in VOICING:
        subject = parse.subject(noun.head)
        actor = parse.actor_named(registry, subject) if subject is not None else None
        if actor is not None and not actor.not_actor:
            return [(actor, stance)]
        # 'The plan brought a warning from X': the source after 'from' gives it
    after = noun.doc[noun.i + 1 : noun.i + 1 + SOURCE_REACH]
    source = next((t for t in after if t.lower_ == "from"), None)
    if source is None or any(t.is_punct for t in after if t.i < source.i):
        return []
    end = source.i + 1
    while end < noun.sent.end and not _ends_source(noun.doc[end]):
        end += 1
    named = []
    last = noun.doc[end - 1]
    for ref in registry.between(source.idx, last.idx + len(last)):
        draft = registry.drafts.get(ref.key)
        if draft is None or draft.not_actor or draft in named:
            continue
        if draft.type == "country" and COUNTRY_AS_MODIFIER.match(
            registry.text, ref.end
        ):
            continue  # 'from US President Barack Obama': the president
        named.append(draft)
    return [(actor, stance) for actor in named]


def _ends_source(token) -> bool:
    """Where the names after 'from' stop: a clause's punctuation or its verb."""
    return token.lower_ in (",", ";", ".", ":") or token.pos_ in ("VERB", "AUX")


def _second_statement(verb, stance: str, before: list[str]) -> bool:
    """'... said her party supported the idea, and said it was "damning"': a
    second speech verb of the same actor, of another stance, is a second
    reaction; so is a response set against the first ('welcomed the investment but
    questioned the timetable'); a second response verb of a piece with the first
    ('welcomed the deal and urged calm') is not."""
    reporting = wordlists.lemmas("reporting_verbs")
    # '... called it "cruel", but said he welcomed the amendment': the response
    # told by a second reporting verb stands where that verb does
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in reporting:
        verb = verb.head
    if len(before) != 1 or stance in before or verb.dep_ != "conj":
        return False
    contrasted = any(
        c.lower_ in CONTRASTS for c in verb.head.children if c.dep_ == "cc"
    )
    speech = verb.lemma_ in reporting
    return contrasted or (speech and stances.of_verb(verb) is None)


def _with_quotes_after(sentences, index, by_start, actor):
    """The sentence, and the sentences right after it that open with the same
    actor's quote ('X issued a statement. "I am disappointed ..."')."""
    start, end = sentences[index]
    ident = actor_id(actor.name)
    for following in sentences[index + 1 :]:
        opening = _starting(by_start, following[0], following[0] + 3)
        if not any(q.speaker == ident for q in opening):
            break
        end = following[1]
    return start, end


def lead_subject(registry, paragraphs):
    """The actor the lead's first sentence is about (its subject), of any type:
    'NASA celebrated ...' makes NASA a protagonist, who tells the story."""
    doc = registry.doc
    lead = next((p for p in paragraphs if p.kind == "body"), None)
    first = parse.token_at(doc, lead.start) if doc is not None and lead else None
    if first is None:
        return None
    named = parse.subject(parse.sentence(first).root)
    return parse.actor_named(registry, named) if named is not None else None


def _judging_adjective(verb) -> str | None:
    """'is critical of', 'was pleased with', 'are opposed to': the stance of an
    evaluative adjective that 'be' gives its subject, with what it is about."""
    if verb.lemma_ != "be":
        return None
    for child in verb.children:
        if child.dep_ == "acomp" and any(c.dep_ == "prep" for c in child.children):
            return stances.of_words([child])
    return None


def _response(registry, verb, marks, silent, by_start):
    """(actor, stance) of the response this verb voices, or None."""
    judged = _judging_adjective(verb)
    lemma = stances.verb_lemma(verb)
    if judged is None and (verb.pos_ != "VERB" or lemma not in verbs()):
        return None
    if holds(marks, verb.idx):
        return None
    subject = parse.subject(verb)
    if subject is None or parse.is_passive_subject(subject):
        return None
    if holds(marks, subject.idx):
        return None
    actor = parse.actor_named(registry, subject)
    if actor is None and parse.pronoun_kind(subject) == "person":
        actor = reporting.antecedent(registry, subject, marks)
    if actor is None or actor.not_actor or actor_id(actor.name) in silent:
        return None
    if judged is not None:
        return actor, judged  # 'the Church is extremely critical of worshippers'
    if _reported_by_another(registry, verb, actor):
        return None
    if _reports_news(actor, verb):
        return None  # 'The Straits Times noted the support had grown': news told
    said = [t for t in verb.subtree if t not in set(subject.subtree)]
    said += _next_quote_words(registry.doc, verb, by_start, actor)
    said += _own_quote_words(registry.doc, verb, by_start, actor, said)
    stance = stances.decide(verb, said)
    return (actor, stance) if stance else None


def _reports_news(actor, verb) -> bool:
    """A news outlet's speech verb tells the news; only a response verb of its own
    ('the Guardian criticised') is a reaction."""
    outlet = actor.name.rsplit(" ", 1)[-1].lower() in wordlists.lemmas("outlet_names")
    return outlet and stances.of_verb(verb) is None


def _next_quote_words(doc, verb, by_start, actor) -> list:
    """Words of the actor's quote that opens the next sentence: what a statement
    issued or a 'said' with no words of its own goes on to say."""
    ident, end = actor_id(actor.name), parse.sentence(verb).end_char
    following = [q for q in _starting(by_start, end + 1, end + 4) if q.speaker == ident]
    return [t for q in following[:1] for t in parse.tokens_between(doc, q.start, q.end)]


def _starting(by_start: list, start: int, end: int) -> list:
    """The quotes (`by_start`: sorted by start) that start in [start, end)."""
    index = bisect.bisect_left(by_start, start, key=lambda q: q.start)
    found = []
    while index < len(by_start) and by_start[index].start < end:
        found.append(by_start[index])
        index += 1
    return found


def _own_quote_words(doc, verb, by_start, actor, said) -> list:
    """Words of the actor's own quotes in the verb's sentence that the parse did
    not hang from the verb ('with Boswell stating: "... is clumsy"')."""
    ident, sentence = actor_id(actor.name), parse.sentence(verb)
    have = {t.i for t in said}
    quotes = _starting(by_start, sentence.start_char, sentence.end_char)
    return [
        t
        for q in quotes
        if q.speaker == ident
        for t in parse.tokens_between(doc, q.start, q.end)
        if t.i not in have
    ]


def _reaction(registry, actor, stance, verb, sentence, quotes, article) -> Reaction:
    text, (start, end) = registry.text, sentence
    actor.acts = True
    ident = actor_id(actor.name)
    linked = [q.id for q in quotes if start <= q.start < end and q.speaker == ident]
    clause = text[verb.idx : end].strip().rstrip(".")
    return Reaction(
        id=item_id("r", article, start, end) + "-" + ident[:12],
        actor=ident,
        stance=stance,
        target=_target(registry, actor, verb),
        summary=clause if len(clause) <= 120 else clause[:117] + "...",
        evidence=text[start:end],
        start=start,
        end=end,
        quotes=linked,
    )


def _target(registry, actor, verb) -> str | None:
    """The first other actor named in what the verb governs."""
    for token in verb.subtree:
        named = parse.actor_named(registry, token) if token.pos_ == "PROPN" else None
        if named is not None and named is not actor and not named.not_actor:
            return named.name
    return None


def _reported_by_another(registry, verb, actor) -> bool:
    """'Kowalchuk said the government would set aside $12m to help farmers': a
    response inside what another actor reports is that actor's account."""
    reporting_ = wordlists.lemmas("reporting_verbs")
    child = verb
    for head in verb.ancestors:
        if head.lemma_ in reporting_ and child.dep_ in ("ccomp", "xcomp"):
            subject = parse.subject(head)
            speaker = (
                parse.actor_named(registry, subject) if subject is not None else None
            )
            return speaker is not None and speaker is not actor
        child = head
    return False

"""Reactions: an actor other than the protagonist responding to events, with a
stance read from the verb, a target, the evidence sentence and its quotes."""

from __future__ import annotations

import bisect
import re

from api.extraction import (
    parse,
    protagonists,
    quoted,
    responses,
    speaking_for,
    stances,
    subjects,
)
from api.extraction.ids import actor_id, item_id
from api.extraction.registry import Draft, Registry
from api.extraction.types import Reaction
from api.extraction.zones import holder

BUT = re.compile(r",\s+but\b|;")
# A second reaction of the same actor opens a clause: '…, but warned', ', and FIFA said'
SECOND = re.compile(r"(?:,?\s+but\s+|,\s+and\s+[A-Z][\w\s]*?\s)(?:\w+\s+){0,3}?$")
# A new report after a quoted verdict: 'called it “a tragedy” and said London would'
REPORT_AFTER_QUOTE = re.compile(r"[”\"»]\s+and\s+$")
# 'He said he had called his rival to congratulate her': no noun phrase in between
PRONOUN = re.compile(r"\s*(He|She|It|They)\s+(?:(?!the\b|an?\b)[\w’']+\s+){0,8}?$")


def extract(
    registry, paragraphs, sentences, quotes, article, headline=None
) -> list[Reaction]:
    hero = protagonists.protagonist(registry, paragraphs)
    voices = protagonists.party_voices(registry, paragraphs)
    # the actor the headline names is the story's subject too: it does not react
    headline = protagonists.named_in_headline(registry, headline)
    if headline is not None:
        voices = voices | {actor_id(headline.name)}
    # each offset found by bisection: a paragraph scan per sentence costs the
    # square of a text of many short paragraphs
    in_body = holder([(p.start, p.end) for p in paragraphs if p.kind == "body"])
    items, seen = [], set()
    for index, sentence in enumerate(sentences):
        if not in_body(sentence[0]):
            continue
        nxt = sentences[index + 1] if index + 1 < len(sentences) else None
        prev = sentences[index - 1] if index else None
        found = _sentence(registry, sentence, (prev, nxt), quotes, hero, article)
        found = [i for i in found if i.actor not in voices]
        for item in found:
            if (item.actor, item.start) not in seen:
                seen.add((item.actor, item.start))
                items.append(item)
    said = [q for q in quotes if in_body(q.start)]
    # a protagonist only guessed from how often they are named may be a bystander
    lead = protagonists.lead_person(registry, paragraphs)
    silent = voices | ({actor_id(lead.name)} if lead else set())
    taken = [(r.actor, r.start, r.end) for r in items]
    items += quoted.extract(registry, said, sentences, taken, silent, article)
    items = [r for r in items if _voiced_by_actor(registry, r)]
    for lead in (hero, responses.lead_subject(registry, paragraphs)):
        if lead is not None:
            silent = silent | {actor_id(lead.name)}
    inside = [s for s in sentences if in_body(s[0])]
    items += responses.extract(registry, inside, said, silent, items, article)
    return _without_overlaps(_voiced_once(items))


def _voiced_once(items: list[Reaction]) -> list[Reaction]:
    """'A Ministry of Justice spokesperson said': the reaction is the
    spokesperson's on the ministry's behalf, not the ministry's as well."""
    voiced = {(r.on_behalf_of, r.start) for r in items if r.on_behalf_of}
    return [r for r in items if (r.actor, r.start) not in voiced]


# Longest evidence one reaction has (a sentence and the quotes after it): how far
# back a reaction that holds another may start.
EVIDENCE_REACH = 3000


def _without_overlaps(items: list[Reaction]) -> list[Reaction]:
    """One actor's reaction whose evidence holds, or lies within, another of theirs
    of the same stance is the same response read twice (by its quote and by its
    reporting verb): the first found stays. A second stance in one sentence ('...,
    but warned') is a second response. Each is compared only with those of its
    actor and stance that start near it, so the cost follows the text."""
    kept: list[Reaction] = []
    starts: dict[tuple, list[tuple[int, int]]] = {}
    for item in items:
        spans = starts.setdefault((item.actor, item.stance), [])
        low = bisect.bisect_left(spans, (item.start - EVIDENCE_REACH, -1))
        high = bisect.bisect_right(spans, (item.end, item.end))
        if any(
            (start <= item.start and item.end <= end)
            or (item.start <= start and end <= item.end)
            for start, end in spans[low:high]
        ):
            continue
        bisect.insort(spans, (item.start, item.end))
        kept.append(item)
    return kept


def _voiced_by_actor(registry, reaction) -> bool:
    """The reacting actor, where the evidence names it, is not named only as a
    target: the subject of a passive, an object, or whom a phrase is for ('a
    system backed by the Red Cross for Afghan refugees')."""
    doc = registry.doc
    if doc is None:
        return True
    spans = [
        (r.start, r.end)
        for r in registry.between(reaction.start, reaction.end)
        if actor_id(registry.drafts[r.key].name) == reaction.actor
    ]
    if not spans:
        return True  # named before, by a pronoun or an earlier sentence
    return not all(parse.mention_is_target(doc, start, end) for start, end in spans)


def _sentence(registry, sentence, around, quotes, hero, article) -> list[Reaction]:
    text, results, floor, previous = registry.text, [], sentence[0], []
    decided: dict[str, str] = {}
    for match in stances.STANCE_VERB.finditer(text, *sentence):
        if _in_quote(match.start(), quotes):
            continue
        stance = match.lastgroup
        if previous and subjects.coordinated(text, floor, match.start()):
            actors = previous  # 'accused ministers of ... and demanded an inquiry'
        else:
            actors = subjects.find(registry, floor, match.start(), hero)
            actors = actors or _antecedent(registry, floor, match, around[0], hero)
        if stance == "reported":
            stance = stances.of_report(text, match, _clause_end(text, match, sentence))
            if stance is None:
                # 'Mr Rugira said the ALK had lost ... and accused the army'
                previous = actors
                continue
        for actor in actors:
            span = _span(text, sentence, match, decided.get(actor.name), stance)
            if span is None:
                continue
            decided.setdefault(actor.name, stance)
            results.append(
                _reaction(
                    registry, actor, stance, match, span, around[1], quotes, article
                )
            )
        if not subjects.in_relative(text, floor, match.start()):
            floor = match.end()
        previous = actors
    return results


def _clause_end(text: str, match: re.Match, sentence) -> int:
    """What a reporting verb reports stops at 'but' or a semicolon."""
    reach = min(sentence[1], match.end() + stances.REPORT_REACH)
    stop = BUT.search(text, match.end(), reach)
    return stop.start() if stop else sentence[1]


def _span(text, sentence, match, before: str | None, stance: str):
    """The evidence of an actor's reaction: the sentence, or, for a second reaction
    of another stance in a new clause ('…, but warned that'), that clause."""
    if before is None:
        return sentence
    new_clause = SECOND.search(text, sentence[0], match.start()) or (
        match.lastgroup == "reported"
        and REPORT_AFTER_QUOTE.search(text, sentence[0], match.start())
    )
    if stance == before or not new_clause:
        return None
    return match.start(), sentence[1]


def _antecedent(registry, floor, match, prev, hero) -> list[Draft]:
    """'It accused the operator': the first actor of the previous sentence."""
    pronoun = PRONOUN.match(registry.text, floor, match.start())
    if pronoun is None or prev is None:
        return []
    people = pronoun.group(1).lower() in ("he", "she")
    for ref in registry.between(*prev):
        draft = registry.drafts[ref.key]
        if (draft.type == "person") == people:
            return [] if draft is hero else [draft]
    return []


def _in_quote(offset: int, quotes) -> bool:
    """Inside quote marks, unless the quote opens with the verb ('who "responded')."""
    return any(q.start < offset < q.end for q in quotes)


def _spokesperson(registry, actor, nxt, quotes):
    """An institution's reaction voiced, in the next sentence, by its spokesperson."""
    if nxt is None or actor.type == "person":
        return None
    for quote in quotes:
        if nxt[0] <= quote.start < nxt[1] and quote.speaker:
            speaker = next(
                (
                    d
                    for d in registry.drafts.values()
                    if actor_id(d.name) == quote.speaker
                ),
                None,
            )
            if (
                speaker
                and speaker.affiliation == actor.name
                and protagonists.speaks_for(speaker)
            ):
                return speaker
    return None


def _reaction(registry, actor, stance, match, sentence, nxt, quotes, article):
    """A reaction whose evidence is `sentence`, the span of its clause or sentence."""
    text, start, end = registry.text, sentence[0], sentence[1]
    voice = _spokesperson(registry, actor, nxt, quotes)
    behalf = speaking_for.behalf(registry, actor)
    if voice is not None:
        actor, behalf, end = voice, actor, nxt[1]
    actor.acts = True
    linked = [
        q.id
        for q in quotes
        if match.start() <= q.start
        and q.end <= end
        and (voice is None or q.speaker == actor_id(actor.name))
    ]
    return Reaction(
        id=item_id("r", article, start, end) + "-" + actor_id(actor.name)[:12],
        actor=actor_id(actor.name),
        stance=stance,
        target=_target(registry, match.end(), sentence[1]),
        summary=_summary(text, match.start(), sentence[1]),
        evidence=text[start:end],
        start=start,
        end=end,
        on_behalf_of=actor_id(behalf.name) if behalf else None,
        quotes=linked,
    )


def _target(registry: Registry, start: int, end: int) -> str | None:
    refs = registry.between(start, end)
    return registry.drafts[refs[0].key].name if refs else None


def _summary(text: str, start: int, end: int) -> str:
    clause = re.sub(r"[“”«»\"]", "", text[start:end]).strip().rstrip(".")
    clause = clause[:1].upper() + clause[1:]
    return clause if len(clause) <= 120 else clause[:117].rsplit(" ", 1)[0] + "..."

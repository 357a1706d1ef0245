"""Who a quote's reporting verb says spoke it, read from the dependency parse: the
subject of the verb ('X said', 'said X'), or the object of 'according to' — never
the verb's object (the audience of 'told MPs') or another name in the clause."""

from __future__ import annotations

import re
from functools import cache

from api.extraction import parse, roles, wordlists
from api.extraction.zones import holds

REPORTING = "reporting_verbs"
DOCUMENTS = "document_nouns"
PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
}
PRONOUN_AFTER = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][”\"’']?$")
# How many sentences back a quote standing alone looks for its speaker.
VOICE_REACH = 3
HONORIFICS = {
    "Mr ": "male",
    "Mr. ": "male",
    "Sir ": "male",
    "Mrs ": "female",
    "Mrs. ": "female",
    "Ms ": "female",
    "Ms. ": "female",
    "Miss ": "female",
    "Dame ": "female",
}


def attribute(registry, quote, sentence, skip) -> tuple | None:
    """(speaker draft, verb as written), or None when the parse does not decide;
    the speaker is None where the parse decides no one named speaks."""
    doc = registry.doc
    if doc is None:
        return None
    verb = _reporting_verb(doc, quote, sentence, skip)
    if verb is None:
        return None
    phrase = parse.source_phrase(verb)
    if phrase is not None:
        named, text = parse.according_to(verb), phrase
    else:
        named, text = parse.subject(verb), verb.text
    if named is None or holds(skip, named.idx):
        return None
    if _joint_subject(registry, named):
        return None, text  # 'X, Y and Z said': a joint statement, nobody's alone
    speaker = _unnamed_voice(registry, named, skip)
    speaker = speaker or parse.actor_named(registry, named)
    speaker = speaker or _owner_of_work(registry, named)
    if speaker is None and (_unowned_work(named) or _someone_new(named)):
        return None, text  # 'a letter seen by Sky News says': no one named speaks
    if speaker is None and (parse.pronoun_kind(named) == "person" or _by_age(named)):
        speaker = antecedent(registry, named, skip, quoted=quote)
    if speaker is None and named.lower_ in BODY_PRONOUNS:
        speaker = body_antecedent(registry, named, skip)
        if speaker is None:
            return None, text  # a body the text does not name: no guess
    if speaker is None or speaker.not_actor:
        return None
    return speaker, text


def _joint_subject(registry, named) -> bool:
    """The subject is a list of two or more actors ('The United States, Japan
    and Switzerland said')."""
    members = [named, *(c for c in named.children if c.dep_ == "conj")]
    named_ = (parse.actor_named(registry, m) for m in members)
    return len({d.key for d in named_ if d is not None}) >= 2


def _by_age(named) -> bool:
    """'said the 45-year-old': a person named before, now called by their age."""
    return (
        named.lower_ == "old"
        and any(c.lower_ == "the" for c in named.children)
        and any(c.lemma_ == "year" for c in named.children)
    )


def _unnamed_voice(registry, named, skip):
    """'Avon Fire and Rescue Service said ... "Investigations are under way," a
    spokesman said': a voice that names no body of its own ('for X', 'a Microsoft
    spokesman', 'its spokesman') speaks for the body the text was just about."""
    if named.lemma_.lower() not in parse.VOICES or named.lemma_.lower() in (
        "source",
        "statement",
    ):
        return None
    if parse.voiced_body(registry, named) is not None:
        return None
    if any(c.dep_ in ("compound", "poss", "amod", "prep") for c in named.children):
        return None
    body = body_antecedent(registry, named, skip, kinds=VOICED_KINDS)
    post = named.lemma_.lower()
    if body is None or post not in roles.SPOKESPEOPLE:
        return body
    # 'a spokeswoman said' after 'World Rugby': the spokeswoman for World Rugby
    start = named.left_edge.idx
    return roles.voice_for(registry, body, named.lower_, start, named.idx + len(named))


# Pronouns that stand for a body, and the kinds of actor each may stand for.
BODY_PRONOUNS = {
    "it": ("organization", "government", "country"),
    "they": ("organization", "government", "country", "group"),
}


# Who an unnamed voice ('a spokesman said') may speak for.
VOICED_KINDS = ("organization", "government")


def body_antecedent(registry, pronoun, skip, kinds=None):
    """'"Care continues," it added': the body the sentence before has as its
    subject ('the hospital said in a statement'), else the last body of the
    pronoun's kinds its paragraph names before it; None past the paragraph.
    With `kinds`, `pronoun` is any word standing for a body of those kinds."""
    singular = pronoun.lower_ == "it"
    kinds = kinds or BODY_PRONOUNS[pronoun.lower_]
    paragraph = registry.text.rfind("\n", 0, pronoun.idx) + 1
    refs = [
        r for r in registry.between(paragraph, pronoun.idx) if not holds(skip, r.start)
    ]
    fitting = [
        registry.drafts[r.key]
        for r in reversed(refs)
        if _may_stand_for(registry, r, kinds, singular)
    ]
    before = _previous_subject(registry, parse.sentence(pronoun), quoted=skip)
    return before if any(d is before for d in fitting) else next(iter(fitting), None)


def _may_stand_for(registry, ref, kinds, singular: bool) -> bool:
    """A body of the pronoun's kinds, named in the singular for 'it' ('the
    ministry', not 'officials')."""
    if registry.drafts[ref.key].type not in kinds:
        return False
    heads = parse.phrase_heads(registry.doc, ref.start, ref.end)
    plural = any(h.tag_ in ("NNS", "NNPS") for h in heads)
    return not (singular and plural)


def _owner_of_work(registry, subject):
    """'PC World's analysis concluded': a written work speaks for its owner."""
    if subject.lemma_.lower() not in wordlists.lemmas(DOCUMENTS):
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    named = parse.actor_named(registry, owner)
    if named is not None or owner.pos_ != "PROPN":
        return named
    # a name no stage read ('Oxfam's report'): the parse says it is one
    words = [*(c for c in owner.lefts if c.dep_ == "compound"), owner]
    start, end = words[0].idx, owner.idx + len(owner)
    type_ = "person" if owner.ent_type_ == "PERSON" else "organization"
    draft = registry.draft(registry.text[start:end], type_, tentative=True)
    return draft if registry.mention(draft, start, end) else None


# Determiners that bring in someone not met before: 'One woman said', 'a witness'.
INDEFINITE = {"a", "an", "one", "another", "some", "many", "several", "other"}


def _someone_new(subject) -> bool:
    """A common noun brought in by an indefinite determiner ('One woman, who did
    not want to be named, said') is nobody the text has named."""
    return subject.pos_ == "NOUN" and any(
        c.dep_ in ("det", "nummod", "amod") and c.lower_ in INDEFINITE
        for c in subject.children
    )


def _unowned_work(subject) -> bool:
    """A written work the text gives no owner ('A leaked letter seen by Sky News
    says'): whoever saw it or is named in its phrase did not write it."""
    return subject.lemma_.lower() in wordlists.lemmas(DOCUMENTS) and not any(
        c.dep_ == "poss" for c in subject.children
    )


def antecedent(registry, pronoun, skip, quoted=None):
    """'He said': the person the sentence before was about (its subject), else the
    last person named before the pronoun; within the paragraph, a person the text
    shows to be of the pronoun's sex comes before one it says nothing of. The
    speaker of a `quoted` passage is not someone it names ('He said, "Andy Warhol
    was the centre of ..."')."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    reporter = _reporter_of(registry, pronoun)
    if reporter is not None and _may_be(registry, reporter, gender):
        return reporter
    candidates = []
    before = _previous_subject(registry, parse.sentence(pronoun), quoted=skip)
    if before is not None and before.type == "person":
        candidates.append(before)
    paragraph = registry.text.rfind("\n", 0, pronoun.idx) + 1
    for ref in reversed(registry.between(max(0, pronoun.idx - 3000), pronoun.idx)):
        draft = registry.drafts[ref.key]
        if any(a <= ref.start < b for a, b in skip) or draft.type != "person":
            continue
        if draft not in candidates:
            candidates.append(draft)
    if quoted is not None:
        candidates = [c for c in candidates if not _named_within(c, quoted)]
    fitting = [c for c in candidates if _may_be(registry, c, gender)]
    # named in the paragraph before the pronoun: a later mention says nothing
    near = [c for c in fitting if any(paragraph <= s < pronoun.idx for s, _ in c.spans)]
    if not near and _someone_new_before(registry, pronoun, paragraph, skip):
        return None  # 'A woman ... said she saw it. "I heard it," she said.'
    sure = [c for c in near if known_gender(registry, c) == gender]
    return (sure or fitting or [None])[0]


def _someone_new_before(registry, pronoun, paragraph: int, skip) -> bool:
    """The pronoun's paragraph, before it, brings in an unnamed person as a
    subject ('A woman waiting outside said'): that person is who it means."""
    doc = registry.doc
    first = parse.token_at(doc, paragraph)
    for token in doc[first.i if first is not None else 0 : pronoun.i]:
        if token.dep_ not in ("nsubj", "nsubjpass") or holds(skip, token.idx):
            continue
        if token.lemma_.lower() in roles.person_nouns() and _someone_new(token):
            return True
    return False


def _reporter_of(registry, pronoun):
    """'Hogan said he was disappointed': a pronoun in the clause a person's
    reporting verb reports is, first of all, that person."""
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "xcomp") or clause.head.i == clause.i:
            return None
        clause = clause.head
        if clause.lemma_ in wordlists.lemmas(REPORTING):
            break
    else:
        return None
    subject = parse.subject(clause)
    if subject is None or subject.i == pronoun.i or subject.pos_ == "PRON":
        return None
    person = parse.actor_named(registry, subject)
    return person if person is not None and person.type == "person" else None


def _named_within(person, quote) -> bool:
    return any(quote.start <= start < quote.end for start, _ in person.spans)


def _may_be(registry, person, gender: str | None) -> bool:
    """Whether 'he' or 'she' can be this person, as far as the text tells: an
    honorific ('Mr Holloway', 'Ms Okafor'), else the pronouns that follow the
    person's name before anyone else is named ('Heald said she ...')."""
    if gender is None:
        return True
    known = known_gender(registry, person)
    return known is None or known == gender


def known_gender(registry, person) -> str | None:
    """Read once per person (and per count of mentions): every pronoun of the
    article asks it of every person named before it."""
    key = (person.key, len(person.spans))
    if key not in registry.genders:
        registry.genders[key] = (
            _honorific_gender(registry, person)
            or _kin_sex(registry, person)
            or _pronoun_gender(registry, person)
        )
    return registry.genders[key]


@cache
def _kin_sexes() -> dict[str, str]:
    return {e["lemma"]: e["sex"] for e in wordlists.entries("relatives") if "sex" in e}


# The kin noun set before a name: 'Her husband, Mark Lowe', 'Ellie's mother, Joanne'.
KIN_BEFORE = re.compile(r"\b([a-z]+),? $")


def _kin_sex(registry, person) -> str | None:
    """'Thomas Sam's sister' or 'Her husband, Mark Lowe' is of the kin's sex."""
    role = (person.role or "").split()
    if role and role[-1] in _kin_sexes():
        return _kin_sexes()[role[-1]]
    if not person.spans:
        return None
    start = min(person.spans)[0]
    before = KIN_BEFORE.search(registry.text, max(0, start - 20), start)
    return _kin_sexes().get(before.group(1)) if before else None


def _honorific_gender(registry, person) -> str | None:
    forms = [person.name, *person.aliases]
    forms += [registry.text[max(0, s - 6) : e] for s, e in person.spans]
    found = {
        g
        for f in forms
        for title, g in HONORIFICS.items()
        if title in f[: len(title) + 6]
    }
    return found.pop() if len(found) == 1 else None


def _pronoun_gender(registry, person) -> str | None:
    votes = {"male": 0, "female": 0}
    for _, end in person.spans:
        following = registry.between(end, end + 160)
        limit = following[0].start if following else end + 160
        # up to the sentence's end or a quotation, whose pronouns are the speaker's
        window = re.split(r"[.“”\"«»]", registry.text[end:limit], maxsplit=1)[0]
        pronoun = PRONOUN_AFTER.search(window)
        if pronoun:
            votes[PRONOUN_GENDER[pronoun.group(1).lower()]] += 1
    if votes["male"] == votes["female"]:
        return None
    return max(votes, key=votes.get)


def _previous_subject(registry, sentence, speaking: bool = False, quoted=()):
    """The actor the sentence before `sentence` (in its paragraph) has as the
    subject of its main verb; with `speaking`, only when that verb reports speech.
    The parser may cut a quotation into sentences ('"This is not a plan. It is a
    retreat," he added'): those pieces are skipped, back to the sentence before
    the quotation."""
    doc = registry.doc
    start = sentence.start
    opening = next((a for a, b in quoted if a < doc[start].idx < b), None)
    if opening is not None:
        start = parse.sentence(parse.token_at(doc, opening) or doc[start]).start
    previous = _sentence_before(registry, doc[start : sentence.end])
    if previous is None:
        return None  # the first sentence of its paragraph
    verbs = [t for t in previous if _reports(t)] if speaking else [previous.root]
    return _subject_actor(registry, verbs)


def _subject_actor(registry, verbs):
    """The first actor that is the subject of one of `verbs`."""
    for verb in verbs:
        named = parse.subject(verb)
        actor = parse.actor_named(registry, named) if named is not None else None
        if actor is not None:
            return actor
    return None


def continued_voice(registry, quote):
    """A quote standing alone after a sentence in which someone speaks ('Heald
    noted the findings show ... . "An air-quality cleanup would ..."') goes on
    with that speaker, across sentences of the paragraph that name no one else
    ('Perkins admitted she ... . Why did she go? "It's Warhol."')."""
    doc = registry.doc
    first = parse.token_at(doc, quote.start) if doc is not None else None
    if first is None:
        return None
    sentence = parse.sentence(first)
    before = registry.text[sentence.start_char : quote.outer_start].rstrip()
    if before and not SENTENCE_END.search(before):
        return None  # words before the quote: not a quote standing alone
    if before:
        # the parser ran the sentence before into the quote ('..., said its
        # director, Iria Castro. "Nobody listened."')
        return _last_speaker_in(registry, sentence, quote.outer_start)
    for _ in range(VOICE_REACH):
        speaker = _previous_subject(registry, sentence, speaking=True)
        if speaker is not None:
            return None if speaker.not_actor else speaker
        sentence = _sentence_before(registry, sentence)
        if sentence is None or registry.between(sentence.start_char, sentence.end_char):
            return None
    return None


def _last_speaker_in(registry, sentence, end: int):
    """The actor who is the subject of the last reporting verb before `end`."""
    verbs = [t for t in sentence if t.idx < end and _reports(t)]
    actor = _subject_actor(registry, reversed(verbs))
    return None if actor is None or actor.not_actor else actor


def _sentence_before(registry, sentence):
    """The sentence before `sentence` in its paragraph, or None."""
    if sentence.start == 0:
        return None
    previous = parse.sentence(registry.doc[sentence.start - 1])
    if "\n" in registry.text[previous.end_char : sentence.start_char]:
        return None
    return previous


def _reporting_verb(doc, quote, sentence, skip):
    """The reporting verb outside the quotes that governs this quote, else the one
    nearest to it in the sentence."""
    verbs = [
        t
        for t in parse.tokens_between(doc, *sentence)
        if not holds(skip, t.idx) and _reports(t)
    ]
    if not verbs:
        return None
    inner = parse.token_at(doc, quote.start)
    chain = [inner, *inner.ancestors] if inner is not None else []
    return min(verbs, key=lambda v: (_rank(v, chain), quote.distance_to(v.idx)))


def _reports(token) -> bool:
    if parse.source_phrase(token) is not None:
        return True
    if token.pos_ != "VERB" or token.lemma_ not in wordlists.lemmas(REPORTING):
        return False
    # 'he had been told to wait': the subject of a passive is the audience
    return not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _rank(verb, chain) -> int:
    """How closely the verb governs the quote: its place in the chain of heads
    above the quote's first word (a source phrase counts at the verb it qualifies);
    a verb the quote does not hang from comes last."""
    anchor = verb
    if parse.source_phrase(verb) is not None:
        anchor = next(
            (a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb.head
        )
    if anchor in chain:
        return chain.index(anchor)
    if verb.head in chain:
        return chain.index(verb.head) + 1
    return len(chain) + 1


def voice_of_term(registry, quote):
    """The actor who uses a quoted label: the subject of the verb it hangs from."""
    doc = registry.doc
    first = parse.token_at(doc, quote.start) if doc is not None else None
    if first is None:
        return None
    verb = next((t for t in first.ancestors if t.pos_ in ("VERB", "AUX")), None)
    named = parse.subject(verb) if verb is not None else None
    if named is None or quote.outer_start <= named.idx < quote.outer_end:
        return None
    speaker = parse.actor_named(registry, named)
    return None if speaker is None or speaker.not_actor else speaker

"""The Annotation of an article: dataclasses shared by extraction, curation, store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PARAGRAPH_KINDS = (
    "body",
    "pull_quote",
    "related_headline",
    "photo_caption",
    "credit",
    "more_news",
)
ACTOR_TYPES = ("person", "organization", "government", "country", "group")
QUOTE_KINDS = ("direct", "partial", "term")
STANCES = ("supportive", "concerned", "critical")
QUALIFIERS = ("exact", "more_than", "around", "at_least", "up_to", "approximate")
CATEGORIES = (
    "fatalities",
    "injuries",
    "arrests",
    "deployment",
    "security",
    "population",
    "economy",
    "age",
    "other",
)
PLACEMENTS = ("body", "related_headline", "photo_caption", "pull_quote")


@dataclass
class Paragraph:
    index: int
    kind: str
    start: int
    end: int


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Actor:
    id: str
    name: str
    type: str
    role: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Occurrence:
    start: int
    end: int
    text: str


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    speaker: str | None
    kind: str = "direct"
    verb: str | None = None
    speaker_reason: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass
class Reaction:
    id: str
    actor: str
    stance: str
    target: str | None
    summary: str
    evidence: str
    start: int
    end: int
    on_behalf_of: str | None = None
    quotes: list[str] = field(default_factory=list)


@dataclass
class Statistic:
    id: str
    value: float
    evidence: str
    start: int
    end: int
    qualifier: str = "exact"
    category: str = "other"
    # The upper bound of a range ("between 40 and 60": value 40, high 60).
    high: float | None = None
    subject: str | None = None
    source: str | None = None
    unit: str | None = None
    placement: str = "body"
    verified: bool = False
    context: str | None = None
    # Every place the same figure is written; the first is start/end.
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass
class Caveat:
    text: str
    start: int
    end: int


@dataclass
class ArticleInfo:
    id: str
    title: str
    text: str
    content_hash: str
    published_on: str | None = None
    credits: list[str] = field(default_factory=list)
    language: str = "en"
    source_url: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    # What produced the items: "curated", or Lede's version and the model's.
    extractor: str | None = None


@dataclass
class Annotation:
    article: ArticleInfo
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

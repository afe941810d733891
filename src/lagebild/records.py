"""Record types: one small dataclass per extracted thing.

Every record that points into an article carries ``start``/``end`` character
offsets into ``Article.text`` (the stored, cleaned text), so that
``article.text[r.start:r.end] == r.text`` holds for every record. Records
serialise to plain dicts with :func:`to_dict` (``None`` fields are kept, so
the JSON shape is stable; see ``docs/schema.md``).

Stages may add optional fields (with defaults) to a record; they must not
rename or remove fields, because the store, the API and the exports read them.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any


def to_dict(record: Any) -> dict[str, Any]:
    """Plain-dict form of a record (recursively for nested records)."""
    return dataclasses.asdict(record)


def content_id(text: str) -> str:
    """Stable article id: the SHA-1 of the stored text (same content, same id)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sent: int = 0  # index of the sentence the token belongs to
    lemma: str | None = None
    pos: str | None = None  # STTS tag where known (HanTa), else None
    space_after: bool = True


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    token_start: int  # index of the first token in Doc.tokens
    token_end: int  # index after the last token


@dataclass(slots=True)
class BoilerplateSpan:
    """A piece of the *original* input that cleaning removed, with the reason."""

    text: str
    reason: str  # e.g. "html-boilerplate", "related-links", "newsletter", "footer"


@dataclass(slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str | None = None
    language_confidence: float | None = None
    source_format: str | None = None  # text | html | jsonl | warc
    source_name: str | None = None  # file name / WARC record id
    removed: list[BoilerplateSpan] = field(default_factory=list)


@dataclass(slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str  # PER | LOC | ORG | MISC
    entity: str | None = None  # article-local canonical entity key (same key = same entity)
    canonical: str | None = None  # canonical name, e.g. "Wladimir Putin"
    qid: str | None = None  # Wikidata QID when linked to the curated actor file
    actor_code: str | None = None  # CAMEO-style actor code, e.g. RUSGOV
    country: str | None = None  # ISO-3166 alpha-3 of the actor, when known
    role: str | None = None  # role noun before a name: "Außenminister"
    score: float | None = None
    source: str = "model"  # model | gazetteer | rule


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str | None = None  # gazetteer name
    geonameid: int | None = None
    country_iso2: str | None = None
    country_iso3: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_type: str | None = None  # continent | country | region | admin1 | city | fallback ...
    confidence: float | None = None
    kind: str = "toponym"  # toponym | demonym | adjective
    entity: str | None = None  # key of the EntityMention it came from, if any


@dataclass(slots=True)
class SpatialClaim:
    start: int
    end: int
    text: str
    distance_km: float | None = None  # claimed distance
    direction: str | None = None  # claimed compass direction (N, NE, ...)
    qualifier: str | None = None  # about | more_than | ...
    anchor: str | None = None  # text of the reference place ("Kiew")
    anchor_geonameid: int | None = None
    subject: str | None = None  # text of the place the claim is about
    subject_geonameid: int | None = None
    computed_km: float | None = None
    computed_bearing: float | None = None
    computed_direction: str | None = None
    tolerance_km: float | None = None
    holds: bool | None = None  # None when it cannot be checked


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET (TIMEX3)
    value: str | None = None  # TIMEX3 value: 2022-05, 2022-W18, P3D, PRESENT_REF ...
    granularity: str | None = None  # year | quarter | month | week | day | time
    modifier: str | None = None  # TIMEX3 mod: START | MID | END | APPROX | BEFORE | AFTER
    anchor: str | None = None  # publication | previous | none
    begin: str | None = None  # ISO date of the earliest day covered
    end_date: str | None = None  # ISO date of the latest day covered


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    value_max: float | None = None  # upper bound for ranges ("200 bis 300")
    qualifier: str | None = None  # almost | about | at_least | more_than | less_than | up_to | exactly
    unit: str | None = None  # person | EUR | USD | km | percent | ...
    object: str | None = None  # counted object as written ("Zivilisten")
    object_start: int | None = None
    object_end: int | None = None
    category: str | None = None  # civilians | fighters | soldiers | refugees | killed | injured | ...
    gkg_type: str | None = None  # KILL | WOUND | ARREST | KIDNAP | AFFECT | PROTEST | ...


@dataclass(slots=True)
class Quote:
    start: int  # whole quotation (message plus cue and speaker when adjacent)
    end: int
    text: str
    kind: str  # direct | indirect | reported
    message: str
    message_start: int
    message_end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # key of the linked EntityMention
    speaker_role: str | None = None  # role noun when unnamed ("ein Sprecher")
    addressee: str | None = None
    addressee_start: int | None = None
    addressee_end: int | None = None


@dataclass(slots=True)
class Actor:
    text: str
    start: int
    end: int
    code: str | None = None  # CAMEO-style actor code (RUSMIL, SYRGOV, IGOUNO, ...)
    country: str | None = None  # ISO alpha-3
    qid: str | None = None
    entity: str | None = None  # key of the EntityMention


@dataclass(slots=True)
class EventMention:
    """One sentence that states an event; deduplication keeps all of them on the merged Event."""

    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    article_id: str | None = None


@dataclass(slots=True)
class Event:
    start: int  # the sentence (or clause) that states the event
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    type: str  # PLOVER event type: ASSAULT, PROTEST, AID, ...
    mode: str | None = None  # PLOVER mode: aerial, heavy-weapons, demo, ...
    cameo: str | None = None  # CAMEO root code, "19"
    quad_class: int | None = None  # 1..4
    goldstein: float | None = None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    place: Place | None = None
    place_precision: str | None = None  # city | region | country | article
    date: str | None = None  # ISO date (or month/year)
    date_precision: str | None = None  # day | month | year | publication
    negated: bool = False
    hypothetical: bool = False  # future, modal, conditional, warning
    frame: str | None = None  # for hypothetical events: intent | demand | threat (CAMEO codes these 03 / 10 / 13)
    reported: bool = False  # stated inside a quote or indirect speech
    reported_by: str | None = None
    historical: bool = False
    confidence: float | None = None
    fatalities: int | None = None
    event_key: str | None = None  # deduplication key (type, actors, place, day)
    method: str = "lexicon"  # lexicon | classifier
    mentions: list[EventMention] = field(default_factory=list)  # every supporting mention (this one first)

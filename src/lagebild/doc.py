"""The one document type that flows through every stage.

A :class:`Doc` is an :class:`~lagebild.records.Article` plus the annotations
the stages add. Stages read and write the lists here; shared, expensive
intermediate results (encoder states, POS tags) live in ``Doc.cache`` under a
documented key so that later stages reuse them instead of recomputing.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from .records import (
    Article,
    EntityMention,
    Event,
    Place,
    Quantity,
    Quote,
    Sentence,
    SpatialClaim,
    TimeExpression,
    Token,
    to_dict,
)

#: Annotation layers, in the order they appear in the JSON record.
LAYERS = ("entities", "places", "spatial_claims", "times", "quantities", "quotes", "events")


@dataclass
class Doc:
    article: Article
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    spatial_claims: list[SpatialClaim] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: article-level summaries, e.g. {"focus": [...]} from the geoparser
    summary: dict[str, Any] = field(default_factory=dict)
    #: which stages ran, with their wall time in seconds
    stages_run: dict[str, float] = field(default_factory=dict)
    #: non-serialised scratch space shared between stages
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    # -- navigation helpers used by many stages ---------------------------------
    def sentence_of(self, char: int) -> int:
        """Index of the sentence containing character offset ``char`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if char < s.start:
                hi = mid - 1
            elif char >= s.end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        return self.tokens[s.token_start : s.token_end]

    def spans_in(self, layer: str, start: int, end: int) -> list[Any]:
        """Records of ``layer`` lying inside [start, end)."""
        return [r for r in getattr(self, layer) if r.start >= start and r.end <= end]

    def offset_errors(self) -> list[str]:
        """Every span of every record (tokens, sentences and each layer, nested actors,
        places and mentions included) whose offsets do not index :attr:`text` exactly.

        A span is a ``start``/``end``/``text`` triple or an ``x_start``/``x_end``/``x``
        one (``speaker_start``/``speaker_end``/``speaker``); an empty list means the
        provenance promise holds. Mentions that point into another article are skipped.
        """
        errors: list[str] = []

        def check(rec: Any, where: str) -> None:
            if isinstance(rec, list):
                for i, r in enumerate(rec):
                    check(r, f"{where}[{i}]")
                return
            if not is_dataclass(rec) or isinstance(rec, type):
                return
            if getattr(rec, "article_id", None) not in (None, self.article.id):
                return
            spans, nested = _span_fields(type(rec))
            for start_name, end_name, text_name in spans:
                start, end, text = getattr(rec, start_name), getattr(rec, end_name), getattr(rec, text_name)
                if start is None and end is None:
                    continue
                if not isinstance(start, int) or not isinstance(end, int) or self.text[start:end] != text:
                    errors.append(f"{where}.{text_name}: [{start}:{end}] is {self.text[start:end]!r}, "
                                  f"record says {text!r}")
            for name in nested:
                value = getattr(rec, name)
                if isinstance(value, list) or is_dataclass(value):
                    check(value, f"{where}.{name}")

        check(self.tokens, "tokens")
        check(self.sentences, "sentences")
        for layer in LAYERS:
            check(getattr(self, layer), layer)
        return errors

    # -- serialisation -----------------------------------------------------------
    def to_dict(self, *, with_tokens: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "article": to_dict(self.article)}
        out["sentences"] = [
            {"start": s.start, "end": s.end} for s in self.sentences
        ]
        if with_tokens:
            out["tokens"] = [to_dict(t) for t in self.tokens]
        for layer in LAYERS:
            out[layer] = [to_dict(r) for r in getattr(self, layer)]
        out["summary"] = self.summary
        out["stages"] = self.stages_run
        return out

    def to_json(self, **kwargs: Any) -> str:
        indent = kwargs.pop("indent", None)
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False, indent=indent)


@functools.cache
def _span_fields(cls: type) -> tuple[tuple[tuple[str, str, str], ...], tuple[str, ...]]:
    """The (start, end, text) field triples of a record class, and its fields that may hold records."""
    names = [f.name for f in fields(cls)]
    spans = []
    for name in names:
        if not name.endswith("start") or name == "token_start":
            continue
        prefix = name[: -len("start")]
        text_name = prefix[:-1] if prefix else "text"
        if f"{prefix}end" in names and text_name in names:
            spans.append((name, f"{prefix}end", text_name))
    # records hold other records in fields annotated with a record class or a list ("Place | None", "list[Actor]")
    nested = [f.name for f in fields(cls) if _HOLDS_RECORDS.search(str(f.type))]
    return tuple(spans), tuple(nested)


_HOLDS_RECORDS = re.compile(r"\blist\[|\b(?!None\b)[A-Z]")


#: Bumped when the JSON record or the store layout changes incompatibly.
SCHEMA_VERSION = 1

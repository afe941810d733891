"""The one document type that flows through every stage.

A :class:`Doc` is an :class:`~lagebild.records.Article` plus the annotations
the stages add. Stages read and write the lists here; shared, expensive
intermediate results (encoder states, POS tags) live in ``Doc.cache`` under a
documented key so that later stages reuse them instead of recomputing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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


#: Bumped when the JSON record or the store layout changes incompatibly.
SCHEMA_VERSION = 1

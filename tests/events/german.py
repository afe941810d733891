"""The German event stage on one text, as the session-13 trigger tests run it (segment + events, no other stage)."""

from __future__ import annotations

from lagebild.doc import Doc
from lagebild.events import EventStage
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage

STAGE = EventStage()


def run(text: str) -> Doc:
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2016-01-01", language="de")))
    return STAGE(doc)


def asserted_types(text: str) -> set[str]:
    return {e.type for e in run(text).events if not (e.negated or e.hypothetical)}


def all_types(text: str) -> set[str]:
    return {e.type for e in run(text).events}

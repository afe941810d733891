"""German quote extraction on a bare sentence, for the quote tests: segment, then the quote stage (fast rules)."""

from __future__ import annotations

from lagebild.doc import Doc
from lagebild.quotes import QuoteStage
from lagebild.records import Article, Quote
from lagebild.segment import SegmentStage


def german_quotes(text: str) -> list[Quote]:
    """The quotes of ``text``; every span of every quote must index the text (provenance)."""
    doc = QuoteStage()(SegmentStage()(Doc(Article(id="t", text=text, language="de"))))
    assert doc.offset_errors() == []
    return doc.quotes


def only_quote(text: str) -> Quote:
    """The one quote of ``text`` (fails, listing cue and message of each, when there are more or none)."""
    qs = german_quotes(text)
    assert len(qs) == 1, [(q.cue, q.message) for q in qs]
    return qs[0]

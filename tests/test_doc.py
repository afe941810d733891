"""Doc.offset_errors: the provenance check every layer's tests can lean on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lagebild
from lagebild.records import Actor

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "wikinews_de.jsonl"


@pytest.fixture(scope="module")
def analysed():
    # the bundled German Wikinews articles (CC BY 2.5), through the whole fast pipeline
    rows = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    analyzer = lagebild.load("fast")
    return [analyzer.analyze(r["text"], published=r.get("date")) for r in rows[:4]]


def test_doc_offset_errors_none_on_real_articles(analysed):
    layers = {name: sum(len(getattr(d, name)) for d in analysed) for name in ("entities", "times", "quotes")}
    assert all(n > 0 for n in layers.values()), layers  # the check below must have something to check
    for doc in analysed:
        assert doc.offset_errors() == []


def test_doc_offset_errors_names_the_broken_span(analysed):
    doc = next(d for d in analysed if any(q.speaker for q in d.quotes))
    quote = next(q for q in doc.quotes if q.speaker)
    quote.speaker_start += 1
    try:
        errors = doc.offset_errors()
        assert len(errors) == 1 and ".speaker:" in errors[0] and errors[0].startswith("quotes[")
    finally:
        quote.speaker_start -= 1
    assert doc.offset_errors() == []


def test_doc_offset_errors_looks_inside_nested_records(analysed):
    doc = analysed[0]
    doc.tokens[0].end += 1
    try:
        assert any(e.startswith("tokens[0].text") for e in doc.offset_errors())
    finally:
        doc.tokens[0].end -= 1
    event_doc = next((d for d in analysed if d.events), None)
    if event_doc is None:
        pytest.fail("no sample article produced an event")
    event = event_doc.events[0]
    event.sources.append(Actor(text="nicht im Text", start=0, end=3))
    try:
        assert any(".sources[" in e for e in event_doc.offset_errors())
    finally:
        event.sources.pop()

"""Event stage and POS tags: the German checks read HanTa's tags in plain STTS, and the events of a text do not
depend on which sentences another stage happened to tag before.

The sentences are our own, written after the pattern of derStandard reports (10kGNAD) where fast mode used to
keep the agent of a "von"-passive out and read a passive subject as the one acting once a sentence was tagged.
"""

from __future__ import annotations

import lagebild
from lagebild.doc import Doc
from lagebild.events import EventStage
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage, ensure_pos, stts

TEXTS = [
    "Die Klinik in Kundus wird von der Hilfsorganisation Ärzte ohne Grenzen unterstützt.",
    "Erst 1962 wurde der Fluchthelfer in Ostberlin verhaftet.",
    "Im März wurde der frühere UMP-Vorsitzende Jean-Claude Martin der Untreue beschuldigt.",
    "Die Pläne der Regierung waren in der Vergangenheit mehrfach kritisiert worden.",
]


def segmented(text: str) -> Doc:
    return SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2016-03-01", language="de")))


def roles(doc: Doc) -> list[tuple[str, str, list[str], list[str]]]:
    return [(e.type, e.trigger, [a.text for a in e.sources], [a.text for a in e.targets]) for e in doc.events]


def test_stts_drops_hantas_brackets() -> None:
    assert stts("VV(PP)") == "VVPP"
    assert stts("ADJ(A)") == "ADJA"
    assert stts("NN") == "NN"


def test_von_passive_names_its_agent_as_source() -> None:
    doc = lagebild.load("fast").analyze(TEXTS[0])
    (ev,) = [e for e in doc.events if e.type == "SUPPORT"]
    assert [a.text for a in ev.sources] == ["Hilfsorganisation Ärzte ohne Grenzen"]


def test_passive_subject_is_the_target() -> None:
    doc = lagebild.load("fast").analyze(TEXTS[2])
    (ev,) = [e for e in doc.events if e.trigger == "beschuldigt"]
    assert ev.sources == []
    assert [a.text for a in ev.targets] == ["Jean-Claude Martin"]


def test_events_do_not_depend_on_earlier_tagging() -> None:
    for mode in ("fast", "accurate"):
        stage = EventStage(mode, config={"classifier": False})
        for text in TEXTS:
            fresh = stage(segmented(text))
            pretagged = segmented(text)
            for si in range(len(pretagged.sentences)):
                ensure_pos(pretagged, si)
            assert roles(stage(pretagged)) == roles(fresh), (mode, text)

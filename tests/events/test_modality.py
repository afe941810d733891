"""Event modality: aims and urgings are not yet acts. Sentences follow 10kGNAD reports (paraphrased, NC text) on
peace talks and on a company's settlement, and a US court report (the charge was made, the aim was not)."""

from __future__ import annotations

from lagebild.doc import Doc
from lagebild.events import EventStage
from lagebild.records import Article, content_id
from lagebild.segment import SegmentStage

STAGE = EventStage()


def flags(text: str, etype: str) -> tuple[bool, str | None]:
    doc = SegmentStage()(Doc(Article(id=content_id(text), text=text, published="2016-01-01", language="de")))
    (ev,) = [e for e in STAGE(doc).events if e.type == etype]
    return ev.hypothetical, ev.frame


def test_urging_an_agreement_is_a_demand_not_an_agreement() -> None:
    # a phrase cue ("drängt auf"); phrase cues of the hypothetical flag were never applied before session 13
    assert flags("Der palästinensische Präsident drängt auf eine Einigung im Friedensprozess.", "AGREE") \
        == (True, "demand")


def test_seeking_a_settlement_is_an_intent() -> None:
    assert flags("Nach Angaben von Insidern strebt der Konzern eine Einigung mit den Behörden an.", "AGREE") \
        == (True, "intent")


def test_an_agreement_reached_stays_asserted() -> None:
    assert flags("Die Parteien erzielten am Freitag eine Einigung.", "AGREE") == (False, None)


def test_pushing_back_protesters_is_no_urging() -> None:
    assert flags("Polizisten drängten die Demonstranten zurück und nahmen zwanzig von ihnen fest.", "COERCE") \
        == (False, None)


def test_a_charge_after_a_sought_penalty_was_made() -> None:
    assert flags("Die Staatsanwaltschaft hatte die Todesstrafe angestrebt und den Schützen angeklagt.", "ACCUSE") \
        == (False, None)

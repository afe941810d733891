"""Event modality: aims and urgings are not yet acts. Sentences follow 10kGNAD reports (paraphrased, NC text) on
peace talks and on a company's settlement, and a US court report (the charge was made, the aim was not)."""

from __future__ import annotations

import pytest

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


# Session 14: a noun cue whose attribute holds the trigger ("Verhandlungen über eine Einigung") names an event that is
# negotiated, demanded, planned or feared. Before, noun cues never counted for speech acts and cooperation (quad 1
# and 3: "Eine Forderung ... lehnte ... ab" is the topic), and plans, fears and chances were no cues at all.
# Sentences written for these tests after the kind of reports the 10kGNAD test articles hold (trade talks, an aid
# package, a terror plot); no 10kGNAD wording (NC text).
@pytest.mark.parametrize("text,etype,expected", [
    ("Die Verhandlungen über eine Einigung im Handelsstreit gehen weiter.", "AGREE", (True, None)),
    ("Die Opposition bekräftigte ihre Forderung nach einer Entschuldigung der Regierung.", "SUPPORT",
     (True, "demand")),
    ("Der Konzern reagierte auf die Drohung mit einer Klage gelassen.", "ACCUSE", (True, "threat")),
    ("Die Zeitung berichtete über Pläne für einen Angriff auf Teheran.", "ASSAULT", (True, "intent")),
    ("Nach den Festnahmen wächst die Angst vor neuen Anschlägen.", "ASSAULT", (True, None)),
    ("Die Finanzminister nahmen Verhandlungen über ein weiteres Hilfspaket auf.", "AID", (True, None)),
    ("Der Prozess dreht sich um die Planung eines Attentats auf einen Minister.", "ASSAULT", (True, "intent")),
])
def test_event_in_the_attribute_of_a_noun_cue_is_unrealised(text: str, etype: str,
                                                            expected: tuple[bool, str | None]) -> None:
    assert flags(text, etype) == expected


@pytest.mark.parametrize("text,etype,expected", [
    # the infinitive is the noun cue's complement
    ("Die Regierung verfolgt Pläne, die Stadt zu bombardieren.", "ASSAULT", (True, "intent")),
    ("Die Rebellen wiesen die Forderung zurück, die Geiseln freizulassen.", "RETREAT", (True, "demand")),
    ("Sie wiederholte ihre Drohung, das Land anzugreifen.", "ASSAULT", (True, "threat")),
])
def test_infinitive_after_a_noun_cue_is_unrealised(text: str, etype: str, expected: tuple[bool, str | None]) -> None:
    assert flags(text, etype) == expected


@pytest.mark.parametrize("text,etype", [
    # talks about an attack are about one that happened (negotiation cues govern cooperative events only); a fear
    # that is no attribute of the trigger leaves it asserted; a phase verb's infinitive is an act
    ("Die Gespräche über den Anschlag dauerten bis in die Nacht.", "ASSAULT"),
    ("Nach dem Anschlag auf die Botschaft wächst die Angst in der Stadt.", "ASSAULT"),
    ("Die Soldaten begannen am Morgen, die Stadt anzugreifen.", "ASSAULT"),
])
def test_event_beside_a_noun_cue_stays_asserted(text: str, etype: str) -> None:
    assert flags(text, etype) == (False, None)

"""Quotes, round 9: general rules found on the dev half of the corpus REDEWIEDERGABE (historical news).

The sentences are our own (invented for these tests, in today's spelling); none is corpus text.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
from test_quotes import _quotes


def test_quotes_market_report_behauptet_is_no_speech_act():
    assert _quotes("Die Aktien der Bank waren am Nachmittag gut behauptet.") == []
    assert _quotes("Der Leitindex behauptete sich knapp über der Marke von 15.000 Punkten.") == []


def test_quotes_behaupten_with_a_clause_still_speaks():
    (q,) = _quotes("Der Angeklagte behauptete, er sei zur Tatzeit in Hamburg gewesen.")
    assert (q.speaker, q.cue) == ("Der Angeklagte", "behauptete")
    (q,) = _quotes("Der Verdächtige behauptet von sich selbst, zwei weitere Taten begangen zu haben.")
    assert (q.speaker, q.cue) == ("Der Verdächtige", "behauptet")


def test_quotes_returning_fire_is_no_speech_act():
    assert _quotes("Die Polizisten erwiderten das Feuer der Angreifer.") == []
    (q,) = _quotes("Der Sprecher erwiderte, das Feuer sei unter Kontrolle.")
    assert (q.speaker, q.cue) == ("Der Sprecher", "erwiderte")

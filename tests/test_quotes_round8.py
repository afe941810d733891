"""Quotes, round 8: general rules found on our own labels of unseen Wikinews articles.

The sentences are our own (invented for these tests); none is SpkAtt text.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
from test_quotes import _quotes


def test_quotes_message_first_heisst_es_takes_the_document():
    (q,) = _quotes("Die Lage in den Kliniken sei ernst, heißt es in dem Bericht der Kommission.")
    assert q.cue == "heißt"
    assert q.message == "Die Lage in den Kliniken sei ernst"
    assert q.speaker is not None and "Bericht der Kommission" in q.speaker


def test_quotes_message_first_heisst_es_without_document_has_no_speaker():
    (q,) = _quotes("Die Verhandlungen seien gescheitert, hieß es.")
    assert (q.cue, q.speaker) == ("hieß", None)
    assert q.message == "Die Verhandlungen seien gescheitert"


def test_quotes_message_first_speaker_with_apposition():
    (q,) = _quotes("Viele Schulen brauchen mehr Geld für Lehrer, sagte Anna Berg, eine Sprecherin des Verbands.")
    assert (q.speaker, q.cue) == ("Anna Berg", "sagte")
    assert q.message == "Viele Schulen brauchen mehr Geld für Lehrer"

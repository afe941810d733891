"""Quotes: short quotes after "als" ("bezeichnete die Pläne als „…“"), framed by their clause's verb.

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
from test_quotes import _quotes


def test_quotes_als_quote_verb_final_takes_the_subject():
    # Wikinews 22943: the verb after the quote closes its clause; it is no "„…“ sagte X" frame
    (q,) = _quotes("Die Bundesregierung hatte den Bericht der New York Times umgehend als „falsch“ zurückgewiesen.")
    assert (q.kind, q.speaker, q.cue, q.message) == ("direct", "Die Bundesregierung", "zurückgewiesen", "falsch")


def test_quotes_als_quote_in_relative_clause_takes_the_relative_pronoun():
    # Wikinews 57933: the relative pronoun is the source (the SpkAtt convention)
    qs = _quotes("Der oberste geistliche Führer Irans, der zunächst Ahmadinedschads Wahlsieg als „Fest“ bezeichnete, "
                 "ordnete inzwischen eine Untersuchung der umstritten Wiederwahl des Amtsinhabers durch den Wächterrat an.")
    q = next(q for q in qs if q.message == "Fest")
    assert (q.speaker, q.cue) == ("der", "bezeichnete")


def test_quotes_als_quote_verb_outside_the_lexicon():
    # Wikinews 83739: "rechtfertigte … als „…“" after a fronted phrase with a relative clause
    qs = _quotes("In einem Bericht, der nach dem Angriff veröffentlicht wurde, rechtfertigte das Verteidigungsministerium "
                 "der Vereinigten Staaten die vom Präsidenten abgesegnete Aktion als „defensiver Natur“.")
    q = next(q for q in qs if q.message == "defensiver Natur")
    assert q.speaker == "das Verteidigungsministerium der Vereinigten Staaten"


def test_quotes_als_quote_in_the_prefield_takes_the_subject_after_the_verb():
    # Wikinews 80703
    qs = _quotes("Als „unerwartetes Geschenk“ bezeichnet die Archäologin Montserrat Sanz den Fund.")
    q = next(q for q in qs if q.message == "unerwartetes Geschenk")
    assert (q.speaker, q.cue) == ("die Archäologin Montserrat Sanz", "bezeichnet")


def test_quotes_als_quote_of_a_role_is_no_quote():
    # own sentence: "präsentiert sich als „…“" names a role, nobody speaks
    assert _quotes("Die Partei präsentiert sich im Wahlkampf als „Stimme der Vernunft“.") == []


def test_quotes_object_first_als_quote_takes_er_after_the_verb():
    # Wikinews 51747 and 13100: the object opens the sentence, "er" after the verb speaks; "sie" there may be the object
    (q,) = _quotes("Deren Haltung gegenüber der PKK bezeichnete er als „zutiefst verlogen und heuchlerisch“.")
    assert (q.speaker, q.cue) == ("er", "bezeichnete")
    (q,) = _quotes("Der Hauptgeschäftsführer des BPI nannte sie „fahrlässig“.")
    assert q.speaker == "Der Hauptgeschäftsführer des BPI"


def test_quotes_als_after_a_relative_clause_takes_the_main_clause_verb():
    # our own sentence: the comma before "als" closes the relative clause about the object
    qs = _quotes("Die Ministerin kritisierte die Entscheidung des Vereins, der alle Spiele abgesagt hatte, als "
                 "„völlig überzogen und unnötig“.")
    q = next(q for q in qs if q.kind == "direct")
    assert (q.cue, q.speaker) == ("kritisierte", "Die Ministerin")

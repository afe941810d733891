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


def test_quotes_message_first_role_then_name_apposition():
    (q,) = _quotes("Die Brücke ist seit Jahren marode, sagte der Leiter des Bauamts, Peter Krause.")
    assert (q.speaker, q.cue) == ("der Leiter des Bauamts", "sagte")
    assert q.message == "Die Brücke ist seit Jahren marode"


def test_quotes_message_first_keeps_a_following_clause_as_message():
    (q,) = _quotes("Die Brücke ist marode, sagte der Minister, das Land werde sie bald ersetzen.")
    assert q.speaker == "der Minister"
    assert q.message == "das Land werde sie bald ersetzen"


def test_quotes_trailing_so_frame_with_apposition_wins_over_an_earlier_verb():
    qs = _quotes("Die Gegend sei gefährdet, wobei die meisten Beben kaum bemerkt würden, so die Leiterin des "
                 "Amtes, Eva Kurz. Nur selten komme es zu starken Erschütterungen.")
    assert [(q.cue, q.speaker) for q in qs] == [("so", "die Leiterin des Amtes"), (None, "die Leiterin des Amtes")]
    assert qs[0].message == "Die Gegend sei gefährdet, wobei die meisten Beben kaum bemerkt würden"


def test_quotes_nach_einer_untersuchung_is_a_source():
    (q,) = _quotes("Nach einer Untersuchung der Universität hat das Land die höchste Quote in Europa.")
    assert (q.cue, q.speaker) == ("Nach", "einer Untersuchung der Universität")


def test_quotes_noun_frame_with_genitive_owner_without_article():
    (q,) = _quotes("Erste Berichte regionaler Sender, es handle sich um einen Unfall, wurden nicht kommentiert.")
    assert (q.cue, q.speaker) == ("Berichte", "regionaler Sender")
    assert q.message == "es handle sich um einen Unfall"


def test_quotes_message_first_frame_before_an_adverbial_clause():
    (q,) = _quotes("Sie komme allein zurecht, sagt sie, nachdem ihre Eltern weggezogen seien.")
    assert (q.cue, q.speaker) == ("sagt", "sie")
    assert q.message == "Sie komme allein zurecht"


def test_quotes_wonach_takes_the_report_noun_before_the_verb():
    (q,) = _quotes("Für Unruhe hatten Berichte gesorgt, wonach die Fabrik verkauft werden solle.")
    assert (q.cue, q.speaker) == ("wonach", "Berichte")
    assert q.message == "die Fabrik verkauft werden solle"


def test_quotes_wonach_report_noun_with_genitive():
    (q,) = _quotes("Ein Sprecher wies einen Bericht der Zeitung als übertrieben zurück, wonach die Kasse leer sei.")
    assert (q.cue, q.speaker) == ("wonach", "einen Bericht der Zeitung")


def test_quotes_studies_have_found_frame_a_clause():
    (q,) = _quotes("Mehrere Studien haben ergeben, dass die Pflanzen resistent sind.")
    assert (q.cue, q.speaker) == ("ergeben", "Mehrere Studien")
    assert q.message == "dass die Pflanzen resistent sind"
    assert _quotes("Nach zwei Tagen ergab sich der Täter der Polizei.") == []


def test_quotes_quoted_passive_subject_speaks():
    (q,) = _quotes("So wird sie mit den Worten zitiert: „Davon halte ich gar nichts.“")
    assert (q.cue, q.speaker) == ("zitiert", "sie")
    (q,) = _quotes("Der Trainer wird in der Lokalzeitung mit den Worten zitiert, er sei sehr zufrieden.")
    assert (q.cue, q.speaker) == ("zitiert", "Der Trainer")
    assert q.message == "er sei sehr zufrieden"


def test_quotes_other_passive_frames_still_drop_the_addressed_subject():
    (q,) = _quotes("Darin wird die Ministerin aufgefordert, den Plan sofort zurückzuziehen.")
    assert q.speaker is None or q.speaker != "die Ministerin"


def test_quotes_possessive_speech_noun_colon_frame():
    qs = _quotes("Die Trainerin lehnte das Angebot ab. Ihre Begründung: „Das passt nicht zu unserem Verein.“")
    assert qs[-1].speaker == "Ihre"
    assert qs[-1].message.startswith("Das passt nicht")


def test_quotes_insisting_and_speaking_out_frame_a_clause():
    (q,) = _quotes("Die Angeklagte hatte vor Gericht darauf bestanden, unschuldig zu sein.")
    assert (q.cue, q.speaker) == ("bestanden", "Die Angeklagte")
    (q,) = _quotes("Die Gewerkschaft hat sich dafür ausgesprochen, die Löhne anzuheben.")
    assert (q.cue, q.speaker, q.message) == ("ausgesprochen", "Die Gewerkschaft", "die Löhne anzuheben")
    assert _quotes("Die Gruppe besteht aus zwölf Leuten, die alle aus Bonn kommen.") == []


def test_quotes_second_frame_inside_a_message_is_its_own_event():
    qs = _quotes("Mehrere Bauern behaupten, die Preise seien zu niedrig, und sie bezweifeln, dass der Handel fair sei.")
    assert [(q.cue, q.speaker) for q in qs] == [("behaupten", "Mehrere Bauern"), ("bezweifeln", "sie")]
    assert qs[0].message == "die Preise seien zu niedrig"
    assert qs[1].message == "dass der Handel fair sei"


def test_quotes_first_person_clause_stays_inside_the_message():
    (q,) = _quotes("Die Sprecherin sagte: Das Land ist sicher, und wir fordern die Nachbarn auf, abzuziehen.")
    assert q.speaker == "Die Sprecherin"


def test_quotes_message_first_frame_closed_by_an_adverb():
    (q,) = _quotes("Die Beiträge dienten dazu, den Verein zu retten, betonte der Kassenwart ebenfalls.")
    assert (q.cue, q.speaker) == ("betonte", "der Kassenwart")
    assert q.message == "Die Beiträge dienten dazu, den Verein zu retten"


def test_quotes_object_first_act_takes_the_nominative_after_the_verb():
    qs = _quotes("Die Pläne selbst nannte der Bürgermeister überzogen. Er wolle sich aber nicht einmischen.")
    assert [q.speaker for q in qs] == ["der Bürgermeister", "der Bürgermeister"]
    # "der Zeitung" is no subject of "kritisierte"; it is the source of the "zufolge" report (session 14: before, the
    # backward phrase ran over the verb and named "Die Ministerin kritisierte der Zeitung")
    assert [(q.cue, q.speaker) for q in _quotes("Die Ministerin kritisierte der Zeitung zufolge den Plan.")] == [
        ("zufolge", "der Zeitung")]


def test_quotes_second_clause_reported_act_after_a_marker():
    qs = _quotes("Einem Zeugen zufolge war das Kennzeichen gut zu lesen, der Fahrer schätzte den Abstand auf zehn Meter.")
    assert [(q.kind, q.speaker) for q in qs] == [("indirect", "Einem Zeugen"), ("reported", "der Fahrer")]
    assert qs[0].message == "war das Kennzeichen gut zu lesen"


def test_quotes_rechnen_damit_and_zu_lesen_frame_a_clause():
    (q,) = _quotes("Ab Juni rechnen die Betreiber damit, dass die Anlage voll läuft.")
    assert (q.cue, q.speaker) == ("rechnen", "die Betreiber")
    assert _quotes("Die Firma rechnet mit einem kleinen Gewinn.") == []
    (q,) = _quotes("Am Abend war auf der Website des Vereins zu lesen, dass der Trainer gehen müsse.")
    assert q.cue == "lesen" and q.speaker is not None and "Website des Vereins" in q.speaker
    assert q.message == "dass der Trainer gehen müsse"
    assert _quotes("Sie hatte keine Zeit, den Vertrag in Ruhe zu lesen.") == []

"""Session 13: frames the addressee and speaker rules of German quotes got wrong.

Sentences marked "Wikinews" are German Wikinews text (CC BY 2.5, page id given; only the text is used); the others
are our own wording in the same constructions.
"""

from __future__ import annotations

import pytest
from quote_helpers import german_quotes as _quotes
from quote_helpers import only_quote as _only


@pytest.mark.parametrize(("text", "addressee"), [
    # Wikinews 68296, first clause of the sentence: a place name between the verb and its dative
    ("Der Informationsminister des Südsudans sagte in Juba der Presse, die SPLA werde nicht vergelten.",
     "der Presse"),
    ("Der Minister sagte am Montag der Presse, er werde nicht zurücktreten.", "der Presse"),
    ("„Wir bleiben“, sagte der Minister in Berlin der Zeitung „Die Welt“.", "der Zeitung „Die Welt“"),
])
def test_a_place_or_day_between_verb_and_dative_leaves_the_dative_the_addressee(text, addressee):
    q = _only(text)
    assert q.cue == "sagte"
    assert q.speaker in ("Der Informationsminister des Südsudans", "Der Minister", "der Minister")
    assert q.addressee == addressee


@pytest.mark.parametrize("text", [
    # a genitive after a time or a common noun is no addressee
    "Der Minister sagte am Montag der vergangenen Woche, er werde nicht zurücktreten.",
    "Der Minister sagte in Kreisen der Regierung, er werde nicht zurücktreten.",
    "Der Minister sagte auf einer Sitzung der Fraktion, er werde nicht zurücktreten.",
])
def test_a_genitive_after_a_prepositional_phrase_stays_no_addressee(text):
    q = _only(text)
    assert q.speaker == "Der Minister"
    assert q.addressee is None


def test_an_addressee_before_its_apposition_is_found_in_a_passive():
    # Wikinews 56998
    q = _only("Dem Berater Prem Tinsulanonda, einem ehemaligen Ministerpräsidenten, wird vorgeworfen, den Putsch "
              "gegen Thaksin im Jahr 2006 verantwortet zu haben, was dieser jedoch zurückweist.")
    assert q.cue == "vorgeworfen"
    assert q.speaker is None
    assert q.addressee == "Dem Berater Prem Tinsulanonda"


def test_a_subjects_apposition_gives_no_addressee():
    q = _only("Muhammad Suleiman, ein Mitglied des Council of Sudan, sagte am Freitag: „Wir bleiben.“")
    assert q.speaker == "Muhammad Suleiman"
    assert q.addressee is None


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    ("Der Minister sagte der Zeitung „Die Welt“, dem Blatt aus Berlin, er werde nicht zurücktreten.",
     "Der Minister", "der Zeitung „Die Welt“"),
    ("Die Ministerin erklärte dem Sender, einem privaten Radio, sie werde nicht zurücktreten.",
     "Die Ministerin", "dem Sender"),
    # a nominative apposition joins the speaker, as the guideline marks it
    ("Dazu sagte Hans Berg, der Sprecher des Vereins, die Lage sei ernst.", "Hans Berg, der Sprecher des Vereins",
     None),
    ("Dazu sagte der Sprecher des Vereins, ein früherer Richter, die Lage sei ernst.",
     "der Sprecher des Vereins, ein früherer Richter", None),
])
def test_an_apposition_at_the_end_of_the_frame_is_not_the_message(text, speaker, addressee):
    q = _only(text)
    assert q.speaker == speaker
    assert q.addressee == addressee
    assert q.message in ("er werde nicht zurücktreten", "sie werde nicht zurücktreten", "die Lage sei ernst")


@pytest.mark.parametrize("text", [
    # a list after the cue is what was said, not an apposition
    "Der Sprecher sagte dem Sender, die Regierung, die Opposition und die Verbände müssten jetzt handeln.",
    # a nominative phrase after a dative one is no apposition of it
    "Der Sprecher sagte dem Sender, die Regierung, die Opposition habe versagt.",
])
def test_a_list_or_a_clause_after_the_first_comma_stays_in_the_message(text):
    q = _only(text)
    assert q.message.startswith("die Regierung")


@pytest.mark.parametrize(("text", "kind", "speaker", "addressee", "message"), [
    # the dative first, "das" closing the clause: the sentence before is what was said
    ("Die Lage ist ernst. „Wir bleiben hart.“ Dem Sender sagte der Minister das.", "direct", "der Minister",
     "Dem Sender", "Wir bleiben hart."),
    ("Die Regierung bleibe hart. Gegenüber dem Sender sagte der Minister das.", "indirect", "der Minister",
     "dem Sender", "Die Regierung bleibe hart"),
    ("Die Regierung bleibe hart. Der Minister sagte das auch.", "indirect", "Der Minister", None,
     "Die Regierung bleibe hart"),
    # "Das sagte X." framed an unframed quotation as indirect speech with its marks; it is a direct quote
    ("„Wir bleiben hart.“ Das sagte der Minister.", "direct", "der Minister", None, "Wir bleiben hart."),
])
def test_a_demonstrative_object_frames_the_sentence_before(text, kind, speaker, addressee, message):
    q = _only(text)
    assert (q.kind, q.cue, q.speaker, q.addressee, q.message) == (kind, "sagte", speaker, addressee, message)


@pytest.mark.parametrize("text", [
    "Die Regierung bleibt hart. Das rief Kritik hervor.",
    "Die Regierung bleibt hart. Dem Sender sagte der Minister das Interview ab.",
    "Die Regierung bleibt hart. Dem Sender sagte das Ministerium.",
])
def test_no_demonstrative_frame_without_das_as_the_object_of_speech(text):
    assert _quotes(text) == []


@pytest.mark.parametrize(("text", "addressee"), [
    # imperatives in quotes keep cue and speaker; "rief … zu" (zurufen) names whom it was shouted at
    ("„Geht nach Hause!“, rief der Polizist.", None),
    ("„Geht nach Hause!“, rief der Polizist den Demonstranten zu.", "den Demonstranten"),
    ("„Geht nach Hause!“ Das rief der Polizist den Demonstranten zu.", "den Demonstranten"),
])
def test_an_imperative_quote_with_rief_zu(text, addressee):
    q = _only(text)
    assert (q.kind, q.cue, q.speaker, q.message) == ("direct", "rief", "der Polizist", "Geht nach Hause!")
    assert q.addressee == addressee


def test_a_quotation_right_after_reported_speech_keeps_its_speaker():
    qs = _quotes("Die Bürgermeisterin sagte, der Umbau beginne im Frühjahr. „Wir haben lange genug gewartet.“")
    assert [(q.kind, q.speaker) for q in qs] == [("indirect", "Die Bürgermeisterin"),
                                                ("direct", "Die Bürgermeisterin")]


@pytest.mark.parametrize("text", [
    # a sentence of its own in between
    "Die Bürgermeisterin sagte, der Umbau beginne im Frühjahr. Die Stadt hat dafür zehn Millionen Euro eingeplant. "
    "„Wir haben lange genug gewartet.“",
    # the report is itself inside a quotation: its speaker does not speak the next one
    "„Anna sagt, sie sehe nur Grau.“ „Das liegt an ihren Augen.“",
])
def test_no_speaker_carried_over_a_sentence_or_out_of_a_quotation(text):
    last = _quotes(text)[-1]
    assert last.kind == "direct" and last.speaker is None


@pytest.mark.parametrize(("text", "speaker"), [
    # Wikinews 83589: a demonstrative pronoun before a preposition is the speaker, not an article
    ("Für Shakira, so schrieb diese in einer Stellungnahme, sei es eine Ehre, gemeinsam mit Lopez auf einer der "
     "größten Bühnen des Showbusiness weltweit aufzutreten, stellvertretend für Latinos und Latinas aus den USA und "
     "der Welt.", "diese"),
    ("Dazu sagte dieser in Berlin, er sei zufrieden.", "dieser"),
])
def test_a_demonstrative_pronoun_after_the_cue_speaks(text, speaker):
    q = _only(text)
    assert q.cue == "schrieb" or q.cue == "sagte"
    assert q.speaker == speaker


_BEFORE = "Die Lage sei ernst, sagte ein Polizeisprecher. Die Polizei sucht weiter nach den Tätern. "


@pytest.mark.parametrize(("middle", "speaker"), [
    # two sentences after a report, the sentence right before names a person as its subject: that person speaks
    ("Innenminister Georg Berg ist besorgt.", "Innenminister Georg Berg"),
    ("Anna Berger ist besorgt.", "Anna Berger"),
    # a person only in a genitive is no subject
    ("Die Unbefangenheit des Richters ist fraglich.", None),
])
def test_a_konjunktiv_sentence_after_a_person_subject_is_theirs(middle, speaker):
    last = _quotes(_BEFORE + middle + " Der Konflikt sei persönlich motiviert.")[-1]
    assert last.message == "Der Konflikt sei persönlich motiviert"
    assert last.speaker == speaker


@pytest.mark.parametrize(("text", "addressee"), [
    # "sagte zu" + a person is spoken to; "zu" + a topic or a time is not
    ("„Lasst uns gehen!“, sagte sie zu ihm.", "ihm"),
    ("Der Minister sagte zu Anna Berger, er sei zufrieden.", "Anna Berger"),
    ("Der Minister sagte zu den Vorwürfen, sie seien falsch.", None),
    ("Der Minister sagte zu Beginn der Sitzung, er sei zufrieden.", None),
])
def test_sagte_zu_a_person_names_the_addressee(text, addressee):
    assert _only(text).addressee == addressee


@pytest.mark.parametrize(("text", "speaker"), [
    # our wording of 10kGNAD constructions (NC text, paraphrased): an example marker between cue and speaker
    ("Von Forschern kamen Reaktionen. So sagte etwa Dorothy Bishop, Professorin an der Universität Oxford, die "
     "Kommentare rührten am Kern der Vorurteile.", "Dorothy Bishop"),
    ("So erklärte etwa Innenminister Thomas de Maizière, die Lage sei unter Kontrolle.",
     "Innenminister Thomas de Maizière"),
    ("Am Montag sagte zum Beispiel der Bürgermeister, man habe genug getan.", "der Bürgermeister"),
    ("Dort sagte unter anderem die Ministerin, das Gesetz komme zu spät.", "die Ministerin"),
    ("Beim Parteitag sagte beispielsweise Anna Berger, sie sei zufrieden.", "Anna Berger"),
])
def test_an_example_marker_before_the_speaker_is_skipped(text, speaker):
    (q,) = [q for q in _quotes(text) if q.cue in ("sagte", "erklärte")]
    assert q.speaker == speaker

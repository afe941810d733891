"""Addressees of German quotes (``Quote.addressee``): whom a report is directed at, inside its frame.

The sentences are our own wording in the style of news reports (no corpus text); the patterns follow the SpkAtt
guideline's addressee (section 5.4) and what its Wikinews train gold marks.
"""

from __future__ import annotations

import pytest

from lagebild.doc import Doc
from lagebild.quotes import QuoteStage
from lagebild.records import Article, Quote
from lagebild.segment import SegmentStage


def _quotes(text: str) -> list[Quote]:
    doc = QuoteStage()(SegmentStage()(Doc(Article(id="t", text=text, language="de"))))
    for q in doc.quotes:
        if q.addressee is not None:
            # the addressee lies in the text where it says, and never inside the speaker or the message
            assert text[q.addressee_start:q.addressee_end] == q.addressee
            if q.speaker_start is not None:
                assert q.addressee_end <= q.speaker_start or q.addressee_start >= q.speaker_end
            if q.kind != "reported":  # a reported act's span covers its frame, addressee included (SpkAtt 5.4)
                assert q.addressee_end <= q.message_start or q.addressee_start >= q.message_end
    return doc.quotes


def _only(text: str) -> Quote:
    qs = _quotes(text)
    assert len(qs) == 1, [(q.cue, q.message) for q in qs]
    return qs[0]


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # the dative object of a verb of telling, after the verb
    ("Die Bürgermeisterin sagte der Lokalzeitung, der Umbau des Bahnhofs beginne im Frühjahr.",
     "Die Bürgermeisterin", "der Lokalzeitung"),
    ("Ein Sprecher der Feuerwehr erklärte Reportern, das Feuer sei gegen Mitternacht gelöscht worden.",
     "Ein Sprecher der Feuerwehr", "Reportern"),
    ("Der Konzern teilte seinen Beschäftigten am Freitag mit, dass das Werk geschlossen werde.",
     "Der Konzern", "seinen Beschäftigten"),
    # dative in the middle field of a perfect, before the participle
    ("Die Ministerin hat den Abgeordneten in einem Brief mitgeteilt, dass sich die Reform verzögere.",
     "Die Ministerin", "den Abgeordneten"),
    # "gegenüber X" after the cue, and fronted
    ("Der Trainer sagte nach dem Spiel gegenüber dem Radiosender, seine Mannschaft habe verdient gewonnen.",
     "Der Trainer", "dem Radiosender"),
    ("Gegenüber der Nachrichtenagentur dpa erklärte die Polizeisprecherin, es gebe keine Verletzten.",
     "die Polizeisprecherin", "der Nachrichtenagentur dpa"),
    # "in einem Interview mit X"
    ("In einem Interview mit dem Deutschlandfunk sagte der Minister, die Gespräche gingen weiter.",
     "der Minister", "dem Deutschlandfunk"),
    # verbs of urging and asking take the addressee in the accusative
    ("Der Verband forderte die Landesregierung auf, die Mittel für Schulen zu erhöhen.",
     "Der Verband", "die Landesregierung"),
    ("Die Richterin hatte den Angeklagten gebeten, sich zu den Vorwürfen zu äußern.",
     "Die Richterin", "den Angeklagten"),
    # "vorwerfen" takes the addressee in the dative
    ("Die Opposition warf der Regierung vor, die Zahlen geschönt zu haben.", "Die Opposition", "der Regierung"),
    # a fronted dative with the speaker after the verb
    ("Den Anwohnern empfahl die Feuerwehr, Türen und Fenster geschlossen zu halten.", "die Feuerwehr",
     "Den Anwohnern"),
    # "appellieren an"
    ("Der Präsident appellierte an die Bevölkerung, Ruhe zu bewahren.", "Der Präsident", "die Bevölkerung"),
    # an audience after "vor"
    ("Der Kanzler sagte vor der Presse, die Regierung stehe geschlossen hinter dem Plan.", "Der Kanzler",
     "der Presse"),
])
def test_addressee_of_a_frame(text, speaker, addressee):
    q = _only(text)
    assert (q.speaker, q.addressee) == (speaker, addressee)


@pytest.mark.parametrize(("text", "addressee"), [
    # a passive: the one accused or urged is the subject ("wurde aufgefordert") or the dative ("wird vorgeworfen")
    ("Dem früheren Bürgermeister wird vorgeworfen, Aufträge an Freunde vergeben zu haben.", "Dem früheren Bürgermeister"),
    ("Die Anwohner wurden aufgefordert, das Gebiet sofort zu verlassen.", "Die Anwohner"),
    ("Er wird beschuldigt, die Kasse des Vereins geplündert zu haben.", "Er"),
])
def test_addressee_of_a_passive_frame(text, addressee):
    q = _only(text)
    assert q.addressee == addressee
    assert q.speaker is None


def test_addressee_of_direct_quotes_before_and_after_the_frame():
    q = _only("„Wir haben lange genug gewartet“, sagte die Sprecherin der Initiative zur Lokalzeitung.")
    assert (q.kind, q.speaker, q.addressee) == ("direct", "die Sprecherin der Initiative", "Lokalzeitung")
    q = _only("Der Bürgermeister sagte dem Regionalsender: „Wir bauen die Brücke neu.“")
    assert (q.kind, q.speaker, q.addressee) == ("direct", "Der Bürgermeister", "dem Regionalsender")
    # an apposition of the speaker does not end the frame before "gegenüber"
    q = _only("„Das Ergebnis ist bitter“, sagte Anna Weber, Kapitänin der Mannschaft, gegenüber einem Reporter.")
    assert (q.speaker, q.addressee) == ("Anna Weber", "einem Reporter")


@pytest.mark.parametrize("text", [
    # the object of "bezeichnen" is what is judged, not someone spoken to (rarely an addressee in the gold)
    "Die Gewerkschaft bezeichnete den Plan als „völlig verfehlt“.",
    # "gegenüber" after a noun other than the speaker belongs to that noun
    "Deren Haltung gegenüber der Partei bezeichnete er als „scheinheilig“.",
    # a time phrase after "vor", a topic after "zum"
    "Der Trainer sagte vor dem Spiel, seine Mannschaft sei gut vorbereitet.",
    "Der Minister sagte zum Thema Renten, das System sei sicher.",
    # an apposition of the speaker is no addressee
    "Die Arbeiten dauern noch zwei Wochen, sagte Peter Krause, Sprecher der Stadtwerke.",
    # in a passive of "bestätigen" the subject is what was confirmed
    "Die Entscheidung muss noch vom Aufsichtsrat bestätigt werden, teilte die Firma mit.",
    # "fordern" without "auf": its object is the demand
    "Die Grünen forderten den sofortigen Rücktritt des Ministers, weil er gelogen habe.",
])
def test_no_addressee(text):
    assert all(q.addressee is None for q in _quotes(text))


def test_speaker_before_the_verb_is_never_taken_for_a_dative():
    # "der Leiter" after the verb is the subject here (the source phrase "laut X" names where it was read)
    for q in _quotes("„Das ist ein Skandal“, sagte der Leiter der Demonstration laut einem Bericht."):
        assert q.addressee is None or "Leiter" not in q.addressee


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # speeches in parliament (our own sentences): a dative pronoun, "von" after a verb of demanding
    ("Ich sage Ihnen: Diese Reform kommt zu spät.", "Ich", "Ihnen"),
    ("Ich erwarte von der Bundesregierung, dass sie den Bericht noch vor der Sommerpause vorlegt.", "Ich",
     "der Bundesregierung"),
])
def test_addressee_in_a_speech(text, speaker, addressee):
    q = _only(text)
    assert (q.speaker, q.addressee) == (speaker, addressee)


@pytest.mark.parametrize("text", [
    # a nominative pronoun opening the clause is its subject, whatever the speaker search found
    "Wir fordern Sie auf, den Antrag zurückzuziehen.",
    # a prepositional phrase with a demonstrative ("an dieser Stelle") is no bare dative after it
    "Ich sage an dieser Stelle ganz deutlich: Das Gesetz muss geändert werden.",
    # a parenthesis between spaced hyphens is its own frame
    "Denn - das hat die Ministerin hier auch gesagt - der Bund hat sich verpflichtet, die Renten jährlich "
    "anzupassen.",
])
def test_no_addressee_in_a_speech(text):
    for q in _quotes(text):
        assert q.addressee is None or q.addressee.lower() not in ("wir", "stelle", "der bund"), q.addressee


@pytest.mark.parametrize(("text", "addressee"), [
    # a reported act has no cue of its own; the speech verb next to the speaker frames it
    ("Der Parteichef warf der Regierung schweres Versagen vor.", "der Regierung"),
    ("So riet die Abgeordnete dem Minister zu mehr Vorsicht.", "dem Minister"),
])
def test_addressee_of_a_reported_act(text, addressee):
    q = _only(text)
    assert (q.kind, q.addressee) == ("reported", addressee)


@pytest.mark.parametrize("text", [
    # a "der" phrase right after a noun is that noun's genitive
    "Die Firma kündigte den Bau des größten Windparks der Region an.",
    # "zuschreiben" is no verb of telling, though "schreiben" is
    "Die Zeitung schreibt den Erfolg der Partei dem neuen Vorsitzenden zu.",
])
def test_no_addressee_of_a_reported_act(text):
    assert all(q.addressee is None for q in _quotes(text))


def test_addressee_after_a_coordination_inside_the_object():
    # "und deren Bürger" goes on with the object, not with a second verb: the particle "auf" still belongs to the cue
    qs = [q for q in _quotes("Sie lobte die Helfer und forderte die Stadt und deren Bürger dazu auf, Spenden zu "
                             "sammeln.") if q.cue == "forderte"]
    assert [(q.speaker, q.addressee) for q in qs] == [("Sie", "die Stadt")]


def test_no_addressee_in_a_passive_of_an_iert_verb():
    # "signalisiert" is a participle without "ge-": the phrase without article is what was signalled
    assert all(q.addressee is None for q in _quotes("Von der Opposition wurde Gesprächsbereitschaft signalisiert."))


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # the dative "Ihnen" is never the subject: the pronoun before it speaks (a speech in parliament, our wording)
    ("Das kann ich Ihnen sagen: Die Mittel reichen nicht.", "ich", "Ihnen"),
    # a first person right before the verb speaks; "Sie" after the verb is the one asked
    ("Ich bitte Sie, diesem Antrag zuzustimmen.", "Ich", "Sie"),
    ("Wir fordern Sie auf, den Bericht vorzulegen.", "Wir", "Sie"),
])
def test_case_marks_speaker_and_addressee(text, speaker, addressee):
    q = _only(text)
    assert (q.speaker, q.addressee) == (speaker, addressee)


def test_a_dative_source_of_a_marker_stays_the_speaker():
    # "dem Bericht zufolge" names the source in the dative; it is not moved to the addressee
    q = _only("Dem Bericht zufolge sind die Kosten deutlich gestiegen.")
    assert (q.speaker, q.addressee) == ("Dem Bericht", None)


def test_subject_after_a_dative_right_after_the_verb():
    # "ihm" right after the verb is the one told; the phrase after it is the subject (our own sentence)
    q = _only("Dann sagte ihm der Arzt, er müsse sofort ins Krankenhaus.")
    assert (q.speaker, q.addressee) == ("der Arzt", "ihm")


def test_separable_particle_beyond_a_comma_inside_the_object():
    # "schlug … vor" with a comma inside the dative phrase: the particle is looked for in the whole sentence
    qs = _quotes("Die Gewerkschaft schlug in einem Schreiben vom Montag dem Minister für Arbeit, Soziales und "
                 "Gesundheit vor, die Frist zu verlängern.")
    assert [(q.speaker, q.addressee) for q in qs] == [("Die Gewerkschaft", "dem Minister")]


@pytest.mark.parametrize("text", [
    # a text cut off right after the comma behind the speaker: the addressee pass looked past the last token for an
    # apposition ("sagte X, Spieler von Y, gegenüber Z") and raised IndexError
    "Die Polizei hatte zunächst von drei Verletzten gesprochen. Am Montag sagte der Bürgermeister Jan Berg,",
    # the same for a noun frame whose apposition's comma ends the text ("Forderungen der Opposition, X, …")
    "Forderungen der Opposition, Jan Berg,",
    "Der Plan der Regierung wird scharf kritisiert. Neben Kritik des Vorsitzenden der Grünen, Anna Schmidt,",
])
def test_a_frame_cut_off_after_a_comma_does_not_raise(text):
    # our own sentences, cut the way a truncated feed or a text split mid-sentence ends (stress run on 10kGNAD)
    qs = _quotes(text)
    assert all(q.message_end is not None and q.message_end <= len(text) for q in qs)


def test_a_document_source_is_not_also_the_addressee():
    # a fragment starting mid-sentence with a capitalised preposition (our own wording, shaped like a case the
    # random mutation of 10kGNAD sentences found): the first pass took "der Aus" as the subject and the "dem"
    # phrase after it as the one spoken to; the document pass then made that phrase the source
    q = _only("der Aus dem Ministerium (SPÖ) hieß es am Sonntag: Man wolle niemanden verdächtigen.")
    assert q.speaker == "dem Ministerium (SPÖ)"
    assert q.addressee is None

"""Where the message and the speaker of a German indirect quote begin and end when commas stand inside the frame.

The sentences are our own wording in the style of news reports (no corpus text); the patterns were seen in the
SpkAtt Wikinews train gold (an apposition and an addressee before the "dass" clause, a list inside the dative object
of a separable cue verb, an addressee read as part of the speaker).
"""

from __future__ import annotations

from lagebild.doc import Doc
from lagebild.quotes import QuoteStage
from lagebild.records import Article, Quote
from lagebild.segment import SegmentStage


def _only(text: str) -> Quote:
    quotes = QuoteStage()(SegmentStage()(Doc(Article(id="t", text=text, language="de")))).quotes
    assert len(quotes) == 1, [(q.cue, q.message) for q in quotes]
    q = quotes[0]
    assert text[q.message_start:q.message_end] == q.message
    return q


def test_apposition_and_addressee_before_a_dass_clause_stay_in_the_frame():
    q = _only("So sagte der Sprecher des Vereins, Jan Berg, gegenüber dem Sender, dass die Halle im Mai schließt.")
    assert q.message == "dass die Halle im Mai schließt"
    assert (q.cue, q.speaker, q.addressee) == ("sagte", "der Sprecher des Vereins, Jan Berg", "dem Sender")


def test_apposition_before_the_particle_of_a_separable_cue():
    q = _only("Am Montag gab der Leiter der Polizei, Karl Ost, bekannt, dass der Täter gefasst sei.")
    assert q.message == "dass der Täter gefasst sei"
    assert q.speaker == "der Leiter der Polizei, Karl Ost"


def test_a_list_in_the_dative_object_does_not_open_the_message():
    q = _only("Die Opposition schlug dem Minister für Arbeit, Soziales und Gesundheit vor, die Reform zu verschieben.")
    assert q.message == "die Reform zu verschieben"
    assert (q.cue, q.speaker, q.addressee) == ("schlug", "Die Opposition", "dem Minister")


def test_after_a_verb_of_accusing_the_der_phrase_behind_the_subject_is_the_addressee():
    q = _only("Im Streit um die Zölle wirft die Kommission der Regierung vor, gegen die Verträge zu verstoßen.")
    assert (q.speaker, q.addressee) == ("die Kommission", "der Regierung")
    q = _only("Seit Wochen hält die Gewerkschaft der Geschäftsführung vor, die Löhne zu drücken.")
    assert (q.speaker, q.addressee) == ("die Gewerkschaft", "der Geschäftsführung")


def test_a_genitive_stays_in_the_speaker_of_a_role_noun_and_of_other_verbs():
    q = _only("Nun wirft der Sprecher der Partei vor, die Regierung habe gelogen.")
    assert (q.speaker, q.addressee) == ("der Sprecher der Partei", None)
    q = _only("Am Abend erklärte ein Mitarbeiter der Hilfsorganisation, die Lage sei ruhig.")
    assert (q.speaker, q.addressee) == ("ein Mitarbeiter der Hilfsorganisation", None)


def test_a_quotation_runs_on_into_the_next_paragraph():
    # German Wikinews 2006-05-28 (bundled sample, CC BY 2.5): the closing mark stands in the next paragraph
    text = ("Sifton sagte weiter: „Wir haben hier zwei dutzend tote Zivilisten – offensichtlich vorsätzlich "
            "umgebracht.\n\nDies ist keine Grauzone. Das ist ein Massaker.“ Die US-Soldaten kommen vom Camp Pendleton.")
    q = _only(text)
    assert q.kind == "direct"
    assert q.message.startswith("Wir haben hier") and q.message.endswith("Das ist ein Massaker.")
    assert (q.cue, q.speaker) == ("sagte", "Sifton")


def test_a_paragraph_that_ends_mid_sentence_does_not_open_a_run_on_quotation():
    # our wording: the first paragraph's „ is never closed, the second paragraph quotes on its own
    text = ("Der Verband nannte die Pläne „eine Zumutung\n\nDer Minister sagte dagegen: „Wir bleiben dabei.“")
    quotes = QuoteStage()(SegmentStage()(Doc(Article(id="t", text=text, language="de")))).quotes
    assert all("\n" not in q.message for q in quotes)
    (q,) = [q for q in quotes if q.kind == "direct"]
    assert (q.message, q.speaker) == ("Wir bleiben dabei.", "Der Minister")


def _quotes(text: str) -> list[Quote]:
    return QuoteStage()(SegmentStage()(Doc(Article(id="t", text=text, language="de")))).quotes


def test_with_the_words_the_quoted_person_speaks():
    # German Wikinews 2008-12-31 (bundled sample, CC BY 2.5): the medium quotes, the preacher speaks
    text = ("Der Spiegel zitiert den Prediger mit den Worten „Wir Moslems hatten einst die Welt beherrscht und wir "
            "warnen das Abendland, das Israel in all seinen Verbrechen unterstützt, dass wir eines Tages das islamische "
            "Kalifat wiedererrichten werden.“")
    q = _only(text)
    assert (q.kind, q.cue, q.speaker) == ("direct", "zitiert", "den Prediger")
    # our wording: the subject after the verb, a pronoun object, a fronted object, a verb that is no speech cue
    assert _only("Dabei zitierte der Sender den Minister mit den Worten: „Ich trete nicht zurück, das steht fest.“"
                 ).speaker == "den Minister"
    assert _only("Die Zeitung zitierte ihn mit den Worten „Ich habe davon nichts gewusst, das ist die Wahrheit.“"
                 ).speaker == "ihn"
    assert _only("Die Kanzlerin lobte er mit den Worten „Sie handelt pragmatisch und ohne große Worte.“").speaker == "er"
    q = _only("Der Trainer verabschiedete sich mit den Worten „Es war eine schöne Zeit mit euch allen hier.“")
    assert (q.speaker, q.cue) == ("Der Trainer", None)


def test_soll_in_a_relative_clause_does_not_continue_a_report():
    # our wording after a Wikinews train pattern: "die … aufgestockt werden sollen" is a plan, not a claim
    text = ("Wie der Sprecher des Konzerns, Jan Berg, in Berlin mitteilte, sieht der Vorstand in dem Gesetz eine "
            "Benachteiligung. Die Firma hält zurzeit 20 Prozent der Anteile, die mittelfristig auf 25 Prozent "
            "aufgestockt werden sollen.")
    assert [q.speaker for q in _quotes(text)] == ["der Sprecher des Konzerns"]


def test_a_verb_before_the_source_of_zufolge_is_not_part_of_it():
    # German Wikinews 2009-09-18 (bundled sample, CC BY 2.5, shortened): "gewinnen" ends in -en but is the verb
    q = _only("Auch al-Qaida-Gruppen gewinnen Medienberichten zufolge an Einfluss im Jemen.")
    assert (q.cue, q.speaker) == ("zufolge", "Medienberichten")
    # our wording: a genitive adjective still belongs to the source
    assert _only("Berichten lokaler Medien zufolge wurden drei Menschen verletzt.").speaker == "Berichten lokaler Medien"


def test_an_infinitive_insert_and_an_apposition_stay_in_the_frame():
    # German Wikinews 2006-05-28 (bundled sample): the message is the dass clause after both inserts
    q = _only("Am Donnerstag sagte General Michael Hagee, Kommandant des US-Marine-Corps, ohne auf einen spezifischen "
              "Vorfall zu verweisen, dass ihn die kürzlich erhobenen, ernsten Anschuldigungen zutiefst besorgt hätten.")
    assert q.message.startswith("dass ihn die kürzlich erhobenen")
    assert q.speaker.startswith("General Michael Hagee")


def test_fortfahren_is_a_cue_only_with_its_particle():
    # German Wikinews 2006-05-28 (bundled sample); our wording for the journey
    assert _only("Er fuhr fort: „Das war keine direkte Reaktion auf einen Angriff.“").cue == "fuhr fort"
    assert _only("Er fuhr nach Berlin: „Das war keine direkte Reaktion auf einen Angriff.“").cue is None

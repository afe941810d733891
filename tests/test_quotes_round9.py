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


def test_quotes_colon_frame_with_a_quoted_newspaper_title_as_subject():
    (q,) = _quotes("Die „Saarbrücker Zeitung“ schreibt über die Lage auf dem Arbeitsmarkt: „Es fehlen überall "
                   "Fachkräfte.“")
    assert (q.kind, q.cue, q.speaker) == ("direct", "schreibt", "Die „Saarbrücker Zeitung“")
    assert q.message == "Es fehlen überall Fachkräfte."
    (q,) = _quotes("Der „Kurier“ bemerkt in seiner Ausgabe vom Montag: „Die Stadt hat die neuen Ampeln längst "
                   "bestellt.“")
    assert (q.cue, q.speaker) == ("bemerkt", "Der „Kurier“")


def test_quotes_title_inside_a_genitive_does_not_open_the_subject():
    # the title belongs to the genitive, so the clause (and the subject) still opens at "Ein Vertreter"
    (q,) = _quotes("Ein Vertreter der „Stadtwerke Nord“ bezeichnete den Plan als „strategisch“.")
    assert (q.cue, q.speaker, q.message) == ("bezeichnete", "Ein Vertreter", "strategisch")


def test_quotes_adverb_between_determiner_and_participle_stays_in_the_speaker():
    (q,) = _quotes("Nach Angaben des bereits erwähnten Sprechers wurden drei Häuser beschädigt.")
    assert (q.cue, q.speaker) == ("Nach", "Angaben des bereits erwähnten Sprechers")
    assert q.message == "wurden drei Häuser beschädigt"
    (q,) = _quotes("Ein Sprecher des erst kürzlich gegründeten Vereins sagte, man sei zufrieden.")
    assert q.speaker == "Ein Sprecher des erst kürzlich gegründeten Vereins"
    (q,) = _quotes("Die erst kürzlich gewählte Vorsitzende erklärte, sie wolle das Amt behalten.")
    assert q.speaker == "Die erst kürzlich gewählte Vorsitzende"


def test_quotes_es_before_the_subject_after_the_verb():
    (q,) = _quotes("Daher hielt es die Regierung für nötig, die Grenzen zu schließen.")
    assert (q.cue, q.speaker, q.message) == ("hielt", "die Regierung", "die Grenzen zu schließen")
    (q,) = _quotes("Als die Zahlen stiegen, hielt es der Minister für richtig, die Bürger zu warnen.")
    assert (q.cue, q.speaker) == ("hielt", "der Minister")
    # "heißt es" stays impersonal: the document is the source
    (q,) = _quotes("In dem Bericht heißt es, die Lage sei ernst.")
    assert q.speaker == "In dem Bericht"


def test_quotes_verb_final_cue_of_a_relative_clause_frames_no_sentence_end():
    assert _quotes("Der Stadtrat lehnte den Antrag der Fraktion, die eine Sondersitzung verlangte, "
                   "entschieden ab.") == []
    (q,) = _quotes("Die Firma, die den Plan vorstellte, teilte mit, sie werde investieren.")
    assert (q.speaker, q.message) == ("Die Firma", "sie werde investieren")
    # also when the rest of the main clause is an auxiliary
    assert _quotes("Besser wäre es, wenn die Chronik mit dem Krieg, der dort nur knapp erwähnt wird, "
                   "eingesetzt hätte.") == []


def test_quotes_colon_frame_in_a_relative_clause_takes_the_relative_pronoun():
    (q,) = _quotes("Damit antworten sie jenen, die immer wieder fordern: „Wir brauchen mehr Geld für die Schulen!“")
    assert (q.kind, q.cue, q.speaker) == ("direct", "fordern", "die")
    assert q.message == "Wir brauchen mehr Geld für die Schulen!"
    # an article before a capitalised word is no relative pronoun: "der Vorsitzende …" is an apposition
    (q,) = _quotes("Paul Berg, der Vorsitzende des Verbands Union Générale des Artistes (UGA) sagte gegenüber "
                   "Reportern: „Wir geben nicht auf.“")
    assert q.speaker == "Paul Berg"


def test_quotes_clause_opening_with_preposition_and_dessen_takes_the_phrase_before_the_verb():
    (q,) = _quotes("Die Kommission traf die Bauern zu einer Anhörung, in deren Verlauf die Vorsitzende sagte: "
                   "„Wir brauchen mehr Zeit.“")
    assert (q.kind, q.cue, q.speaker) == ("direct", "sagte", "die Vorsitzende")
    (q,) = _quotes("Die Kommission tagte zwei Tage, nach deren Ende die Vorsitzende erklärte, man sei sich einig.")
    assert (q.cue, q.speaker, q.message) == ("erklärte", "die Vorsitzende", "man sei sich einig")


def test_quotes_cue_form_between_article_and_noun_is_an_adjective():
    assert _quotes("Die Gärtner sind besorgt, weil der bekannte Schädling in diesem Jahr so zahlreich auftritt, "
                   "dass viele Hecken absterben.") == []
    (q,) = _quotes("Die Polizei meldete, die bekannte Sängerin sei leicht verletzt.")
    assert (q.cue, q.speaker, q.message) == ("meldete", "Die Polizei", "die bekannte Sängerin sei leicht verletzt")


def test_quotes_first_person_subject_after_the_verb():
    (q,) = _quotes("Trotzdem hoffen wir, dass sich die Angaben des Herstellers bestätigen.")
    assert (q.cue, q.speaker, q.message) == ("hoffen", "wir", "dass sich die Angaben des Herstellers bestätigen")
    (q,) = _quotes("Am Ende glaube ich, dass die Reform scheitern wird.")
    assert (q.cue, q.speaker) == ("glaube", "ich")


def test_quotes_einwendung_frames_its_konjunktiv_clause():
    (q,) = _quotes("Seine Einwendung, er habe das Geld für die Miete gebraucht, ließ das Gericht nicht gelten.")
    assert (q.cue, q.message) == ("Einwendung", "er habe das Geld für die Miete gebraucht")
    assert q.speaker is not None and q.speaker.startswith("Seine")


def test_quotes_hervorrufen_causes_and_says_nothing():
    assert _quotes("Die Entscheidung rief Kritik, Proteste und Demonstrationen hervor.") == []
    (q,) = _quotes("Der Minister rief, die Lage sei ernst.")
    assert (q.cue, q.speaker, q.message) == ("rief", "Der Minister", "die Lage sei ernst")
    # a "hervor" that closes the reported clause (with its own verb) belongs to that clause, not to "rief"
    (q,) = _quotes("Der Minister rief, die neue Regel rufe großen Unmut hervor.")
    assert (q.cue, q.speaker, q.message) == ("rief", "Der Minister", "die neue Regel rufe großen Unmut hervor")


def test_quotes_frame_after_question_or_exclamation_without_comma():
    (q,) = _quotes("„Wer ist da draußen?“ schrie der Wirt.")
    assert (q.kind, q.cue, q.speaker, q.message) == ("direct", "schrie", "der Wirt", "Wer ist da draußen?")
    (q,) = _quotes("„Raus hier!“ brüllte der Wirt.")
    assert (q.cue, q.speaker) == ("brüllte", "der Wirt")
    # a sentence after the quote that is no frame stays apart
    assert _quotes("„Nie wieder!“ stand auf einem der Plakate.") == []


def test_quotes_darauf_aufmerksam_machen_frames_its_clause():
    (q,) = _quotes("Der Bericht macht darauf aufmerksam, dass die Lage in der Hafenstadt ernst ist.")
    assert (q.cue, q.speaker, q.message) == ("macht", "Der Bericht", "dass die Lage in der Hafenstadt ernst ist")
    (q,) = _quotes("Die Polizei hat darauf aufmerksam gemacht, dass Betrüger unterwegs sind.")
    assert (q.cue, q.speaker) == ("gemacht", "Die Polizei")
    # alerted in the passive, or drawing attention without "auf": nobody speaks
    assert _quotes("Im Mai wurde die Öffentlichkeit durch einen Blog auf das Debakel aufmerksam gemacht, doch "
                   "erst später folgte ein Bericht.") == []
    assert _quotes("Die leuchtende Farbe macht die Kunden aufmerksam.") == []


def test_quotes_frame_after_a_question_clause_takes_the_words_after_its_colon():
    (q,) = _quotes("Auf die Frage, ob er zurücktrete, antwortete der Minister: Das stehe nicht zur Debatte.")
    assert (q.cue, q.speaker, q.message) == ("antwortete", "der Minister", "Das stehe nicht zur Debatte")
    # a w-question clause before the frame is where the colon rule matters (the "ob" case above passes without it)
    (q,) = _quotes("Auf die Frage, wann die Brücke fertig werde, antwortete der Minister: Das hänge vom Wetter ab.")
    assert (q.cue, q.speaker, q.message) == ("antwortete", "der Minister", "Das hänge vom Wetter ab")
    (q,) = _quotes("Die Lage sei ernst, sagte der Minister.")
    assert q.message == "Die Lage sei ernst"


def test_quotes_machte_die_bemerkung_frames_its_clause():
    (q,) = _quotes("Die Ärztin machte dann auch die Bemerkung, dass die Salbe nur bei leichten Wunden helfe.")
    assert (q.cue, q.speaker, q.message) == ("machte", "Die Ärztin", "dass die Salbe nur bei leichten Wunden helfe")
    # "die Erfahrung machen" is no speech noun frame
    assert _quotes("Der Verein machte die Erfahrung, dass viele Mitglieder austreten.") == []


def test_quotes_es_zeigte_sich_dass_is_no_speech():
    assert _quotes("Bald zeigte sich, dass der Plan nicht aufging.") == []
    (q,) = _quotes("Der Minister zeigte sich zufrieden, dass der Plan gelang.")
    assert (q.cue, q.speaker) == ("zeigte", "Der Minister")


def test_quotes_free_relative_clause_ending_in_a_cue_frames_no_main_clause():
    assert _quotes("Was die Händler damals fürchteten, war ein langer Winter.") == []
    assert _quotes("Was der Minister sagte, stimmt nicht.") == []


def test_quotes_spekulieren_auf_is_no_speech():
    assert _quotes("Die Betrügerin spekulierte auf die Gutgläubigkeit ihrer Opfer.") == []
    (q,) = _quotes("Die Zeitung spekulierte, der Trainer werde bald entlassen.")
    assert (q.cue, q.speaker) == ("spekulierte", "Die Zeitung")
    # a text cut off right after "auf" (a truncated teaser) must not run past its last token
    assert _quotes("Die Anleger spekulierten auf") == []
    # "auf" with a dative names where it was said
    (q,) = _quotes("Die Zeitung spekulierte auf ihrer Website, der Trainer werde bald entlassen.")
    assert (q.cue, q.speaker, q.message) == ("spekulierte", "Die Zeitung", "der Trainer werde bald entlassen")


def test_quotes_phrase_after_the_comma_is_no_message_clause():
    # no verb after the comma: the act covers the sentence instead of framing the noun phrase as what was said
    (q,) = _quotes("Die Gewerkschaft forderte am Montag, höhere Löhne und kürzere Arbeitszeiten.")
    assert (q.kind, q.speaker) == ("reported", "Die Gewerkschaft")
    assert q.message == "Die Gewerkschaft forderte am Montag, höhere Löhne und kürzere Arbeitszeiten"
    (q,) = _quotes("Die Gewerkschaft forderte am Montag, die Löhne müssten steigen.")
    assert (q.kind, q.message) == ("indirect", "die Löhne müssten steigen")


def test_quotes_text_ending_on_the_comma_after_a_frame_noun():
    # a cut-off text (the comma is its last token) whose clause a speech noun would frame; the sentence is ours,
    # cut from a test sentence of tests/test_quotes_frames.py
    assert _quotes("Daher wurden Forderungen an die Klubs erhoben,") == []

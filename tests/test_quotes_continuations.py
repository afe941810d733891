"""Quotes: sentences that continue a report — Konjunktiv-I and reportative "soll" sentences after a
report, own-subject frames near a report, unframed quotes after a known speaker.

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
from test_quotes import _quotes


def test_quotes_konjunktiv_after_clause_less_speech_act_takes_its_agent():
    # Wikinews 63711
    qs = _quotes("Die Entscheidung wurde vom Bundesverband Erneuerbare Energie als rückschrittlich kritisiert. "
                 "Langfristig werde es sogar teurer, da es den notwendigen Ausbau erneuerbarer Energien behindere.")
    q = next(q for q in qs if q.message.startswith("Langfristig"))
    assert q.speaker == "vom Bundesverband Erneuerbare Energie"


def test_quotes_continuation_after_apposition_subject_takes_the_subject():
    # Wikinews 32592: the subject before the apposition speaks, not the object after the verb
    qs = _quotes("Die Haushaltspolitikerin von Bündnis 90 / Die Grünen, Anja Hajduk, kritisierte die Pläne der "
                 "Bundesregierung zum Thema Arbeitsmarkt. Hier seien die vorgesehenen Mittel angesichts zu "
                 "erwartender Mehrkosten von bis zu 8,6 Milliarden Euro „völlig unrealistisch“.")
    q = next(q for q in qs if q.message.startswith("Hier seien"))
    assert q.speaker is not None and q.speaker.startswith("Die Haushaltspolitikerin")


def test_quotes_konjunktiv_after_a_new_subject_does_not_take_an_older_speaker():
    # Wikinews 69856: the quote's speaker two sentences back is not the speaker of the Konjunktiv-I sentences;
    # the sentence in between opens with another subject, a person by role and name, who speaks them (session 13;
    # before, the speaker was left open), and the next Konjunktiv-I sentence joins the event
    qs = _quotes("Ein Hauptkommissar nach der Festnahme: „Raschkow ist dort, wo er seit langem hätte sein sollen. "
                 "Der Clan-Chef und seine Familie haben 20 Jahre lang straffrei das gemacht, was sie wollten“. "
                 "Staatspräsident Georgi Parwanow ist besorgt. Der Konflikt in Katuniza sei nicht ethnisch, sondern "
                 "persönlich motiviert. Keinesfalls dürfe das Thema den Wahlkampf dominieren.")
    q = next(q for q in qs if q.message.startswith("Der Konflikt"))
    assert q.speaker == "Staatspräsident Georgi Parwanow"
    assert q.message.endswith("den Wahlkampf dominieren")


def test_quotes_reportative_soll_right_after_a_quote_continues_it():
    # Wikinews 67374
    qs = _quotes("Regierungssprecher Yukio Edano erklärte: „Wenn die gegenwärtige Lage mit der Anreicherung radioaktiver "
                 "Substanzen über lange Zeit anhält, wird es riesige Auswirkungen auf den Ozean haben.“ Durch das "
                 "Ablassen des verstrahlten Kühlwassers soll Platz geschaffen werden, um noch stärker radioaktiv "
                 "verstrahltes Wasser, das sich in den Reaktoren angesammelt hatte, in Sammelbecken aufzunehmen.")
    q = next(q for q in qs if q.message.startswith("Durch das Ablassen"))
    assert (q.kind, q.speaker) == ("indirect", "Regierungssprecher Yukio Edano")


def test_quotes_more_konjunktiv_forms_continue_a_report():
    # Wikinews 20384: "funktioniere" (Konjunktiv I of a verb outside the earlier word list)
    qs = _quotes("Derzeit werde geprüft, wie die bisherige Weiterleitung zur Enzyklopädie Wikipedia wieder hergestellt "
                 "werden kann, so Wikimedia Deutschland weiter. Der Zugriff über de.wikipedia.org funktioniere weiterhin.")
    q = next(q for q in qs if q.message.startswith("Der Zugriff"))
    assert q.speaker == "Wikimedia Deutschland"


def test_quotes_own_subject_frames_konjunktiv_clause_near_a_report():
    # Wikinews 45244: the sentence after a report has its own subject; it speaks, not the earlier one
    qs = _quotes("Die Behörden gehen von einem terroristischen Hintergrund aus, ein entsprechendes "
                 "Ermittlungsverfahren wurde bereits eingeleitet. Experten des russischen Innenministeriums sollen "
                 "sich auf dem Weg nach Togliatti befinden. Journalisten beschweren sich unterdessen über massive "
                 "Behinderungen der Berichterstattung, nur die Reporter des staatlichen Fernsehkanals Rossija und des "
                 "landesweit ausstrahlenden 1. Kanals seien zugelassen.")
    q = next(q for q in qs if q.message.startswith("nur die Reporter"))
    assert (q.speaker, q.cue) == ("Journalisten", "beschweren")


def test_quotes_konjunktiv_two_sentences_after_a_report_names_no_speaker():
    # own sentences: the Konjunktiv-I sentence two after the report stays an event, its speaker is left open
    qs = _quotes("Der Bürgermeister sagte, die Brücke sei gesperrt. Die Feuerwehr rückte am Abend an. "
                 "Die Reparatur werde mindestens zwei Wochen dauern.")
    q = next(q for q in qs if q.message.startswith("Die Reparatur"))
    assert q.speaker is None


def test_quotes_konjunktiv_after_a_known_speaker_as_subject():
    # Wikinews 69106 (the first sentence shortened): two sentences after the report the speaker would be left
    # open, but the sentence before has the already quoted dean as its subject; that mention speaks
    qs = _quotes("Dekan Manfred Berg sagte, die Fakultät werde bald entscheiden. Falls die Universität an ihrer "
                 "Entscheidung festhält, steht Koch-Mehrin die Möglichkeit einer Klage vor dem Verwaltungsgericht offen. "
                 "Dekan Berg sieht einen eventuellen Rechtsstreit gelassen. Von den Plagiatsvorwürfen habe man vor elf "
                 "Jahren nichts gewusst und deswegen auch nicht im Gutachten zur Arbeit darauf eingehen können.")
    q = next(q for q in qs if q.message.startswith("Von den Plagiatsvorwürfen"))
    assert q.speaker == "Dekan Berg"


def test_quotes_unframed_quote_after_a_known_speaker_takes_the_full_mention():
    # Wikinews 47835 (shortened): the quote follows a sentence without a speech verb whose subject was quoted
    qs = _quotes("Ministerpräsident Günther Oettinger (CDU) hat nun angekündigt, das achtjährige Gymnasium zu "
                 "reformieren. Um die Zeit dafür zu gewinnen, will Oettinger die Naturwissenschaften straffen. "
                 "„Nicht jede Formel aus Physik, Biologie und Chemie ist für das Erwachsenenleben notwendig.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker == "Ministerpräsident Günther Oettinger (CDU)"


def test_quotes_unframed_quote_after_a_cue_sentence_names_no_new_speaker():
    # own sentences: the quote is the demonstrators' slogan; the organisers are the subject of the
    # sentence before; the subject of a cue sentence before was right 0 times in 6 on train (round 6)
    qs = _quotes("Die Veranstalter zählten am Abend rund 15.000 Teilnehmer und kritisierten die Polizei. "
                 "„Vorratsdatenspeicherung – sinnlos, teuer, einfach dumm, so geht das nicht weiter.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker is None


def test_quotes_konjunktiv_after_an_unparsed_speech_act_takes_that_subject():
    # our own sentences: the sentence in between has a speech verb ("warnten") but no event of its own; its
    # subject, not the minister two sentences back, speaks the Konjunktiv sentence
    qs = _quotes("Der Minister sagte, die Lage sei ernst. Vertreter aller Parteien warnten vor den Folgen. "
                 "Diese Gefahr dürfe nicht unterschätzt werden.")
    q = next(q for q in qs if q.message.startswith("Diese Gefahr"))
    assert q.speaker == "Vertreter"


def test_quotes_konjunktiv_ii_of_strong_verbs_continues_a_report():
    # our own sentences: "spräche" (not the preterite "sprach") marks reported speech
    qs = _quotes("Der Sprecher sagte, die Lage sei ruhig. Niemand spräche mehr von einer Gefahr für die Stadt.")
    q = next(q for q in qs if q.message.startswith("Niemand"))
    assert q.speaker == "Der Sprecher"

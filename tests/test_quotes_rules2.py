"""Quotes: frames added in the third rule round (generic "dass" frames, speech nouns, verb-final cues,
speech acts in the perfect, extra source markers, oblique noun phrases).

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the same helper (with its provenance checks on every span) as the first rule rounds' tests
from test_quotes import _quotes


def test_quotes_generic_dass_frame_with_unlisted_verb():
    # Wikinews 70935
    (q,) = _quotes("Anonymous bekundete, dass die Daten leicht zugänglich gewesen seien und nicht verschlüsselt waren.")
    assert (q.speaker, q.cue) == ("Anonymous", "bekundete")
    assert q.message.startswith("dass die Daten")


def test_quotes_lower_case_speaker_after_determiner():
    # Wikinews 40335
    (q,) = _quotes("Die taz vermutet, dass der automatisierte Zugriff auf diese Daten schon heute üblich ist.")
    assert q.speaker == "Die taz"


def test_quotes_speech_noun_frames_the_clause():
    # Wikinews 38180
    (q,) = _quotes("Die Deutsche Schutzvereinigung für Wertpapierbesitz (DSW) ist der Ansicht, dass das VW-Gesetz "
                   "zu einer relativ geringen Produktivität des Konzerns führe.")
    assert q.speaker.startswith("Die Deutsche Schutzvereinigung")
    assert q.message.startswith("dass das VW-Gesetz")


def test_quotes_verb_final_cue_in_subordinate_clause_is_no_frame():
    # Wikinews 30253 and 66171: the comma after the cue resumes the main clause
    assert _quotes("Der „Spaceport America“, der früher „Southwest Regional Spaceport“ hieß, gilt als das wichtigste "
                   "Infrastrukturprojekt der Vereinigten Staaten.") == []
    assert _quotes("Nachdem die Steuerberaterin die Polizei informiert hatte, wurde eine 400-köpfige "
                   "Sonderkommission eingerichtet, um das Mädchen zu retten und den Täter festzunehmen.") == []


def test_quotes_konjunktiv_after_clause_less_speech_act_takes_its_agent():
    # Wikinews 63711
    qs = _quotes("Die Entscheidung wurde vom Bundesverband Erneuerbare Energie als rückschrittlich kritisiert. "
                 "Langfristig werde es sogar teurer, da es den notwendigen Ausbau erneuerbarer Energien behindere.")
    q = next(q for q in qs if q.message.startswith("Langfristig"))
    assert q.speaker == "vom Bundesverband Erneuerbare Energie"


def test_quotes_reported_speech_act_with_strong_preterite():
    # Wikinews 38098: "der"/"den" join a name only after "von" ("von der Leyen"), not "Trittin den Umstieg"
    (q,) = _quotes("Gleichzeitig empfahl der ehemalige Umweltminister Jürgen Trittin den Umstieg auf Erdgasautos.")
    assert (q.kind, q.speaker) == ("reported", "der ehemalige Umweltminister Jürgen Trittin")


def test_quotes_negated_speech_act_and_question_are_not_reports():
    # Wikinews 33857 and 49334
    assert _quotes("Zu den Geschehnissen des Atomwaffentests in Nordkorea äußerte er sich nicht.") == []
    assert _quotes("Was würdest du sagen, welche deiner Arbeiten hast du am meisten genossen?") == []


def test_quotes_wie_frame_with_lower_case_source():
    # Wikinews 39672
    (q,) = _quotes("Wie t-online.de berichtet, ist der erste Trailer zum vierten Teil des Actionspiels "
                   "„Grand Theft Auto“ im Internet veröffentlicht worden.")
    assert (q.speaker, q.cue) == ("t-online.de", "berichtet")


def test_quotes_object_first_colon_frame_takes_the_subject():
    # Wikinews 13440: "Den Unmut …" is an accusative object, never the speaker
    qs = _quotes("Den Unmut der CDU über Stoibers Äußerungen brachte die gesundheitspolitische Sprecherin der "
                 "Unionsfraktion im Bundestag, Annette Widmann-Mauz, zum Ausdruck: „Es gibt keinen Grund, "
                 "Positionen aufzugeben, bevor die Koalitionsverhandlungen begonnen haben.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker is not None and q.speaker.startswith("die gesundheitspolitische Sprecherin")


def test_quotes_second_source_marker_in_a_sentence_is_its_own_event():
    # Wikinews 63418
    qs = _quotes("Guerreros ist einer von fünf kubanischen Häftlingen, die nach kubanischen Aussagen zu Unrecht seit "
                 "1998 eine Strafe in fünf verschiedenen US-Hochsicherheitsgefängnissen verbüßen, zumindest aber laut "
                 "Amnesty International und UNO in einem nicht fairen Verfahren verurteilt wurden.")
    speakers = {q.speaker for q in qs}
    assert "kubanischen Aussagen" in speakers
    assert any(s and s.startswith("Amnesty International") for s in speakers)


def test_quotes_laut_with_demonstrative_and_subject_with_place():
    # Wikinews 48246 and 1229
    (q,) = _quotes("Laut diesem Entwurf wären allerdings nur die Downloads betroffen, die mit kommerziellen "
                   "Absichten durchgeführt werden.")
    assert (q.speaker, q.cue) == ("diesem Entwurf", "Laut")
    (q,) = _quotes("Die US Botschaft in Riad teilte dem Fernsehsender CNN mit, dass sich keine US-amerikanischen "
                   "Bürger in Geiselhaft befänden.")
    assert q.speaker == "Die US Botschaft in Riad"



def test_quotes_anaphoric_frame_points_back_to_the_sentence_before():
    # Wikinews 61683 and 69106
    qs = _quotes("Dulmatin, einer der mutmaßlichen Bombenleger der Terroranschläge von Bali (2002), wurde am Dienstag "
                 "von einer Anti-Terroreinheit Indonesiens gestellt und getötet. "
                 "Das bestätigte der Präsident Indonesiens, Susilo Bambang Yudhoyono.")
    (q,) = qs
    assert q.message.startswith("Dulmatin") and q.speaker.startswith("der Präsident Indonesiens")
    (q,) = _quotes("Die FDP-Europaabgeordnete Silvana Koch-Mehrin hat Widerspruch gegen die Aberkennung ihres "
                   "Doktortitels durch die Universität Heidelberg eingelegt. Dies teilte ein Sprecher Koch-Mehrins mit.")
    assert (q.speaker, q.cue) == ("ein Sprecher Koch-Mehrins", "teilte")
    assert q.message.startswith("Die FDP-Europaabgeordnete")


def test_quotes_passive_frame_names_no_speaker_but_its_agent():
    # Wikinews 69852 and 22510: the named phrase is the target of the accusation, not its source
    (q,) = _quotes("Der Ex-Ministerpräsidentin wird vorgeworfen, Anfang 2009 einen für die Ukraine nachteiligen "
                   "Gasvertrag mit Russland ohne die Zustimmung des Kabinetts geschlossen zu haben.")
    assert (q.cue, q.speaker) == ("vorgeworfen", None)
    (q,) = _quotes("Klien wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.")
    assert q.speaker is None


def test_quotes_negated_frame_is_no_report():
    # Wikinews 19599: the spokesman withheld the statement
    qs = _quotes("Ein Sprecher der US-Armee wollte nicht bestätigen, dass alle Insassen des Hubschraubers "
                 "Angehörige der US-Armee waren.")
    assert all(q.cue != "bestätigen" for q in qs)


def test_quotes_geht_hervor_takes_the_document_and_the_sentence_before():
    # Wikinews 34828
    (q,) = _quotes("Der Gesundheitskonzern Fresenius plant eine Umwandlung in die neue Rechtsform Societas Europaea "
                   "(S.E.), eine Gesellschaft europäischen Rechts. Dies geht aus einer Pressemitteilung des Konzerns "
                   "hervor, die am 11. Oktober 2006 veröffentlicht wurde.")
    assert q.message.startswith("Der Gesundheitskonzern Fresenius plant")
    assert q.speaker == "einer Pressemitteilung des Konzerns" and q.cue == "geht"


def test_quotes_trailing_so_frame_wins_over_verbs_inside_the_message():
    # Wikinews 57933
    (q,) = _quotes("Man habe als Ursprung dieser Störungen einen Punkt innerhalb der Grenzen des Iran festgestellt, "
                   "so der britische Fernsehsender.")
    assert (q.cue, q.speaker) == ("so", "der britische Fernsehsender")
    assert q.message.startswith("Man habe") and q.message.endswith("festgestellt")


def test_quotes_zufolge_after_bracket_or_domain():
    # Wikinews 63107 and 50016
    (q,) = _quotes("Der Website worldreferree.com zufolge ist Undiano als Schiedsrichter mit inflationären "
                   "Umgehen der Karten bekannt.")
    assert q.speaker == "Der Website worldreferree.com"
    (q,) = _quotes("Einer Presseerklärung des Verbandes Deutscher Realschullehrer (VDR) zufolge nahmen an der "
                   "heutigen Kundgebung und Demonstration mehrere tausend Lehrer aller Schulformen teil.")
    assert q.speaker == "Einer Presseerklärung des Verbandes Deutscher Realschullehrer (VDR)"


def test_quotes_reported_act_subject_not_object():
    # Wikinews 68296 and 4561: "Das Weiße Haus" is a subject, not the pronoun "Das"; an apposition before
    # the verb is the subject, not a message
    (q,) = _quotes("Das Weiße Haus verlangte einen umgehenden Rückzug der sudanesischen Regierungstruppen.")
    assert (q.kind, q.speaker) == ("reported", "Das Weiße Haus")
    (q,) = _quotes("Der bayerische CSU-Vorsitzende, Edmund Stoiber, warf der SPD eine schreckliche "
                   "Fehlentwicklung vor.")
    assert q.kind == "reported" and q.speaker.startswith("Der bayerische CSU-Vorsitzende")



def test_quotes_object_first_colon_frame_without_cue_takes_the_nominative_after_the_verb():
    # Wikinews 13761 (the article's own spelling "Münteferin")
    qs = _quotes("Die praktische Anwendung der Richtlinienkompetenz des Bundeskanzlers stellte der SPD-Vorsitzende "
                 "Franz Münteferin ebenfalls in Frage: „Die Anwendung der Richtlinie, die ist nicht lebenswirklich. "
                 "Wer das macht in einer Koalition, der weiß, dass die Koalition zu Ende ist.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker == "der SPD-Vorsitzende Franz Münteferin"

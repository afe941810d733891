"""Quotes: source markers and short frames — "laut X", "X zufolge", "wonach", "geht … hervor",
"wie X mitteilte", "so X" inside or after the message, anaphoric "Dies teilte X mit".

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
from test_quotes import _quotes


def test_quotes_wie_frame_with_lower_case_source():
    # Wikinews 39672
    (q,) = _quotes("Wie t-online.de berichtet, ist der erste Trailer zum vierten Teil des Actionspiels "
                   "„Grand Theft Auto“ im Internet veröffentlicht worden.")
    assert (q.speaker, q.cue) == ("t-online.de", "berichtet")


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


def test_quotes_wie_bekannt_wurde_has_no_source():
    # Wikinews 63385: after adverbs are skipped, an adjective ("bekannt") is no source; names and domains are
    (q,) = _quotes("Wie gestern bekannt wurde, befindet sich unter den Opfern der ehemalige republikanische Politiker "
                   "Ted Stevens, der über 40 Jahre für Alaska im Senat vertreten war.")
    assert q.speaker is None
    (q,) = _quotes("Wie t-online.de berichtet, sei der Mann festgenommen worden.")
    assert q.speaker == "t-online.de"


def test_quotes_trailing_so_frame_with_a_place_phrase():
    # Wikinews 54978
    (q,) = _quotes("Ägypten wird inzwischen bereits aufgefordert, die Grenze zum Gazastreifen auf ägyptischer Seite zu "
                   "öffnen, so Hisbollah-Chef Hassan Nasrallah im libanesischen Fernsehen.")
    assert (q.cue, q.speaker) == ("so", "Hisbollah-Chef Hassan Nasrallah")
    assert q.message.startswith("Ägypten wird")


def test_quotes_wonach_after_a_quoted_title():
    # Wikinews 24294
    (q,) = _quotes("Ein Bericht der russischen Nachrichtenagentur „Interfax“, wonach der weißrussische Oppositionsführer "
                   "Aljaksandr Milinkewitsch festgenommen worden sein soll, wurde dementiert.")
    assert (q.cue, q.speaker) == ("wonach", "Ein Bericht der russischen Nachrichtenagentur „Interfax“")


def test_quotes_zufolge_after_a_quoted_title():
    # Wikinews 49225
    (q,) = _quotes("Zudem hob Sarkozy dem „Figaro“ zufolge in einem Interview mit der BBC die Wichtigkeit Englands "
                   "besonders hervor.")
    assert (q.cue, q.speaker) == ("zufolge", "dem „Figaro“")


def test_quotes_hervorgehen_takes_the_document_and_is_no_speech_act_alone():
    # Wikinews 61190 and 5381
    (q,) = _quotes("Wie aus einer Verlautbarung der Internationalen Sicherheitsunterstützungstruppe (ISAF) hervorgeht, "
                   "wurden im Bezirk Zhari in der afghanischen Provinz Kandahar fünf unbeteiligte Zivilisten getötet und "
                   "zwei weitere verletzt.")
    assert q.cue == "hervorgeht" and "ISAF" in q.speaker
    assert _quotes("Als Sieger aus der letzten Parlamentswahl ging die Ethiopian People's Revolutionary Democratic Front "
                   "von Premierminister Meles Zenawi hervor, die auch bei der diesjährigen Wahl als Favorit gilt.") == []


def test_quotes_subjectless_frame_takes_a_document_not_a_place():
    # own sentence after a Wikinews report: the place "in Nairobi" is not the source of the instruction
    qs = _quotes("Alle Beamten wurden am Samstag in einer Anweisung der Botschaft in Nairobi aufgefordert, die "
                 "Küstenstadt Mombasa zu verlassen.")
    q = next(q for q in qs if q.message.startswith("die Küstenstadt"))
    assert q.speaker != "in Nairobi"


def test_quotes_so_frame_inside_the_sentence_takes_the_phrase_after_the_verb():
    # Wikinews 69492: "Tatsächlich, so betont auch die ermittelnde Polizei, ist dies …"
    qs = _quotes("Tatsächlich, so betont auch die ermittelnde Polizei, ist dies keine zutreffende Darstellung, da er "
                 "dort seinen Wohnsitz hat.")
    assert any(q.speaker == "die ermittelnde Polizei" for q in qs)


def test_quotes_nach_after_a_time_word_is_no_source_marker():
    # our own sentences: "zwei Monate nach dem Urteil" is a time; "nach Angaben der Polizei" stays a source
    assert _quotes("Drei Wochen nach dem Urteil des Gerichts liegt jetzt seine Begründung vor.") == []
    assert _quotes("Kurz nach der Veröffentlichung der Zahlen stiegen die Kurse deutlich an.") == []
    (q,) = _quotes("Nach Angaben der Polizei wurden drei Menschen leicht verletzt.")
    assert q.speaker == "Angaben der Polizei"


def test_quotes_marker_inside_a_frame_message_leaves_the_frame_its_event():
    # our own sentences: "laut denen" / "gemäß" sit inside the message of the frame before them
    qs = _quotes("Von Seiten der Regierung wurde gefordert, alle Anträge sollten gemäß den neuen Regeln geprüft werden.")
    q = next(q for q in qs if q.cue == "gefordert")
    assert q.speaker == "Seiten der Regierung"
    assert q.message.startswith("alle Anträge")


def test_quotes_laut_after_the_frame_of_a_direct_quote_is_its_source():
    # our own sentences: "„…“, sagte X laut Y." reports Y's account of the quote (SpkAtt marks the outlet)
    (q,) = _quotes("„Wir werden das Verfahren zügig abschließen“, sagte der Richter laut Spiegel Online.")
    assert (q.kind, q.cue, q.speaker) == ("direct", "sagte", "Spiegel Online")
    (q,) = _quotes("„Die Lage ist unter Kontrolle und niemand wurde verletzt“, sagte ein Sprecher laut ndr.de.")
    assert q.speaker == "ndr.de"


def test_quotes_hiess_es_von_names_the_source():
    # our own sentence: "hieß es vom X" — the phrase after "vom" is the source of the quote
    (q,) = _quotes("„Alle Hinweise deuten auf einen technischen Defekt hin“, hieß es vom Sprecher der Feuerwehr.")
    assert (q.kind, q.cue) == ("direct", "hieß")
    assert q.speaker == "Sprecher der Feuerwehr"


def test_quotes_cue_verb_in_a_relative_clause_does_not_hide_a_later_marker():
    # our own sentence: "erwartet" sits in a relative clause; the "nach Angaben" marker later is the source
    (q,) = _quotes("Die Lieferung, die schon am Montag erwartet wurde, kam zu spät, da nach Angaben der Spedition die "
                   "Papiere fehlten.")
    assert (q.cue, q.speaker) == ("nach", "Angaben der Spedition")

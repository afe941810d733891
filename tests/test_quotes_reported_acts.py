"""Quotes: reported speech acts without a message clause ("Die CDU hatte Aufklärung gefordert"),
and what is not one: negated acts, questions, rejections, verbs that frame only a clause.

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
from test_quotes import _quotes


def test_quotes_reported_speech_act_with_strong_preterite():
    # Wikinews 38098: "der"/"den" join a name only after "von" ("von der Leyen"), not "Trittin den Umstieg"
    (q,) = _quotes("Gleichzeitig empfahl der ehemalige Umweltminister Jürgen Trittin den Umstieg auf Erdgasautos.")
    assert (q.kind, q.speaker) == ("reported", "der ehemalige Umweltminister Jürgen Trittin")


def test_quotes_negated_speech_act_and_question_are_not_reports():
    # Wikinews 33857 and 49334
    assert _quotes("Zu den Geschehnissen des Atomwaffentests in Nordkorea äußerte er sich nicht.") == []
    assert _quotes("Was würdest du sagen, welche deiner Arbeiten hast du am meisten genossen?") == []


def test_quotes_negated_frame_is_no_report():
    # Wikinews 19599: the spokesman withheld the statement
    qs = _quotes("Ein Sprecher der US-Armee wollte nicht bestätigen, dass alle Insassen des Hubschraubers "
                 "Angehörige der US-Armee waren.")
    assert all(q.cue != "bestätigen" for q in qs)


def test_quotes_reported_act_subject_not_object():
    # Wikinews 68296 and 4561: "Das Weiße Haus" is a subject, not the pronoun "Das"; an apposition before
    # the verb is the subject, not a message
    (q,) = _quotes("Das Weiße Haus verlangte einen umgehenden Rückzug der sudanesischen Regierungstruppen.")
    assert (q.kind, q.speaker) == ("reported", "Das Weiße Haus")
    (q,) = _quotes("Der bayerische CSU-Vorsitzende, Edmund Stoiber, warf der SPD eine schreckliche "
                   "Fehlentwicklung vor.")
    assert q.kind == "reported" and q.speaker.startswith("Der bayerische CSU-Vorsitzende")


def test_quotes_reported_plural_present_and_verwies():
    # Wikinews 1229 and 19599 (the second sentence cut before its negated second clause)
    (q,) = _quotes("Die Medien sprechen von örtlichen Angestellten als Geiseln.")
    assert (q.kind, q.speaker) == ("reported", "Die Medien")
    (q,) = _quotes("Ein Militärsprecher verwies auf die schlechten Wetterbedingungen.")
    assert (q.kind, q.speaker) == ("reported", "Ein Militärsprecher")


def test_quotes_nicht_before_a_phrase_does_not_negate_the_frame():
    # Wikinews 77429: "nicht als offiziellem Teil …" negates the phrase, not the speech act
    (q,) = _quotes("Auf Nachfragen und sozusagen nicht als offiziellem Teil der Bekanntgabe erklärte er Reportern dann, "
                   "dass es bei der Wahl Betrug von allen Seiten gegeben habe, was die Menschen sehr beunruhige.")
    assert (q.cue, q.speaker) == ("erklärte", "er")


def test_quotes_annehmen_frames_a_clause_but_is_no_speech_act_alone():
    # Wikinews 52120 and 47722
    (q,) = _quotes("Es wird angenommen, dass die Explosion ferngezündet war.")
    assert (q.cue, q.speaker) == ("angenommen", None)
    (q,) = _quotes("Von den Behörden in beiden Staaten wird angenommen, dass Drogenschmuggel zu dem Zwischenfall führte.")
    # the "von" agent speaks (round 6: the agent phrase itself, before round 6 the "in …" phrase after it)
    assert q.cue == "angenommen" and "Behörden" in q.speaker
    # our own sentence: "nahm … an" without a clause means "accepted"
    assert _quotes("Der Minister nahm das Angebot der Opposition an.") == []


def test_quotes_rejection_without_message_is_no_reported_act():
    # Wikinews 47908 and own sentence: a rejection or a declaration with an object reports no speech
    assert _quotes("Das Bundesverfassungsgericht wies die Klage Berlins am 8. Februar 2008 zurück.") == []
    assert _quotes("Der Schiedsrichter Wolfgang Stark erklärte das Tor dennoch für gültig.") == []
    # a demand still is one ("Die CDU hatte Aufklärung gefordert" kind of act)
    (q,) = _quotes("HRW forderte eine Untersuchung des Vorfalls.")
    assert (q.kind, q.speaker) == ("reported", "HRW")


def test_quotes_passive_in_a_relative_clause_keeps_the_reported_act():
    # Wikinews 34728 and 80937: "werden" belongs to the relative clause, the main clause is active
    (q,) = _quotes("UNICEF schätzt die Zahl der Kinder unter 18 Jahren, die sexuell missbraucht werden, auf 150 Millionen "
                   "Mädchen und 73 Millionen Jungen.")
    assert (q.kind, q.speaker) == ("reported", "UNICEF")
    qs = _quotes("Elon Musk, der Milliardär hinter der Firma, kündigte einen Pick-up-Truck an, der in den nächsten 18 bis "
                 "24 Monaten vorgestellt werden soll.")
    assert [q.speaker for q in qs] == ["Elon Musk"]
    # a passive main clause still names no speaker
    assert _quotes("Die Zahl der Opfer wurde am Montag auf 150 geschätzt.") == []


# Round 7: the sentences below are our own (same structures as news text), not Wikinews text.


def test_quotes_evaluating_verbs_are_reported_acts():
    # "werten … als", "beziffern … auf", "prangert … an" report a judgement of the subject
    (q,) = _quotes("Die Gewerkschaft wertet den Tarifabschluss als großen Erfolg für die Beschäftigten.")
    assert (q.kind, q.speaker) == ("reported", "Die Gewerkschaft")
    (q,) = _quotes("Ein Ökonom der Universität Kiel bezifferte den Schaden auf zehn Millionen Euro.")
    assert (q.kind, q.speaker) == ("reported", "Ein Ökonom der Universität Kiel")
    (q,) = _quotes("Die Organisation prangert in ihrem Jahresbericht Folter und Willkür in den Gefängnissen an.")
    assert (q.kind, q.speaker) == ("reported", "Die Organisation")
    # a court sentencing someone is no speech act ("verurteilen" was measured and left out)
    assert _quotes("Das Landgericht hat den Angeklagten zu drei Jahren Haft verurteilt.") == []


def test_quotes_judgement_with_halten_fuer():
    (q,) = _quotes("Die Aufsichtsbehörde hält die Veröffentlichung der Liste für unbedenklich.")
    assert (q.kind, q.speaker) == ("reported", "Die Aufsichtsbehörde")
    (q,) = _quotes("Der Konzern hält es für möglich, dass der Rekord noch in diesem Jahr fällt.")
    assert (q.kind, q.cue) == ("indirect", "hält")
    assert q.message == "dass der Rekord noch in diesem Jahr fällt"
    # "für" with a noun phrase is no judgement
    assert _quotes("Der Bürgermeister hält am Sonntag eine Rede für die Opfer des Unglücks.") == []


def test_quotes_assumption_with_geht_von_aus():
    (q,) = _quotes("Die Polizei geht in diesem Fall von einem Unfall aus.")
    assert (q.kind, q.speaker) == ("reported", "Die Polizei")
    # "ging … hervor" (emerged) stays no speech act
    assert _quotes("Der Verein ging als Sieger aus dem Turnier hervor.") == []


def test_quotes_two_coordinated_speech_acts_are_two_events():
    # the clause after the comma belongs to the second verb; the first verb is a reported act of the same speaker
    qs = _quotes("Die Ministerin nannte den Streik unverhältnismäßig und forderte die Gewerkschaft dazu auf, an den "
                 "Verhandlungstisch zurückzukehren.")
    assert sorted((q.kind, q.cue, q.speaker) for q in qs) == [
        ("indirect", "forderte", "Die Ministerin"), ("reported", None, "Die Ministerin")]
    rep = next(q for q in qs if q.kind == "reported")
    assert rep.message == "Die Ministerin nannte den Streik unverhältnismäßig"


def test_quotes_speaker_name_opening_with_a_lower_case_particle():
    # our own sentence: "al Masri" is the subject after the verb
    (q,) = _quotes("In einem Schreiben fordert al Masri die Freilassung aller Gefangenen.")
    assert (q.kind, q.speaker) == ("reported", "al Masri")


def test_quotes_passive_speech_act_names_its_von_agent():
    # our own sentences: the "von" agent of a passive speech act speaks; a "von" after a noun is no agent
    (q,) = _quotes("Die Pläne wurden von der Opposition als völlig unrealistisch bezeichnet.")
    assert (q.kind, q.speaker) == ("reported", "der Opposition")
    assert _quotes("Nach dem Hochwasser wird der Ausbruch von Seuchen befürchtet.") == []


def test_quotes_sehen_as_an_assessment():
    # our own sentences: "sieht in X eine Y" / "sieht X als Y" assess; "sehen … vor" plans
    (q,) = _quotes("Die Gewerkschaft sieht in dem Vorschlag einen Angriff auf die Beschäftigten.")
    assert (q.kind, q.speaker) == ("reported", "Die Gewerkschaft")
    (q,) = _quotes("Die Kammer sah es als bewiesen an, dass der Angeklagte das Geld genommen hatte.")
    assert (q.kind, q.speaker) == ("indirect", "Die Kammer")
    assert _quotes("Die Pläne sehen eine neue Anlage in einem Industriegebiet vor.") == []


def test_quotes_betrachten_empfinden_einstufen_als():
    # our own sentences
    (q,) = _quotes("Der Verband betrachtet die Entscheidung als schweren Fehler.")
    assert (q.kind, q.speaker) == ("reported", "Der Verband")
    (q,) = _quotes("Die Anwohner empfanden den nächtlichen Lärm als unerträglich.")
    assert (q.kind, q.speaker) == ("reported", "Die Anwohner")
    (q,) = _quotes("Die Gruppe wurde vom Gericht als gefährlich eingestuft.")
    assert (q.kind, q.speaker) == ("reported", "vom Gericht")
    # "betrachten" without "als" is looking at something
    assert _quotes("Die Besucher betrachten die Bilder der Ausstellung.") == []

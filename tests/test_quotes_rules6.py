"""Quotes: rule steps of the sixth round (session 6), each on a real German sentence.

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the same helper (with its provenance checks on every span) as the earlier rule rounds' tests
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


def test_quotes_aber_after_the_cue_object_is_no_message():
    # own sentence: the clause after "aber" is the reporter's, not what the minister announced
    qs = _quotes("Der Minister kündigte neue Gespräche an, aber die Gewerkschaft blieb bei ihrem Streik.")
    assert not any(q.kind == "indirect" or q.message.startswith("aber") for q in qs)


def test_quotes_own_subject_frames_konjunktiv_clause_near_a_report():
    # Wikinews 45244: the sentence after a report has its own subject; it speaks, not the earlier one
    qs = _quotes("Die Behörden gehen von einem terroristischen Hintergrund aus, ein entsprechendes "
                 "Ermittlungsverfahren wurde bereits eingeleitet. Experten des russischen Innenministeriums sollen "
                 "sich auf dem Weg nach Togliatti befinden. Journalisten beschweren sich unterdessen über massive "
                 "Behinderungen der Berichterstattung, nur die Reporter des staatlichen Fernsehkanals Rossija und des "
                 "landesweit ausstrahlenden 1. Kanals seien zugelassen.")
    q = next(q for q in qs if q.message.startswith("nur die Reporter"))
    assert (q.speaker, q.cue) == ("Journalisten", "beschweren")


def test_quotes_own_frame_needs_a_participle_after_an_auxiliary():
    # Wikinews 47908: "hatten … erhoben, weil … habe" frames; the sentence before reports the law
    qs = _quotes("Nach dem Reichsvermögensgesetz von 1961 konnten die Gemeinden ihre enteigneten Grundstücke jedoch "
                 "zurück erhalten, sofern der Bund sie nicht für eigene Verwaltungsaufgaben benötige. Die Alliierten "
                 "hatten jedoch Einspruch dagegen erhoben, weil Berlin einen Sonderstatus habe und nicht vom Bund "
                 "regiert werden dürfe.")
    q = next(q for q in qs if q.message.startswith("weil Berlin"))
    assert q.speaker == "Die Alliierten"


def test_quotes_rejection_without_message_is_no_reported_act():
    # Wikinews 47908 and own sentence: a rejection or a declaration with an object reports no speech
    assert _quotes("Das Bundesverfassungsgericht wies die Klage Berlins am 8. Februar 2008 zurück.") == []
    assert _quotes("Der Schiedsrichter Wolfgang Stark erklärte das Tor dennoch für gültig.") == []
    # a demand still is one ("Die CDU hatte Aufklärung gefordert" kind of act)
    (q,) = _quotes("HRW forderte eine Untersuchung des Vorfalls.")
    assert (q.kind, q.speaker) == ("reported", "HRW")


def test_quotes_konjunktiv_two_sentences_after_a_report_names_no_speaker():
    # own sentences: the Konjunktiv-I sentence two after the report stays an event, its speaker is left open
    qs = _quotes("Der Bürgermeister sagte, die Brücke sei gesperrt. Die Feuerwehr rückte am Abend an. "
                 "Die Reparatur werde mindestens zwei Wochen dauern.")
    q = next(q for q in qs if q.message.startswith("Die Reparatur"))
    assert q.speaker is None


def test_quotes_colon_frame_skips_an_opening_adverb():
    # Wikinews 33398: "Höhnisch" (scornfully) opens the sentence; the phrase after the verb speaks
    qs = _quotes("Höhnisch, wohl auf das Presseecho reagierend, veröffentlichte der Verfasser folgenden Kommentar dazu: "
                 "„Wer von dieser Liste gestrichen werden möchte, hat die Chance durch das Reichsgericht "
                 "entstalinisiert zu werden.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker == "der Verfasser"


def test_quotes_colon_frame_with_possessive_subject_keeps_the_last_speaker():
    # Wikinews 13246: "Seine Zuversicht" belongs to the speaker of the quote before
    qs = _quotes("In einem Interview äußerte sich der EU-Außenbeauftragte Javier Solana jedoch zuversichtlich: „Ich gehe "
                 "davon aus, dass eine Einigung gelingen wird.“ Seine Zuversicht gründet sich auf entsprechende "
                 "Erfahrungen mit der Türkeifrage: „Entscheidungen, die die Türkei betreffen, sind auch in der "
                 "Vergangenheit immer erst in letzter Minute getroffen worden.“")
    q = next(q for q in qs if q.message.startswith("Entscheidungen"))
    assert q.speaker == "der EU-Außenbeauftragte Javier Solana"


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


def test_quotes_apposition_with_pp_before_the_cue_is_the_subject():
    # Wikinews 51747: "X, Obmann … im Auswärtigen Ausschuss, warf …" is no message-first frame
    qs = _quotes("Karl-Theodor zu Guttenberg, Obmann der CDU / CSU-Fraktion im Auswärtigen Ausschuss, warf der LINKEN "
                 "daraufhin mangelnde Abgrenzung gegenüber der PKK vor.")
    assert not any(q.speaker == "der LINKEN" for q in qs)


def test_quotes_message_first_frame_needs_a_subject_not_a_pp():
    # Wikinews 15430: "…, gehen von einem Totalschaden aus." has no speaker after the verb
    qs = _quotes("Gutachter der Deutschen Gesellschaft für Luft- und Raumfahrt, die die Maschine bereits untersuchten, "
                 "gehen von einem Totalschaden aus.")
    assert not any(q.speaker == "von einem Totalschaden" for q in qs)


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


def test_quotes_object_first_als_quote_takes_er_after_the_verb():
    # Wikinews 51747 and 13100: the object opens the sentence, "er" after the verb speaks; "sie" there may be the object
    (q,) = _quotes("Deren Haltung gegenüber der PKK bezeichnete er als „zutiefst verlogen und heuchlerisch“.")
    assert (q.speaker, q.cue) == ("er", "bezeichnete")
    (q,) = _quotes("Der Hauptgeschäftsführer des BPI nannte sie „fahrlässig“.")
    assert q.speaker == "Der Hauptgeschäftsführer des BPI"


def test_quotes_relative_pronoun_before_a_preposition_opens_no_message():
    # Wikinews 24294: "…, der zum Sturm … aufgerufen haben soll, …" is a
    # relative clause about the object, not what was said
    qs = _quotes("Milinkewitsch kritisierte die Handlungsweise Kozulins, der zum Sturm des Gefängnisses aufgerufen haben "
                 "soll, als „Provokation, die der Staatsmacht sehr gelegen kam“.")
    assert not any(q.message.startswith("der zum Sturm") for q in qs)
    assert not any(q.speaker == "die Handlungsweise Kozulins" for q in qs)


def test_quotes_subjectless_frame_takes_a_document_not_a_place():
    # own sentence after a Wikinews report: the place "in Nairobi" is not the source of the instruction
    qs = _quotes("Alle Beamten wurden am Samstag in einer Anweisung der Botschaft in Nairobi aufgefordert, die "
                 "Küstenstadt Mombasa zu verlassen.")
    q = next(q for q in qs if q.message.startswith("die Küstenstadt"))
    assert q.speaker != "in Nairobi"


def test_quotes_passive_frame_without_subject_takes_the_von_agent():
    # Wikinews 45695: no subject before the passive cue; the "von" agent of the cue's clause speaks
    (q,) = _quotes("Von Seiten der deutschen Verhandlungsdelegation war den USA vorgeworfen worden, das Dokument "
                   "verwässert zu haben.")
    assert q.speaker == "Seiten der deutschen Verhandlungsdelegation"


def test_quotes_so_frame_inside_the_sentence_takes_the_phrase_after_the_verb():
    # Wikinews 69492: "Tatsächlich, so betont auch die ermittelnde Polizei, ist dies …"
    qs = _quotes("Tatsächlich, so betont auch die ermittelnde Polizei, ist dies keine zutreffende Darstellung, da er "
                 "dort seinen Wohnsitz hat.")
    assert any(q.speaker == "die ermittelnde Polizei" for q in qs)


def test_quotes_unframed_quote_after_a_cue_sentence_names_no_new_speaker():
    # own sentences: the quote is the demonstrators' slogan; the organisers are the subject of the
    # sentence before; the subject of a cue sentence before was right 0 times in 6 on train (round 6)
    qs = _quotes("Die Veranstalter zählten am Abend rund 15.000 Teilnehmer und kritisierten die Polizei. "
                 "„Vorratsdatenspeicherung – sinnlos, teuer, einfach dumm, so geht das nicht weiter.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker is None

"""Quotes: frame clauses — which verb or noun frames a message, where the message starts and ends,
and which phrase of the frame is the speaker (subject, pronoun, passive agent, apposition).

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the shared helper (with its provenance checks on every span) of tests/test_quotes.py
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


def test_quotes_object_first_colon_frame_takes_the_subject():
    # Wikinews 13440: "Den Unmut …" is an accusative object, never the speaker
    qs = _quotes("Den Unmut der CDU über Stoibers Äußerungen brachte die gesundheitspolitische Sprecherin der "
                 "Unionsfraktion im Bundestag, Annette Widmann-Mauz, zum Ausdruck: „Es gibt keinen Grund, "
                 "Positionen aufzugeben, bevor die Koalitionsverhandlungen begonnen haben.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker is not None and q.speaker.startswith("die gesundheitspolitische Sprecherin")


def test_quotes_passive_frame_names_no_speaker_but_its_agent():
    # Wikinews 69852 and 22510: the named phrase is the target of the accusation, not its source
    (q,) = _quotes("Der Ex-Ministerpräsidentin wird vorgeworfen, Anfang 2009 einen für die Ukraine nachteiligen "
                   "Gasvertrag mit Russland ohne die Zustimmung des Kabinetts geschlossen zu haben.")
    assert (q.cue, q.speaker) == ("vorgeworfen", None)
    (q,) = _quotes("Klien wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.")
    assert q.speaker is None


def test_quotes_object_first_colon_frame_without_cue_takes_the_nominative_after_the_verb():
    # Wikinews 13761 (the article's own spelling "Münteferin")
    qs = _quotes("Die praktische Anwendung der Richtlinienkompetenz des Bundeskanzlers stellte der SPD-Vorsitzende "
                 "Franz Münteferin ebenfalls in Frage: „Die Anwendung der Richtlinie, die ist nicht lebenswirklich. "
                 "Wer das macht in einer Koalition, der weiß, dass die Koalition zu Ende ist.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker == "der SPD-Vorsitzende Franz Münteferin"


def test_quotes_noun_before_nach_with_its_complement_is_no_source():
    # Wikinews 43924: "Forderung nach einem …" is a demand for something, not "according to the demand"
    assert _quotes("Die Gewerkschaft Deutscher Lokomotivführer konnte ihre Forderung nach einem eigenen "
                   "Tarifvertrag nicht durchsetzen.") == []


def test_quotes_reflexive_cue_needs_sich():
    # Wikinews 40316: "Poster, die Bhumibols Konterfei zeigten, …" is no speech act ("zeigte sich …" is)
    assert _quotes("Jufer war zu 10 Jahren Haft verurteilt worden, weil er am 79. Geburtstag des Königs in Chiang "
                   "Mai Poster, die Bhumibols Konterfei zeigten, mit schwarzer Farbe besprüht hatte.") == []


def test_quotes_andere_opens_a_speaker_phrase():
    # Wikinews 5248
    (q,) = _quotes("Andere Medien berichten von 13 Passagieren und zwei Besatzungsmitgliedern.")
    assert (q.kind, q.speaker) == ("reported", "Andere Medien")


def test_quotes_cue_coordinated_by_und_takes_the_sentence_subject():
    # Wikinews 61320: "… dankte … und ergänzte, …": the subject (here named in the apposition) speaks
    (q,) = _quotes("Einer der Putschisten, Harouna Djibrilla Adamou, dankte den Menschen für ihre Unterstützung und "
                   "ergänzte, der Staatsstreich sei im besten Interesse des Landes.")
    assert (q.cue, q.speaker) == ("ergänzte", "Harouna Djibrilla Adamou")


def test_quotes_frame_verb_outside_the_lexicon_after_a_quote():
    # Wikinews 72118: "herausstreichen" is in no cue list; comma, finite verb, name and sentence end frame the quote
    (q,) = _quotes("„Ich trete an als ein konservativer Republikaner“, strich Romney in Arbutus heraus.")
    assert (q.kind, q.cue, q.speaker) == ("direct", "strich", "Romney")


def test_quotes_pronoun_after_the_cue_of_an_object_first_sentence_speaks():
    # Wikinews 56998: the fronted phrase with its relative clause is the object
    (q,) = _quotes("Die Thaksin-Anhänger, die sich anschickten, an der morgigen Massenkundgebung zum Sturz der "
                   "amtierenden Regierung teilzunehmen, warnte er, die UDD-Organisatoren der Proteste verfolgten ihre "
                   "eigenen Ziele mit den Massenprotesten.")
    assert (q.cue, q.speaker) == ("warnte", "er")


def test_quotes_adverbial_clause_before_the_main_verb_is_no_message():
    # Wikinews 57026: "Obwohl …, bestritt er …" is a denial with an object, the "obwohl" clause was not said
    qs = _quotes("Obwohl bei dem 22-jährigen Täter das geraubte Handy sichergestellt wurde und auf ihn die "
                 "Täterbeschreibung zutrifft, bestritt er eine Tatbeteiligung.")
    assert not any(q.message.startswith("bei dem 22-jährigen") or q.message.startswith("Obwohl") for q in qs)


def test_quotes_colon_frame_pronoun_after_the_verb_of_an_object_first_clause():
    # Wikinews 54978: the fronted offer is the object, "er" speaks
    qs = _quotes("Das ägyptische Angebot, palästinensische Verwundete kostenlos in ägyptischen Krankenhäusern behandeln "
                 "zu lassen, lehnt er jedoch ab: „Ägypten sollte alle Palästinenser ohne wenn und aber einreisen "
                 "lassen.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker == "er"


def test_quotes_passive_with_inseparable_participle_names_no_speaker():
    # Wikinews 1034: "Die Männer werden beschuldigt, …": the men are accused, they do not speak
    (q,) = _quotes("Die Männer werden beschuldigt, Mitglieder in einer terroristischen Vereinigung zu sein, welche "
                   "möglicherweise ein Attentat auf den irakischen Premier Iyad Allawi plante.")
    assert q.cue == "beschuldigt" and q.speaker is None


def test_quotes_subject_after_the_auxiliary_of_a_fronted_clause():
    # Wikinews 12291: "…, hat Staatssekretär X (Grüne) gefordert, …": the subject follows the auxiliary
    (q,) = _quotes("In der Debatte um alternative Energieträger, die auf Grund der derzeit hohen Preise für Benzin und Öl "
                   "geführt wird, hat Verbraucher-Staatssekretär Matthias Berninger (Grüne) gefordert, größere "
                   "Tankstellen gesetzlich zum Angebot von ökologisch vorteilhaften Kraftstoffen zu zwingen.")
    assert q.speaker == "Verbraucher-Staatssekretär Matthias Berninger (Grüne)"


def test_quotes_comma_inside_brackets_does_not_open_the_frame_clause():
    # Wikinews 64872
    (q,) = _quotes("Bundespräsident Christian Wulff (CDU) hat in einem Gespräch mit seinem israelischen Amtskollegen "
                   "Schimon Peres (Awoda, dt. etwa Arbeiterpartei) bekräftigt, die Bundesrepublik Deutschland bekenne "
                   "sich zu ihrer besonderen Verantwortung für die Existenz der Republik Israel.")
    assert q.speaker is not None and q.speaker.startswith("Bundespräsident Christian Wulff")


def test_quotes_speech_noun_frame_after_a_fronted_phrase():
    # Wikinews 78858: "Seit August 2013 vertritt er die These, dass …": the pronoun after the verb speaks
    (q,) = _quotes("Seit August 2013 vertritt er die These, dass Pädophilie „in der grünen Ideologie angelegt“ sei.")
    assert (q.kind, q.speaker) == ("indirect", "er")
    assert q.message.startswith("dass Pädophilie")


def test_quotes_verb_final_and_participle_forms_of_strong_cue_verbs():
    # Wikinews 61190 (first sentence); the second, our own, checks that a "sich" further back counts
    (q,) = _quotes("Die afghanischen und ausländischen Soldaten waren fälschlicherweise davon ausgegangen, die "
                   "verdächtigen Personen seien dabei, eine Sprengfalle zu bauen, da sie am Straßenrand eine Grube "
                   "aushoben.")
    assert q.cue == "ausgegangen" and q.speaker is not None and "Soldaten" in q.speaker
    (q,) = _quotes("Die Parteien haben sich am Montag darauf geeinigt, die Steuern zu senken.")
    assert (q.cue, q.speaker) == ("geeinigt", "Die Parteien")


def test_quotes_two_word_cue_bekannt_gegeben():
    # Wikinews 3434
    (q,) = _quotes("Die Interessengemeinschaft Deponiesicherheit Region Basel (IGDRB), die von der Basler Chemie Industrie "
                   "(BCI) gegründet wurde, hat nun in einer Stellungnahme bekannt gegeben, dass diese "
                   "Giftmüllablagerungen keine akute Gefahr für die Bevölkerung darstellen.")
    assert q.cue == "gegeben" and q.speaker.startswith("Die Interessengemeinschaft")


def test_quotes_generic_dass_frame_with_an_inseparable_participle():
    # Wikinews 47908
    (q,) = _quotes("Der Berliner Senat hatte sich erhofft, dass die wertvollen Grundstücke und der Erlös aus bereits "
                   "verkauften Immobilien in Höhe von 52 Millionen Euro bei einem Urteil im Sinne Berlins „in den "
                   "notleidenden Landeshaushalt fließen“ würden.")
    assert (q.cue, q.speaker) == ("erhofft", "Der Berliner Senat")


def test_quotes_aber_after_the_cue_object_is_no_message():
    # own sentence: the clause after "aber" is the reporter's, not what the minister announced
    qs = _quotes("Der Minister kündigte neue Gespräche an, aber die Gewerkschaft blieb bei ihrem Streik.")
    assert not any(q.kind == "indirect" or q.message.startswith("aber") for q in qs)


def test_quotes_own_frame_needs_a_participle_after_an_auxiliary():
    # Wikinews 47908: "hatten … erhoben, weil … habe" frames; the sentence before reports the law
    qs = _quotes("Nach dem Reichsvermögensgesetz von 1961 konnten die Gemeinden ihre enteigneten Grundstücke jedoch "
                 "zurück erhalten, sofern der Bund sie nicht für eigene Verwaltungsaufgaben benötige. Die Alliierten "
                 "hatten jedoch Einspruch dagegen erhoben, weil Berlin einen Sonderstatus habe und nicht vom Bund "
                 "regiert werden dürfe.")
    q = next(q for q in qs if q.message.startswith("weil Berlin"))
    assert q.speaker == "Die Alliierten"


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


def test_quotes_relative_pronoun_before_a_preposition_opens_no_message():
    # Wikinews 24294: "…, der zum Sturm … aufgerufen haben soll, …" is a
    # relative clause about the object, not what was said
    qs = _quotes("Milinkewitsch kritisierte die Handlungsweise Kozulins, der zum Sturm des Gefängnisses aufgerufen haben "
                 "soll, als „Provokation, die der Staatsmacht sehr gelegen kam“.")
    assert not any(q.message.startswith("der zum Sturm") for q in qs)
    assert not any(q.speaker == "die Handlungsweise Kozulins" for q in qs)


def test_quotes_passive_frame_without_subject_takes_the_von_agent():
    # Wikinews 45695: no subject before the passive cue; the "von" agent of the cue's clause speaks
    (q,) = _quotes("Von Seiten der deutschen Verhandlungsdelegation war den USA vorgeworfen worden, das Dokument "
                   "verwässert zu haben.")
    assert q.speaker == "Seiten der deutschen Verhandlungsdelegation"


# Round 7: our own sentences (same structures as news text), not Wikinews text.


def test_quotes_speech_noun_with_genitive_owner_frames_a_clause():
    # the owner of the demand or warning speaks; the message ends where the main clause resumes
    (q,) = _quotes("Trotz der Warnung des Wetterdienstes, die Küste am Wochenende zu meiden, fuhren viele Urlauber "
                   "ans Meer.")
    assert (q.kind, q.cue, q.speaker) == ("indirect", "Warnung", "des Wetterdienstes")
    assert q.message == "die Küste am Wochenende zu meiden"
    (q,) = _quotes("Die Partei reagierte gelassen auf die Forderung der Opposition, den Haushalt neu zu verhandeln.")
    assert (q.cue, q.speaker) == ("Forderung", "der Opposition")
    # an adverbial clause after the noun is no message
    qs = _quotes("Die Kläger erwarten keine schnelle Entscheidung des Gerichts, weil die Akten sehr umfangreich seien.")
    assert all(q.cue != "Entscheidung" for q in qs)


def test_quotes_cue_form_after_a_case_marked_determiner_is_an_adjective():
    # "den bekannten Konkurrenten": "bekannten" is no form of "bekennen" here
    qs = _quotes("Das neue Programm soll den bekannten Konkurrenten ebenbürtig sein, sagen die Entwickler.")
    assert all(q.cue != "bekannten" for q in qs)
    assert all(q.cue != "erwarteten" for q in _quotes("Der von allen erwarteten Einigung stand nichts mehr im Weg."))


def test_quotes_erklaeren_with_fuer_declares_rather_than_says():
    assert _quotes("Das Gericht hat die Klausel nur in wenigen Fällen für zulässig erklärt, etwa wenn die Versorgung "
                   "des Landes betroffen ist.") == []
    # "erklärte … zum Rücktritt" comments on it and still frames the clause
    (q,) = _quotes("In einer Mitteilung erklärte die Fraktion zum Rücktritt des Ministers, man nehme die Entscheidung "
                   "mit Bedauern zur Kenntnis.")
    assert (q.cue, q.speaker) == ("erklärte", "die Fraktion")


def test_quotes_more_speech_verbs_frame_a_clause():
    # round-7 lexicon entries (our own sentences): "machte klar", "ließ wissen", "konstatierte", "verdeutlichte"
    for text, cue, speaker in [
        ("Die Richterin machte klar, dass das Verfahren im Herbst fortgesetzt werde.", "machte klar", "Die Richterin"),
        ("Der Trainer ließ wissen, dass er seinen Vertrag nicht verlängern werde.", "ließ wissen", "Der Trainer"),
        ("Der Bericht konstatierte, dass sich die Lage der Flüchtlinge weiter verschlechtert habe.", "konstatierte",
         "Der Bericht"),
        ("Die Forscherin verdeutlichte, dass die Proben noch nicht vollständig ausgewertet seien.", "verdeutlichte",
         "Die Forscherin"),
    ]:
        (q,) = _quotes(text)
        assert (q.kind, q.cue, q.speaker) == ("indirect", cue, speaker), text


def test_quotes_opening_phrase_with_apposition_is_the_subject_before_the_auxiliary():
    # our own sentences: the phrase after "hat"/"hatte" is the object of the demand
    (q,) = _quotes("Der Vorsitzende der Partei, Hans Müller, hat die Regierung aufgefordert, das Gesetz zurückzuziehen.")
    assert q.speaker == "Der Vorsitzende der Partei, Hans Müller"
    (q,) = _quotes("Die Sprecherin im Landtag, Eva Roth, hatte den Minister gestern aufgefordert, sein Amt niederzulegen.")
    assert q.speaker == "Die Sprecherin im Landtag, Eva Roth"


def test_quotes_message_first_frame_with_apposition_before_the_particle():
    # our own sentence: "teilte … der Leiter der Behörde, X, mit." closes the sentence; the clause before is the message
    (q,) = _quotes("Vor dem Start wurde kein Fehler gemeldet, teilte später der Leiter der Behörde, Jan Berg, mit.")
    assert (q.cue, q.speaker) == ("teilte", "der Leiter der Behörde")
    assert q.message == "Vor dem Start wurde kein Fehler gemeldet"


def test_quotes_verb_final_two_word_cue_bekannt_gab():
    # our own sentence: "wie X bekannt gab" written apart
    (q,) = _quotes("Die Saison beginnt eine Woche später als geplant, wie die Liga am Freitag bekannt gab.")
    assert (q.cue, q.speaker) == ("gab", "die Liga")


def test_quotes_determiner_with_a_quantifier_opens_the_speaker():
    # our own sentences: "die beiden Sängerinnen" is one speaker phrase
    qs = _quotes("Die Tournee wird um ein Jahr verschoben. Das teilten die beiden Musiker am Freitag mit.")
    assert [q.speaker for q in qs] == ["die beiden Musiker"]


def test_quotes_colon_frame_subject_with_apposition():
    # our own sentence: the phrase after the verb ("die Verantwortung") is the object, the opening phrase speaks
    qs = _quotes("Die Leiterin der Studie, Anna Weber, sieht die Verantwortung beim Staat: „Es muss jetzt endlich "
                 "gehandelt werden.“")
    q = next(q for q in qs if q.kind == "direct")
    assert q.speaker == "Die Leiterin der Studie"


def test_quotes_chanted_slogan_takes_the_subject():
    # our own sentence: a slogan after "skandierten … wie" is the demonstrators' speech
    qs = _quotes("Die Demonstranten zogen durch die Innenstadt und skandierten Parolen wie „Wir bleiben alle hier“.")
    q = next(q for q in qs if q.kind == "direct")
    assert (q.cue, q.speaker) == ("skandierten", "Die Demonstranten")


def test_quotes_konjunktiv_relative_clause_after_a_cue_object_is_the_message():
    # our own sentences: the relative clause in Konjunktiv I reports what was said about the object
    qs = _quotes("Die Laudatio hielt eine bekannte Journalistin, die den Mut der Preisträgerin hervorhob, der in ihrer "
                 "Arbeit gegen die Zensur deutlich zum Ausdruck komme.")
    q = next(q for q in qs if q.cue == "hervorhob")
    assert q.speaker == "die"
    assert q.message.startswith("der in ihrer Arbeit")
    # an indicative relative clause stays no message
    qs = _quotes("Der Minister lobte den Einsatz der Helfer, der seit Tagen andauert.")
    assert not any(q.message.startswith("der seit Tagen") for q in qs)


def test_quotes_befuerworten_is_a_speech_act():
    # without a clause only a listed verb reports an act ("dass" clauses are framed by any verb)
    (q,) = _quotes("Die Mehrheit der Befragten befürwortete die geplante Reform der Renten.")
    assert (q.kind, q.speaker) == ("reported", "Die Mehrheit der Befragten")


def test_quotes_speech_noun_without_owner_at_the_start_is_its_own_source():
    # our own sentences: no owner is named, the noun phrase is the source (the SpkAtt convention)
    qs = _quotes("Mehrere Anfragen an den Betreiber, die Seite zu sperren, blieben ohne Antwort.")
    q = next(q for q in qs if q.cue == "Anfragen")
    assert q.speaker == "Mehrere Anfragen"
    assert q.message == "die Seite zu sperren"
    (q,) = _quotes("Auf die Bitte, ihm einen Vorschuss zu zahlen, erfolgte keine Reaktion.")
    assert (q.cue, q.speaker) == ("Bitte", "die Bitte")
    # after "mit" the subject owns the noun: no noun-phrase source
    qs = _quotes("Die Firma reagierte auf die Vorwürfe mit dem Argument, die Bahnen seien meist unterirdisch.")
    assert all(q.speaker != "dem Argument" for q in qs)


def test_quotes_voiced_noun_in_the_passive_frames_the_clause():
    # our own sentences: "wurden Vorwürfe laut, …" / "wurden Forderungen … erhoben, …": the noun is the source
    (q,) = _quotes("Wieder wurden Vorwürfe laut, die Täter sprächen einen anderen Dialekt.")
    assert (q.cue, q.speaker) == ("Vorwürfe", "Vorwürfe")
    assert q.message == "die Täter sprächen einen anderen Dialekt"
    (q,) = _quotes("Daher wurden Forderungen an die Klubs erhoben, sie sollten die Sicherheit selbst bezahlen.")
    assert (q.cue, q.speaker) == ("Forderungen", "Forderungen")


def test_quotes_quantifier_alone_is_the_subject():
    # our own sentence: "Einige" stands for the speakers
    (q,) = _quotes("Einige vertreten die Ansicht, das Verfahren sei längst verjährt.")
    assert (q.cue, q.speaker) == ("vertreten", "Einige")


def test_quotes_survey_share_is_a_speaker_phrase():
    # our own sentence: "41 Prozent der Befragten" holds the opinion
    (q,) = _quotes("41 Prozent der Befragten teilen die Ansicht, die Reform komme zu spät.")
    assert q.speaker == "41 Prozent der Befragten"

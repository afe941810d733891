"""Quotes: rule steps of the fifth round (session 4), each on a real German sentence.

All sentences are German Wikinews text (CC BY 2.5, page id given); only the text is used, none of the
SpkAtt annotations.
"""

from __future__ import annotations

# the same helper (with its provenance checks on every span) as the earlier rule rounds' tests
from test_quotes import _quotes


def test_quotes_reported_plural_present_and_verwies():
    # Wikinews 1229 and 19599 (the second sentence cut before its negated second clause)
    (q,) = _quotes("Die Medien sprechen von örtlichen Angestellten als Geiseln.")
    assert (q.kind, q.speaker) == ("reported", "Die Medien")
    (q,) = _quotes("Ein Militärsprecher verwies auf die schlechten Wetterbedingungen.")
    assert (q.kind, q.speaker) == ("reported", "Ein Militärsprecher")


def test_quotes_noun_before_nach_with_its_complement_is_no_source():
    # Wikinews 43924: "Forderung nach einem …" is a demand for something, not "according to the demand"
    assert _quotes("Die Gewerkschaft Deutscher Lokomotivführer konnte ihre Forderung nach einem eigenen "
                   "Tarifvertrag nicht durchsetzen.") == []


def test_quotes_reflexive_cue_needs_sich():
    # Wikinews 40316: "Poster, die Bhumibols Konterfei zeigten, …" is no speech act ("zeigte sich …" is)
    assert _quotes("Jufer war zu 10 Jahren Haft verurteilt worden, weil er am 79. Geburtstag des Königs in Chiang "
                   "Mai Poster, die Bhumibols Konterfei zeigten, mit schwarzer Farbe besprüht hatte.") == []


def test_quotes_continuation_after_apposition_subject_takes_the_subject():
    # Wikinews 32592: the subject before the apposition speaks, not the object after the verb
    qs = _quotes("Die Haushaltspolitikerin von Bündnis 90 / Die Grünen, Anja Hajduk, kritisierte die Pläne der "
                 "Bundesregierung zum Thema Arbeitsmarkt. Hier seien die vorgesehenen Mittel angesichts zu "
                 "erwartender Mehrkosten von bis zu 8,6 Milliarden Euro „völlig unrealistisch“.")
    q = next(q for q in qs if q.message.startswith("Hier seien"))
    assert q.speaker is not None and q.speaker.startswith("Die Haushaltspolitikerin")


def test_quotes_andere_opens_a_speaker_phrase():
    # Wikinews 5248
    (q,) = _quotes("Andere Medien berichten von 13 Passagieren und zwei Besatzungsmitgliedern.")
    assert (q.kind, q.speaker) == ("reported", "Andere Medien")


def test_quotes_konjunktiv_after_a_new_subject_does_not_take_an_older_speaker():
    # Wikinews 69856: the quote's speaker two sentences back is not the speaker of the Konjunktiv-I sentences;
    # the sentence in between opens with another subject, so the speaker is left open (the event stays, and the
    # next Konjunktiv-I sentence joins it)
    qs = _quotes("Ein Hauptkommissar nach der Festnahme: „Raschkow ist dort, wo er seit langem hätte sein sollen. "
                 "Der Clan-Chef und seine Familie haben 20 Jahre lang straffrei das gemacht, was sie wollten“. "
                 "Staatspräsident Georgi Parwanow ist besorgt. Der Konflikt in Katuniza sei nicht ethnisch, sondern "
                 "persönlich motiviert. Keinesfalls dürfe das Thema den Wahlkampf dominieren.")
    q = next(q for q in qs if q.message.startswith("Der Konflikt"))
    assert q.speaker is None
    assert q.message.endswith("den Wahlkampf dominieren")


def test_quotes_cue_coordinated_by_und_takes_the_sentence_subject():
    # Wikinews 61320: "… dankte … und ergänzte, …": the subject (here named in the apposition) speaks
    (q,) = _quotes("Einer der Putschisten, Harouna Djibrilla Adamou, dankte den Menschen für ihre Unterstützung und "
                   "ergänzte, der Staatsstreich sei im besten Interesse des Landes.")
    assert (q.cue, q.speaker) == ("ergänzte", "Harouna Djibrilla Adamou")


def test_quotes_reportative_soll_right_after_a_quote_continues_it():
    # Wikinews 67374
    qs = _quotes("Regierungssprecher Yukio Edano erklärte: „Wenn die gegenwärtige Lage mit der Anreicherung radioaktiver "
                 "Substanzen über lange Zeit anhält, wird es riesige Auswirkungen auf den Ozean haben.“ Durch das "
                 "Ablassen des verstrahlten Kühlwassers soll Platz geschaffen werden, um noch stärker radioaktiv "
                 "verstrahltes Wasser, das sich in den Reaktoren angesammelt hatte, in Sammelbecken aufzunehmen.")
    q = next(q for q in qs if q.message.startswith("Durch das Ablassen"))
    assert (q.kind, q.speaker) == ("indirect", "Regierungssprecher Yukio Edano")


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


def test_quotes_wie_bekannt_wurde_has_no_source():
    # Wikinews 63385: after adverbs are skipped, an adjective ("bekannt") is no source; names and domains are
    (q,) = _quotes("Wie gestern bekannt wurde, befindet sich unter den Opfern der ehemalige republikanische Politiker "
                   "Ted Stevens, der über 40 Jahre für Alaska im Senat vertreten war.")
    assert q.speaker is None
    (q,) = _quotes("Wie t-online.de berichtet, sei der Mann festgenommen worden.")
    assert q.speaker == "t-online.de"


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


def test_quotes_trailing_so_frame_with_a_place_phrase():
    # Wikinews 54978
    (q,) = _quotes("Ägypten wird inzwischen bereits aufgefordert, die Grenze zum Gazastreifen auf ägyptischer Seite zu "
                   "öffnen, so Hisbollah-Chef Hassan Nasrallah im libanesischen Fernsehen.")
    assert (q.cue, q.speaker) == ("so", "Hisbollah-Chef Hassan Nasrallah")
    assert q.message.startswith("Ägypten wird")


def test_quotes_more_konjunktiv_forms_continue_a_report():
    # Wikinews 20384: "funktioniere" (Konjunktiv I of a verb outside the earlier word list)
    qs = _quotes("Derzeit werde geprüft, wie die bisherige Weiterleitung zur Enzyklopädie Wikipedia wieder hergestellt "
                 "werden kann, so Wikimedia Deutschland weiter. Der Zugriff über de.wikipedia.org funktioniere weiterhin.")
    q = next(q for q in qs if q.message.startswith("Der Zugriff"))
    assert q.speaker == "Wikimedia Deutschland"


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


def test_quotes_speech_noun_frame_after_a_fronted_phrase():
    # Wikinews 78858: "Seit August 2013 vertritt er die These, dass …": the pronoun after the verb speaks
    (q,) = _quotes("Seit August 2013 vertritt er die These, dass Pädophilie „in der grünen Ideologie angelegt“ sei.")
    assert (q.kind, q.speaker) == ("indirect", "er")
    assert q.message.startswith("dass Pädophilie")


def test_quotes_nicht_before_a_phrase_does_not_negate_the_frame():
    # Wikinews 77429: "nicht als offiziellem Teil …" negates the phrase, not the speech act
    (q,) = _quotes("Auf Nachfragen und sozusagen nicht als offiziellem Teil der Bekanntgabe erklärte er Reportern dann, "
                   "dass es bei der Wahl Betrug von allen Seiten gegeben habe, was die Menschen sehr beunruhige.")
    assert (q.cue, q.speaker) == ("erklärte", "er")


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


def test_quotes_annehmen_frames_a_clause_but_is_no_speech_act_alone():
    # Wikinews 52120 and 47722
    (q,) = _quotes("Es wird angenommen, dass die Explosion ferngezündet war.")
    assert (q.cue, q.speaker) == ("angenommen", None)
    (q,) = _quotes("Von den Behörden in beiden Staaten wird angenommen, dass Drogenschmuggel zu dem Zwischenfall führte.")
    # the "von" agent speaks (round 6: the agent phrase itself, before round 6 the "in …" phrase after it)
    assert q.cue == "angenommen" and "Behörden" in q.speaker
    # our own sentence: "nahm … an" without a clause means "accepted"
    assert _quotes("Der Minister nahm das Angebot der Opposition an.") == []


def test_quotes_generic_dass_frame_with_an_inseparable_participle():
    # Wikinews 47908
    (q,) = _quotes("Der Berliner Senat hatte sich erhofft, dass die wertvollen Grundstücke und der Erlös aus bereits "
                   "verkauften Immobilien in Höhe von 52 Millionen Euro bei einem Urteil im Sinne Berlins „in den "
                   "notleidenden Landeshaushalt fließen“ würden.")
    assert (q.cue, q.speaker) == ("erhofft", "Der Berliner Senat")


def test_quotes_hervorgehen_takes_the_document_and_is_no_speech_act_alone():
    # Wikinews 61190 and 5381
    (q,) = _quotes("Wie aus einer Verlautbarung der Internationalen Sicherheitsunterstützungstruppe (ISAF) hervorgeht, "
                   "wurden im Bezirk Zhari in der afghanischen Provinz Kandahar fünf unbeteiligte Zivilisten getötet und "
                   "zwei weitere verletzt.")
    assert q.cue == "hervorgeht" and "ISAF" in q.speaker
    assert _quotes("Als Sieger aus der letzten Parlamentswahl ging die Ethiopian People's Revolutionary Democratic Front "
                   "von Premierminister Meles Zenawi hervor, die auch bei der diesjährigen Wahl als Favorit gilt.") == []

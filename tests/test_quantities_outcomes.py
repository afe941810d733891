"""Outcomes of the count rules: the cue or verb that gives a count its fate (killed, injured, arrested, missing,
displaced, affected) and its GKG type, how far a cue reaches (clauses, dashes, brackets, lists, "darunter"),
and when a harm word is no outcome (a possible fate, a negation, the fate of only one of them).

Sentences are Wikinews (CC BY 2.5; page id or dev row given where taken), GermEval 2014 (CC BY 4.0), or our own
German sentences; the rules found on 10kGNAD (CC BY-NC-SA) and WikiWarsDE (CC BY-SA) are tested on our own
sentences built on the same pattern, as their text may not be committed.
"""

from __future__ import annotations

# the shared helper (every span and object checked against the text) lives with the stage's main tests
from test_quantities import _by_text

from lagebild.quantities import extract


def test_quantities_attributive_cue_describes_its_own_noun():
    qs = _by_text("Die Rolle des schwerverletzten Piloten brachte der Darstellerin nach vier erfolglosen "
                  "Anläufen endlich den Preis.")
    assert qs["vier"].category is None and qs["vier"].gkg_type is None
    # the participle right after the count still counts: "sechs getöteten Journalisten"
    q = _by_text("Die Organisation berichtete von sechs getöteten Journalisten.")["sechs"]
    assert (q.category, q.gkg_type) == ("journalists", "KILL")
    # "Die Zahl der verletzten Personen" looks the noun up behind the count (Wikinews-style)
    z = _by_text("Die Zahl der verletzten Personen ist von 21 auf 25 gestiegen.")
    assert z["21"].category == z["25"].category == "injured"


def test_quantities_cue_in_brackets_and_single_named_victim():
    qs = _by_text("Im Museum hängen drei nachweislich (darunter das Gemälde Tote Stadt), fünf mutmaßlich.")
    assert qs["drei"].category is None and qs["fünf"].category is None
    q = _by_text("Zwei Zeugen berichteten, wie die Verletzte über die Straße geschleudert wurde.")["Zwei"]
    assert q.category == "people" and q.gkg_type is None
    # the plural stays a cue: "Unter den Toten sind mindestens zwei Kinder"
    k = _by_text("Laut der Klinik sind unter den Toten auch mindestens zwei Kinder.")["mindestens zwei"]
    assert (k.category, k.gkg_type) == ("children", "KILL")


def test_quantities_partitive_whole_takes_no_outcome():
    qs = _by_text("32 der mehr als 4.000 Menschen an Bord starben bei dem Unglück.")
    assert (qs["32"].category, qs["32"].gkg_type) == ("killed", "KILL")
    assert (qs["mehr als 4.000"].value, qs["mehr als 4.000"].category) == (4000, "people")


def test_quantities_dash_inside_a_sentence_still_lets_the_verb_reach_the_count():
    # the spaced dash only ends a segment right after a cue; an insert between count and verb is fine
    q = _by_text("Mehr als 100 Flüchtlinge – viele davon aus Syrien – wurden von einem Frachter "
                 "gerettet.")["Mehr als 100"]
    assert q.category == "refugees"
    k = _by_text("Bei dem Anschlag wurden – so die Polizei – 20 Menschen getötet.")["20"]
    assert (k.category, k.gkg_type) == ("killed", "KILL")


def test_quantities_action_noun_before_von_n_gives_the_class():
    q = _by_text("Die Abschiebung von rund 100 Afghanen hatte in der Hauptstadt zu Protesten geführt.")["rund 100"]
    assert q.category == "people"
    # the nominalised action before the count is still its cue
    e = _by_text("Die Behörden ordneten die Evakuierung von 5.000 Menschen an.")["5.000"]
    assert e.category == "displaced"


def test_quantities_freed_part_of_the_arrested_is_people():
    r = _by_text("Von insgesamt neun festgenommenen Personen kamen bis Sonntag fünf wieder auf freien Fuß "
                 "zurück.")
    assert (r["neun"].category, r["fünf"].category) == ("arrested", "people")


def test_quantities_house_arrest_is_an_arrest_and_dead_attackers_are_killed():
    h = _by_text("In Belgien stehen seither mehr als 160 Personen unter Hausarrest.")["mehr als 160"]
    assert (h.category, h.gkg_type) == ("arrested", "ARREST")
    a = _by_text("Auch die zwei Attentäter starben bei der Explosion.")["zwei"]
    assert (a.category, a.gkg_type) == ("killed", "KILL")


def test_quantities_vague_plural_of_protesters_and_residents_leaving_home():
    # Wikinews f012: a vague plural after a noun is a count
    q = _by_text("So seien in ihrer Heimatstadt hunderte von Menschen auf die Straße gegangen, um gegen die NPD zu "
                 "demonstrieren.")["hunderte"]
    assert q.category == "protesters"
    r = _by_text("Etwa 8.500 Bewohner mussten nach dem Hochwasser ihre Zelte und Unterkünfte verlassen.")["Etwa 8.500"]
    assert (r.category, r.gkg_type) == ("displaced", "AFFECT")


def test_quantities_place_counted_next_to_people_keeps_their_cue():
    # a place counted next to the people keeps its cue for them
    n = _by_text("Am Wochenende mussten rund 3.000 Menschen in den drei Notquartieren schlafen.")["rund 3.000"]
    assert n.category == "displaced"


def test_quantities_fate_of_one_of_them_is_not_the_fate_of_all():
    q = _by_text("Der Lkw streifte zwei Personen, wobei einer von ihnen getötet wurde.")["zwei"]
    assert (q.category, q.gkg_type) == ("people", None)


def test_quantities_zu_tode_kommen_is_killed():
    assert _by_text("Zwölf Menschen kamen 2004 zu Tode.")["Zwölf"].category == "killed"


def test_quantities_extraposed_mit_n_weiteren_and_mit_in_den_tod_are_killed():
    # Wikinews c013: an extraposed "mit N Weiteren" still belongs to the clause before the comma
    c = _by_text("Es waren Kämpfer, die die Eltern umgebracht haben, mit 21 Weiteren, als sie ihr Dorf "
                 "angegriffen haben.")["21"]
    assert c.category == "killed"
    t = _by_text("In der Hauptstadt rissen die Täter am 3. Mai 31 Personen mit in den Tod.")["31"]
    assert (t.category, t.gkg_type) == ("killed", "KILL")


def test_quantities_foreigners_among_the_hostages_are_kidnapped():
    g = _by_text("Nach Angaben der Polizei sind zwei Ausländer unter den Geiseln.")["zwei"]
    assert (g.category, g.gkg_type) == ("kidnapped", "KIDNAP")


def test_quantities_harm_outranks_a_protest_setting_which_alone_gives_protesters():
    p = _by_text("Seit dem Sommer wurden bei Protestaktionen gegen die Regierung 176 Kurden und 27 Türken "
                 "getötet.")
    assert p["176"].category == p["27"].category == "killed"
    # without a harm the protest noun still names what the people did
    assert _by_text("Bei einer Kundgebung in Berlin versammelten sich 5.000 Menschen.")["5.000"].category \
        == "protesters"


def test_quantities_released_inhaftierte_are_arrested():
    o = _by_text("Der Präsident ließ gestern sechs inhaftierte Gewerkschafter frei.")["sechs"]
    assert (o.category, o.gkg_type) == ("arrested", "ARREST")


def test_quantities_demonstrating_investors_and_a_headline_protest_march_are_protesters():
    q = _by_text("Hunderte Anleger, die durch den Zusammenbruch von vier Regionalbanken Geld verloren, haben "
                 "vor dem Parlament demonstriert.")
    assert (q["Hunderte"].category, q["vier"].category) == ("protesters", None)
    p = _by_text("1000 bei Protestzug gegen das Sparpaket in Linz.")["1000"]
    assert (p.value, p.category) == (1000, "protesters")


def test_quantities_von_denen_part_that_died_is_killed():
    i = _by_text("Seit März haben sich in der Region über 10.000 Menschen angesteckt, von denen knapp 800 starben.")
    assert (i["über 10.000"].category, i["knapp 800"].category) == ("people", "killed")


def test_quantities_shooting_drowning_and_dead_attackers_give_the_outcome():
    e = _by_text("Ein 30-Jähriger erschoss am Abend zwölf Menschen in einem Lokal.")["zwölf"]
    assert (e.category, e.gkg_type) == ("killed", "KILL")
    a = _by_text("Seit Jahresbeginn sind 87 Menschen vor der Küste ertrunken oder werden vermisst.")["87"]
    assert (a.category, a.gkg_type) == ("affected", "AFFECT")
    s = _by_text("Bei dem Gefecht starben am Dienstag sieben Soldaten und vier Angreifer.")
    assert (s["sieben"].category, s["vier"].category) == ("soldiers", "killed")


def test_quantities_dying_of_injuries_is_killed_and_nahm_fest_an_arrest():
    v = _by_text("Vier Fahrgäste sind später in der Klinik ihren Verletzungen erlegen.")["Vier"]
    assert (v.category, v.gkg_type) == ("killed", "KILL")
    # "nahm ... fest" stays an arrest (Wikinews-style)
    assert _by_text("Die Polizei nahm am Montag 20 Demonstranten fest.")["20"].gkg_type == "ARREST"


def test_quantities_victims_compensated_or_attacked_are_people():
    assert _by_text("Mehr als 100 Opfer erhielten Zusprüche im dreistelligen Bereich.")["Mehr als 100"].category \
        == "people"
    a = _by_text("Bei einer Attacke mit Schlagstöcken auf vier Männer ist in Hamburg ein 40-Jähriger getötet worden.")
    assert a["vier"].category == "people"


def test_quantities_die_zahl_der_getoeteten_mit_n_is_killed():
    z = _by_text("Zuerst hatte die Polizei die Zahl der bei dem Angriff Getöteten mit vier angegeben, "
                 "darunter zwei Polizisten.")
    assert (z["vier"].category, z["zwei"].category) == ("killed", "police")


def test_quantities_escape_from_custody_is_no_arrest():
    z = _by_text("Zwei Männer sind am Freitag aus der Untersuchungshaft in einem Gefängnis in der Stadt Tulkarem "
                 "geflohen.")["Zwei"]
    assert z.category == "people"


def test_quantities_no_trace_of_n_is_missing():
    m = _by_text("Nach dem Angriff fehlt von rund 250 Arbeitern jede Spur.")["rund 250"]
    assert (m.category, m.gkg_type) == ("missing", "AFFECT")


def test_quantities_dead_and_wounded_together_are_affected_apart_keep_their_fate():
    t = _by_text("Der Feldzug kostete über 600.000 Tote und Verwundete.")["über 600.000"]
    assert (t.category, t.gkg_type) == ("affected", "AFFECT")
    # separate counts keep their own fate
    s = _by_text("Es gab 98 Tote und 73 Verwundete.")
    assert (s["98"].category, s["73"].category) == ("killed", "injured")


def test_quantities_shooting_and_ermordung_are_killings():
    u = _by_text("Die Bande erschoss in der Stadt Lawrence, Kansas 25 unbewaffnete "
                 "Soldaten.")["25"]
    assert (u.category, u.gkg_type) == ("soldiers", "KILL")
    assert _by_text("Es kam zur Ermordung Tausender Igbos.")["Tausender"].category == "killed"


def test_quantities_losses_and_inserts_after_darunter_keep_the_fate():
    w = _by_text("Während die Angreifer 312 Männer verloren, wurden 880 Verteidiger getötet oder verwundet.")
    assert (w["312"].category, w["880"].category) == ("people", "affected")
    # Wikinews f000: a count after "darunter" does not cut the verb off
    f = _by_text("In Tunesien hatte ein Extremist 38 Menschen, darunter 30 Briten, erschossen.")
    assert f["38"].category == "killed"
    assert _by_text("Das Regiment zog sich mit ca. 40 bis 50 Verlusten zurück.")["ca. 40 bis 50"].category \
        == "affected"


def test_quantities_killed_at_demonstrations_and_execution_victims_are_killed():
    d = _by_text("Im Herbst töteten Soldaten bei friedlichen, jedoch verbotenen Demonstrationen "
                 "bis zu 200 Menschen.")["bis zu 200"]
    assert d.category == "killed"
    assert _by_text("Im Wald fand man 5000 Hinrichtungsopfer.")["5000"].category == "killed"


def test_quantities_far_gefangen_is_no_cue_for_tickets():
    # Wikinews w008: a far "gefangen gehalten" is no cue for a count of tickets
    w = _by_text("Die insgesamt 46.664 verkauften Eintrittskarten erinnern an die Gefangenen-Nummer Mandelas, der "
                 "27 Jahre auf Robben Island gefangen gehalten worden war.")["46.664"]
    assert w.category is None


def test_quantities_victims_without_outcome_verb_count_the_dead():
    q = _by_text("Neuere Studien gehen von 200.000 bis 300.000 Opfern des Bürgerkriegs aus.")["200.000 bis 300.000"]
    assert (q.category, q.gkg_type, q.object) == ("killed", "KILL", "Opfern")
    q = _by_text("Historiker nennen heute bereits 50.000 Opfer.")["50.000"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    # victims of a fraud or abuse are not the dead
    q = _by_text("Mehr als 300 Opfer des Anlagebetrugs erhielten eine Entschädigung.")["Mehr als 300"]
    assert (q.category, q.gkg_type) == ("people", None)
    q = _by_text("Die Kommission hörte 120 Opfer von sexuellem Missbrauch an.")["120"]
    assert q.category == "people"


def test_quantities_possible_outcome_is_no_outcome():
    qs = _by_text("Von der Schließung betroffen sein könnten 250 Piloten und 400 Flugbegleiter.")
    assert (qs["250"].category, qs["250"].gkg_type) == ("crew", None)
    assert (qs["400"].category, qs["400"].gkg_type) == ("crew", None)
    # Wikinews 1.403/29.770 pattern: reported speech with "würden" is an outcome that happened
    qs = _by_text("1.403 Menschen seien verletzt worden, und 29.770 Menschen würden vermisst.")
    assert qs["29.770"].category == "missing" and qs["1.403"].category == "injured"


def test_quantities_people_in_a_refugee_camp_are_displaced():
    q = _by_text("Von den etwa 6.000 Menschen im Flüchtlingslager sind die meisten Frauen und Kinder.")["etwa 6.000"]
    assert (q.category, q.gkg_type) == ("displaced", "AFFECT")
    # a camp that is only visited or financed does not make a count displaced
    q = _by_text("Die drei Minister besuchten am Montag ein Flüchtlingslager im Norden.")["drei"]
    assert q.category != "displaced"


def test_quantities_list_of_fates_ending_in_oder_is_affected():
    q = _by_text("Bei dem Überfall wurden über 400 Dorfbewohner getötet, verwundet oder verschleppt.")["über 400"]
    assert (q.category, q.gkg_type) == ("affected", "AFFECT")
    q = _by_text("Bei dem Überfall wurden über 400 Dorfbewohner getötet, verwundet oder gefangen.")["über 400"]
    assert (q.category, q.gkg_type) == ("affected", "AFFECT")
    q = _by_text("Bei dem Überfall wurden über 400 Dorfbewohner getötet.")["über 400"]
    assert q.category == "killed"


def test_quantities_list_of_counts_before_a_final_verb_shares_it():
    qs = _by_text("Bei den Unruhen, bei denen bisher 57 Demonstranten, 12 Polizisten und drei Journalisten "
                  "starben, griff die Armee ein.")
    assert qs["57"].gkg_type == qs["12"].gkg_type == qs["drei"].gkg_type == "KILL"
    qs = _by_text("Bei der Flut sind 130 Anwohner, 40 Urlauber und zwei Helfer gestorben.")
    assert qs["130"].category == qs["40"].category == "killed"
    # a comma after a verb still ends the first count's clause
    qs = _by_text("Während die Armee 300 Mann verlor, wurden 800 andere getötet.")
    assert qs["300"].gkg_type is None


def test_quantities_gefangen_genommen_is_an_arrest_and_a_later_killing_wins():
    # GermEval 2014 (CC BY 4.0) sentence
    q = _by_text("Am Sonntagmorgen seien 14 Flüchtige in Kandahar und umliegenden Gebieten gefangen genommen worden, "
                 "sagte der Polizeichef von Kandahar.")["14"]
    assert (q.category, q.gkg_type) == ("arrested", "ARREST")
    q = _by_text("Im Herbst wurden etwa 300 Gefangene verhört und von den Wachen erschossen.")["etwa 300"]
    assert q.gkg_type == "KILL"
    # a new subset ("viele") has its own fate
    q = _by_text("Nach dem Aufstand wurden Hunderte inhaftiert und viele später hingerichtet.")["Hunderte"]
    assert q.category == "arrested"


def test_quantities_negated_cue_and_nominal_festnahme():
    qs = _by_text("Der Lokführer erlitt einen Schock, drei weitere im Zug befindliche Personen wurden bei dem "
                  "Zusammenstoß nicht verletzt.")
    assert (qs["drei"].object, qs["drei"].category, qs["drei"].gkg_type) == ("Personen", "people", None)
    q = _by_text("Das Konsulat habe die Festnahme von drei Russen bestätigt.")["drei"]
    assert (q.category, q.gkg_type) == ("arrested", "ARREST")
    # "nicht lebensgefährlich verletzt" is still an injury; "die Verletzte" is still one person
    q = _by_text("Bei dem Unfall wurden zwei Radfahrer nicht lebensgefährlich verletzt.")["zwei"]
    assert q.category == "injured"


def test_quantities_action_nouns_give_the_outcome():
    q = _by_text("Das Land hatte bei einer Massenhinrichtung von 47 Menschen auch einen Geistlichen getötet.")["47"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    q = _by_text("Bei den Massenfestnahmen von 300 Oppositionellen kam es zu Gewalt.")["300"]
    assert (q.category, q.gkg_type) == ("arrested", "ARREST")
    # a compound whose head is not the action is no cue
    q = _by_text("Um den Preis konkurrieren acht Filme, darunter das Entführungsdrama Room.")["acht"]
    assert q.gkg_type is None
    # Wikinews (dev row x003): "weitere 929" with no known noun stay journalists
    qs = _by_text("Im Laufe des Jahres 2008 wurden 673 Journalisten festgenommen, weitere 929 erlitten Gewalt und 29 "
                  "waren Opfer von Entführungen.")
    assert qs["929"].category == qs["29"].category == "journalists"


def test_quantities_gkg_type_follows_the_outcome_not_the_class():
    # refugees and migrants are a class; only an outcome gives a GKG type (the guideline)
    q = _by_text("Bis zum Abend überquerten mehr als 5.000 Flüchtlinge die Grenze.")["mehr als 5.000"]
    assert (q.category, q.gkg_type) == ("refugees", None)
    q = _by_text("Vor der Küste ertranken mindestens 40 Migranten.")["mindestens 40"]
    assert (q.category, q.gkg_type) == ("migrants", "KILL")
    # bodies and victims count the dead; the class stays
    qs = _by_text("Ein Boot mit 300 Flüchtlingen und den Leichen von drei Migranten erreichte den Hafen.")
    assert (qs["drei"].category, qs["drei"].gkg_type) == ("migrants", "KILL")
    assert qs["300"].gkg_type is None
    q = _by_text("Unter den Opfern waren auch vier Kinder.")["vier"]
    assert (q.category, q.gkg_type) == ("children", "KILL")
    # "N Tote und M Gefangene": the fate of the dead is not shared with the prisoners
    qs = _by_text("Die Verluste lagen bei etwa 300 Toten und 900 Gefangenen.")
    assert qs["etwa 300"].gkg_type == "KILL" and qs["900"].gkg_type is None


def test_quantities_part_after_darunter_and_protest_setting_far_back():
    q = _by_text("Der Angriff erfolgte mit 80.000 Kämpfern, darunter 20.000 Peschmerga und Freiwillige.")["20.000"]
    assert q.category == "fighters"
    q = _by_text("Im Herbst erschossen Soldaten bei friedlichen, jedoch von der Regierung verbotenen Protesten "
                 "mehr als 300 Menschen.")["mehr als 300"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")


def test_quantities_cue_inside_a_relative_clause_yields_to_the_main_verb():
    # Wikinews (CC BY 2.5) sentence from a dev-split page
    q = _by_text("Als Kämpfer die Stadt Bentiu einnahmen, töteten sie mehrere hundert Zivilisten, die sich auf der "
                 "Flucht befanden, teilten die Vereinten Nationen mit.")["mehrere hundert"]
    assert (q.category, q.gkg_type) == ("civilians", "KILL")
    # alone, the relative clause still gives the outcome
    q = _by_text("Die Helfer versorgten 300 Menschen, die bei dem Beben verletzt worden waren.")["300"]
    assert q.category == "injured"


def test_quantities_nounless_count_with_its_own_verb_takes_no_earlier_fate():
    qs = _by_text("Die Division verlor 9.000 Tote und 20.000 Verwundete, 12.000 gerieten in Gefangenschaft.")
    assert qs["12.000"].gkg_type != "WOUND" and qs["12.000"].category != "injured"
    # "weitere" with its own cue keeps working
    qs = _by_text("Es gab 300 Tote, 200 weitere wurden verletzt.")
    assert qs["200"].category == "injured"


def test_quantities_in_custody_is_an_arrest_and_parties_are_no_people():
    q = _by_text("Damit sitzen nun sechs Männer wegen der Anschläge in Haft.")["sechs"]
    assert (q.category, q.gkg_type) == ("arrested", "ARREST")
    q = _by_text("Weltweit sitzen 59 Reporter im Gefängnis.")["59"]
    assert (q.category, q.gkg_type) == ("journalists", "ARREST")
    q = _by_text("Ohne die Stimmen der zwei großen Parteien hat das Kabinett keine Mehrheit.")["zwei"]
    assert q.category is None and q.gkg_type is None


def test_quantities_group_named_by_its_fate_action_nouns_need_von_and_wegfallen():
    q = _by_text("Der Premier, dessen Land dutzende Millionen Muslime zählt, wünschte den Verletzten rasche "
                 "Genesung.")["dutzende Millionen"]
    assert q.category == "people" and q.gkg_type is None
    # "unter den Toten" still gives the fate
    assert _by_text("Unter den Toten sind drei Kinder.")["drei"].gkg_type == "KILL"
    q = _by_text("Hinrichtungen sind in 31 der 50 Bundesstaaten erlaubt, ihre Zahl sinkt aber seit Jahren.")
    assert q["31"].gkg_type is None
    q = _by_text("Im Maschinenbau fielen 3000 Stellen weg, 1500 Beschäftigte wechselten in Auffanggesellschaften.")
    assert q["1500"].gkg_type is None and q["1500"].category == "employees"
    assert _by_text("Im Krieg fielen 2000 Soldaten.")["2000"].gkg_type == "KILL"


def test_quantities_predicative_opfer_counts_the_dead():
    # Wikinews (dev row x010)
    qs = _by_text("Im Mai 2006 wurden insgesamt 79 Soldaten Opfer des Krieges, darunter 57 US-Soldaten, neun "
                  "britische Soldaten sowie ein Soldat der italienischen Streitkräfte im Irak.")
    assert qs["79"].gkg_type == qs["57"].gkg_type == qs["neun"].gkg_type == "KILL"
    assert qs["79"].category == "soldiers"
    q = _by_text("Mehr als 300 Anleger wurden Opfer des Betrugs.")["Mehr als 300"]
    assert q.gkg_type is None


def test_quantities_the_disappeared_are_missing():
    q = _by_text("Die Kommission schätzte die Ermordeten und Verschwundenen damals auf etwa 9.000.")["etwa 9.000"]
    assert (q.category, q.gkg_type) == ("affected", "AFFECT")
    q = _by_text("Die Angehörigen der 43 verschwundenen Studenten protestierten erneut.")["43"]
    assert (q.category, q.gkg_type) == ("students", "AFFECT")
    # Wikinews (dev row l000): suspects who vanished into side streets are not missing people
    q = _by_text("Als verdächtig gelten zwei Männer, die nach der Tat in Nebenstraßen in der Nähe des Tatorts "
                 "verschwunden sein sollen.")["zwei"]
    assert q.category == "people"


def test_quantities_part_of_a_set_with_a_fate_after_unter_den():
    q = _by_text("Das Schiff sank vor der Küste (unter den 900 Opfern waren 120 Deutsche).")["120"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    q = _by_text("Unter den 30 Verletzten befinden sich vier Polizisten.")["vier"]
    assert (q.category, q.gkg_type) == ("police", "WOUND")


def test_quantities_murder_of_n_and_human_rights_activists():
    q = _by_text("Sie waren wegen Mordes an mindestens 17 Indios zu lebenslanger Haft verurteilt worden.")["mindestens 17"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    q = _by_text("Die Artikel beschrieben den Mord an 50 Menschen, die der Hexerei beschuldigt worden waren.")["50"]
    assert q.category == "killed"
    # Wikinews (dev row f029): the accused are not the victims
    q = _by_text("Wegen Mordes an einem Postbeamten vor 31 Jahren mussten sich drei Männer vor dem Landgericht "
                 "verantworten.")["drei"]
    assert q.category == "people"
    assert _by_text("Die Todesurteile gegen neun Menschenrechtler wurden bestätigt.")["neun"].category == "people"


def test_quantities_list_with_darunter_inserts_shares_the_final_verb():
    # GermEval 2014 (CC BY 4.0) sentence
    qs = _by_text("86 Passagiere, darunter mindestens 18 Frauen und vier Kinder, sowie 19 Besatzungsmitglieder, "
                  "darunter die beiden Stewardessen, starben durch die Katastrophe (insgesamt 105 Menschen).")
    assert (qs["86"].category, qs["86"].gkg_type) == ("killed", "KILL")
    assert qs["19"].category == "killed"


def test_quantities_guess_about_the_past_with_koennten_is_an_outcome():
    q = _by_text("Bei dem Beben könnten Hunderte Menschen ums Leben gekommen sein.")["Hunderte"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    q = _by_text("Dabei könnten bis zu 50 Menschen getötet worden sein.")["bis zu 50"]
    assert q.gkg_type == "KILL"
    # a possible future fate stays no outcome
    assert _by_text("Bis zu 1000 Menschen könnten obdachlos werden.")["Bis zu 1000"].gkg_type is None


def test_quantities_action_noun_with_genitive_count_is_a_cue():
    q = _by_text("Der Reeder trägt Schuld am Tod der 14 Passagiere des Schiffes.")["14"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    q = _by_text("Die Festnahme der mindestens drei Verdächtigen erfolgte am Montag.")["mindestens drei"]
    assert (q.category, q.gkg_type) == ("suspects", "ARREST")
    # a genitive noun that is not counted: the number later in the sentence takes no outcome
    q = _by_text("Nach dem Tod der Mutter kamen 3 Kinder in ein Heim.")["3"]
    assert q.gkg_type is None


def test_quantities_suicide_bombers_are_killed_warning_shots_are_not():
    q = _by_text("Am Abend sprengten sich vor dem Stadion drei Attentäter in die Luft.")["drei"]
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    assert _by_text("Die Soldaten gaben zwei Warnschüsse in die Luft ab.")["zwei"].gkg_type is None


def test_quantities_singular_fate_nouns_in_a_headline():
    qs = extract("Update: 1 Toter, 1 Schwerverletzter nach einem Unfall bei Rostock.")
    assert [(q.value, q.category) for q in qs] == [(1.0, "killed"), (1.0, "injured")]


def test_quantities_gapped_second_count_shares_the_verb():
    q = _by_text("Bei Fluten starben in Ohio mindestens sechs Menschen und in Indiana vier, meldeten Behörden.")["vier"]
    assert q.category == "killed"


def test_quantities_protesting_crowd_of_hundreds_is_a_protest():
    q = _by_text("Gegen die protestierende Menge von Hunderten von Studenten setzte die Polizei Tränengas ein.")
    assert q["Hunderten"].gkg_type == "PROTEST"


def test_quantities_dutzende_menschen_verletzt_are_injured():
    q = _by_text("Dutzende Menschen wurden in der am schwersten betroffenen Stadt verletzt.")["Dutzende"]
    assert q.category == "injured"


# --- round 8 (WikiANN CC BY-SA by gold row id; the WikiWarsDE patterns on our own sentences) ---------------------


def test_quantities_captivity_is_an_arrest_and_the_class_before_a_fate_noun_carries_on():
    q = _by_text("Etwa 40.000 Soldaten waren in Gefangenschaft geraten.")["Etwa 40.000"]
    assert (q.category, q.gkg_type) == ("soldiers", "ARREST")
    qs = _by_text("Die Armee verlor 3.000 Soldaten, 5.000 Verwundete wurden gezählt, 2.000 gerieten in Gefangenschaft.")
    assert (qs["3.000"].category, qs["3.000"].gkg_type) == ("soldiers", None)
    assert (qs["5.000"].category, qs["5.000"].gkg_type) == ("injured", "WOUND")
    assert (qs["2.000"].category, qs["2.000"].gkg_type) == ("soldiers", "ARREST")


def test_quantities_routing_an_enemy_is_no_displacement():
    q = _by_text("Es gelang ihm, die etwa 3.000 Reiter in die Flucht zu schlagen.")["etwa 3.000"]
    assert q.gkg_type is None
    q = _by_text("Etwa 3.000 Menschen sind in die Flucht getrieben worden.")["Etwa 3.000"]
    assert q.gkg_type is None
    q = _by_text("Mehr als 3.000 Menschen begaben sich in die Flucht.")["Mehr als 3.000"]
    assert (q.category, q.gkg_type) == ("displaced", "AFFECT")


def test_quantities_doers_of_a_passive_clause_take_no_fate():
    from test_quantities_numbers import _gold_text

    q = _by_text(_gold_text("Kd014"))["zwei"]  # "Er wurde von zwei Schützen … ermordet."
    assert (q.category, q.gkg_type) == ("people", None)
    q = _by_text("Die Leiche von drei Männern wurde gefunden, die getötet worden waren.")["drei"]
    assert q.gkg_type == "KILL"


def test_quantities_ihr_leben_lassen_is_killed():
    from test_quantities_numbers import _gold_text

    q = _by_text(_gold_text("Ke015"))["450"]  # "450 Frauen und Männer …, die … ihr Leben ließen"
    assert (q.category, q.gkg_type) == ("killed", "KILL")


def test_quantities_verb_before_the_count_and_ihr_leben_after_it_is_killed():
    from test_quantities_numbers import _gold_text

    qs = _by_text(_gold_text("Kf018"))  # "Dabei verloren 52 Menschen ihr Leben und nur zwei konnten sich … retten."
    assert (qs["52"].category, qs["52"].gkg_type) == ("killed", "KILL")
    assert qs["zwei"].gkg_type is None  # the survivors after "ihr Leben" are another clause
    q = _by_text("Bei dem Unglück verloren mindestens 14 Bergleute ihr Leben.")["mindestens 14"]
    assert q.gkg_type == "KILL"
    assert _by_text("Sie verloren 3 Spiele und ihr Leben ging weiter.")["3"].gkg_type is None


def test_quantities_generic_part_in_brackets_takes_the_fate_and_survivors_none():
    # GermEval 2014 (CC BY 4.0) pattern: "Es gab 79 Tote (darunter elf Passagiere) und 20 Überlebende."
    qs = _by_text("Es gab 79 Tote (darunter elf Passagiere) und 20 Überlebende.")
    assert (qs["elf"].category, qs["elf"].gkg_type) == ("killed", "KILL")
    assert (qs["20"].category, qs["20"].gkg_type) == ("people", None)
    qs = _by_text("Es gab 79 Tote, darunter elf Passagiere, und 20 Überlebende.")
    assert (qs["20"].category, qs["20"].gkg_type) == ("people", None)
    q = _by_text("Bei dem Unglück starben 79 Menschen (darunter elf Kinder).")["elf"]
    assert (q.category, q.gkg_type) == ("children", "KILL")


def test_quantities_list_item_with_a_qualifier_still_shares_the_final_verb():
    qs = _by_text("Demnach wurden 14 Rebellen, mindestens sieben Zivilisten und acht Soldaten getötet.")
    assert [(qs[k].category, qs[k].gkg_type) for k in ("14", "mindestens sieben", "acht")] == [
        ("fighters", "KILL"), ("civilians", "KILL"), ("soldiers", "KILL")]

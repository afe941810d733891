"""Quantities: German number formats, qualifiers, counted objects and GKG types.

Sentences marked "Wikinews" are from German Wikinews (CC BY 2.5, page id given).
"""

from __future__ import annotations

import pytest

from lagebild.doc import Doc
from lagebild.quantities import QuantityStage, extract, find_quantities
from lagebild.records import Article, TimeExpression, content_id
from lagebild.segment import SegmentStage


def _doc(text: str) -> Doc:
    return SegmentStage()(Doc(Article(id=content_id(text), text=text, language="de")))


def _by_text(text: str) -> dict[str, object]:
    qs = extract(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.object_start is not None:
            assert text[q.object_start:q.object_end] == q.object
    return {q.text: q for q in qs}


def _one(text: str, surface: str):
    hits = [q for q in extract(text) if q.text == surface]
    assert hits, f"{surface!r} not found in {[q.text for q in extract(text)]}"
    return hits[0]


def test_quantities_issue_example_almost_civilians():
    q = _one("Bei den Angriffen auf die Stadt wurden knapp 2.000 Zivilisten getötet.", "knapp 2.000")
    assert (q.value, q.qualifier, q.object, q.category, q.gkg_type) == (2000, "almost", "Zivilisten", "civilians", "KILL")


def test_quantities_kill_and_missing_from_predicate():
    # Wikinews 93390
    text = ("Mindestens 81 Menschen wurden in Japan durch die Auswirkungen schwerer Unwetter getötet "
            "und mindestens 56 weitere werden noch vermisst.")
    a, b = extract(text)
    assert (a.value, a.qualifier, a.category, a.gkg_type) == (81, "at_least", "killed", "KILL")
    assert (b.value, b.qualifier, b.category, b.gkg_type) == (56, "at_least", "missing", "AFFECT")


def test_quantities_two_counts_one_sentence_get_their_own_predicate():
    a, b = extract("Zwei Menschen wurden getötet und drei verletzt.")
    assert (a.value, a.gkg_type) == (2, "KILL")
    assert (b.value, b.gkg_type, b.category) == (3, "WOUND", "injured")


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier"),
    [
        ("Durch die Überschwemmungen kamen 900 Menschen ums Leben, zehntausende Menschen befinden sich auf der Flucht.",
         "zehntausende", 20000, "at_least"),
        ("Mehrere hunderttausend Menschen haben in Teheran gegen das Ergebnis der Präsidentenwahl demonstriert.",
         "Mehrere hunderttausend", 200000, "at_least"),
        ("178 Menschen wurden verletzt, drei Dutzend Verletzte wurden mit Militärhubschraubern ausgeflogen.",
         "drei Dutzend", 36, None),
        ("Über tausend Menschen sind seit 2004 in Südthailand getötet worden.", "Über tausend", 1000, "more_than"),
        ("Den Börsenwert des Unternehmens beziffert der „Focus“ auf 17 Milliarden Euro.", "17 Milliarden Euro", 17e9, None),
        ("Der Schaden beträgt rund 2,5 Millionen Euro.", "rund 2,5 Millionen Euro", 2.5e6, "about"),
        ("Dabei wurden bis zu 50 Menschen verletzt.", "bis zu 50", 50, "up_to"),
        ("Auf dem Platz versammelten sich mehr als 300 Demonstranten.", "mehr als 300", 300, "more_than"),
        ("Dreihundertfünfzig Häuser wurden zerstört.", "Dreihundertfünfzig", 350, None),
        ("Der Umbau des Bahnhofs kostet 3 Mill. Euro.", "3 Mill. Euro", 3e6, None),
    ],
)
def test_quantities_number_formats(text, surface, value, qualifier):
    q = _one(text, surface)
    assert q.value == pytest.approx(value)
    assert q.qualifier == qualifier


def test_quantities_range_and_units():
    # Wikinews 22011 / 62528
    q = _one("20 bis 25 Menschen wurden bei dem Unglück verletzt, eben so viele sind noch vermisst.", "20 bis 25")
    assert (q.value, q.value_max, q.gkg_type) == (20, 25, "WOUND")
    q = _one("Mit 46,7 Prozent der Stimmen hat Mitt Romney die Vorwahl in Illinois für sich entschieden.", "46,7 Prozent")
    assert (q.value, q.unit, q.category) == (46.7, "percent", "percent")


def test_quantities_fraction_of_population():
    q = _one("Ein Drittel der Bevölkerung ist von der Dürre betroffen.", "Ein Drittel")
    assert q.value == pytest.approx(1 / 3, rel=1e-6)
    assert (q.unit, q.object, q.gkg_type) == ("fraction", "Bevölkerung", "AFFECT")


@pytest.mark.parametrize(
    "text",
    [
        "Sein straffällig gewordener Vater wurde 2000 verhaftet und ließ den Jungen zurück.",  # Wikinews: year
        "Die Feuerwehr konnte heute Morgen um fünf Uhr abrücken.",  # clock time
        "Vor einem Jahr - am 7. Mai 2014 wurde Rashid Rehman erschossen.",  # date
        "Am Ostersonntag wurde ein 74-jähriger Mann getötet.",  # age
        "Da die Herstellung des Impf-Virus drei bis sechs Monate dauert, legen viele Länder Vorräte an.",  # duration
        "Nach Artikel 65 des Grundgesetzes bestimmt der Bundeskanzler die Richtlinien der Politik.",  # label
        "Das Spiel endete 2:1.",
    ],
)
def test_quantities_skip_years_dates_times_ages_labels(text):
    assert extract(text) == []


def test_quantities_respect_time_spans():
    text = "Drei Tage lang dauerten die Kämpfe, 40 Menschen starben."
    doc = _doc(text)
    doc.times = [TimeExpression(0, 9, "Drei Tage", "DURATION")]
    qs = find_quantities(doc)
    assert [q.text for q in qs] == ["40"]


def test_quantities_count_at_sentence_end():
    (q,) = extract("Die Zahl der Toten stieg auf 45.")
    assert (q.text, q.value, q.object, q.gkg_type) == ("45", 45, "Toten", "KILL")


def test_quantities_stage_contract_and_offsets():
    stage = QuantityStage()
    assert (stage.name, stage.requires, stage.assigns) == ("quantities", ("tokens", "sentences"), ("quantities",))
    from lagebild.evaluation.counts import load_gold

    for item in load_gold():
        doc = stage(_doc(item["text"]))
        for q in doc.quantities:
            assert doc.text[q.start:q.end] == q.text
            if q.object is not None:
                assert doc.text[q.object_start:q.object_end] == q.object


def test_quantities_gold_offsets_are_exact():
    from lagebild.evaluation.counts import load_gold

    gold = load_gold()
    assert len(gold) >= 100 and sum(len(g["quantities"]) for g in gold) >= 100
    for item in gold:
        for q in item["quantities"]:
            assert item["text"][q["start"]:q["end"]] == q["text"]
            if q["object"]:
                assert item["text"][q["object_start"]:q["object_end"]] == q["object"]


def test_quantities_dative_plural_noun_is_people():
    # Wikinews 68853 (2011-06-27)
    q = _one("Eine 20-jährige türkische Schülerin hatte seit geraumer Zeit Beziehungen zu zwei Männern.", "zwei")
    assert (q.object, q.category, q.gkg_type) == ("Männern", "people", None)


def test_quantities_inflected_compound_heads():
    # Wikinews 5248 (2005-05-07): dative plural of a compound ("Besatzungsmitglieder" + n)
    a, b = extract("Andere Medien berichten von 13 Passagieren und zwei Besatzungsmitgliedern.")
    assert (a.category, b.category) == ("passengers", "crew")


def test_quantities_nounless_counts_repeat_the_class_before():
    # Wikinews 80634 (2017-03-09)
    text = ("Am Mittwoch starben 22 Mädchen im Alter von 14 bis 17 Jahre bei einem Brand im "
            "Mariä-Himmelfahrt-Waisenhaus bei Guatemala-Stadt, 19 davon noch am Brandort, drei etwas später "
            "in Krankenhäusern.")
    qs = extract(text)
    assert [(q.text, q.category, q.gkg_type) for q in qs] == [
        ("22", "children", "KILL"), ("19", "children", "KILL"), ("drei", "children", "KILL")]


def test_quantities_count_after_die_zahl_repeats_the_class():
    # Wikinews 82348 (2018-03-20)
    text = ("In Urbach bei Schorndorf etwa boomen die Anmeldezahlen seit der Umstellung zur Gemeinschaftsschule, "
            "von 466 Schülerinnen und Schülern im Jahr 413 ist die Zahl jetzt auf 533 gestiegen.")
    q = _one(text, "533")
    assert q.category == "children"


def test_quantities_list_of_ages_is_not_a_count():
    # Wikinews 54074 (2008-11-16)
    text = ("Wegen Mordes an einem Postbeamten vor 31 Jahren mussten sich drei Männer im Alter von inzwischen "
            "58, 60 und 65 Jahren vor dem Landgericht in Osnabrück verantworten.")
    assert [q.text for q in extract(text)] == ["drei"]


def test_quantities_animals_take_no_people_outcome():
    # Wikinews 14002 (2005-10-16)
    (q,) = extract("Tausende Vögel werden dort getötet, um eine weitere Ausbreitung des Virus zu unterbinden.")
    assert (q.value, q.qualifier, q.category, q.gkg_type) == (2000, "at_least", None, None)


def test_quantities_negated_count_takes_no_outcome():
    # Wikinews 44953 (2007-10-19)
    q = _one("Bis auf ein 15-jähriges Mädchen wurde keiner der 30 Insassen des Zuges verletzt.", "30")
    assert (q.category, q.gkg_type) == ("people", None)


def test_quantities_weitere_repeats_the_outcome_before():
    # Wikinews 80698 (2017-03-17)
    text = ("Bei einer Schießerei in einem Gymnasium in Grasse gegen 13 Uhr in Südostfrankreich sind nach Angaben "
            "von AFP und Reuters vier Menschen durch Schüsse verletzt worden, weitere zehn auf der Flucht.")
    q = _one(text, "zehn")
    assert (q.category, q.gkg_type) == ("injured", "WOUND")


def test_quantities_unknown_group_noun_guessed_as_people():
    from lagebild.quantities import _object_category, lexicon

    lex = lexicon()
    assert _object_category("Vietnamesen", lex) == ("people", None)
    # refugees are a class; the GKG type comes from an outcome only (round 5, the guideline and the gold rows)
    assert _object_category("Bürgerkriegsflüchtlingen", lex) == ("refugees", None)
    assert _object_category("Instrumenten", lex) is None  # -menten is not a group of people


def test_quantities_eval_smoke_floors():
    """Pinned floors a bit under the measured figures (dev 0.990 after round 5; held-out test 0.887 in round 4)."""
    from lagebild.evaluation.counts import evaluate, load_gold

    gold = load_gold()
    dev = evaluate([g for g in gold if g["split"] == "dev"])
    test = evaluate([g for g in gold if g["split"] == "test"])
    assert dev["strict"]["f1"] >= 0.98
    assert test["strict"]["f1"] >= TEST_FLOOR


TEST_FLOOR = 0.87  # held-out run (e, m, n, p; 144 statements) gave 0.887 (docs/evaluation/counts.md, round 4)


# --- round 3: rules found on dev batches o, q, r (Wikinews, CC BY 2.5, page ids given) ---


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        # Wikinews 68080 / 1034 / 84585: "gegen" governed by a noun or a number is "against", not "about"
        ("Die EU hatte am Dienstag ein Einreiseverbot gegen 13 ranghohe Syrer verhängt.", "13", None),
        ("Ein Richter am Bundesgerichtshof hat Haftbefehl gegen drei Iraker erlassen.", "drei", None),
        ("Am Abend versammelten sich gegen 300 Menschen vor dem Rathaus.", "gegen 300", "about"),
        # dev r036: "verfügt über" is the verb's preposition
        ("Ron Paul verfügt über 50 Delegiertenstimmen.", "50 Delegiertenstimmen", None),
        # dev o026: a written qualifier outranks the vague plural's own at_least
        ("General Soleimani und seine Quds-Einheit waren für den Tod von hunderten Amerikanern und "
         "Koalitionsangehörigen und mehr als tausende Verletzte verantwortlich.", "mehr als tausende", "more_than"),
    ],
)
def test_quantities_governed_preposition_is_not_a_qualifier(text, surface, qualifier):
    assert _one(text, surface).qualifier == qualifier


def test_quantities_death_noun_and_not_survived_give_kill():
    q = _one("General Soleimani und seine Quds-Einheit waren für den Tod von hunderten Amerikanern und "
             "Koalitionsangehörigen und mehr als tausende Verletzte verantwortlich.", "hunderten")
    assert (q.value, q.category, q.gkg_type) == (200, "killed", "KILL")
    q = _one("An Bord befanden sich zwei männliche Personen, beide haben den Absturz nicht überlebt.", "zwei")
    assert (q.category, q.gkg_type) == ("killed", "KILL")


@pytest.mark.parametrize(
    ("text", "surface", "value", "category"),
    [
        ("1,4881 Dollar zahlt man für einen Euro.", "einen Euro", 1, "money"),  # dev q007
        ("Hieß es zunächst noch, dass die Fahrgäste an den Unfällen selber Schuld seien, wird nun eine halbe Million "
         "Euro in die Sicherheit dieser Türen investiert.", "eine halbe Million Euro", 5e5, "money"),  # Wikinews 54568
        ("Die Fracht hatte ein Gesamtgewicht von zweieinhalb Tonnen.", "zweieinhalb Tonnen", 2.5, "weight"),  # 6506
        ("Der Reingewinn erhöhte sich im Vergleich zum Vorjahreszeitraum um 53 % auf 291,6 Millionen US$, was "
         "umgerechnet 21 Cent pro Aktie entspricht.", "291,6 Millionen US$", 291.6e6, "money"),  # dev o035
        ("In dem Rechtsstreit geht es um Grundstücke von ca. 6,8 Millionen Quadratmetern.",
         "ca. 6,8 Millionen Quadratmetern", 6.8e6, "area"),  # dev q008
        ("Die Regierung verfügt noch über eine Mehrheit von sechs Sitzen im Parlament.", "sechs Sitzen", 6, "seats"),
        ("Am Freitag haben nach Angaben der Deutschen Post 1,3 Millionen deutsche Bundesbürger ein kostenloses Paket "
         "verschickt.", "1,3 Millionen", 1.3e6, "people"),  # dev o022: a multiplier after a name is no label
    ],
)
def test_quantities_units_halves_and_ein_before_a_unit(text, surface, value, category):
    q = _one(text, surface)
    assert q.value == pytest.approx(value)
    assert q.category == category


def test_quantities_half_durations_and_bracketed_ages_are_not_counts():
    assert extract("Das 39-jährige Opfer hatte sich vor zweieinhalb Jahren vor ihrem Ehemann getrennt.") == []
    text = ("Giesel (35), Gymnasialreferendar, wurde zu seinem Stellvertreter sowie die Studentin Velda Schultz (22), "
            "früher ebenfalls bei der GAL aktiv, zur Beisitzerin.")  # dev o013
    assert extract(text) == []


def test_quantities_size_attribute_takes_no_outcome():
    # dev j029: the town's 30,000 inhabitants were not evacuated, 100 of them were
    text = ("Aufgrund des Gefahrenpotentials mussten 100 Einwohner der 30.000 Einwohner zählenden Stadt über zwei Tage "
            "hinweg evakuiert werden.")
    a, b = extract(text)
    assert (a.category, a.gkg_type) == ("displaced", "AFFECT")
    assert (b.category, b.gkg_type) == ("residents", None)


def test_quantities_protest_and_refuge_cues_event_nouns():
    q = _one("Ein Schweigemarsch führte dort am Samstag in der Spitze 9000 Teilnehmer vom alten Messplatz über den "
             "Neckar durch das Zentrum der Quadratestadt.", "9000")  # dev r022
    assert (q.category, q.gkg_type) == ("protesters", "PROTEST")
    q = _one("In etwa 40 Camps suchen bis zu 70.000 Menschen Zuflucht.", "bis zu 70.000")  # dev r023
    assert (q.category, q.gkg_type) == ("displaced", "AFFECT")
    q = _one("Bei bundesweit fünf Demonstrationen in Berlin, Mannheim, Leipzig, Essen und Hamburg, haben heute mehrere "
             "tausend Studierende gegen die Einführung von Studiengebühren demonstriert.", "fünf")  # dev r026
    assert (q.category, q.gkg_type) == (None, None)


def test_quantities_far_cue_needs_a_known_noun():
    text = ("Betroffen ist der Auftritt eines neunjährigen Mädchens, dessen als live dargestellter Gesang nur Playback "
            "gewesen sein soll, sowie ein aufwendiges Feuerwerk aus 29 Fußstapfen, welche teilweise computeranimiert "
            "waren.")  # dev o008
    assert _one(text, "29").gkg_type is None


def test_quantities_separable_umkommen_and_relative_clause_before_the_verb():
    q = _one("1931 kamen durch das Napier-Erdbeben 256 Menschen um und die Städte Napier und Hastings wurden dem "
             "Erdboden gleichgemacht.", "256")  # dev s006
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    text = ("Zwei Männer, Mohammed Resa Ali Samani und Arasch Rahmani Pur (19), die im Oktober von einem iranischen "
            "Gericht zum Tod durch den Strang verurteilt worden waren, wurden heute als „Feinde Gottes“, so die "
            "offizielle iranische Sprachregelung laut der Nachrichtenagentur ISNA, hingerichtet.")  # dev r004
    assert [(q.text, q.category, q.gkg_type) for q in extract(text)] == [("Zwei", "killed", "KILL")]


def test_quantities_person_noun_is_no_cue_for_another_count():
    q = _one("Dort hatten sich neben 30 bis 50 Anhängern der Partei auch zahlreiche Gegendemonstranten eingefunden.",
             "30 bis 50")  # dev s019
    assert (q.value, q.value_max, q.category, q.gkg_type) == (30, 50, "supporters", None)


@pytest.mark.parametrize(
    ("text", "surface", "value", "category"),
    [
        ("Die Etappe war 228.5 Kilometer lang.", "228.5 Kilometer", 228.5, "distance"),  # dev s030
        ("Gemessen am Bruttoinlandsprodukt beträgt die Neuverschuldung 2007 noch 1,7 %, was ein effektives "
         "Dreijahresdefizit von +1,0 % bedeutet.", "+1,0 %", 1.0, "percent"),  # dev s048
        ("Wasserfluten und Erdrutsche wurden durch den tropischen Sturm ausgelöst, der mit einer Geschwindigkeit von "
         "bis zu 120 Kilometern pro Stunde über die Inseln zog.", "bis zu 120 Kilometern pro Stunde", 120, "speed"),
        ("Die andere Hälfte wird auf Nährstoffboden in einem Brutkasten herangezogen.", "Hälfte", 0.5, None),  # s040
    ],
)
def test_quantities_decimal_point_signs_speed_and_half(text, surface, value, category):
    q = _one(text, surface)
    assert q.value == pytest.approx(value)
    assert q.category == category


@pytest.mark.parametrize(
    "text",
    [
        "1899 Hoffenheim rutscht auf Tabellenplatz acht ab und der SC Freiburg steigt auf den vierten Tabellenplatz auf.",
        # Wikinews 6506: a hyphen-free or hyphenated name before the number is a label
        "Der Vorgang wurde manuell von Sergei Krikaljow, dem Commander der ISS Expedition 11, gesteuert.",
        "Der Vorgang wurde manuell von Sergei Krikaljow, dem Commander der ISS-Expedition 11, gesteuert.",
        "Das Spiel endete 2 : 1.",
    ],
)
def test_quantities_compound_labels_and_spaced_scores_are_not_counts(text):
    assert extract(text) == []


def test_quantities_measure_unit_not_repeated_across_nouns():
    text = ("Das Erdbeben ereignete sich 15 Kilometer südwestlich der haitianischen Hauptstadt Port-au-Prince mit "
            "einer Stärke von 7,0 auf der Momenten-Magnituden-Skala in einer Tiefe von etwa 10 Kilometern.")  # s021
    assert _one(text, "7,0").category is None
    assert _one(text, "etwa 10 Kilometern").category == "distance"


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_max", "category"),
    [
        ("Nur ein bis zwei Krankenschwestern stünden durchschnittlich für eine Station mit 60 Säuglingsbetten zur "
         "Verfügung.", "ein bis zwei", 1, 2, "medics"),  # dev t047
        ("Bei der Versuchsgruppe handelte es sich um Personen, die zwischen einer und vier Zigaretten täglich geraucht "
         "haben.", "zwischen einer und vier", 1, 4, None),  # dev t021
        ("Das entspricht zwei Dritteln der gesamten Einnahmen der Palästinensischen Autonomiebehörde.", "zwei Dritteln",
         2 / 3, None, None),  # dev t038
        ("Es gab zwei Enthaltungen und 73 Gegenstimmen.", "zwei Enthaltungen", 2, None, "votes"),  # dev t032
        ("Australien stellt mit insgesamt 1.800 am Einsatz beteiligten Männern die Mehrheit der Eingreiftruppe.",
         "1.800", 1800, None, "people"),  # dev t009
    ],
)
def test_quantities_ranges_from_ein_dative_fractions_attribute_phrases(text, surface, value, value_max, category):
    q = _one(text, surface)
    assert q.value == pytest.approx(value)
    assert q.value_max == value_max
    assert q.category == category


def test_quantities_magnitude_after_staerke_is_a_measure():
    text = ("Bei einem Erdbeben der Stärke 6 mit Epizentrum in San Felice sul Panaro sind sechs Personen ums Leben "
            "gekommen und mindestens fünfzig verletzt worden.")  # dev t004
    assert [(q.text, q.category) for q in extract(text)] == [
        ("6", None), ("sechs", "killed"), ("mindestens fünfzig", "injured")]


def test_quantities_attribute_phrase_after_a_name_and_own_clause():
    text = ("Seit der Wiedereinführung der Todesstrafe in den Vereinigten Staaten 1976 wurden in Illinois 12 zum Tode "
            "verurteilte Menschen hingerichtet, 20 wurden freigesprochen.")  # dev u010
    assert [(q.text, q.category, q.gkg_type) for q in extract(text)] == [
        ("12", "killed", "KILL"), ("20", "people", None)]


def test_quantities_qualifier_before_a_leading_currency():
    q = _one("Im vergangenen Jahr waren es etwa US $ 42.000 (rund 29.000 €) gewesen.", "etwa US $ 42.000")  # dev u037
    assert (q.value, q.qualifier, q.category) == (42000, "about", "money")


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "category", "gkg_type"),
    [
        ("Zivilisten, unter ihnen mehrere Frauen und sechs Kinder, wurden in zwei oder mehr Häusern getötet sowie "
         "fünf Männer, die neben einem Taxistand warteten.", "zwei oder mehr", "at_least", "buildings", None),  # v006
        # dev v008: the cue closes a clause of its own before the comma
        ("Da die Flugbegleiter es für sinnvoll hielten, die Passagiere zu evakuieren, erteilten sie den 140 Menschen "
         "an Bord den Befehl, das Flugzeug über Notrutschen zu verlassen.", "140", None, "people", None),
        ("Die thailändische Armee setzte zwei Fregatten und einen Flugzeugträger zur Evakuierung der Touristen ein.",
         "zwei", None, "vessels", None),  # dev v019
        ("Von den 101 Fahrerinnen kamen nur 54 ins Ziel.", "54", None, "people", None),  # dev v044
        ("Der Abstand zur Grenze hätte demnach 1,7 Seemeilen, (3,1 KM) betragen.", "1,7 Seemeilen", None, "distance",
         None),  # dev v033
    ],
)
def test_quantities_oder_mehr_clause_final_cue_and_lexicon(text, surface, qualifier, category, gkg_type):
    q = _one(text, surface)
    assert (q.qualifier, q.category, q.gkg_type) == (qualifier, category, gkg_type)


def test_quantities_hostage_phrase_infinitive_risk_and_zloty():
    q = _one("Bei einem bewaffneten Angriff auf das US-amerikanische Konsulat in Dschidda sind angeblich etwa 18 "
             "Personen in die Hände arabischer Terroristen geraten.", "etwa 18")  # dev w006
    assert (q.category, q.gkg_type) == ("kidnapped", "KIDNAP")
    q = _one("Nach einer norwegischen Studie wird auch durch das Rauchen von einer bis vier Zigaretten täglich das "
             "Risiko verdreifacht, an einer Erkrankung des Herzens zu sterben.", "einer bis vier")  # dev w011
    assert (q.value, q.value_max, q.category) == (1, 4, None)
    q = _one("Die polnische Regierung plane für die Hochwassergeschädigten ein Unterstützungsprogramm von zwei "
             "Milliarden Złoty (etwa 500 Millionen Euro).", "zwei Milliarden Złoty")  # dev w032
    assert (q.value, q.category) == (2e9, "money")


def test_quantities_quoted_number_name_and_far_zahl_der():
    text = "In der Nacht auf Sonntag starben bei einem Brand in dem Nachtclub „911“ in Moskau zehn Besucher."  # x004
    assert [(q.text, q.category, q.gkg_type) for q in extract(text)] == [("zehn", "killed", "KILL")]
    text = ("Nach Angaben der Gesundheitsbehörden in Gaza (Stadt) beläuft sich die Zahl der Toten durch die israelischen "
            "Luftangriffe der Operation „Cast Lead“ („gegossenes Blei“) inzwischen auf insgesamt 384, darunter laut "
            "UNO-Angaben 62 Zivilisten.")  # dev x047
    a, b = extract(text)
    assert (a.value, a.category, a.gkg_type) == (384, "killed", "KILL")
    assert (b.value, b.category, b.gkg_type) == (62, "civilians", "KILL")


def test_quantities_genitive_police_mixed_fates_and_harmed_classes():
    text = ("Ein geplanter Aufmarsch löste in Bremen einen Polizeieinsatz von rund 2.500 Einsatzkräften der Polizei aus, "
            "1.600 davon kamen aus anderen Bundesländern.")  # dev x009
    assert [q.category for q in extract(text)] == ["police", "police"]
    q = _one("Etwa drei Millionen Menschen sind verletzt oder obdachlos.", "Etwa drei Millionen")  # dev x011
    assert (q.category, q.gkg_type) == ("affected", "AFFECT")
    text = ("Ein Selbstmordattentäter tötete bei einem Anschlag in Raschidin auf einen Buskonvoi mindestens 126 Menschen, "
            "darunter 68 Kinder und 13 Frauen.")  # dev w014
    assert [(q.category, q.gkg_type) for q in extract(text)] == [
        ("killed", "KILL"), ("children", "KILL"), ("women", "KILL")]
    q = _one("Nun hieß es, zehn Demonstranten seien getötet worden.", "zehn")
    assert (q.category, q.gkg_type) == ("protesters", "KILL")


@pytest.mark.parametrize(
    ("text", "surface", "value", "category"),
    [
        ("Die australische Luftwaffe ist mit vier Black Hawk Hubschraubern und der HMAS Manoora vor Ort.", "vier", 4,
         "aircraft"),  # dev y002
        ("Die Fatah erhielt 45 (34,1 Prozent) Sitze, der Rest verteilt sich unter kleineren Parteien.", "45", 45,
         "seats"),  # dev y043
        ("Die Fatah erhielt 45 (34,1 Prozent) Sitze, der Rest verteilt sich unter kleineren Parteien.", "34,1 Prozent",
         34.1, "percent"),
        ("1997: 24,2 %) Schweizerische Volkspartei: 17.76 % Sitze 4", "17.76 %", 17.76, "percent"),  # dev y054
        ("Dort wurde in der Nacht zum Samstag gegen 1:30 Uhr ein Passant von vier Unbekannten angesprochen.", "vier", 4,
         "people"),  # dev y048
    ],
)
def test_quantities_type_names_brackets_and_more_nouns(text, surface, value, category):
    q = _one(text, surface)
    assert q.value == pytest.approx(value)
    assert q.category == category


def test_quantities_further_count_keeps_its_own_cue_and_victim_phrases():
    text = ("Bei einer Bruchlandung eines Passagierflugzeugs auf dem Flughafen der ukrainischen Stadt Donezk sind am "
            "Mittwochabend mindestens fünf Menschen getötet, weitere zwölf verletzt worden.")  # dev z015
    assert [(q.category, q.gkg_type) for q in extract(text)] == [("killed", "KILL"), ("injured", "WOUND")]
    q = _one("Die Serie von Morden hat in London schon 17 Opfer gefordert.", "17")  # after dev z014
    assert (q.category, q.gkg_type) == ("killed", "KILL")
    text = ("Die japanischen Behörden haben 3,6 Millionen Einwohner von 18 Präfekturen aufgefordert, ihre Häuser zu "
            "verlassen.")  # dev z031
    assert [(q.text, q.category) for q in extract(text)] == [("3,6 Millionen", "displaced"), ("18", None)]


def test_quantities_speed_per_second_singular_peso_and_probanden():
    text = ("Als Lichtjahr bezeichnet man die Strecke, die ein Lichtstrahl (bei einer Geschwindigkeit von rund 300.000 "
            "Kilometern pro Sekunde) in einem Jahr zurücklegt.")  # dev B015
    q = _one(text, "rund 300.000 Kilometern pro Sekunde")
    assert (q.unit, q.category) == ("km/s", "speed")
    q = _one("Die Stadtverwaltung will die letzten Besitzer eines VW-Käfertaxi mit einem Kredit von 15.000 Peso (890 "
             "Euro) unterstützten.", "15.000 Peso")  # dev B009
    assert q.category == "money"
    # dev B041; test subjects are participants (the guideline: Teilnehmer), relabelled in session 14
    assert _one("An der Studie nahmen 132 Probanden teil.", "132").category == "participants"

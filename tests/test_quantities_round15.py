"""Count rules of session 14 (round 15): error classes that recur across several dev sets, fixed by general rules.

Sentences from CC BY / CC BY-SA sources are quoted with their gold id (WikiANN German: CC BY-SA; UD German GSD:
CC BY-SA 4.0; Wikinews: CC BY 2.5; SmartData and GermEval 2014: CC BY 4.0); constructions seen in 10kGNAD
(CC BY-NC-SA) are tested on our own sentences. Every test here fails on the session's start code (42400a5).
"""

from __future__ import annotations

from test_quantities import _by_text


def _q(text: str) -> dict[str, tuple[float, str | None, str | None, str | None]]:
    return {k: (q.value, q.qualifier, q.category, q.gkg_type)  # type: ignore[attr-defined]
            for k, q in _by_text(text).items()}


def test_quantities_beamte_are_police_only_in_a_police_scene():
    # 10kGNAD De025, Dd014, Dl016 and round-13 Ye010 label bare Beamte without police context employees (the
    # round-6 guideline); our own sentences of that shape:
    assert _q("Zeitungen berichten von 80 Beamten am Wiener Westbahnhof.")["80"][2] == "employees"
    assert _q("Bisher sind 120 ausländische Beamte nach Slowenien gekommen.")["120"][2] == "employees"
    # UD GSD Ua038: the sentence names the police and demonstrators
    q = _q("Hunderte Beamte drängten die Demonstranten zum Teil mit ``unmittelbarem Zwang'', wie die Polizei "
           "mitteilte, und teils gezücktem Knüppel vom Ort der Begrüßungszeremonie nahe der Münchner Residenz in eine "
           "Seitenstraße ab.")
    assert q["Hunderte"][2] == "police"
    # Wikinews d034: harmed officers are police
    assert _q("Ursprünglich war von etwa 30 - 50 schwer verletzten Beamten die Rede.")["etwa 30 - 50"][2:] == (
        "police", "WOUND")


def test_quantities_probanden_are_participants():
    # WikiANN (round-14 Zj024) and 10kGNAD Dg010 label test subjects participants (the guideline: Teilnehmer)
    q = _q("Nur 76 % der 30 Probanden nahm die zweite Maschine spätestens 5 Sekunden vor der Kollision wahr, und von "
           "diesen erkannten nur drei den Konfliktverkehr rechtzeitig, um noch Ausweichmanöver einzuleiten.")
    assert q["30"][2] == "participants"
    assert _q("An der Studie nahmen 132 Probanden teil.")["132"][2] == "participants"  # Wikinews B041


def test_quantities_mann_besatzung_is_a_crew():
    # GermEval 2014 round-14 Ze007 (CC BY 4.0)
    q = _q("Zwei Mann Besatzung sitzen im Turm in Tandemanordnung auf drehbaren Sitzen hintereinander.")
    assert q["Zwei"][2] == "crew"
    assert _q("Die Armee schickte 5000 Mann an die Grenze.")["5000"][2] == "soldiers"


def test_quantities_a_number_closing_the_sentence_after_a_name_shares_an_earlier_noun():
    # 10kGNAD round-14 Zk014 (a standings sentence; our own sentence of its shape); HIPE-2022 round-8 Ha033 has the
    # same shape ("..., Erträgnis des Osterbazars 13." after two amounts in Kronen)
    q = _q("Rosberg hat 30 Punkte mehr, Alonso wie Button 41.")
    assert q["41"][2] == "points"
    # a name with a number and no earlier counted noun stays a name
    assert "13" not in _q("Am Abend sahen sie Apollo 13.")


def test_quantities_a_code_in_capitals_opening_the_sentence_names_a_train():
    # SmartData round-14 Zk025 (CC BY 4.0, a rail notice); mid-sentence codes were already names ("LH 510 ist")
    q = _q("EN 463 nach Budapest-Keleti pu (planmäßig 23.36 Uhr ab München Hbf) verkehrt wird von München Hbf bis "
           "Salzburg Hbf durch Busse ersetzt.")
    assert "463" not in q
    # a currency in capitals still opens an amount, and a counted noun after the number keeps the count
    assert _q("EUR 30 kostet der Eintritt.")["EUR 30"][2] == "money"
    assert _q("EU 28 Staaten haben zugestimmt.")["28"][2] == "countries"


def test_quantities_a_bare_number_before_an_adverb_of_time_is_a_year():
    # made after the round-15 first runs (fitted): WikiANN round-14 Zj026 and round-15 Qb020 (CC BY-SA)
    q = _q("Aus der Ehe gingen drei Söhne hervor, von denen der älteste Konstantin 654 zum Mitkaiser erhoben wurde; "
           "die beiden jüngeren Söhne Herakleios und Tiberios avancierten 659 ebenfalls zu Mitkaisern.")
    assert "659" not in q and q["drei"][0] == 3
    q = _q("Es ist wahrscheinlich, dass er fundierte und anerkannte architektonische Qualifikationen besaß, da er 1163 "
           "mit der grundlegenden Reparatur oder Wiedererrichtung der Themsebrücke London Bridge betraut wurde.")
    assert "1163" not in q
    assert _q("Sie verkauften 800 im ersten Jahr.")["800"][0] == 800  # a count before another adverbial stays


def test_quantities_a_name_with_a_number_before_a_genitive_or_another_such_name():
    # made after the round-15 first runs, on dev errors: UD GSD Ub033 (CC BY-SA 4.0), GermEval round-14 Ze002 cut (CC
    # BY 4.0; the whole row still fails: "430." before a further sentence stays one token); 10kGNAD has both shapes (a
    # product "des Herstellers", two game titles), tested on our own sentences
    assert "21" not in _q("Die Konferenzdokumente, insbesondere die Agenda 21 der UNCED, schreiben neue "
                          "Partizipationsmöglichkeiten für die NGO im internationalen System fest.")
    assert "345" not in _q("Weitere Entwicklungen mit Mustermaschinen sind die Lastensegler Gotha Go 345 und Gotha Ka "
                           "430.")
    assert "11" not in _q("Ein Beispiel ist das Tablet Pad 11 des Herstellers Orbit, das für 300 Euro zu haben ist.")
    assert "2" not in _q("Er nennt Space Quest 2 und Star Pilot 2 als Vorbilder.")
    # a part of a whole keeps its count, and so does a count before a noun
    assert _q("Die ÖVP kam auf 30 der 60 Sitze.")["30"][2] == "seats"
    assert _q("Er hat Bayern 5 und Hessen 3 Punkte gegeben.")["3 Punkte"][2] == "points"
